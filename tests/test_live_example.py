"""The live worked example on the backpropagation page (``docs/javascripts/backprop_2_2_2.js``,
wired by ``live_backprop.js``), in Debian's Chromium, offline: every value it shows equals, to
eight decimals, what ``solve --format json`` computes for the same problem (the same function,
called here; the command line once), for random problems and the notes' own.
"""

from __future__ import annotations

import json
import os
import random
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest

from conftest import run_cli
from support.browser import CHROMIUM, NUMBERS_ON_SCREEN, VIEWPORTS, record_requests_elsewhere, serve

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("Debian's Chromium is missing: CI must run the browser tests")
    pytest.skip("Debian's Chromium is not installed", allow_module_level=True)

from derivations.problems import BackpropProblem, document_backprop_problem  # noqa: E402
from derivations.solve.backprop_2_2_2 import symbolic  # noqa: E402

INPUTS = ("x1", "x2", "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8",
          "target_o1", "target_o2", "learning_rate", "b_hidden", "b_output")
PROBLEMS = 110
TYPED = 2
"""Random problems in all, and how many of them are typed into the fields instead."""

READ = """() => {
  const shown = {};
  for (const el of document.querySelectorAll("article [data-key]")) {
    (shown[el.dataset.key] ??= []).push(el.textContent);
  }
  return shown;
}"""

ADDRESS = f"""async (fragment) => {{
  const changed = new Promise((resolve) => window.addEventListener("hashchange", resolve, {{once: true}}));
  location.hash = fragment;
  await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 5000))]);
  return ({READ})();
}}"""
"""The page's address changed to ``fragment`` (no reload: a fragment is the same document), then
every value read once the page has answered."""


def problem(inputs: dict[str, str]) -> BackpropProblem:
    v = {name: Fraction(text) for name, text in inputs.items()}
    return BackpropProblem(x=(v["x1"], v["x2"]), weights=tuple(v[f"W{i}"] for i in range(1, 9)),
                           targets=(v["target_o1"], v["target_o2"]), learning_rate=v["learning_rate"],
                           biases=(v["b_hidden"], v["b_output"]))


def random_inputs(rng: random.Random) -> dict[str, str]:
    """Weights and inputs in ±3, targets in (0, 1), a learning rate in (0, 2], biases one time in
    three; each written as Python writes a float (the page reads the same text)."""
    text = lambda low, high: repr(rng.uniform(low, high) or high)  # noqa: E731
    inputs = {name: text(-3, 3) for name in INPUTS[:10]}
    inputs |= {"target_o1": text(0, 1), "target_o2": text(0, 1), "learning_rate": repr(2 - rng.uniform(0, 2))}
    biased = rng.random() < 1 / 3
    inputs |= {b: text(-3, 3) if biased else "0" for b in ("b_hidden", "b_output")}
    return inputs


def shown(value: Decimal) -> str:
    """How the page must show a value: eight decimals rounded half away from zero; a nonzero value
    below 0.5e-8 with three significant digits."""
    with localcontext(rounding=ROUND_HALF_UP):
        if value != 0 and abs(value) < Decimal("5e-9"):
            return f"{value:.2e}"
        return format(value.quantize(Decimal("1e-8")), "f")


def expected(inputs: dict[str, str]) -> dict[str, str]:
    """Every value of ``solve``'s 2-2-2 form, as the page must show it."""
    out = {}
    for key, d in symbolic(problem(inputs)).items():
        assert d.digits is not None, f"{key}: sign undecided"
        out[key] = shown(Decimal(f"{'-' if d.negative else ''}{d.digits[0]}.{d.digits[1:]}E{d.exponent}"))
    return out


def disagreements(page_values: dict[str, list[str]], want: dict[str, str]) -> list[str]:
    assert page_values, "no data-key element on the page"
    return [f"{key}: page {texts}, solve {want.get(key)}" for key, texts in page_values.items()
            if set(texts) != {want.get(key)}]


@pytest.fixture(scope="module")
def site_url(built_site):
    site, _ = built_site
    with serve(site) as base:
        yield base


@pytest.fixture(scope="module")
def context(browser, site_url):
    """One browser context; any request not to the site's server is recorded."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], service_workers="block")
    context.elsewhere = []
    record_requests_elsewhere(context, site_url, context.elsewhere)
    yield context
    context.close()


@pytest.fixture
def tab(context, site_url):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield page
    page.close()
    assert errors == []
    assert context.elsewhere == []


def address(site_url: str, inputs: dict[str, str]) -> str:
    return f"{site_url}backpropagation/#{urlencode(inputs)}"


def test_the_notes_problem(tab, site_url):
    p = document_backprop_problem()
    tab.goto(f"{site_url}backpropagation/")
    page_values = tab.evaluate(READ)
    assert not disagreements(page_values, expected(dict(zip(INPUTS, map(str, [
        *p.x, *p.weights, *p.targets, p.learning_rate, *p.biases])))))
    assert len(page_values) >= 40
    # the numbers substituted into the formulas, and the figures' values, are among those checked
    assert tab.locator("math mn[data-key]").count() >= 100 and tab.locator("math mn[data-input]").count() >= 50
    assert tab.locator("svg tspan[data-key]").count() >= 30
    assert tab.locator("form.live-panel").is_visible()
    assert tab.locator('td[data-column="note"]').first.is_visible()


def test_random_problems_agree_with_solve(tab, site_url):
    """The first opened from a link, the next changed in the address (no reload), the last typed
    into the fields (an input event each); the address then holds the typed inputs."""
    rng = random.Random(15)
    problems = [random_inputs(rng) for _ in range(PROBLEMS)]
    assert sum(p["b_hidden"] != "0" for p in problems) > PROBLEMS // 5
    tab.goto(address(site_url, problems[0]))
    wrong = [f"problem 0: {line}" for line in disagreements(tab.evaluate(READ), expected(problems[0]))]
    for i, inputs in enumerate(problems[1:-TYPED], start=1):
        page_values = tab.evaluate(ADDRESS, "#" + urlencode(inputs))
        wrong += [f"problem {i}: {line}" for line in disagreements(page_values, expected(inputs))]
    for i, inputs in enumerate(problems[-TYPED:]):
        for name, text in inputs.items():
            tab.fill(f'input[name="{name}"]', text)
        wrong += [f"typed {i}: {line}" for line in disagreements(tab.evaluate(READ), expected(inputs))]
        kept = dict(parse_qsl(tab.evaluate("location.hash")[1:]))
        assert {n: float(t) for n, t in kept.items()} == {n: float(t) for n, t in inputs.items()}
    assert wrong == [], "\n".join(wrong[:20])


def test_invalid_input_marks_its_field_and_keeps_the_last_values(tab, site_url):
    tab.goto(address(site_url, random_inputs(random.Random(7))))
    before = tab.evaluate(READ)
    field = tab.locator('input[name="W3"]')
    for text in ("", "abc", "NaN", "Infinity", "1e999", "0x10"):
        field.fill(text)
        assert field.get_attribute("aria-invalid") == "true", text
        assert "live-invalid" in tab.locator('.live-field:has(input[name="W3"])').get_attribute("class")
        assert tab.evaluate(READ) == before, text
        article = tab.locator("article").inner_text()
        assert not re.search(r"NaN|Infinity|undefined", article), text
    tab.fill('input[name="learning_rate"]', "0")
    assert tab.locator('input[name="learning_rate"]').get_attribute("aria-invalid") == "true"
    field.fill("0.5")
    assert field.get_attribute("aria-invalid") is None
    assert tab.evaluate(READ) == before, "learning_rate is still invalid"
    tab.fill('input[name="learning_rate"]', "1.5")
    assert tab.evaluate(READ) != before


def test_the_problem_file_reproduces_the_values_shown_and_the_notes_return_on_reset(tab, site_url, tmp_path):
    """The panel's problem file through the command line (one run): its JSON is the in-process
    function's, and its values are those on the page. Reset brings back the notes' numbers, their
    column and the page's plain address."""
    rng = random.Random(3)
    inputs = random_inputs(rng)
    while inputs["b_hidden"] == "0":  # the file must carry the biases too
        inputs = random_inputs(rng)
    tab.goto(address(site_url, inputs))
    assert not tab.locator('td[data-column="note"]').first.is_visible()
    assert tab.locator(".live-notes-only").first.is_visible()
    text = tab.locator(".live-panel textarea").input_value()
    assert "biases = [" in text
    (tmp_path / "mine.toml").write_text(text, encoding="utf-8")
    result = run_cli("solve", str(tmp_path / "mine.toml"), "--format", "json")
    assert result.returncode == 0, result.stderr
    from derivations.problems import backprop_problem, read_toml
    from derivations.solve.backprop_2_2_2 import render_json

    same = backprop_problem(read_toml(tmp_path / "mine.toml"))
    assert same == problem(inputs)
    assert result.stdout == render_json(symbolic(same))
    page_values = tab.evaluate(READ)
    from_cli = json.loads(result.stdout, parse_float=Decimal)
    assert {key: page_values[key] for key in from_cli if key in page_values} == {
        key: [shown(Decimal(value))] * len(page_values[key]) for key, value in from_cli.items() if key in page_values}
    assert len(set(from_cli) & set(page_values)) >= 20

    tab.click("text=Reset to the notes' numbers")
    assert tab.evaluate("location.hash") == ""
    assert tab.locator('td[data-column="note"]').first.is_visible()
    assert not tab.locator(".live-notes-only").first.is_visible()
    assert not disagreements(tab.evaluate(READ), expected({name: tab.locator(f'input[name="{name}"]').input_value()
                                                           for name in INPUTS}))


SUMS = """() => [...document.querySelectorAll("table.steps tr")].flatMap((row) => {
  const value = row.querySelector('td[data-column="value"][data-key]');
  if (!value || !/^z\\d(_new)?$/.test(value.dataset.key)) return [];
  const cell = row.querySelector('td[data-column="with the numbers"]');
  const numbers = [...cell.querySelectorAll("mn")].filter((m) => m.checkVisibility()).map((m) => m.textContent);
  return [{key: value.dataset.key, value: value.textContent, numbers}];
})"""
"""Each weighted sum's row on screen: its value and the numbers its formula shows, in order."""


@pytest.mark.parametrize("biased", [False, True])
def test_every_weighted_sum_shown_adds_up_to_its_value(tab, site_url, biased):
    """z = W·a + W·a (+ b): the numbers a reader sees in each z row, both passes, give its value
    (to the eight decimals the h values are shown with). With a bias the row shows its term;
    without one, none (the notes' network has no biases)."""
    rng = random.Random(11)
    inputs = random_inputs(rng)
    while (inputs["b_hidden"] != "0") != biased:
        inputs = random_inputs(rng)
    tab.goto(address(site_url, inputs))
    rows = tab.evaluate(SUMS)
    assert sorted(row["key"] for row in rows) == sorted(f"z{i}{s}" for i in range(1, 5) for s in ("", "_new"))
    for row in rows:
        numbers = [float(text.replace("−", "-")) for text in row["numbers"]]
        assert len(numbers) == (5 if biased else 4), row
        total = numbers[0] * numbers[1] + numbers[2] * numbers[3] + (numbers[4] if biased else 0)
        assert abs(total - float(row["value"])) < 1e-7, row
    assert tab.locator(".live-bias").first.is_visible() == biased


def test_without_javascript_the_page_is_the_static_one(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    try:
        tab = context.new_page()
        tab.goto(address(site_url, random_inputs(random.Random(1))))
        assert not tab.locator("form.live-panel").is_visible()
        assert not tab.locator(".live-bias").first.is_visible()
        assert tab.locator('td[data-column="note"]').first.is_visible()
        p = document_backprop_problem()
        notes = dict(zip(INPUTS, map(str, [*p.x, *p.weights, *p.targets, p.learning_rate, *p.biases])))
        assert not disagreements(tab.evaluate(READ), expected(notes))
        assert tab.evaluate("location.hash").startswith("#x1=")  # the address, not the page, changed
    finally:
        context.close()


def test_no_value_leaves_its_box_at_a_laptops_or_a_phones_width(context, site_url):
    """With wide values (negative, two digits before the point) the checks of
    ``test_numbers_visible.py`` (NUMBERS_ON_SCREEN) still find every eight-decimal number on screen, and the page is
    no wider than the window."""
    wide = {name: "-2.99999999" for name in INPUTS} | {name: "2.99999999" for name in ("W1", "W2", "W3", "W4")}
    wide |= {"target_o1": "0.999", "target_o2": "0.001", "learning_rate": "2", "x1": "-2.49999999"}
    tab = context.new_page()
    try:
        for viewport in ("desktop", "phone"):
            tab.set_viewport_size(VIEWPORTS[viewport])
            tab.goto(address(site_url, wide))
            assert tab.evaluate(READ)["z1"][0] == "-19.49999988", "the wide values are shown"
            found = tab.evaluate(NUMBERS_ON_SCREEN)
            assert found["found"] > 150 and found["outside"] == [], (viewport, found)
            assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), viewport
            panel = tab.locator("form.live-panel").bounding_box()
            assert 0 <= panel["x"] and panel["x"] + panel["width"] <= VIEWPORTS[viewport]["width"]
    finally:
        tab.close()


CLIPBOARDS = {
    "refused": "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));",
    # as on a page opened over plain http from another host: no secure context, no clipboard
    "absent": "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});",
}


@pytest.mark.parametrize("clipboard", ["allowed", *CLIPBOARDS])
def test_the_copy_button_copies_the_problem_file_or_selects_it(browser, site_url, clipboard):
    """With the clipboard allowed, the problem file is copied and the panel says so; refused or
    absent, the text is selected for the reader to copy, and the panel says that."""
    from derivations.tables.language import resolve
    from derivations.tables.live import BACKPROP_MESSAGES

    says = {key: resolve(BACKPROP_MESSAGES[key], "en") for key in ("copied", "select")}
    context = browser.new_context(viewport=VIEWPORTS["desktop"], service_workers="block")
    if clipboard == "allowed":
        context.grant_permissions(["clipboard-read", "clipboard-write"])
    else:
        context.add_init_script(CLIPBOARDS[clipboard])
    try:
        tab = context.new_page()
        tab.goto(address(site_url, random_inputs(random.Random(5))))
        toml = tab.locator(".live-panel textarea").input_value()
        assert "weights = [" in toml
        tab.click('.live-panel [data-action="copy"]')
        status = tab.locator(".live-panel .live-note[role=status]")
        if clipboard == "allowed":
            status.filter(has_text=says["copied"]).wait_for(timeout=5000)
            assert tab.evaluate("navigator.clipboard.readText()") == toml
        else:
            status.filter(has_text=says["select"]).wait_for(timeout=5000)
            selected = tab.evaluate("(t => t.value.slice(t.selectionStart, t.selectionEnd))"
                                    "(document.querySelector('.live-panel textarea'))")
            assert selected == toml
    finally:
        context.close()

"""The losses page's softmax panel (``docs/javascripts/softmax.js``) against both Python routes: for
100 seeded random logit vectors and classes set through the page address, a few edges and a few
typed, every value shown equals SymPy's (evaluated to 60 digits) rounded as shown, and NumPy's.
Offline, at 1280 and 390 px."""

from __future__ import annotations

import random
from fractions import Fraction
from urllib.parse import urlencode

import pytest

from derivations.numeric.activations import softmax_jacobian
from derivations.numeric.losses import softmax_cross_entropy_values as numeric_values
from derivations.symbolic.losses import softmax_cross_entropy_values as exact_values
from derivations.symbolic.losses import softmax_keys
from support.live import float_route_agrees, read_panel, set_address, shown_exactly
from test_live_perceptron import offline_page, site  # noqa: F401  (the shared fixtures; browser is pytest-playwright's)

NAMES = ("logits[0]", "logits[1]", "logits[2]", "class")
EXAMPLE = {"logits[0]": "2", "logits[1]": "1", "logits[2]": "0.1", "class": "1"}
"""activations.toml's [inputs.categorical]: logits [2.0, 1.0, 0.1], targets [1, 0, 0]."""

FIELD = 'form[data-live="softmax"] input[name="{}"]'


def random_problems(count: int, seed: int = 15) -> list[dict[str, str]]:
    """Logits in ±10 with two decimals (probabilities down to e^-40), a random true class."""
    rng = random.Random(seed)
    return [{**{f"logits[{i}]": f"{rng.randint(-1000, 1000) / 100:g}" for i in range(3)},
             "class": str(rng.randint(1, 3))} for _ in range(count)]


def vector(*z: str, k: int) -> dict[str, str]:
    return {"logits[0]": z[0], "logits[1]": z[1], "logits[2]": z[2], "class": str(k)}


EDGES = [
    vector("1000", "1001", "1002", k=2),   # where the note's np.exp(x) / np.sum(np.exp(x)) overflows
    vector("50", "-50", "0", k=1),         # s1 within 2e-22 of 1: L and 1 − s1 only survive uncancelled
    vector("50", "-50", "0", k=2),         # L = 100, the class's probability 3.7e-44
    vector("0", "0", "0", k=3),            # a tie for the largest logit
]


def expected(problem: dict[str, str]) -> tuple[dict[str, Fraction], dict[str, float]]:
    z, k = [problem[f"logits[{i}]"] for i in range(3)], int(problem["class"])
    exact = {key: Fraction(str(e.evalf(60))) for key, e in exact_values(z, k).items()}
    return exact, numeric_values([float(v) for v in z], k)


def mismatches(shown: dict[str, str], problem: dict[str, str]) -> list[str]:
    exact, numeric = expected(problem)
    assert set(shown) == set(softmax_keys(3))
    found = []
    for key in softmax_keys(3):
        if shown[key] not in shown_exactly(exact[key]):
            found.append(f"{key}: shown {shown[key]}, SymPy {sorted(shown_exactly(exact[key]))} for {problem}")
        if not float_route_agrees(numeric[key], exact[key]):
            found.append(f"{key}: NumPy {numeric[key]!r}, SymPy {float(exact[key])!r} for {problem}")
    return found


def test_every_value_equals_both_python_routes(browser, site):  # noqa: F811
    outside = []
    context, page, errors = offline_page(browser, site, 1280, outside)
    try:
        page.goto(site + "losses/", wait_until="load")
        first = read_panel(page, "softmax")
        assert first["invalid"] == [] and mismatches(first["values"], EXAMPLE) == []
        assert {n: page.input_value(FIELD.format(n)) for n in NAMES} == EXAMPLE
        found = []
        for problem in random_problems(100) + EDGES:
            result = set_address(page, "softmax", problem)
            assert result["invalid"] == [], problem
            found += mismatches(result["values"], problem)
        assert found == [], "\n".join(found[:10])
        saturated = set_address(page, "softmax", EDGES[1])["values"]
        assert saturated["L"] == "1.9287498e-22" and saturated["ds1_dz1"] == "1.9287498e-22"
        for problem in random_problems(2, seed=16):
            for name, text in problem.items():
                page.fill(FIELD.format(name), text)
            assert mismatches(read_panel(page, "softmax")["values"], problem) == []
    finally:
        context.close()
    assert outside == [] and errors == []


def test_numpy_jacobian_keeps_a_saturated_diagonal():
    """s1(1 − s1) at s1 = 1 − 1.9e-22: NumPy's diagonal is the sum of the others, not s − s²
    (which is 0 here)."""
    exact = exact_values(["50", "-50", "0"], 1)["ds1_dz1"].evalf(30)
    assert softmax_jacobian([50.0, -50.0, 0.0])[0, 0] == pytest.approx(float(exact), rel=1e-14, abs=0)


def test_a_link_reproduces_the_inputs_and_fits_a_phone(browser, site):  # noqa: F811
    """The widest values there are (a minus sign and a power of ten in every column)."""
    problem = vector("-37.5", "-12.25", "-36.75", k=2)
    outside = []
    for width in (390, 1280):
        context, page, errors = offline_page(browser, site, width, outside)
        try:
            page.goto(site + "losses/?" + urlencode(problem), wait_until="load")
            shown = read_panel(page, "softmax")["values"]
            assert mismatches(shown, problem) == [] and sum("e-" in v for v in shown.values()) >= 6
            widths = page.evaluate("""() => { const p = document.querySelector('form.live-panel');
                return [document.documentElement.scrollWidth, innerWidth, p.scrollWidth, p.clientWidth]; }""")
            assert widths[0] <= widths[1] and widths[2] <= widths[3], (width, widths)
        finally:
            context.close()
        assert errors == []
    assert outside == []


def test_invalid_input_marks_the_field_and_keeps_the_last_values(browser, site):  # noqa: F811
    outside = []
    context, page, errors = offline_page(browser, site, 1280, outside)
    try:
        page.goto(site + "losses/", wait_until="load")
        good = read_panel(page, "softmax")["values"]
        for name, texts in (("logits[1]", ("", "abc", "NaN", "Infinity", "1e999")), ("class", ("0", "4", "1.5", ""))):
            for text in texts:
                page.fill(FIELD.format(name), text)
                after = read_panel(page, "softmax")
                assert after["invalid"] == [name] and after["values"] == good, (name, text)
                assert "NaN" not in after["text"] and "Infinity" not in after["text"]
            page.fill(FIELD.format(name), EXAMPLE[name])
        page.fill(FIELD.format("class"), "3")
        assert read_panel(page, "softmax")["values"]["L"] != good["L"]
        page.click('form[data-live="softmax"] button[type="reset"]')
        page.wait_for_function("() => location.search === ''")
        assert read_panel(page, "softmax")["values"] == good
    finally:
        context.close()
    assert outside == [] and errors == []


def test_without_javascript_the_page_is_the_static_page(browser, site):  # noqa: F811
    outside = []
    context, page, _ = offline_page(browser, site, 1280, outside, java_script_enabled=False)
    try:
        page.goto(site + "losses/", wait_until="load")
        assert not page.is_visible("form.live-panel") and page.is_visible("table.steps")
        assert not page.is_visible("form.live-panel + p .generated-by")  # the panel's source line too
    finally:
        context.close()
    assert outside == []

"""``solve --format html``: one page holding every value of ``--format json``, loading nothing."""

from __future__ import annotations

import re
from collections import Counter
from itertools import product
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from derivations.cli import main

TWO_TWO_TWO = """\
x = [0.5, -0.3]
weights = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8]
targets = [1, 0]
learning_rate = 0.25
biases = [0.1, -0.2]
"""

# Saturated output units: gradients of order 1e-9 and below, printed with a power of ten.
SATURATED = """\
x = [1, 1]
weights = [3, 3, 3, 3, 12, 12, 12, 12]
targets = [1, 1]
learning_rate = 0.5
"""

DENSE = """\
x = [[0.1, 0.2], [0.3, -0.1]]
targets = [[0.4, 0.6], [0.1, 0.9]]
loss = "half_sse"
learning_rate = 0.5
[[layers]]
weights = [[0.3, 0.4], [0.25, 0.35]]
biases = [0.1, 0.0]
activation = "tanh"
[[layers]]
weights = [[0.45, 0.7], [0.4, 0.6]]
activation = "sigmoid"
"""

CASES = {"2-2-2": (TWO_TWO_TWO, "symbolic"), "2-2-2 numeric": (TWO_TWO_TWO, "numeric"),
         "2-2-2 saturated": (SATURATED, "symbolic"), "dense": (DENSE, "symbolic"),
         "dense numeric": (DENSE, "numeric")}


def solve(capsys, problem: Path, *args: str) -> tuple[int, str, str]:
    """The CLI in this process: exit status, stdout, stderr."""
    status = main(["solve", str(problem), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, tuple[str, Path]]:
    """For each case, (the JSON's text, the HTML page's path), from one run of each format."""
    made = {}
    for name, (text, route) in CASES.items():
        folder = tmp_path_factory.mktemp("html")
        problem = folder / "problem.toml"
        problem.write_text(text)
        html_file, json_file = folder / "derivation.html", folder / "values.json"
        for fmt, out in (("html", html_file), ("json", json_file)):
            assert main(["solve", str(problem), "--route", route, "--format", fmt, "--output", str(out)]) == 0
        made[name] = json_file.read_text(), html_file
    return made


@pytest.fixture(params=list(CASES))
def page(request, pages):
    return pages[request.param]


def json_numbers(text: str) -> list[str]:
    """Every number of the JSON as it is written (never through a float)."""
    return re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", re.sub(r'"[^"]*"', "", text))


def printed_numbers(html: str) -> list[str]:
    """Every number in the page's formulas, written back as the JSON writes it: a minus sign
    before it, ``× 10^e`` after it."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for formula in soup.find_all("math"):
        text = formula.get_text(" ").replace("\u2212", "-")
        for sign, digits, power in re.findall(r"(-\s*)?(\d+(?:\.\d+)?)(?:\s*×\s*10\s*((?:-\s*)?\d+))?", text):
            found.append(("-" if sign else "") + digits + (f"e{power.replace(' ', '')}" if power else ""))
    return found


def test_the_page_prints_every_value_of_the_json(page):
    values, html_file = page
    expected = Counter(json_numbers(values))
    shown = Counter(printed_numbers(html_file.read_text()))
    assert sum(expected.values()) >= 9
    assert expected - shown == Counter()


def test_the_saturated_case_reads_powers_of_ten(pages):
    """The reader above is exercised on ``d.ddd × 10^e``, not only on plain decimals."""
    values, html_file = pages["2-2-2 saturated"]
    powers = [n for n in json_numbers(values) if "e" in n]
    assert len(powers) >= 4 and not Counter(powers) - Counter(printed_numbers(html_file.read_text()))


def test_the_page_names_no_other_place(page):
    _, html_file = page
    html = html_file.read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.title.string.strip() == soup.h1.get_text().strip()
    assert not soup.find_all(["link", "script", "iframe", "img", "object", "embed"])
    addresses = [(tag.name, name, value) for tag in soup.find_all(True) for name, value in tag.attrs.items()
                 if re.search(r"://|^//", str(value))]
    assert addresses == []
    style = " ".join(s.get_text() for s in soup.find_all("style"))
    assert "@import" not in style and "url(" not in style


def test_chromium_requests_nothing_but_the_page_and_it_fits_a_phone(pages, browser):
    """pytest-playwright's browser (Debian's Chromium, tests/conftest.py): a second
    ``sync_playwright()`` in the same session fails whichever of the two starts later."""
    for (_, html_file), width in product(pages.values(), (1280, 390)):
        url = html_file.resolve().as_uri()
        context = browser.new_context(viewport={"width": width, "height": 800})
        requests = []
        context.route("**/*", lambda route: (requests.append(route.request.url),
                                             route.continue_() if route.request.url == url else route.abort()))
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        scroll, inner, unsized = tab.evaluate("""() => [document.documentElement.scrollWidth, innerWidth,
          [...document.querySelectorAll('math')].filter(m => !m.getBoundingClientRect().width).length]""")
        context.close()
        assert requests == [url]
        assert scroll <= inner and unsized == 0, (width, scroll, unsized)


BAD = {"NaN": "x = [nan, 0.2]", "not TOML": "x = [", "missing keys": "x = [0.1, 0.2]"}


@pytest.mark.parametrize("text", BAD.values(), ids=list(BAD))
def test_bad_input_is_one_line_and_no_page(text, tmp_path, capsys):
    problem = tmp_path / "bad.toml"
    problem.write_text(text)
    out = tmp_path / "page.html"
    status, stdout, stderr = solve(capsys, problem, "--format", "html", "--output", str(out))
    assert status == 2 and stdout == "" and len(stderr.strip().splitlines()) == 1
    assert stderr.startswith("error: ") and not out.exists()


def test_without_output_the_page_goes_to_stdout(tmp_path, capsys):
    problem = tmp_path / "p.toml"
    problem.write_text(TWO_TWO_TWO)
    status, stdout, _ = solve(capsys, problem, "--format", "html", "--route", "numeric")
    assert status == 0 and stdout.startswith("<!DOCTYPE html>") and stdout.rstrip().endswith("</html>")


def test_markdown_stays_the_default(tmp_path, capsys):
    problem = tmp_path / "p.toml"
    problem.write_text(TWO_TWO_TWO)
    _, stdout, _ = solve(capsys, problem, "--route", "numeric")
    assert stdout.startswith("# The 2-2-2 sigmoid network, derived")

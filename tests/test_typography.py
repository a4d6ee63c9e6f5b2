"""Type a reader can read: formulas set in a math font (fractions in table cells at a readable
size), and every page with a title of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support.browser import serve

MATH_FONTS = ("STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre")


class _Title(HTMLParser):
    """The document's ``<title>`` (in ``<head>``; an inline SVG's title is not the page's)."""

    def __init__(self):
        super().__init__()
        self.title, self._in_head, self._in_title = None, False, False

    def handle_starttag(self, tag, attrs):
        self._in_head |= tag == "head"
        self._in_title = self._in_head and tag == "title" and self.title is None

    def handle_endtag(self, tag):
        self._in_head &= tag != "head"
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = data.strip()


def test_every_page_has_a_title_of_its_own(built_site):
    site, _ = built_site
    titles: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        parser = _Title()
        parser.feed(page.read_text(encoding="utf-8").partition("</head>")[0])  # the title is in the head
        titles.setdefault(parser.title, []).append(page.relative_to(site).as_posix())
    assert len(titles) > 20
    assert {title: pages for title, pages in titles.items() if len(pages) > 1} == {}


MEASURE = r"""
import json, sys
from playwright.sync_api import sync_playwright

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"])
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(sys.argv[1], wait_until="load")
    print(json.dumps(tab.evaluate('''({
        families: [...document.querySelectorAll("math")].map(m => getComputedStyle(m).fontFamily),
        // Only what is displayed: a fraction inside a folded <details> has no box to measure.
        fractions: [...document.querySelectorAll("td math mfrac")].filter(f => f.getClientRects().length).map(f => [
            f.getBoundingClientRect().height, parseFloat(getComputedStyle(f).fontSize)]),
    })''')))
    browser.close()
"""
"""Run in a process of its own: the browser tests hold a Playwright session open in this one."""


@pytest.fixture(scope="module")
def page(built_site):
    """What Debian's Chromium computes for the backpropagation chapter, served from 127.0.0.1."""
    pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must run the browser tests: Debian's Chromium is missing")
        pytest.skip("Debian's Chromium is not installed")
    site, _ = built_site
    with serve(site) as base:
        result = subprocess.run([sys.executable, "-c", MEASURE, f"{base}backpropagation/"],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_formulas_name_a_math_font_first(page):
    families = page["families"]
    assert len(families) > 50
    firsts = {family.split(",")[0].strip().strip('"') for family in families}
    assert firsts <= set(MATH_FONTS), firsts


def test_a_fraction_in_a_table_cell_is_readable(page):
    """A fraction stacks two lines: in a math font it stands well over its font size (about 1.4
    em); set in a text font it is squeezed (1.1–1.3 em here, a few pixels on some systems)."""
    sizes = page["fractions"]
    assert sizes, "the step tables hold fractions"
    assert min(height for height, _ in sizes) > 10, sorted(sizes)[:5]
    assert min(height / em for height, em in sizes) > 1.3, sorted(sizes, key=lambda s: s[0] / s[1])[:5]


ALIGNED = r"""
import json, sys
from playwright.sync_api import sync_playwright

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
    tab = browser.new_page(viewport={"width": int(sys.argv[2]), "height": 900})
    tab.goto(sys.argv[1], wait_until="load")
    print(json.dumps(tab.evaluate('''[...document.querySelectorAll("mtable")]
        .filter((t) => t.querySelector("mtd[columnalign]") && t.getClientRects().length)
        .map((t) => [...t.children].filter((row) => row.children[0].childElementCount).map((row) => {
            const [left, right] = row.children;
            const relation = right.querySelector(":scope > mo");
            const box = (e) => e.getBoundingClientRect();
            // where the left side's ink ends and the relation sign's begins
            return [Math.max(...[...left.children].map((e) => box(e).right)), box(relation).left];
        }))''')))
    browser.close()
"""


@pytest.mark.parametrize("width", [1280, 390])
def test_aligned_formulas_line_up_at_the_relation_sign(built_site, width):
    """An aligned environment (the forward page's two-output softmax, the losses' derivations): in
    every row with a left side, it ends where the relation sign begins, at the same x in every
    row, as TeX sets it. Chromium centres each cell unless the site's stylesheet aligns it."""
    pytest.importorskip("playwright.sync_api")
    site, _ = built_site
    with serve(site) as base:
        result = subprocess.run([sys.executable, "-c", ALIGNED, f"{base}forward/", str(width)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    tables = json.loads(result.stdout)
    assert tables, "the forward page holds aligned formulas"
    for rows in tables:
        ends, relations = {round(end) for end, _ in rows}, {round(sign) for _, sign in rows}
        assert len(rows) > 1 and len(ends) == 1 and len(relations) == 1, rows
        assert 0 <= relations.pop() - ends.pop() <= 6, rows  # at most a thin space between them

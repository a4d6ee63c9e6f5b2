"""Every eight-decimal number in a chapter's main text is on screen, at a laptop's width and a
phone's, without scrolling anything sideways: a value the reader has to hunt for is not shown.

Numbers inside a closed ``<details>`` (the evidence, one click away), in code or in a figure do
not count; everything else in the article does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.browser import serve

CHAPTERS = ("perceptron", "perceptron_geometry", "activations", "losses", "forward", "dense", "graph", "backpropagation",
            "learning")
"""The chapter pages of the nav (not the notebooks, the glossary or the source pages)."""

WIDTHS = (1280, 390)

MEASURE = r"""
import json, sys
from playwright.sync_api import sync_playwright

FIND = '''() => {
    const EIGHT = /-?\d+\.\d{8}(?!\d)/g;
    const hidden = el => el.closest("pre, code, svg, figure") ||
        [...ancestors(el)].some(a => a.tagName === "DETAILS" && !a.open && !a.firstElementChild?.contains(el));
    function* ancestors(el) { for (let a = el.parentElement; a; a = a.parentElement) yield a; }
    const article = document.querySelector("article.md-content__inner");
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const width = document.documentElement.clientWidth, found = [], outside = [];
    for (let node; (node = walker.nextNode());) {
        const el = node.parentElement;
        if (hidden(el)) continue;
        for (const m of node.data.matchAll(EIGHT)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const r = range.getBoundingClientRect();
            found.push(m[0]);
            if (r.left < 0 || r.right > width + 0.5)
                outside.push({number: m[0], left: Math.round(r.left), right: Math.round(r.right)});
        }
    }
    return {width, found: found.length, outside};
}'''

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"])
    results = {}
    for width in map(int, sys.argv[2].split(",")):
        tab = browser.new_page(viewport={"width": width, "height": 900})
        for chapter in sys.argv[3:]:
            tab.goto(f"{sys.argv[1]}/{chapter}/", wait_until="load")
            results[f"{chapter}@{width}"] = tab.evaluate(FIND)
        tab.close()
    print(json.dumps(results))
    browser.close()
"""
"""Run in a process of its own: the browser tests hold a Playwright session open in this one."""


def measure(site: Path) -> dict:
    """For each chapter and width: the viewport's width, how many numbers were found, and those
    outside the viewport with their horizontal extent."""
    with serve(site) as base:
        result = subprocess.run([sys.executable, "-c", MEASURE, base.rstrip("/"),
                                 ",".join(map(str, WIDTHS)), *CHAPTERS],
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def pages(built_site):
    pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must run the browser tests: Debian's Chromium is missing")
        pytest.skip("Debian's Chromium is not installed")
    site, _ = built_site
    return measure(site)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_eight_decimal_number_is_inside_the_viewport(pages, chapter, width):
    page = pages[f"{chapter}@{width}"]
    assert page["width"] <= width
    assert page["outside"] == [], f"{len(page['outside'])} of {page['found']} numbers outside"


def test_the_numbers_are_found(pages):
    """The search sees the pages' values (the perceptron and forward pages print none to eight
    decimals; the others over four hundred between them, two hundred on the backpropagation page
    with its evidence folded)."""
    for width in WIDTHS:
        assert sum(pages[f"{chapter}@{width}"]["found"] for chapter in CHAPTERS) > 400
        assert pages[f"backpropagation@{width}"]["found"] > 200


if __name__ == "__main__":  # a report for a built site: python tests/test_numbers_visible.py SITE
    for key, page in measure(Path(sys.argv[1])).items():
        print(f"{key:24} {len(page['outside']):4} of {page['found']:4} outside")

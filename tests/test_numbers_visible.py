"""Every eight-decimal number in a chapter's main text is on screen, at a laptop's width and a
phone's, in both editions and both colour schemes, without scrolling anything sideways: a value the
reader has to hunt for is not shown.

Numbers inside a block folded when the page loads (the evidence, one click away), in code or in a
figure do not count; everything else in the article does. The pages are measured while they are
read for ``test_browser.py`` (``support.browser.NUMBERS_ON_SCREEN``, in the background lane).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from support.browser import CHROMIUM, SCHEMES, STATES, VIEWPORTS, read_site

CHAPTERS = ("perceptron", "perceptron_geometry", "activations", "losses", "forward", "dense", "graph", "backpropagation",
            "learning")
"""The chapter pages of the nav (not the notebooks, the glossary or the source pages)."""

EDITIONS = ("", "ko/")

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):  # CI installs it: there a failure
    pytest.skip("Debian's Chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_eight_decimal_number_is_inside_the_viewport(site_read, chapter, edition, viewport):
    _, visits = site_read
    for scheme in SCHEMES:
        numbers = visits[f"{edition}{chapter}/"][viewport, scheme].numbers
        assert numbers["width"] <= VIEWPORTS[viewport]["width"]
        assert numbers["outside"] == [], f"{len(numbers['outside'])} of {numbers['found']} numbers outside ({scheme})"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_numbers_are_found(site_read, edition):
    """The search sees the pages' values (over four hundred in the chapters, two hundred on the
    backpropagation page with its evidence folded), and the same number in every state of a page."""
    _, visits = site_read
    for state in STATES:
        assert sum(visits[f"{edition}{chapter}/"][state].numbers["found"] for chapter in CHAPTERS) > 400
        assert visits[f"{edition}backpropagation/"][state].numbers["found"] > 200
    for chapter in CHAPTERS:
        assert len({visits[f"{edition}{chapter}/"][state].numbers["found"] for state in STATES}) == 1, chapter


if __name__ == "__main__":  # a report for a built site: python tests/test_numbers_visible.py SITE
    _, visits = read_site(Path(sys.argv[1]), [f"{e}{c}/" for e in EDITIONS for c in CHAPTERS])
    for page, states in visits.items():
        for (viewport, scheme), visit in states.items():
            n = visit.numbers
            print(f"{page:28} {viewport:8} {scheme:6} {len(n['outside']):4} of {n['found']:4} outside")

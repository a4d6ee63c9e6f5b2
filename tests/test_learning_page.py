"""The learning chapter as built: derived values on the page, both figures inline, notebook run."""

from __future__ import annotations

import html
import re

import sympy as sp

from derivations.problems import data_file
from derivations.symbolic import optimizers as symbolic
from derivations.symbolic.backprop_2_2_2 import WEIGHTS
from derivations.tables.common import fixed
from test_site_build import visible_text

DATA = data_file("learning")


def _page(site) -> str:
    return (site / "learning" / "index.html").read_text(encoding="utf-8")


def test_every_optimizers_step_one_weights_are_on_the_page(built_site, document_problem):
    site, _ = built_site
    text = visible_text(_page(site))
    for o in DATA["optimizers"]:
        (step,) = symbolic.run(o["key"], o["hyperparameters"], document_problem, steps=1)
        missing = [w for w in WEIGHTS if fixed(sp.N(step.weights[w], 40)) not in text]
        assert not missing, o["key"]


def test_every_figure_is_inline_svg_in_current_color(built_site):
    """Momentum at a local minimum, the training curves and the epochs."""
    site, _ = built_site
    page = _page(site)
    figures = re.findall(r'<figure class="diagram">\s*(<svg.*?</svg>)', page, flags=re.S)
    assert len(figures) == 3
    for svg in figures:
        assert 'fill="currentColor"' in svg and "#000000" not in svg


def test_the_learning_notebook_was_executed(built_site):
    site, _ = built_site
    page = html.unescape((site / "notebooks" / "learning" / "index.html").read_text(encoding="utf-8"))
    outputs = re.findall(r"W1 0\.\d{8}  largest gap \d\.\de-\d\d", page)
    assert len(outputs) == len(DATA["optimizers"])
    assert "updates per epoch" in page

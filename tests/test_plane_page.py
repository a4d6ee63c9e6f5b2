"""The built geometry page shows what its sections promise: the claims, both forms of the rule,
the plane and the hidden layer's map as figures, the slips; and the notebook ran its new cells."""

from __future__ import annotations

import html
import re

import pytest

from derivations.problems import data_file, errata
from derivations.symbolic import plane as symbolic
from derivations.tables import plane as tables
from test_site_build import visible_text

DATA, GATES = data_file("plane"), data_file("perceptron")


EDITIONS = {"": {"claim": "english", "legend": "output 1"}, "ko/": {"claim": "truth_ko", "legend": "출력 1"}}
"""Each edition's folder in the site: the field of each claim its page shows, and a figure's label."""


@pytest.fixture(scope="module", params=EDITIONS)
def edition(request):
    return request.param


@pytest.fixture(scope="module")
def geometry_page(built_site, edition):
    site, _ = built_site
    return (site / edition / "perceptron_geometry" / "index.html").read_text(encoding="utf-8")


def test_the_page_is_in_the_perceptron_section(built_site):
    site, _ = built_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*perceptron_geometry/"', home)


def test_every_section_shows_its_generated_evidence(geometry_page, edition):
    text = visible_text(geometry_page)
    for c in DATA["claims"]:
        assert c[EDITIONS[edition]["claim"]] in text, c["id"]
    for e in errata(DATA):
        assert e.printed in text, e.id
    for r in tables.xor_map_rows(GATES):                      # the last stage of each input
        assert f"({r['h'][0]}, {r['h'][1]})" in text
    assert "✗" not in text
    # both figures inline, drawn with their marks
    assert geometry_page.count('<g id="corners-1">') == 1 and geometry_page.count('-point-3">') == 4
    assert f">{EDITIONS[edition]['legend']}</text>" in geometry_page      # the figures in the page's language


def test_the_notebook_ran_the_geometry_cells(built_site, edition):
    site, _ = built_site
    nb = html.unescape((site / edition / "notebooks" / "perceptron" / "index.html").read_text(encoding="utf-8"))
    assert nb.count("w.x >= theta and w.x + b >= 0 agree: True; NumPy the same: True") == len(GATES["gates"])
    assert len(re.findall(r"right on (\d+) of \1 corners; NumPy agrees: True", nb)) == 2 * len(DATA["hyperplane"]["inputs"])
    W, _ = symbolic.layer(GATES["xor_network"]["weights"], GATES["xor_network"]["hidden"])
    assert f"det W = {W.det()}" in nb

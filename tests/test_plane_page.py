"""The built geometry page shows what its sections promise: the claims, both forms of the rule,
the plane and the hidden layer's map as figures, the slips; and the notebook ran its new cells."""

from __future__ import annotations

import html
import re

import pytest
import sympy as sp

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


def test_each_n_input_hyperplane_cuts_off_the_corner_the_page_names():
    # AND's hyperplane sets the all-ones corner apart, OR's the all-zeros corner: not, for OR, the
    # corners with the most ones.
    for r in tables.hyperplane_rows(DATA):
        rows = symbolic.gate_on_corners(r["gate"], r["weights"], r["bias"])
        ones, zeros = {c["x"] for c in rows if c["s"] > 0}, {c["x"] for c in rows if c["s"] < 0}
        alone = {"AND": (ones, (1,) * r["n"]), "OR": (zeros, (0,) * r["n"])}[r["gate"]]
        assert alone[0] == {alone[1]}, (r["n"], r["gate"])
        assert len(ones) + len(zeros) == 2 ** r["n"]


def test_the_tables_said_to_have_no_numpy_check_have_none_and_the_rest_do():
    checked = [tables.neuron_table(GATES), tables.threshold_bias_table(GATES), tables.hyperplane_table(DATA),
               tables.plane_corners_table(DATA), tables.xor_map_table(GATES)]
    exact_only = [tables.two_input_table(), tables.xor_layer_table(GATES)]
    assert all("NumPy" in t for t in checked)
    assert not any("NumPy" in t for t in exact_only)


def test_step_and_sigmoid_are_above_one_half_on_the_same_inputs():
    # The page: on the four inputs both activations put the same inputs above one half.
    _, weights = tables.gate_sets(GATES)[0]
    rows = tables.neuron_rows(weights)
    above = [(r["step"] > sp.Rational(1, 2), r["sigma"] > sp.Rational(1, 2)) for r in rows]
    assert all(step == sigma for step, sigma in above)
    assert {step for step, _ in above} == {True, False}        # a real split, not all on one side


def test_parity_is_xor_once_every_input_from_the_third_on_is_zero():
    # From the third input on, not "after the first": fixing x2 as well leaves x1, which one line
    # computes, and would prove nothing about parity.
    xor = {(a, b): int(a != b) for a, b in symbolic.corners(2)}
    for n in range(3, 7):
        parity = {p: sum(p) % 2 for p in symbolic.corners(n)}
        assert {p[:2]: v for p, v in parity.items() if not any(p[2:])} == xor, n
        assert {p[:1]: v for p, v in parity.items() if not any(p[1:])} == {(0,): 0, (1,): 1}, n

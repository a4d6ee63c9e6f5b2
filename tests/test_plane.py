"""The perceptron as geometry: threshold and bias decide alike, n-input gates are hyperplanes, the
XOR hidden layer's map; each checked by SymPy and NumPy agreeing and by an independent route, and
the figures drawn from the same numbers."""

from __future__ import annotations

import re
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
import sympy as sp

from conftest import ROOT
from derivations.numeric import plane as numeric
from derivations.problems import data_file
from derivations.symbolic import perceptron as sym_perceptron
from derivations.symbolic import plane as symbolic
from derivations.tables import plane as tables

DATA, GATES = data_file("plane"), data_file("perceptron")


def _file(name: str) -> str:
    """A committed generated file (``tables --check``, in test_tables, holds them to the code)."""
    return (ROOT / "docs" / "generated" / "plane" / name).read_text(encoding="utf-8")


def test_threshold_and_bias_decide_alike_on_every_input():
    rows = tables.threshold_bias_rows(GATES)
    assert len(rows) == len(GATES["gates"])
    for r in rows:
        assert r["threshold>="] == r["bias>="] and r["threshold>"] == r["bias>"]
        assert r["numpy>="] == (r["threshold>="], r["threshold>="])
        # by hand, in Fractions: w·x ≥ θ with θ = −b
        w = [Fraction(str(v)) for v in r["w"]]
        theta = Fraction(str(r["theta"]))
        assert r["threshold>="] == tuple(int(w[0] * a + w[1] * c >= theta) for a, c in sym_perceptron.INPUTS)
    # the third AND set has inputs on the line: there ≥ and > differ, and the table shows both
    assert any(r["threshold>="] != r["threshold>"] for r in rows)
    assert "✗" not in _file("threshold_bias.md")


def test_a_threshold_and_a_bias_of_opposite_sign_never_disagree():
    """Beyond the note's sets: every small rational weight set, both rules, on the four inputs."""
    values = [Fraction(k, 2) for k in range(-3, 4)]
    for w1, w2, b in product(values, repeat=3):
        for point in sym_perceptron.INPUTS:
            for strict in (False, True):
                assert symbolic.by_threshold((w1, w2), -b, point, strict) == symbolic.by_bias((w1, w2), b, point, strict)


def test_n_input_and_or_are_right_on_every_corner():
    rows = tables.hyperplane_rows(DATA)
    assert {r["n"] for r in rows} == set(DATA["hyperplane"]["inputs"]) and max(r["n"] for r in rows) >= 5
    for r in rows:
        assert r["right"] == r["right_np"] == r["corners"] == 2 ** r["n"]
        assert r["margin"] > 0
        # independently: AND is "all ones", OR "any one", against Σx + b > 0 in Fractions
        b = Fraction(str(r["bias"]))
        for x in product((0, 1), repeat=r["n"]):
            assert int(sum(x) + b > 0) == int((all if r["gate"] == "AND" else any)(x))
    assert "✗" not in _file("hyperplane.md")


def test_exactly_xor_and_its_negation_have_no_line():
    found = symbolic.two_input_functions()
    assert len(found) == 16
    no_line = {truth for truth, feasible, _ in found if not feasible}
    assert no_line == {(0, 1, 1, 0), (1, 0, 0, 1)}
    # independently of Fourier–Motzkin: a search over small weights finds the other fourteen
    grid = [Fraction(k, 2) for k in range(-4, 5)]
    reachable = {tuple(int(w1 * a + w2 * c + b > 0) for a, c in sym_perceptron.INPUTS)
                 for w1, w2, b in product(grid, repeat=3)}
    assert reachable == {truth for truth, feasible, _ in found if feasible}
    assert symbolic.parity_contains_xor(3) and symbolic.parity_contains_xor(5)


def test_the_hyperplane_claim_says_for_which_n_parity_needs_more_than_one():
    """One-input parity is x1 itself, cut by one threshold; from two inputs on it holds XOR, which
    no line computes."""
    (claim,) = [c for c in DATA["claims"] if c["id"] == "hyperplane"]
    xor_has_line = dict((t, f) for t, f, _ in symbolic.two_input_functions())[(0, 1, 1, 0)]
    # w1 = 1, b = −1/2 computes one-input parity
    assert [int(x - Fraction(1, 2) > 0) for (x,) in symbolic.corners(1)] == [x % 2 for (x,) in symbolic.corners(1)]
    needs_more = {n: n >= 2 and symbolic.parity_contains_xor(n) and not xor_has_line for n in range(1, 7)}
    for text, said in ((claim["truth"], r"parity for every n(?: ≥ (\d+))?"),
                       (claim["truth_ko"], r"모든 n(?: ≥ (\d+))?에 대한 패리티")):
        lowest = int(re.search(said, text)[1] or 1)
        assert needs_more == {n: n >= lowest for n in needs_more}, text


def test_the_and3_plane_cuts_the_cube_where_the_figure_draws_it():
    n = DATA["hyperplane"]["plane_inputs"]
    weights, bias = symbolic.gate_weights(DATA["hyperplane"]["AND"], n)
    vertices = tables.plane_vertices(weights, bias)
    assert len(vertices) == 3
    for v in vertices:
        assert symbolic.dot(weights, v) + bias == 0
        assert sum(c not in (0, 1) for c in v) == 1          # on an edge of the cube
    drawn = numeric.plane_in_cube(np.array(weights, dtype=float), float(bias))
    assert sorted(map(tuple, drawn.round(12))) == [tuple(float(c) for c in v) for v in vertices]
    # the figure's corners: one orange marker (AND's one 1) and seven blue
    svg = _file("and3.svg")
    groups = dict(re.findall(r'<g id="corners-(\d)">(.*?)</g>\n   </g>', svg, re.S))
    assert {k: v.count("<use ") for k, v in groups.items()} == {"1": 1, "0": 7}


def _markers(svg: str) -> dict[str, tuple[float, float]]:
    """The pixel position of each point the XOR map draws, by its id (``xW-point-1``)."""
    found = re.findall(r'<g id="([\w+]+-point-\d)">.*?<use [^>]*x="([-\d.]+)" y="([-\d.]+)"', svg, re.S)
    return {name: (float(x), float(y)) for name, x, y in found}


def test_the_hidden_layer_map_stage_by_stage():
    rows = tables.xor_map_rows(GATES)
    net = GATES["xor_network"]["weights"]
    for r, (a, c) in zip(rows, sym_perceptron.INPUTS):
        # by hand: unit j computes w1·x1 + w2·x2, then + b, then the step
        units = [[Fraction(str(v)) for v in net[g]] for g in GATES["xor_network"]["hidden"]]
        assert r["xW"] == tuple(u[0] * a + u[1] * c for u in units)
        assert r["xW+b"] == tuple(u[0] * a + u[1] * c + u[2] for u in units)
        assert r["h"] == tuple(int(u[0] * a + u[1] * c + u[2] > 0) for u in units)
        assert r["agrees"] and r["y"] == sym_perceptron.GATES["XOR"](a, c)
    W, _ = symbolic.layer({g: net[g] for g in net}, GATES["xor_network"]["hidden"])
    assert W.det() == 0 and symbolic.singular_values(W)[-1] == 0
    assert rows[1]["xW"] == rows[2]["xW"]                       # (0, 1) and (1, 0) collapse
    s = symbolic.singular_values(W)[0]
    assert sp.simplify(s ** 2 - sum(v ** 2 for v in W)) == 0     # rank 1: σ₁² is the sum of squares


def test_the_xor_map_figure_puts_each_point_where_the_table_says():
    """Every panel shares its axis limits and size, so a point's offset from (0, 0)'s in pixels is
    its offset in data times one scale; fitted on the input panel, checked on the other three."""
    marks = _markers(_file("xor_map.svg"))
    assert len(marks) == 16
    rows = tables.xor_map_rows(GATES)
    stages = {"x": [r["x"] for r in rows]} | {k: [r[k] for r in rows] for k in ("xW", "xW+b", "h")}
    (x0, y0), (x3, y3) = marks["x-point-0"], marks["x-point-3"]   # inputs (0, 0) and (1, 1)
    scale = (x3 - x0, y3 - y0)
    assert scale[0] > 0 and scale[1] < 0                          # SVG's y grows downwards
    for stage, values in stages.items():
        ox, oy = marks[f"{stage}-point-0"]
        for k, v in enumerate(values):
            px, py = marks[f"{stage}-point-{k}"]
            expected = (float(v[0] - values[0][0]) * scale[0], float(v[1] - values[0][1]) * scale[1])
            assert (px - ox, py - oy) == pytest.approx(expected, abs=0.01), (stage, k)


def test_the_neuron_table_is_one_weighted_sum_two_activations():
    gate, weights = tables.gate_sets(GATES)[0]
    for r in tables.neuron_rows(weights):
        assert r["step"] == r["step_np"] == int(bool(r["s"] > 0))
        assert abs(float(r["sigma"]) - 1 / (1 + np.exp(-float(r["s"])))) < 1e-15
        assert (r["sigma"] > sp.Rational(1, 2)) == (r["step"] == 1)
    assert "✗" not in _file("neuron.md")


def test_every_claim_is_listed_with_a_verdict():
    text = tables.claims_table(DATA)
    for c in DATA["claims"]:
        assert c["verdict"] in tables.VERDICTS and c["printed"] in text, c["id"]
    assert len({c["id"] for c in DATA["claims"]}) == len(DATA["claims"])

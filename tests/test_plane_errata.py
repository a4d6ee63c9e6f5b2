"""The slips of 002 §0–1.1 and of 004's perceptron and plane parts: each slip and the correct
value, both pinned."""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import perceptron as num_perceptron
from derivations.problems import data_file, errata
from derivations.symbolic import logistic as sym_logistic
from derivations.symbolic import perceptron as sym_perceptron
from derivations.symbolic import plane as symbolic
from derivations.tables import plane as tables

DATA, GATES = data_file("plane"), data_file("perceptron")
ERRATA = {e.id: e for e in errata(DATA)}
SETS = tables.gate_sets(GATES)


def test_the_typos_are_not_the_glossarys_word():
    e = ERRATA["perceptron-typos"]
    (term,) = [t["korean"] for t in data_file("glossary")["term"] if t["english"] == "perceptron"]
    typos = e.note_value.split(", ")
    assert all(typo in e.printed for typo in typos)
    assert term not in typos


def test_exceeds_and_reaches_differ_on_the_third_and_set():
    e = ERRATA["threshold-exceeds"]
    assert "넘으면" in e.printed
    w, point, dot = tables.input_on_threshold(SETS)
    assert list(w) == [1, 1, -1] and dot == -w[2]
    assert symbolic.by_threshold(w[:2], -w[2], point, strict=True) == 0
    assert symbolic.by_threshold(w[:2], -w[2], point) == 1


def test_the_bias_multiplies_an_input_of_1():
    e = ERRATA["bias-as-input"]
    assert "입력으로" in e.printed
    s = sym_perceptron.s
    assert sp.diff(s, sym_perceptron.b) == 1 and sp.diff(s, sym_perceptron.w1) == sym_perceptron.x1
    # NumPy: the bias is the weight of the column of ones
    x_tilde = np.column_stack([num_perceptron.INPUTS, np.ones(4)])
    w = np.array([0.5, 0.5, -0.7])
    assert np.array_equal(x_tilde @ w, num_perceptron.INPUTS @ w[:2] + w[2])


def test_the_two_formulas_are_printed_alike_and_compute_differently():
    e = ERRATA["same-formula-twice"]
    assert "활성화 함수" in e.printed and "계단 함수" in e.printed
    (claim,) = [c for c in DATA["claims"] if c["id"] == "weighted-sum-activation"]
    assert claim["formula"] == e.note_value
    r = tables.neuron_rows(SETS[0][1])[-1]
    assert r["step"] == 1 and 0 < r["sigma"] < 1 and r["sigma"] != r["step"]


def test_a_sigmoid_neuron_has_the_steps_boundary():
    e = ERRATA["activation-nonlinear-relations"]
    assert "비선형적인 관계" in e.printed
    z = sp.Symbol("s", real=True)
    region = sp.solve_univariate_inequality(sym_logistic.sigmoid(z) > sp.Rational(1, 2), z, relational=False)
    assert region == sp.Interval.open(0, sp.oo)
    xor = sym_perceptron.fourier_motzkin(sym_perceptron.gate_conditions(sym_perceptron.gate_truth("XOR")))
    assert not xor.feasible
    # NumPy: on a grid of s, σ(s) > 1/2 exactly where s > 0
    s = np.linspace(-5, 5, 1001)
    assert np.array_equal(1 / (1 + np.exp(-s)) > 0.5, s > 0)


def test_the_sides_of_a_line_are_not_subspaces():
    e = ERRATA["half-spaces-not-subspaces"]
    assert "부분 공간" in e.printed
    _, w = SETS[0]
    side = [int(bool(sym_perceptron.weighted_sum(w, (c, c)) > 0)) for c in (1, 0, -1)]
    assert side == [1, 0, 0]       # (1, 1) is on the 1-side, 0·(1, 1) and −(1, 1) are not


def test_a_threshold_moves_the_boundary_off_the_origin_as_a_bias_does():
    e = ERRATA["bias-versus-threshold"]
    assert "편향이 없다면" in e.printed
    _, w = next((g, w) for g, w in SETS if g == "OR")
    theta = -sym_perceptron.rational(w[2])
    assert theta != 0 and symbolic.dot(w[:2], (0, 0)) != theta    # the origin is not on w·x = T
    for point in sym_perceptron.INPUTS:
        assert symbolic.by_threshold(w[:2], theta, point, True) == symbolic.by_bias(w[:2], w[2], point, True)


def test_the_xor_layers_matrix_is_no_rotation():
    e = ERRATA["matrix-product-rotation"]
    assert "회전" in e.printed
    _, _, W, _ = tables.xor_network(GATES)
    assert W.det() == 0
    a, c = sp.Matrix([[0, 1]]), sp.Matrix([[1, 0]])
    assert (a - c).norm() == sp.sqrt(2) and (a * W - c * W).norm() == 0   # a rotation keeps lengths
    assert np.linalg.matrix_rank(np.array(W.tolist(), dtype=float)) == 1


def test_the_step_network_has_no_slope_in_any_weight():
    e = ERRATA["hidden-layers-differentiable"]
    assert "미분이 가능하게" in e.printed
    slopes = tables.xor_weight_slopes(GATES)
    assert len(slopes) == 9 and max(slopes) == 0
    # the same central difference on a sigmoid network does see a slope: the check can see one
    x = num_perceptron.INPUTS
    sig = lambda w: 1 / (1 + np.exp(-(x @ w[:2] + w[2])))
    w = np.array([0.5, 0.5, -0.7])
    assert np.max(np.abs(sig(w + [1e-6, 0, 0]) - sig(w - [1e-6, 0, 0]))) / 2e-6 > 0.1


def test_every_slip_is_listed_and_tested_here():
    text = tables.errata_list(DATA, GATES)
    for e in ERRATA.values():
        assert e.printed in text, e.id
    assert set(ERRATA) == {"perceptron-typos", "threshold-exceeds", "bias-as-input", "same-formula-twice",
                           "activation-nonlinear-relations", "half-spaces-not-subspaces",
                           "bias-versus-threshold", "matrix-product-rotation", "hidden-layers-differentiable"}


def test_the_svds_outer_factors_may_be_reflections():
    # The note on the XOR layer's matrix and the slip's explanation say "rotation (or reflection)":
    # a matrix of negative determinant, such as the one swapping x1 and x2 (which swaps (0, 1) and
    # (1, 0)), has no SVD whose outer factors are both rotations.
    e = ERRATA["matrix-product-rotation"]
    assert "reflect" in e.explanation and "반사" in e.explanation_ko
    swap = sp.Matrix([[0, 1], [1, 0]])
    assert swap.det() < 0 and symbolic.singular_values(swap) == [1, 1]
    for m in (swap, swap * sp.diag(2, 1)):
        u, s, vt = np.linalg.svd(np.array(m.tolist(), dtype=float))
        np.testing.assert_allclose(u @ np.diag(s) @ vt, np.array(m.tolist(), dtype=float), atol=1e-12)
        np.testing.assert_allclose(u @ u.T, np.eye(2), atol=1e-12)
        # det A = det U · ∏σ · det Vᵀ with ∏σ > 0: one of U, Vᵀ has determinant −1, a reflection
        assert np.prod(s) > 0 and np.linalg.det(u) * np.linalg.det(vt) < 0

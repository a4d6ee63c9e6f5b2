"""The two update rules, derived, and 004's worked problem finished: SymPy vs NumPy vs arithmetic
done here with fractions vs finite differences vs the note's printed values."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.numeric import perceptron as numeric
from derivations.problems import data_file, printed_values
from derivations.symbolic import perceptron as symbolic
from derivations.symbolic.perceptron import WEIGHTS, b, eta, t, w1, w2, x1, x2

DATA = data_file("perceptron")
PRINTED = {p.name: p for p in printed_values(DATA) if p.source.startswith("004")}
P = DATA["worked_problem"]
F = {k: (Fraction(repr(v)) if isinstance(v, float) else Fraction(v)) for k, v in
     {"w1": P["w0"][0], "w2": P["w0"][1], "b": P["b0"], "x1": P["x"][0], "x2": P["x"][1],
      "t": P["t"], "eta": P["learning_rate"]}.items()}
"""The worked problem's inputs as fractions, for arithmetic done by hand in these tests."""

small = st.floats(-5, 5, allow_nan=False).map(lambda v: round(v, 3))


@pytest.fixture(scope="module")
def worked():
    return symbolic.worked_problem(P["w0"], P["b0"], P["x"], P["t"], P["learning_rate"])


# --- the note's printed values ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["w1x1", "w2x2", "y", "t_minus_y"])
def test_the_printed_steps_of_the_problem(name, worked):
    printed = PRINTED[name]
    assert worked["delta"][name] == sp.Rational(printed.value)
    assert printed.source == "004_3b2490ffcdfbdb28.txt"


def test_numpy_gives_the_printed_output():
    y = np.dot(P["w0"], P["x"]) + P["b0"]
    assert f"{y}" == PRINTED["y"].value and f"{P['t'] - y}" == PRINTED["t_minus_y"].value


# --- w(1), b(1) under both rules -------------------------------------------------------------------

def _by_hand(error: Fraction) -> tuple[Fraction, Fraction, Fraction]:
    return (F["w1"] + F["eta"] * error * F["x1"], F["w2"] + F["eta"] * error * F["x2"],
            F["b"] + F["eta"] * error)


def test_delta_rule_w1_b1_symbolic_numpy_and_by_hand_agree(worked):
    s = F["w1"] * F["x1"] + F["w2"] * F["x2"] + F["b"]
    expected = _by_hand(F["t"] - s)
    exact = tuple(worked["delta"][k] for k in ("w1", "w2", "b"))
    assert exact == tuple(sp.Rational(v.numerator, v.denominator) for v in expected)
    floats = numeric.delta_rule(P["w0"], P["b0"], P["x"], P["t"], P["learning_rate"])
    np.testing.assert_allclose(floats, [float(v) for v in expected], rtol=0, atol=1e-15)


def test_perceptron_rule_w1_b1_symbolic_numpy_and_by_hand_agree(worked):
    s = F["w1"] * F["x1"] + F["w2"] * F["x2"] + F["b"]
    y = 1 if s > 0 else -1
    expected = _by_hand(F["t"] - y)
    exact = tuple(worked["perceptron"][k] for k in ("w1", "w2", "b"))
    assert exact == tuple(sp.Rational(v.numerator, v.denominator) for v in expected)
    floats = numeric.perceptron_rule(P["w0"], P["b0"], P["x"], P["t"], P["learning_rate"])
    np.testing.assert_allclose(floats, [float(v) for v in expected], rtol=0, atol=1e-15)


def test_the_rules_differ_and_only_the_perceptron_rule_stops_at_the_sign(worked):
    delta, perceptron = worked["delta"], worked["perceptron"]
    assert (delta["w1"], delta["w2"], delta["b"]) != (perceptron["w1"], perceptron["w2"], perceptron["b"])
    assert perceptron["y_new"] == P["t"]                       # classified right after one step
    assert abs(delta["t_minus_y_new"]) > abs(delta["t_minus_y"])  # the delta step overshoots
    # … by the factor 1 − η‖x̃‖², worked out here with fractions.
    factor = 1 - F["eta"] * (F["x1"] ** 2 + F["x2"] ** 2 + 1)
    assert delta["t_minus_y_new"] == factor * delta["t_minus_y"]
    assert delta["step_size"] == 1 - factor


def test_gradient_of_j_is_the_perceptron_rule_with_half_the_step(worked):
    j, p = worked["objective"], worked["perceptron"]
    start = dict(zip(("w1", "w2", "b"), (F["w1"], F["w2"], F["b"])))
    for k in ("w1", "w2", "b"):
        assert p[k] - start[k] == 2 * (j[k] - start[k])


# --- the rules, derived ----------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(small, small, small, small, small, small, st.sampled_from([0.1, 0.25, 0.5]))
def test_delta_rule_symbolic_equals_numpy_and_descends_the_error(a, c, d, u, v, target, rate):
    values = {w1: symbolic.rational(a), w2: symbolic.rational(c), b: symbolic.rational(d),
              x1: symbolic.rational(u), x2: symbolic.rational(v), t: symbolic.rational(target),
              eta: symbolic.rational(rate)}
    update = symbolic.delta_update()
    exact = [float(update[w].xreplace(values)) for w in WEIGHTS]
    floats = numeric.delta_rule([a, c], d, [u, v], target, rate)
    np.testing.assert_allclose(floats, exact, rtol=1e-12, atol=1e-12)
    # The gradient the update uses is the slope of E: central finite differences on E in floats.
    E = lambda w: 0.5 * (target - (w[0] * u + w[1] * v + w[2])) ** 2  # noqa: E731
    w0, h = np.array([a, c, d]), 1e-6
    numeric_grad = [(E(w0 + h * e) - E(w0 - h * e)) / (2 * h) for e in np.eye(3)]
    exact_grad = [float(g.xreplace(values)) for g in symbolic.delta_gradient().values()]
    np.testing.assert_allclose(exact_grad, numeric_grad, rtol=1e-6, atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(small, small, small, small, small, st.sampled_from([-1, 1]), st.sampled_from([0.1, 0.3, 0.5]))
def test_perceptron_rule_symbolic_equals_numpy_on_either_side_of_the_line(a, c, d, u, v, target, rate):
    values = {w1: symbolic.rational(a), w2: symbolic.rational(c), b: symbolic.rational(d),
              x1: symbolic.rational(u), x2: symbolic.rational(v), t: target, eta: symbolic.rational(rate)}
    tau = symbolic.sign_step(symbolic.s.xreplace(values))
    exact = [float(e.xreplace({symbolic.y: tau}).xreplace(values)) for e in symbolic.note_rule().values()]
    floats = numeric.perceptron_rule([a, c], d, [u, v], target, rate)
    np.testing.assert_allclose(floats, exact, rtol=1e-12, atol=1e-12)
    # t − τ(s) is 0 on a right sample (no change) and ±2 on a wrong one.
    change = np.asarray(floats) - [a, c, d]
    if tau == target:
        assert not change.any()
    else:
        np.testing.assert_allclose(change, 2 * rate * target * np.array([u, v, 1.0]), atol=1e-12)


def test_objective_gradient_is_minus_sum_of_y_x():
    k, n, y, x = symbolic.k, symbolic.n, symbolic.y_k, symbolic.x_k
    g = symbolic.objective_gradient()
    assert sp.simplify(g[w1] - sp.Sum(-y[k] * x[k, 1], (k, 1, n))) == 0
    assert sp.simplify(g[w1] - sp.Sum(y[k] * x[k, 1], (k, 1, n))) != 0   # the sign matters
    assert sp.simplify(g[b] + sp.Sum(y[k], (k, 1, n))) == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-3, 3).map(lambda v: round(v, 2)), min_size=3, max_size=3))
def test_objective_on_data_symbolic_numpy_and_its_gradient(weights):
    labels = [1 if out else -1 for out in symbolic.gate_truth("AND")]
    exact, wrong = symbolic.objective(weights, symbolic.INPUTS, labels)
    value, wrong_np = numeric.objective(weights, numeric.INPUTS, labels)
    assert exact >= 0 and list(wrong_np) == wrong and float(exact) == pytest.approx(value, abs=1e-12)
    assert (exact == 0) or wrong                 # a positive J needs a wrong sample
    # Gradient of J for the current Y, from the derived formula with n = |Y| samples substituted.
    n = len(wrong)
    g = symbolic.objective_gradient()
    subs = {symbolic.n: n}
    y, x = symbolic.y_k, symbolic.x_k
    for j, i in enumerate(wrong, start=1):
        subs |= {y[j]: labels[i], x[j, 1]: symbolic.INPUTS[i][0], x[j, 2]: symbolic.INPUTS[i][1]}
    got = [g[v].subs(symbolic.n, n).doit().xreplace(subs) for v in WEIGHTS]
    by_hand = [
        sum(-labels[i] * symbolic.INPUTS[i][0] for i in wrong),
        sum(-labels[i] * symbolic.INPUTS[i][1] for i in wrong),
        sum(-labels[i] for i in wrong)]
    assert got == by_hand


def test_objective_update_is_descent_on_j():
    update = symbolic.objective_update()
    grad = symbolic.objective_gradient()
    for v in WEIGHTS:
        assert sp.simplify(update[v] - (v - symbolic.rho * grad[v])) == 0


def test_j_is_zero_for_the_note_and_weights_and_positive_when_wrong():
    labels = [1 if out else -1 for out in symbolic.gate_truth("AND")]
    assert symbolic.objective([0.5, 0.5, -0.7], symbolic.INPUTS, labels) == (0, [])
    value, wrong = symbolic.objective([0, 0, -10], symbolic.INPUTS, labels)
    assert wrong == [3] and value > 0
    # J = 0 with a wrong sample: at w = 0, τ(0) = −1 misclassifies (1, 1) but it adds nothing.
    value, wrong = symbolic.objective([0, 0, 0], symbolic.INPUTS, labels)
    assert value == 0 and wrong == [3]

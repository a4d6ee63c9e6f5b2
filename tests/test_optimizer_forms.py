"""Each optimizer's update, Keras' form and the textbook's, against numbers worked out by hand;
and a few steps recorded once from Keras itself (``tests/data/keras_steps.toml``), by both routes.

The hand-worked numbers are chosen so that every root is exact: a form that moved ε, dropped it,
or started an accumulator elsewhere gives a different rational.
"""

from __future__ import annotations

import tomllib

import numpy as np
import pytest
import sympy as sp

from conftest import ROOT
from derivations.numeric import optimizers as numeric
from derivations.problems import data_file
from derivations.symbolic import optimizers as symbolic
from derivations.symbolic.optimizers import G, G_0, W, alpha, beta_1, beta_2, epsilon, g, m, mu, rho, s, t, v

R = sp.Rational
KERAS = tomllib.loads((ROOT / "tests" / "data" / "keras_steps.toml").read_text(encoding="utf-8"))
OPTIMIZERS = {o["key"]: o for o in data_file("learning")["optimizers"]}


def keras_step(key: str, values: dict) -> tuple[sp.Expr, dict]:
    """One step of Keras' rule for ``key``: the new weight and the new state, exactly."""
    rule = symbolic.RULES[key]
    state = {q: e.xreplace(values) for q, e in rule.next_state.items()}
    return rule.new_weight.xreplace(values | state), state


# --- Keras' forms, by hand ------------------------------------------------------------------------

def test_gradient_descent_by_hand():
    # W⁺ = W − α g = 1 − (1/10)(2) = 4/5
    w, _ = keras_step("gd", {W: 1, alpha: R(1, 10), g: 2})
    assert w == R(4, 5)


def test_momentum_by_hand():
    # v⁺ = μ v − α g = (1/2)(−1/5) − (1/10)(2) = −1/10 − 1/5 = −3/10;  W⁺ = W + v⁺ = 1 − 3/10 = 7/10
    w, state = keras_step("momentum", {W: 1, alpha: R(1, 10), mu: R(1, 2), v: R(-1, 5), g: 2})
    assert state[v] == R(-3, 10) and w == R(7, 10)


def test_keras_adagrad_by_hand():
    # G starts at G₀ = 1; G⁺ = G + g² = 1 + 4 = 5;  W⁺ = W − α g / √(G⁺ + ε) = 1 − (1/10)(2)/√(5 + 4)
    #    = 1 − (1/5)/3 = 14/15
    rule = symbolic.RULES["adagrad"]
    start = rule.initial[G].xreplace({G_0: 1})
    w, state = keras_step("adagrad", {W: 1, alpha: R(1, 10), epsilon: 4, G: start, g: 2})
    assert start == 1 and state[G] == 5 and w == R(14, 15)


def test_keras_rmsprop_by_hand():
    # s starts at 0; s⁺ = ρ s + (1 − ρ) g² = (3/4)(0) + (1/4)(4) = 1;  W⁺ = W − α g / √(s⁺ + ε)
    #    = 1 − (1/10)(2)/√(1 + 3) = 1 − (1/5)/2 = 9/10
    start = symbolic.RULES["rmsprop"].initial[s]
    w, state = keras_step("rmsprop", {W: 1, alpha: R(1, 10), rho: R(3, 4), epsilon: 3, s: start, g: 2})
    assert start == 0 and state[s] == 1 and w == R(9, 10)


def test_keras_adam_by_hand():
    # t = 1, β₁ = 1/2, β₂ = 3/4, g = 1/2, m = v = 0:
    # m⁺ = (1/2)(1/2) = 1/4;  v⁺ = (1/4)(1/4) = 1/16;  step size α √(1 − β₂)/(1 − β₁) = (1/10)(1/2)/(1/2) = 1/10
    # W⁺ = 1 − (1/10) · (1/4) / (√(1/16) + ε̂) with ε̂ = 1/4:  1 − (1/10)(1/4)/(1/2) = 1 − 1/20 = 19/20
    w, state = keras_step("adam", {W: 1, alpha: R(1, 10), beta_1: R(1, 2), beta_2: R(3, 4), epsilon: R(1, 4),
                                   m: 0, v: 0, g: R(1, 2), t: 1})
    assert state[m] == R(1, 4) and state[v] == R(1, 16) and w == R(19, 20)


@pytest.mark.parametrize("keras_class, hyper, state, expected", [
    ("SGD", {"learning_rate": 0.1}, None, 1 - 0.1 * 2),
    ("SGD", {"learning_rate": 0.1, "momentum": 0.5}, ("v", -0.2), 1 + (0.5 * -0.2 - 0.1 * 2)),
    ("Adagrad", {"learning_rate": 0.1, "epsilon": 4.0, "initial_accumulator_value": 1.0}, None, 1 - 0.1 * 2 / 3),
    ("RMSprop", {"learning_rate": 0.1, "rho": 0.75, "epsilon": 3.0}, None, 1 - 0.1 * 2 / 2),
], ids=["gd", "momentum", "adagrad", "rmsprop"])
def test_numpy_optimizers_by_hand(keras_class, hyper, state, expected):
    """The same hand-worked steps (g = 2 from W = 1) through the NumPy classes."""
    optimizer = numeric.make(keras_class, hyper)
    if state:
        optimizer.state[state[0]] = [np.array([state[1]])]
    (w,) = optimizer.step([np.array([1.0])], [np.array([2.0])])
    assert w[0] == pytest.approx(expected, rel=1e-15)


def test_numpy_adam_by_hand():
    # The Adam step above: t = 1, g = 1/2, β₁ = 1/2, β₂ = 3/4, ε̂ = 1/4 → W⁺ = 19/20
    optimizer = numeric.Adam(learning_rate=0.1, beta_1=0.5, beta_2=0.75, epsilon=0.25)
    (w,) = optimizer.step([np.array([1.0])], [np.array([0.5])])
    assert w[0] == pytest.approx(19 / 20, rel=1e-15)


# --- the textbook forms, by hand ------------------------------------------------------------------

def test_textbook_adagrad_by_hand():
    # Duchi et al.: G from 0, so after one step G = g² = 4;  W⁺ = W − α g / (√G + ε)
    #    = 1 − (1/10)(2)/(√4 + 1) = 1 − (1/5)/3 = 14/15
    w = symbolic.TEXTBOOK["adagrad"].xreplace({W: 1, alpha: R(1, 10), g: 2, G: 4, epsilon: 1})
    assert w == R(14, 15)


def test_textbook_rmsprop_by_hand():
    # Hinton 6e: W⁺ = W − α g / (√s + ε) = 1 − (1/10)(2)/(√9 + 1) = 1 − (1/5)/4 = 19/20
    w = symbolic.TEXTBOOK["rmsprop"].xreplace({W: 1, alpha: R(1, 10), g: 2, s: 9, epsilon: 1})
    assert w == R(19, 20)


def test_textbook_adam_by_hand():
    # Kingma & Ba: m̂ = m/(1 − β₁ᵗ) = (1/4)/(1/2) = 1/2;  v̂ = v/(1 − β₂ᵗ) = (1/16)/(1/4) = 1/4
    # W⁺ = W − α m̂ / (√v̂ + ε) = 1 − (1/10)(1/2)/(1/2 + 1/2) = 1 − 1/20 = 19/20, Keras' step above
    # with ε̂ = ε √(1 − β₂ᵗ) = (1/2)(1/2) = 1/4.
    w = symbolic.TEXTBOOK["adam"].xreplace({W: 1, alpha: R(1, 10), beta_1: R(1, 2), beta_2: R(3, 4),
                                            m: R(1, 4), v: R(1, 16), t: 1, epsilon: R(1, 2)})
    assert w == R(19, 20)
    assert symbolic.adam_epsilon_hat().xreplace({epsilon: R(1, 2), beta_2: R(3, 4), t: 1}) == R(1, 4)


# --- steps recorded from Keras -------------------------------------------------------------------

def test_the_record_names_its_source_and_runs_the_data_files_optimizers():
    assert KERAS["keras"].startswith("3.") and KERAS["floatx"] == "float64"
    assert "optimizer.apply" in KERAS["apply"]
    recorded = {r["key"]: r for r in KERAS["steps"]}
    assert recorded.keys() == OPTIMIZERS.keys()
    for key, o in OPTIMIZERS.items():
        args = ", ".join(f"{k}={v!r}" for k, v in o["hyperparameters"].items())
        assert recorded[key]["call"] == f"keras.optimizers.{o['keras_class']}({args})"


@pytest.mark.parametrize("record", KERAS["steps"], ids=[r["key"] for r in KERAS["steps"]])
def test_numpy_takes_keras_recorded_steps(record):
    o = OPTIMIZERS[record["key"]]
    optimizer = numeric.make(o["keras_class"], o["hyperparameters"])
    w = np.array(KERAS["start"])
    for gradient, after in zip(KERAS["gradients"], record["after"], strict=True):
        before, (w,) = w, optimizer.step([w], [np.array(gradient)])
        # The moves, not the weights: a move is ~1e-3 of a weight, so comparing weights would let
        # a slip in the step's last digits through.
        assert w - before == pytest.approx(np.array(after) - before, rel=1e-12, abs=1e-15)
        w = np.array(after)


@pytest.mark.parametrize("record", KERAS["steps"], ids=[r["key"] for r in KERAS["steps"]])
def test_sympy_rules_take_keras_recorded_steps(record):
    """Each weight through the exact rule, from the same floats Keras was given."""
    key = record["key"]
    rule = symbolic.RULES[key]
    hyper = {symbol: symbolic.rational(OPTIMIZERS[key]["hyperparameters"][name])
             for name, symbol in rule.hyperparameters.items()}
    for i, start in enumerate(KERAS["start"]):
        w = sp.Rational(repr(start))
        state = {q: e.xreplace(hyper) for q, e in rule.initial.items()}
        for step, (gradient, after) in enumerate(zip(KERAS["gradients"], record["after"]), start=1):
            known = hyper | state | {W: w, g: sp.Rational(repr(gradient[i])), t: step}
            state = {q: e.xreplace(known) for q, e in rule.next_state.items()}
            new = rule.new_weight.xreplace(known | state)
            move = float(sp.N(new - w, 30))
            assert move == pytest.approx(after[i] - float(w), rel=1e-12, abs=1e-15)
            w = sp.Rational(repr(after[i]))  # go on from Keras' weight, as NumPy does

"""The optimizers: SymPy's rules against NumPy's code, step by step, and the note's Keras calls."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.numeric import optimizers as numeric
from derivations.numeric import training
from derivations.problems import data_file, printed_values
from derivations.symbolic import optimizers as symbolic
from derivations.symbolic.backprop_2_2_2 import WEIGHTS
from derivations.tables.common import fixed
from derivations.tables.learning import renamed_table

DATA = data_file("learning")
OPTIMIZERS = {o["key"]: o for o in DATA["optimizers"]}


@pytest.fixture(scope="module")
def two_steps(document_problem):
    """Each optimizer's first two steps from the document's weights, by both routes."""
    p = document_problem
    runs = {}
    for key, o in OPTIMIZERS.items():
        exact = symbolic.run(key, o["hyperparameters"], p, steps=2)
        fast = training.steps_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]),
                                    [float(v) for v in p.x], [float(v) for v in p.weights],
                                    [float(v) for v in p.targets], steps=2)
        runs[key] = exact, fast
    return runs


@pytest.mark.parametrize("key", OPTIMIZERS)
@pytest.mark.parametrize("step", [0, 1], ids=["step 1", "step 2"])
def test_first_two_steps_numpy_equals_sympy(key, step, two_steps):
    exact, fast = two_steps[key]
    s, n = exact[step], fast[step]
    for i, w in enumerate(WEIGHTS):
        assert n.gradient[i] == pytest.approx(float(s.gradient[w]), rel=1e-12, abs=1e-16)
        assert n.weights[i] == pytest.approx(float(s.weights[w]), rel=1e-13, abs=1e-16)
        assert set(n.state) == {q.name for q in s.state[w]}
        for q, value in s.state[w].items():
            assert n.state[q.name][i] == pytest.approx(float(value), rel=1e-12, abs=1e-18)


@pytest.mark.parametrize("key", OPTIMIZERS)
def test_each_of_two_steps_lowers_the_error(key, two_steps, document_problem):
    exact, _ = two_steps[key]
    after = symbolic.error(document_problem, exact[1].weights)
    assert sp.N(after, 30) < exact[1].E_total < exact[0].E_total


def test_gradient_descent_step_is_the_notes_update(two_steps):
    """Step 1 of plain gradient descent reproduces every W⁺ the note prints in §3.4."""
    exact, fast = two_steps["gd"]
    printed = {p.name: p for p in printed_values(data_file("backprop_2_2_2"))
               if p.source.startswith("002")}
    for i, w in enumerate(WEIGHTS):
        note = printed[f"{w}_new"]
        assert fixed(sp.N(exact[0].weights[w], 40), note.places) == note.value
        assert fixed(fast[0].weights[i], note.places) == note.value


def test_step_two_uses_the_state_of_step_one(two_steps):
    """Momentum's second move is not gradient descent's: the velocity carries step 1 along."""
    exact, _ = two_steps["momentum"]
    o = OPTIMIZERS["momentum"]["hyperparameters"]
    alpha, mu = symbolic.rational(o["learning_rate"]), symbolic.rational(o["momentum"])
    w = WEIGHTS[4]
    plain_move = -alpha * exact[1].gradient[w]
    move = exact[1].weights[w] - exact[0].weights[w]
    assert float(move) == pytest.approx(float(plain_move + mu * exact[0].state[w][symbolic.v]), rel=1e-12)
    assert abs(float(move - plain_move)) > 1e-6


# --- the rules themselves, on arbitrary numbers -----------------------------------------------------

def _symbolic_steps(key: str, hyper: dict, weight: float, gradients: list[float]) -> list[float]:
    rule = symbolic.RULES[key]
    values = {symbol: symbolic.rational(hyper[name]) for name, symbol in rule.hyperparameters.items()}
    state = {q: e.xreplace(values) for q, e in rule.initial.items()}
    w, out = sp.Rational(repr(weight)), []
    for t, grad in enumerate(gradients, start=1):
        known = values | {symbolic.W: w, symbolic.g: sp.Rational(repr(grad)), symbolic.t: t}
        state = {q: e.xreplace(known | state) for q, e in rule.next_state.items()}
        w = sp.N(rule.new_weight.xreplace(known | state), 30)
        out.append(float(w))
        w = sp.Rational(w)
    return out


@settings(max_examples=25, deadline=None)
@given(key=st.sampled_from(sorted(OPTIMIZERS)),
       weight=st.floats(-2, 2),
       gradients=st.lists(st.floats(-1, 1, allow_subnormal=False), min_size=1, max_size=4))
def test_numpy_optimizers_follow_the_sympy_rules(key, weight, gradients):
    o = OPTIMIZERS[key]
    optimizer = numeric.make(o["keras_class"], o["hyperparameters"])
    w, got = np.array([weight]), []
    for grad in gradients:
        (w,) = optimizer.step([w], [np.array([grad])])
        got.append(float(w[0]))
    expected = _symbolic_steps(key, o["hyperparameters"], weight, gradients)
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_adagrad_puts_epsilon_inside_the_root_and_starts_at_g0():
    """One Adagrad step with g = 0 is no move; with a tiny g, ε and G₀ sit under one root."""
    h = OPTIMIZERS["adagrad"]["hyperparameters"]
    opt = numeric.Adagrad(**h)
    (w,) = opt.step([np.array([1.0])], [np.array([1e-3])])
    expected = 1.0 - h["learning_rate"] * 1e-3 / math.sqrt(h["initial_accumulator_value"] + 1e-6 + h["epsilon"])
    textbook = 1.0 - h["learning_rate"] * 1e-3 / (math.sqrt(1e-6) + h["epsilon"])
    assert w[0] == pytest.approx(expected, rel=1e-15)
    assert w[0] != pytest.approx(textbook, rel=1e-6)


def test_keras_adam_equals_the_papers_adam_with_epsilon_hat():
    eps_hat = symbolic.adam_epsilon_hat()
    numbers = {symbolic.alpha: sp.Rational(1, 1000), symbolic.beta_1: sp.Rational(9, 10),
               symbolic.beta_2: sp.Rational(999, 1000), symbolic.epsilon: sp.Rational(1, 10**7),
               symbolic.m: sp.Rational(3, 100), symbolic.v: sp.Rational(2, 10**4),
               symbolic.W: sp.Rational(1, 2), symbolic.t: 3}
    keras = symbolic.RULES["adam"].new_weight.xreplace({symbolic.epsilon: eps_hat}).xreplace(numbers)
    paper = symbolic.TEXTBOOK["adam"].xreplace(numbers)
    assert sp.N(keras - paper, 50) == pytest.approx(0, abs=1e-45)
    # With Keras' ε used as the paper's ε the two differ: the check can fail.
    plain = symbolic.RULES["adam"].new_weight.xreplace(numbers)
    assert abs(sp.N(plain - paper, 50)) > 1e-12


def test_momentum_keeps_every_past_gradient():
    """Erratum momentum-one-step: v₃ still holds g₁, weighted μ²; NumPy agrees."""
    v3 = symbolic.momentum_unrolled(3)
    g1 = sp.Symbol("g_1")
    assert v3.coeff(g1) == -symbolic.alpha * symbolic.mu**2
    h = OPTIMIZERS["momentum"]["hyperparameters"]
    opt = numeric.SGD(**h)
    w = [np.zeros(1)]
    for grad in (1.0, 0.0, 0.0):  # only step 1 has a gradient
        w = opt.step(w, [np.array([grad])])
    assert opt.state["v"][0][0] == pytest.approx(-h["learning_rate"] * h["momentum"] ** 2, rel=1e-15)


# --- the note's calls -----------------------------------------------------------------------------

@pytest.mark.parametrize("key", [k for k, o in OPTIMIZERS.items() if o["printed"]])
def test_every_printed_argument_is_run_or_accounted_for(key):
    o = OPTIMIZERS[key]
    renamed, defaults, removed = DATA["renamed"], DATA["keras_defaults"], DATA["removed"]
    for name, printed in o["printed"].items():
        assert f"{name}=" in o["call"].replace(" ", "")   # quoted as printed
        if name in removed:
            assert name not in o["hyperparameters"]
            continue
        current = renamed.get(name, name)
        run = o["hyperparameters"][current]
        assert run == (defaults[name] if printed == "None" else float(printed))
    symbolic_names = set(symbolic.RULES[key].hyperparameters)
    assert symbolic_names == set(o["hyperparameters"])
    assert "lr" not in o["hyperparameters"]


@pytest.mark.parametrize("call", DATA["layer_calls"], ids=lambda c: c["call"])
def test_every_printed_layer_argument_is_unchanged_or_explained(call):
    """§2.4's Dense calls: Keras 3's Dense takes each argument under its printed name, and the
    table leaves it out, or the table shows what it is now and why (``init`` is rejected)."""
    accepted = set(DATA["dense_arguments"]["dense"]) | set(DATA["dense_arguments"]["layer"])
    renamed, warned = DATA["renamed"], DATA["warned"]
    shown = renamed_table(DATA)
    assert call["call"].startswith(f"model.add({call['layer']}(")
    assert call["source"].startswith("002") and call["section"].startswith("§2.4")
    for name, printed in call["printed"].items():
        assert f"{name}={printed}" in call["call"]   # quoted as printed
        if name in accepted:
            assert name not in renamed and name not in warned
            assert f"`{name}={printed}`" not in shown
        elif name in warned:
            assert DATA["warned_ko"][name]
            assert f"`{name}={printed}`" in shown
        else:
            assert renamed[name] in accepted, name
            assert f"| `{name}={printed}` | `{renamed[name]}={printed}` |" in _cells(shown)
    # Every keyword of the call is a printed argument: none is left unaccounted for.
    keywords = re.findall(r"(\w+)=", call["call"])
    assert keywords == list(call["printed"])


def _cells(html: str) -> str:
    """A generated table's cells as `| a | b |` lines, for matching a row's neighbouring cells."""
    return re.sub(r"</td><td[^>]*>", " | ", re.sub(r"<td[^>]*>", "| ", html)).replace("</td>", " |")



def test_rmsprop_step_one_epsilon_sets_the_hidden_weights_steps(two_steps, document_problem):
    """The page's reading of the RMSprop table: s is below ε for W1..W4, far above it for W5, W6."""
    exact, _ = two_steps["rmsprop"]
    h = OPTIMIZERS["rmsprop"]["hyperparameters"]
    eps, alpha, rho = (symbolic.rational(h[k]) for k in ("epsilon", "learning_rate", "rho"))
    s = {w: exact[0].state[w][symbolic.s] for w in WEIGHTS}
    assert all(s[w] < eps for w in WEIGHTS[:4])
    assert all(s[w] > 10 * eps for w in WEIGHTS[4:6])
    full = float(alpha / sp.sqrt(1 - rho))
    start = dict(zip(WEIGHTS, map(symbolic.rational, document_problem.weights)))
    for w in WEIGHTS[4:6]:
        assert float(start[w] - exact[0].weights[w]) == pytest.approx(full, rel=0.1)
    for w in WEIGHTS[:4]:
        assert float(start[w] - exact[0].weights[w]) < full / 2


def test_adam_step_one_moves_every_weight_by_about_alpha(two_steps, document_problem):
    exact, _ = two_steps["adam"]
    alpha = OPTIMIZERS["adam"]["hyperparameters"]["learning_rate"]
    for w, start in zip(WEIGHTS, document_problem.weights):
        move = float(symbolic.rational(start) - exact[0].weights[w])
        assert move == pytest.approx(alpha, rel=0.01)

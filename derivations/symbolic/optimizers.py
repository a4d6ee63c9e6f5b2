"""The optimizers of 002_0d151740a80634d0.txt §3.3 as SymPy update rules, applied exactly.

Each rule acts on one weight ``W`` with gradient ``g = ∂E_total/∂W`` at step ``t`` (1, 2, …). It
keeps a state per weight (a velocity, an accumulator, moment estimates), written as the state
after the step in terms of the state before it, and the new weight in terms of the new state. The
forms are the ones Keras runs (``keras.optimizers.SGD``, ``Adagrad``, ``RMSprop``, ``Adam``); the
textbook forms they differ from are here too, so the page can show both.

On the 2-2-2 example the gradient is :func:`derivations.symbolic.backprop_2_2_2.direct_derivative`
evaluated at rational weights, and the rule is applied with rational hyperparameters: within a
step nothing is rounded. Each step's results are evaluated to :data:`DIGITS` significant digits
and carried to the next step as the exact rationals of those values.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derivations.problems import BackpropProblem
from derivations.symbolic.backprop_2_2_2 import (DIGITS, WEIGHTS, E_total, direct_derivative,
                                                 in_inputs, values_of)

W, g, t = sp.symbols("W g t")
alpha = sp.Symbol("alpha")        # Keras learning_rate (the note's lr; ρ in 004_3b2490ffcdfbdb28.txt)
mu = sp.Symbol("mu")              # SGD momentum
rho = sp.Symbol("rho")            # RMSprop's decay of the mean square
beta_1, beta_2 = sp.symbols("beta_1 beta_2")
epsilon = sp.Symbol("epsilon")
G_0 = sp.Symbol("G_0")            # Adagrad's initial_accumulator_value

v, G, s, m = sp.symbols("v G s m")  # the state each optimizer keeps per weight


@dataclass(frozen=True)
class Rule:
    """One optimizer's update for a single weight.

    ``initial`` is the state before step 1; ``next_state`` the state after a step, in the state
    before it, ``g`` and ``t``; ``new_weight`` is W⁺ in ``W``, ``g``, ``t`` and the *new* state.
    """

    name: str
    hyperparameters: dict[str, sp.Symbol]   # Keras argument name → symbol
    initial: dict[sp.Symbol, sp.Expr]
    next_state: dict[sp.Symbol, sp.Expr]
    new_weight: sp.Expr

    @property
    def state(self) -> tuple[sp.Symbol, ...]:
        return tuple(self.next_state)


RULES: dict[str, Rule] = {
    "gd": Rule(
        "Gradient descent", {"learning_rate": alpha},
        initial={}, next_state={},
        new_weight=W - alpha * g),
    "momentum": Rule(
        "Momentum", {"learning_rate": alpha, "momentum": mu},
        initial={v: sp.Integer(0)},
        next_state={v: mu * v - alpha * g},
        new_weight=W + v),
    "adagrad": Rule(
        "Adagrad",
        {"learning_rate": alpha, "epsilon": epsilon, "initial_accumulator_value": G_0},
        initial={G: G_0},
        next_state={G: G + g**2},
        new_weight=W - alpha * g / sp.sqrt(G + epsilon)),
    "rmsprop": Rule(
        "RMSprop", {"learning_rate": alpha, "rho": rho, "epsilon": epsilon},
        initial={s: sp.Integer(0)},
        next_state={s: rho * s + (1 - rho) * g**2},
        new_weight=W - alpha * g / sp.sqrt(s + epsilon)),
    "adam": Rule(
        "Adam",
        {"learning_rate": alpha, "beta_1": beta_1, "beta_2": beta_2, "epsilon": epsilon},
        initial={m: sp.Integer(0), v: sp.Integer(0)},
        next_state={m: beta_1 * m + (1 - beta_1) * g, v: beta_2 * v + (1 - beta_2) * g**2},
        # Keras folds both bias corrections into the step size; its ε is the paper's "ε hat".
        new_weight=W - alpha * sp.sqrt(1 - beta_2**t) / (1 - beta_1**t) * m / (sp.sqrt(v) + epsilon)),
}
"""The rules Keras implements, by the page's key for each optimizer."""

TEXTBOOK: dict[str, sp.Expr] = {
    "adagrad": W - alpha * g / (sp.sqrt(G) + epsilon),
    "rmsprop": W - alpha * g / (sp.sqrt(s) + epsilon),
    "adam": W - alpha * (m / (1 - beta_1**t)) / (sp.sqrt(v / (1 - beta_2**t)) + epsilon),
}
"""The new weight as the papers write it (Duchi et al. 2011 with G starting at 0, Hinton's
lecture 6e, Kingma & Ba Algorithm 1): ε outside the square root, Adam's moments corrected one by
one."""


def adam_epsilon_hat() -> sp.Expr:
    """The ε̂ for which Keras' Adam step equals Algorithm 1's with ε: solved, not assumed.

    Returns ε̂ = ε·√(1 − β₂ᵗ), the relation Kingma & Ba state before their Section 2.1.
    """
    eps_hat = sp.Symbol("epsilon_hat", positive=True)
    positive = {q: sp.Symbol(q.name, positive=True) for q in (alpha, m, v, epsilon)}
    # 0 < β < 1 and t ≥ 1, so 1 − βᵗ > 0: write it as a positive symbol to let SymPy solve.
    c1, c2 = sp.symbols("c_1 c_2", positive=True)
    keras = RULES["adam"].new_weight.xreplace({epsilon: eps_hat}).xreplace(positive)
    textbook = TEXTBOOK["adam"].xreplace(positive)
    as_c = {1 - beta_1**t: c1, 1 - beta_2**t: c2}
    (solution,) = sp.solve(sp.Eq(keras.xreplace(as_c), textbook.xreplace(as_c)), eps_hat)
    return sp.simplify(solution.xreplace({c2: 1 - beta_2**t}).xreplace(
        {p: q for q, p in positive.items()}))


def momentum_unrolled(steps: int) -> sp.Expr:
    """The velocity after ``steps`` steps from v = 0, with gradients g_1 … g_steps.

    It is −α Σ μ^(steps−k) g_k: every earlier gradient counts, with a geometrically fading weight.
    """
    rule = RULES["momentum"]
    velocity = rule.initial[v]
    for k in range(1, steps + 1):
        velocity = rule.next_state[v].xreplace({v: velocity, g: sp.Symbol(f"g_{k}")})
    return sp.expand(velocity)


def iterations_per_epoch(samples: int, batch_size: int) -> sp.Integer:
    """002 §3.5: the updates in one epoch, ⌈samples / batch size⌉, from the exact quotient."""
    return sp.ceiling(sp.Rational(samples, batch_size))


def rational(value: float | int | str | Fraction) -> sp.Rational:
    """A hyperparameter as the exact decimal written: 0.001 is 1/1000."""
    return sp.Rational(str(value)) if not isinstance(value, Fraction) else sp.Rational(
        value.numerator, value.denominator)


def _evaluated(expr: sp.Expr) -> sp.Rational:
    """``expr`` to :data:`DIGITS` significant digits, kept as the exact rational of that value.

    Carrying exact expressions through a second step nests exponentials inside square roots
    inside exponentials, and evaluating them takes minutes; 40 digits carried from step to step
    lose nothing a float64 comparison can see.
    """
    return sp.Rational(sp.N(expr, DIGITS))


@dataclass(frozen=True)
class Step:
    """Step ``t`` of one optimizer on the 2-2-2 example, each value to :data:`DIGITS` digits.

    ``gradient``, ``state`` and ``weights`` are by weight symbol (W1…W8); ``state`` maps each
    weight to its state after this step; ``E_total`` is the error at the weights *before* it.
    """

    t: int
    gradient: dict[sp.Symbol, sp.Rational]
    state: dict[sp.Symbol, dict[sp.Symbol, sp.Rational]]
    weights: dict[sp.Symbol, sp.Rational]
    E_total: sp.Rational


def _fixed_inputs(problem: BackpropProblem) -> dict[sp.Symbol, sp.Rational]:
    """x, targets and biases: everything but the weights (and the spine's own α)."""
    return {k: q for k, q in values_of(problem).items() if k not in WEIGHTS and k != alpha}


def error(problem: BackpropProblem, weights: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    """E_total of the 2-2-2 network at ``weights``, exactly."""
    return in_inputs(E_total).xreplace(_fixed_inputs(problem) | weights)


def run(key: str, hyperparameters: dict[str, object], problem: BackpropProblem,
        steps: int = 2) -> list[Step]:
    """``steps`` steps of optimizer ``key`` from the problem's weights.

    ``hyperparameters`` uses the Keras argument names; each value is taken as the decimal written.
    Within a step everything is exact: the gradient at rational weights, then the rule with
    rational hyperparameters; each result is evaluated to 40 digits before the next step.
    """
    rule = RULES[key]
    missing = set(rule.hyperparameters) - set(hyperparameters)
    if missing:
        raise KeyError(f"{key}: missing hyperparameter(s) {sorted(missing)}")
    hyper = {symbol: rational(hyperparameters[name]) for name, symbol in rule.hyperparameters.items()}
    inputs = _fixed_inputs(problem)
    weights = {w: values_of(problem)[w] for w in WEIGHTS}
    state = {w: {q: init.xreplace(hyper) for q, init in rule.initial.items()} for w in WEIGHTS}
    history = []
    for step in range(1, steps + 1):
        grads = {w: _evaluated(direct_derivative(w).xreplace(inputs | weights)) for w in WEIGHTS}
        before = _evaluated(error(problem, weights))
        new_state, new_weights = {}, {}
        for w in WEIGHTS:
            known = hyper | {W: weights[w], g: grads[w], t: sp.Integer(step)}
            new_state[w] = {q: _evaluated(e.xreplace(known | state[w]))
                            for q, e in rule.next_state.items()}
            new_weights[w] = _evaluated(rule.new_weight.xreplace(known | new_state[w]))
        state, weights = new_state, new_weights
        history.append(Step(step, grads, state, weights, before))
    return history

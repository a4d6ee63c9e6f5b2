"""The perceptron as geometry, derived with SymPy (002_0d151740a80634d0.txt §1.1 and
004_3b2490ffcdfbdb28.txt, "퍼셉트론 동작 예시의 기하학적 의미", "+편향과 임계값의 차이?",
"은닉층의 기하학적 의미"). Everything is exact: weights are rationals.

* A threshold θ and a bias b = −θ decide alike: w·x ≥ θ  ⇔  w·x + b ≥ 0 (and with > for ≥).
* An n-input perceptron outputs 1 on one side of the hyperplane wᵀx + b = 0 (a line for n = 2, a
  plane for n = 3): :func:`gate_on_corners` checks a weight set on all 2ⁿ corners of the cube.
* The XOR network's hidden layer maps the plane in three stages, h = step(xW + b):
  :func:`hidden_map` gives each point after the matrix product, after the bias and after the step.
"""

from __future__ import annotations

from itertools import product
from typing import Sequence

import sympy as sp

from derivations.symbolic.perceptron import (INPUTS, fourier_motzkin, gate_conditions, rational,
                                             step, truth_table)


def dot(weights: Sequence, point: Sequence) -> sp.Rational:
    """w·x = Σ w_i x_i, exactly."""
    return sum((rational(w) * rational(x) for w, x in zip(weights, point)), sp.Integer(0))


def by_threshold(weights: Sequence, theta, point: Sequence, strict: bool = False) -> int:
    """002 §1.1's first form: 1 if w·x ≥ θ (``strict``: w·x > θ), else 0."""
    s = dot(weights, point)
    return int(bool(s > rational(theta) if strict else s >= rational(theta)))


def by_bias(weights: Sequence, bias, point: Sequence, strict: bool = False) -> int:
    """The second form, θ moved to the left as b: 1 if w·x + b ≥ 0 (``strict``: > 0), else 0."""
    s = dot(weights, point) + rational(bias)
    return int(bool(s > 0 if strict else s >= 0))


def corners(n: int) -> tuple[tuple[int, ...], ...]:
    """The 2ⁿ inputs of an n-input gate, the corners of the unit cube, in binary order."""
    return tuple(product((0, 1), repeat=n))


N_GATES = {"AND": all, "OR": any}
"""An n-input gate's truth function, from its definition in logic (not from any weights)."""


def gate_weights(rule: dict, n: int) -> tuple[tuple[sp.Rational, ...], sp.Rational]:
    """The weights and bias of an n-input gate from a rule in the data file: every weight
    ``weight``, the bias ``bias_per_input``·n + ``bias_offset``."""
    bias = rational(rule["bias_per_input"]) * n + rational(rule["bias_offset"])
    return (rational(rule["weight"]),) * n, bias


def gate_on_corners(gate: str, weights: Sequence, bias) -> list[dict]:
    """For each corner x: s = wᵀx + b, the output step(s) (1 if s > 0) and what the gate wants."""
    rows = []
    for point in corners(len(weights)):
        s = dot(weights, point) + rational(bias)
        rows.append({"x": point, "s": s, "y": step(s), "want": int(N_GATES[gate](point))})
    return rows


def margin(rows: list[dict]) -> sp.Rational:
    """The smallest |s| over the corners: how far the nearest corner lies from the hyperplane, in
    units of ‖w‖ (0 would put a corner on it, where > and ≥ disagree)."""
    return min(abs(r["s"]) for r in rows)


def two_input_functions() -> list[tuple[tuple[int, ...], bool, tuple | None]]:
    """All 16 Boolean functions of two inputs: truth table on (0,0), (0,1), (1,0), (1,1), whether
    one perceptron computes it (Fourier–Motzkin, exact), and weights [w1, w2, b] if it does."""
    out = []
    for truth in product((0, 1), repeat=len(INPUTS)):
        result = fourier_motzkin(gate_conditions(truth))
        weights = tuple(result.witness.values()) if result.feasible else None
        if weights is not None and truth_table(weights) != truth:
            raise ArithmeticError(f"the weights found for {truth} do not compute it")
        out.append((truth, result.feasible, weights))
    return out


def parity_contains_xor(n: int) -> bool:
    """n-input parity restricted to x3 = … = xn = 0 is two-input XOR: every XOR condition is one of
    parity's, so the XOR contradiction rules out any hyperplane for parity too."""
    rows = {point: sum(point) % 2 for point in corners(n)}
    return all(rows[(a, b) + (0,) * (n - 2)] == (a != b) for a, b in INPUTS)


# --- The XOR network's hidden layer as a map of the plane ------------------------------------

def layer(weights: dict[str, Sequence], hidden: Sequence[str]) -> tuple[sp.Matrix, sp.Matrix]:
    """The hidden layer as h = step(xW + b): column j of W and entry j of b are hidden unit j's
    [w1, w2] and bias (x a row vector, as 001_… writes Y = XW + B)."""
    W = sp.Matrix([[rational(weights[g][i]) for g in hidden] for i in range(2)])
    b = sp.Matrix([[rational(weights[g][2]) for g in hidden]])
    return W, b


def hidden_map(W: sp.Matrix, b: sp.Matrix, points: Sequence[Sequence]) -> list[dict]:
    """Each point after the matrix product (xW), after the bias (xW + b) and after the step."""
    rows = []
    for point in points:
        x = sp.Matrix([[rational(v) for v in point]])
        product_ = x * W
        shifted = product_ + b
        rows.append({"x": tuple(x), "xW": tuple(product_), "xW+b": tuple(shifted),
                     "h": tuple(step(v) for v in shifted)})
    return rows


def singular_values(W: sp.Matrix) -> list[sp.Expr]:
    """The scale factors of the map x ↦ xW, largest first: W = U Σ Vᵀ is a rotation (or
    reflection), a scaling by these along two perpendicular axes, and a rotation (or reflection)
    again."""
    return sorted((sp.sqrt(v) for v in (W.T * W).eigenvals(multiple=True)),
                  key=lambda v: -v)

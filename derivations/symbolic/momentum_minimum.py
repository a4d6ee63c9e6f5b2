"""Momentum at a local minimum, with SymPy (002_0d151740a80634d0.txt §3.3 4. 모멘텀).

f is a polynomial with two minima. Its critical points are the real roots of f′ (exact, as
algebraic numbers); a minimum is one where f″ > 0. Momentum as Keras runs it:

    v_{k+1} = μ v_k − η f′(x_k),    x_{k+1} = x_k + v_{k+1},    v_0 = 0

with μ = 0 for plain gradient descent. The iterates are irrational after the first few steps'
rationals grow out of hand, so they are carried as 50-digit floats (:data:`DIGITS`).
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy as sp

x = sp.Symbol("x", real=True)

DIGITS = 50
"""Working precision of the iterates: forty digits more than any table prints."""


def polynomial(coefficients) -> sp.Expr:
    """f(x) from its coefficients, highest power first, each exact."""
    return sp.Poly([sp.Rational(str(c)) for c in coefficients], x).as_expr()


@dataclass(frozen=True)
class Critical:
    at: sp.Expr      # exact root of f′
    value: sp.Expr   # f there
    kind: str        # "minimum" or "maximum"


def critical_points(f: sp.Expr) -> list[Critical]:
    """Every real root of f′, classified by the sign of f″ there, left to right."""
    fp, fpp = sp.diff(f, x), sp.diff(f, x, 2)
    out = []
    for r in sp.real_roots(sp.Poly(fp, x)):
        curvature = fpp.subs(x, r).evalf(DIGITS)
        if curvature == 0:
            raise ArithmeticError("a degenerate critical point: f'' = 0 there")
        out.append(Critical(r, f.subs(x, r), "minimum" if curvature > 0 else "maximum"))
    return out


def run(f: sp.Expr, start, learning_rate, momentum, steps: int) -> list[sp.Float]:
    """x_0 … x_steps: gradient descent with momentum μ (μ = 0: plain), at :data:`DIGITS` digits."""
    fp = sp.lambdify(x, sp.diff(f, x), modules="mpmath")
    with mpmath.workdps(DIGITS):
        eta, mu = _mpf(learning_rate), _mpf(momentum)
        xk, v = _mpf(start), mpmath.mpf(0)
        iterates = [xk]
        for _ in range(steps):
            v = mu * v - eta * fp(xk)
            xk = xk + v
            iterates.append(xk)
        return [sp.Float(value, DIGITS) for value in iterates]


def _mpf(value) -> mpmath.mpf:
    """The exact decimal the data file wrote (0.01 is 1/100), at the working precision."""
    q = sp.Rational(str(value))
    return mpmath.mpf(q.p) / q.q


def moves_from_rest(f: sp.Expr, point: sp.Expr, learning_rate) -> bool:
    """Whether one step from rest (v_0 = 0) at an exact root ``point`` of f′ moves at all.

    x_1 − x_0 = −η f′(x_0): decided exactly, as the remainder of that polynomial on division by
    the minimal polynomial of ``point`` (zero exactly when it vanishes there).
    """
    shift = -sp.Rational(str(learning_rate)) * sp.diff(f, x)
    return sp.rem(shift, sp.minimal_polynomial(point, x), x) != 0

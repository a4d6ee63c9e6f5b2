"""Universal approximation, constructed (004_3b2490ffcdfbdb28.txt, 범용적 근사 이론): one hidden
layer of n sigmoid units whose output follows f on [a, b].

Knots x_i = a + i h (h = (b − a)/n, i = 0 … n), one unit centred halfway between neighbours,
m_i = x_{i−1} + h/2, of steepness s = slope / h, its output weight the rise of f across it:

    f_n(x) = f(x_0) + Σ_{i=1}^{n} (f(x_i) − f(x_{i−1})) σ(s (x − m_i))

Far left of m_i a unit gives ≈ 0, far right ≈ its rise, so at a knot the sum telescopes to ≈ f(x_i):
a staircase of smooth steps, the construction behind the theorem's proof. Knots, centres and
steepness are exact rationals; f and f_n are evaluated in ball arithmetic (FLINT's ``arb``: a
midpoint and a radius that provably holds the true value), so each error printed is certain.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from flint import arb, ctx, fmpq

x = sp.Symbol("x", real=True)

PREC = 128
"""Bits of the balls (about 38 digits): the radii stay far below the eighth decimal."""


@dataclass(frozen=True)
class Units:
    """The hidden layer of f_n: knots x_0 … x_n, centres m_1 … m_n and the steepness s."""

    knots: list[sp.Rational]
    centres: list[sp.Rational]
    steepness: sp.Rational


def units(a, b, n: int, slope) -> Units:
    a, b, slope = (sp.Rational(str(v)) for v in (a, b, slope))
    h = (b - a) / n
    knots = [a + i * h for i in range(n + 1)]
    return Units(knots, [k + h / 2 for k in knots[:-1]], slope / h)


def expression(f: sp.Expr, u: Units) -> sp.Expr:
    """f_n(x) as a SymPy expression, σ(z) written 1/(1 + e^(−z))."""
    values = [f.subs(x, k) for k in u.knots]
    return values[0] + sum((values[i + 1] - values[i]) / (1 + sp.exp(-u.steepness * (x - m)))
                           for i, m in enumerate(u.centres))


def in_balls(f: sp.Expr):
    """f as a function of a ball, each operation FLINT's, so f(x) comes with a certified radius."""
    return sp.lambdify(x, f, modules=[{"sin": arb.sin, "cos": arb.cos, "exp": arb.exp, "tanh": arb.tanh,
                                       "pi": arb.pi()}])


def ball(value: sp.Rational) -> arb:
    return arb(fmpq(int(value.p), int(value.q)))


def grid(a, b, points: int) -> list[sp.Rational]:
    a, b = sp.Rational(str(a)), sp.Rational(str(b))
    return [a + (b - a) * sp.Rational(k, points - 1) for k in range(points)]


def errors(f: sp.Expr, u: Units, where: list[sp.Rational]) -> list[arb]:
    """|f_n(x) − f(x)| at each point, each a certified ball."""
    with ctx.workprec(PREC):
        g = in_balls(f)
        values = [g(ball(k)) for k in u.knots]
        rises = [values[i + 1] - values[i] for i in range(len(u.centres))]
        centres, s = [ball(m) for m in u.centres], ball(u.steepness)
        out = []
        for point in where:
            t = ball(point)
            total = values[0]
            for m, rise in zip(centres, rises):
                total += rise / (1 + (-s * (t - m)).exp())
            out.append(abs(total - g(t)))
        return out


def largest(balls: list[arb]) -> tuple[arb, list[int]]:
    """The maximum of the balls, as a ball (from the largest lower end to the largest upper end),
    and the index of every ball that may hold it (a symmetric f ties at symmetric points)."""
    with ctx.workprec(PREC):
        low = max(b.lower() for b in balls)
        return arb.union(low, max(b.upper() for b in balls)), [i for i, b in enumerate(balls) if b.upper() >= low]

"""The gradient through a chain of n one-unit layers, exactly: a_k = f(w a_{k−1} + b_k), a_0 = x,

    ∂a_n/∂x = Π_{k=1}^{n} w f′(z_k),   z_k = w a_{k−1} + b_k

for f = σ (f′(z) = σ(z)σ(−z) ≤ 1/4) and f = ReLU (f′ = 1 where z > 0, 0 where z < 0).

The values are certified, as ``solve``'s are (:mod:`derivations.symbolic.certified`): exact
rationals while every step is rational (ReLU), FLINT balls once e enters (σ), the precision raised
until every printed digit is decided. (Composing SymPy expressions for ten nested sigmoids took
minutes: each layer's expression holds all the earlier ones.)
"""

from __future__ import annotations

from fractions import Fraction

from flint import ctx, fmpq

from derivations.symbolic.certified import ELEMENTWISE, SLOPES, sign
from derivations.symbolic.decide import Decided, certify

ACTIVATIONS = ("sigmoid", "relu")


def relu_slope(z: fmpq) -> fmpq:
    """ReLU′(z): 1 for z > 0, 0 for z < 0; no derivative at z = 0."""
    if sign(z) == 0:
        raise ArithmeticError("ReLU has no derivative at z = 0")
    return SLOPES["relu"](z)


def _exact(v) -> fmpq:
    q = Fraction(str(v))
    return fmpq(q.numerator, q.denominator)


def chain(x, weight, biases, activation: str, digits: int = 17) -> list[Decided]:
    """∂a_n/∂x for n = 1 … len(biases), to ``digits`` certain significant digits."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}")
    w = _exact(weight)
    bs = [_exact(b) for b in biases]
    f = ELEMENTWISE[activation]
    slope = SLOPES["sigmoid"] if activation == "sigmoid" else relu_slope

    def compute(prec: int) -> dict[int, object]:
        ctx.prec = prec
        a, product, out = _exact(x), fmpq(1), {}
        for n, b in enumerate(bs, start=1):
            z = w * a + b
            a = f(z)
            product = product * w * slope(z)
            out[n] = product
        return out

    decided = certify(compute, digits)
    return [decided[n] for n in range(1, len(bs) + 1)]

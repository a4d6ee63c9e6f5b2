"""The gradient through a chain of n one-unit layers, exactly: a_k = f(w a_{k−1} + b_k), a_0 = x,

    ∂a_n/∂x = Π_{k=1}^{n} w f′(z_k),   z_k = w a_{k−1} + b_k

for f = σ (f′ = σ(1 − σ) ≤ 1/4) and f = ReLU (f′ = 1 where z > 0, 0 where z < 0).
"""

from __future__ import annotations

import sympy as sp


def sigmoid(z):
    return 1 / (1 + sp.exp(-z))


def relu(z):
    if z == 0:
        raise ArithmeticError("ReLU has no derivative at z = 0")
    return z if z > 0 else sp.Integer(0)


def relu_slope(z):
    relu(z)
    return sp.Integer(1) if z > 0 else sp.Integer(0)


def chain(x, weight, biases, activation: str) -> list[sp.Expr]:
    """∂a_n/∂x for n = 1 … len(biases), exact (sigmoid: expressions in e)."""
    a, product, out = sp.Rational(str(x)), sp.Integer(1), []
    w = sp.Rational(str(weight))
    for b in biases:
        z = w * a + sp.Rational(str(b))
        if activation == "sigmoid":
            a = sigmoid(z)
            slope = a * (1 - a)
        else:
            a, slope = relu(z), relu_slope(z)
        product = product * w * slope
        out.append(product)
    return out

"""Logistic regression as one sigmoid neuron, derived with SymPy (002_0d151740a80634d0.txt §1.1).

The neuron computes z = w1 x1 + w2 x2 + b and p = σ(z) = 1 / (1 + e^(−z)); the binary
cross-entropy of a label y ∈ {0, 1} is L = −(y ln p + (1 − y) ln(1 − p)). Differentiated:

    ∂L/∂w_i = (σ(z) − y) x_i,    ∂L/∂b = σ(z) − y

and one gradient step is w_i ← w_i − η (σ(z) − y) x_i, b ← b − η (σ(z) − y).
"""

from __future__ import annotations

import sympy as sp

x1, x2, w1, w2, b, y = sp.symbols("x1 x2 w1 w2 b y", real=True)
WEIGHTS = (w1, w2, b)
INPUTS = (x1, x2, sp.Integer(1))  # the bias is the weight of an input that is always 1

z = w1 * x1 + w2 * x2 + b
p = 1 / (1 + sp.exp(-z))
L = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))


def sigmoid(value):
    return 1 / (1 + sp.exp(-value))


def gradient() -> dict[sp.Symbol, sp.Expr]:
    """∂L/∂w for each weight, as SymPy differentiates L (before any simplification)."""
    return {v: sp.diff(L, v) for v in WEIGHTS}


def closed_form() -> dict[sp.Symbol, sp.Expr]:
    """The gradient in the form the page prints, (σ(z) − y)·x_i; raises unless it is ∂L/∂w_i."""
    raw = gradient()
    form = {v: (sigmoid(z) - y) * xi for v, xi in zip(WEIGHTS, INPUTS)}
    for v in WEIGHTS:
        if sp.simplify(raw[v] - form[v]) != 0:
            raise ArithmeticError(f"dL/d{v} is not (sigma(z) - y) * x")
    return form


def step(x, w, bias, label, learning_rate) -> dict[str, sp.Expr]:
    """One gradient step on one point, exactly: every value an expression in e."""
    values = {x1: x[0], x2: x[1], w1: w[0], w2: w[1], b: bias, y: label}
    z_value = z.subs(values)
    p_value = sigmoid(z_value)
    grads = [(p_value - label) * xi for xi in (x[0], x[1], 1)]
    new = [old - learning_rate * g for old, g in zip((w[0], w[1], bias), grads)]
    z_new = new[0] * x[0] + new[1] * x[1] + new[2]
    loss = lambda prob: -(label * sp.log(prob) + (1 - label) * sp.log(1 - prob))
    return dict(z=z_value, p=p_value, error=p_value - label, dw1=grads[0], dw2=grads[1], db=grads[2],
                w1=new[0], w2=new[1], b=new[2], z_new=z_new, p_new=sigmoid(z_new),
                loss=loss(p_value), loss_new=loss(sigmoid(z_new)))

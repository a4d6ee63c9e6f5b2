"""A tiny recurrence, unrolled exactly with SymPy (002_0d151740a80634d0.txt §2.1):

    h_t = tanh(W_xh x_t + W_hh h_{t−1} + b),    h_0 given,

one input x_t per step, the hidden state h_t a column. A feed-forward network is the same with
W_hh = 0: then h_t depends on x_t alone. How far back an input reaches is ∂h_T/∂x_1, carried
forward exactly step by step (forward-mode differentiation).
"""

from __future__ import annotations

import sympy as sp


def matrix(rows) -> sp.Matrix:
    """A matrix of the exact decimals the data file wrote (0.1 is 1/10)."""
    return sp.Matrix([[sp.Rational(str(v)) for v in row] for row in rows])


def column(values) -> sp.Matrix:
    return sp.Matrix([sp.Rational(str(v)) for v in values])


def unroll(W_xh: sp.Matrix, W_hh: sp.Matrix, b: sp.Matrix, h0: sp.Matrix, xs) -> list[sp.Matrix]:
    """h_1 … h_T for the inputs xs (numbers or symbols), each an exact expression."""
    h, out = h0, []
    for x in xs:
        h = (W_xh * x + W_hh * h + b).applyfunc(sp.tanh)
        out.append(h)
    return out


def reach(W_xh: sp.Matrix, W_hh: sp.Matrix, b: sp.Matrix, h0: sp.Matrix, xs) -> list[sp.Matrix]:
    """∂h_t/∂x_1 for t = 1 … T, exactly, carried forward with the steps:

        ∂z_t/∂x_1 = W_xh [t = 1] + W_hh ∂h_{t−1}/∂x_1,    ∂h_t/∂x_1 = tanh′(z_t) ⊙ ∂z_t/∂x_1,

    tanh′ being SymPy's derivative of tanh (1 − tanh²), evaluated at each exact z_t."""
    u = sp.Symbol("u")
    slope = sp.Lambda(u, sp.diff(sp.tanh(u), u))
    h, dh, out = h0, sp.zeros(*h0.shape), []
    for t, x in enumerate(sp.Rational(str(v)) for v in xs):
        z = W_xh * x + W_hh * h + b
        dz = (W_xh if t == 0 else sp.zeros(*W_xh.shape)) + W_hh * dh
        h = z.applyfunc(sp.tanh)
        dh = sp.Matrix([slope(zi) * dzi for zi, dzi in zip(z, dz)])
        out.append(dh)
    return out

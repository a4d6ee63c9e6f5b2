"""A tiny recurrence, unrolled exactly with SymPy (002_0d151740a80634d0.txt §2.1):

    h_t = tanh(W_xh x_t + W_hh h_{t−1} + b),    h_0 given,

one input x_t per step, the hidden state h_t a column. A feed-forward network is the same with
W_hh = 0: then h_t depends on x_t alone. How far back an input reaches is ∂h_T/∂x_1, SymPy's
derivative of the unrolled expression (no chain rule written by hand).
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
    """∂h_t/∂x_1 for t = 1 … T at the given inputs: differentiate the unrolled expressions in a
    symbol standing for x_1, then put the input back."""
    x1 = sp.Symbol("x_1")
    hs = unroll(W_xh, W_hh, b, h0, [x1, *xs[1:]])
    x = sp.Rational(str(xs[0]))
    return [h.diff(x1).subs(x1, x) for h in hs]

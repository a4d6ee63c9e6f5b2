"""The three kinds of derivative of 004_3b2490ffcdfbdb28.txt (도함수의 종류), each SymPy's derivative
of a definition, with its shape:

- scalar → scalar, σ(z):                          dσ/dz, a number;
- vector → scalar, L(w) = ½ (t − σ(w·x))²:        the gradient ∇_w L, a vector shaped like w (n);
- vector → vector, y = σ(W x + b):                the Jacobian ∂y/∂x, a matrix (m × n), row i the
  gradient of y_i.
"""

from __future__ import annotations

import sympy as sp


def sigmoid(z: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-z))


def exact(values) -> sp.Matrix | sp.Rational:
    """The decimals the data file wrote, as exact rationals: a number, a list as a column, a list
    of rows as a matrix."""
    if not isinstance(values, list):
        return sp.Rational(str(values))
    rows = values if isinstance(values[0], list) else [[v] for v in values]
    return sp.Matrix([[sp.Rational(str(v)) for v in row] for row in rows])


def scalar_to_scalar(z) -> sp.Expr:
    """dσ/dz at z."""
    s = sp.Symbol("z")
    return sp.diff(sigmoid(s), s).subs(s, exact(z))


def vector_to_scalar(w, x, t) -> sp.Matrix:
    """∇_w L at w, a column shaped like w: the partial derivative ∂L/∂w_j in row j."""
    ws = sp.Matrix(sp.symbols(f"w1:{len(w) + 1}"))
    loss = sp.Rational(1, 2) * (exact(t) - sigmoid((ws.T * exact(x))[0])) ** 2
    return sp.Matrix([sp.diff(loss, v) for v in ws]).subs(dict(zip(ws, exact(w))))


def vector_to_vector(W, b, x) -> sp.Matrix:
    """∂y/∂x at x (m × n), from SymPy's ``jacobian`` of y = σ(W x + b)."""
    xs = sp.Matrix(sp.symbols(f"x1:{len(x) + 1}"))
    y = (exact(W) * xs + exact(b)).applyfunc(sigmoid)
    return y.jacobian(xs).subs(dict(zip(xs, exact(x))))

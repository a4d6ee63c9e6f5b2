"""The closed forms the certified engine evaluates (:mod:`derivations.symbolic.certified`), each
proved here equal to what SymPy derives from the definitions.

A textbook form can be right and still useless at saturation: σ(z)(1 − σ(z)) subtracts a number
within e^(−z) of 1 from 1, ln(1 − σ(z)) takes the logarithm of that difference. The engine uses
forms in which nothing cancels that need not; :data:`FORMS` lists each beside the derivative or
value it replaces, and :func:`difference` proves them equal: with every z_k = ln u_k (u_k > 0)
each side is a rational function of the u_k (and targets t, upstream gradients g), and
:func:`sympy.cancel` of their difference is 0.
"""

from __future__ import annotations

from functools import cache
from typing import Callable

import sympy as sp

from derivations.symbolic.activations import sigmoid, softmax
from derivations.symbolic.losses import LOSSES

z, t = sp.Symbol("z", real=True), sp.Symbol("t", real=True)
N = 3
"""Outputs of the softmax forms checked (the forms hold for any number; three shows the sums)."""
zs = sp.symbols(f"z1:{N + 1}", real=True)
ts = sp.symbols(f"t1:{N + 1}", real=True)
gs = sp.symbols(f"g1:{N + 1}", real=True)


def softplus(x: sp.Expr) -> sp.Expr:
    """softplus(x) = ln(1 + e^x)."""
    return sp.log(1 + sp.exp(x))


def rest(values, i: int) -> sp.Expr:
    """Σ_{j≠i} values_j."""
    return sp.Add(*(v for j, v in enumerate(values) if j != i))


def _s() -> list[sp.Expr]:
    return softmax(list(zs))


def _softmax_ce() -> sp.Expr:
    return LOSSES["cross_entropy"](_s(), list(ts))


FORMS: dict[str, tuple[Callable[[], sp.Expr], Callable[[], sp.Expr]]] = {
    "sigmoid'": (lambda: sp.diff(sigmoid(z), z), lambda: sigmoid(z) * sigmoid(-z)),
    "tanh'": (lambda: sp.diff(sp.tanh(z), z), lambda: sp.sech(z) ** 2),
    "sigmoid - t": (lambda: sigmoid(z) - t, lambda: (1 - t) * sigmoid(z) - t * sigmoid(-z)),
    "tanh - t": (lambda: sp.tanh(z) - t, lambda: (1 - t) * sigmoid(2 * z) - (1 + t) * sigmoid(-2 * z)),
    "softmax - t": (lambda: _s()[0] - ts[0], lambda: (1 - ts[0]) * _s()[0] - ts[0] * rest(_s(), 0)),
    "-ln sigmoid": (lambda: -sp.log(sigmoid(z)), lambda: softplus(-z)),
    "-ln(1 - sigmoid)": (lambda: -sp.log(1 - sigmoid(z)), lambda: softplus(z)),
    "-ln softmax": (lambda: -sp.log(_s()[0]),
                    lambda: sp.log(1 + sp.Add(*(sp.exp(zj - zs[0]) for zj in zs[1:])))),
    "d BCE(sigmoid)/dz": (lambda: sp.diff(LOSSES["binary_cross_entropy"]([sigmoid(z)], [t]), z),
                          lambda: (1 - t) * sigmoid(z) - t * sigmoid(-z)),
    "d CE(sigmoid)/dz": (lambda: sp.diff(LOSSES["cross_entropy"]([sigmoid(z)], [t]), z),
                         lambda: -t * sigmoid(-z)),
    "d CE(softmax)/dz": (lambda: sp.diff(_softmax_ce(), zs[0]),
                         lambda: _s()[0] * rest(ts, 0) - ts[0] * rest(_s(), 0)),
    "softmax backward": (lambda: sp.Add(*(gs[j] * sp.diff(_s()[j], zs[0]) for j in range(N))),
                         lambda: _s()[0] * sp.Add(*(_s()[j] * (gs[0] - gs[j]) for j in range(1, N)))),
}
"""Each form the engine uses: (what SymPy derives or defines, the form evaluated)."""


@cache
def difference(name: str) -> sp.Expr:
    """The two sides of ``FORMS[name]`` subtracted and simplified exactly: 0 proves the form.

    Logarithms are compared through their exponentials' ratio: ln a − ln b = 0 iff a/b = 1 for
    a, b > 0, which is again a rational function."""
    derived, used = (f() for f in FORMS[name])
    logs = {v: sp.log(sp.Dummy(f"u_{v}", positive=True)) for v in (z, *zs)}
    a, b = (e.rewrite(sp.exp).xreplace(logs) for e in (derived, used))
    if a.has(sp.log) or b.has(sp.log):
        return sp.cancel(sp.expand_power_exp(sp.expand_log(sp.exp(a - b), force=True))) - 1
    return sp.cancel(sp.expand_power_exp(sp.powsimp(a - b)))

"""Loss functions of one sample as SymPy expressions, over equal-length lists of outputs o
(or probabilities p) and targets t."""

from __future__ import annotations

import sympy as sp

from derivations.symbolic.activations import sigmoid, softmax


def _pairs(o: list[sp.Expr], t: list[sp.Expr]) -> list[tuple[sp.Expr, sp.Expr]]:
    if len(o) != len(t) or not o:
        raise ValueError(f"outputs and targets must be equal-length, non-empty lists ({len(o)} vs {len(t)})")
    return list(zip(o, t))


def half_sse(o: list[sp.Expr], t: list[sp.Expr]) -> sp.Expr:
    """E = ½ Σ_k (t_k − o_k)², the backpropagation example's E_total."""
    return sp.Rational(1, 2) * sp.Add(*((tk - ok) ** 2 for ok, tk in _pairs(o, t)))


def mse(o: list[sp.Expr], t: list[sp.Expr]) -> sp.Expr:
    """MSE = (1/k) Σ_k (t_k − o_k)²."""
    pairs = _pairs(o, t)
    return sp.Add(*((tk - ok) ** 2 for ok, tk in pairs)) / len(pairs)


def binary_cross_entropy(p: list[sp.Expr], t: list[sp.Expr]) -> sp.Expr:
    """BCE = −(1/k) Σ_k [t_k ln p_k + (1 − t_k) ln(1 − p_k)]."""
    pairs = _pairs(p, t)
    return -sp.Add(*(tk * sp.log(pk) + (1 - tk) * sp.log(1 - pk) for pk, tk in pairs)) / len(pairs)


def cross_entropy(p: list[sp.Expr], t: list[sp.Expr]) -> sp.Expr:
    """CE = −Σ_k t_k ln p_k (categorical cross-entropy)."""
    return -sp.Add(*(tk * sp.log(pk) for pk, tk in _pairs(p, t)))


# --- gradients, derived -----------------------------------------------------------------------------

def outputs_and_targets(k: int) -> tuple[list[sp.Symbol], list[sp.Symbol]]:
    """Symbols o1…ok and t1…tk."""
    return list(sp.symbols(f"o1:{k + 1}", real=True)), list(sp.symbols(f"t1:{k + 1}", real=True))


def gradient(loss, k: int) -> list[sp.Expr]:
    """∂loss/∂o_j for j = 1…k, differentiated by SymPy from the loss of k outputs."""
    o, t = outputs_and_targets(k)
    value = loss(o, t)
    return [sp.diff(value, oj) for oj in o]


CLOSED_FORMS = {
    "half_sse": lambda o, t, k: o - t,
    "mse": lambda o, t, k: 2 * (o - t) / k,
    "binary_cross_entropy": lambda o, t, k: (o - t) / (k * o * (1 - o)),
    "cross_entropy": lambda o, t, k: -t / o,
}
"""∂loss/∂o_j of each loss, as the page writes it, for output o_j, target t_j and k outputs."""

LOSSES = {"half_sse": half_sse, "mse": mse, "binary_cross_entropy": binary_cross_entropy,
          "cross_entropy": cross_entropy}


def gradient_minus_closed_form(name: str, k: int) -> list[sp.Expr]:
    """SymPy's gradient of loss ``name`` minus :data:`CLOSED_FORMS`, simplified: all zeros."""
    o, t = outputs_and_targets(k)
    closed = CLOSED_FORMS[name]
    return [sp.simplify(g - closed(oj, tj, k))
            for g, oj, tj in zip(gradient(LOSSES[name], k), o, t)]


def softmax_cross_entropy_gradient(n: int) -> list[sp.Expr]:
    """∂/∂z_j of −Σ y_k ln s_k(z) with s = softmax(z) and Σ y_k = 1, minus (s_j − y_j),
    simplified: all zeros. The targets sum to one, so y_n is 1 − y_1 − … − y_(n−1)."""
    zs = list(sp.symbols(f"z1:{n + 1}", real=True))
    ys = list(sp.symbols(f"y1:{n}", real=True))
    ys.append(1 - sp.Add(*ys))
    s = softmax(zs)
    loss = cross_entropy(s, ys)
    return [sp.simplify(sp.diff(loss, zj) - (sj - yj)) for zj, sj, yj in zip(zs, s, ys)]


def sigmoid_binary_cross_entropy_gradient() -> sp.Expr:
    """d/dz of −[y ln σ(z) + (1 − y) ln(1 − σ(z))], minus (σ(z) − y), simplified: 0."""
    z, y = sp.symbols("z y", real=True)
    loss = binary_cross_entropy([sigmoid(z)], [y])
    return sp.simplify(sp.diff(loss, z) - (sigmoid(z) - y))

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


def softmax_keys(n: int) -> list[str]:
    """The flat names of softmax and categorical cross-entropy at n logits, as the losses page's
    live panel shows them: s1…, ds1_dz1… (the Jacobian ∂s_i/∂z_j), L, dL_dz1…."""
    ks = range(1, n + 1)
    return ([f"s{i}" for i in ks] + [f"ds{i}_dz{j}" for i in ks for j in ks] + ["L"]
            + [f"dL_dz{j}" for j in ks])


def softmax_cross_entropy_values(z: list, k: int) -> dict[str, sp.Expr]:
    """Softmax of the logits ``z``, its Jacobian, and the cross-entropy L = −ln s_k of the class
    ``k`` (1-based) with its gradient, exactly (expressions in e; keys: :func:`softmax_keys`).

    Each is written as a sum of positive terms, so that evaluating it to any precision loses
    nothing to cancellation: s_i = 1 / Σ_j e^(z_j − z_i); ∂s_i/∂z_i = s_i(1 − s_i) as s_i Σ_{j≠i} s_j;
    ∂s_i/∂z_j = −s_i s_j; L = ln Σ_j e^(z_j − z_k); ∂L/∂z_j = s_j − y_j, which is −Σ_{j≠k} s_j at
    j = k (the forms :func:`softmax_cross_entropy_gradient` and the activations' Jacobian prove)."""
    z = [sp.Rational(v) for v in z]
    n = len(z)
    s = [1 / sp.Add(*(sp.exp(zj - zi) for zj in z)) for zi in z]
    rest = [sp.Add(*(s[j] for j in range(n) if j != i)) for i in range(n)]
    values = {f"s{i + 1}": s[i] for i in range(n)}
    values |= {f"ds{i + 1}_dz{j + 1}": (s[i] * rest[i] if i == j else -s[i] * s[j])
               for i in range(n) for j in range(n)}
    values["L"] = sp.log(sp.Add(*(sp.exp(zj - z[k - 1]) for zj in z)))
    values |= {f"dL_dz{j + 1}": (-rest[j] if j == k - 1 else s[j]) for j in range(n)}
    return {key: values[key] for key in softmax_keys(n)}


def sigmoid_binary_cross_entropy_gradient() -> sp.Expr:
    """d/dz of −[y ln σ(z) + (1 − y) ln(1 − σ(z))], minus (σ(z) − y), simplified: 0."""
    z, y = sp.symbols("z y", real=True)
    loss = binary_cross_entropy([sigmoid(z)], [y])
    return sp.simplify(sp.diff(loss, z) - (sigmoid(z) - y))

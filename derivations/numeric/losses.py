"""Loss functions and their gradients, on NumPy float64 arrays.

Outputs ``o`` (or probabilities ``p``) and targets ``t`` have shape (k,) for one sample or
(batch, k) for a batch. Each loss is defined per sample over the last axis; the loss of a batch is
the mean of the per-sample losses. Each ``*_grad`` is the derivative of that (averaged) loss with
respect to ``o``, with the shape of ``o``: for a batch it carries the factor 1/batch.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

EPSILON = 1e-12
"""How close to 0 (or 1) a probability may come in a logarithm or a denominator: ln 0 is −∞, 1/0
infinite."""


def _pair(o: ArrayLike, t: ArrayLike) -> tuple[Array, Array]:
    o, t = np.asarray(o, dtype=np.float64), np.asarray(t, dtype=np.float64)
    if o.shape != t.shape or o.ndim not in (1, 2):
        raise ValueError(f"outputs {o.shape} and targets {t.shape} must have one shape, "
                         "(k,) or (batch, k)")
    return o, t


def _samples(o: Array) -> int:
    """The number of samples the mean runs over: 1 for a single (k,) sample."""
    return 1 if o.ndim == 1 else o.shape[0]


def _mean(per_sample: Array) -> float:
    return float(np.mean(per_sample))


# --8<-- [start:squared]
def half_sse(o: ArrayLike, t: ArrayLike) -> float:
    """E = ½ Σ_k (t_k − o_k)² per sample, the backpropagation example's E_total."""
    o, t = _pair(o, t)
    return _mean(0.5 * np.sum((t - o) ** 2, axis=-1))


def half_sse_grad(o: ArrayLike, t: ArrayLike) -> Array:
    """∂E/∂o_k = o_k − t_k per sample (the ½ cancels the 2 of the square)."""
    o, t = _pair(o, t)
    return (o - t) / _samples(o)


def mse(o: ArrayLike, t: ArrayLike) -> float:
    """MSE = (1/k) Σ_k (t_k − o_k)² per sample."""
    o, t = _pair(o, t)
    return _mean(np.mean((t - o) ** 2, axis=-1))


def mse_grad(o: ArrayLike, t: ArrayLike) -> Array:
    """∂MSE/∂o_k = (2/k)(o_k − t_k) per sample."""
    o, t = _pair(o, t)
    return 2.0 * (o - t) / (o.shape[-1] * _samples(o))
# --8<-- [end:squared]


# --8<-- [start:cross_entropy]
def binary_cross_entropy(p: ArrayLike, t: ArrayLike) -> float:
    """BCE = −(1/k) Σ_k [t_k ln p_k + (1 − t_k) ln(1 − p_k)] per sample.

    (Keras' mean over the last axis.) p is clipped to [ε, 1 − ε], ε = 1e-12, before the
    logarithms: both ln p and ln(1 − p) appear, and either is −∞ at an end. Inside that
    interval the clip changes nothing.
    """
    p, t = _pair(p, t)
    p = np.clip(p, EPSILON, 1.0 - EPSILON)
    return _mean(-np.mean(t * np.log(p) + (1.0 - t) * np.log1p(-p), axis=-1))


def binary_cross_entropy_grad(p: ArrayLike, t: ArrayLike) -> Array:
    """∂BCE/∂p_k = (1/k) (p_k − t_k) / (p_k (1 − p_k)) per sample, p clipped as above."""
    p, t = _pair(p, t)
    k, samples = p.shape[-1], _samples(p)
    p = np.clip(p, EPSILON, 1.0 - EPSILON)
    return (p - t) / (p * (1.0 - p)) / (k * samples)


def cross_entropy(p: ArrayLike, t: ArrayLike) -> float:
    """CE = −Σ_k t_k ln p_k per sample (t one-hot, or any distribution).

    p is clipped from below to ε = 1e-12 before the logarithm, since ln 0 = −∞; the
    upper end needs no clip, because ln 1 = 0.
    """
    p, t = _pair(p, t)
    return _mean(-np.sum(t * np.log(np.maximum(p, EPSILON)), axis=-1))


def cross_entropy_grad(p: ArrayLike, t: ArrayLike) -> Array:
    """∂CE/∂p_k = −t_k / p_k per sample, p clipped as in the loss."""
    p, t = _pair(p, t)
    return -t / np.maximum(p, EPSILON) / _samples(p)
# --8<-- [end:cross_entropy]


# --8<-- [start:from_logits]
def softplus(x: ArrayLike) -> Array:
    """ln(1 + e^x) = −ln σ(−x), without overflow: max(x, 0) + ln(1 + e^(−|x|))."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(under="ignore"):
        return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def sigmoid_minus(z: ArrayLike, t: ArrayLike) -> Array:
    """σ(z) − t as (1 − t)σ(z) − tσ(−z): the same number (σ(z) + σ(−z) = 1), but a saturated
    σ(z) is never subtracted from a target of 1, so σ(40) − 1 is −4.2e-18, not 0."""
    z, t = np.asarray(z, dtype=np.float64), np.asarray(t, dtype=np.float64)
    with np.errstate(under="ignore"):
        e = np.exp(-np.abs(z))                      # e^(−|z|) ≤ 1
        big, small = 1.0 / (1.0 + e), e / (1.0 + e)  # σ(|z|), σ(−|z|)
    up, down = np.where(z >= 0, big, small), np.where(z >= 0, small, big)  # σ(z), σ(−z)
    return (1.0 - t) * up - t * down


def binary_cross_entropy_from_logits(z: ArrayLike, t: ArrayLike) -> float:
    """BCE of p = σ(z) from z itself: −[t ln σ(z) + (1 − t) ln σ(−z)] = t·softplus(−z) +
    (1 − t)·softplus(z), mean over the last axis. No clipping: σ(z) may round to 1 in float64,
    the loss does not."""
    z, t = _pair(z, t)
    return _mean(np.mean(t * softplus(-z) + (1.0 - t) * softplus(z), axis=-1))


def binary_cross_entropy_from_logits_grad(z: ArrayLike, t: ArrayLike) -> Array:
    """∂BCE/∂z_k = (σ(z_k) − t_k)/k per sample."""
    z, t = _pair(z, t)
    return sigmoid_minus(z, t) / (z.shape[-1] * _samples(z))


def others(e: Array) -> Array:
    """Σ_{j≠i} e_j for each i along the last axis, without subtracting e_i from the sum where
    e_i is the largest term (the sum of the rest may be far below its rounding)."""
    top = np.argmax(e, axis=-1)[..., None]
    rest = np.sum(np.where(np.arange(e.shape[-1]) == top, 0.0, e), axis=-1, keepdims=True)
    return np.where(np.arange(e.shape[-1]) == top, rest, rest + np.take_along_axis(e, top, -1) - e)


def cross_entropy_from_logits(z: ArrayLike, t: ArrayLike) -> float:
    """CE of p = softmax(z) from z: −ln s_k = (m − z_k) + ln(1 + Σ_{j≠top} e^(z_j − m)), m the
    largest z; the last logarithm is log1p of the small terms, so a loss of 1e-261 survives."""
    z, t = _pair(z, t)
    m = np.max(z, axis=-1, keepdims=True)
    with np.errstate(under="ignore"):
        e = np.exp(z - m)
    top = np.argmax(z, axis=-1)[..., None]
    rest = np.sum(np.where(np.arange(z.shape[-1]) == top, 0.0, e), axis=-1, keepdims=True)
    return _mean(np.sum(t * ((m - z) + np.log1p(rest)), axis=-1))


def cross_entropy_from_logits_grad(z: ArrayLike, t: ArrayLike) -> Array:
    """∂CE/∂z_k = s_k Σ_j t_j − t_k, written s_k Σ_{j≠k} t_j − t_k Σ_{j≠k} s_j so that a
    saturated s_k ≈ 1 is not subtracted from t_k = 1."""
    z, t = _pair(z, t)
    m = np.max(z, axis=-1, keepdims=True)
    with np.errstate(under="ignore"):
        e = np.exp(z - m)
        total = np.sum(e, axis=-1, keepdims=True)
        s, s_rest = e / total, others(e) / total
        return (s * (np.sum(t, axis=-1, keepdims=True) - t) - t * s_rest) / _samples(z)


def softmax_cross_entropy_values(z: ArrayLike, k: int) -> dict[str, float]:
    """Softmax of one vector of logits, its Jacobian, the cross-entropy of the class ``k``
    (1-based) from the logits and its gradient, under the names of the losses page's live panel:
    s1…, ds1_dz1… (∂s_i/∂z_j), L, dL_dz1…."""
    from derivations.numeric.activations import softmax, softmax_jacobian

    z = np.asarray(z, dtype=np.float64)
    t = np.eye(len(z))[k - 1]
    n = range(1, len(z) + 1)
    s, jacobian = softmax(z), softmax_jacobian(z)
    gradient = cross_entropy_from_logits_grad(z, t)
    values = {f"s{i}": float(s[i - 1]) for i in n}
    values |= {f"ds{i}_dz{j}": float(jacobian[i - 1, j - 1]) for i in n for j in n}
    values["L"] = float(cross_entropy_from_logits(z, t))
    values |= {f"dL_dz{j}": float(gradient[j - 1]) for j in n}
    return values


def sigmoid_cross_entropy_from_logits(z: ArrayLike, t: ArrayLike) -> float:
    """CE of independent p_k = σ(z_k): −Σ_k t_k ln σ(z_k) = Σ_k t_k softplus(−z_k)."""
    z, t = _pair(z, t)
    return _mean(np.sum(t * softplus(-z), axis=-1))


def sigmoid_cross_entropy_from_logits_grad(z: ArrayLike, t: ArrayLike) -> Array:
    """∂/∂z_k = −t_k σ(−z_k)."""
    z, t = _pair(z, t)
    return -t * sigmoid_minus(-z, 0.0) / _samples(z)
# --8<-- [end:from_logits]

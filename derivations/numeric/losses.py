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
"""How close to 0 (or 1) a probability may come inside a logarithm: ln 0 is −∞."""


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

"""The three kinds of derivative in NumPy, written out by the chain rule (σ′ = σ(1 − σ)):

    dσ/dz = σ(z)(1 − σ(z)),    ∇_w ½(t − σ(w·x))² = −(t − o) σ′(w·x) x,    ∂σ(Wx + b)/∂x = diag(σ′(Wx + b)) W.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# --8<-- [start:kinds]
def scalar_to_scalar(z):
    """dσ/dz: a number."""
    s = sigmoid(z)
    return s * (1 - s)


def vector_to_scalar(w, x, t):
    """∇_w L for L = ½ (t − σ(w·x))²: shape (n,), like w."""
    w, x = np.asarray(w, float), np.asarray(x, float)
    o = sigmoid(w @ x)
    return -(t - o) * o * (1 - o) * x


def vector_to_vector(W, b, x):
    """∂y/∂x for y = σ(W x + b): shape (m, n), one row per output."""
    W = np.asarray(W, float)
    y = sigmoid(W @ np.asarray(x, float) + np.asarray(b, float))
    return (y * (1 - y))[:, None] * W
# --8<-- [end:kinds]

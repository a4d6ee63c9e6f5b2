"""The tent map composed k times, as a ReLU network in NumPy: k hidden layers of two units,
T(x) = 2 relu(x) − 4 relu(x − 1/2), and its linear pieces counted on a grid."""

from __future__ import annotations

import numpy as np


# --8<-- [start:deep]
def deep(x, k):
    """T^k(x): the first layer reads x; each next layer reads 2 u1 − 4 u2 of the one before."""
    W_in, W = np.array([[1.0, 1.0]]), np.array([[2.0, 2.0], [-4.0, -4.0]])
    b, W_out = np.array([0.0, -0.5]), np.array([[2.0], [-4.0]])
    a = np.maximum(np.asarray(x, float)[:, None] @ W_in + b, 0)
    for _ in range(k - 1):
        a = np.maximum(a @ W + b, 0)
    return (a @ W_out)[:, 0]
# --8<-- [end:deep]


def count_pieces(x, y):
    """Linear pieces of the polyline through (x, y): one more than the changes of slope."""
    slope = np.diff(y) / np.diff(x)
    return 1 + int(np.count_nonzero(np.diff(slope)))


def pieces_of_deep(k, refine=2):
    """Pieces of T^k on a grid of spacing 2^−(k+refine): dyadic points, exact in float64, with
    every kink of T^k (at multiples of 2^−k) among them."""
    x = np.linspace(0.0, 1.0, 2 ** (k + refine) + 1)
    return count_pieces(x, deep(x, k))

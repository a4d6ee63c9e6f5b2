"""Activation functions and their derivatives, elementwise on NumPy arrays."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray


# --8<-- [start:sigmoid]
def sigmoid(z: ArrayLike) -> NDArray[np.float64]:
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for any float64 z.

    For z < 0, e^(−z) overflows, so the equal form e^z / (1 + e^z) is used there.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z: ArrayLike) -> NDArray[np.float64]:
    """σ'(z) = σ(z) · (1 − σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)
# --8<-- [end:sigmoid]

"""Activation functions and their derivatives, elementwise on NumPy float64 arrays.

Every function here is finite, and raises no floating-point error, for every finite float64
input (|z| up to 1e308), even under ``np.errstate(all="raise")``. Underflow is the one event
each function permits itself, locally: a result too small for float64 rounding to zero is the
correctly rounded answer, not a failure.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


# --8<-- [start:sigmoid]
def sigmoid(z: ArrayLike) -> NDArray[np.float64]:
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for any float64 z.

    For z < 0, e^(−z) overflows, so the equal form e^z / (1 + e^z) is used there.
    """
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):  # e^(−1000) is 0 in float64, correctly
        e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z: ArrayLike) -> NDArray[np.float64]:
    """σ'(z) = σ(z) · (1 − σ(z)) = e^(−|z|) / (1 + e^(−|z|))².

    The second form, because for large |z| the first loses every digit:
    σ(40) rounds to 1, so 1 − σ(40) is 0, while σ'(40) is about 4e-18.
    σ' is even, so e^(−|z|) serves both signs.
    """
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):
        e = np.exp(-np.abs(z))
        return e / ((1.0 + e) * (1.0 + e))
# --8<-- [end:sigmoid]


# --8<-- [start:tanh]
def tanh(z: ArrayLike) -> Array:
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)); NumPy's, which saturates safely."""
    return np.tanh(np.asarray(z, dtype=np.float64))


def tanh_prime(z: ArrayLike) -> Array:
    """tanh'(z) = 1 − tanh²(z) = 4 e^(−2|z|) / (1 + e^(−2|z|))².

    Neither 1 − tanh² (tanh(20) rounds to 1, leaving 0 for about 2e-17)
    nor 1/cosh² (cosh overflows beyond |z| ≈ 710) survives large |z|;
    the last form exponentiates only numbers ≤ 0.
    """
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):
        # e^(−800) is already 0; the cap keeps −2|z| itself from overflowing.
        e = np.exp(-2.0 * np.minimum(np.abs(z), 400.0))
        return 4.0 * e / ((1.0 + e) * (1.0 + e))
# --8<-- [end:tanh]


# --8<-- [start:relu]
def relu(z: ArrayLike) -> Array:
    """ReLU(z) = max(0, z)."""
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_prime(z: ArrayLike) -> Array:
    """ReLU'(z) = 1 for z > 0, 0 for z < 0.

    At z = 0 no derivative exists (the one-sided slopes are 0 and 1); 0 by convention.
    """
    return (np.asarray(z, dtype=np.float64) > 0).astype(np.float64)


def leaky_relu(z: ArrayLike, a: float = 0.01) -> Array:
    """Leaky ReLU(z) = z for z > 0, a·z otherwise (= max(a·z, z) for 0 < a < 1)."""
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):  # a · 1e-308 is subnormal
        return np.where(z > 0, z, a * z)


def leaky_relu_prime(z: ArrayLike, a: float = 0.01) -> Array:
    """Leaky ReLU'(z) = 1 for z > 0, a for z < 0; at z = 0, a by convention."""
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, 1.0, a)
# --8<-- [end:relu]


# --8<-- [start:identity]
def identity(z: ArrayLike) -> Array:
    """identity(z) = z: the activation of a linear output layer."""
    return np.array(z, dtype=np.float64)


def identity_prime(z: ArrayLike) -> Array:
    """identity'(z) = 1."""
    return np.ones_like(np.asarray(z, dtype=np.float64))


def step(z: ArrayLike) -> Array:
    """The perceptron's step: 1.0 where z > 0, else 0.0.

    Its derivative is 0 wherever it exists (everywhere but z = 0), so it gives
    gradient descent nothing to follow.
    """
    return (np.asarray(z, dtype=np.float64) > 0).astype(np.float64)
# --8<-- [end:identity]


# --8<-- [start:softmax]
def softmax(z: ArrayLike) -> Array:
    """softmax(z)_i = e^(z_i) / Σ_j e^(z_j), over the last axis (any shape).

    Computed as e^(z_i − m) / Σ_j e^(z_j − m) with m = max_j z_j: the same
    value (the factor e^(−m) cancels), but every exponent is ≤ 0, so nothing
    overflows, and the largest term is exactly 1, so the sum is never 0.
    """
    z = np.asarray(z, dtype=np.float64)
    m = np.max(z, axis=-1, keepdims=True)
    # z − m ≤ 0, so an overflow here (−1e308 − 1e308) can only go to −inf,
    # and e^(−inf) = 0 is the right weight for a logit that far below the top.
    with np.errstate(over="ignore", under="ignore"):
        e = np.exp(z - m)
        return e / np.sum(e, axis=-1, keepdims=True)


def softmax_jacobian(z: ArrayLike) -> Array:
    """The n×n Jacobian of softmax at one vector z of length n:

    ∂s_i/∂z_j = s_i (δ_ij − s_j), i.e. diag(s) − s sᵀ.

    The diagonal s_i (1 − s_i) is computed as s_i Σ_{j≠i} s_j: where s_i is within rounding of
    1, 1 − s_i would be 0 or noise, while the sum of the others keeps every digit.
    """
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1:
        raise ValueError(f"softmax_jacobian takes one vector, not {z.shape}")
    s = softmax(z)
    others = np.array([np.sum(np.delete(s, i)) for i in range(len(s))])
    with np.errstate(under="ignore"):
        jacobian = -np.outer(s, s)
        np.fill_diagonal(jacobian, s * others)
        return jacobian
# --8<-- [end:softmax]

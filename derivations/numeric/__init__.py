"""NumPy implementations, float64, written by hand.

Nothing here imports SymPy or :mod:`derivations.symbolic`: the numbers computed here are a second,
independent route to the values the derivations give.
"""

from derivations.numeric.activations import (
    identity,
    identity_prime,
    leaky_relu,
    leaky_relu_prime,
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax,
    softmax_jacobian,
    step,
    tanh,
    tanh_prime,
)
from derivations.numeric.losses import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    cross_entropy,
    cross_entropy_grad,
    half_sse,
    half_sse_grad,
    mse,
    mse_grad,
)

__all__ = [
    "binary_cross_entropy", "binary_cross_entropy_grad", "cross_entropy", "cross_entropy_grad",
    "half_sse", "half_sse_grad", "identity", "identity_prime", "leaky_relu", "leaky_relu_prime",
    "mse", "mse_grad", "relu", "relu_prime", "sigmoid", "sigmoid_prime", "softmax",
    "softmax_jacobian", "step", "tanh", "tanh_prime",
]

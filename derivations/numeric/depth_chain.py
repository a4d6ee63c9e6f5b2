"""The gradient through a chain of one-unit layers in NumPy: ∂a_n/∂x = Π_k w f′(z_k)."""

from __future__ import annotations

import numpy as np


def chain(x, weight, biases, activation):
    """∂a_n/∂x for n = 1 … len(biases), float64; activation "sigmoid" or "relu"."""
    a, product, out = float(x), 1.0, []
    for b in biases:
        z = weight * a + b
        if activation == "sigmoid":
            a = 1.0 / (1.0 + np.exp(-z))
            slope = a * (1.0 - a)
        else:
            a, slope = max(z, 0.0), float(z > 0)
        product *= weight * slope
        out.append(product)
    return np.array(out)

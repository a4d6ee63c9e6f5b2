"""Logistic regression as one sigmoid neuron in NumPy: p = σ(w·x + b), gradient (p − y)·x."""

from __future__ import annotations

import numpy as np


# --8<-- [start:step]
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def bce(p, y):
    """Binary cross-entropy −(y ln p + (1 − y) ln(1 − p))."""
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def gradient_step(x, w, b, y, learning_rate):
    """One step of gradient descent on one point: w ← w − η (σ(z) − y) x, b ← b − η (σ(z) − y)."""
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    p = sigmoid(w @ x + b)
    error = p - y
    return w - learning_rate * error * x, b - learning_rate * error, p
# --8<-- [end:step]

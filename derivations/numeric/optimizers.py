"""The optimizers of 002_0d151740a80634d0.txt §3.3 in NumPy, as Keras runs them.

Each optimizer updates a list of parameter arrays (the 2-2-2 network's two weight matrices, or a
dense network's weights and biases) from their gradients, and keeps its own state per array.
``step`` is one update; the arrays passed in are not modified. The update of every optimizer is
elementwise: each weight has its own velocity, accumulator or moment estimates.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


# --8<-- [start:sgd]
class SGD:
    """Keras ``SGD``. Without momentum, gradient descent: W ← W − α g.

    With momentum μ > 0 a velocity carries the past steps: v ← μ v − α g, then W ← W + v.
    """

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0):
        self.learning_rate, self.momentum = learning_rate, momentum
        self.state: dict[str, list[Array]] = {}

    def step(self, params: Sequence[Array], grads: Sequence[Array]) -> list[Array]:
        if self.momentum == 0:
            return [p - self.learning_rate * g for p, g in zip(params, grads)]
        v = self.state.setdefault("v", [np.zeros_like(p) for p in params])
        self.state["v"] = v = [self.momentum * vi - self.learning_rate * g for vi, g in zip(v, grads)]
        return [p + vi for p, vi in zip(params, v)]
# --8<-- [end:sgd]


# --8<-- [start:adagrad]
class Adagrad:
    """Keras ``Adagrad``: G ← G + g², then W ← W − α g / √(G + ε), with G starting at G₀ = 0.1.

    Each weight's step shrinks with the squared gradients it has accumulated.
    """

    def __init__(self, learning_rate: float = 0.001, epsilon: float = 1e-7,
                 initial_accumulator_value: float = 0.1):
        self.learning_rate, self.epsilon = learning_rate, epsilon
        self.initial_accumulator_value = initial_accumulator_value
        self.state: dict[str, list[Array]] = {}

    def step(self, params: Sequence[Array], grads: Sequence[Array]) -> list[Array]:
        G = self.state.setdefault("G", [np.full_like(p, self.initial_accumulator_value) for p in params])
        self.state["G"] = G = [Gi + g * g for Gi, g in zip(G, grads)]
        return [p - self.learning_rate * g / np.sqrt(Gi + self.epsilon)
                for p, g, Gi in zip(params, grads, G)]
# --8<-- [end:adagrad]


# --8<-- [start:rmsprop]
class RMSprop:
    """Keras ``RMSprop``: s ← ρ s + (1 − ρ) g², then W ← W − α g / √(s + ε), with s starting at 0.

    Like Adagrad, but old squared gradients fade by ρ per step, so the step size does not decay
    to nothing.
    """

    def __init__(self, learning_rate: float = 0.001, rho: float = 0.9, epsilon: float = 1e-7):
        self.learning_rate, self.rho, self.epsilon = learning_rate, rho, epsilon
        self.state: dict[str, list[Array]] = {}

    def step(self, params: Sequence[Array], grads: Sequence[Array]) -> list[Array]:
        s = self.state.setdefault("s", [np.zeros_like(p) for p in params])
        self.state["s"] = s = [self.rho * si + (1 - self.rho) * g * g for si, g in zip(s, grads)]
        return [p - self.learning_rate * g / np.sqrt(si + self.epsilon)
                for p, g, si in zip(params, grads, s)]
# --8<-- [end:rmsprop]


# --8<-- [start:adam]
class Adam:
    """Keras ``Adam``: m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², then at step t

        W ← W − α √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε̂)

    The two bias corrections are folded into the step size; ε̂ is Keras' ``epsilon``.
    """

    def __init__(self, learning_rate: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.999,
                 epsilon: float = 1e-7):
        self.learning_rate, self.beta_1, self.beta_2 = learning_rate, beta_1, beta_2
        self.epsilon = epsilon
        self.t = 0
        self.state: dict[str, list[Array]] = {}

    def step(self, params: Sequence[Array], grads: Sequence[Array]) -> list[Array]:
        self.t += 1
        m = self.state.setdefault("m", [np.zeros_like(p) for p in params])
        v = self.state.setdefault("v", [np.zeros_like(p) for p in params])
        self.state["m"] = m = [self.beta_1 * mi + (1 - self.beta_1) * g for mi, g in zip(m, grads)]
        self.state["v"] = v = [self.beta_2 * vi + (1 - self.beta_2) * g * g for vi, g in zip(v, grads)]
        size = self.learning_rate * np.sqrt(1 - self.beta_2**self.t) / (1 - self.beta_1**self.t)
        return [p - size * mi / (np.sqrt(vi) + self.epsilon) for p, mi, vi in zip(params, m, v)]
# --8<-- [end:adam]


OPTIMIZERS = {"SGD": SGD, "Adagrad": Adagrad, "RMSprop": RMSprop, "Adam": Adam}
"""By Keras class name."""


def make(keras_class: str, hyperparameters: dict[str, float]):
    """A fresh optimizer from its Keras class name and Keras keyword arguments."""
    return OPTIMIZERS[keras_class](**hyperparameters)

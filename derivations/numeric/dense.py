"""Any dense (fully connected) network in NumPy: forward propagation as matrix products, and
backpropagation in matrix form.

A layer maps a batch X of shape (batch, inputs) to

    Z = X @ W + B          W: (inputs, units), B: (units,) added to every row
    A = f(Z)               f: the layer's activation, elementwise (softmax: along each row)

and the next layer takes A as its X. The loss of a batch is the mean over its samples of the
per-sample loss. Backpropagation walks the layers in reverse with

    δ = ∂L/∂Z = ∂L/∂A ∘ f'(Z)   (softmax: each row's Jacobian applied to that row)
    ∂L/∂W = Xᵀ δ,   ∂L/∂B = Σ_rows δ,   ∂L/∂X = δ Wᵀ   (the ∂L/∂A of the layer below)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np
from numpy.typing import NDArray

from derivations.numeric import activations, losses

Array = NDArray[np.float64]


@dataclass
class Layer:
    """One dense layer: ``Y = X @ weights + biases``, then ``activation``."""

    weights: Array      # shape (inputs, units)
    biases: Array       # shape (units,)
    activation: str     # a key of ACTIVATIONS


ACTIVATIONS: dict[str, tuple[Callable, Callable | None]] = {
    "sigmoid": (activations.sigmoid, activations.sigmoid_prime),
    "tanh": (activations.tanh, activations.tanh_prime),
    "relu": (activations.relu, activations.relu_prime),
    "leaky_relu": (activations.leaky_relu, activations.leaky_relu_prime),
    "identity": (activations.identity, activations.identity_prime),
    "softmax": (activations.softmax, None),  # not elementwise: see softmax_backward
}
"""Each activation and its elementwise derivative."""

LOSSES: dict[str, tuple[Callable, Callable]] = {
    "half_sse": (losses.half_sse, losses.half_sse_grad),
    "mse": (losses.mse, losses.mse_grad),
    "binary_cross_entropy": (losses.binary_cross_entropy, losses.binary_cross_entropy_grad),
    "cross_entropy": (losses.cross_entropy, losses.cross_entropy_grad),
}
"""Each loss of a batch (mean over samples) and its gradient with respect to the outputs."""


# --8<-- [start:summary]
class Shapes(NamedTuple):
    X: tuple[int, int]  # (batch, inputs)
    W: tuple[int, int]  # (inputs, units)
    B: tuple[int, int]  # (batch, units): one bias row, repeated for every sample
    Y: tuple[int, int]  # (batch, units)
    parameters: int     # inputs · units weights + units biases


def shapes(widths: list[int], batch: int = 1) -> list[Shapes]:
    """X(m×n) · W(n×j) + B(m×j) = Y(m×j) for each layer; ``widths`` = input width, then units."""
    return [Shapes((batch, n), (n, j), (batch, j), (batch, j), n * j + j)
            for n, j in zip(widths, widths[1:])]


def summary(widths: list[int]) -> str:
    """The model summary Keras prints for Dense layers of these widths (trainable parameters only)."""
    rule, bar = "_" * 65, "=" * 65
    lines = ['Model: "sequential"', rule, f"{'Layer (type)':<29}{'Output Shape':<26}{'Param #':<10}", bar]
    layers = shapes(widths)
    for i, layer in enumerate(layers):
        name = "dense" if i == 0 else f"dense_{i}"
        lines.append(f"{name + ' (Dense)':<29}{f'(None, {layer.W[1]})':<26}{layer.parameters:<10}")
        lines.append(rule if i < len(layers) - 1 else bar)
    total = sum(layer.parameters for layer in layers)
    lines += [f"Total params: {total:,}", f"Trainable params: {total:,}", "Non-trainable params: 0", rule]
    return "\n".join(lines) + "\n"
# --8<-- [end:summary]


# --8<-- [start:forward]
class Cache(NamedTuple):
    X: Array  # the layer's input, (batch, inputs)
    Z: Array  # X @ W + B, (batch, units)
    A: Array  # f(Z), the layer's output


def forward(layers: list[Layer], X: Array) -> list[Cache]:
    """Forward propagation: one matrix product, one bias row and one activation per layer."""
    caches = []
    for layer in layers:
        Z = X @ layer.weights + layer.biases  # B is broadcast to every row (sample)
        A = ACTIVATIONS[layer.activation][0](Z)
        caches.append(Cache(X, Z, A))
        X = A
    return caches


def predict(layers: list[Layer], X: Array) -> Array:
    """The network's outputs for a batch X of shape (batch, inputs)."""
    return forward(layers, np.atleast_2d(np.asarray(X, dtype=np.float64)))[-1].A
# --8<-- [end:forward]


# --8<-- [start:backward]
FROM_LOGITS: dict[str, tuple[Callable, Callable]] = {
    "binary_cross_entropy": (losses.binary_cross_entropy_from_logits, losses.binary_cross_entropy_from_logits_grad),
    "cross_entropy": (losses.cross_entropy_from_logits, losses.cross_entropy_from_logits_grad),
    "sigmoid": (losses.sigmoid_cross_entropy_from_logits, losses.sigmoid_cross_entropy_from_logits_grad),
}
"""The logarithmic losses and their ∂L/∂Z from the logits (cross-entropy of softmax, or with
key ``sigmoid`` of independent sigmoids)."""


def batch_loss(last: Layer, cache: Cache, T: Array, loss: str) -> float:
    """The batch loss; a logarithmic one from the logits, a squared one from the stable o − t."""
    if loss in FROM_LOGITS:
        key = "sigmoid" if loss == "cross_entropy" and last.activation == "sigmoid" else loss
        return float(FROM_LOGITS[key][0](cache.Z, T))
    d = difference(last.activation, cache, T)
    per_sample = np.sum(d * d, axis=-1) * (0.5 if loss == "half_sse" else 1.0 / d.shape[-1])
    return float(np.mean(per_sample))


def softmax_backward(dA: Array, A: Array) -> Array:
    """δ = Jᵀ ∂L/∂A per row, with J = diag(s) − s sᵀ: δ_i = s_i (g_i − Σ_j s_j g_j), computed as
    s_i Σ_{j≠i} s_j (g_i − g_j) (the same, as Σ s = 1), so that a saturated s_i ≈ 1 does not
    cancel g_i against itself."""
    with np.errstate(under="ignore"):
        pairs = A[:, None, :] * (dA[:, :, None] - dA[:, None, :])  # [sample, i, j] = s_j (g_i − g_j)
        return A * pairs.sum(axis=2)


def output_delta(last: Layer, cache: Cache, T: Array, loss: str) -> Array:
    """δ of the output layer, ∂L/∂Z, from the logits Z wherever the output saturates.

    The logarithmic losses are differentiated with their activation in one piece (the separate
    factors are unstable: −t/p for p near 0): softmax with cross-entropy gives s_k Σt − t_k,
    sigmoid with binary cross-entropy (σ(z) − t)/outputs, sigmoid with cross-entropy −tσ(−z),
    each per sample and divided by the batch (:mod:`derivations.numeric.losses`, ``*_from_logits``).
    A squared loss gets o − t in the form that does not cancel (:func:`difference`).
    """
    if loss in FROM_LOGITS:
        key = "sigmoid" if loss == "cross_entropy" and last.activation == "sigmoid" else loss
        return FROM_LOGITS[key][1](cache.Z, T)
    batch, outputs = cache.A.shape
    scale = 1.0 / batch if loss == "half_sse" else 2.0 / (outputs * batch)  # ∂L/∂o = scale·(o − t)
    return delta(last, cache, scale * difference(last.activation, cache, T))


def difference(activation: str, cache: Cache, T: Array) -> Array:
    """o − t without subtracting a saturated output from 1: sigmoid (1 − t)σ(z) − tσ(−z), tanh
    the same in σ(±2z) (tanh = σ(2z) − σ(−2z)), softmax (1 − t_k)s_k − t_k Σ_{j≠k} s_j."""
    if activation == "sigmoid":
        return losses.sigmoid_minus(cache.Z, T)
    if activation == "tanh":
        return losses.sigmoid_minus(2 * cache.Z, (1 + T) / 2) * 2
    if activation == "softmax":
        return (1 - T) * cache.A - T * losses.others(cache.A)
    return cache.A - T


def delta(layer: Layer, cache: Cache, dA: Array) -> Array:
    """∂L/∂Z from the upstream ∂L/∂A and the activation's local derivative."""
    if layer.activation == "softmax":
        return softmax_backward(dA, cache.A)
    return dA * ACTIVATIONS[layer.activation][1](cache.Z)


def loss_and_gradients(layers: list[Layer], X: Array, T: Array, loss: str) -> tuple[float, list[Layer]]:
    """The batch loss and ∂L/∂W, ∂L/∂B of every layer (as Layers mirroring ``layers``)."""
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    T = np.atleast_2d(np.asarray(T, dtype=np.float64))
    caches = forward(layers, X)
    value = batch_loss(layers[-1], caches[-1], T, loss)
    gradients = []
    d = output_delta(layers[-1], caches[-1], T, loss)
    for i in reversed(range(len(layers))):
        layer, cache = layers[i], caches[i]
        gradients.append(Layer(cache.X.T @ d, d.sum(axis=0), layer.activation))
        if i > 0:  # δ Wᵀ is ∂L/∂A of the layer below
            d = delta(layers[i - 1], caches[i - 1], d @ layer.weights.T)
    return value, gradients[::-1]
# --8<-- [end:backward]


# --8<-- [start:update]
def update(layers: list[Layer], gradients: list[Layer], learning_rate: float) -> list[Layer]:
    """Gradient descent on every layer: W⁺ = W − α ∂L/∂W, B⁺ = B − α ∂L/∂B."""
    return [Layer(layer.weights - learning_rate * g.weights, layer.biases - learning_rate * g.biases,
                  layer.activation) for layer, g in zip(layers, gradients)]
# --8<-- [end:update]

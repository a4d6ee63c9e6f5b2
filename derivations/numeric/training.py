"""Training loops: many optimizer steps on the 2-2-2 example, and epochs of batches on a data set.

An *iteration* is one parameter update; an *epoch* is one pass over every sample; the *batch
size* is how many samples each update averages over (002_0d151740a80634d0.txt §3.5). Everything
random draws from a ``np.random.default_rng(seed)`` made by the caller, so a run is repeatable.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from derivations.numeric import backprop_2_2_2 as example
from derivations.numeric.dense import Layer, loss_and_gradients

Array = NDArray[np.float64]


# --8<-- [start:iterations]
def iterations_per_epoch(samples: int, batch_size: int) -> int:
    """Updates in one epoch: ⌈samples / batch size⌉ (a last, smaller batch is one more update)."""
    if samples < 1 or batch_size < 1:
        raise ValueError(f"samples and batch size must be positive, got {samples} and {batch_size}")
    return -(-samples // batch_size)
# --8<-- [end:iterations]


# --8<-- [start:train_2_2_2]
def train_2_2_2(optimizer, x: ArrayLike, weights: ArrayLike, targets: ArrayLike,
                iterations: int) -> Array:
    """E_total before each of ``iterations`` updates and after the last (iterations + 1 values)."""
    x, t = np.asarray(x, dtype=np.float64), np.asarray(targets, dtype=np.float64)
    params = list(example.matrices(weights))  # [W_hidden, W_output]
    errors = np.empty(iterations + 1)
    for i in range(iterations + 1):
        fwd = example.forward(x, *params, t)
        errors[i] = fwd.E.sum()
        if i < iterations:
            grads = example.backward(x, params[1], t, fwd)
            params = optimizer.step(params, [grads.W_hidden, grads.W_output])
    return errors
# --8<-- [end:train_2_2_2]


class Snapshot(NamedTuple):
    gradient: Array            # ∂E_total/∂W1..W8 at the weights before the step
    state: dict[str, Array]    # the optimizer's state after the step, W1..W8 order
    weights: Array             # W1..W8 after the step


def steps_2_2_2(optimizer, x: ArrayLike, weights: ArrayLike, targets: ArrayLike,
                steps: int) -> list[Snapshot]:
    """The first ``steps`` updates on the 2-2-2 example, everything flattened to W1..W8 order."""
    x, t = np.asarray(x, dtype=np.float64), np.asarray(targets, dtype=np.float64)
    params = list(example.matrices(weights))
    flat = lambda arrays: np.concatenate([a.ravel() for a in arrays])  # noqa: E731
    snapshots = []
    for _ in range(steps):
        grads = example.backward(x, params[1], t, example.forward(x, *params, t))
        gradient = [grads.W_hidden, grads.W_output]
        params = optimizer.step(params, gradient)
        snapshots.append(Snapshot(flat(gradient), {k: flat(v) for k, v in optimizer.state.items()},
                                  flat(params)))
    return snapshots


def first_below(errors: Array, threshold: float) -> int | None:
    """The first iteration count after which the error is below ``threshold``; None if never."""
    below = np.flatnonzero(errors < threshold)
    return int(below[0]) if below.size else None


# --8<-- [start:data]
def noisy_xor(samples: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Points scattered around the four corners (±1, ±1); the target is 1 where exactly one
    coordinate is positive (XOR), else 0. Returns X (samples, 2) and T (samples, 1)."""
    corners = rng.choice([-1.0, 1.0], size=(samples, 2))
    X = corners + noise * rng.standard_normal((samples, 2))
    T = (corners[:, :1] != corners[:, 1:]).astype(np.float64)
    return X, T


def initial_layers(widths: list[int], rng: np.random.Generator) -> list[Layer]:
    """Sigmoid layers with weights uniform in ±1/√inputs and zero biases."""
    layers = []
    for n, units in zip(widths, widths[1:]):
        limit = 1.0 / np.sqrt(n)
        layers.append(Layer(rng.uniform(-limit, limit, (n, units)), np.zeros(units), "sigmoid"))
    return layers
# --8<-- [end:data]


class EpochRun(NamedTuple):
    losses: Array   # the loss on all samples: before training, then after each epoch
    updates: int    # parameter updates per epoch


# --8<-- [start:epochs]
def train_epochs(layers: list[Layer], X: Array, T: Array, loss: str, optimizer, batch_size: int,
                 epochs: int, rng: np.random.Generator) -> EpochRun:
    """Each epoch: shuffle the samples, cut them into batches, one optimizer step per batch."""
    samples = len(X)
    losses = [loss_and_gradients(layers, X, T, loss)[0]]
    updates = 0
    for _ in range(epochs):
        order = rng.permutation(samples)
        updates = 0
        for start in range(0, samples, batch_size):
            batch = order[start:start + batch_size]
            _, grads = loss_and_gradients(layers, X[batch], T[batch], loss)
            params = [a for layer in layers for a in (layer.weights, layer.biases)]
            new = optimizer.step(params, [a for g in grads for a in (g.weights, g.biases)])
            layers = [Layer(w, b, layer.activation)
                      for layer, w, b in zip(layers, new[0::2], new[1::2])]
            updates += 1
        losses.append(loss_and_gradients(layers, X, T, loss)[0])
    return EpochRun(np.array(losses), updates)
# --8<-- [end:epochs]

"""The 2-2-2 sigmoid network of 002_0d151740a80634d0.txt §3.4 in NumPy, in matrix form.

The note's eight weights become two matrices whose rows are neurons:

    W_hidden = [[W1, W2],        z_hidden = W_hidden @ x + b_hidden   (z1, z2)
                [W3, W4]]        h        = σ(z_hidden)               (h1, h2)
    W_output = [[W5, W6],        z_output = W_output @ h + b_output   (z3, z4)
                [W7, W8]]        o        = σ(z_output)               (o1, o2)

    E_total = ½ Σ (t − o)²
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from derivations.numeric.activations import sigmoid

Array = NDArray[np.float64]


# --8<-- [start:forward]
class Forward(NamedTuple):
    z_hidden: Array  # (z1, z2)
    h: Array         # (h1, h2)
    z_output: Array  # (z3, z4)
    o: Array         # (o1, o2)
    E: Array         # (E_o1, E_o2); E_total is E.sum()


def forward(x: Array, W_hidden: Array, W_output: Array, t: Array,
            b_hidden: float = 0.0, b_output: float = 0.0) -> Forward:
    """One forward pass: two matrix products, two sigmoids, half the squared error."""
    z_hidden = W_hidden @ x + b_hidden
    h = sigmoid(z_hidden)
    z_output = W_output @ h + b_output
    o = sigmoid(z_output)
    E = 0.5 * (t - o) ** 2
    return Forward(z_hidden, h, z_output, o, E)
# --8<-- [end:forward]


# --8<-- [start:backward]
class Gradients(NamedTuple):
    delta_output: Array  # ∂E_total/∂z3, ∂E_total/∂z4
    dE_dh: Array         # ∂E_total/∂h1, ∂E_total/∂h2
    delta_hidden: Array  # ∂E_total/∂z1, ∂E_total/∂z2
    W_output: Array      # ∂E_total/∂W5..W8 as [[W5, W6], [W7, W8]]
    W_hidden: Array      # ∂E_total/∂W1..W4 as [[W1, W2], [W3, W4]]


def backward(x: Array, W_output: Array, t: Array, fwd: Forward) -> Gradients:
    """Backpropagation: each δ is the upstream gradient times the local sigmoid slope."""
    delta_output = (fwd.o - t) * fwd.o * (1.0 - fwd.o)          # step 1
    dE_dh = W_output.T @ delta_output                            # step 2: sum over o1, o2
    delta_hidden = dE_dh * fwd.h * (1.0 - fwd.h)
    return Gradients(delta_output, dE_dh, delta_hidden,
                     W_output=np.outer(delta_output, fwd.h),
                     W_hidden=np.outer(delta_hidden, x))
# --8<-- [end:backward]


# --8<-- [start:update]
def update(W: Array, dE_dW: Array, learning_rate: float) -> Array:
    """Gradient descent: W⁺ = W − α · ∂E_total/∂W."""
    return W - learning_rate * dE_dW
# --8<-- [end:update]


def matrices(weights: ArrayLike) -> tuple[Array, Array]:
    """W1..W8 in the note's order to (W_hidden, W_output)."""
    w = np.asarray(weights, dtype=np.float64)
    return w[:4].reshape(2, 2), w[4:].reshape(2, 2)


# --8<-- [start:backprop]
def backprop_2_2_2(x: ArrayLike, weights: ArrayLike, targets: ArrayLike,
                   learning_rate: float, biases: ArrayLike = (0.0, 0.0)) -> dict[str, float]:
    """The note's worked example end to end, every value under the note's name."""
    x, t = np.asarray(x, dtype=np.float64), np.asarray(targets, dtype=np.float64)
    b_hidden, b_output = biases
    W_hidden, W_output = matrices(weights)

    first = forward(x, W_hidden, W_output, t, b_hidden, b_output)
    grads = backward(x, W_output, t, first)
    W_hidden_new = update(W_hidden, grads.W_hidden, learning_rate)
    W_output_new = update(W_output, grads.W_output, learning_rate)
    second = forward(x, W_hidden_new, W_output_new, t, b_hidden, b_output)

    gradients = np.concatenate([grads.W_hidden.ravel(), grads.W_output.ravel()])
    new_weights = np.concatenate([W_hidden_new.ravel(), W_output_new.ravel()])
    values = named(first)
    values |= {f"{k}_new": v for k, v in named(second).items()}
    values |= {f"dE_dW{i}": g for i, g in enumerate(gradients, start=1)}
    values |= {f"W{i}_new": w for i, w in enumerate(new_weights, start=1)}
    # The intermediate factors the note prints for W5 (step 1) and W1 (step 2).
    values |= {"dE_do1": first.o[0] - t[0], "do1_dz3": first.o[0] * (1 - first.o[0]),
               "dz3_dW5": first.h[0],
               "dEo1_dh1": grads.delta_output[0] * W_output[0, 0],
               "dEo2_dh1": grads.delta_output[1] * W_output[1, 0],
               "dE_dh1": grads.dE_dh[0], "dh1_dz1": first.h[0] * (1 - first.h[0]),
               "dz1_dW1": x[0]}
    return {name: float(v) for name, v in values.items()}


def named(fwd: Forward) -> dict[str, float]:
    """A forward pass under the note's names: z1 z2 h1 h2 z3 z4 o1 o2 E_o1 E_o2 E_total."""
    (z1, z2), (h1, h2), (z3, z4), (o1, o2) = fwd.z_hidden, fwd.h, fwd.z_output, fwd.o
    return dict(z1=z1, z2=z2, h1=h1, h2=h2, z3=z3, z4=z4, o1=o1, o2=o2,
                E_o1=fwd.E[0], E_o2=fwd.E[1], E_total=fwd.E.sum())
# --8<-- [end:backprop]

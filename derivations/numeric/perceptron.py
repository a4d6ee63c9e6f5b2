"""The perceptron in NumPy: gates, the two update rules, and perceptron learning.

A perceptron with weights w̃ = (w1, w2, b) computes s = w1·x1 + w2·x2 + b = w̃ · x̃ with
x̃ = (x1, x2, 1), and outputs a step of s. Two steps appear in the notes:

    step(s)      = 1 if s > 0 else 0     (002_0d151740a80634d0.txt, the gates)
    sign_step(s) = 1 if s > 0 else −1    (004_3b2490ffcdfbdb28.txt, τ(s))
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
"""The four inputs of a two-input gate, one per row."""


# --8<-- [start:step]
def step(s: ArrayLike) -> NDArray[np.int64]:
    """The gates' step: 1 where s > 0, else 0. (The note's ``dtype=np.int`` is ``dtype=int``.)"""
    return np.array(np.asarray(s) > 0, dtype=int)


def sign_step(s: ArrayLike) -> NDArray[np.int64]:
    """004's τ(s): 1 where s > 0, else −1."""
    return np.where(np.asarray(s) > 0, 1, -1)
# --8<-- [end:step]


# --8<-- [start:gates]
def perceptron(x: ArrayLike, weights: ArrayLike) -> NDArray[np.int64]:
    """step(w1·x1 + w2·x2 + b) for each row of x; ``weights`` is [w1, w2, b] as the note lists it."""
    w = np.asarray(weights, dtype=np.float64)
    return step(np.asarray(x, dtype=np.float64) @ w[:2] + w[2])


def xor(x: ArrayLike, nand: ArrayLike, or_: ArrayLike, and_: ArrayLike) -> NDArray[np.int64]:
    """002 §1.3: NAND and OR side by side in a hidden layer, AND on their outputs."""
    hidden = np.column_stack([perceptron(x, nand), perceptron(x, or_)])
    return perceptron(hidden, and_)
# --8<-- [end:gates]


# --8<-- [start:rules]
def delta_rule(w: ArrayLike, b: float, x: ArrayLike, t: float, eta: float) -> NDArray:
    """The note's rule with the linear output y = w·x + b: w + η(t − y)x and b + η(t − y),
    returned together as [w1, w2, b]."""
    w_tilde = np.append(np.asarray(w, dtype=np.float64), b)
    x_tilde = np.append(np.asarray(x, dtype=np.float64), 1.0)
    y = w_tilde @ x_tilde
    return w_tilde + eta * (t - y) * x_tilde


def perceptron_rule(w: ArrayLike, b: float, x: ArrayLike, t: float, eta: float) -> NDArray:
    """The same formula with the perceptron's own output y = τ(w·x + b) ∈ {−1, 1}."""
    w_tilde = np.append(np.asarray(w, dtype=np.float64), b)
    x_tilde = np.append(np.asarray(x, dtype=np.float64), 1.0)
    y = sign_step(w_tilde @ x_tilde)
    return w_tilde + eta * (t - y) * x_tilde
# --8<-- [end:rules]


def worked_values(w: ArrayLike, b: float, x: ArrayLike, t: float, eta: float) -> dict[str, float]:
    """004's problem finished by both rules, under the names of the page's live panel: the
    products w_i x_i, s, and for each rule y, t − y, w1(1), w2(1), b(1), s and y after the step
    (``delta_w1`` is w1(1) by the delta rule)."""
    w_tilde = np.append(np.asarray(w, dtype=np.float64), b)
    x_tilde = np.append(np.asarray(x, dtype=np.float64), 1.0)
    s = float(w_tilde @ x_tilde)
    values = {"w1x1": float(w_tilde[0] * x_tilde[0]), "w2x2": float(w_tilde[1] * x_tilde[1]), "s": s}
    for rule, update, output in (("delta", delta_rule, lambda v: v), ("perceptron", perceptron_rule, sign_step)):
        new = update(w, b, x, t, eta)
        s_new = float(new @ x_tilde)
        y = float(output(s))
        values |= {f"{rule}_y": y, f"{rule}_t_minus_y": t - y, f"{rule}_w1": float(new[0]),
                   f"{rule}_w2": float(new[1]), f"{rule}_b": float(new[2]), f"{rule}_s_new": s_new,
                   f"{rule}_y_new": float(output(s_new))}
    return values


def objective(weights: ArrayLike, x: ArrayLike, labels: ArrayLike) -> tuple[float, NDArray]:
    """004's J(w) = Σ_{k ∈ Y} −y_k w̃·x̃_k over the misclassified set Y (τ(s_k) ≠ y_k), and Y."""
    x = np.asarray(x, dtype=np.float64)
    s = x @ np.asarray(weights, dtype=np.float64)[:2] + weights[2]
    labels = np.asarray(labels)
    wrong = np.flatnonzero(sign_step(s) != labels)
    return float(np.sum(-labels[wrong] * s[wrong])), wrong


# --8<-- [start:train]
class Training(NamedTuple):
    weights: list[NDArray]   # w̃ = (w1, w2, b) at the end of each epoch
    errors: list[int]        # misclassified samples in each epoch
    converged: bool          # an epoch with no error
    cycle: tuple[int, int] | None  # (first epoch of the repeat, period in epochs)


def train(x: ArrayLike, t: ArrayLike, start: ArrayLike, eta: float, max_epochs: int) -> Training:
    """Perceptron learning, one sample at a time: w̃ ← w̃ + η (t − y) x̃.

    Stops after an epoch without error or after ``max_epochs``. The first time the weights at
    the end of an epoch equal those at the end of an earlier one, the repeat is recorded: every
    later epoch replays an earlier one, so training would never stop by itself.
    """
    x_tilde = np.column_stack([np.asarray(x, dtype=np.float64), np.ones(len(x))])
    w = np.asarray(start, dtype=np.float64).copy()
    history, errors, cycle = [w.copy()], [], None
    for epoch in range(1, max_epochs + 1):
        wrong = 0
        for xk, tk in zip(x_tilde, t):
            error = tk - step(xk @ w)
            if error:
                w = w + eta * error * xk
                wrong += 1
        errors.append(wrong)
        if cycle is None:
            earlier = next((e for e, seen in enumerate(history) if np.array_equal(seen, w)), None)
            if earlier is not None:
                cycle = (earlier + 1, epoch - earlier)
        history.append(w.copy())
        if wrong == 0:
            return Training(history[1:], errors, True, None)
    return Training(history[1:], errors, False, cycle)
# --8<-- [end:train]

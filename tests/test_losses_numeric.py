"""The NumPy losses: per-sample formulas, the batch mean, and gradients of that mean."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from derivations.numeric import losses

LOSSES = {
    "half_sse": (losses.half_sse, losses.half_sse_grad),
    "mse": (losses.mse, losses.mse_grad),
    "binary_cross_entropy": (losses.binary_cross_entropy, losses.binary_cross_entropy_grad),
    "cross_entropy": (losses.cross_entropy, losses.cross_entropy_grad),
}


def by_hand(name: str, o: list[float], t: list[float]) -> float:
    """One sample's loss from the formula, in plain Python floats."""
    k = len(o)
    if name == "half_sse":
        return sum((ti - oi) ** 2 for oi, ti in zip(o, t)) / 2
    if name == "mse":
        return sum((ti - oi) ** 2 for oi, ti in zip(o, t)) / k
    if name == "binary_cross_entropy":
        return -sum(ti * math.log(oi) + (1 - ti) * math.log(1 - oi) for oi, ti in zip(o, t)) / k
    return -sum(ti * math.log(oi) for oi, ti in zip(o, t))


O = [[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]]
T = [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]


@pytest.mark.parametrize("name", LOSSES)
def test_one_sample_matches_the_formula(name):
    loss, _ = LOSSES[name]
    assert loss(O[0], T[0]) == pytest.approx(by_hand(name, O[0], T[0]), rel=1e-14)


@pytest.mark.parametrize("name", LOSSES)
def test_a_batch_is_the_mean_of_its_samples(name):
    loss, _ = LOSSES[name]
    expected = (by_hand(name, O[0], T[0]) + by_hand(name, O[1], T[1])) / 2
    assert loss(O, T) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("name", LOSSES)
@pytest.mark.parametrize("o, t", [(O[0], T[0]), (O, T)], ids=["sample", "batch"])
def test_gradient_against_central_differences(name, o, t):
    loss, grad = LOSSES[name]
    o, t = np.array(o), np.array(t)
    g = grad(o, t)
    assert g.shape == o.shape
    h = 1e-6
    for index in np.ndindex(o.shape):
        up, down = o.copy(), o.copy()
        up[index] += h
        down[index] -= h
        assert g[index] == pytest.approx((loss(up, t) - loss(down, t)) / (2 * h), rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("name", ["binary_cross_entropy", "cross_entropy"])
def test_cross_entropies_stay_finite_at_probabilities_0_and_1(name):
    loss, grad = LOSSES[name]
    p, t = np.array([0.0, 1.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0, 1.0])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert math.isfinite(loss(p, t))
        assert np.all(np.isfinite(grad(p, t)))


def test_shapes_must_agree():
    with pytest.raises(ValueError, match="one shape"):
        losses.mse([0.1, 0.2], [0.1, 0.2, 0.3])


@pytest.mark.parametrize("name", ["binary_cross_entropy", "cross_entropy"])
def test_the_gradients_clip_before_dividing_by_the_probability(name):
    """The losses page: the clip guards the divisions in the gradients too, not only the logs.
    At an end the gradient is the one at the clipped probability, and unclipped it is infinite."""
    _, grad = LOSSES[name]
    ends = [(0.0, losses.EPSILON, 1.0)]                        # p = 0 with label 1
    if name == "binary_cross_entropy":
        ends.append((1.0, 1.0 - losses.EPSILON, 0.0))          # p = 1 with label 0
    for p, clipped, t in ends:
        assert grad([p], [t]) == grad([clipped], [t])
        with np.errstate(divide="ignore"):
            unclipped = (np.float64(p) - t) / (np.float64(p) * (1.0 - p)) if name == "binary_cross_entropy" \
                else -t / np.float64(p)
        assert not np.isfinite(unclipped)


@pytest.mark.parametrize("name", ["binary_cross_entropy", "cross_entropy"])
def test_the_loss_grows_as_the_true_label_gets_less_probability(name):
    """002 §3.2: a right answer predicted with a low probability, or a wrong one with a high
    probability, costs more."""
    loss, _ = LOSSES[name]
    p = np.linspace(0.01, 0.99, 99)
    right = [loss([q], [1.0]) for q in p]                      # label 1: the loss of p
    assert np.all(np.diff(right) < 0)
    if name == "binary_cross_entropy":
        wrong = [loss([q], [0.0]) for q in p]                  # label 0: p is put on the wrong answer
        assert np.all(np.diff(wrong) > 0)

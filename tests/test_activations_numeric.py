"""The NumPy activations: their values against independent definitions, and their stability at
the ends of float64 with every floating-point problem turned into an error."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from derivations import numeric
from derivations.numeric import activations as act

EXTREMES = np.array([-1e308, -1e4, -1000.0, -745.0, -710.0, -40.0, -1e-300, -0.0, 0.0, 1e-300,
                     40.0, 710.0, 745.0, 1000.0, 1e4, 1e308])

ELEMENTWISE = [act.sigmoid, act.sigmoid_prime, act.tanh, act.tanh_prime, act.relu, act.relu_prime,
               act.leaky_relu, act.leaky_relu_prime, act.identity, act.identity_prime, act.step]


@pytest.fixture
def strict():
    """Every NumPy floating-point event and every Python warning raises."""
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        yield


def test_the_issue_names_are_importable_from_the_package():
    from derivations.numeric import (  # noqa: F401
        leaky_relu, leaky_relu_prime, relu, relu_prime, sigmoid, sigmoid_prime, softmax,
        softmax_jacobian, tanh_prime)


@pytest.mark.parametrize("f", ELEMENTWISE, ids=lambda f: f.__name__)
def test_elementwise_functions_are_finite_at_the_extremes(f, strict):
    out = f(EXTREMES)
    assert out.shape == EXTREMES.shape and out.dtype == np.float64
    assert np.all(np.isfinite(out))


@pytest.mark.parametrize("f", ELEMENTWISE, ids=lambda f: f.__name__)
def test_elementwise_functions_keep_the_shape(f):
    z = np.linspace(-3, 3, 24).reshape(2, 3, 4)
    assert f(z).shape == z.shape
    assert np.array_equal(f(z).ravel(), f(z.ravel()))


def test_sigmoid_against_math_exp():
    for z in np.linspace(-30, 30, 121):
        assert act.sigmoid(z) == pytest.approx(1 / (1 + math.exp(-z)), rel=1e-15)


def test_sigmoid_saturates_to_exactly_0_and_1(strict):
    assert act.sigmoid([-1000.0, 1000.0]).tolist() == [0.0, 1.0]
    assert act.sigmoid_prime([-1000.0, 1000.0]).tolist() == [0.0, 0.0]


def test_tanh_prime_against_cosh():
    z = np.linspace(-20, 20, 161)
    assert np.allclose(act.tanh_prime(z), 1 / np.cosh(z) ** 2, rtol=1e-12, atol=1e-300)


def test_relu_family_and_the_conventions_at_zero():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    assert act.relu(z).tolist() == [0.0, 0.0, 0.0, 0.5, 2.0]
    assert act.relu_prime(z).tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert act.leaky_relu(z).tolist() == [-0.02, -0.005, 0.0, 0.5, 2.0]
    assert act.leaky_relu_prime(z).tolist() == [0.01, 0.01, 0.01, 1.0, 1.0]
    assert act.leaky_relu(z, a=0.1).tolist() == [-0.2, -0.05, 0.0, 0.5, 2.0]
    assert act.leaky_relu_prime(z, a=0.1).tolist() == [0.1, 0.1, 0.1, 1.0, 1.0]
    assert act.step(z).tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert act.identity(z).tolist() == z.tolist() and act.identity_prime(z).tolist() == [1.0] * 5


def test_softmax_of_the_notes_failing_input_is_stable(strict):
    s = act.softmax([1000.0, 1001.0, 1002.0])
    # Softmax only sees differences: the same as softmax([0, 1, 2]), computed here by hand.
    e = [math.exp(k) for k in (0, 1, 2)]
    assert s.tolist() == pytest.approx([v / sum(e) for v in e], rel=1e-15)


def test_the_naive_softmax_really_fails_on_that_input(strict):
    x = np.array([1000.0, 1001.0, 1002.0])
    with pytest.raises(FloatingPointError, match="overflow"):
        np.exp(x) / np.sum(np.exp(x))


@pytest.mark.parametrize("z", [[-1e308, 1e308], [1e308, 1e308, -1e308], [-1000.0, 0.0, 1000.0],
                               [-1e308, -1e308], [0.0]])
def test_softmax_is_a_distribution_at_the_extremes(z, strict):
    s = act.softmax(z)
    assert np.all(np.isfinite(s)) and np.all(s >= 0)
    assert s.sum() == pytest.approx(1.0, abs=1e-15)


def test_softmax_runs_over_the_last_axis():
    z = np.arange(24.0).reshape(2, 3, 4) / 7
    s = act.softmax(z)
    assert np.allclose(s.sum(axis=-1), 1.0)
    for index in np.ndindex(2, 3):
        assert np.array_equal(s[index], act.softmax(z[index]))


def test_softmax_jacobian_is_diag_minus_outer():
    z = np.array([0.3, -1.2, 2.0, 0.0])
    s, J = act.softmax(z), act.softmax_jacobian(z)
    for i in range(4):
        for j in range(4):
            assert J[i, j] == pytest.approx(s[i] * ((i == j) - s[j]), rel=1e-14, abs=1e-17)


def test_softmax_jacobian_refuses_a_batch():
    with pytest.raises(ValueError, match="one vector"):
        act.softmax_jacobian(np.zeros((2, 3)))


def test_package_exports_the_same_objects():
    assert numeric.softmax is act.softmax and numeric.tanh_prime is act.tanh_prime


def test_the_page_s_claim_at_40_and_1000():
    """The activations page, under the NumPy session at large inputs: at ±40 the sigmoid's tail and
    the slopes are float64 numbers (printed, not 0); at ±1000 their exact values are below the
    smallest positive float64, and float64 gives 0."""
    import mpmath

    smallest = mpmath.mpf(float(np.nextafter(0.0, 1.0)))
    exact = {"sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)),
             "sigmoid_prime": lambda z: mpmath.exp(-abs(z)) / (1 + mpmath.exp(-abs(z))) ** 2,
             "tanh_prime": lambda z: mpmath.sech(z) ** 2}
    tails = {"sigmoid": [-1000.0, -40.0], "sigmoid_prime": [-1000.0, -40.0, 40.0, 1000.0],
             "tanh_prime": [-1000.0, -40.0, 40.0, 1000.0]}
    for name, f in exact.items():
        for z, value in zip(tails[name], getattr(act, name)(np.array(tails[name])).tolist()):
            true = f(mpmath.mpf(z))
            if abs(z) == 1000:
                assert true < smallest and value == 0.0, (name, z)
            else:
                assert true > smallest and value != 0.0, (name, z)
                assert value == pytest.approx(float(true), rel=1e-12, abs=0), (name, z)

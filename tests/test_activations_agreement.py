"""NumPy against SymPy: the two routes agree at many points, from 0 to the ends of float64.

Each float z is handed to SymPy as the exact rational it denotes, and SymPy's value is evaluated
to 40 digits (mpmath has no exponent limit, so e^(−1e308) is a number there, not an underflow).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy as sp
from hypothesis import example, given, settings
from hypothesis import strategies as st

from derivations.numeric import activations as num
from derivations.symbolic import activations as sym

z = sym.z
REL = 8 * np.finfo(np.float64).eps
"""A few rounding errors: every NumPy function here is a handful of correctly rounded steps."""

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
moderate = st.floats(min_value=-50, max_value=50, allow_nan=False)


def exact(expr: sp.Expr, value: float) -> float:
    return float(sp.N(expr.subs(z, sp.Rational(value)), 40))


def close(numpy_value: float, symbolic_value: float) -> bool:
    if symbolic_value == 0 or abs(symbolic_value) < np.finfo(np.float64).tiny:
        return abs(numpy_value) <= np.finfo(np.float64).tiny  # both underflow to (near) zero
    return math.isclose(numpy_value, symbolic_value, rel_tol=REL)


def quiet(f, value):
    """Call f with every floating-point event and warning an error."""
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        return float(f(np.float64(value)))


SIGMOID_PRIME = sp.diff(sym.sigmoid(z), z)
# 1 − tanh² cancels catastrophically when evaluated for large z; 1/cosh² is the same function.
TANH_PRIME = sp.simplify(sp.diff(sym.tanh(z), z))


def test_the_tanh_derivative_used_for_evaluation_is_the_derivative():
    assert sp.simplify((TANH_PRIME - (1 - sp.tanh(z) ** 2)).rewrite(sp.exp)) == 0


SMOOTH = {
    "sigmoid": (sym.sigmoid(z), num.sigmoid),
    "sigmoid_prime": (SIGMOID_PRIME, num.sigmoid_prime),
    "tanh": (sym.tanh(z), num.tanh),
    "tanh_prime": (TANH_PRIME, num.tanh_prime),
}

EXTREMES = [-1e308, -1e4, -745.5, -709.8, -40.0, -1e-300, 0.0, 1e-300, 40.0, 709.8, 745.5, 1e4, 1e308]


@pytest.mark.parametrize("name", SMOOTH)
@settings(max_examples=60, deadline=None)
@given(value=finite)
def test_smooth_functions_agree_everywhere(name, value):
    expr, f = SMOOTH[name]
    assert close(quiet(f, value), exact(expr, value))


@pytest.mark.parametrize("name", SMOOTH)
@pytest.mark.parametrize("value", EXTREMES)
def test_smooth_functions_agree_at_the_extremes(name, value):
    expr, f = SMOOTH[name]
    assert close(quiet(f, value), exact(expr, value))


@settings(max_examples=100, deadline=None)
@given(value=finite.filter(lambda v: v != 0), a=st.sampled_from([0.01, 0.1, 0.3]))
@example(value=-1e308, a=0.01)
def test_piecewise_functions_agree(value, a):
    a_exact = sp.Rational(a)
    v = sp.Rational(value)
    assert quiet(num.relu, value) == float(sym.relu(v))
    assert quiet(num.step, value) == float(sym.step(v))
    assert quiet(num.identity, value) == float(sym.identity(v))
    assert math.isclose(quiet(lambda x: num.leaky_relu(x, a), value),
                        float(sym.leaky_relu(v, a_exact)), rel_tol=REL,
                        abs_tol=np.finfo(np.float64).smallest_subnormal)  # a·z may be subnormal
    # Away from 0 the derivatives are SymPy's derivative of each side.
    side = sp.Symbol("s", positive=value > 0, negative=value < 0)
    assert quiet(num.relu_prime, value) == float(sp.diff(sym.relu(side), side))
    assert quiet(lambda x: num.leaky_relu_prime(x, a), value) == float(
        sp.diff(sym.leaky_relu(side, a_exact), side))
    assert quiet(num.identity_prime, value) == 1.0


vectors = st.lists(st.floats(min_value=-1e3, max_value=1e3, allow_nan=False), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(values=vectors)
def test_softmax_agrees_with_sympy(values):
    exact_s = [float(sp.N(s, 40)) for s in sym.softmax([sp.Rational(v) for v in values])]
    with np.errstate(all="raise"):
        got = num.softmax(np.array(values))
    # e^(z_i − m) inherits the rounding of z_i − m, magnified by |z_i − m| (the condition
    # number of exp): the tolerance grows with it, as for any float64 softmax.
    for g, e, v in zip(got, exact_s, values):
        spread = 1 + abs(v - max(values))
        assert math.isclose(float(g), e, rel_tol=REL * spread, abs_tol=1e-300)


@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.floats(min_value=-20, max_value=20, allow_nan=False), min_size=2, max_size=5))
def test_softmax_jacobian_against_finite_differences(values):
    v = np.array(values)
    h = 1e-6
    columns = [(num.softmax(v + h * e) - num.softmax(v - h * e)) / (2 * h) for e in np.eye(len(v))]
    assert np.allclose(num.softmax_jacobian(v), np.column_stack(columns), rtol=0, atol=1e-8)


def test_softmax_jacobian_against_sympy():
    zs, jacobian = sym.softmax_jacobian(3)
    point = [sp.Rational(2), sp.Rational(1), sp.Rational(1, 10)]
    exact_j = np.array(jacobian.subs(dict(zip(zs, point))).evalf(30).tolist(), dtype=float)
    assert np.allclose(num.softmax_jacobian([2.0, 1.0, 0.1]), exact_j, rtol=1e-14, atol=1e-16)


@settings(max_examples=60, deadline=None)
@given(value=moderate)
def test_derivatives_against_central_differences(value):
    h = 1e-6
    for f, prime in ((num.sigmoid, num.sigmoid_prime), (num.tanh, num.tanh_prime)):
        estimate = (f(value + h) - f(value - h)) / (2 * h)
        assert abs(prime(value) - estimate) < 1e-8

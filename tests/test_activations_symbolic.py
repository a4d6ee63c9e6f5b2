"""Every derivative of the activation chapter: SymPy's derivative of the definition is the
closed form the page shows, and the notes' printed values (ranges, the leaky slope) hold."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.problems import data_file, printed_values
from derivations.symbolic import activations as act

z = act.z
PRINTED = [(p.name, p) for p in printed_values(data_file("activations"))]
INPUTS = data_file("activations")["inputs"]


def test_definitions_are_the_closed_forms():
    assert act.sigmoid(z) == 1 / (1 + sp.exp(-z))
    assert act.tanh(z) == sp.tanh(z)
    assert act.relu(z) == sp.Max(0, z)
    assert act.leaky_relu(z) == sp.Max(z / 100, z)
    assert act.identity(z) == z
    assert [act.step(sp.Integer(v)) for v in (-1, 0, 1)] == [0, 0, 1]


def test_sigmoid_prime_is_sigma_times_one_minus_sigma():
    derivative = sp.diff(act.sigmoid(z), z)
    assert sp.simplify(derivative - act.sigmoid(z) * (1 - act.sigmoid(z))) == 0
    assert len(act.sigmoid_steps()) == 3


def test_tanh_prime_is_one_minus_tanh_squared():
    derivative = sp.diff((sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z)), z)
    assert sp.simplify((derivative - (1 - sp.tanh(z) ** 2)).rewrite(sp.exp)) == 0
    assert act.tanh_steps()[-1] == r"1 - \tanh^{2}(z)"


def test_a_wrong_step_is_refused():
    """The step checker can fail: the note's f'·(1 − f) is not the sigmoid's derivative."""
    derivative = sp.diff(act.sigmoid(z), z)
    with pytest.raises(ArithmeticError):
        act.checked_steps(derivative, [("f'(1-f)", derivative * (1 - act.sigmoid(z)))])


def test_tanh_is_the_logistic_sigmoid_stretched():
    assert act.tanh_is_a_stretched_sigmoid() == 0


def test_second_derivatives_in_the_output():
    s, t = act.sigma, act.tanh_value
    assert sp.expand(act.second_derivative_in_output("sigmoid") - s * (1 - s) * (1 - 2 * s)) == 0
    assert sp.expand(act.second_derivative_in_output("tanh") + 2 * t * (1 - t ** 2)) == 0


def test_sigmoid_and_tanh_slopes_peak_at_zero():
    assert act.peak(act.sigmoid(z)) == ([0], sp.Rational(1, 4))
    assert act.peak(act.tanh(z)) == ([0], 1)
    assert act.sigmoid_prime_bound() == 0
    # The peak is a maximum: the slope is smaller on both sides.
    slope = sp.diff(act.sigmoid(z), z)
    assert all(slope.subs(z, v) < sp.Rational(1, 4) for v in (-3, -sp.Rational(1, 10), sp.Rational(1, 10), 3))


def test_relu_family_slopes_and_one_sided_limits():
    a = sp.Rational(1, 100)
    assert act.slopes_away_from_zero(act.relu) == (0, 1)
    assert act.one_sided_slopes(act.relu) == (0, 1)
    assert act.slopes_away_from_zero(lambda v: act.leaky_relu(v, a)) == (a, 1)
    assert act.one_sided_slopes(lambda v: act.leaky_relu(v, a)) == (a, 1)
    assert act.slopes_away_from_zero(act.identity) == (1, 1)


def test_step_has_slope_zero_and_no_derivative_at_zero():
    assert act.slopes_away_from_zero(act.step) == (0, 0)
    assert act.one_sided_slopes(act.step) == (0, sp.oo)
    assert sp.diff(act.step(z), z) == sp.DiracDelta(z)


def test_max_node_passes_the_gradient_to_the_larger_input():
    dx, dy = act.max_node_gradient()
    x, y = sp.symbols("x y", real=True)
    assert dx.subs({x: 2, y: 1}) == 1 and dx.subs({x: 1, y: 2}) == 0
    assert dy.subs({x: 2, y: 1}) == 0 and dy.subs({x: 1, y: 2}) == 1


@pytest.mark.parametrize("n", [2, 3, 4])
def test_softmax_jacobian_closed_form(n):
    assert act.softmax_jacobian_closed_form(n) == sp.zeros(n, n)


def test_softmax_sums_to_one_and_two_classes_are_a_sigmoid():
    zs = sp.symbols("z1:4")
    assert sp.simplify(sp.Add(*act.softmax(list(zs))) - 1) == 0
    first, _ = act.softmax([z, sp.Integer(0)])
    assert sp.simplify(first - act.sigmoid(z)) == 0


def test_stacked_linear_layers_collapse():
    assert act.linear_layers_collapse(2) == sp.zeros(2, 1)
    assert act.linear_layers_collapse(3) == sp.zeros(3, 1)
    W = sp.Matrix(INPUTS["collapse_W"]).applyfunc(sp.nsimplify)
    three, once = act.cubed(W)
    assert (three - once).expand() == sp.zeros(2, 1)


def test_a_sigmoid_between_layers_does_not_collapse():
    """The contrast the argument needs: with σ between them, two layers are not one linear map."""
    x = sp.Symbol("x")
    two_layers = 2 * act.sigmoid(3 * x)
    assert sp.diff(two_layers, x, 2) != 0


@pytest.mark.parametrize("name, printed", PRINTED, ids=[f"{p.name}-{p.source[:3]}" for _, p in PRINTED])
def test_printed_values(name, printed):
    limits = {
        "sigmoid_lower": sp.limit(act.sigmoid(z), z, -sp.oo),
        "sigmoid_upper": sp.limit(act.sigmoid(z), z, sp.oo),
        "tanh_lower": sp.limit(act.tanh(z), z, -sp.oo),
        "tanh_upper": sp.limit(act.tanh(z), z, sp.oo),
    }
    if name in limits:
        assert limits[name] == sp.Rational(str(printed.decimal))
    elif name == "leaky_relu_a":  # the default of both routes is the note's typical a
        assert sp.Max(act.leaky_relu(sp.Integer(-1))) == -sp.Rational(printed.value)
        assert INPUTS["leaky_relu_a"] == float(printed.value)
    elif name == "leaky_relu_a_plot":
        assert INPUTS["leaky_relu_a_plot"] == float(printed.value)
    elif name in ("plot_start", "plot_stop"):
        assert INPUTS["plot_range"][name == "plot_stop"] == float(printed.value)
    else:
        pytest.fail(f"no check for printed value {name}")

"""Any dense network: NumPy ≡ SymPy ≡ finite differences, and the 2-2-2 example as one instance."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from derivations.numeric import activations as act
from derivations.numeric import dense as numeric
from derivations.problems import ACTIVATIONS, LOSSES, PROBABILITY_OUTPUTS, data_file
from derivations.symbolic import dense as symbolic
from derivations.tables.dense import SPINE_POSITIONS, exact, spine_layers, symbolic_layers
from support.networks import finite_difference_gradients, random_network

DATA = data_file("dense")


def as_float(m: sp.MatrixBase) -> np.ndarray:
    return np.array(symbolic.evaluate(m).tolist(), dtype=float)


def symbolic_route(layers, X, T, loss):
    value, grads = symbolic.gradients(symbolic_layers(layers), exact(X), exact(T), loss)
    return float(symbolic.evaluate(value)), [(as_float(g.weights), as_float(g.biases)[0]) for g in grads]


# --- the 2-2-2 example ---------------------------------------------------------------------------------

def same(a: sp.Expr, b: sp.Expr) -> bool:
    """The general module's closed form (its names written out) equals the spine's to 50 digits,
    evaluated by SymPy's own ``N``: the two routes write σ' differently, so the exact forms differ."""
    return abs(sp.N(symbolic.written_out(a) - b, 60)) < sp.Float(10) ** -50


def test_symbolic_general_module_reproduces_the_spine_exactly(document_solution):
    layers, X, T = spine_layers()
    caches = symbolic.forward(layers, X)
    value, grads = symbolic.backward(layers, caches, T, "half_sse")
    exact_values = document_solution.exact
    assert same(value, exact_values["E_total"])
    for k, name in enumerate(("h1", "h2")):
        assert same(caches[0].A[0, k], exact_values[name])
    for k, name in enumerate(("o1", "o2")):
        assert same(caches[1].A[0, k], exact_values[name])
    for i, (layer, r, c) in SPINE_POSITIONS.items():
        assert same(grads[layer].weights[r, c], exact_values[f"dE_dW{i}"]), i


def test_numpy_general_module_reproduces_the_spine(document_numeric, document_problem):
    w = [float(v) for v in document_problem.weights]
    layers = [numeric.Layer(np.array([[w[0], w[2]], [w[1], w[3]]]), np.zeros(2), "sigmoid"),
              numeric.Layer(np.array([[w[4], w[6]], [w[5], w[7]]]), np.zeros(2), "sigmoid")]
    X = np.array([[float(v) for v in document_problem.x]])
    T = np.array([[float(v) for v in document_problem.targets]])
    loss, grads = numeric.loss_and_gradients(layers, X, T, "half_sse")
    assert loss == pytest.approx(document_numeric["E_total"], abs=1e-16)
    for i, (layer, r, c) in SPINE_POSITIONS.items():
        assert grads[layer].weights[r, c] == pytest.approx(document_numeric[f"dE_dW{i}"], abs=1e-16), i
    # With the biases held, one update gives the spine's second forward pass.
    lr = float(document_problem.learning_rate)
    held = [numeric.Layer(lay.weights - lr * g.weights, lay.biases, lay.activation)
            for lay, g in zip(layers, grads)]
    assert numeric.loss_and_gradients(held, X, T, "half_sse")[0] == pytest.approx(
        document_numeric["E_total_new"], abs=1e-15)
    assert numeric.predict(held, X)[0, 0] == pytest.approx(document_numeric["o1_new"], abs=1e-15)


# --- the notes' 4-8-8-3 network ------------------------------------------------------------------------

def test_4_8_8_3_symbolic_equals_numpy_equals_finite_differences():
    layers, X, T = random_network(DATA)
    loss_name = DATA["random_4_8_8_3"]["loss"]
    loss, grads = numeric.loss_and_gradients(layers, X, T, loss_name)
    exact_loss, exact_grads = symbolic_route(layers, X, T, loss_name)
    differences = finite_difference_gradients(layers, X, T, loss_name)
    assert exact_loss == pytest.approx(loss, abs=1e-14)
    assert sum(g.weights.size + g.biases.size for g in grads) == 139
    for g, (ew, eb), d in zip(grads, exact_grads, differences):
        np.testing.assert_allclose(g.weights, ew, rtol=0, atol=1e-14)
        np.testing.assert_allclose(g.biases, eb, rtol=0, atol=1e-14)
        np.testing.assert_allclose(g.weights, d.weights, rtol=0, atol=1e-8)
        np.testing.assert_allclose(g.biases, d.biases, rtol=0, atol=1e-8)
    assert any(np.abs(g.weights).max() > 1e-3 for g in grads)  # not a trivially zero gradient


def test_predict_of_the_4_8_8_3_network_is_a_distribution_per_sample():
    layers, X, _ = random_network(DATA)
    P = numeric.predict(layers, X)
    assert P.shape == (X.shape[0], 3)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-15)


# --- random small networks of every activation and loss (property tests) -------------------------------

@st.composite
def networks(draw, max_layers: int = 3):
    loss = draw(st.sampled_from(tuple(LOSSES)))
    widths = draw(st.lists(st.integers(1, 3), min_size=2, max_size=max_layers + 1))
    hidden = [draw(st.sampled_from(tuple(ACTIVATIONS))) for _ in widths[2:]]
    output = draw(st.sampled_from(PROBABILITY_OUTPUTS.get(loss, tuple(ACTIVATIONS))))
    if output == "softmax" and widths[-1] == 1:
        widths[-1] = 2
    batch = draw(st.integers(1, 3))
    thousandths = st.integers(-1000, 1000).map(lambda v: v / 1000)
    rng_array = lambda shape: np.array(draw(st.lists(thousandths, min_size=int(np.prod(shape)),  # noqa: E731
                                                      max_size=int(np.prod(shape))))).reshape(shape)
    layers = [numeric.Layer(rng_array((n, j)), rng_array((j,)), f)
              for n, j, f in zip(widths, widths[1:], [*hidden, output])]
    X = rng_array((batch, widths[0]))
    if loss == "cross_entropy":
        T = np.eye(widths[-1])[draw(st.lists(st.integers(0, widths[-1] - 1), min_size=batch, max_size=batch))]
    elif loss == "binary_cross_entropy":
        T = np.abs(rng_array((batch, widths[-1])))
    else:
        T = rng_array((batch, widths[-1]))
    return layers, X, T, loss


def away_from_kinks(layers, X) -> bool:
    """Finite differences straddle a kink of relu or leaky relu if a pre-activation is near 0."""
    return all(np.abs(c.Z).min() > 1e-4 for layer, c in zip(layers, numeric.forward(layers, X))
               if layer.activation in ("relu", "leaky_relu"))


@settings(max_examples=150, deadline=None)
@given(networks())
def test_numpy_gradients_equal_finite_differences(case):
    layers, X, T, loss = case
    assume(away_from_kinks(layers, X))
    _, grads = numeric.loss_and_gradients(layers, X, T, loss)
    for g, d in zip(grads, finite_difference_gradients(layers, X, T, loss)):
        np.testing.assert_allclose(g.weights, d.weights, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(g.biases, d.biases, rtol=1e-5, atol=1e-7)


@settings(max_examples=30, deadline=None)
@given(networks())
def test_numpy_gradients_equal_the_exact_symbolic_ones(case):
    layers, X, T, loss = case
    value, grads = numeric.loss_and_gradients(layers, X, T, loss)
    exact_value, exact_grads = symbolic_route(layers, X, T, loss)
    assert value == pytest.approx(exact_value, rel=1e-12, abs=1e-14)
    for g, (ew, eb) in zip(grads, exact_grads):
        np.testing.assert_allclose(g.weights, ew, rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(g.biases, eb, rtol=1e-10, atol=1e-13)


# --- local pieces ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["relu", "leaky_relu"])
def test_both_routes_take_the_left_derivative_at_an_exact_kink(name):
    """A pre-activation of exactly 0: both routes must use the same slope there."""
    layers = [numeric.Layer(np.array([[1.0], [-1.0]]), np.array([0.0]), name),
              numeric.Layer(np.array([[2.0]]), np.array([0.5]), "identity")]
    X, T = np.array([[0.25, 0.25]]), np.array([[1.0]])
    assert numeric.forward(layers, X)[0].Z[0, 0] == 0.0
    _, grads = numeric.loss_and_gradients(layers, X, T, "half_sse")
    _, exact_grads = symbolic_route(layers, X, T, "half_sse")
    np.testing.assert_allclose(grads[0].weights, exact_grads[0][0], atol=1e-15)
    slope = act.relu_prime(0.0) if name == "relu" else act.leaky_relu_prime(0.0)
    assert float(symbolic.local_slope(name, sp.Integer(0))) == float(slope)


def test_the_softmax_jacobian_check_can_fail():
    assert symbolic.softmax_jacobian_difference(3, symbolic.in_outputs).is_zero_matrix
    wrong = lambda s, i, j: s[i] * sp.KroneckerDelta(i, j)  # noqa: E731  (forgets − s_i s_j)
    assert not symbolic.softmax_jacobian_difference(3, wrong).is_zero_matrix


def test_numpy_softmax_backward_is_the_jacobian_transposed_times_the_row():
    rng = np.random.default_rng(1)
    Z, G = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    A = act.softmax(Z)
    expected = np.stack([act.softmax_jacobian(z).T @ g for z, g in zip(Z, G)])
    np.testing.assert_allclose(numeric.softmax_backward(G, A), expected, atol=1e-15)


@pytest.mark.parametrize("loss,activation", [("cross_entropy", "softmax"), ("binary_cross_entropy", "sigmoid")])
def test_combined_deltas_equal_the_generic_chain(loss, activation):
    assert all(d == 0 for d in symbolic.combined_delta_difference(loss, activation, 3))
    rng = np.random.default_rng(2)
    layer = numeric.Layer(rng.normal(size=(2, 3)), rng.normal(size=3), activation)
    X = rng.normal(size=(4, 2))
    T = rng.uniform(size=(4, 3))  # rows that do not sum to one: the combined form must still hold
    (cache,) = numeric.forward([layer], X)
    combined = numeric.output_delta(layer, cache, T, loss)
    generic = numeric.delta(layer, cache, numeric.LOSSES[loss][1](cache.A, T))
    np.testing.assert_allclose(combined, generic, rtol=1e-12, atol=1e-15)


def test_the_combined_delta_check_can_fail():
    """A combined form that forgets Σt (wrong for targets that are not one-hot) is rejected."""
    zs, ts = sp.symbols("z1:3"), sp.symbols("t1:3")
    s = symbolic.activations.softmax(list(zs))
    derivative = sp.diff(symbolic.losses.cross_entropy(s, list(ts)), zs[0])
    assert sp.simplify(derivative - (s[0] - ts[0])) != 0


def test_update_is_gradient_descent():
    layers, X, T = random_network(DATA)
    _, grads = numeric.loss_and_gradients(layers, X, T, "cross_entropy")
    new = numeric.update(layers, grads, 0.1)
    for layer, g, n in zip(layers, grads, new):
        np.testing.assert_array_equal(n.weights, layer.weights - 0.1 * g.weights)
        np.testing.assert_array_equal(n.biases, layer.biases - 0.1 * g.biases)
    assert numeric.loss_and_gradients(new, X, T, "cross_entropy")[0] < numeric.loss_and_gradients(
        layers, X, T, "cross_entropy")[0]


# --- names and evaluation ---------------------------------------------------------------------------------

@settings(max_examples=20, deadline=None)
@given(networks(max_layers=2))
def test_evaluating_through_the_names_equals_sympys_n_of_the_written_out_form(case):
    """evaluate() follows names and evaluates each shared part once; SymPy's own N on the closed
    form (every name written out) must give the same 40 digits. Two layers: with a third the
    written-out form grows so fast that one run took a minute and another 3 s, and names are
    shared the same way at any depth."""
    layers, X, T, loss = case
    value, grads = symbolic.gradients(symbolic_layers(layers), exact(X), exact(T), loss)
    entries = sp.Matrix([value, *(e for g in grads for e in (*g.weights, *g.biases))])
    for ours, closed in zip(symbolic.evaluate(entries), entries):
        reference = sp.N(symbolic.written_out(closed), symbolic.DIGITS)
        assert abs(ours - reference) <= abs(reference) * sp.Float(10) ** -(symbolic.DIGITS - 2)


def test_evaluate_carries_more_digits_where_a_value_cancels():
    """e^(10^-50) − 1 loses 50 digits to cancellation: neither of the first two passes (GUARD and
    twice GUARD extra digits) is enough, and evaluate() must notice and carry more."""
    value = sp.exp(sp.Rational(1, 10 ** 50)) - 1
    reference = sp.N(value, symbolic.DIGITS)
    tolerance = abs(reference) * sp.Float(10) ** -(symbolic.DIGITS - 2)
    for guard in (symbolic.GUARD, 2 * symbolic.GUARD):
        (one_pass,) = symbolic._carried([value], symbolic.DIGITS + guard)
        assert abs(one_pass - reference) > tolerance
    assert abs(symbolic.evaluate(value) - reference) <= tolerance


def layer_of(name: sp.Symbol) -> int:
    """The layer of a name such as ``\\delta^{(2)}_{1,1}`` or ``z^{(3)}_{1,2}``."""
    return int(re.match(r"\\?\w+\^\{\((\d+)\)\}", name.name).group(1))


def test_each_gradient_is_written_in_its_own_layers_names():
    """What keeps the cost linear: ∂L/∂W^(l) = Xᵀδ^(l) mentions only names of layer l and of its
    input, layer l − 1; each δ^(l) only names of layer l and of the layer above, however deep the
    network. (A name passed on unchanged, such as a relu's z, keeps its layer.)"""
    widths, activations = [3, 4, 4, 4, 4, 2], ["sigmoid", "tanh", "sigmoid", "leaky_relu", "softmax"]
    rng = np.random.default_rng(3)
    layers = [numeric.Layer(rng.integers(-9, 10, (n, j)) / 10, rng.integers(-9, 10, j) / 10, f)
              for n, j, f in zip(widths, widths[1:], activations)]
    X, T = np.array([[0.1, -0.2, 0.3]]), np.array([[0.0, 1.0]])
    _, grads = symbolic.gradients(symbolic_layers(layers), exact(X), exact(T), "cross_entropy")
    for number, g in enumerate(grads, start=1):
        names = set().union(*(e.atoms(symbolic.Intermediate) for e in (*g.weights, *g.biases)))
        deltas = {n for n in names if n.name.startswith("\\delta")}
        assert deltas and {layer_of(n) for n in deltas} == {number}
        assert {layer_of(n) for n in names} <= {number - 1, number}
        for d in deltas:
            assert {layer_of(m) for m in d.definition.atoms(symbolic.Intermediate)} <= {number, number + 1}, d


def test_a_pre_activation_too_close_to_zero_gets_no_sign_and_is_still_evaluated_right():
    """z = σ(1/2) − (σ(1/2) rounded down to 45 decimals) is about 10^-46: within the rounding error
    of its terms at 60 digits, so SymPy is told no sign and max(0, z) stays unevaluated until the
    numbers, where it is decided at the precision evaluate() needs."""
    sigma_half = sp.floor(sp.N(symbolic.activations.sigmoid(sp.Rational(1, 2)), 60) * 10 ** 45) / 10 ** 45
    layers = [symbolic.Layer(sp.Matrix([[1]]), sp.Matrix([[0]]), "sigmoid"),
              symbolic.Layer(sp.Matrix([[1]]), sp.Matrix([[-sigma_half]]), "relu"),
              symbolic.Layer(sp.Matrix([[3]]), sp.Matrix([[0]]), "identity")]
    X, T = sp.Matrix([[sp.Rational(1, 2)]]), sp.Matrix([[1]])
    caches = symbolic.forward(layers, X)
    z = caches[1].Z[0, 0]
    assert z.is_positive is None and caches[0].Z[0, 0] == sp.Rational(1, 2)
    assert caches[0].A[0, 0].is_positive  # far from zero: the sign is known
    assert isinstance(caches[1].A[0, 0].definition, sp.Max)
    _, grads = symbolic.gradients(layers, X, T, "half_sse")
    for e in (caches[1].A[0, 0], grads[0].weights[0, 0], grads[1].weights[0, 0]):
        reference = sp.N(symbolic.written_out(e), symbolic.DIGITS)
        assert reference != 0
        assert abs(symbolic.evaluate(e) - reference) <= abs(reference) * sp.Float(10) ** -(symbolic.DIGITS - 2)

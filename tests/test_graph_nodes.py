"""The computational graph: the local gradients of add, multiply, max and sigmoid nodes, and one
neuron backpropagated node by node."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.numeric import activations as act
from derivations.numeric import dense
from derivations.numeric import graph as numeric
from derivations.problems import data_file, errata, printed_values
from derivations.symbolic import graph as symbolic
from derivations.tables.common import fixed

DATA = data_file("dense")
finite = st.floats(-5, 5, allow_nan=False)


def central(f, *args, i, h=1e-6):
    up, down = list(args), list(args)
    up[i] += h
    down[i] -= h
    return (f(*up) - f(*down)) / (2 * h)


def test_the_local_gradients_sympy_derives():
    x, y = symbolic.x, symbolic.y
    assert symbolic.local_gradients("add") == (1, 1)
    assert symbolic.local_gradients("multiply") == (y, x)
    (s,) = symbolic.local_gradients("sigmoid")
    assert sp.simplify(s - symbolic.sigmoid(x) * (1 - symbolic.sigmoid(x))) == 0


@settings(max_examples=50, deadline=None)
@given(finite, finite, finite)
def test_numpy_nodes_pass_upstream_times_local(a, b, upstream):
    for node, f in ((numeric.Add(), lambda u, v: u + v), (numeric.Multiply(), lambda u, v: u * v)):
        node.forward(a, b)
        got = node.backward(upstream)
        for i in range(2):
            assert got[i] == pytest.approx(upstream * central(f, a, b, i=i), rel=1e-6, abs=1e-6)
    sig = numeric.Sigmoid()
    sig.forward(a)
    f = lambda u: 1 / (1 + math.exp(-u))  # noqa: E731
    assert sig.backward(upstream) == pytest.approx(upstream * central(f, a, i=0), rel=1e-6, abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(finite, finite)
def test_max_sends_the_gradient_to_the_larger_input(a, b):
    node = numeric.Max()
    node.forward(a, b)
    da, db = node.backward(1.0)
    dx, dy = (g.subs({symbolic.x: a, symbolic.y: b}) for g in symbolic.local_gradients("max"))
    assert (da, db) == (float(dx), float(dy))
    assert (da, db) == ((1.0, 0.0) if a >= b else (0.0, 1.0))


def test_a_tie_at_max_gives_relu_its_derivative_at_zero():
    node = numeric.Max()
    node.forward(0.0, 0.0)                # relu(0) = max(0, z) with z = 0
    _, dz = node.backward(1.0)
    dx, dy = (g.subs({symbolic.x: 0, symbolic.y: 0}) for g in symbolic.local_gradients("max"))
    assert dz == float(dy) == float(act.relu_prime(0.0)) == 0.0
    assert dx == 1


def test_the_sigmoid_local_gradient_is_f_times_one_minus_f():
    f = sp.Symbol("f")
    in_output = symbolic.sigmoid_local_in_output()
    assert sp.expand(in_output - f * (1 - f)) == 0


def test_the_sigmoid_never_exponentiates_a_positive_number(monkeypatch):
    """The backpropagation page: the sigmoid it calls avoids overflow for large |z| by never
    putting a positive number into the exponential."""
    arguments, exp = [], np.exp

    def recording(x, *args, **kwargs):
        arguments.append(np.max(x))
        return exp(x, *args, **kwargs)

    monkeypatch.setattr(np, "exp", recording)
    with np.errstate(over="raise"):
        s = act.sigmoid(np.array([-1000.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0]))
    assert arguments and max(arguments) <= 0
    assert np.all((s >= 0) & (s <= 1))


def test_004_writes_the_sigmoid_derivative_wrongly():
    """004 prints f' * (1-f); with f' = f(1 − f) that is f(1 − f)², not the local gradient."""
    slip = {e.id: e for e in errata(DATA)}["sigmoid-node-derivative"]
    assert slip.note_value == "f' * (1-f)"
    f = sp.Symbol("f")
    as_printed = (f * (1 - f)) * (1 - f)  # f' · (1 − f), with f' the true derivative
    assert sp.expand(as_printed - symbolic.sigmoid_local_in_output()) != 0
    node = numeric.Sigmoid()
    out = node.forward(0.7)
    assert node.backward(1.0) == pytest.approx(out * (1 - out))
    assert node.backward(1.0) != pytest.approx(out * (1 - out) ** 2)


def test_the_worked_neuron_three_ways():
    g = DATA["graph"]
    steps = {s.output: s for s in symbolic.neuron_graph(g["x"], g["w"], g["b"], g["t"])}
    floats = numeric.neuron_graph(tuple(g["x"]), tuple(g["w"]), g["b"], g["t"])
    layer = dense.Layer(np.array([[g["w"][0]], [g["w"][1]]]), np.array([g["b"]]), "sigmoid")
    loss, (grads,) = dense.loss_and_gradients([layer], np.array([g["x"]]), np.array([[g["t"]]]), "half_sse")
    value = lambda e: float(sp.N(e, 30))  # noqa: E731
    assert floats["L"] == pytest.approx(loss, abs=1e-16) == pytest.approx(value(steps["L"].value))
    assert floats["dL_dw1"] == pytest.approx(grads.weights[0, 0], abs=1e-16)
    assert floats["dL_dw2"] == pytest.approx(grads.weights[1, 0], abs=1e-16)
    assert floats["dL_db"] == pytest.approx(grads.biases[0], abs=1e-16)
    assert value(steps["m1"].downstream[0]) == pytest.approx(floats["dL_dw1"], abs=1e-16)
    assert value(steps["z"].downstream[1]) == pytest.approx(floats["dL_db"], abs=1e-16)
    # Each node's upstream gradient is the downstream gradient of the node after it.
    assert steps["o"].upstream == steps["L"].downstream[0]
    assert steps["z"].upstream == steps["o"].downstream[0]
    assert steps["s"].upstream == steps["z"].downstream[0]
    assert steps["m1"].upstream == steps["s"].downstream[0] == steps["m2"].upstream
    # The neuron is the 2-2-2 example's first hidden neuron: o is the h1 the notes print.
    h1 = next(p for p in printed_values(data_file("backprop_2_2_2")) if p.name == "h1")
    assert fixed(sp.N(steps["o"].value, 30), h1.places) == h1.value

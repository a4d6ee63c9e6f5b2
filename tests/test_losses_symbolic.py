"""The losses' gradients derived by SymPy, the softmax and sigmoid shortcuts, and the worked
examples computed by both routes."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.numeric import activations as num
from derivations.numeric import losses as num_losses
from derivations.problems import data_file, printed_values
from derivations.symbolic import activations as sym_act
from derivations.symbolic import losses as sym

INPUTS = data_file("activations")["inputs"]
NUMERIC = {"half_sse": num_losses.half_sse, "mse": num_losses.mse,
           "binary_cross_entropy": num_losses.binary_cross_entropy,
           "cross_entropy": num_losses.cross_entropy}
GRADIENTS = {"half_sse": num_losses.half_sse_grad, "mse": num_losses.mse_grad,
             "binary_cross_entropy": num_losses.binary_cross_entropy_grad,
             "cross_entropy": num_losses.cross_entropy_grad}


@pytest.mark.parametrize("name", sym.LOSSES)
@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_gradient_is_the_closed_form(name, k):
    assert sym.gradient_minus_closed_form(name, k) == [0] * k


def test_the_half_is_what_makes_the_squared_error_gradient_o_minus_t():
    o, t = sym.outputs_and_targets(3)
    assert sym.gradient(sym.half_sse, 3) == [oj - tj for oj, tj in zip(o, t)]
    without_half = [sp.expand(g) for g in sym.gradient(lambda o, t: 2 * sym.half_sse(o, t), 3)]
    assert without_half == [2 * oj - 2 * tj for oj, tj in zip(o, t)]


@pytest.mark.parametrize("n", [2, 3, 4])
def test_softmax_then_cross_entropy_gives_s_minus_y(n):
    assert sym.softmax_cross_entropy_gradient(n) == [0] * n


def test_sigmoid_then_binary_cross_entropy_gives_sigma_minus_y():
    assert sym.sigmoid_binary_cross_entropy_gradient() == 0


def test_unequal_lists_are_refused():
    with pytest.raises(ValueError, match="equal-length"):
        sym.mse([sp.Symbol("o1")], [])


probabilities = st.floats(min_value=1e-6, max_value=1 - 1e-6)
targets = st.floats(min_value=0, max_value=1)


@settings(max_examples=50, deadline=None)
@given(pairs=st.lists(st.tuples(probabilities, targets), min_size=1, max_size=4))
def test_numpy_losses_and_gradients_agree_with_sympy(pairs):
    o, t = [p for p, _ in pairs], [q for _, q in pairs]
    exact_o, exact_t = [sp.Rational(v) for v in o], [sp.Rational(v) for v in t]
    symbols = list(sp.symbols(f"o1:{len(o) + 1}"))
    for name, loss in sym.LOSSES.items():
        exact = loss(exact_o, exact_t)
        assert math.isclose(NUMERIC[name](o, t), float(sp.N(exact, 30)), rel_tol=1e-12, abs_tol=1e-15)
        gradient = [sp.diff(loss(symbols, exact_t), s).subs(dict(zip(symbols, exact_o))) for s in symbols]
        assert np.allclose(GRADIENTS[name](np.array(o), np.array(t)),
                           [float(sp.N(g, 30)) for g in gradient], rtol=1e-12, atol=1e-15)


def test_the_backprop_examples_e_total_is_half_sse(document_solution, document_problem):
    printed = {p.name: p for p in printed_values(data_file("backprop_2_2_2"))
               if p.source.startswith("002_")}
    o = [document_solution.exact["o1"], document_solution.exact["o2"]]
    t = [sp.Rational(v.numerator, v.denominator) for v in document_problem.targets]
    assert sp.N(sym.half_sse(o, t) - document_solution.exact["E_total"], 40) == 0
    numpy_value = num_losses.half_sse([float(v) for v in o], [float(v) for v in t])
    assert f"{numpy_value:.8f}" == printed["E_total"].value


def test_worked_examples_both_routes():
    reg = INPUTS["regression"]
    o, t = [sp.nsimplify(v) for v in reg["outputs"]], [sp.nsimplify(v) for v in reg["targets"]]
    assert num_losses.mse(reg["outputs"], reg["targets"]) == float(sym.mse(o, t))
    assert num_losses.half_sse(reg["outputs"], reg["targets"]) == float(sym.half_sse(o, t))

    cat = INPUTS["categorical"]
    s = [sp.N(v, 40) for v in sym_act.softmax([sp.nsimplify(v) for v in cat["logits"]])]
    p = num.softmax(np.array(cat["logits"]))
    assert np.allclose(p, [float(v) for v in s], rtol=1e-15)
    chain = num.softmax_jacobian(np.array(cat["logits"])).T @ num_losses.cross_entropy_grad(p, cat["targets"])
    assert np.allclose(chain, p - np.array(cat["targets"]), rtol=0, atol=1e-15)

    binary = INPUTS["binary"]
    zf, yf = np.array(binary["logits"]), np.array(binary["targets"])
    through_p = num_losses.binary_cross_entropy_grad(num.sigmoid(zf), yf) * num.sigmoid_prime(zf)
    assert np.allclose(through_p, (num.sigmoid(zf) - yf) / len(zf), rtol=1e-13)

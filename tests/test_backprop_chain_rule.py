"""The chain-rule products equal the direct derivatives; the gradients match finite differences."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.numeric import backprop_2_2_2 as numeric
from derivations.symbolic import backprop_2_2_2 as symbolic


@pytest.mark.parametrize("weight", symbolic.WEIGHTS, ids=str)
def test_chain_rule_product_equals_direct_derivative(weight):
    assert symbolic.chain_equals_direct(weight) == 0


@pytest.mark.parametrize("weight", [symbolic.W1, symbolic.W5], ids=str)
def test_the_proof_catches_a_wrong_product(weight):
    rule = symbolic.chain_rule(weight)
    dropped_sigmoid_slope = rule.expr / rule.local[0].expr  # forget ∂out/∂z
    assert symbolic.chain_equals_direct(weight, dropped_sigmoid_slope) != 0


def test_chain_rules_have_the_notes_shape():
    w5, w1 = symbolic.chain_rule(symbolic.W5), symbolic.chain_rule(symbolic.W1)
    assert [f.key for f in w5.factors] == ["dE_do1", "do1_dz3", "dz3_dW5"]
    assert [[f.key for f in term] for term in w1.upstream] == [
        ["dEo1_do1", "do1_dz3", "dz3_dh1"], ["dEo2_do2", "do2_dz4", "dz4_dh1"]]
    assert [f.key for f in w1.local] == ["dh1_dz1", "dz1_dW1"]


def test_sigmoid_derivative_is_derived_in_its_output():
    derivative, in_output = symbolic.sigmoid_prime_in_output()
    z, s = sp.symbols("z sigma")
    assert sp.simplify(derivative - (in_output.subs(s, symbolic.sigmoid(z)))) == 0


def _error(problem, weights: np.ndarray) -> float:
    x = np.array([float(v) for v in problem.x])
    t = np.array([float(v) for v in problem.targets])
    W_hidden, W_output = numeric.matrices(weights)
    return float(numeric.forward(x, W_hidden, W_output, t).E.sum())


@pytest.mark.parametrize("i", range(8), ids=lambda i: f"W{i + 1}")
def test_gradient_matches_central_finite_difference(i, document_problem, document_solution, document_numeric):
    w = np.array([float(v) for v in document_problem.weights])
    h = 1e-6
    step = np.zeros(8)
    step[i] = h
    central = (_error(document_problem, w + step) - _error(document_problem, w - step)) / (2 * h)
    name = f"dE_dW{i + 1}"
    assert document_numeric[name] == pytest.approx(central, rel=1e-7, abs=1e-11)
    assert float(document_solution.value[name]) == pytest.approx(central, rel=1e-7, abs=1e-11)

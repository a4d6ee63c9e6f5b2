"""XOR is out of one perceptron's reach: derived by Fourier–Motzkin elimination, and the same
procedure shown to find weights whenever they exist."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.numeric import perceptron as numeric
from derivations.problems import data_file, printed_values
from derivations.symbolic import perceptron as symbolic
from derivations.symbolic.perceptron import WEIGHTS, Inequality, fourier_motzkin, gate_conditions

PRINTED = {p.name: p for p in printed_values(data_file("perceptron"))}
ALL_FUNCTIONS = list(product((0, 1), repeat=4))
"""Every two-input Boolean function, as its outputs on (0,0), (0,1), (1,0), (1,1)."""
XOR, XNOR = (0, 1, 1, 0), (1, 0, 0, 1)


def test_xor_conditions_are_infeasible():
    result = fourier_motzkin(gate_conditions(XOR))
    assert not result.feasible and result.witness is None


def test_the_certificate_is_a_nonnegative_sum_of_the_conditions_that_reads_0_gt_0():
    conditions = gate_conditions(XOR)
    cert = fourier_motzkin(conditions).certificate
    assert all(m >= 0 for m in cert.multipliers) and any(cert.multipliers)
    # Recombine the original conditions with the multipliers, independently of the elimination:
    combined = sp.expand(sum(m * c.expr for m, c in zip(cert.multipliers, conditions)))
    assert combined == cert.expr
    assert combined.free_symbols == set()      # every weight cancels …
    strict = any(c.strict for m, c in zip(cert.multipliers, conditions) if m)
    assert strict and combined <= 0            # … leaving "0 > 0": false


def test_the_conditions_say_what_xor_needs():
    for point, out, c in zip(symbolic.INPUTS, XOR, gate_conditions(XOR)):
        assert c.strict == bool(out)
        at = {WEIGHTS[0]: 3, WEIGHTS[1]: 5, WEIGHTS[2]: -7}
        s = 3 * point[0] + 5 * point[1] - 7
        assert c.expr.xreplace(at) == (s if out else -s)


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
def test_the_same_procedure_finds_weights_for_the_other_gates(gate):
    truth = symbolic.gate_truth(gate)
    result = fourier_motzkin(gate_conditions(truth))
    assert result.feasible
    w = [result.witness[v] for v in WEIGHTS]
    assert symbolic.truth_table(w) == truth
    assert tuple(numeric.perceptron(numeric.INPUTS, [float(v) for v in w])) == truth


def _grid_finds(truth) -> bool:
    """Brute force, independent of the elimination: weights on a grid of halves in [−2, 2]."""
    grid = np.arange(-4, 5) / 2
    w1, w2, b = np.meshgrid(grid, grid, grid, indexing="ij")
    ok = np.ones_like(w1, dtype=bool)
    for (x1, x2), out in zip(symbolic.INPUTS, truth):
        ok &= ((w1 * x1 + w2 * x2 + b) > 0) == bool(out)
    return bool(ok.any())


@pytest.mark.parametrize("truth", ALL_FUNCTIONS, ids=lambda t: "".join(map(str, t)))
def test_elimination_agrees_with_brute_force_on_all_16_functions(truth):
    result = fourier_motzkin(gate_conditions(truth))
    assert result.feasible == _grid_finds(truth)
    assert result.feasible == (truth not in (XOR, XNOR))
    if result.feasible:
        assert symbolic.truth_table([result.witness[v] for v in WEIGHTS]) == truth


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3),
                          st.booleans()), min_size=1, max_size=6),
       st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3)))
def test_elimination_on_random_systems_with_a_known_solution(rows, point):
    """Make every inequality true at ``point``; the elimination must then find some solution."""
    at = dict(zip(WEIGHTS, map(sp.Integer, point)))
    system = []
    for i, (a, c, d, strict) in enumerate(rows):
        expr = a * WEIGHTS[0] + c * WEIGHTS[1] + d * WEIGHTS[2]
        expr = expr - expr.xreplace(at) + (1 if strict else 0)   # = 1 (strict) or 0 at ``point``
        system.append(Inequality(expr, strict, tuple(sp.Integer(int(j == i)) for j in range(len(rows)))))
    result = fourier_motzkin(system)
    assert result.feasible
    assert all(q.holds_at(result.witness) for q in system)


def test_xor_best_is_three_of_four_as_the_note_says():
    size, found = symbolic.best_accuracy(XOR)
    assert size == 3 and len(found) == 4          # any one input can be given up
    for dropped, result in found:
        outputs = symbolic.truth_table([result.witness[v] for v in WEIGHTS])
        right = [o == t for o, t in zip(outputs, XOR)]
        assert sum(right) == 3 and not right[dropped]
    assert str(100 * size // len(XOR)) == PRINTED["xor_best_accuracy_percent"].value


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-100, 100), min_size=3, max_size=3))
def test_no_random_weights_compute_xor(weights):
    assert tuple(numeric.perceptron(numeric.INPUTS, weights)) != XOR

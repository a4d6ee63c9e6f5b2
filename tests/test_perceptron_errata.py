"""The slips of 002 §1–2.3 and 004 in the perceptron chapter: each slip and the correct value,
both pinned."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.numeric import perceptron as numeric
from derivations.problems import data_file, errata
from derivations.symbolic import perceptron as symbolic
from derivations.symbolic.perceptron import w1
from derivations.tables import perceptron as tables
from derivations.tables.language import resolve

DATA = data_file("perceptron")
ERRATA = {e.id: e for e in errata(DATA)}
GATES = DATA["gates"]


def _weights(text: str) -> list[float]:
    return [float(v) for v in text.strip("[]").split(",")]


def test_nand_restated_with_a_negative_bias_is_not_nand():
    e = ERRATA["nand-restated-bias"]
    stated = _weights(e.note_value)
    assert stated[:2] == [-0.5, -0.5] and stated[2] < 0
    assert symbolic.truth_table(stated) == (0, 0, 0, 0)
    assert tuple(numeric.perceptron(numeric.INPUTS, stated)) == (0, 0, 0, 0)
    (nand,) = [g["weights"] for g in GATES if g["gate"] == "NAND"]
    assert nand == [stated[0], stated[1], -stated[2]]           # only the bias's sign differs
    assert symbolic.truth_table(nand) == symbolic.gate_truth("NAND")


def test_the_formula_s_ge_0_turns_the_third_and_set_into_or():
    e = ERRATA["step-boundary"]
    assert r"\geq 0" in e.printed
    on_the_line = [g["weights"] for g in GATES
                   if g["gate"] == "AND" and 0 in [symbolic.weighted_sum(g["weights"], p)
                                                   for p in symbolic.INPUTS]]
    assert on_the_line == [[1.0, 1.0, -1.0]]
    w = on_the_line[0]
    assert symbolic.truth_table(w) == symbolic.gate_truth("AND")                       # the code
    assert symbolic.truth_table(w, symbolic.step_as_printed) == symbolic.gate_truth("OR")  # the formula
    # In floats the two sums are exactly 0.0 too, so NumPy's `s > 0` agrees with the exact route.
    assert list(numeric.INPUTS @ np.array(w[:2]) + w[2]) == [-1.0, 0.0, 0.0, 1.0]
    # The other weight sets keep clear of the line: both rules agree on them.
    for g in GATES:
        if g["weights"] != w:
            assert symbolic.truth_table(g["weights"]) == symbolic.truth_table(
                g["weights"], symbolic.step_as_printed)


def test_the_notes_step_function_fails_on_installed_numpy_and_the_pages_runs():
    e = ERRATA["np-int-removed"]
    assert "np.int)" in e.printed
    namespace = {"np": np}
    exec("def note_step(x):\n    " + e.printed, namespace)   # the note's line, as printed
    x = np.arange(-5.0, 5.0, 0.1)
    with pytest.raises(AttributeError, match="int"):
        namespace["note_step"](x)
    assert not hasattr(np, "int")   # removed in NumPy 1.24
    # The page's step is the note's line with `int`, and means what the note meant.
    exec("def fixed_step(x):\n    " + e.printed.replace("np.int)", "int)"), namespace)
    np.testing.assert_array_equal(numeric.step(x), namespace["fixed_step"](x))
    np.testing.assert_array_equal(numeric.step(x), (x > 0).astype(int))


def test_the_gradient_of_j_carries_a_minus_sign():
    e = ERRATA["gradient-sign"]
    assert e.note_value == "+"
    k, n, y, x = symbolic.k, symbolic.n, symbolic.y_k, symbolic.x_k
    derived = symbolic.objective_gradient()[w1]
    as_the_text_says = sp.Sum(y[k] * x[k, 1], (k, 1, n))
    assert sp.simplify(derived + as_the_text_says) == 0       # derived = − (the text's sum)
    assert sp.simplify(derived - as_the_text_says) != 0
    # The same in floats: J on two misclassified AND samples, differentiated numerically.
    labels = np.array([-1, -1, -1, 1])
    w = np.array([1.0, 1.0, -0.5])
    _, wrong = numeric.objective(w, numeric.INPUTS, labels)
    h = 1e-6
    slope = (numeric.objective(w + [h, 0, 0], numeric.INPUTS, labels)[0]
             - numeric.objective(w - [h, 0, 0], numeric.INPUTS, labels)[0]) / (2 * h)
    text_sum = float(np.sum(labels[wrong] * numeric.INPUTS[wrong, 0]))
    assert text_sum != 0 and slope == pytest.approx(-text_sum, abs=1e-6)


def test_more_misclassified_samples_can_mean_a_smaller_j():
    e = ERRATA["objective-condition-3"]
    example = DATA["objective_example"]
    labels = [1 if out else -1 for out in symbolic.gate_truth(example["gate"])]
    runs = [symbolic.objective(w, symbolic.INPUTS, labels) for w in example["weights"]]
    assert any(len(yb) > len(ya) and jb < ja for ja, ya in runs for jb, yb in runs), e.printed
    floats = [numeric.objective(w, numeric.INPUTS, labels) for w in example["weights"]]
    assert [(float(j), y) for j, y in runs] == [(j, list(y)) for j, y in floats]


def test_the_second_layer_computes_y_so_it_is_the_output_layer_not_an_input_layer():
    e = ERRATA["two-input-layers"]
    assert "두 개의 층을 입력층" in e.printed and "출력층" not in e.printed and e.note_value == "입력층"
    for code in DATA["gate_code"]:
        w = code["weights"]
        inputs = [[p[i] for p in symbolic.INPUTS] for i in range(len(w) - 1)]   # the first layer: x1, x2 as given
        y = list(symbolic.truth_table(w))
        assert y == list(numeric.perceptron(numeric.INPUTS, w))
        # An input layer only passes values on; the second layer's one neuron gives a y that is no
        # input passed on, so it computes: it is the output layer.
        assert len(y) == len(symbolic.INPUTS) and y not in inputs, code["function"]
    table = resolve(tables.errata_table(DATA, tables.document_gates(DATA)), "en")
    assert "the input layer sends $x_1$, $x_2$; the output layer computes $y$" in table


def test_every_erratum_is_tested_here():
    tested = {"nand-restated-bias", "step-boundary", "np-int-removed", "gradient-sign",
              "objective-condition-3", "two-input-layers"}
    assert set(ERRATA) == tested

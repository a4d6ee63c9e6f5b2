"""The gates of 002 §1.2–1.3: every weight set's truth table, by both routes, against logic and
against what the note's code printed; the step functions; the generated figures."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from derivations.numeric import perceptron as numeric
from derivations.problems import data_file, printed_values
from derivations.symbolic import perceptron as symbolic
from derivations.tables import perceptron as tables

DATA = data_file("perceptron")
PRINTED = {p.name: p for p in printed_values(DATA)}
GATES = DATA["gates"]
LOGIC = {"AND": lambda a, b: a and b, "NAND": lambda a, b: not (a and b),
         "OR": lambda a, b: a or b, "XOR": lambda a, b: a != b}
"""Written again here, so the tests do not trust the module's own truth functions."""
INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]


def truth(gate: str) -> tuple[int, ...]:
    return tuple(int(bool(LOGIC[gate](a, b))) for a, b in INPUTS)


def printed_tuple(gate: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.findall(r"-?\d+", PRINTED[f"{gate}_gate"].value))


@pytest.mark.parametrize("gate", GATES, ids=lambda g: f"{g['gate']}{g['weights']}")
def test_numpy_truth_table_is_the_gate(gate):
    assert tuple(numeric.perceptron(numeric.INPUTS, gate["weights"])) == truth(gate["gate"])


@pytest.mark.parametrize("gate", GATES, ids=lambda g: f"{g['gate']}{g['weights']}")
def test_exact_truth_table_is_the_gate(gate):
    assert symbolic.truth_table(gate["weights"]) == truth(gate["gate"])


@pytest.mark.parametrize("gate", GATES, ids=lambda g: f"{g['gate']}{g['weights']}")
def test_every_weight_set_reproduces_what_the_note_printed(gate):
    assert symbolic.truth_table(gate["weights"]) == printed_tuple(gate["gate"])


def test_the_note_s_code_runs_one_of_its_weight_sets_per_gate():
    sets = {(g["gate"], tuple(Fraction(str(v)) for v in g["weights"])) for g in GATES}
    for code in DATA["gate_code"]:
        gate = code["function"].removesuffix("_gate")
        assert (gate, tuple(Fraction(str(v)) for v in code["weights"])) in sets
        assert code["function"] in PRINTED
        assert symbolic.truth_table(code["weights"]) == printed_tuple(gate)


def _cells(markdown: str) -> list[list[str]]:
    """The body rows of a generated Markdown table, cell by cell."""
    lines = [line for line in markdown.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def test_only_the_weight_set_the_note_s_code_ran_carries_what_it_printed():
    """002 §1.2 names three AND sets but its AND_gate runs one; the others never printed anything."""
    code = {c["function"].removesuffix("_gate"): tuple(Fraction(str(v)) for v in c["weights"])
            for c in DATA["gate_code"]}
    rows = _cells(tables.gates_table(tables.document_gates(DATA), PRINTED, tables.code_weights(DATA)))
    assert len(rows) == len(GATES)
    for gate, row in zip(GATES, rows):
        ran = code.get(gate["gate"]) == tuple(Fraction(str(v)) for v in gate["weights"])
        assert (row[-1] != "—") == ran, row
        if ran:
            assert row[-1] == PRINTED[f"{gate['gate']}_gate"].value + " ✓"
    carrying = [row[1] for gate, row in zip(GATES, rows) if gate["gate"] == "AND" and row[-1] != "—"]
    assert len(carrying) == 1 < sum(g["gate"] == "AND" for g in GATES)


def test_the_module_truth_functions_are_the_logic():
    for gate in LOGIC:
        assert symbolic.gate_truth(gate) == truth(gate)


def test_weighted_sums_are_exact():
    # 0.5 + 0.5 − 0.7 is 3/10 exactly, not the double 0.30000000000000004.
    assert symbolic.weighted_sum([0.5, 0.5, -0.7], (1, 1)) == Fraction(3, 10)
    assert symbolic.weighted_sum([1.0, 1.0, -1.0], (0, 1)) == 0


def test_xor_network_of_the_note_computes_xor_by_both_routes():
    net = DATA["xor_network"]
    rows = symbolic.xor_network(net["weights"], tuple(net["hidden"]), net["output"])
    assert tuple(r["y"] for r in rows) == truth("XOR")
    assert [r["h"] for r in rows] == [(int(not (a and b)), int(a or b)) for a, b in INPUTS]
    w = net["weights"]
    assert tuple(numeric.xor(numeric.INPUTS, w["NAND"], w["OR"], w["AND"])) == truth("XOR")


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_step_is_one_exactly_above_zero(s):
    assert numeric.step(s) == (1 if s > 0 else 0)
    assert numeric.sign_step(s) == (1 if s > 0 else -1)
    assert symbolic.step(symbolic.rational(s)) == numeric.step(s)
    assert symbolic.sign_step(symbolic.rational(s)) == numeric.sign_step(s)


def test_the_steps_differ_at_zero():
    assert (numeric.step(0.0), numeric.sign_step(0.0)) == (0, -1)
    assert (symbolic.step(0), symbolic.step_as_printed(0), symbolic.sign_step(0)) == (0, 1, -1)


def near_zero_for_float64(weights, point) -> bool:
    """Whether s = w1·x1 + w2·x2 + b, exactly (each weight the decimal it is written as, as the
    exact route reads it), lies within float64's rounding of its terms: each weight stored, then
    added, off by at most half an ulp of the magnitudes involved."""
    terms = [Fraction(repr(float(w))) * x for w, x in zip(weights, [*point, 1])]
    return abs(sum(terms)) <= 4 * sum(abs(t) for t in terms) * Fraction(2) ** -53


@given(st.lists(st.floats(-10, 10), min_size=3, max_size=3))
def test_numpy_and_exact_gates_agree_unless_rounding_hides_the_sign(weights):
    """On any float weights NumPy's gate is the exact one, except on an input whose exact sum is
    within float64's rounding of 0 (Hypothesis found 6.103515625e-05, 1.2172753253731368e-67,
    -6.103515625e-05: exactly 1.2e-67 at (1, 1), 0 in float64)."""
    got, exact = tuple(numeric.perceptron(numeric.INPUTS, weights)), symbolic.truth_table(weights)
    for point, a, b in zip(symbolic.INPUTS, got, exact):
        assert a == b or near_zero_for_float64(weights, point), (weights, point)


def test_float64_can_lose_a_sign_the_exact_sum_keeps():
    weights = [6.103515625e-05, 1.2172753253731368e-67, -6.103515625e-05]
    assert numeric.perceptron(numeric.INPUTS, weights)[3] == 0 and symbolic.truth_table(weights)[3] == 1
    assert near_zero_for_float64(weights, (1, 1)) and not near_zero_for_float64([1, 1, -1.5], (1, 1))


# --- figures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def svgs(generated_files):
    """The chapter's figures as the session's ``tables`` run wrote them."""
    return {name: text for name, text in generated_files.items()
            if name.startswith("generated/perceptron/") and name.endswith(".svg")}


def _data_coordinates(px: float, py: float) -> tuple[float, float]:
    scale = tables.SIZE / (tables.HIGH - tables.LOW)
    return tables.LOW + (px - tables.PAD) / scale, tables.LOW + (tables.PAD + tables.SIZE - py) / scale


@pytest.mark.parametrize("index,gate", list(enumerate(GATES, start=1)),
                         ids=lambda v: str(v) if isinstance(v, int) else v["gate"])
def test_each_gate_figure_draws_its_decision_line_and_outputs(index, gate, svgs):
    svg = svgs[f"generated/perceptron/gate_{index}_{gate['gate'].lower()}.svg"]
    w1, w2, b = gate["weights"]
    (line,) = re.findall(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="#', svg)
    ends = [_data_coordinates(float(line[0]), float(line[1])), _data_coordinates(float(line[2]), float(line[3]))]
    for x1, x2 in ends:  # both ends lie on w1·x1 + w2·x2 + b = 0 (to the drawing's 0.1 px)
        assert abs(w1 * x1 + w2 * x2 + b) < 0.01 * (abs(w1) + abs(w2))
    filled = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="10" fill="currentColor"', svg)
    on = {tuple(round(v) for v in _data_coordinates(float(x), float(y))) for x, y in filled}
    assert on == {p for p, out in zip(INPUTS, truth(gate["gate"])) if out}


def test_figures_use_the_page_colour_and_no_fixed_black_or_white(svgs):
    for svg in svgs.values():
        assert 'fill="currentColor"' in svg
        assert not re.search(r'"#(000|000000|fff|ffffff)"', svg, re.I)


def test_xor_figure_draws_the_two_hidden_lines(svgs):
    svg = svgs["generated/perceptron/gate_xor.svg"]
    assert len(re.findall(r'stroke-width="3"', svg)) == 2
    assert "NAND" in svg and "OR" in svg

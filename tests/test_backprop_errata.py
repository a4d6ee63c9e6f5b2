"""Where a note contradicts its own numbers: the slip and the correct value, both pinned."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import sympy as sp

from derivations.problems import data_file, errata, printed_values
from derivations.symbolic.backprop_2_2_2 import DIGITS, sigmoid
from derivations.tables.common import fixed

DOCS = Path(__file__).resolve().parents[1] / "docs"

DATA = data_file("backprop_2_2_2")
ERRATA = {e.id: e for e in errata(DATA)}
PRINTED = {(p.source[:3], p.name): p for p in printed_values(DATA)}


def test_w1_update_uses_x1_where_w1_belongs(document_problem, document_solution):
    e = ERRATA["w1-update-operand"]
    assert e.source == "002_0d151740a80634d0.txt"
    note_operand = Fraction(e.note_value)
    assert note_operand != document_problem.weights[0]       # the slip: 0.1 is not W1 …
    assert note_operand == document_problem.x[0]              # … it is x1
    gradient = Fraction(fixed(document_solution.value["dE_dW1"]))
    alpha = document_problem.learning_rate
    printed_result = PRINTED[("002", "W1_new")].decimal
    # With the note's operand the arithmetic misses its own printed result; with W1 it hits it.
    assert fixed(note_operand - alpha * gradient) != str(printed_result)
    assert fixed(document_problem.weights[0] - alpha * gradient) == str(printed_result)
    assert fixed(document_solution.value["W1_new"]) == str(printed_result)


def test_003_prints_z1_with_a_misplaced_decimal_point(document_solution):
    e = ERRATA["z1-decimal-point"]
    assert e.source == "003_fbed39925f86eb38.txt"
    assert e.note_value == "0.8"
    assert fixed(document_solution.value["z1"], 2) == "0.08"
    assert fixed(document_solution.value["z1"]) != fixed(Fraction(e.note_value))
    # The note's own h1 is σ(0.08), not σ(0.8).
    h1_printed = PRINTED[("003", "h1")].decimal
    assert fixed(sp.N(sigmoid(sp.Rational(e.note_value)), DIGITS)) != str(h1_printed)
    assert fixed(document_solution.value["h1"]) == str(h1_printed)


def _slip_intro(page: str, heading: str) -> str:
    """The prose between the "where the notes slip" heading and its errata table."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return text.split(heading, 1)[1].split("--8<--", 1)[0]


def test_the_page_counts_the_slips_and_their_kinds_as_the_errata_do(document_solution):
    """The page: twice the notes print something wrong, once a value, once an operand in a line
    whose result is right. A slip's kind follows from the data: where the line ends in the
    note's value, the value itself is wrong; otherwise the value is an operand and the line's
    result must be a correctly derived value."""
    derived = {fixed(v) for v in document_solution.value.values()}
    kinds = []
    for e in ERRATA.values():
        left, result = (part.strip() for part in e.printed.rsplit("=", 1))
        if result == e.note_value:
            assert fixed(document_solution.value[e.quantity]) != fixed(Fraction(result))
            kinds.append("value")
        else:
            assert e.note_value in left and result in derived
            kinds.append("operand")
    assert sorted(kinds) == ["operand", "value"]
    en, ko = {1: ("Once", "한 군데"), 2: ("Twice", "두 군데")}[len(ERRATA)]
    assert en in _slip_intro("backpropagation.md", "## Where the notes slip")
    assert ko in _slip_intro("backpropagation.ko.md", "## 노트의 실수")


def test_every_erratum_is_tested_here():
    tested = {"w1-update-operand", "z1-decimal-point"}
    assert set(ERRATA) == tested

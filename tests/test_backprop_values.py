"""Every value the notes print for the 2-2-2 example, held against both derivations."""

from __future__ import annotations

import pytest

from derivations.problems import data_file, printed_values
from derivations.tables.common import fixed

PRINTED = printed_values(data_file("backprop_2_2_2"))

# Item 5 of the spine issue: the values the page must show by the note's names.
ITEM_5 = (
    "z1 z2 h1 h2 z3 z4 o1 o2 E_o1 E_o2 E_total dE_do1 do1_dz3 dz3_dW5 dE_dW5 "
    "dEo1_dh1 dEo2_dh1 dE_dh1 dh1_dz1 dE_dW1 "
    "W1_new W2_new W3_new W4_new W5_new W6_new W7_new W8_new "
    "z1_new z2_new h1_new h2_new z3_new z4_new o1_new o2_new E_o1_new E_o2_new E_total_new"
).split()


def test_every_item_5_value_is_an_expectation_from_the_notes():
    assert set(ITEM_5) <= {p.name for p in PRINTED}


@pytest.mark.parametrize("printed", PRINTED, ids=lambda p: f"{p.name}@{p.source[:3]}")
def test_symbolic_rounds_to_the_printed_value(printed, document_solution):
    assert fixed(document_solution.value[printed.name], printed.places) == str(printed.decimal)


@pytest.mark.parametrize("printed", PRINTED, ids=lambda p: f"{p.name}@{p.source[:3]}")
def test_numpy_rounds_to_the_printed_value(printed, document_numeric):
    assert fixed(document_numeric[printed.name], printed.places) == str(printed.decimal)


@pytest.mark.parametrize("name", sorted({p.name for p in PRINTED}))
def test_symbolic_and_numpy_agree_to_1e_12(name, document_solution, document_numeric):
    assert float(document_solution.value[name]) == pytest.approx(document_numeric[name], abs=1e-12, rel=0)


def test_symbolic_values_carry_at_least_30_significant_digits(document_solution):
    e = document_solution.value["E_total_new"]
    assert len(e.as_tuple().digits) >= 30  # every one of them certain (derivations.symbolic.decide)
    assert document_solution.value["z1"] == __import__("decimal").Decimal("0.08")
    # Exact inputs: z1 = 0.3·0.1 + 0.25·0.2 is exactly 2/25, not a nearby double.
    assert document_solution.exact["z1"] == __import__("sympy").Rational(2, 25)


def test_one_update_lowers_the_error(document_solution):
    assert document_solution.value["E_total_new"] < document_solution.value["E_total"]

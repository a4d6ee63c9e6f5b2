"""The gradient through a chain of layers: sigmoid under its bound, ReLU 1 while active, 0 once dead."""

from __future__ import annotations

import math
from pathlib import Path

from fractions import Fraction

import mpmath
import pytest
from flint import fmpq

from derivations.numeric import depth_chain as numeric
from derivations.problems import data_file
from derivations.symbolic import depth_chain as symbolic
from derivations.symbolic.decide import decide
from derivations.tables import depth_chain as tables

DATA = data_file("depth_chain")


def test_sympy_and_numpy_agree_in_every_layer():
    for name, (exact, floats) in tables.columns(DATA).items():
        assert len(exact) == len(floats) == DATA["layers"]
        for e, f in zip(exact, floats):
            assert tables.agrees(e, f), name


def test_first_layer_by_hand():
    s = 1 / (1 + math.exp(-(DATA["weight"] * DATA["x"] + DATA["bias"])))
    (exact, floats) = tables.columns(DATA)["sigmoid"]
    assert float(floats[0]) == pytest.approx(DATA["weight"] * s * (1 - s), rel=1e-15)
    assert float(exact[0]) == pytest.approx(DATA["weight"] * s * (1 - s), rel=1e-15)


def test_sigmoid_under_its_bound_relu_constant_dead_zero():
    cols = tables.columns(DATA)
    sig, active, dead = (cols[k][0] for k in cols)
    for n, value in enumerate(sig, start=1):
        assert 0 < value.decimal() < Fraction(1, 4) ** n
    assert all(v.exact and v.decimal() == DATA["weight"] ** n for n, v in enumerate(active, start=1))
    k = DATA["dead_layer"]
    assert all(not v.is_zero for v in dead[:k - 1]) and all(v.exact and v.is_zero for v in dead[k - 1:])


def test_relu_at_zero_is_refused_and_small_values_are_not_printed_as_zero():
    with pytest.raises(ArithmeticError):
        symbolic.relu_slope(fmpq(0))
    assert tables.scientific(decide(fmpq(1, 10**20), tables.SHOWN)) == "1.0e-20"
    assert "✗" not in tables.chain_table(DATA)


def test_sigmoid_chain_matches_an_independent_50_digit_evaluation():
    """Plain mpmath at 50 digits, the recurrence written again: every decided digit holds."""
    exact, _ = tables.columns(DATA)["sigmoid"]
    with mpmath.workdps(50):
        a, product = mpmath.mpf(DATA["x"]), mpmath.mpf(1)
        for n in range(1, DATA["layers"] + 1):
            z = DATA["weight"] * a + mpmath.mpf(str(DATA["bias"]))
            a = 1 / (1 + mpmath.exp(-z))
            product *= DATA["weight"] * a * (1 - a)
            assert mpmath.nstr(product, 17, strip_zeros=False) == mpmath.nstr(mpmath.mpf(str(exact[n - 1].decimal())), 17, strip_zeros=False)


def test_the_page_shows_the_section():
    page = (Path(__file__).resolve().parents[1] / "docs" / "activations.md").read_text(encoding="utf-8")
    assert '--8<-- "generated/depth_chain/chain.md"' in page

"""The notes' slips in the activation chapter: each slip and the correct value, both pinned."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.numeric import activations as num
from derivations.problems import data_file, errata, printed_values
from derivations.symbolic import activations as sym
from derivations.tables import activations as tables
from derivations.tables.language import resolve

DATA = data_file("activations")
ERRATA = {e.id: e for e in errata(DATA)}
PRINTED = {p.name: p for p in printed_values(DATA)}
z = sym.z


def test_004_writes_the_sigmoid_derivative_with_f_prime_on_the_right():
    e = ERRATA["sigmoid-derivative"]
    assert e.source.startswith("004_") and "f' * (1-f)" in e.printed
    f = sym.sigmoid(z)
    derivative = sp.diff(f, z)
    as_printed = derivative * (1 - f)          # f' · (1 − f)
    correct = f * (1 - f)                      # f · (1 − f)
    assert sp.simplify(derivative - correct) == 0
    assert sp.simplify(derivative - as_printed) != 0
    # At z = 0 the note's form gives half the true slope.
    assert derivative.subs(z, 0) == sp.Rational(1, 4)
    assert sp.simplify(as_printed.subs(z, 0)) == sp.Rational(1, 8)


def test_002_describes_leaky_relu_as_returning_a_small_constant():
    e = ERRATA["leaky-relu-constant"]
    a = sp.Rational(PRINTED["leaky_relu_a"].value)
    assert sp.Rational(e.note_value) != a                       # 0.001 is not the note's own a
    values = {sym.leaky_relu(sp.Integer(v), a) for v in (-5, -1)}
    assert len(values) == 2                                     # a·z, not a constant
    assert num.leaky_relu(-5.0) == pytest.approx(-5 * float(a)) # NumPy's default is the note's a


def test_002_softmax_plot_is_a_distribution_over_the_grid_not_a_curve():
    e = ERRATA["softmax-plot"]
    assert e.printed == "y = np.exp(x) / np.sum(np.exp(x))"
    values = {}
    for step in (0.1, 0.05):
        x = np.arange(-5.0, 5.0, step)
        y = np.exp(x) / np.sum(np.exp(x))                      # the note's code
        assert y.sum() == pytest.approx(1.0)
        assert np.allclose(y, num.softmax(x))
        values[step] = y[np.argmin(np.abs(x))]
    assert values[0.1] != pytest.approx(values[0.05], rel=0.1)  # "y(0)" depends on the grid


def test_the_notes_softmax_overflows_where_the_stable_one_does_not():
    x = np.array(DATA["inputs"]["softmax_overflow"])
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(x) / np.sum(np.exp(x))
    assert np.all(np.isnan(naive))
    with np.errstate(all="raise"):
        assert np.all(np.isfinite(num.softmax(x)))


def test_errata_table_shows_every_slip_beside_the_derived_value():
    text = resolve(tables.errata_table(DATA), "en")
    for e in ERRATA.values():
        assert e.source in text
    assert r"$f' = f \cdot (1 - f)$" in text and r"$\frac{1}{8}$" in text
    assert "`False`" in text  # hasattr(np, "int") on the NumPy the site is built with


def test_the_korean_errata_show_the_same_values_with_the_korean_reasons():
    english, korean = (resolve(tables.errata_table(DATA), language) for language in ("en", "ko"))
    assert r"$f' = f \cdot (1 - f)$" in korean and r"$\frac{1}{8}$" in korean and "`False`" in korean
    for e in ERRATA.values():
        assert e.explanation_ko in korean and e.explanation not in korean
        assert e.explanation in english and e.explanation_ko not in english


def test_every_erratum_is_tested_here():
    assert set(ERRATA) == {"sigmoid-derivative", "leaky-relu-constant", "softmax-plot"}

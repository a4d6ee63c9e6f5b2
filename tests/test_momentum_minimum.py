"""Momentum at a local minimum: exact critical points, 50-digit and float64 iterates agreeing, and
the three runs ending where the page says."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from derivations.numeric import momentum_minimum as numeric
from derivations.problems import data_file
from derivations.symbolic import momentum_minimum as symbolic
from derivations.tables import momentum_minimum as tables

DATA = data_file("momentum")


@pytest.fixture(scope="module")
def computed():
    return tables.runs(DATA)


def test_two_minima_and_a_maximum_between():
    f = tables.function(DATA)
    crit = symbolic.critical_points(f)
    assert [c.kind for c in crit] == ["minimum", "maximum", "minimum"]
    for c in crit:  # each is a root of f′ to 40 digits
        assert abs(sp.diff(f, symbolic.x).subs(symbolic.x, c.at.evalf(50))) < 1e-40
    mins = tables.minima(DATA)
    # by hand, independent of SymPy's roots: NumPy's roots of 4x³ − 6x + 1
    roots = sorted(np.roots([4, 0, -6, 1]).real)
    assert float(mins["global"].at) == pytest.approx(roots[0], abs=1e-12)
    assert float(mins["local"].at) == pytest.approx(roots[2], abs=1e-12)


def test_sympy_and_numpy_iterates_agree(computed):
    for name, (exact, floats) in computed.items():
        assert len(exact) == len(floats) == DATA["settings"]["steps"] + 1
        assert max(abs(float(e) - f) for e, f in zip(exact, floats)) < tables.AGREEMENT, name


def test_first_steps_by_hand():
    """x_1 = 2 − 0.01·f′(2) = 2 − 0.01·21 = 1.79; with momentum x_2 = x_1 + 0.9·(−0.21) − 0.01·f′(1.79)."""
    s, coefficients = DATA["settings"], DATA["function"]["coefficients"]
    xs = numeric.run(coefficients, 2.0, s["learning_rate"], s["momentum"], 2)
    slope = lambda x: 4 * x**3 - 6 * x + 1
    assert xs[1] == pytest.approx(1.79, abs=1e-15)
    assert xs[2] == pytest.approx(1.79 + 0.9 * (-0.21) - 0.01 * slope(1.79), abs=1e-14)


def test_where_each_run_ends(computed):
    mins = {k: float(v.at) for k, v in tables.minima(DATA).items()}
    ends = {name: float(exact[-1]) for name, (exact, _) in computed.items()}
    assert ends["gradient descent from 2"] == pytest.approx(mins["local"], abs=1e-4)
    assert ends["momentum from 2"] == pytest.approx(mins["global"], abs=1e-2)
    assert ends["momentum from 1.6"] == pytest.approx(mins["local"], abs=1e-2)
    peak = 0.16993844
    assert all(float(v) > peak for v in computed["momentum from 1.6"][0])
    assert all(float(v) > peak for v in computed["gradient descent from 2"][0])


def test_at_rest_at_a_minimum_nothing_moves():
    f = tables.function(DATA)
    for c in symbolic.critical_points(f):
        assert not symbolic.moves_from_rest(f, c.at, DATA["settings"]["learning_rate"])
    assert symbolic.moves_from_rest(f, sp.Rational(3, 2), DATA["settings"]["learning_rate"])
    xs = numeric.run(DATA["function"]["coefficients"], float(tables.minima(DATA)["local"].at), 0.01, 0.9, 5)
    assert np.ptp(xs) < 1e-14


def test_the_page_shows_the_section():
    page = (Path(__file__).resolve().parents[1] / "docs" / "learning.md").read_text(encoding="utf-8")
    for name in ("quotes.md", "function.md", "runs.md", "momentum.svg", "iterates.md", "errata.md"):
        assert f'generated/momentum/{name}"' in page
    assert "✗" not in tables.runs_table(DATA, tables.runs(DATA))

"""Universal approximation, depth against width, and the kinds of derivative: the certified and
float64 routes agreeing, and independent checks of each."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from flint import fmpq

from derivations.numeric import approximation as approx_numeric
from derivations.numeric import derivative_kinds as kinds_numeric
from derivations.numeric import sawtooth as saw_numeric
from derivations.problems import data_file
from derivations.symbolic import approximation as approx_symbolic
from derivations.symbolic import sawtooth as saw_symbolic
from derivations.tables import approximation as approx_tables
from derivations.tables import derivative_kinds as kinds_tables

DATA = data_file("deep")
SETTINGS = DATA["approximation"]


@pytest.fixture(scope="module")
def errors():
    return approx_tables.errors(SETTINGS)


def test_certified_and_numpy_largest_errors_agree_and_shrink(errors):
    values = [float(ball.mid()) for ball, *_ in errors.values()]
    assert values == sorted(values, reverse=True)
    for ball, at, approx, approx_at in errors.values():
        assert ball.rad() < 1e-20
        assert abs(float(ball.mid()) - approx) < 1e-12 and approx_at in [float(p) for p in at]
    # doubling the units about halves the error once the steps are narrow
    assert values[-2] / values[-1] == pytest.approx(2, abs=0.1)


def test_each_doubling_at_least_about_halves_the_error_first_nearly_threefold(errors):
    """The page: every doubling at least roughly halves the largest error, the first ones cut it
    nearly threefold, the last ones close to twofold (1/n)."""
    values = [float(ball.mid()) for ball, *_ in errors.values()]
    units = list(errors)
    assert all(m == 2 * n for n, m in zip(units, units[1:]))
    ratios = [a / b for a, b in zip(values, values[1:])]
    assert all(r > 1.9 for r in ratios)
    assert all(2.5 < r < 3 for r in ratios[:2])
    assert all(abs(r - 2) < 0.1 for r in ratios[-2:])


def test_the_grid_maximum_is_below_the_true_maximum_and_close_to_it(errors):
    """Independently of both routes: a grid 50 times finer (NumPy) finds at least as large an error."""
    f = lambda x: np.sin(2 * np.pi * x)  # noqa: E731  (the data file's target, written out)
    for n, (ball, *_) in errors.items():
        x = np.linspace(0, 1, 20001)
        finer = np.abs(approx_numeric.approximant(f, 0.0, 1.0, n, SETTINGS["slope"])(x) - f(x)).max()
        assert float(ball.mid()) <= finer + 1e-12 and finer < 1.2 * float(ball.mid())


def test_one_unit_by_hand():
    """n = 1 on [0, 1]: f(0) + (f(1) − f(0)) σ(s (x − 1/2)), s = slope; at x = 1/2 exactly halfway."""
    f = lambda x: x ** 2  # noqa: E731
    g = approx_numeric.approximant(f, 0.0, 1.0, 1, 4)
    assert g(np.array([0.5]))[0] == pytest.approx(0.5, abs=1e-15)
    assert g(np.array([1.0]))[0] == pytest.approx(1 / (1 + np.exp(-2.0)), abs=1e-15)
    u = approx_symbolic.units(0, 1, 1, 4)
    assert u.centres == [sp.Rational(1, 2)] and u.steepness == 4


def test_the_table_has_no_disagreement(errors):
    table = approx_tables.errors_table(SETTINGS, errors)
    assert "✗" not in table and table.count("✓") == len(SETTINGS["units"])


def test_tent_composed_k_times_has_two_to_the_k_pieces_exactly_and_in_numpy():
    for k in DATA["depth_width"]["depths"]:
        g = saw_symbolic.iterate(k)
        assert len(saw_symbolic.pieces(g)) == 2 ** k == saw_numeric.pieces_of_deep(k)
        # by hand: T^k is 0 at even multiples of 2^−k and 1 at odd ones, linear between
        assert [Fraction(str(y)) for _, y in g] == [j % 2 for j in range(2 ** k + 1)]
        assert [Fraction(str(x)) for x, _ in g] == [Fraction(j, 2 ** k) for j in range(2 ** k + 1)]


def test_the_numpy_network_equals_the_exact_one_off_the_knots():
    k = 5
    xs = [fmpq(j, 1000) for j in range(1001)]
    g = saw_symbolic.iterate(k)
    exact = [np.interp(float(x), [float(a) for a, _ in g], [float(b) for _, b in g]) for x in xs]
    assert np.abs(saw_numeric.deep(np.array([float(x) for x in xs]), k) - exact).max() < 1e-12
    units = saw_symbolic.shallow(g)
    for x in xs[::37]:  # the one-hidden-layer network equals T^k between knots too
        assert float(saw_symbolic.evaluate_shallow(units, fmpq(0), x)) == pytest.approx(float(np.interp(
            float(x), [float(a) for a, _ in g], [float(b) for _, b in g])), abs=1e-12)


def test_a_shallow_network_of_n_units_has_at_most_n_plus_one_pieces():
    """Random units relu(±(x − c)) with their kinks c on the grid, so that a kink is not counted twice."""
    rng = np.random.default_rng(1)
    x = np.linspace(0, 1, 4097)
    for n in (1, 3, 7, 15):
        w, c, a = rng.choice([-1.0, 1.0], size=n), x[rng.integers(1, 4096, size=n)], rng.normal(size=n)
        y = np.maximum((x[:, None] - c) * w, 0) @ a
        slope = np.diff(y) / np.diff(x)
        assert 1 + np.count_nonzero(np.abs(np.diff(slope)) > 1e-9) <= n + 1


def test_parameter_counts_by_hand():
    assert saw_symbolic.deep_parameters(1) == 2 + 2 + 2 + 1
    assert saw_symbolic.deep_parameters(3) == (2 + 2) + 2 * (4 + 2) + (2 + 1)
    assert saw_symbolic.shallow_parameters(16) == 16 * 3 + 1


def test_derivative_kinds_exact_numpy_and_finite_differences():
    d = DATA["derivatives"]
    got = kinds_tables.computed(d)
    shapes = {"scalar → scalar": (), "vector → scalar": (3,), "vector → vector": (2, 3)}
    for kind, (exact, approx) in got.items():
        assert approx.shape == shapes[kind]
        exact = np.array(sp.N(exact, 30).tolist() if hasattr(exact, "tolist") else sp.N(exact, 30), dtype=float)
        assert np.abs(exact.reshape(approx.shape) - approx).max() < 1e-12
    eps, sigma = 1e-6, kinds_numeric.sigmoid
    x, w, W, b = (np.array(d[k], float) for k in ("x", "w", "W", "b"))
    fd = (sigma(d["z"] + eps) - sigma(d["z"] - eps)) / (2 * eps)
    assert fd == pytest.approx(float(got["scalar → scalar"][1]), abs=1e-9)
    loss = lambda v: 0.5 * (d["t"] - sigma(v @ x)) ** 2  # noqa: E731
    grad = [(loss(w + eps * e) - loss(w - eps * e)) / (2 * eps) for e in np.eye(3)]
    assert np.abs(np.array(grad) - got["vector → scalar"][1]).max() < 1e-9
    jac = np.array([(sigma(W @ (x + eps * e) + b) - sigma(W @ (x - eps * e) + b)) / (2 * eps) for e in np.eye(3)]).T
    assert np.abs(jac - got["vector → vector"][1]).max() < 1e-9


def test_the_figures_hold_what_the_captions_say():
    from pathlib import Path
    generated = Path(__file__).resolve().parents[1] / "docs" / "generated"
    approx = (generated / "approximation" / "approximation.svg").read_text(encoding="utf-8")
    for n in SETTINGS["shown"]:
        assert f"n = {n}" in approx
    tent = (generated / "depth_width" / "tent.svg").read_text(encoding="utf-8")
    for k in DATA["depth_width"]["shown"]:
        assert f"k = {k}: {2 ** k} pieces" in tent

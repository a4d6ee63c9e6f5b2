"""Universal approximation shown (``docs/deep.md``, "Universal approximation, shown"): one hidden
layer of n sigmoid units built to follow a curve, its largest error on a grid for growing n, in a
table and a figure.

Certified errors from :mod:`derivations.symbolic.approximation` (exact knots, ball arithmetic),
float64 from :mod:`derivations.numeric.approximation`; the target and the settings live in
``derivations/problems/deep.toml``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.numeric import approximation as numeric
from derivations.problems import data_file
from derivations.symbolic import approximation as symbolic
from derivations.tables.certain import certain
from derivations.tables.common import AGREEMENT, check, display, plain, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import tr

CHAPTER = "approximation"
"""The folder under ``docs/generated/`` written (the data is ``deep.toml``'s [approximation])."""

COLOURS = ("#e0803a", "#3b8fd9", "#3fae6a")


def generate() -> dict[str, str]:
    settings = data_file("deep")["approximation"]
    computed = errors(settings)
    files = {"target.md": target_text(settings), "errors.md": errors_table(settings, computed),
             "approximation.svg": figure(settings, computed)}
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def target(settings: dict) -> sp.Expr:
    return sp.sympify(settings["target"], locals={"x": symbolic.x})


def errors(settings: dict) -> dict[int, tuple]:
    """For each n: (the largest error as a ball, every grid point that may hold it, NumPy's largest
    error, where NumPy found it)."""
    f, (a, b) = target(settings), settings["interval"]
    where = symbolic.grid(a, b, settings["grid"])
    g = sp.lambdify(symbolic.x, f, "numpy")
    out = {}
    for n in settings["units"]:
        balls = symbolic.errors(f, symbolic.units(a, b, n, settings["slope"]), where)
        value, at = symbolic.largest(balls)
        out[n] = (value, [where[i] for i in at], *numeric.max_error(g, a, b, n, settings["slope"], settings["grid"]))
    return out


def target_text(settings: dict) -> str:
    f, (a, b) = target(settings), settings["interval"]
    n = sp.Symbol("n")
    return (display(rf"f(x) = {sp.latex(f)} \quad \text{{on }} [{a}, {b}], \qquad "
                    rf"s = \frac{{{settings['slope']}}}{{h}} = {settings['slope']}\, n"
                    if (b - a) == 1 else rf"f(x) = {sp.latex(f)} \quad \text{{on }} [{a}, {b}]")
            + "\n" + tr("largest error over {grid} evenly spaced points of the interval, {error}",
                         grid=settings["grid"],
                         error=f"$\\max_k \\lvert f_{{{sp.latex(n)}}}(x_k) - f(x_k) \\rvert$") + "\n")


def errors_table(settings: dict, computed: dict) -> str:
    rows, previous = [], None
    for n, (ball, at, approx, approx_at) in computed.items():
        value = certain(ball)
        ratio = "" if previous is None else certain(previous / ball, 2)
        previous = ball
        agrees = abs(float(ball.mid()) - approx) < AGREEMENT and approx_at in [float(p) for p in at]
        rows.append((n, 3 * n + 1, value, ", ".join(plain(Fraction(int(p.p), int(p.q))) for p in at), ratio,
                     check(agrees)))
    header = [tr("units {n}", n="$n$"), tr("parameters"), tr("largest error"), tr("at {x}", x="$x$"),
              tr("ratio to the previous"), tr("NumPy agrees")]
    return table(header, rows, "rrrrrc")


def figure(settings: dict, computed: dict) -> str:
    """Left: f and f_n for the shown n. Right: the largest error against n, both axes logarithmic."""
    f, (a, b) = target(settings), settings["interval"]
    g = sp.lambdify(symbolic.x, f, "numpy")

    def draw(left, right):
        x = np.linspace(a, b, 600)
        left.plot(x, g(x), color="black", linewidth=2.2, label="f")
        for colour, n in zip(COLOURS, settings["shown"]):
            left.plot(x, numeric.approximant(g, a, b, n, settings["slope"])(x), color=colour,
                      linewidth=1.4, label=f"n = {n}")
        left.set_xlabel("x")
        left.legend(frameon=False, fontsize=8)
        ns = np.array(list(computed))
        errs = np.array([float(c[0].mid()) for c in computed.values()])
        right.loglog(ns, errs, "o-", color=COLOURS[1], label=tr("largest error"))
        right.loglog(ns, errs[0] * ns[0] / ns, ":", color="black", label=tr("1/n (for comparison)"))
        right.set_xticks(ns, [str(n) for n in ns])
        right.set_yticks(errs, [f"{e:.3f}" for e in errs])
        right.minorticks_off()
        right.set_xlabel(tr("units n"))
        right.legend(frameon=False, fontsize=8)

    return svg_figure(draw, figsize=(9.0, 3.6), panels=2)

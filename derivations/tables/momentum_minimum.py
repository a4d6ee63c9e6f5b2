"""Momentum at a local minimum (``docs/learning.md``, "Momentum and a local minimum"): a function
with two minima, its critical points exact, and every iterate of plain gradient descent and of
momentum from two starts, in a table and a figure.

Iterates come from :mod:`derivations.symbolic.momentum_minimum` (50 digits) beside
:mod:`derivations.numeric.momentum_minimum` (float64, the project's Keras SGD); the function and
the runs live in ``derivations/problems/momentum.toml``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import momentum_minimum as numeric
from derivations.problems import data_file, errata
from derivations.symbolic import momentum_minimum as symbolic
from derivations.tables.common import display, fixed, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import both, localized, tr

CHAPTER = "momentum"
"""The data file read, and the folder under ``docs/generated/`` written."""

COLOURS = ("#e0803a", "#3b8fd9", "#3fae6a")
"""Mid-tone line colours, readable on white and on Material's near-black."""

MINIMUM = {"global": "global minimum", "local": "local minimum"}
"""The two minima's names (to translate where written), by the key :func:`minima` gives them."""

AGREEMENT = 1e-12
"""How close every float64 iterate must come to the 50-digit one."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    computed = runs(data)
    files = {
        "quotes.md": quotes(data),
        "function.md": function_text(data),
        "settings.md": settings_text(data),
        "runs.md": runs_table(data, computed),
        "iterates.md": iterates_table(data, computed),
        "momentum.svg": figure(data, computed),
        "errata.md": errata_table(data),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def quotes(data: dict) -> str:
    """The note's sentences under their source: in English with the Korean and its gloss, in Korean
    as the note wrote them."""
    out = []
    for q in data["quotes"]:
        source = f"> — `{q['source']}` {q['section']}\n"
        out.append(both(f"> {q['text']}\n>\n> *{q['english']}*\n>\n{source}", f"> {q['text']}\n>\n{source}"))
    return "\n".join(out)


def function(data: dict) -> sp.Expr:
    return symbolic.polynomial(data["function"]["coefficients"])


def minima(data: dict) -> dict[str, symbolic.Critical]:
    """The two minima by name: "global" is the lower, "local" the other."""
    found = sorted((c for c in symbolic.critical_points(function(data)) if c.kind == "minimum"),
                   key=lambda c: c.value.evalf(symbolic.DIGITS))
    if len(found) != 2:
        raise ValueError(f"the function must have two minima, it has {len(found)}")
    return {"global": found[0], "local": found[1]}


def runs(data: dict) -> dict[str, tuple[list[sp.Float], np.ndarray]]:
    """Each run's iterates by name: 50-digit (SymPy, mpmath) and float64 (NumPy)."""
    s, f = data["settings"], function(data)
    out = {}
    for r in data["runs"]:
        mu = s["momentum"] if r["momentum"] else 0
        out[r["name"]] = (symbolic.run(f, r["start"], s["learning_rate"], mu, s["steps"]),
                          numeric.run(data["function"]["coefficients"], r["start"], s["learning_rate"], mu,
                                      s["steps"]))
    return out


def function_text(data: dict) -> str:
    f = function(data)
    crit = symbolic.critical_points(f)
    names = {c.at: name for name, c in minima(data).items()}
    rows = [(fixed(c.at.evalf(symbolic.DIGITS)), fixed(c.value.evalf(symbolic.DIGITS)),
             tr(MINIMUM[names[c.at]]) if c.kind == "minimum" else tr("maximum"),
             tr("yes") if symbolic.moves_from_rest(f, c.at, data["settings"]["learning_rate"]) else tr("no"))
            for c in crit]
    return (display(rf"f(x) = {sp.latex(f)}, \qquad f'(x) = {sp.latex(sp.diff(f, symbolic.x))}")
            + "\n" + table([tr("$x$, a real root of $f'$"), "$f(x)$", tr("kind"), tr("a step from rest there moves?")],
                           rows, "rrll"))


def settings_text(data: dict) -> str:
    s = data["settings"]
    return tr("learning rate {eta}, momentum {mu} (plain gradient descent: {zero}), {steps} steps, {v0}",
              eta=f"$\\eta = {s['learning_rate']}$", mu=f"$\\mu = {s['momentum']}$", zero="$\\mu = 0$",
              steps=s["steps"], v0="$v_0 = 0$") + "\n"


def _gap(exact: list[sp.Float], floats: np.ndarray) -> float:
    return max(abs(float(e) - f) for e, f in zip(exact, floats))


def runs_table(data: dict, computed: dict) -> str:
    mins = minima(data)
    peak = next(c for c in symbolic.critical_points(function(data)) if c.kind == "maximum")
    peak_at = peak.at.evalf(symbolic.DIGITS)
    rows = []
    for r in data["runs"]:
        exact, floats = computed[r["name"]]
        last = exact[-1]
        near = min(mins, key=lambda name: abs(last - mins[name].at.evalf(symbolic.DIGITS)))
        crossed = next((k for k, v in enumerate(exact) if (v - peak_at) * (exact[0] - peak_at) < 0), None)
        gap = _gap(exact, floats)
        rows.append((localized(r, "name", CHAPTER), fixed(exact[0]), fixed(min(exact)),
                     tr("never") if crossed is None else tr("step {k}", k=crossed),
                     fixed(last), tr(MINIMUM[near]),
                     f"< {AGREEMENT:.0e} ✓" if gap < AGREEMENT else f"{gap:.1e} ✗"))
    header = [tr("run"), "$x_0$", tr("leftmost $x_k$"), tr("passes the maximum"), f"$x_{{{data['settings']['steps']}}}$",
              tr("nearest"), tr("NumPy gap, all steps")]
    return table(header, rows, "lrrlrlc")


def iterates_table(data: dict, computed: dict) -> str:
    names = [r["name"] for r in data["runs"]]
    columns = [computed[n][0] for n in names]
    rows = [(k, *(fixed(col[k]) for col in columns)) for k in range(len(columns[0]))]
    header = ["$k$", *("$x_k$, " + localized(r, "name", CHAPTER) for r in data["runs"])]
    return table(header, rows, "r" + "r" * len(names))


def figure(data: dict, computed: dict) -> str:
    """Left: f with each run's iterates on it. Right: x_k against k."""
    coefficients = np.asarray(data["function"]["coefficients"], dtype=float)
    mins = minima(data)

    def draw(left, right):
        grid = np.linspace(-2.0, 2.1, 400)
        left.plot(grid, np.polyval(coefficients, grid), color="black", linewidth=1.2)
        for colour, r in zip(COLOURS, data["runs"]):
            xs = computed[r["name"]][1]
            left.plot(xs, np.polyval(coefficients, xs), "o", color=colour, markersize=3, alpha=0.8,
                      label=localized(r, "name", CHAPTER))
            right.plot(np.arange(len(xs)), xs, color=colour, linewidth=1.6, label=localized(r, "name", CHAPTER))
        for name, c in mins.items():
            at = float(c.at.evalf(20))
            right.axhline(at, color="black", linewidth=0.8, linestyle=":", alpha=0.7)
            right.annotate(tr(MINIMUM[name]), (len(xs) - 1, at), textcoords="offset points",
                           xytext=(0, 4), ha="right", fontsize=9)
        left.set_xlabel("x")
        left.set_ylabel("f(x)")
        left.legend(frameon=False, fontsize=8, loc="upper center")
        right.set_xlabel(tr("step k"))
        right.set_ylabel("x_k")

    return svg_figure(draw, figsize=(9.0, 3.8), panels=2)


def errata_table(data: dict) -> str:
    f, rate = function(data), data["settings"]["learning_rate"]
    local = minima(data)["local"]
    rows = []
    for e in errata(data):
        if e.id != "escape-needs-speed":
            raise KeyError(f"no rendering for erratum {e.id!r}")
        stays = not symbolic.moves_from_rest(f, local.at, rate)
        derived = tr("from rest at the local minimum {x}: {outcome}",
                     x=f"$x = {fixed(local.at.evalf(symbolic.DIGITS))}$",
                     outcome=tr("$x_1 = x_0$ exactly, with or without momentum") if stays else both("it moves", "움직인다"))
        rows.append((f"`{e.source}` {e.section}", e.printed, derived, localized(e, "explanation", CHAPTER)))
    return table([tr("where"), tr("the note printed"), tr("derived"), tr("why")], rows)

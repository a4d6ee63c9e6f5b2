"""The vanishing gradient through depth on a concrete chain (``docs/activations.md``, "Depth:
sigmoid against ReLU"): ∂a_n/∂x through n one-unit layers, sigmoid, ReLU with every unit active,
and ReLU with one dead unit.

Exact values from :mod:`derivations.symbolic.depth_chain`, float64 from
:mod:`derivations.numeric.depth_chain`; the chain lives in ``derivations/problems/depth_chain.toml``.
"""

from __future__ import annotations

import mpmath
from flint import fmpq

from derivations.numeric import depth_chain as numeric
from derivations.problems import data_file
from derivations.symbolic import depth_chain as symbolic
from derivations.symbolic.decide import Decided, decide
from derivations.tables.common import table
from derivations.tables.language import tr

CHAPTER = "depth_chain"
"""The data file read, and the folder under ``docs/generated/`` written."""

SHOWN = 8
"""Significant digits printed (decided directly at eight, never rounded twice)."""

RELATIVE = 1e-12
"""How close float64 must come to the exact value, relative to it (the values span decades)."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    return {f"generated/{CHAPTER}/chain.md": chain_table(data), f"generated/{CHAPTER}/settings.md": settings(data)}


def biases(data: dict, dead: bool) -> list:
    out = [data["bias"]] * data["layers"]
    if dead:
        out[data["dead_layer"] - 1] = data["dead_bias"]
    return out


def columns(data: dict, digits: int = 17) -> dict[str, tuple[list[Decided], list[float]]]:
    """Each chain's ∂a_n/∂x: certified to ``digits`` significant digits, and in float64."""
    x, w = data["x"], data["weight"]
    specs = {"sigmoid": ("sigmoid", False), "ReLU, all active": ("relu", False),
             f"ReLU, layer {data['dead_layer']} dead": ("relu", True)}
    return {name: (symbolic.chain(x, w, biases(data, dead), f, digits), numeric.chain(x, w, biases(data, dead), f))
            for name, (f, dead) in specs.items()}


def scientific(value: Decided) -> str:
    """A value decided to eight significant digits, in short notation: ``2.3500329e-7``; never 0
    for a nonzero value; an exact integer (0, or ReLU's 1) as itself."""
    exact = value.decimal()
    if value.exact and exact == exact.to_integral_value():
        return str(int(exact))
    with mpmath.workdps(50):
        return mpmath.nstr(mpmath.mpf(str(exact)), 8, min_fixed=-4, max_fixed=1)


def agrees(exact: Decided, approx: float) -> bool:
    exact = float(exact)
    return exact == approx if exact == 0 else abs(approx - exact) <= RELATIVE * abs(exact)


def chain_table(data: dict) -> str:
    cols, shown = columns(data), columns(data, SHOWN)
    bound = fmpq(1, 4)
    rows = []
    for n in range(1, data["layers"] + 1):
        cells = [scientific(exact[n - 1]) for exact, _ in shown.values()]
        ok = all(agrees(exact[n - 1], floats[n - 1]) for exact, floats in cols.values())
        rows.append((n, cells[0], scientific(decide(bound ** n, SHOWN)), *cells[1:], "✓" if ok else "✗"))
    names = [tr("sigmoid"), tr("ReLU, all active"), tr("ReLU, layer {layer} dead", layer=data["dead_layer"])]
    header = [tr("layers {n}", n="$n$"), f"$\\partial a_n / \\partial x$, {names[0]}",
              tr("bound {power}", power="$(1/4)^n$"), *names[1:], tr("NumPy agrees")]
    return table(header, rows, "rrrrrc")


def settings(data: dict) -> str:
    return tr("{x}, every weight {w}, every bias {b}; in the last column layer {layer} has {dead}, so its "
              "{z} is negative", x=f"$a_0 = x = {data['x']}$", w=f"$w = {data['weight']}$",
              b=f"$b_k = {data['bias']}$", layer=data["dead_layer"], dead=f"$b = {data['dead_bias']}$",
              z="$z$") + "\n"

"""Depth against width (``docs/deep.md``, "Depth against width"): the tent map composed k times, its
linear pieces counted exactly and in NumPy, the units a deep and a one-hidden-layer ReLU network
need for it, and a figure of the first compositions.

Exact knots from :mod:`derivations.symbolic.sawtooth` (rationals), float64 from
:mod:`derivations.numeric.sawtooth`; the depths live in ``derivations/problems/deep.toml``.
"""

from __future__ import annotations

import numpy as np

from derivations.numeric import sawtooth as numeric
from derivations.problems import data_file
from derivations.symbolic import sawtooth as symbolic
from derivations.tables.common import check, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import tr
from derivations.tables.scripts import shown

CHAPTER = "depth_width"
"""The folder under ``docs/generated/`` written (the data is ``deep.toml``'s [depth_width])."""

COLOURS = ("#e0803a", "#3b8fd9", "#3fae6a", "#b05cc6")


def generate() -> dict[str, str]:
    settings = data_file("deep")["depth_width"]
    return {f"generated/{CHAPTER}/pieces.md": pieces_table(settings),
            f"generated/{CHAPTER}/tent.svg": figure(settings),
            f"generated/{CHAPTER}/numpy_sawtooth.md": shown("deep", "numpy_sawtooth")}


def row(k: int) -> tuple:
    g = symbolic.iterate(k)
    pieces = symbolic.pieces(g)
    units = symbolic.shallow(g)
    equal = all(symbolic.evaluate_shallow(units, g[0][1], x) == y for x, y in g)
    return (k, f"{2 * k} ({symbolic.deep_parameters(k)})", len(pieces), numeric.pieces_of_deep(k),
            len(pieces) - 1, f"{len(units)} ({symbolic.shallow_parameters(len(units))})", check(equal))


def pieces_table(settings: dict) -> str:
    rows = [row(k) for k in settings["depths"]]
    header = ["$k$", tr("deep (params)"), tr("pieces"), "NumPy", tr("shallow ≥"), tr("shallow built (params)"),
              tr("built = {power}", power="$T^k$")]
    return table(header, rows, "rrrrrrc")


def figure(settings: dict) -> str:
    """T^k on [0, 1] for the shown k, drawn through its exact knots."""
    def draw(ax):
        for colour, k in zip(COLOURS, settings["shown"]):
            g = symbolic.iterate(k)
            ax.plot([float(x) for x, _ in g], [float(y) for _, y in g], color=colour, linewidth=1.5,
                    label=tr("k = {k}: {count} pieces", k=k, count=len(symbolic.pieces(g))))
        ax.set_xlabel("x")
        ax.set_ylabel("T^k(x)")
        ax.set_xticks(np.linspace(0, 1, 5))
        ax.legend(frameon=False, fontsize=8, loc="upper center", ncol=len(settings["shown"]),
                  bbox_to_anchor=(0.5, 1.18))

    return svg_figure(draw, figsize=(7.5, 3.4))

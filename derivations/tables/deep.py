"""Deep, dense and recurrent networks (``docs/deep.md``): which of the notes' networks are deep,
how many connections their dense layers have, a tiny recurrence unrolled against the same network
without its loop, the notes' sentences quoted and their slips.

Exact values from :mod:`derivations.symbolic.recurrence` (SymPy), float64 from
:mod:`derivations.numeric.recurrence`; the networks and the recurrence live in
``derivations/problems/deep.toml``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import recurrence as numeric
from derivations.problems import backprop_problem, data_file, errata
from derivations.symbolic import recurrence as symbolic
from derivations.tables.certain import certain
from derivations.tables.common import AGREEMENT, check, display, table
from derivations.tables.figures import svg_figure
from derivations.tables.scripts import shown

CHAPTER = "deep"
"""The data file read, and the folder under ``docs/generated/`` written."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    files = {f"quote-{q['id']}.md": quote(q) for q in data["quotes"]}
    files |= {
        "networks.md": networks_table(data),
        "recurrence.md": recurrence_text(data),
        "first_step.md": first_step(data),
        "unrolled.md": unrolled_table(data),
        "reach.md": reach_table(data),
        "loops.svg": loops_figure(),
        "node_order.md": node_order_table(),
        "errata.md": errata_table(data),
        "numpy_recurrence.md": shown("deep", "numpy_recurrence"),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def quote(q: dict) -> str:
    return f"> {q['text']}\n>\n> *{q['english']}*\n>\n> — `{q['source']}` {q['section']}\n"


# --- Deep and dense --------------------------------------------------------------------------------

def connections(widths: list[int]) -> int:
    """Every neuron of a layer joined to every neuron of the layer before: Σ n_{l−1} n_l edges."""
    return sum(a * b for a, b in zip(widths, widths[1:]))


def dependencies(widths: list[int]) -> int:
    """Entries of ∂z_l/∂a_{l−1} that are not identically zero, summed over the layers, with every
    weight a symbol (SymPy): each is one edge along which an input reaches a neuron."""
    total = 0
    for l, (n_in, n_out) in enumerate(zip(widths, widths[1:])):
        a = sp.Matrix(sp.symbols(f"a1:{n_in + 1}"))
        W = sp.Matrix(n_out, n_in, lambda i, j: sp.Symbol(f"w{l}_{i}_{j}"))
        b = sp.Matrix(sp.symbols(f"b{l}_1:{n_out + 1}"))
        total += sum(1 for entry in (W * a + b).jacobian(a) if entry != 0)
    return total


def networks_table(data: dict) -> str:
    rows = []
    for net in data["networks"]:
        w = net["widths"]
        hidden = len(w) - 2
        edges = connections(w)
        rows.append((net["name"], "-".join(map(str, w)), hidden, "yes" if hidden >= 2 else "no",
                     len(w) - 1, len(w), edges, sum(w[1:]), edges + sum(w[1:]),
                     check(dependencies(w) == edges)))
    header = ["network", "widths", "hidden layers", "deep by 002 (2 or more hidden)",
              "layers with weights", "layers with the input", "weights (connections)", "biases",
              "parameters", "every input reaches every neuron (SymPy)"]
    return table(header, rows, "llrlrrrrrc")


# --- Feed-forward against recurrent ----------------------------------------------------------------

def recurrence(data: dict, loop: bool = True):
    """The data file's recurrence: (W_xh, W_hh, b, h0) exact, W_hh zero without the loop."""
    r = data["recurrence"]
    W_hh = symbolic.matrix(r["W_hh"]) if loop else sp.zeros(*np.shape(r["W_hh"]))
    return symbolic.matrix(r["W_xh"]), W_hh, symbolic.column(r["b"]), symbolic.column(r["h0"])


def floats(data: dict, loop: bool = True):
    r = data["recurrence"]
    return r["W_xh"], (r["W_hh"] if loop else np.zeros(np.shape(r["W_hh"]))), r["b"], r["h0"]


def inputs(data: dict) -> list[sp.Rational]:
    return [sp.Rational(str(x)) for x in data["recurrence"]["xs"]]


def recurrence_text(data: dict) -> str:
    W_xh, W_hh, b, h0 = recurrence(data)
    xs = ", ".join(sp.latex(x) for x in inputs(data))
    return "\n".join(display(line) for line in (
        rf"W_{{xh}} = {sp.latex(W_xh)}, \quad W_{{hh}} = {sp.latex(W_hh)}",
        rf"b = {sp.latex(b)}, \quad h_0 = {sp.latex(h0)}", rf"(x_1, x_2, x_3) = ({xs})"))


def unrolled(data: dict, loop: bool = True):
    """h_1 … h_T: exact (SymPy) and float64 (NumPy)."""
    return (symbolic.unroll(*recurrence(data, loop), inputs(data)),
            numeric.unroll(*floats(data, loop), data["recurrence"]["xs"]))


def _agree(exact: sp.Matrix, approx) -> bool:
    return all(abs(float(sp.N(e, 30)) - a) < AGREEMENT for e, a in zip(exact, approx))


def first_step(data: dict) -> str:
    """h_1 exactly: with h_0 = 0 both networks give tanh of a rational."""
    exact, _ = unrolled(data)
    return display(rf"h_1 = {sp.latex(exact[0])} = " + sp.latex(sp.Matrix([sp.Symbol(certain(v)) for v in exact[0]])))


def unrolled_table(data: dict) -> str:
    (rec, rec_f), (ff, ff_f) = unrolled(data, True), unrolled(data, False)
    rows = [(t, data["recurrence"]["xs"][t - 1], certain(r[0]), certain(r[1]), certain(f[0]), certain(f[1]),
             check(_agree(r, rf) and _agree(f, ff)))
            for t, (r, rf, f, ff) in enumerate(zip(rec, rec_f, ff, ff_f), start=1)]
    header = ["$t$", "$x_t$", "RNN h[1]", "RNN h[2]", "FFNN h[1]", "FFNN h[2]", "NumPy agrees"]
    return table(header, rows, "rrrrrrc")


def reach(data: dict, loop: bool = True):
    """∂h_t/∂x_1: SymPy's derivative of the unrolled expressions, and NumPy's backpropagation through time."""
    return (symbolic.reach(*recurrence(data, loop), data["recurrence"]["xs"]),
            numeric.reach(*floats(data, loop), data["recurrence"]["xs"]))


def reach_table(data: dict) -> str:
    (rec, rec_f), (ff, ff_f) = reach(data, True), reach(data, False)
    shown = lambda v: certain(v) if v != 0 else "0 exactly"  # noqa: E731
    rows = [(t, *(shown(v) for v in r), *(shown(v) for v in f), check(_agree(r, rf) and _agree(f, ff)))
            for t, (r, rf, f, ff) in enumerate(zip(rec, rec_f, ff, ff_f), start=1)]
    header = ["$t$", "RNN ∂h[1]", "RNN ∂h[2]", "FFNN ∂h[1]", "FFNN ∂h[2]", "NumPy agrees"]
    return table(header, rows, "rrrrrc")


def loops_figure() -> str:
    """Three diagrams side by side: the feed-forward graph, the recurrent loop, the loop unrolled
    over three steps."""
    from matplotlib.patches import Circle, FancyArrowPatch

    blue, orange = "#3b8fd9", "#e0803a"

    def draw(ax):
        def node(xy, label, colour="black"):
            ax.add_patch(Circle(xy, 0.28, facecolor="none", edgecolor=colour, linewidth=1.6))
            ax.text(*xy, label, ha="center", va="center", fontsize=12)

        def arrow(start, end, colour="black", bend=0.0):
            ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=colour,
                                         linewidth=1.4, shrinkA=15, shrinkB=15,
                                         connectionstyle=f"arc3,rad={bend}"))

        def column(x, t=""):
            node((x, 0.0), f"$x{t}$")
            node((x, 1.0), f"$h{t}$", blue)
            node((x, 2.0), f"$y{t}$")
            arrow((x, 0.0), (x, 1.0))
            arrow((x, 1.0), (x, 2.0))

        for x, title in ((0.0, "feed-forward"), (2.2, "recurrent"), (6.2, "recurrent, unrolled")):
            ax.text(x, 2.75, title, ha="center", fontsize=11)
        column(0.0)
        column(2.2)
        arrow((2.45, 1.12), (2.45, 0.88), orange, bend=-2.2)
        ax.text(2.95, 1.0, "$W_{hh}$", ha="center", va="center", fontsize=10, color=orange)
        node((4.0, 1.0), "$h_0$", blue)
        for t in (1, 2, 3):
            x = 4.0 + 1.4 * t
            column(x, f"_{t}")
            arrow((x - 1.4, 1.0), (x, 1.0), orange)
            ax.text(x - 0.7, 1.22, "$W_{hh}$", ha="center", va="bottom", fontsize=10, color=orange)
        ax.set_xlim(-0.6, 8.6)
        ax.set_ylim(-0.5, 3.0)
        ax.set_aspect("equal")
        ax.axis("off")

    return svg_figure(draw, figsize=(9.0, 3.3))


# --- Slips -----------------------------------------------------------------------------------------

def node_order() -> tuple[sp.Expr, sp.Expr]:
    """The 2-2-2 example's first hidden node, h1 = σ(W1 x1 + W2 x2), against the note's order of
    operations, σ(W1 x1) + σ(W2 x2)."""
    p = backprop_problem(data_file("backprop_2_2_2")["inputs"])
    x = [sp.Rational(v.numerator, v.denominator) for v in p.x]
    w = [sp.Rational(v.numerator, v.denominator) for v in p.weights[:2]]
    sigma = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
    return sigma(w[0] * x[0] + w[1] * x[1]), sigma(w[0] * x[0]) + sigma(w[1] * x[1])


def node_order_table() -> str:
    summed, note = node_order()
    rows = [("sum, then activation (a node)", r"$\sigma(W_1 x_1 + W_2 x_2)$", f"${sp.latex(summed)}$", certain(summed)),
            ("activation, then sum (the note's order)", r"$\sigma(W_1 x_1) + \sigma(W_2 x_2)$",
             f"${sp.latex(note)}$", certain(note))]
    return table(["order", "formula", "exactly", "value"], rows, "lllr")


def errata_table(data: dict) -> str:
    rows = [(f"`{e.source}` {e.section}", e.printed, e.quantity, e.explanation) for e in errata(data)]
    return table(["where", "the note printed", "about", "why"], rows)

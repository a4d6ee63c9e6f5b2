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
from derivations.tables.certain import DIGITS, certain
from derivations.tables.common import AGREEMENT, check, display, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import both, localized, tr
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
    """The note's sentence as written; the English edition adds its translation, the Korean one
    needs none."""
    source = f"> — `{q['source']}` {q['section']}\n"
    return both(f"> {q['text']}\n>\n> *{q['english']}*\n>\n{source}", f"> {q['text']}\n>\n{source}")


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
        biases = sum(w[1:]) if net["biases"] else 0  # the 2-2-2 example has none (its biases_source)
        rows.append((localized(net, "name", "deep.toml"), "-".join(map(str, w)), hidden,
                     tr("yes") if hidden >= 2 else tr("no"),
                     len(w) - 1, len(w), edges, biases, edges + biases,
                     check(dependencies(w) == edges)))
    header = [tr("network"), tr("widths"), tr("hidden layers"), tr("deep by 002 (2 or more hidden)"),
              tr("layers with weights"), tr("layers with the input"), tr("weights (connections)"), tr("biases"),
              tr("parameters"), tr("every input reaches every neuron (SymPy)")]
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


def digits(values: list[sp.Matrix]) -> list[list[sp.Expr]]:
    """Each entry of the exact matrices evaluated once, to :data:`~derivations.tables.certain.DIGITS`
    digits (an exact 0 stays 0)."""
    return [[v if v == 0 else sp.N(v, DIGITS) for v in m] for m in values]


def unrolled(data: dict, loop: bool = True):
    """h_1 … h_T: exact (SymPy), evaluated to 60 digits, and float64 (NumPy)."""
    return (digits(symbolic.unroll(*recurrence(data, loop), inputs(data))),
            numeric.unroll(*floats(data, loop), data["recurrence"]["xs"]))


def _agree(exact: list[sp.Expr], approx) -> bool:
    return all(abs(float(e) - a) < AGREEMENT for e, a in zip(exact, approx))


def first_step(data: dict) -> str:
    """h_1 exactly: with h_0 = 0 both networks give tanh of a rational."""
    h1 = symbolic.unroll(*recurrence(data), inputs(data)[:1])[0]
    return display(rf"h_1 = {sp.latex(h1)} = " + sp.latex(sp.Matrix([sp.Symbol(certain(v)) for v in h1])))


def unrolled_table(data: dict) -> str:
    (rec, rec_f), (ff, ff_f) = unrolled(data, True), unrolled(data, False)
    rows = [(t, data["recurrence"]["xs"][t - 1], certain(r[0]), certain(r[1]), certain(f[0]), certain(f[1]),
             check(_agree(r, rf) and _agree(f, ff)))
            for t, (r, rf, f, ff) in enumerate(zip(rec, rec_f, ff, ff_f), start=1)]
    header = ["$t$", "$x_t$", "RNN h[1]", "RNN h[2]", "FFNN h[1]", "FFNN h[2]", tr("NumPy agrees")]
    return table(header, rows, "rrrrrrc")


def reach(data: dict, loop: bool = True):
    """∂h_t/∂x_1: exact, carried forward in SymPy, and NumPy's backpropagation through time."""
    return (digits(symbolic.reach(*recurrence(data, loop), data["recurrence"]["xs"])),
            numeric.reach(*floats(data, loop), data["recurrence"]["xs"]))


def reach_table(data: dict) -> str:
    (rec, rec_f), (ff, ff_f) = reach(data, True), reach(data, False)
    shown = lambda v: certain(v) if v != 0 else tr("0 exactly")  # noqa: E731
    rows = [(t, *(shown(v) for v in r), *(shown(v) for v in f), check(_agree(r, rf) and _agree(f, ff)))
            for t, (r, rf, f, ff) in enumerate(zip(rec, rec_f, ff, ff_f), start=1)]
    header = ["$t$", "RNN ∂h[1]", "RNN ∂h[2]", "FFNN ∂h[1]", "FFNN ∂h[2]", tr("NumPy agrees")]
    return table(header, rows, "rrrrrc")


def loops_figure() -> str:
    """Three diagrams side by side: the feed-forward graph, the recurrent loop, the loop unrolled
    over three steps. Nodes are one scatter, arrows one quiver per colour (cheap to draw)."""
    from matplotlib.patches import Arc

    blue, orange, radius = "#3b8fd9", "#e0803a", 0.28

    def draw(ax):
        nodes, edges = [], {"black": [], orange: []}

        def column(x, t=""):
            for y, name, colour in ((0.0, "x", "black"), (1.0, "h", blue), (2.0, "y", "black")):
                nodes.append((x, y, f"${name}{t}$", colour))
            edges["black"] += [((x, 0.0), (x, 1.0)), ((x, 1.0), (x, 2.0))]

        for x, title in ((0.0, tr("feed-forward")), (2.2, tr("recurrent")), (6.2, tr("recurrent, unrolled"))):
            ax.text(x, 2.75, title, ha="center", fontsize=11)
        column(0.0)
        column(2.2)
        ax.add_patch(Arc((2.62, 1.0), 0.5, 0.42, theta1=-150, theta2=150, color=orange, linewidth=1.6))
        edges[orange].append(((2.56, 0.79), (2.44, 0.85)))  # the loop's arrowhead, pointing back into h
        ax.text(3.2, 1.0, "$W_{hh}$", ha="center", va="center", fontsize=10, color=orange)
        nodes.append((4.0, 1.0, "$h_0$", blue))
        for t in (1, 2, 3):
            x = 4.0 + 1.4 * t
            column(x, f"_{t}")
            edges[orange].append(((x - 1.4, 1.0), (x, 1.0)))
            ax.text(x - 0.7, 1.12, "$W_{hh}$", ha="center", va="bottom", fontsize=10, color=orange)
        xs, ys, labels, colours = zip(*nodes)
        ax.scatter(xs, ys, s=1500, facecolors="none", edgecolors=colours, linewidths=1.6)
        for x, y, label, _ in nodes:
            ax.text(x, y, label, ha="center", va="center", fontsize=12)
        for colour, pairs in edges.items():
            (x0, y0), (x1, y1) = np.array([p[0] for p in pairs]).T, np.array([p[1] for p in pairs]).T
            dx, dy = x1 - x0, y1 - y0
            length = np.hypot(dx, dy)
            trim = np.where(length > 0.2, radius, 0.0) / length  # a node's edge to a node's edge
            ax.quiver(x0 + dx * trim, y0 + dy * trim, dx * (1 - 2 * trim), dy * (1 - 2 * trim), color=colour,
                      angles="xy", scale_units="xy", scale=1, width=0.004, headwidth=5, headlength=6)
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
    rows = [(tr("sum, then activation (a node)"), r"$\sigma(W_1 x_1 + W_2 x_2)$", f"${sp.latex(summed)}$",
             certain(summed)),
            (tr("activation, then sum (the note's order)"), r"$\sigma(W_1 x_1) + \sigma(W_2 x_2)$",
             f"${sp.latex(note)}$", certain(note))]
    return table([tr("order"), tr("formula"), tr("exactly"), tr("value")], rows, "lllr")


def errata_table(data: dict) -> str:
    rows = [(f"`{e.source}` {e.section}", e.printed, localized(e, "quantity", "deep.toml"),
             localized(e, "explanation", "deep.toml")) for e in errata(data)]
    return table([tr("where"), tr("the note printed"), tr("about"), tr("why")], rows)

"""Tables and NumPy session of ``docs/graph.md``: the computational graph, each node's local gradient
and one sigmoid neuron taken apart node by node.

Values come from :mod:`derivations.symbolic.graph` (exact); :mod:`derivations.numeric.graph` and
the general dense module give the NumPy columns. The notes' slip is read from ``dense.toml``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import dense as numeric
from derivations.numeric import graph as numeric_graph
from derivations.problems import data_file, errata
from derivations.symbolic import dense as symbolic
from derivations.symbolic import graph as symbolic_graph
from derivations.tables.common import check, display, fixed, math, table
from derivations.tables.language import localized, tr
from derivations.tables.scripts import shown

CHAPTER = "dense"
"""The data file read, and the folder under ``docs/generated/`` written."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    files = {
        "graph_errata.md": errata_table(data),
        "gates.md": gates_table(),
        "sigmoid_node.md": sigmoid_node_derivation(),
        "neuron_graph.md": neuron_graph_table(data),
        "numpy_graph.md": shown(CHAPTER, "numpy_graph"),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def errata_table(data: dict) -> str:
    """The slip of note 004 (the sigmoid's local gradient), beside what is derived."""
    rows = []
    for e in (e for e in errata(data) if e.source.startswith("004")):
        if e.quantity != "sigmoid_local":
            raise KeyError(f"no rendering for erratum {e.id!r}")
        derived = math(r"f \cdot (1 - f) = " + sp.latex(sp.expand(symbolic_graph.sigmoid_local_in_output())))
        rows.append((f"`{e.source}` {e.section}", e.printed, derived, localized(e, "explanation", f"{CHAPTER}.toml")))
    return table([tr("where"), tr("the note printed"), tr("derived"), tr("why")], rows)


NODE_FORMS = {"add": "x + y", "multiply": r"x \cdot y", "max": r"\max\left(x, y\right)",
              "sigmoid": r"\sigma(x) = \frac{1}{1 + e^{- x}}"}


RULES = {"add": tr("copies the upstream gradient to both inputs"),
         "multiply": tr("gives each input the upstream gradient times the *other* input"),
         "max": tr("sends the upstream gradient to the larger input only (on a tie, to the first)"),
         "sigmoid": tr("multiplies the upstream gradient by the output times one minus the output")}

NODE_NAMES = {"add": tr("add"), "multiply": tr("multiply"), "max": "max", "sigmoid": tr("sigmoid"),
              "loss": tr("loss")}
"""Each node's name as a page shows it (``max`` is the function's own name)."""


def _heaviside_as_cases(expr: sp.Expr) -> str:
    """Heaviside(a, h0) as 1 for a > 0, h0 at 0, else 0 (latex2mathml has no \\theta form)."""
    (arg, at_zero) = expr.args
    if at_zero == 1:
        return rf"\begin{{cases}} 1 & {sp.latex(arg)} \geq 0 \\ 0 & \text{{{tr('otherwise')}}} \end{{cases}}"
    return rf"\begin{{cases}} 1 & {sp.latex(arg)} > 0 \\ 0 & \text{{{tr('otherwise')}}} \end{{cases}}"


def gates_table() -> str:
    rows = []
    for node, (rule, inputs) in symbolic_graph.NODES.items():
        if node == "loss":
            continue
        gradients = symbolic_graph.local_gradients(node)
        shown = [_heaviside_as_cases(g) if isinstance(g, sp.Heaviside) else sp.latex(g) for g in gradients]
        local = ", ".join(math(rf"\frac{{\partial\, \mathrm{{out}}}}{{\partial {sp.latex(v)}}} = {s}")
                          for v, s in zip(inputs, shown))
        rows.append((NODE_NAMES[node], math(NODE_FORMS[node]), local, RULES[node]))
    return table([tr("node"), tr("forward: out ="), tr("local gradients (SymPy)"), tr("backward rule")], rows, "llll")


def sigmoid_node_derivation() -> str:
    (derivative,) = symbolic_graph.local_gradients("sigmoid")
    in_output = symbolic_graph.sigmoid_local_in_output()
    f = sp.Symbol("f")
    if sp.expand(in_output - f * (1 - f)) != 0:
        raise ArithmeticError(f"the sigmoid's local gradient became {in_output}, not f(1 − f)")
    return "\n".join([
        display(rf"\frac{{d\sigma}}{{dx}} = {sp.latex(derivative)}"),
        display(r"e^{- x} = \frac{1 - f}{f} \quad \text{" + tr("with ") + r"} f = \sigma(x)"),
        display(rf"\frac{{d\sigma}}{{dx}} = {sp.latex(in_output)} = f \left(1 - f\right)"),
    ])


def neuron_graph_table(data: dict) -> str:
    g = data["graph"]
    steps = symbolic_graph.neuron_graph(g["x"], g["w"], g["b"], g["t"])
    floats = numeric_graph.neuron_graph(tuple(g["x"]), tuple(g["w"]), g["b"], g["t"])
    layer = numeric.Layer(np.array([[g["w"][0]], [g["w"][1]]]), np.array([g["b"]]), "sigmoid")
    _, (dense_grads,) = numeric.loss_and_gradients([layer], np.array([g["x"]]), np.array([[g["t"]]]), "half_sse")
    dense = {"dL_dw1": dense_grads.weights[0, 0], "dL_dw2": dense_grads.weights[1, 0], "dL_db": dense_grads.biases[0]}
    rows = []
    for step in steps:
        node_value = step.output
        for name, local, down in zip(step.inputs, step.local, step.downstream):
            key = f"dL_d{name}"
            agrees = abs(floats[key] - float(symbolic.evaluate(down))) < 1e-15 if key in floats else True
            dense_cell = (f"{fixed(dense[key])} {check(abs(dense[key] - float(symbolic.evaluate(down))) < 1e-15)}"
                          if key in dense else "")
            rows.append((NODE_NAMES[step.node], math(f"{node_value} = {fixed(symbolic.evaluate(step.value))}"),
                         fixed(symbolic.evaluate(step.upstream)), math(rf"\frac{{\partial {node_value}}}{{\partial {name}}}")
                         + " = " + fixed(symbolic.evaluate(local)),
                         math(rf"\frac{{\partial L}}{{\partial {name}}}") + " = " + fixed(symbolic.evaluate(down)),
                         check(agrees), dense_cell))
    header = [tr("node"), tr("forward value"), tr("upstream gradient"), tr("local gradient"), tr("upstream × local"),
              tr("NumPy nodes"), tr("dense module")]
    return table(header, rows, "llrllcl")



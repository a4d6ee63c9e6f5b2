"""``solve`` on the 2-2-2 form: the notes' network with any inputs, under the notes' names
(z1 … o2, E_total, dE_dW1 … dE_dW8, W1_new …, E_total_new, and every chain-rule factor)."""

from __future__ import annotations

from typing import Any

from derivations.problems import WEIGHT_PLACES, BackpropProblem, as_dense
from derivations.problems.registry import SOLVE_DIGITS
from derivations.solve.numbers import Float, to_json

FORWARD_NAMES = "z1 z2 h1 h2 z3 z4 o1 o2 E_o1 E_o2 E_total".split()

JSON_KEYS = (
    FORWARD_NAMES
    + [f"dE_dW{i}" for i in range(1, 9)]
    + [f"W{i}_new" for i in range(1, 9)]
    + ["E_total_new"]
)
"""The flat JSON object of ``solve --format json``, in this order."""


def symbolic(problem: BackpropProblem, digits: int = SOLVE_DIGITS, notify=lambda prec: None) -> dict[str, Any]:
    """Every named value (chain-rule factors included) to ``digits`` certain digits."""
    from derivations.symbolic.backprop_2_2_2 import certified

    return certified(problem, digits, notify)


def numeric(problem: BackpropProblem) -> dict[str, Float]:
    """The JSON's values from the NumPy route (the general engine of
    :mod:`derivations.numeric.dense` on the same network; the biases are not updated)."""
    import numpy as np

    from derivations.numeric import dense

    p = as_dense(problem)
    as_array = lambda rows: np.array([[float(v) for v in row] for row in rows])  # noqa: E731
    with np.errstate(all="ignore"):  # an overflow shows as inf, which Float refuses
        layers = [dense.Layer(as_array(layer.weights), as_array([layer.biases])[0], layer.activation)
                  for layer in p.layers]
        X, T = as_array(p.x), as_array(p.targets)
        values: dict[str, float] = {}
        loss, gradients = dense.loss_and_gradients(layers, X, T, "half_sse")
        rate = float(p.learning_rate)
        updated = [dense.Layer(layer.weights - rate * g.weights, layer.biases, layer.activation)
                   for layer, g in zip(layers, gradients)]
        for suffix, net in (("", layers), ("_new", updated)):
            caches = dense.forward(net, X)
            d = dense.difference("sigmoid", caches[-1], T)[0]
            row = list(caches[0].Z[0]) + list(caches[0].A[0]) + list(caches[1].Z[0]) + list(caches[1].A[0])
            named = dict(zip("z1 z2 h1 h2".split(), row[:2] + row[2:4]))
            named |= dict(zip("z3 z4 o1 o2".split(), row[4:6] + row[6:]))
            named |= {"E_o1": d[0] ** 2 / 2, "E_o2": d[1] ** 2 / 2,
                      "E_total": dense.batch_loss(net[-1], caches[-1], T, "half_sse")}
            values |= {name + suffix: named[name] for name in FORWARD_NAMES}
    for i, (layer, row, col) in enumerate(WEIGHT_PLACES, start=1):
        values[f"dE_dW{i}"] = gradients[layer].weights[row, col]
        values[f"W{i}_new"] = updated[layer].weights[row, col]
    return {key: Float(values[key]) for key in JSON_KEYS}


def render_json(values: dict[str, Any]) -> str:
    chosen = {key: values[key] for key in JSON_KEYS}
    undecided = {key: v for key, v in chosen.items() if getattr(v, "digits", "") is None}
    if undecided:
        from derivations.solve.dense import Text

        chosen["undecided"] = {key: Text(f"|value| < 1e{v.bound}") for key, v in undecided.items()}
    return to_json(chosen) + "\n"


def render_markdown(problem: BackpropProblem, values: dict[str, Any], route: str) -> str:
    """The worked derivation as the notes lay it out: forward pass, each weight's chain rule with
    its factors' values, the update and the second forward pass."""
    import sympy as sp

    from derivations.symbolic import backprop_2_2_2 as s
    from derivations.tables.common import display, math, plain, table

    how = ("Every digit shown is certain (exact, or a certified interval)." if route == "symbolic"
           else "Values from the NumPy route, float64.")
    inputs = dict(zip(s.WEIGHTS, problem.weights)) | {
        s.x1: problem.x[0], s.x2: problem.x[1], s.target_o1: problem.targets[0],
        s.target_o2: problem.targets[1], s.b_hidden: problem.biases[0], s.b_output: problem.biases[1],
        s.alpha: problem.learning_rate}
    zero_biases = {b: 0 for b in (s.b_hidden, s.b_output) if inputs[b] == 0}
    shown = lambda name: values[name].latex() if name in values else "—"  # noqa: E731

    def forward(suffix: str) -> str:
        rows = [(math(sp.latex(q) + ("^{+}" if suffix else "")),
                 math(sp.latex(s.DEFINITIONS[q].xreplace(zero_biases))), math(shown(q.name + suffix)))
                for q in s.FORWARD]
        return table(("quantity", "definition", "value"), rows)

    def steps(weights) -> str:
        parts = []
        for w in weights:
            rule = s.chain_rule(w)
            factors = " ".join(rf"\left({shown(f.key)}\right)" for f in rule.factors)
            if route == "symbolic":
                parts.append(display(rule.latex()))
                parts.append(f"Factors, in order: {math(factors)}\n")
            parts.append(display(rf"\frac{{\partial E_{{total}}}}{{\partial {sp.latex(w)}}} = {shown(f'dE_d{w}')}"))
        return "\n".join(parts)

    update = table(("weight", "rule", "value"), [
        (math(sp.latex(w) + "^{+}"), math(rf"{plain(inputs[w])} - {plain(problem.learning_rate)} \cdot "
                                         rf"\frac{{\partial E_{{total}}}}{{\partial {sp.latex(w)}}}"),
         math(shown(f"{w}_new"))) for w in s.WEIGHTS])
    return "\n".join([
        "# The 2-2-2 sigmoid network, derived\n", how + "\n",
        "## Inputs\n", table(("symbol", "value"), [(math(sp.latex(k)), plain(v)) for k, v in inputs.items()]),
        "## Forward pass\n", forward(""),
        "## Step 1: output weights\n", steps(s.WEIGHTS[4:]),
        "## Step 2: hidden weights\n", steps(s.WEIGHTS[:4]),
        "## Update\n", update,
        "## Second forward pass\n", forward("_new"),
    ])

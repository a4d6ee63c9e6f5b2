"""``solve`` on the 2-2-2 form: the notes' network with any inputs, under the notes' names
(z1 … o2, E_total, dE_dW1 … dE_dW8, W1_new …, E_total_new, and every chain-rule factor)."""

from __future__ import annotations

from typing import Any

from derivations.problems import WEIGHT_PLACES, BackpropProblem, as_dense
from derivations.problems.registry import SOLVE_DIGITS
from derivations.solve.numbers import Float, to_json

FORWARD_NAMES = "z1 z2 h1 h2 z3 z4 o1 o2 E_o1 E_o2 E_total".split()

FACTOR_NAMES = (
    # step 1, the output weights: ∂E_total/∂W5 = ∂E_total/∂o1 · ∂o1/∂z3 · ∂z3/∂W5, …
    "dE_do1 do1_dz3 dz3_dW5 dz3_dW6 dE_do2 do2_dz4 dz4_dW7 dz4_dW8 "
    # step 2, the hidden weights: ∂E_total/∂h1 = ∂E_o1/∂h1 + ∂E_o2/∂h1, each down its output
    "dEo1_do1 dEo2_do2 dz3_dh1 dz4_dh1 dz3_dh2 dz4_dh2 dEo1_dh1 dEo2_dh1 dE_dh1 "
    "dEo1_dh2 dEo2_dh2 dE_dh2 dh1_dz1 dh2_dz2 dz1_dW1 dz1_dW2 dz2_dW3 dz2_dW4"
).split()
"""Every chain-rule factor, under the key the symbolic route derives it with (a test holds the two
lists equal), in the order the notes multiply them."""

JSON_KEYS = (
    FORWARD_NAMES
    + FACTOR_NAMES
    + [f"dE_dW{i}" for i in range(1, 9)]
    + [f"W{i}_new" for i in range(1, 9)]
    + [f"{name}_new" for name in FORWARD_NAMES]
)
"""The flat JSON object of ``solve --format json``, in this order: every value the worked example
shows (the page's live example marks each with its key)."""


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
            if not suffix:
                difference = d
    for i, (layer, row, col) in enumerate(WEIGHT_PLACES, start=1):
        values[f"dE_dW{i}"] = gradients[layer].weights[row, col]
        values[f"W{i}_new"] = updated[layer].weights[row, col]
    values |= factors(values, [float(v) for v in problem.x], [float(v) for v in problem.weights], difference)
    return {key: Float(values[key]) for key in JSON_KEYS}


def factors(v: dict[str, float], x: list[float], W: list[float], difference) -> dict[str, float]:
    """The chain-rule factors in float64, from the forward pass ``v``: ∂E/∂o = o − t (the engine's
    difference, without cancellation), ∂o/∂z = σ'(z), ∂z/∂W an input, ∂z/∂h a weight."""
    from derivations.numeric.activations import sigmoid_prime

    f = {"dE_do1": difference[0], "dE_do2": difference[1],
         "do1_dz3": sigmoid_prime(v["z3"]), "do2_dz4": sigmoid_prime(v["z4"]),
         "dz3_dW5": v["h1"], "dz3_dW6": v["h2"], "dz4_dW7": v["h1"], "dz4_dW8": v["h2"],
         "dz3_dh1": W[4], "dz3_dh2": W[5], "dz4_dh1": W[6], "dz4_dh2": W[7],
         "dh1_dz1": sigmoid_prime(v["z1"]), "dh2_dz2": sigmoid_prime(v["z2"]),
         "dz1_dW1": x[0], "dz1_dW2": x[1], "dz2_dW3": x[0], "dz2_dW4": x[1]}
    f = {key: float(value) for key, value in f.items()}  # Python floats: an overflow is inf, no warning
    f["dEo1_do1"], f["dEo2_do2"] = f["dE_do1"], f["dE_do2"]
    for h in ("h1", "h2"):
        f[f"dEo1_d{h}"] = f["dEo1_do1"] * f["do1_dz3"] * f[f"dz3_d{h}"]
        f[f"dEo2_d{h}"] = f["dEo2_do2"] * f["do2_dz4"] * f[f"dz4_d{h}"]
        f[f"dE_d{h}"] = f[f"dEo1_d{h}"] + f[f"dEo2_d{h}"]
    return f


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
        parts, summed = [], set()
        for w in weights:
            rule = s.chain_rule(w)
            factors = " ".join(rf"\left({shown(f.key)}\right)" for f in rule.factors)
            parts.append(display(rule.latex()))
            parts.append(f"Factors, in order: {math(factors)}\n")
            hidden = rule.local[0].of
            if len(rule.upstream) > 1 and hidden not in summed:  # ∂E_total/∂h = ∂E_o1/∂h + ∂E_o2/∂h, once per h
                summed.add(hidden)
                h = sp.latex(hidden)
                parts.append(display(rf"\frac{{\partial E_{{total}}}}{{\partial {h}}} = "
                                     rf"\frac{{\partial E_{{o1}}}}{{\partial {h}}} + \frac{{\partial E_{{o2}}}}{{\partial {h}}} = "
                                     rf"{shown(f'dEo1_d{hidden}')} + \left({shown(f'dEo2_d{hidden}')}\right) = {shown(f'dE_d{hidden}')}"))
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

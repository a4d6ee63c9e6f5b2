"""``solve`` on the general form: any dense network, a batch, one gradient-descent step."""

from __future__ import annotations

import json
from typing import Any

from derivations.problems import DenseProblem
from derivations.problems.registry import LOSSES, SOLVE_DIGITS
from derivations.solve.numbers import Float, latex_matrix, to_json

Path = tuple  # ("gradients", 0, "weights", i, j): where a value sits in the JSON


def paths(problem: DenseProblem) -> list[Path]:
    """Every printed value's place, in the JSON's order."""
    batch, outputs = len(problem.x), problem.layers[-1].units
    result = [("outputs", i, j) for i in range(batch) for j in range(outputs)] + [("loss",)]
    for part in ("gradients", "updated"):
        for n, layer in enumerate(problem.layers):
            result += [(part, n, "weights", i, j) for i in range(layer.inputs) for j in range(layer.units)]
            result += [(part, n, "biases", j) for j in range(layer.units)]
    return result + [("loss_new",)]


def pick(path: Path, outputs, loss, gradients, updated, loss_new) -> Any:
    """The value at ``path`` from a step's results (matrices indexed [i, j])."""
    head, *rest = path
    if head == "outputs":
        return outputs[rest[0], rest[1]]
    if head in ("loss", "loss_new"):
        return loss if head == "loss" else loss_new
    n, part, *index = rest
    layer = (gradients if head == "gradients" else updated)[n]
    return layer[0][index[0], index[1]] if part == "weights" else layer[1][0, index[0]]


def symbolic(problem: DenseProblem, digits: int = SOLVE_DIGITS, notify=lambda prec: None) -> dict[Path, Any]:
    """Each value to ``digits`` certain significant digits."""
    from derivations.symbolic import certified as engine
    from derivations.symbolic.decide import certify

    places = paths(problem)

    def values(prec: int) -> dict:
        step = engine.run(problem, prec)
        layers = lambda ls: [(layer.weights, layer.biases) for layer in ls]  # noqa: E731
        found = (step.first.A[-1], step.first.loss, layers(step.gradients), layers(step.updated),
                 step.second.loss)
        return {path: pick(path, *found) for path in places}

    return certify(values, digits, notify=notify)


def numeric(problem: DenseProblem) -> dict[Path, Float]:
    """The NumPy route's float64 values; one line (exit 2) if any leaves float64's range."""
    import numpy as np

    from derivations.numeric import dense

    as_array = lambda rows: np.array([[float(v) for v in row] for row in rows])  # noqa: E731
    with np.errstate(all="ignore"):  # an overflow shows as inf, refused below
        layers = [dense.Layer(as_array(layer.weights), as_array([layer.biases])[0], layer.activation)
                  for layer in problem.layers]
        X, T = as_array(problem.x), as_array(problem.targets)
        loss, gradients = dense.loss_and_gradients(layers, X, T, problem.loss)
        updated = dense.update(layers, gradients, float(problem.learning_rate))
        caches = dense.forward(updated, X)
        loss_new = dense.batch_loss(updated[-1], caches[-1], T, problem.loss)
        outputs = dense.forward(layers, X)[-1].A
    pairs = lambda ls: [(layer.weights, layer.biases[None, :]) for layer in ls]  # noqa: E731
    found = (outputs, loss, pairs(gradients), pairs(updated), loss_new)
    return {path: Float(pick(path, *found)) for path in paths(problem)}


class Text:
    """A string leaf of the JSON."""

    def __init__(self, text: str):
        self.text = text

    def json(self) -> str:
        return json.dumps(self.text)


def nest(values: dict[Path, Any]) -> dict:
    """The JSON object of ``solve``: paths become nested objects and arrays. Values whose sign
    stayed undecided are ``null``, listed under ``"undecided"`` with the bound on their size."""
    root: dict = {}
    for path, value in values.items():
        node: Any = root
        for key, next_key in zip(path, path[1:]):
            if isinstance(node, list):
                if len(node) == key:
                    node.append([] if isinstance(next_key, int) else {})
                node = node[key]
            else:
                node = node.setdefault(key, [] if isinstance(next_key, int) else {})
        node.append(value) if isinstance(node, list) else node.__setitem__(path[-1], value)
    undecided = {describe(p): Text(f"|value| < 1e{v.bound}") for p, v in values.items()
                 if getattr(v, "digits", "") is None}
    if undecided:
        root["undecided"] = undecided
    return root


def describe(path: Path) -> str:
    """``gradients[0].weights[1][2]``."""
    text = path[0]
    for key in path[1:]:
        text += f"[{key}]" if isinstance(key, int) else f".{key}"
    return text


def render_json(values: dict[Path, Any]) -> str:
    return to_json(nest(values)) + "\n"


def render_markdown(problem: DenseProblem, values: dict[Path, Any], route: str) -> str:
    """One gradient-descent step, as ``solve`` prints it (Markdown with LaTeX)."""
    from derivations.numeric.dense import summary
    from derivations.tables.common import display, plain

    tree = nest(values)
    widths = [problem.layers[0].inputs] + [layer.units for layer in problem.layers]
    how = ("every digit certain (exact, or a certified interval)" if route == "symbolic"
           else "NumPy, float64")
    parts = ["# A dense network, derived\n",
             f"Loss: {LOSSES[problem.loss]}, averaged over {len(problem.x)} sample(s); learning rate "
             f"{plain(problem.learning_rate)}. Values: {how}.\n",
             "## Shapes\n",
             f"```text\n$ python -m derivations summary {' '.join(map(str, widths))}\n{summary(widths)}```\n",
             "## Forward pass\n", display(rf"O = {latex_matrix(tree['outputs'])}"),
             display(rf"L = {tree['loss'].latex()}"),
             "## Gradients\n"]
    for i, g in enumerate(tree["gradients"], start=1):
        parts.append(display(rf"\frac{{\partial L}}{{\partial W_{{{i}}}}} = {latex_matrix(g['weights'])}, \quad "
                             rf"\frac{{\partial L}}{{\partial B_{{{i}}}}} = {latex_matrix([g['biases']])}"))
    parts.append("## Update\n")
    for i, u in enumerate(tree["updated"], start=1):
        parts.append(display(rf"W_{{{i}}}^{{+}} = {latex_matrix(u['weights'])}, \quad "
                             rf"B_{{{i}}}^{{+}} = {latex_matrix([u['biases']])}"))
    parts += ["## After the update\n", display(rf"L^{{+}} = {tree['loss_new'].latex()}")]
    return "\n".join(parts)

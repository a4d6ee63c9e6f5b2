"""Tables and NumPy session of ``docs/dense.md``: any dense network, backpropagation in matrix form,
checked on the 2-2-2 example and on a seeded 4-8-8-3 network.

Values come from :mod:`derivations.symbolic.dense` (exact); :mod:`derivations.numeric.dense` runs
in the shown session (``docs_src/dense/numpy_backward.py``) and the agreement columns. The
benchmark on the same page is :mod:`derivations.tables.benchmark`.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import dense as numeric
from derivations.numeric.backprop_2_2_2 import backprop_2_2_2
from derivations.problems import data_file, document_backprop_problem
from derivations.symbolic import backprop_2_2_2 as spine
from derivations.symbolic import dense as symbolic
from derivations.tables.common import check, fixed, math, table
from derivations.tables.language import tr
from derivations.tables.scripts import shown_script

CHAPTER = "dense"
TOLERANCE = {"SymPy": 1e-12, "finite differences": 1e-7}
"""How close the routes must come on the 4-8-8-3 check (finite differences carry truncation error)."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    files = {
        "instance_2_2_2.md": instance_table(),
        "combined_delta.md": combined_delta_derivation(),
    }
    files["numpy_backward.md"], session = shown_script(CHAPTER, "numpy_backward")
    files["check_4_8_8_3.md"] = check_table(data, session)
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


# --- helpers -----------------------------------------------------------------------------------------

def exact(a: np.ndarray) -> sp.Matrix:
    """A float array of exact decimals (rounded draws) as the rationals they were written as."""
    return sp.Matrix(np.atleast_2d(a).shape[0], np.atleast_2d(a).shape[1],
                     [sp.Rational(repr(float(v))) for v in np.atleast_2d(a).ravel()])


def symbolic_layers(layers: list[numeric.Layer]) -> list[symbolic.Layer]:
    return [symbolic.Layer(exact(layer.weights), exact(layer.biases), layer.activation) for layer in layers]


# --- dense.md ------------------------------------------------------------------------------------------

def spine_layers() -> tuple[list[symbolic.Layer], sp.Matrix, sp.Matrix]:
    """The 2-2-2 example in the general form: W_hidden = [[W1, W3], [W2, W4]] (inputs × units)."""
    p = document_backprop_problem()
    w = [symbolic.rational(v) for v in p.weights]
    layers = [symbolic.Layer(sp.Matrix([[w[0], w[2]], [w[1], w[3]]]), sp.zeros(1, 2), "sigmoid"),
              symbolic.Layer(sp.Matrix([[w[4], w[6]], [w[5], w[7]]]), sp.zeros(1, 2), "sigmoid")]
    return layers, symbolic.matrix([p.x]), symbolic.matrix([p.targets])


SPINE_POSITIONS = {1: (0, 0, 0), 2: (0, 1, 0), 3: (0, 0, 1), 4: (0, 1, 1),
                   5: (1, 0, 0), 6: (1, 1, 0), 7: (1, 0, 1), 8: (1, 1, 1)}
"""W_i of the notes as (layer, row, column) of the general form's matrices."""


def instance_table() -> str:
    """The general module on the 2-2-2 example against the spine's values, both routes."""
    p = document_backprop_problem()
    solution = spine.solve(p)
    reference = backprop_2_2_2([float(v) for v in p.x], [float(v) for v in p.weights],
                               [float(v) for v in p.targets], float(p.learning_rate))
    layers, X, T = spine_layers()
    caches = symbolic.forward(layers, X)
    loss, grads = symbolic.backward(layers, caches, T, "half_sse")
    numpy_layers = [numeric.Layer(np.array(layer.weights.tolist(), dtype=float),
                                  np.zeros(2), layer.activation) for layer in layers]
    numpy_loss, numpy_grads = numeric.loss_and_gradients(numpy_layers, np.array(X.tolist(), dtype=float),
                                                         np.array(T.tolist(), dtype=float), "half_sse")
    numpy_caches = numeric.forward(numpy_layers, np.array(X.tolist(), dtype=float))
    rows = []

    def row(name: str, general: sp.Expr, general_numpy: float) -> None:
        exact_gap = abs(symbolic.evaluate(general - solution.exact[name]))
        rows.append((f"`{name}`", fixed(solution.value[name]), fixed(symbolic.evaluate(general)),
                     check(exact_gap < sp.Float(10) ** -35), fixed(general_numpy),
                     check(abs(general_numpy - reference[name]) < 1e-15)))

    for k, name in enumerate(("h1", "h2")):
        row(name, caches[0].A[0, k], numpy_caches[0].A[0, k])
    for k, name in enumerate(("o1", "o2")):
        row(name, caches[1].A[0, k], numpy_caches[1].A[0, k])
    row("E_total", loss, numpy_loss)
    for i, (layer, r, c) in SPINE_POSITIONS.items():
        row(f"dE_dW{i}", grads[layer].weights[r, c], numpy_grads[layer].weights[r, c])
    header = [tr("value"), tr("spine (SymPy)"), tr("general module (SymPy)"), tr("equal (to 35 digits)"),
              tr("general module (NumPy)"), tr("equal to the spine's NumPy")]
    return table(header, rows, "lrrcrc")


def combined_delta_derivation() -> str:
    rows = []
    cases = [("cross_entropy", "softmax", 3,
              r"\frac{\partial}{\partial z_{j}} \left( - \sum_{k} t_{k} \ln s_{k} \right)",
              r"s_{j} \sum_{k} t_{k} - t_{j}"),
             ("binary_cross_entropy", "sigmoid", 3,
              r"\frac{\partial}{\partial z_{j}} \left( - \frac{1}{n} \sum_{k} \left( t_{k} \ln \sigma_{k} + (1 - t_{k}) \ln (1 - \sigma_{k}) \right) \right)",
              r"\frac{\sigma_{j} - t_{j}}{n}")]
    for loss, activation, n, derivative, combined in cases:
        difference = symbolic.combined_delta_difference(loss, activation, n)
        rows.append((tr(f"{activation} + {loss.replace('_', ' ')}"), math(derivative), math(combined),
                     tr("{n} outputs: {differences}", n=n, differences=", ".join(sp.latex(d) for d in difference))))
    return table([tr("output layer and loss"), tr("derived end to end"), tr("combined form"),
                  tr("difference, simplified")], rows, "lllc")


def finite_difference_gradients(layers, X, T, loss: str, h: float = 1e-6) -> list[numeric.Layer]:
    """Central differences (L(θ + h) − L(θ − h)) / 2h for every weight and bias, one at a time: the
    table's third route. The tests keep their own (``tests/support/networks.py``), so that they
    never check the page with the page's code."""
    result = []
    for layer in layers:
        grads = []
        for array in (layer.weights, layer.biases):
            g = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                saved = array[index]
                array[index] = saved + h
                up = numeric.loss_and_gradients(layers, X, T, loss)[0]
                array[index] = saved - h
                down = numeric.loss_and_gradients(layers, X, T, loss)[0]
                array[index] = saved
                g[index] = (up - down) / (2 * h)
            grads.append(g)
        result.append(numeric.Layer(grads[0], grads[1], layer.activation))
    return result


def check_table(data: dict, session: dict) -> str:
    """Symbolic ≡ NumPy ≡ finite differences on the seeded 4-8-8-3 network, per layer: the network
    the page's session (``docs_src/dense/numpy_backward.py``) draws, with the loss of ``dense.toml``."""
    layers, X, T = session["layers"], session["X"], session["T"]
    loss_name = data["random_4_8_8_3"]["loss"]
    loss, grads = numeric.loss_and_gradients(layers, X, T, loss_name)
    if loss != session["loss"]:
        raise ArithmeticError(f"the session's loss {session['loss']} is not the {loss_name} checked here ({loss})")
    exact_loss, exact_grads = symbolic.gradients(symbolic_layers(layers), exact(X), exact(T), loss_name)
    differences = finite_difference_gradients(layers, X, T, loss_name)
    rows = []
    for i, (g, e, d, layer) in enumerate(zip(grads, exact_grads, differences, layers), start=1):
        sym_gap = max(np.abs(np.array(symbolic.evaluate(e.weights).tolist(), dtype=float) - g.weights).max(),
                      np.abs(np.array(symbolic.evaluate(e.biases).tolist(), dtype=float)[0] - g.biases).max())
        fd_gap = max(np.abs(d.weights - g.weights).max(), np.abs(d.biases - g.biases).max())
        rows.append((tr("layer {i} ({activation})", i=i, activation=layer.activation),
                     f"{layer.weights.shape[0]} × {layer.weights.shape[1]}",
                     str(layer.weights.size + layer.biases.size),
                     check(sym_gap < TOLERANCE["SymPy"]), check(fd_gap < TOLERANCE["finite differences"])))
    loss_ok = abs(float(symbolic.evaluate(exact_loss)) - loss) < TOLERANCE["SymPy"]
    rows.append((tr("loss"), "", "", check(loss_ok), ""))
    header = [tr("layer"), "W", tr("parameters"), tr("SymPy − NumPy below {bound}", bound=f"{TOLERANCE['SymPy']:.0e}"),
              tr("finite differences − NumPy below {bound}", bound=f"{TOLERANCE['finite differences']:.0e}")]
    return table(header, rows, "llrcc")

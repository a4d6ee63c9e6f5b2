"""Tables, transcripts and figures of the forward-propagation chapter: ``docs/forward.md`` (matrix
products, shapes, summaries), ``docs/dense.md`` (any dense network, backpropagation in matrix form,
the benchmark) and ``docs/graph.md`` (the computational graph).

Values come from :mod:`derivations.symbolic.dense` and :mod:`derivations.symbolic.graph` (exact);
the NumPy modules run in transcripts and agreement columns. The notes' printed values appear only
in "note" columns, read from ``dense.toml``.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
from matplotlib.ticker import NullFormatter
import sympy as sp

from derivations.numeric import dense as numeric
from derivations.numeric import graph as numeric_graph
from derivations.numeric.backprop_2_2_2 import backprop_2_2_2
from derivations.problems import Printed, data_file, document_backprop_problem, errata, printed_values
from derivations.symbolic import backprop_2_2_2 as spine
from derivations.symbolic import dense as symbolic
from derivations.symbolic import graph as symbolic_graph
from derivations.tables.common import display, fixed, math, plain, table, transcript
from derivations.tables.figures import svg_figure

CHAPTER = "dense"
ROOT = Path(__file__).resolve().parents[2]
BENCHMARK = ROOT / "benchmarks" / "results" / "dense.json"
TOLERANCE = {"SymPy": 1e-12, "finite differences": 1e-7}
"""How close the routes must come on the 4-8-8-3 check (finite differences carry truncation error)."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    printed = printed_values(data)
    files = {
        "xw_plus_b.md": xw_plus_b_derivation(),
        "batch.md": batch_derivation(data),
        "summary_3_2.md": summary_block(networks(data)["softmax_3_2"]["widths"]),
        "summary_4_8_8_3.md": summary_block(networks(data)["mlp_4_8_8_3"]["widths"]),
        "shape_steps.md": shape_steps_derivation(),
        "shapes.md": shapes_table(data, printed),
        "printed.md": printed_table(data, printed),
        "errata.md": errata_table(data, sources=("001", "002")),
        "graph_errata.md": errata_table(data, sources=("004",)),
        "numpy_forward.md": numpy_forward_transcript(data),
        "instance_2_2_2.md": instance_table(),
        "combined_delta.md": combined_delta_derivation(),
        "check_4_8_8_3.md": check_table(data),
        "numpy_backward.md": numpy_backward_transcript(data),
        "gates.md": gates_table(),
        "sigmoid_node.md": sigmoid_node_derivation(),
        "neuron_graph.md": neuron_graph_table(data),
        "numpy_graph.md": numpy_graph_transcript(data),
    }
    files |= benchmark_files(json.loads(BENCHMARK.read_text(encoding="utf-8")))
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


# --- helpers -----------------------------------------------------------------------------------------

def latex_matrix(m: sp.MatrixBase, entry=sp.latex) -> str:
    rows = [" & ".join(entry(v) for v in m.row(i)) for i in range(m.rows)]
    return r"\left[\begin{matrix} " + r" \\ ".join(rows) + r" \end{matrix}\right]"


def dims(shape) -> str:
    return rf"{sp.latex(shape[0])} \times {sp.latex(shape[1])}"


def shape_equation(X, W, B, Y) -> str:
    """X_{m×n} × W_{n×j} + B_{m×j} = Y_{m×j}, as the notes write it."""
    return rf"X_{{{dims(X)}}} \times W_{{{dims(W)}}} + B_{{{dims(B)}}} = Y_{{{dims(Y)}}}"


def as_note_writes(X, W, B, Y) -> str:
    """The same equation in the plain text of the data file: ``X_{1 × 4} × W_{4 × 8} + …``."""
    d = lambda s: f"{s[0]} × {s[1]}"  # noqa: E731
    return f"X_{{{d(X)}}} × W_{{{d(W)}}} + B_{{{d(B)}}} = Y_{{{d(Y)}}}"


def note_math(value: str) -> str:
    """A shape or count as the note prints it (``X_{1 × 4} × W_{4 × 8}``, ``3 × 2``), typeset."""
    return math(value.replace("×", r"\times"))


def networks(data: dict) -> dict[str, dict]:
    return {n["name"]: n for n in data["networks"]}


def check(agrees: bool) -> str:
    return "✓" if agrees else "✗"


def random_network(data: dict) -> tuple[list[numeric.Layer], np.ndarray, np.ndarray]:
    """The seeded 4-8-8-3 ReLU/ReLU/softmax instance of ``dense.toml`` (exact decimals)."""
    spec, net = data["random_4_8_8_3"], networks(data)["mlp_4_8_8_3"]
    rng = np.random.default_rng(spec["seed"])
    draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), spec["decimals"])  # noqa: E731
    widths = net["widths"]
    layers = [numeric.Layer(draw((n, j)), draw(j), f)
              for n, j, f in zip(widths, widths[1:], net["activations"])]
    X = draw((spec["batch"], widths[0]))
    T = np.eye(widths[-1])[rng.integers(0, widths[-1], size=spec["batch"])]
    return layers, X, T


def exact(a: np.ndarray) -> sp.Matrix:
    """A float array of exact decimals (rounded draws) as the rationals they were written as."""
    return sp.Matrix(np.atleast_2d(a).shape[0], np.atleast_2d(a).shape[1],
                     [sp.Rational(repr(float(v))) for v in np.atleast_2d(a).ravel()])


def symbolic_layers(layers: list[numeric.Layer]) -> list[symbolic.Layer]:
    return [symbolic.Layer(exact(layer.weights), exact(layer.biases), layer.activation) for layer in layers]


# --- forward.md --------------------------------------------------------------------------------------

def xw_plus_b_derivation() -> str:
    product, difference = symbolic.xw_plus_b()
    s = symbolic
    return "\n".join([
        display(rf"X = {latex_matrix(s.X_001)}, \quad W = {latex_matrix(s.W_001)}, \quad "
                rf"B = {latex_matrix(s.B_001)}"),
        display(rf"XW + B = {latex_matrix(product)}"),
        display(r"\begin{aligned} " + r" \\ ".join(
            rf"{sp.latex(h)} &= {sp.latex(e, order='none')}" for h, e in s.NEURONS_001.items())
            + r" \end{aligned}"),
        display(rf"XW + B - \left[\begin{{matrix}} h_{{1}} & h_{{2}} \end{{matrix}}\right] = "
                rf"{latex_matrix(difference)}"),
    ])


def batch_derivation(data: dict) -> str:
    samples = data["batch"]["samples"]
    X, Y = symbolic.batch_of(samples)
    count = len(symbolic.parameters(Y))
    return "\n".join([
        display(rf"XW + B = {latex_matrix(X)} {latex_matrix(symbolic.W_001)} + "
                rf"{latex_matrix(sp.ones(samples, 1) * symbolic.B_001)}"),
        display(rf"= {latex_matrix(Y)}"),
        table(["", "shape", "learnable parameters it holds"], [
            (math("X"), math(dims(X.shape)), "0"),
            (math("W"), math(dims(symbolic.W_001.shape)), str(len(symbolic.parameters(symbolic.W_001)))),
            (math("B"), math(dims(symbolic.B_001.shape)) + f", repeated for {samples} rows",
             str(len(symbolic.parameters(symbolic.B_001)))),
            (math("XW + B"), math(dims(Y.shape)), str(count)),
        ], "lll"),
    ])


def summary_block(widths: list[int]) -> str:
    command = "python -m derivations summary " + " ".join(map(str, widths))
    return f"```text\n$ {command}\n{numeric.summary(widths)}```\n"


def shape_steps_derivation() -> str:
    (n, j) = (4, 8)
    rows = [(step.reason, math(shape_equation(step.X, step.W, step.B, step.Y)))
            for step in symbolic.shape_steps(1, n, j)]
    return table(["step", "shapes"], rows, "ll")


def shapes_table(data: dict, printed: list[Printed]) -> str:
    net = networks(data)["mlp_4_8_8_3"]
    notes = {p.name: p for p in printed if p.name.startswith("layer_") and p.source.startswith("001")}
    rows = []
    for i, (s, f) in enumerate(zip(numeric.shapes(net["widths"]), net["activations"]), start=1):
        step = symbolic.shape_steps(1, s.W[0], s.W[1])[-1]
        derived = (step.X, step.W, step.B, step.Y)
        numpy_agrees = (s.X, s.W, s.B, s.Y) == tuple(tuple(int(v) for v in d) for d in derived)
        note = notes.get(f"layer_{i}")
        note_cell = f"{note_math(note.value)} {check(note.value == as_note_writes(*derived))}" if note else "—"
        rows.append((f"layer {i} ({f})", math(shape_equation(*derived)), f"{s.W[0]} × {s.W[1]}",
                     str(s.W[1]), str(s.parameters), check(numpy_agrees), note_cell))
    total = sum(s.parameters for s in numeric.shapes(net["widths"]))
    rows.append(("total", "", "", "", f"**{total}**", "", ""))
    return table(["layer", "SymPy: shapes", "weights", "biases", "parameters", "NumPy", "note"],
                 rows, "llrrrcl")


def printed_table(data: dict, printed: list[Printed]) -> str:
    """Every value the notes print about shapes and counts, beside what was derived."""
    widths = networks(data)["softmax_3_2"]["widths"]
    shapes = numeric.shapes(widths)
    _, Y = symbolic.batch_of(data["batch"]["samples"])
    derived = {
        "summary_3_2": numeric.summary(widths),
        "weights_3_2": str(len(symbolic.parameters(symbolic.W_001))),
        "biases_3_2": str(len(symbolic.parameters(symbolic.B_001))),
        "parameters_3_2": str(shapes[0].parameters),
        "W_shape_3_2": f"{symbolic.W_001.rows} × {symbolic.W_001.cols}",
        "parameters_batch_4": str(len(symbolic.parameters(Y))),
    }
    for i, s in enumerate(numeric.shapes(networks(data)["mlp_4_8_8_3"]["widths"]), start=1):
        step = symbolic.shape_steps(1, s.W[0], s.W[1])[-1]
        derived[f"layer_{i}"] = as_note_writes(step.X, step.W, step.B, step.Y)
    rows = []
    for p in printed:
        value = derived[p.name]
        shown = "Keras' summary (above)" if "\n" in p.value else note_math(p.value)
        rows.append((f"`{p.source}` {p.section}", f"`{p.name}`", shown,
                     check(value.strip("\n") == p.value.strip("\n"))))
    return table(["where", "quantity", "the note printed", "derived"], rows, "lllc")


def errata_table(data: dict, sources: tuple[str, ...]) -> str:
    """The slips of the notes whose file names start with one of ``sources``."""
    widths = networks(data)["mlp_4_8_8_3"]["widths"]
    shapes = {f"layer_{i}": s for i, s in enumerate(numeric.shapes(widths), start=1)}
    rows = []
    for e in (e for e in errata(data) if e.source.startswith(sources)):
        if e.quantity == "layer_2":
            s = shapes["layer_2"]
            derived = f"layer 2: {s.W[0]} → {s.W[1]}; only {len(shapes)} weight matrices"
        elif e.quantity == "B_shape_layer_1":
            step = symbolic.shape_steps(1, 4, 8)[3]
            derived = math(rf"B_{{{dims(step.B)}}}") + " once B takes Y's shape"
        elif e.quantity == "sigmoid_local":
            derived = math(r"f \cdot (1 - f) = " + sp.latex(sp.expand(symbolic_graph.sigmoid_local_in_output())))
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        rows.append((f"`{e.source}` {e.section}", e.printed, derived, e.explanation))
    return table(["where", "the note printed", "derived", "why"], rows)


def _random_network_statements(spec: dict) -> list[str]:
    """The seeded 4-8-8-3 network as a reader would type it; both transcripts start from it."""
    return [
        f"rng = np.random.default_rng({spec['seed']})",
        f"draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), {spec['decimals']})",
        "layers = [Layer(draw((4, 8)), draw(8), 'relu'), Layer(draw((8, 8)), draw(8), 'relu'),\n"
        "          Layer(draw((8, 3)), draw(3), 'softmax')]",
    ]


def numpy_forward_transcript(data: dict) -> str:
    spec = data["random_4_8_8_3"]
    return transcript([
        "import numpy as np",
        "from derivations.numeric.dense import Layer, forward",
        *_random_network_statements(spec),
        f"X = draw(({spec['batch']}, 4))  # a batch: one row per sample",
        "for c in forward(layers, X):\n    print(c.X.shape, c.Z.shape, c.A.shape)",
        "P = forward(layers, X)[-1].A",
        "P",
        "P.sum(axis=1)",
    ])


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
    header = ["value", "spine (SymPy)", "general module (SymPy)", "equal (to 35 digits)",
              "general module (NumPy)", "equal to the spine's NumPy"]
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
        rows.append((f"{activation} + {loss.replace('_', ' ')}", math(derivative), math(combined),
                     f"{n} outputs: " + ", ".join(sp.latex(d) for d in difference)))
    return table(["output layer and loss", "derived end to end", "combined form", "difference, simplified"],
                 rows, "lllc")


def finite_difference_gradients(layers, X, T, loss: str, h: float = 1e-6) -> list[numeric.Layer]:
    """Central differences (L(θ + h) − L(θ − h)) / 2h for every weight and bias, one at a time."""
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


def check_table(data: dict) -> str:
    """Symbolic ≡ NumPy ≡ finite differences on the seeded 4-8-8-3 network, per layer."""
    layers, X, T = random_network(data)
    loss_name = data["random_4_8_8_3"]["loss"]
    loss, grads = numeric.loss_and_gradients(layers, X, T, loss_name)
    exact_loss, exact_grads = symbolic.gradients(symbolic_layers(layers), exact(X), exact(T), loss_name)
    differences = finite_difference_gradients(layers, X, T, loss_name)
    rows = []
    for i, (g, e, d, layer) in enumerate(zip(grads, exact_grads, differences, layers), start=1):
        sym_gap = max(np.abs(np.array(symbolic.evaluate(e.weights).tolist(), dtype=float) - g.weights).max(),
                      np.abs(np.array(symbolic.evaluate(e.biases).tolist(), dtype=float)[0] - g.biases).max())
        fd_gap = max(np.abs(d.weights - g.weights).max(), np.abs(d.biases - g.biases).max())
        rows.append((f"layer {i} ({layer.activation})", f"{layer.weights.shape[0]} × {layer.weights.shape[1]}",
                     str(layer.weights.size + layer.biases.size),
                     check(sym_gap < TOLERANCE["SymPy"]), check(fd_gap < TOLERANCE["finite differences"])))
    loss_ok = abs(float(symbolic.evaluate(exact_loss)) - loss) < TOLERANCE["SymPy"]
    rows.append(("loss", "", "", check(loss_ok), ""))
    header = ["layer", "W", "parameters", f"SymPy − NumPy below {TOLERANCE['SymPy']:.0e}",
              f"finite differences − NumPy below {TOLERANCE['finite differences']:.0e}"]
    return table(header, rows, "llrcc")


def numpy_backward_transcript(data: dict) -> str:
    spec = data["random_4_8_8_3"]
    return transcript([
        "import numpy as np",
        "from derivations.numeric.dense import Layer, loss_and_gradients",
        *_random_network_statements(spec),
        f"X = draw(({spec['batch']}, 4))",
        f"T = np.eye(3)[rng.integers(0, 3, size={spec['batch']})]  # one-hot targets",
        f"loss, grads = loss_and_gradients(layers, X, T, '{spec['loss']}')",
        "print(round(loss, 8))",
        "[(g.weights.shape, g.biases.shape) for g in grads]",
        "grads[-1].weights",
    ])


# --- graph.md -------------------------------------------------------------------------------------------

NODE_FORMS = {"add": "x + y", "multiply": r"x \cdot y", "max": r"\max\left(x, y\right)",
              "sigmoid": r"\sigma(x) = \frac{1}{1 + e^{- x}}"}
RULES = {"add": "copies the upstream gradient to both inputs",
         "multiply": "gives each input the upstream gradient times the *other* input",
         "max": "sends the upstream gradient to the larger input only (on a tie, to the first)",
         "sigmoid": "multiplies the upstream gradient by the output times one minus the output"}


def _heaviside_as_cases(expr: sp.Expr) -> str:
    """Heaviside(a, h0) as 1 for a > 0, h0 at 0, else 0 (latex2mathml has no \\theta form)."""
    (arg, at_zero) = expr.args
    if at_zero == 1:
        return rf"\begin{{cases}} 1 & {sp.latex(arg)} \geq 0 \\ 0 & \text{{otherwise}} \end{{cases}}"
    return rf"\begin{{cases}} 1 & {sp.latex(arg)} > 0 \\ 0 & \text{{otherwise}} \end{{cases}}"


def gates_table() -> str:
    rows = []
    for node, (rule, inputs) in symbolic_graph.NODES.items():
        if node == "loss":
            continue
        gradients = symbolic_graph.local_gradients(node)
        shown = [_heaviside_as_cases(g) if isinstance(g, sp.Heaviside) else sp.latex(g) for g in gradients]
        local = ", ".join(math(rf"\frac{{\partial\, out}}{{\partial {sp.latex(v)}}} = {s}")
                          for v, s in zip(inputs, shown))
        rows.append((node, math(NODE_FORMS[node]), local, RULES[node]))
    return table(["node", "forward: out =", "local gradients (SymPy)", "backward rule"], rows, "llll")


def sigmoid_node_derivation() -> str:
    (derivative,) = symbolic_graph.local_gradients("sigmoid")
    in_output = symbolic_graph.sigmoid_local_in_output()
    f = sp.Symbol("f")
    if sp.expand(in_output - f * (1 - f)) != 0:
        raise ArithmeticError(f"the sigmoid's local gradient became {in_output}, not f(1 − f)")
    return "\n".join([
        display(rf"\frac{{d\sigma}}{{dx}} = {sp.latex(derivative)}"),
        display(r"e^{- x} = \frac{1 - f}{f} \quad \text{with } f = \sigma(x)"),
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
            rows.append((f"{step.node}", math(f"{node_value} = {fixed(symbolic.evaluate(step.value))}"),
                         fixed(symbolic.evaluate(step.upstream)), math(rf"\frac{{\partial {node_value}}}{{\partial {name}}}")
                         + " = " + fixed(symbolic.evaluate(local)),
                         math(rf"\frac{{\partial L}}{{\partial {name}}}") + " = " + fixed(symbolic.evaluate(down)),
                         check(agrees), dense_cell))
    header = ["node", "forward value", "upstream gradient", "local gradient", "upstream × local",
              "NumPy nodes", "dense module"]
    return table(header, rows, "llrllcl")


def numpy_graph_transcript(data: dict) -> str:
    g = data["graph"]
    call = f"neuron_graph(x=({plain(Fraction(repr(g['x'][0])))}, {plain(Fraction(repr(g['x'][1])))}), " \
           f"w=({plain(Fraction(repr(g['w'][0])))}, {plain(Fraction(repr(g['w'][1])))}), " \
           f"b={plain(Fraction(repr(g['b'])))}, t={plain(Fraction(repr(g['t'])))})"
    return transcript([
        "from derivations.numeric.graph import neuron_graph",
        f"v = {call}",
        "for name in ('o', 'L', 'dL_do', 'dL_dz', 'dL_dw1', 'dL_dw2', 'dL_db'):\n"
        "    print(f'{name:7} {v[name]:.8f}')",
    ])


# --- the benchmark ----------------------------------------------------------------------------------------

def benchmark_files(results: dict) -> dict[str, str]:
    return {"benchmark.svg": benchmark_svg(results), "benchmark.md": benchmark_tables(results)}


def benchmark_tables(results: dict) -> str:
    m = results["machine"]
    machine = (f"Measured {results['measured']} on {m['cpu']} ({m['cores']} cores), {m['system']}, "
               f"Python {m['python']}, NumPy {m['numpy']}, SymPy {m['sympy']}, python-flint "
               f"{m['python_flint']}; medians of {results['runs']} fresh processes.\n\n")
    baseline = (f"`python -m derivations solve FILE --format json`, end to end, against the baseline "
                f"`python -c \"import sympy, numpy\"` ({results['baseline_seconds']:.2f} s); the parts are "
                "timed in one process, imports already paid:\n\n")
    budget_rows = [(r["name"], f"{r['seconds']:.2f}", f"{r['ratio']:.2f}×", f"≤ {r['budget']:g}×",
                    "✓" if r["ratio"] <= r["budget"] else "✗", f"{r['read_seconds']:.3f}",
                    f"{r['values_seconds']:.3f}", f"{r['json_seconds']:.3f}") for r in results["budgets"]]
    budgets = baseline + table(["network", "solve (s)", "ratio", "budget", "", "read (s)", "values (s)",
                                "JSON (s)"], budget_rows, "lrrrcrrr") + "\n"
    symbolic_rows = [("-".join(map(str, r["widths"])), "/".join(r["activations"]), r["loss"].replace("_", " "),
                      str(r["parameters"]), f"{r['seconds']:.3f}",
                      f"{r['seconds'] / r['parameters'] * 1e3:.2f}") for r in results["symbolic"]]
    batch_rows = [(str(r["batch"]), f"{r['batched_seconds'] * 1e6:.0f}", f"{r['loop_seconds'] * 1e6:.0f}",
                   f"{r['loop_seconds'] / r['batched_seconds']:.1f}×") for r in results["batches"]]
    fits = []
    for family, rows in growing_families(results).items():
        slope = np.polyfit(np.log([r["parameters"] for r in rows]), np.log([r["seconds"] for r in rows]), 1)[0]
        fits.append(f"- {family} ({len(rows)} networks): " + math(r"\text{parameters}^{" + f"{slope:.2f}" + "}"))
    fit = ("\nThe time of `solve` (batch 4, end to end), fitted per family as a power of the parameter count "
           "(an exponent of 1 is linear growth; start-up dominates the small networks):\n\n" + "\n".join(fits) + "\n\n")
    return machine + budgets + table(["network", "activations", "loss", "parameters", "seconds", "ms per parameter"],
                           symbolic_rows, "lllrrr") + fit + table(
        ["batch size", "batched (µs)", "loop over samples (µs)", "speed-up"], batch_rows, "rrrr")


def growing_families(results: dict) -> dict[str, list[dict]]:
    """The symbolic rows of networks that grow with a fixed shape, by hidden activations."""
    families: dict[str, list[dict]] = {}
    for r in results["symbolic"]:
        if len(r["widths"]) > 3:
            families.setdefault("/".join(r["activations"]), []).append(r)
    return families


def benchmark_svg(results: dict) -> str:
    """Two panels: symbolic time against parameters, one line per family; NumPy batched vs
    per-sample loop."""

    def draw(left, right):
        families = growing_families(results)
        for (family, rows), (marker, color) in zip(families.items(), (("o-", "#3f7fbf"), ("^-", "#2a9d5c"))):
            params, seconds = [r["parameters"] for r in rows], [r["seconds"] for r in rows]
            left.loglog(params, seconds, marker, color=color, label=family)
            for p, s, r in zip(params, seconds, rows):
                left.annotate("-".join(map(str, r["widths"])), (p, s), textcoords="offset points",
                              xytext=(6, -12), fontsize=9)
        # The linear reference starts at the first family's smallest network.
        rows = next(iter(families.values()))
        params = [r["parameters"] for r in rows]
        left.loglog(params, [rows[0]["seconds"] * p / params[0] for p in params], "--", color="#999999",
                    label="linear in the parameters")
        left.set_xlabel("parameters")
        # Whole decades, so that each has a labelled tick and the minor labels need not collide.
        every = [r["parameters"] for rows in families.values() for r in rows]
        left.set_xlim(10 ** np.floor(np.log10(min(every))), 10 ** np.ceil(np.log10(max(every))))
        left.xaxis.set_minor_formatter(NullFormatter())
        left.set_ylabel("seconds (median)")
        left.set_title("solve, end to end (batch 4)")
        left.legend(frameon=False, fontsize=10)
        batches = [r["batch"] for r in results["batches"]]
        right.loglog(batches, [r["batched_seconds"] for r in results["batches"]], "o-",
                     color="#3f7fbf", label="one batched pass")
        right.loglog(batches, [r["loop_seconds"] for r in results["batches"]], "s-",
                     color="#d9822b", label="Python loop over samples")
        right.set_xlabel("batch size")
        right.set_title("NumPy forward + backward, 4-8-8-3")
        right.legend(frameon=False, fontsize=10)
        for ax in (left, right):
            ax.grid(True, which="major", alpha=0.3)

    return svg_figure(draw, figsize=(10, 4.2), panels=2, font_size=12)

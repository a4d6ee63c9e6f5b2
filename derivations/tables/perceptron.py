"""Tables and figures of the perceptron chapter (``docs/perceptron.md``).

Values come from :mod:`derivations.symbolic.perceptron` (exact rationals); the NumPy transcripts
run :mod:`derivations.numeric.perceptron`. The notes' printed values appear only in "note" columns,
read from ``derivations/problems/perceptron.toml``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.problems import data_file, errata, exact, exact_list, printed_values
from derivations.symbolic import perceptron as symbolic
from derivations.symbolic.perceptron import INPUTS, WEIGHTS, w1
from derivations.tables.common import display, math, plain, table, transcript

CHAPTER = "perceptron"


def generate() -> dict[str, str]:
    """Every generated file of the chapter, by path under ``docs/``."""
    data = data_file(CHAPTER)
    printed = {p.name: p for p in printed_values(data)}
    gates = document_gates(data)
    files = {
        "step_functions.md": step_table(),
        "gates.md": gates_table(gates, printed),
        "xor_conditions.md": conditions_table("XOR"),
        "xor_proof.md": elimination_steps("XOR"),
        "feasible.md": feasible_table(gates),
        "xor_best.md": best_table(printed),
        "xor_network.md": xor_network_table(data),
        "objective_rule.md": objective_rule(),
        "delta_rule.md": delta_rule(),
        "objective_example.md": objective_table(data),
        "worked.md": worked_table(data, printed),
        "worked_inputs.md": worked_inputs_text(data),
        "training_settings.md": training_settings_text(data),
        "errata.md": errata_table(data, gates),
        **training_tables(data),
        **numpy_transcripts(data),
    }
    for i, (gate, weights) in enumerate(gates, start=1):
        files[f"gate_{i}_{gate.lower()}.svg"] = gate_svg(gate, [(gate, weights)])
    net = data["xor_network"]["weights"]
    files["gate_xor.svg"] = gate_svg("XOR", [(g, exact_list(net, g, 3)) for g in data["xor_network"]["hidden"]])
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def document_gates(data: dict) -> list[tuple[str, tuple[Fraction, ...]]]:
    """The note's gate weight sets, [w1, w2, b], as exact rationals."""
    return [(g["gate"], exact_list(g, "weights", 3)) for g in data["gates"]]


def worked_inputs(data: dict) -> dict:
    p = data["worked_problem"]
    return dict(w0=exact_list(p, "w0", 2), b0=exact(p["b0"], "b0"), point=exact_list(p, "x", 2),
                target=exact(p["t"], "t"), learning_rate=exact(p["learning_rate"], "learning_rate"))


def q(value) -> str:
    """An exact value as a reader writes it: 9/8 is 1.125, 1/3 stays 1/3."""
    value = sp.Rational(value)
    return plain(Fraction(int(value.p), int(value.q)))


def weights_text(weights) -> str:
    return "[" + ", ".join(q(v) for v in weights) + "]"


def _tuple(values) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


def _note(printed, name: str, derived: str) -> str:
    if name not in printed:
        return "—"
    return f"{printed[name].value} {'✓' if printed[name].value == derived else '✗'}"


# --- steps and gates ----------------------------------------------------------------------------

def step_table() -> str:
    """The three step rules of the notes, on a negative, a zero and a positive weighted sum."""
    rows = [(q(v), symbolic.step(v), symbolic.step_as_printed(v), symbolic.sign_step(v))
            for v in map(sp.Integer, (-1, 0, 1))]
    header = ["$s$", "002 gate code: 1 if $s > 0$, else 0", "002 §1.1 formula: 1 if $s \\geq 0$, else 0",
              "004 $\\tau(s)$: 1 if $s > 0$, else −1"]
    return table(header, rows, "rccc")


def gates_table(gates, printed) -> str:
    """Each weight set of the note: s on the four inputs (exact), the output, the gate's logic."""
    rows = []
    for gate, weights in gates:
        sums = [symbolic.weighted_sum(weights, point) for point in INPUTS]
        outputs = symbolic.truth_table(weights)
        agrees = "✓" if outputs == symbolic.gate_truth(gate) else "✗"
        rows.append((gate, weights_text(weights), ", ".join(q(v) for v in sums),
                     f"{_tuple(outputs)} {agrees}", _note(printed, f"{gate}_gate", _tuple(outputs))))
    header = ["gate", "[w1, w2, b]", "$s$ on (0,0), (0,1), (1,0), (1,1)", "output (✓: it is the gate)",
              "the note's code printed"]
    return table(header, rows, "llllr")


# --- XOR: the proof ------------------------------------------------------------------------------

def conditions_table(gate: str) -> str:
    truth = symbolic.gate_truth(gate)
    rows = [(_tuple(p), out, math(c.latex()))
            for p, out, c in zip(INPUTS, truth, symbolic.gate_conditions(truth))]
    return table(["input", "output wanted", "condition on $w_1, w_2, b$"], rows, "lcl")


def _combination(q_: symbolic.Inequality) -> str:
    """A derived inequality as the sum of the original conditions it combines."""
    terms = [(m, i) for i, m in enumerate(q_.multipliers, start=1) if m]
    return " + ".join(("" if m == 1 else f"{sp.latex(m)} \\times ") + f"({i})" for m, i in terms)


def elimination_steps(gate: str) -> str:
    """Fourier–Motzkin on the gate's conditions: each stage, and how the last line arises."""
    result = symbolic.fourier_motzkin(symbolic.gate_conditions(symbolic.gate_truth(gate)))
    rows = []
    for j, stage in enumerate(result.stages):
        left = ", ".join(math(sp.latex(v)) for v in result.variables[j:]) or "none"
        for q_ in stage:
            rows.append((j, left, math(q_.latex()), math(_combination(q_))))
    out = table(["eliminated", "variables left", "inequality", "= sum of conditions"], rows, "clll")
    if result.feasible:
        return out + "\nFeasible: " + math(_witness(result.witness)) + "\n"
    return out + "\nThe last line is false: " + math(result.certificate.latex()) + ".\n"


def _witness(witness) -> str:
    return ", ".join(f"{sp.latex(v)} = {q(witness[v])}" for v in WEIGHTS)


def feasible_table(gates) -> str:
    """The same procedure on AND, NAND, OR: it finds weights, and they compute the gate."""
    rows = []
    for gate in sorted({g for g, _ in gates}):
        result = symbolic.fourier_motzkin(symbolic.gate_conditions(symbolic.gate_truth(gate)))
        w = [result.witness[v] for v in WEIGHTS]
        outputs = symbolic.truth_table(w)
        rows.append((gate, "yes" if result.feasible else "no", weights_text(w),
                     f"{_tuple(outputs)} {'✓' if outputs == symbolic.gate_truth(gate) else '✗'}"))
    return table(["gate", "feasible", "weights found [w1, w2, b]", "their truth table"], rows, "lcll")


def best_table(printed) -> str:
    """Drop one XOR input at a time: three conditions always have a solution."""
    size, found = symbolic.best_accuracy(symbolic.gate_truth("XOR"))
    rows = []
    truth = symbolic.gate_truth("XOR")
    for dropped, result in sorted(found, key=lambda f: f[0]):
        w = [result.witness[v] for v in WEIGHTS]
        outputs = symbolic.truth_table(w)
        right = sum(o == t for o, t in zip(outputs, truth))
        rows.append((_tuple(INPUTS[dropped]), weights_text(w), _tuple(outputs), f"{right} of 4"))
    percent = Fraction(size, len(truth)) * 100
    out = table(["input given up", "weights found [w1, w2, b]", "outputs", "right"], rows, "lllc")
    note = _note(printed, "xor_best_accuracy_percent", plain(percent))
    return out + (f"\nAt most {size} of {len(truth)} inputs: {plain(percent)} % "
                  f"(the note's figure: {note}).\n")


def xor_network_table(data: dict) -> str:
    net = data["xor_network"]
    weights = {g: exact_list(net["weights"], g, 3) for g in net["weights"]}
    rows = []
    for row in symbolic.xor_network(weights, tuple(net["hidden"]), net["output"]):
        want = symbolic.GATES["XOR"](*row["x"])
        rows.append((*row["x"], *row["h"], row["y"], f"{want} {'✓' if want == row['y'] else '✗'}"))
    h1, h2 = net["hidden"]
    header = ["$x_1$", "$x_2$", f"$h_1$ = {h1}", f"$h_2$ = {h2}", f"$y$ = {net['output']}($h_1$, $h_2$)",
              "XOR"]
    layers = ", ".join(f"{g} {weights_text(weights[g])}" for g in net["weights"])
    return table(header, rows, "cccccc") + f"\nWeights [w1, w2, b]: {layers}.\n"


# --- the update rules ----------------------------------------------------------------------------

def objective_rule() -> str:
    gradient = symbolic.objective_gradient()
    update = symbolic.objective_update()
    lines = [rf"J(w) = {sp.latex(symbolic.J)}"]
    lines += [rf"\frac{{\partial J}}{{\partial {sp.latex(v)}}} = {sp.latex(gradient[v])}" for v in WEIGHTS]
    lines += [rf"{sp.latex(v)} \leftarrow {sp.latex(v)} - \rho \frac{{\partial J}}{{\partial {sp.latex(v)}}}"
              rf" = {sp.latex(update[v], order='none')}" for v in WEIGHTS]
    return "\n".join(display(line) for line in lines)


def delta_rule() -> str:
    gradient = symbolic.delta_gradient()
    note = symbolic.note_rule()
    lines = [rf"y = {sp.latex(symbolic.y_linear)}, \quad E = \frac{{1}}{{2}}\left(t - y\right)^{{2}} = {sp.latex(symbolic.E)}"]
    lines += [rf"\frac{{\partial E}}{{\partial {sp.latex(v)}}} = {sp.latex(gradient[v])}" for v in WEIGHTS]
    lines += [rf"{sp.latex(v)} \leftarrow {sp.latex(v)} - \eta \frac{{\partial E}}{{\partial {sp.latex(v)}}}"
              rf" = {sp.latex(note[v], order='none')}" for v in WEIGHTS]
    symbolic.delta_update()  # raises unless the derived update is the note's formula
    return "\n".join(display(line) for line in lines)


def objective_table(data: dict) -> str:
    """J(w) on the AND data with ±1 labels, for the weight vectors of the data file."""
    example = data["objective_example"]
    labels = [1 if out else -1 for out in symbolic.gate_truth(example["gate"])]
    rows = []
    for i, w in enumerate(example["weights"]):
        w = exact_list({"w": w}, "w", 3)
        value, wrong = symbolic.objective(w, INPUTS, labels)
        terms = " + ".join(q(-labels[k] * symbolic.weighted_sum(w, INPUTS[k])) for k in wrong) or "—"
        rows.append((weights_text(w), ", ".join(_tuple(INPUTS[k]) for k in wrong) or "none",
                     len(wrong), terms, q(value)))
    header = ["$w$ = [w1, w2, b]", "misclassified $Y$", "how many", "terms $-y_k s_k$", "$J(w)$"]
    labels_text = ", ".join(f"{_tuple(p)} → {lab:+d}" for p, lab in zip(INPUTS, labels))
    return f"Labels ({example['gate']}): {labels_text}.\n\n" + table(header, rows, "llcll")


def worked_inputs_text(data: dict) -> str:
    v = worked_inputs(data)
    return (f"$w(0) = ({q(v['w0'][0])}, {q(v['w0'][1])})$, $b(0) = {q(v['b0'])}$, "
            f"$x = ({q(v['point'][0])}, {q(v['point'][1])})$, $t = {q(v['target'])}$, "
            f"$\\eta = {q(v['learning_rate'])}$\n")


def training_settings_text(data: dict) -> str:
    v = _training_settings(data)
    order = ", ".join(_tuple(p) for p in v["order"])
    return (f"start $[w_1, w_2, b] = {weights_text(v['start'])}$, learning rate $\\eta = {q(v['learning_rate'])}$, "
            f"samples in the order {order} in every epoch, at most {v['max_epochs']} epochs\n")


def worked_table(data: dict, printed) -> str:
    """004's problem finished under the three rules."""
    results = symbolic.worked_problem(**worked_inputs(data))
    rows_spec = [("w1x1", r"w_1(0)\, x_1"), ("w2x2", r"w_2(0)\, x_2"), ("s", r"s = w(0) \cdot x + b(0)"),
                 ("y", "y"), ("t_minus_y", "t - y"), ("w1", "w_1(1)"), ("w2", "w_2(1)"), ("b", "b(1)"),
                 ("s_new", r"s = w(1) \cdot x + b(1)"), ("y_new", "y \\text{ after}")]
    rows = []
    for key, label in rows_spec:
        cells = [q(results[rule][key]) for rule in symbolic.RULES]
        rows.append((math(label), *cells, _note(printed, key, cells[0])))
    header = ["quantity", "delta rule ($y = s$)", r"perceptron rule ($y = \tau(s)$)",
              r"gradient of $J$ ($\rho = \eta$)", "note"]
    delta = results["delta"]
    sentence = (f"\nDelta rule: the error $t - y$ goes from {q(delta['t_minus_y'])} to {q(delta['t_minus_y_new'])}, "
                f"which is $1 - \\eta\\,(x_1^2 + x_2^2 + 1) = 1 - {q(delta['step_size'])}$ times the old error.\n")
    return table(header, rows, "lrrrr") + sentence


# --- training ------------------------------------------------------------------------------------

def _training_settings(data: dict) -> dict:
    tr = data["training"]
    return dict(start=exact_list(tr, "start", 3), learning_rate=exact(tr["learning_rate"], "learning_rate"),
                order=[tuple(p) for p in tr["order"]], max_epochs=tr["max_epochs"])


def training_tables(data: dict) -> dict[str, str]:
    settings = _training_settings(data)
    files = {}
    for gate in data["training"]["gates"]:
        run = symbolic.train(symbolic.gate_truth(gate), **settings)
        rows = [(0, weights_text(settings["start"]), "—")]
        rows += [(e, weights_text(after[-1]), errs)
                 for e, (after, errs) in enumerate(zip(run.epochs, run.errors), start=1)]
        out = table(["epoch", "[w1, w2, b] at its end", "errors in the epoch"], rows, "clc")
        if run.converged:
            out += (f"\nConverged: epoch {len(run.epochs)} makes no error; the weights "
                    f"{weights_text(run.epochs[-1][-1])} compute {gate}.\n")
        else:
            out += (f"\nNever converged: stopped by the limit of {settings['max_epochs']} epochs, "
                    f"with {run.errors[-1]} errors in the last.\n")
        if run.cycle:
            first, period = run.cycle
            epochs = "epoch" if period == 1 else f"{period} epochs"
            out += (f"\nThe weights at the end of epoch {first + period - 1} equal those at the end of "
                    f"epoch {first - 1}: every epoch from {first} on repeats the {epochs} before it, "
                    f"{period * len(settings['order'])} updates that lead back to where they began.\n")
            files[f"training_{gate.lower()}_cycle.md"] = _cycle_table(run, settings, gate)
        files[f"training_{gate.lower()}.md"] = out
    return files


def _cycle_table(run, settings, gate) -> str:
    """Sample by sample through the repeating epoch(s): the weights come back to where they began."""
    first, period = run.cycle
    start = run.epochs[first - 2][-1] if first > 1 else tuple(settings["start"])
    truth = dict(zip(INPUTS, symbolic.gate_truth(gate)))
    rows, weights = [], start
    for epoch in range(first, first + period):
        for point, after in zip(settings["order"], run.epochs[epoch - 1]):
            out = symbolic.step(symbolic.weighted_sum(weights, point))
            rows.append((epoch, _tuple(point), truth[point], out, weights_text(after)))
            weights = after
    return (f"Start of epoch {first}: {weights_text(start)}.\n\n"
            + table(["epoch", "sample", "$t$", "$y$", "[w1, w2, b] after"], rows, "ccccl"))


# --- errata --------------------------------------------------------------------------------------

def errata_table(data: dict, gates) -> str:
    rows = []
    for e in errata(data):
        if e.id == "nand-restated-bias":
            stated = tuple(Fraction(v.strip()) for v in e.note_value.strip("[]").split(","))
            nand = next(w for g, w in gates if g == "NAND")
            derived = (f"{weights_text(nand)} gives {_tuple(symbolic.truth_table(nand))} (NAND)")
            consequence = f"{weights_text(stated)} gives {_tuple(symbolic.truth_table(stated))}"
        elif e.id == "step-boundary":
            weights = next(w for g, w in gates if g == "AND" and symbolic.truth_table(w, symbolic.step_as_printed)
                           != symbolic.truth_table(w))
            derived = (f"with the code's $s > 0$, {weights_text(weights)} gives "
                       f"{_tuple(symbolic.truth_table(weights))} (AND)")
            consequence = (f"with the formula's $s \\geq 0$ it gives "
                           f"{_tuple(symbolic.truth_table(weights, symbolic.step_as_printed))} (OR)")
        elif e.id == "np-int-removed":
            derived = "`np.array(x > 0, dtype=int)` (the page's `step`)"
            consequence = f"AttributeError on NumPy {np.__version__.split('.')[0]}.x"
        elif e.id == "gradient-sign":
            g = symbolic.objective_gradient()[w1]
            derived = math(rf"\frac{{\partial J}}{{\partial w_1}} = {sp.latex(g)}")
            consequence = "the update adds ρ Σ y_k x_k because it subtracts ρ ∂J/∂w"
        elif e.id == "objective-condition-3":
            example = data["objective_example"]
            labels = [1 if out else -1 for out in symbolic.gate_truth(example["gate"])]
            runs = [(exact_list({"w": w}, "w", 3),) + symbolic.objective(exact_list({"w": w}, "w", 3),
                                                                          INPUTS, labels)
                    for w in example["weights"]]
            (wa, ja, ya), (wb, jb, yb) = _counterexample(runs)
            derived = (f"$w$ = {weights_text(wa)}: {len(ya)} misclassified, $J$ = {q(ja)}; "
                       f"$w$ = {weights_text(wb)}: {len(yb)} misclassified, $J$ = {q(jb)}")
            consequence = "more misclassified samples, smaller J"
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        quoted = {"step-boundary": math(e.printed), "np-int-removed": f"`{e.printed}`"}.get(e.id, e.printed)
        rows.append((f"`{e.source}` {e.section}", quoted, derived, consequence, e.explanation))
    fields = ["where", "the note printed", "derived", "what the note's version does", "why"]
    # One small table per slip: five long columns side by side do not fit a page.
    return "\n".join(table([f"{i}.", "&nbsp;"], zip(fields, row), "ll")
                      for i, row in enumerate(rows, start=1))


def _counterexample(runs):
    """Two weight vectors where the one with more misclassified samples has the smaller J."""
    for wa, ja, ya in runs:
        for wb, jb, yb in runs:
            if len(yb) > len(ya) and jb < ja:
                return (wa, ja, ya), (wb, jb, yb)
    raise ArithmeticError("the example has no counterexample to condition 3")


# --- NumPy, run ----------------------------------------------------------------------------------

def numpy_transcripts(data: dict) -> dict[str, str]:
    gates = data["gates"]
    net = data["xor_network"]["weights"]
    p = data["worked_problem"]
    tr = data["training"]
    gate_calls = ["import numpy as np",
                  "from derivations.numeric.perceptron import INPUTS, perceptron, xor, step"]
    gate_calls += [f"perceptron(INPUTS, {g['weights']})  # {g['gate']}" for g in gates]
    gate_calls.append(f"xor(INPUTS, nand={net['NAND']}, or_={net['OR']}, and_={net['AND']})")
    step_calls = [
        "import numpy as np",
        "from derivations.numeric.perceptron import step",
        "s = np.array([-1.0, 0.0, 1.0])",
        "step(s)",
        "try:\n    np.array(s > 0, dtype=np.int)   # the note's code\n"
        "except AttributeError as error:\n    print(type(error).__name__, '-', str(error).splitlines()[0])",
    ]
    rule_calls = [
        "from derivations.numeric.perceptron import delta_rule, perceptron_rule",
        f"w, b, x, t, eta = {p['w0']}, {p['b0']}, {p['x']}, {p['t']}, {p['learning_rate']}",
        "delta_rule(w, b, x, t, eta)",
        "perceptron_rule(w, b, x, t, eta)",
    ]
    train_calls = ["from derivations.numeric.perceptron import INPUTS, train"]
    for gate in tr["gates"]:
        truth = list(symbolic.gate_truth(gate))
        train_calls.append(f"run = train(INPUTS, {truth}, start={tr['start']}, eta={tr['learning_rate']}, "
                           f"max_epochs={tr['max_epochs']})  # {gate}")
        train_calls.append("len(run.errors), run.converged, run.cycle, run.weights[-1]")
    return {
        "numpy_gates.md": transcript(gate_calls, {}),
        "numpy_step.md": transcript(step_calls, {}),
        "numpy_rules.md": transcript(rule_calls, {}),
        "numpy_train.md": transcript(train_calls, {}),
    }


# --- figures -------------------------------------------------------------------------------------

SIZE, PAD = 300, 40
LOW, HIGH = -0.5, 1.5
"""The drawing shows x1, x2 ∈ [−0.5, 1.5] in a SIZE × SIZE square inside a margin PAD."""


def _px(x1: Fraction, x2: Fraction) -> tuple[float, float]:
    scale = SIZE / (HIGH - LOW)
    return PAD + float(x1 - Fraction(LOW)) * scale, PAD + SIZE - float(x2 - Fraction(LOW)) * scale


def _clip(weights) -> list[tuple[Fraction, Fraction]]:
    """Where the line w1·x1 + w2·x2 + b = 0 crosses the border of the drawn square."""
    a, c, d = (Fraction(v) for v in weights)
    lo, hi = Fraction(LOW), Fraction(HIGH)
    points = []
    if c:
        points += [(x, -(a * x + d) / c) for x in (lo, hi)]
    if a:
        points += [(-(c * y + d) / a, y) for y in (lo, hi)]
    inside = sorted({p for p in points if lo <= p[0] <= hi and lo <= p[1] <= hi})
    return [inside[0], inside[-1]] if len(inside) >= 2 else []


BOUNDARY_COLOURS = ("#e8590c", "#1c7ed6")
"""Mid-tone orange and blue: readable on Material's white and on its near-black slate."""


def gate_svg(gate: str, lines: list) -> str:
    """The four inputs (filled: output 1, hollow: output 0) and each named perceptron's decision
    line, ``lines`` being (name, [w1, w2, b]) pairs.

    Text, axes and points are drawn in ``currentColor``, so the figure follows the page's light or
    dark theme; hollow points are filled with the page's background colour.
    """
    truth = symbolic.gate_truth(gate)
    title = f"{gate}: the four inputs and the decision line" + ("s" if len(lines) > 1 else "")
    parts = [f'<svg class="gate" viewBox="0 0 {SIZE + 2 * PAD} {SIZE + 2 * PAD}" role="img" '
             'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="16" '
             'fill="currentColor">', f"<title>{title}</title>"]
    axis_x, _ = _px(Fraction(0), Fraction(0))
    _, axis_y = _px(Fraction(0), Fraction(0))
    axis = 'stroke="currentColor" stroke-opacity="0.5" stroke-width="1"'
    parts.append(f'<line x1="{axis_x:.1f}" y1="{PAD + SIZE}" x2="{axis_x:.1f}" y2="{PAD}" {axis}/>')
    parts.append(f'<line x1="{PAD}" y1="{axis_y:.1f}" x2="{PAD + SIZE}" y2="{axis_y:.1f}" {axis}/>')
    parts.append(f'<text x="{PAD + SIZE}" y="{axis_y - 8:.1f}" text-anchor="end">x1</text>')
    parts.append(f'<text x="{axis_x + 8:.1f}" y="{PAD + 12}">x2</text>')
    for k, (name, weights) in enumerate(lines):
        ends = _clip(weights)
        colour = BOUNDARY_COLOURS[k % len(BOUNDARY_COLOURS)]
        if ends:
            (ax, ay), (bx, by) = (_px(*p) for p in ends)
            parts.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" '
                         f'stroke="{colour}" stroke-width="3"/>')
        parts.append(f'<text x="{PAD}" y="{PAD - 22 + 16 * k}" fill="{colour}">'
                     f'{name} {weights_text(weights)}: w1·x1 + w2·x2 + b = 0</text>')
    for point, out in zip(INPUTS, truth):
        cx, cy = _px(Fraction(point[0]), Fraction(point[1]))
        fill = "currentColor" if out else "var(--md-default-bg-color, #fff)"
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="10" fill="{fill}" stroke="currentColor" '
                     'stroke-width="2"/>')
        parts.append(f'<text x="{cx:.1f}" y="{cy + 28:.1f}" text-anchor="middle">'
                     f'({point[0]}, {point[1]}) → {out}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"

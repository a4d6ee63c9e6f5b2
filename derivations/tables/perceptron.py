"""Tables, transcripts and figures of the perceptron's gates (``docs/perceptron.md``, first half):
the step function, the gates as weight sets, the proof that no weights compute XOR, and the notes'
slips.

The update rules and training are :mod:`derivations.tables.perceptron_learning`.

Values come from :mod:`derivations.symbolic.perceptron` (exact rationals); the NumPy transcripts
run :mod:`derivations.numeric.perceptron`. The notes' printed values appear only in "note" columns,
read from ``derivations/problems/perceptron.toml``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.problems import data_file, errata, exact_list, printed_values
from derivations.symbolic import perceptron as symbolic
from derivations.symbolic.perceptron import INPUTS, WEIGHTS, w1
from derivations.tables.common import math, plain, table
from derivations.tables.language import localized, tr
from derivations.tables.scripts import shown

CHAPTER = "perceptron"


def generate() -> dict[str, str]:
    """Every generated file of the chapter, by path under ``docs/``."""
    data = data_file(CHAPTER)
    printed = {p.name: p for p in printed_values(data)}
    gates = document_gates(data)
    files = {
        "step_functions.md": step_table(),
        "gates.md": gates_table(gates, printed, code_weights(data)),
        "xor_conditions.md": conditions_table("XOR"),
        "xor_proof.md": elimination_steps("XOR"),
        "feasible.md": feasible_table(gates),
        "xor_best.md": best_table(printed),
        "xor_network.md": xor_network_table(data),
        "errata.md": errata_table(data, gates),
        "numpy_gates.md": shown(CHAPTER, "numpy_gates"),
        "numpy_step.md": shown(CHAPTER, "numpy_step"),
    }
    for i, (gate, weights) in enumerate(gates, start=1):
        files[f"gate_{i}_{gate.lower()}.svg"] = gate_svg(gate, [(gate, weights)])
    net = data["xor_network"]["weights"]
    files["gate_xor.svg"] = gate_svg("XOR", [(g, exact_list(net, g, 3)) for g in data["xor_network"]["hidden"]])
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def document_gates(data: dict) -> list[tuple[str, tuple[Fraction, ...]]]:
    """The note's gate weight sets, [w1, w2, b], as exact rationals."""
    return [(g["gate"], exact_list(g, "weights", 3)) for g in data["gates"]]


def code_weights(data: dict) -> dict[str, tuple[Fraction, ...]]:
    """The weight set each gate function of the note's code runs, by the function's name."""
    return {c["function"]: exact_list(c, "weights", 3) for c in data["gate_code"]}


def q(value) -> str:
    """An exact value as a reader writes it: 9/8 is 1.125, 1/3 stays 1/3."""
    value = sp.Rational(value)
    return plain(Fraction(int(value.p), int(value.q)))


def weights_text(weights) -> str:
    return "[" + ", ".join(q(v) for v in weights) + "]"


def tuple_text(values) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


def note_cell(printed, name: str, derived: str) -> str:
    if name not in printed:
        return "—"
    return f"{printed[name].value} {'✓' if printed[name].value == derived else '✗'}"


# --- steps and gates ----------------------------------------------------------------------------

def step_table() -> str:
    """The three step rules of the notes, on a negative, a zero and a positive weighted sum."""
    rows = [(q(v), symbolic.step(v), symbolic.step_as_printed(v), symbolic.sign_step(v))
            for v in map(sp.Integer, (-1, 0, 1))]
    header = ["$s$", tr("002 gate code: 1 if $s > 0$, else 0"), tr("002 §1.1 formula: 1 if $s \\geq 0$, else 0"),
              tr("004 $\\tau(s)$: 1 if $s > 0$, else −1")]
    return table(header, rows, "rccc")


def gates_table(gates, printed, code) -> str:
    """Each weight set of the note: s on the four inputs (exact), the output, the gate's logic."""
    rows = []
    for gate, weights in gates:
        # a printed output belongs to the one set the note's code ran, not to every set of its gate
        function = f"{gate}_gate"
        ran = code.get(function) == tuple(weights)
        sums = [symbolic.weighted_sum(weights, point) for point in INPUTS]
        outputs = symbolic.truth_table(weights)
        agrees = "✓" if outputs == symbolic.gate_truth(gate) else "✗"
        rows.append((gate, weights_text(weights), ", ".join(q(v) for v in sums),
                     f"{tuple_text(outputs)} {agrees}",
                     note_cell(printed, function, tuple_text(outputs)) if ran else "—"))
    header = [tr("gate"), "[w1, w2, b]", tr("$s$ on (0,0), (0,1), (1,0), (1,1)"), tr("output (✓: it is the gate)"),
              tr("the note's code printed")]
    return table(header, rows, "llllr")


# --- XOR: the proof ------------------------------------------------------------------------------

def conditions_table(gate: str) -> str:
    truth = symbolic.gate_truth(gate)
    rows = [(tuple_text(p), out, math(c.latex()))
            for p, out, c in zip(INPUTS, truth, symbolic.gate_conditions(truth))]
    return table([tr("input"), tr("output wanted"), tr("condition on $w_1, w_2, b$")], rows, "lcl")


def _combination(q_: symbolic.Inequality) -> str:
    """A derived inequality as the sum of the original conditions it combines."""
    terms = [(m, i) for i, m in enumerate(q_.multipliers, start=1) if m]
    return " + ".join(("" if m == 1 else f"{sp.latex(m)} \\times ") + f"({i})" for m, i in terms)


def elimination_steps(gate: str) -> str:
    """Fourier–Motzkin on the gate's conditions: each stage, and how the last line arises."""
    result = symbolic.fourier_motzkin(symbolic.gate_conditions(symbolic.gate_truth(gate)))
    rows = []
    for j, stage in enumerate(result.stages):
        left = ", ".join(math(sp.latex(v)) for v in result.variables[j:]) or tr("none")
        for q_ in stage:
            rows.append((j, left, math(q_.latex()), math(_combination(q_))))
    out = table([tr("eliminated"), tr("variables left"), tr("inequality"), tr("= sum of conditions")], rows, "clll")
    if result.feasible:
        return out + "\n" + tr("Feasible: {witness}", witness=math(_witness(result.witness))) + "\n"
    return out + "\n" + tr("The last line is false: {inequality}.", inequality=math(result.certificate.latex())) + "\n"


def _witness(witness) -> str:
    return ", ".join(f"{sp.latex(v)} = {q(witness[v])}" for v in WEIGHTS)


def feasible_table(gates) -> str:
    """The same procedure on AND, NAND, OR: it finds weights, and they compute the gate."""
    rows = []
    for gate in sorted({g for g, _ in gates}):
        result = symbolic.fourier_motzkin(symbolic.gate_conditions(symbolic.gate_truth(gate)))
        w = [result.witness[v] for v in WEIGHTS]
        outputs = symbolic.truth_table(w)
        rows.append((gate, tr("yes") if result.feasible else tr("no"), weights_text(w),
                     f"{tuple_text(outputs)} {'✓' if outputs == symbolic.gate_truth(gate) else '✗'}"))
    return table([tr("gate"), tr("feasible"), tr("weights found [w1, w2, b]"), tr("their truth table")], rows, "lcll")


def best_table(printed) -> str:
    """Drop one XOR input at a time: three conditions always have a solution."""
    size, found = symbolic.best_accuracy(symbolic.gate_truth("XOR"))
    rows = []
    truth = symbolic.gate_truth("XOR")
    for dropped, result in sorted(found, key=lambda f: f[0]):
        w = [result.witness[v] for v in WEIGHTS]
        outputs = symbolic.truth_table(w)
        right = sum(o == t for o, t in zip(outputs, truth))
        rows.append((tuple_text(INPUTS[dropped]), weights_text(w), tuple_text(outputs), tr("{right} of {n}", right=right, n=len(truth))))
    percent = Fraction(size, len(truth)) * 100
    out = table([tr("input given up"), tr("weights found [w1, w2, b]"), tr("outputs"), tr("right")], rows, "lllc")
    note = note_cell(printed, "xor_best_accuracy_percent", plain(percent))
    return out + "\n" + tr("At most {size} of {n} inputs: {percent} % (the note's figure: {note}).",
                            size=size, n=len(truth), percent=plain(percent), note=note) + "\n"


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
    return table(header, rows, "cccccc") + "\n" + tr("Weights [w1, w2, b]: {layers}.", layers=layers) + "\n"


# --- errata --------------------------------------------------------------------------------------

def errata_table(data: dict, gates) -> str:
    rows = []
    explanations = {e["id"]: localized(e, "explanation", f"{CHAPTER}.toml") for e in data["errata"]}
    for e in errata(data):
        if e.id == "nand-restated-bias":
            stated = tuple(Fraction(v.strip()) for v in e.note_value.strip("[]").split(","))
            nand = next(w for g, w in gates if g == "NAND")
            derived = tr("{weights} gives {outputs} (NAND)", weights=weights_text(nand),
                         outputs=tuple_text(symbolic.truth_table(nand)))
            consequence = tr("{weights} gives {outputs}", weights=weights_text(stated),
                             outputs=tuple_text(symbolic.truth_table(stated)))
        elif e.id == "step-boundary":
            weights = next(w for g, w in gates if g == "AND" and symbolic.truth_table(w, symbolic.step_as_printed)
                           != symbolic.truth_table(w))
            derived = tr("with the code's $s > 0$, {weights} gives {outputs} (AND)",
                         weights=weights_text(weights), outputs=tuple_text(symbolic.truth_table(weights)))
            consequence = tr("with the formula's $s \\geq 0$ it gives {outputs} (OR)",
                             outputs=tuple_text(symbolic.truth_table(weights, symbolic.step_as_printed)))
        elif e.id == NP_INT:
            derived = tr("{fix} (the page's `step`; the activations chapter points here)", fix=f"`{np_int_fix(e)}`")
            consequence = tr("AttributeError on NumPy {major}.x", major=np.__version__.split('.')[0])
        elif e.id == "gradient-sign":
            g = symbolic.objective_gradient()[w1]
            derived = math(rf"\frac{{\partial J}}{{\partial w_1}} = {sp.latex(g)}")
            consequence = tr("the update adds ρ Σ y_k x_k because it subtracts ρ ∂J/∂w")
        elif e.id == "objective-condition-3":
            example = data["objective_example"]
            labels = [1 if out else -1 for out in symbolic.gate_truth(example["gate"])]
            runs = [(exact_list({"w": w}, "w", 3),) + symbolic.objective(exact_list({"w": w}, "w", 3),
                                                                          INPUTS, labels)
                    for w in example["weights"]]
            (wa, ja, ya), (wb, jb, yb) = _counterexample(runs)
            derived = "; ".join(tr("$w$ = {weights}: {count} misclassified, $J$ = {J}", weights=weights_text(w),
                                   count=len(y), J=q(j)) for w, j, y in ((wa, ja, ya), (wb, jb, yb)))
            consequence = tr("more misclassified samples, smaller J")
        elif e.id == "two-input-layers":
            inputs = ", ".join(f"$x_{i}$" for i in range(1, len(gates[0][1])))   # [w1, …, b]: one per input
            derived = tr("the input layer sends {inputs}; the output layer computes $y$ from them",
                         inputs=inputs)
            consequence = tr("two input layers and no output layer: no layer computes $y$")
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        quoted = {"step-boundary": math(e.printed), NP_INT: f"`{e.printed}`"}.get(e.id, e.printed)
        rows.append((e.id, (f"`{e.source}` {e.section}", quoted, derived, consequence, explanations[e.id])))
    fields = [tr("where"), tr("the note printed"), tr("derived"), tr("what the note's version does"), tr("why")]
    # One small table per slip: five long columns side by side do not fit a page. Each has an
    # anchor, so another page can point to a slip instead of repeating it.
    return "\n".join(f'<span id="{slip_anchor(id_)}"></span>\n\n' + table([f"{i}.", "&nbsp;"], zip(fields, row), "ll")
                      for i, (id_, row) in enumerate(rows, start=1))


NP_INT = "np-int-removed"
"""002 §2.3's step code with ``dtype=np.int``: one slip, listed here and pointed to from the
activations chapter, with one fix."""


def slip_anchor(erratum_id: str) -> str:
    """The id of a slip's table on the perceptron page."""
    return f"slip-{erratum_id}"


def np_int_fix(e) -> str:
    """The note's step line with ``np.int``, the removed alias of ``int``, written ``int``."""
    if "dtype=np.int)" not in e.printed:
        raise ValueError(f"erratum {e.id!r} does not quote the dtype=np.int line")
    return e.printed.removeprefix("return ").replace("dtype=np.int)", "dtype=int)")


def _counterexample(runs):
    """Two weight vectors where the one with more misclassified samples has the smaller J."""
    for wa, ja, ya in runs:
        for wb, jb, yb in runs:
            if len(yb) > len(ya) and jb < ja:
                return (wa, ja, ya), (wb, jb, yb)
    raise ArithmeticError("the example has no counterexample to condition 3")


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
    title = (tr("{gate}: the four inputs and the decision lines", gate=gate) if len(lines) > 1
             else tr("{gate}: the four inputs and the decision line", gate=gate))
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

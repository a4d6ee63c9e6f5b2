"""Tables and NumPy sessions of ``docs/forward.md``: a dense layer as the matrix product XW + B, its
shapes and parameter counts, and Keras-style summaries.

Values come from :mod:`derivations.symbolic.dense` (exact) and :mod:`derivations.numeric.dense`
(the shapes NumPy's arrays take). The notes' printed values appear only in "note" columns, read
from ``dense.toml``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import activations as numeric_activations
from derivations.numeric import dense as numeric
from derivations.problems import Printed, data_file, errata, printed_values
from derivations.symbolic import dense as symbolic
from derivations.tables.common import agreement, check, display, fixed, math, table
from derivations.tables.language import both, localized, tr
from derivations.tables.scripts import shown

CHAPTER = "dense"
"""The data file read, and the folder under ``docs/generated/`` written (shared with the dense
network and graph pages, whose modules write beside these files)."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    printed = printed_values(data)
    files = {
        "xw_plus_b.md": xw_plus_b_derivation(),
        "two_outputs.md": two_outputs_derivation(),
        "two_outputs_numpy.md": two_outputs_numpy(data),
        "batch.md": batch_derivation(data),
        "summary_3_2.md": summary_block(networks(data)["softmax_3_2"]["widths"]),
        "summary_4_8_8_3.md": summary_block(networks(data)["mlp_4_8_8_3"]["widths"]),
        "shape_steps.md": shape_steps_derivation(),
        "shapes.md": shapes_table(data, printed),
        "printed.md": printed_table(data, printed),
        "errata.md": errata_table(data),
        "numpy_forward.md": shown(CHAPTER, "numpy_forward"),
    }
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


def two_outputs_derivation() -> str:
    """softmax([h1, h2]) against σ(h1 − h2), and what SymPy leaves of their differences."""
    (first, second), sigmoid, difference, complement = symbolic.two_outputs()
    y1, y2 = sp.latex(symbolic.y1), sp.latex(symbolic.y2)
    gap = sp.latex(symbolic.h1 - symbolic.h2, order="none")
    return "\n".join([
        display(rf"\begin{{aligned}} {y1} &= {sp.latex(first)} \\ {y2} &= {sp.latex(second)} \\ "
                rf"\sigma({gap}) &= {sp.latex(sigmoid)} \end{{aligned}}"),
        display(rf"{y1} - \sigma({gap}) = {sp.latex(difference)}, \quad "
                rf"{y2} - \left(1 - {y1}\right) = {sp.latex(complement)}"),
    ])


def seeded_3_2(data: dict) -> tuple[numeric.Layer, np.ndarray]:
    """The 3 → 2 softmax layer and batch of ``[random_3_2]``, drawn as the seeded 4-8-8-3 network is."""
    spec = data["random_3_2"]
    net = networks(data)["softmax_3_2"]
    (n, j), (activation,) = net["widths"], net["activations"]
    rng = np.random.default_rng(spec["seed"])
    draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), spec["decimals"])  # noqa: E731
    layer = numeric.Layer(draw((n, j)), draw(j), activation)
    return layer, draw((spec["batch"], n))


def two_outputs_numpy(data: dict) -> str:
    """The chapter's NumPy forward pass on the seeded 3 → 2 layer, each softmax output beside the
    sigmoid of h1 − h2 computed from the same Z."""
    layer, X = seeded_3_2(data)
    places = data["random_3_2"]["decimals"]
    (cache,) = numeric.forward([layer], X)
    sigma = numeric_activations.sigmoid(cache.Z[:, 0] - cache.Z[:, 1])
    entry = lambda v: fixed(v, places)  # noqa: E731
    rows = [(str(i), fixed(h1), fixed(h2), fixed(o1), fixed(s), agreement(s, o1), agreement(1 - s, o2))
            for i, ((h1, h2), (o1, o2), s) in enumerate(zip(cache.Z, cache.A, sigma), start=1)]
    return "\n".join([
        display(rf"X = {latex_matrix(sp.Matrix(X), entry)}, \quad W = {latex_matrix(sp.Matrix(layer.weights), entry)}, "
                rf"\quad B = {latex_matrix(sp.Matrix([layer.biases]), entry)}"),
        table([tr("sample"), math("h_{1}"), math("h_{2}"), math("y_{1}"), math(r"\sigma(h_{1} - h_{2})"),
               math(r"y_{1} - \sigma(h_{1} - h_{2})"), math(r"y_{2} - \left(1 - \sigma(h_{1} - h_{2})\right)")],
              rows, "crrrrcc"),
    ])


def batch_derivation(data: dict) -> str:
    samples = data["batch"]["samples"]
    X, Y = symbolic.batch_of(samples)
    count = len(symbolic.parameters(Y))
    return "\n".join([
        display(rf"XW + B = {latex_matrix(X)} {latex_matrix(symbolic.W_001)} + "
                rf"{latex_matrix(sp.ones(samples, 1) * symbolic.B_001)}"),
        display(rf"= {latex_matrix(Y)}"),
        table(["", tr("shape"), tr("learnable parameters it holds")], [
            (math("X"), math(dims(X.shape)), "0"),
            (math("W"), math(dims(symbolic.W_001.shape)), str(len(symbolic.parameters(symbolic.W_001)))),
            (math("B"), tr("{shape}, repeated for {rows} rows", shape=math(dims(symbolic.B_001.shape)), rows=samples),
             str(len(symbolic.parameters(symbolic.B_001)))),
            (math("XW + B"), math(dims(Y.shape)), str(count)),
        ], "lll"),
    ])


def summary_block(widths: list[int]) -> str:
    command = "python -m derivations summary " + " ".join(map(str, widths))
    return f"```text\n$ {command}\n{numeric.summary(widths)}```\n"


def shape_steps_derivation() -> str:
    (n, j) = (4, 8)
    # The reasons are symbolic.dense's English sentences; the catalog holds each one's Korean.
    rows = [(tr(step.reason), math(shape_equation(step.X, step.W, step.B, step.Y)))
            for step in symbolic.shape_steps(1, n, j)]
    return table([both("step", "단계"), tr("shapes")], rows, "ll")


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
        rows.append((tr("layer {i} ({activation})", i=i, activation=f), math(shape_equation(*derived)), f"{s.W[0]} × {s.W[1]}",
                     str(s.W[1]), str(s.parameters), check(numpy_agrees), note_cell))
    total = sum(s.parameters for s in numeric.shapes(net["widths"]))
    rows.append((tr("total"), "", "", "", f"**{total}**", "", ""))
    return table([tr("layer"), tr("SymPy: shapes"), tr("weights"), tr("biases"), tr("parameters"), "NumPy",
                  tr("note")],
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
        shown = tr("Keras' summary (above)") if "\n" in p.value else note_math(p.value)
        rows.append((f"`{p.source}` {p.section}", f"`{p.name}`", shown,
                     check(value.strip("\n") == p.value.strip("\n"))))
    return table([tr("where"), tr("quantity"), tr("the note printed"), tr("derived")], rows, "lllc")


def errata_table(data: dict) -> str:
    """The slips of notes 001 and 002 (layer shapes), beside what is derived."""
    widths = networks(data)["mlp_4_8_8_3"]["widths"]
    shapes = {f"layer_{i}": s for i, s in enumerate(numeric.shapes(widths), start=1)}
    rows = []
    for e in (e for e in errata(data) if e.source.startswith(("001", "002"))):
        if e.quantity == "layer_2":
            s = shapes["layer_2"]
            derived = tr("layer 2: {inputs} → {units}; only {count} weight matrices", inputs=s.W[0], units=s.W[1],
                         count=len(shapes))
        elif e.quantity == "B_shape_layer_1":
            step = symbolic.shape_steps(1, 4, 8)[3]
            derived = tr("{shape} once B takes Y's shape", shape=math(rf"B_{{{dims(step.B)}}}"))
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        rows.append((f"`{e.source}` {e.section}", e.printed, derived,
                     localized(e, "explanation", "dense.toml")))
    return table([tr("where"), tr("the note printed"), tr("derived"), tr("why")], rows)



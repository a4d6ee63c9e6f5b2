"""The kinds of derivative (``docs/graph.md``, "Three kinds of derivative"): scalar → scalar,
vector → scalar (the gradient) and vector → vector (the Jacobian), one example of each with its
shapes, every entry exact and in NumPy.

Exact values from :mod:`derivations.symbolic.derivative_kinds` (SymPy's derivatives), float64 from
:mod:`derivations.numeric.derivative_kinds` (the chain rule written out); the examples live in
``derivations/problems/deep.toml``.
"""

from __future__ import annotations

import numpy as np

from derivations.numeric import derivative_kinds as numeric
from derivations.problems import data_file
from derivations.symbolic import derivative_kinds as symbolic
from derivations.tables.certain import certain
from derivations.tables.common import agreement, table
from derivations.tables.language import tr
from derivations.tables.scripts import shown

CHAPTER = "derivative_kinds"
"""The folder under ``docs/generated/`` written (the data is ``deep.toml``'s [derivatives])."""


def generate() -> dict[str, str]:
    d = data_file("deep")["derivatives"]
    return {f"generated/{CHAPTER}/kinds.md": kinds_table(d), f"generated/{CHAPTER}/values.md": values_table(d),
            f"generated/{CHAPTER}/settings.md": settings_text(d),
            f"generated/{CHAPTER}/numpy_derivative_kinds.md": shown("dense", "numpy_derivative_kinds")}


def computed(d: dict) -> dict[str, tuple]:
    """Each kind: (exact, as a SymPy matrix or number; NumPy's array)."""
    return {
        "scalar → scalar": (symbolic.scalar_to_scalar(d["z"]), np.asarray(numeric.scalar_to_scalar(d["z"]))),
        "vector → scalar": (symbolic.vector_to_scalar(d["w"], d["x"], d["t"]),
                            numeric.vector_to_scalar(d["w"], d["x"], d["t"])),
        "vector → vector": (symbolic.vector_to_vector(d["W"], d["b"], d["x"]),
                            numeric.vector_to_vector(d["W"], d["b"], d["x"])),
    }


KINDS = {"scalar → scalar": tr("scalar → scalar"), "vector → scalar": tr("vector → scalar"),
         "vector → vector": tr("vector → vector")}
"""Each kind as a page names it."""

FUNCTIONS = {
    "scalar → scalar": (r"$\sigma(z)$", r"$\dfrac{d\sigma}{dz}$", tr("derivative (미분)")),
    "vector → scalar": (r"$L(\mathbf{w}) = \tfrac{1}{2}\left(t - \sigma(\mathbf{w}^\top \mathbf{x})\right)^2$",
                        r"$\nabla_{\mathbf{w}} L$", tr("gradient (그래디언트): partial derivatives (편미분)")),
    "vector → vector": (r"$\mathbf{y} = \sigma(W\mathbf{x} + \mathbf{b})$",
                        r"$\dfrac{\partial \mathbf{y}}{\partial \mathbf{x}}$", tr("Jacobian (야코비안)")),
}


def kinds_table(d: dict) -> str:
    n, m = len(d["x"]), len(d["W"])
    shapes = {"scalar → scalar": ("1", "1"), "vector → scalar": (f"{n}", "1"), "vector → vector": (f"{n}", f"{m}")}
    rows = []
    for kind, (exact, approx) in computed(d).items():
        f, derivative, name = FUNCTIONS[kind]
        shape = tr("a number") if approx.ndim == 0 else " × ".join(map(str, approx.shape))
        rows.append((KINDS[kind], f, shapes[kind][0], shapes[kind][1], derivative, name, shape))
    header = [tr("kind"), tr("example"), tr("inputs"), tr("outputs"), tr("derivative"), tr("name (004)"),
              tr("its shape")]
    return table(header, rows, "llrrlll")


def _entries(kind: str, exact, approx):
    """(label, exact entry, NumPy entry) for each entry of one derivative."""
    if approx.ndim == 0:
        return [(r"$d\sigma/dz$", exact, float(approx))]
    if approx.ndim == 1:
        return [(rf"$\partial L / \partial w_{{{j + 1}}}$", exact[j], float(approx[j])) for j in range(len(approx))]
    return [(rf"$\partial y_{{{i + 1}}} / \partial x_{{{j + 1}}}$", exact[i, j], float(approx[i, j]))
            for i in range(approx.shape[0]) for j in range(approx.shape[1])]


def values_table(d: dict) -> str:
    rows = []
    for kind, (exact, approx) in computed(d).items():
        rows += [(KINDS[kind], label, certain(e), f"{a:.8f}", agreement(e.evalf(30), a))
                 for label, e, a in _entries(kind, exact, approx)]
    return table([tr("kind"), tr("entry"), tr("SymPy (exact, 8 places)"), "NumPy float64", tr("gap")], rows, "llrrc")


def settings_text(d: dict) -> str:
    W = ", ".join("(" + ", ".join(map(str, row)) + ")" for row in d["W"])
    return (f"$z = {d['z']}$; $\\mathbf{{x}} = ({', '.join(map(str, d['x']))})$, "
            f"$\\mathbf{{w}} = ({', '.join(map(str, d['w']))})$, $t = {d['t']}$; "
            + tr("$W$ with rows {rows}", rows=W) + f", $\\mathbf{{b}} = ({', '.join(map(str, d['b']))})$\n")

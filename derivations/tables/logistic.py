"""Logistic regression as one sigmoid neuron (``docs/perceptron.md``, "A sigmoid instead of a
step"): the note's sentences, the binary cross-entropy gradient derived, one step worked.

Values come from :mod:`derivations.symbolic.logistic` (exact, in terms of e) beside
:mod:`derivations.numeric.logistic` (float64); the example lives in
``derivations/problems/logistic.toml``.
"""

from __future__ import annotations

import sympy as sp

from derivations.numeric import logistic as numeric
from derivations.problems import data_file, errata, exact, exact_list
from derivations.symbolic import logistic as symbolic
from derivations.tables.common import agreement, display, fixed, math, plain, table
from derivations.tables.language import both, localized, tr
from derivations.tables.scripts import shown

CHAPTER = "logistic"
"""The data file read, and the folder under ``docs/generated/`` written."""

PAGE = "perceptron"
"""The folder of ``docs_src/`` holding this section's NumPy session (the perceptron page's)."""


def generate() -> dict[str, str]:
    data = data_file(CHAPTER)
    files = {
        "quotes.md": quotes(data),
        "gradient.md": gradient(),
        "example.md": example_text(data),
        "step.md": step_table(data),
        "numpy_logistic.md": shown(PAGE, "numpy_logistic"),
        "errata.md": errata_table(data),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def example(data: dict) -> dict:
    e = data["example"]
    return dict(x=exact_list(e, "x", 2), w=exact_list(e, "w", 2), bias=exact(e["b"], "b"),
                label=exact(e["y"], "y"), learning_rate=exact(e["learning_rate"], "learning_rate"))


def quotes(data: dict) -> str:
    """The note's sentences, each under its source: in Korean with an English gloss on the English
    page, in Korean alone on the Korean page."""
    out = []
    for q in data["quotes"]:
        gloss = both(f"> *{q['english']}*\n>\n", "")
        out.append(f"> {q['text']}\n>\n{gloss}> — `{q['source']}` {q['section']}\n")
    return "\n".join(out)


def gradient() -> str:
    raw, form = symbolic.gradient(), symbolic.closed_form()  # closed_form raises unless equal
    lines = [rf"z = {sp.latex(symbolic.z)}, \quad p = \sigma(z) = \frac{{1}}{{1 + e^{{-z}}}}",
             rf"L = -\left(y \ln p + (1 - y) \ln (1 - p)\right)"]
    w1 = symbolic.w1
    lines.append(rf"\frac{{\partial L}}{{\partial w_{{1}}}} = {sp.latex(raw[w1])}")
    lines += [rf"\frac{{\partial L}}{{\partial {sp.latex(v)}}} = {_form(form[v])}" for v in symbolic.WEIGHTS]
    return "\n".join(display(line) for line in lines)


def _form(expr: sp.Expr) -> str:
    """(σ(z) − y)·x_i as the page writes it, with σ(z) by name rather than expanded."""
    sigma = sp.Symbol(r"\sigma(z)")
    return sp.latex(expr.subs(symbolic.sigmoid(symbolic.z), sigma), order="none")


def example_text(data: dict) -> str:
    v = example(data)
    return (f"$x = ({plain(v['x'][0])}, {plain(v['x'][1])})$, $w = ({plain(v['w'][0])}, {plain(v['w'][1])})$, "
            f"$b = {plain(v['bias'])}$, "
            + tr("label $y = {label}$, learning rate $\\eta = {rate}$", label=plain(v["label"]),
                 rate=plain(v["learning_rate"])) + "\n")


ROWS = [("z", "z = w \\cdot x + b"), ("p", "p = \\sigma(z)"), ("loss", "L"),
        ("error", "\\sigma(z) - y"), ("dw1", "\\partial L / \\partial w_1"),
        ("dw2", "\\partial L / \\partial w_2"), ("db", "\\partial L / \\partial b"),
        ("w1", "w_1 {after}"), ("w2", "w_2 {after}"), ("b", "b {after}"),
        ("p_new", "\\sigma(z) {after}"), ("loss_new", "L {after}")]
"""The rows of the step's table, by :func:`symbolic.step`'s keys; ``{after}`` is a marked word."""


def numpy_step(v: dict) -> dict[str, float]:
    """The same step by :mod:`derivations.numeric.logistic`, keyed as :func:`symbolic.step`."""
    x, w = [float(a) for a in v["x"]], [float(a) for a in v["w"]]
    b, y = float(v["bias"]), float(v["label"])
    w_new, b_new, p = numeric.gradient_step(x, w, b, y, float(v["learning_rate"]))
    grads = [(p - y) * xi for xi in (*x, 1.0)]
    p_new = numeric.sigmoid(w_new @ x + b_new)
    return dict(z=sum(a * c for a, c in zip(w, x)) + b, p=p, loss=numeric.bce(p, y), error=p - y,
                dw1=grads[0], dw2=grads[1], db=grads[2], w1=w_new[0], w2=w_new[1], b=b_new,
                p_new=p_new, loss_new=numeric.bce(p_new, y))


def step_table(data: dict) -> str:
    v = example(data)
    exact_values = symbolic.step(**{k: _sym(a) for k, a in v.items()})
    floats = numpy_step(v)
    rows = []
    after = tr(r"\text{ after}")
    for key, label in ROWS:
        value = sp.N(exact_values[key], 50)
        rows.append((math(label.replace("{after}", after)), fixed(value), f"{floats[key]:.8f}",
                     agreement(value, floats[key])))
    return table([tr("quantity"), tr("SymPy (exact, 8 places)"), "NumPy float64", tr("gap")], rows, "lrrc")


def _sym(value):
    if isinstance(value, tuple):
        return tuple(_sym(a) for a in value)
    return sp.Rational(value.numerator, value.denominator)


def errata_table(data: dict) -> str:
    entries = {e["id"]: e for e in data["errata"]}
    rows = [(f"`{e.source}` {e.section}", e.printed, localized(entries[e.id], "quantity", f"{CHAPTER}.toml"),
             localized(entries[e.id], "explanation", f"{CHAPTER}.toml")) for e in errata(data)]
    return table([tr("where"), tr("the note printed"), tr("about"), tr("why")], rows)

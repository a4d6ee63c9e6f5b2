"""Tables and NumPy session of ``docs/losses.md``: each loss, its gradient, the combined softmax and
sigmoid forms, and worked examples.

Formulas and exact values come from :mod:`derivations.symbolic.losses`; the NumPy columns and the
transcript run :mod:`derivations.numeric.losses`. The inputs are read from ``activations.toml``.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import activations as num
from derivations.numeric import losses as num_losses
from derivations.problems import data_file, document_backprop_problem
from derivations.symbolic import activations as sym
from derivations.symbolic import losses as sym_losses
from derivations.symbolic.backprop_2_2_2 import DIGITS, Solution, solve
from derivations.tables.activations import aligned, plain_q, positional, rational
from derivations.tables import live
from derivations.tables.common import agreement, display, math, table
from derivations.tables.language import tr
from derivations.tables.scripts import shown

CHAPTER = "activations"
"""The data file read, and the folder under ``docs/generated/`` written (shared with the
activation-function page)."""


def generate() -> dict[str, str]:
    """Every generated file of the page, by path under ``docs/``."""
    inputs = data_file(CHAPTER)["inputs"]
    files = {
        "loss_gradients.md": loss_gradients_table(),
        "softmax_cross_entropy.md": softmax_cross_entropy_steps(),
        "sigmoid_binary_cross_entropy.md": sigmoid_binary_cross_entropy_steps(),
        "regression.md": regression_example(inputs["regression"], solve(document_backprop_problem())),
        "binary.md": binary_example(inputs["binary"]),
        "categorical.md": categorical_example(inputs["categorical"]),
        "softmax_live.md": softmax_live_panel(inputs["categorical"]),
        "numpy_losses.md": shown(CHAPTER, "numpy_losses"),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


LOSS_FORMULAS = {
    "half_sse": ("½ · SSE", r"\frac{1}{2} \sum_{k} \left(t_{k} - o_{k}\right)^{2}"),
    "mse": ("MSE", r"\frac{1}{K} \sum_{k} \left(t_{k} - o_{k}\right)^{2}"),
    "binary_cross_entropy": (tr("binary cross-entropy"),
                             r"- \frac{1}{K} \sum_{k} \left(t_{k} \ln o_{k} + \left(1 - t_{k}\right) \ln \left(1 - o_{k}\right)\right)"),
    "cross_entropy": (tr("categorical cross-entropy"), r"- \sum_{k} t_{k} \ln o_{k}"),
}
"""The name and one-sample formula of each loss, for K outputs o (probabilities for the
cross-entropies) and targets t."""


def loss_gradients_table() -> str:
    o, t, K = sp.Symbol("o_j"), sp.Symbol("t_j"), sp.Symbol("K")
    k = 3
    rows = []
    for name, (title, formula) in LOSS_FORMULAS.items():
        closed = sym_losses.CLOSED_FORMS[name](o, t, K)
        if name == "mse":  # SymPy distributes the 2; the page keeps it in front of (o − t)
            closed = sp.factor(closed)
        proof = sym_losses.gradient_minus_closed_form(name, k)
        rows.append((title, math(formula), math(sp.latex(closed)),
                     math(", ".join(sp.latex(d) for d in proof))))
    return table([tr("loss"), tr("one sample"), r"$\partial / \partial o_{j}$",
                  tr("SymPy's derivative − this, for K = {k}", k=k)], rows, "llll")


def softmax_cross_entropy_steps() -> str:
    proof = sym_losses.softmax_cross_entropy_gradient(3)
    steps = [
        r"- \sum_{k} \frac{y_{k}}{s_{k}} \frac{\partial s_{k}}{\partial z_{j}}",
        r"- \sum_{k} \frac{y_{k}}{s_{k}} s_{k} \left(\delta_{kj} - s_{j}\right)",
        r"- y_{j} + s_{j} \sum_{k} y_{k}",
        r"s_{j} - y_{j}",
    ]
    return (display(r"L = - \sum_{k} y_{k} \ln s_{k}, \quad s = \text{softmax}(z), \quad \sum_{k} y_{k} = 1")
            + "\n" + aligned(r"\frac{\partial L}{\partial z_{j}}", steps)
            + "\n" + tr("SymPy, differentiating the loss of three logits written out in full, finds {difference} "
                         "for j = 1, 2, 3.",
                         difference=math(r"\frac{\partial L}{\partial z_{j}} - \left(s_{j} - y_{j}\right) = "
                                         + ", ".join(sp.latex(d) for d in proof))) + "\n")


def sigmoid_binary_cross_entropy_steps() -> str:
    proof = sym_losses.sigmoid_binary_cross_entropy_gradient()
    steps = [
        r"- \left(\frac{y}{\sigma} - \frac{1 - y}{1 - \sigma}\right) \sigma (1 - \sigma)",
        r"- y (1 - \sigma) + (1 - y) \sigma",
        r"\sigma - y",
    ]
    return (display(r"L = - \left(y \ln \sigma(z) + (1 - y) \ln \left(1 - \sigma(z)\right)\right)")
            + "\n" + aligned(r"\frac{dL}{dz}", steps)
            + "\nSymPy: " + math(r"\frac{dL}{dz} - \left(\sigma(z) - y\right) = " + sp.latex(proof)) + ".\n")


def softmax_live_panel(example: dict) -> str:
    """Softmax, its Jacobian, cross-entropy and its gradient for the reader's logits and class:
    the fields prefilled from the categorical example, the values computed in the page
    (``docs/javascripts/softmax.js``) under the keys of
    :func:`derivations.symbolic.losses.softmax_cross_entropy_values`."""
    zs = _values(example["logits"], "logits")
    (k,) = [i + 1 for i, y in enumerate(_values(example["targets"], "targets")) if y == 1]
    n = range(1, len(zs) + 1)
    fields = [live.field(f"logits[{i - 1}]", f"z_{{{i}}}", plain_q(z)) for i, z in zip(n, zs)]
    fields.append(live.field("class", tr(r"k \text{ (true class)}"), str(k)))
    rows = [(math("s_{j}"), *(live.value(f"s{j}") for j in n))]
    rows += [(math(rf"\partial s_{{{i}}} / \partial z_{{j}}"), *(live.value(f"ds{i}_dz{j}") for j in n)) for i in n]
    rows.append((math(r"\partial L / \partial z_{j}"), *(live.value(f"dL_dz{j}") for j in n)))
    rows.append((math(r"L = -\ln s_{k}"), live.value("L"), *([""] * (len(zs) - 1))))
    intro = tr("**Your own logits.** Change a logit or the true class $k$ and every value below is computed "
               "again, in this page, by JavaScript in float64 (`docs/javascripts/softmax.js`, shown after this "
               "panel): softmax with the largest logit subtracted first, the Jacobian, and the cross-entropy "
               "from the logits (log-sum-exp), as the NumPy code does. The tables above are SymPy's exact values "
               "for the example; a test holds the script to both Python routes, SymPy and NumPy, on a hundred "
               "random vectors. The fields are kept in the page's address, so a link reproduces them.")
    header = ["", *(f"$j = {j}$" for j in n)]
    return live.panel("softmax", intro, fields, header, rows, tr("Reset to the example"))


def _values(values: list[float], where: str) -> list[sp.Rational]:
    return [rational(v, f"{where}[{i}]") for i, v in enumerate(values)]


def _loss_rows(rows) -> str:
    """``rows``: (what, exact SymPy value, NumPy value)."""
    return table([tr("quantity"), tr("SymPy (exact)"), "NumPy (float64)", tr("difference")],
                 [(what, positional(sp.N(v, DIGITS)), positional(n), agreement(sp.N(v, DIGITS), n))
                  for what, v, n in rows], "lrrr")


def regression_example(example: dict, solution: Solution) -> str:
    """½·SSE and MSE of four outputs, then the backpropagation example's E_total as ½·SSE."""
    o, t = _values(example["outputs"], "outputs"), _values(example["targets"], "targets")
    of, tf = np.array(example["outputs"]), np.array(example["targets"])
    symbols = list(sp.symbols(f"o1:{len(o) + 1}"))
    at = dict(zip(symbols, o))
    half_grad = [sp.diff(sym_losses.half_sse(symbols, t), oj).subs(at) for oj in symbols]
    mse_grad = [sp.diff(sym_losses.mse(symbols, t), oj).subs(at) for oj in symbols]
    rows = [
        ("½ · SSE", sym_losses.half_sse(o, t), num_losses.half_sse(of, tf)),
        ("MSE", sym_losses.mse(o, t), num_losses.mse(of, tf)),
    ]
    grads = [(f"∂(½·SSE)/∂o{j + 1}", g, n)
             for j, (g, n) in enumerate(zip(half_grad, num_losses.half_sse_grad(of, tf)))]
    grads += [(f"∂MSE/∂o{j + 1}", g, n) for j, (g, n) in enumerate(zip(mse_grad, num_losses.mse_grad(of, tf)))]
    outs = [solution.exact["o1"], solution.exact["o2"]]
    targets = [sp.Rational(v.numerator, v.denominator) for v in solution.problem.targets]
    e_total = sym_losses.half_sse(outs, targets)
    if sp.N(e_total - solution.exact["E_total"], DIGITS) != 0:
        raise ArithmeticError("½·SSE of the example's outputs is not its E_total")
    backprop = num_losses.half_sse([float(solution.value["o1"]), float(solution.value["o2"])],
                                   [float(v) for v in solution.problem.targets])
    return (table(["", *[f"k = {k}" for k in range(1, len(o) + 1)]],
                  [(tr("output o"), *map(plain_q, o)), (tr("target t"), *map(plain_q, t)),
                   ("(t − o)²", *(plain_q((tk - ok) ** 2) for ok, tk in zip(o, t)))], "l" + "r" * len(o))
            + "\n" + _loss_rows(rows + grads)
            + "\n" + tr("The backpropagation example's outputs against its targets, by the same function:")
            + "\n\n"
            + _loss_rows([(tr("½ · SSE of {outputs} = {E}", outputs=math("o_{1}, o_{2}"), E=math("E_{total}")),
                           e_total, backprop)]))


def binary_example(example: dict) -> str:
    """Sigmoid outputs against independent 0/1 labels: BCE and its gradient σ − y (÷ K)."""
    zs, ys = _values(example["logits"], "logits"), _values(example["targets"], "targets")
    zf, yf = np.array(example["logits"]), np.array(example["targets"])
    p = [sym.sigmoid(z) for z in zs]
    pf = num.sigmoid(zf)
    K = len(zs)
    loss = sym_losses.binary_cross_entropy(p, ys)
    # dL/dz_j = dL/dp_j · dp_j/dz_j: NumPy's gradient with respect to p, times σ'(z).
    numpy_dz = num_losses.binary_cross_entropy_grad(pf, yf) * num.sigmoid_prime(zf)
    rows = [(f"p{j + 1} = σ(z{j + 1})", pj, pn) for j, (pj, pn) in enumerate(zip(p, pf))]
    rows.append((tr("binary cross-entropy"), loss, num_losses.binary_cross_entropy(pf, yf)))
    rows += [(f"∂L/∂z{j + 1} = (p{j + 1} − y{j + 1}) / {K}", (pj - yj) / K, n)
             for j, (pj, yj, n) in enumerate(zip(p, ys, numpy_dz))]
    inputs = table(["", *[f"k = {k}" for k in range(1, K + 1)]],
                   [(tr("logit z"), *map(plain_q, zs)), (tr("label y"), *map(plain_q, ys))], "l" + "r" * K)
    return inputs + "\n" + _loss_rows(rows)


def categorical_example(example: dict) -> str:
    """Softmax probabilities against a one-hot target: CE and its gradient s − y."""
    zs, ys = _values(example["logits"], "logits"), _values(example["targets"], "targets")
    zf, yf = np.array(example["logits"]), np.array(example["targets"])
    s, sf = sym.softmax(zs), num.softmax(zf)
    loss = sym_losses.cross_entropy(s, ys)
    numpy_dz = num.softmax_jacobian(zf).T @ num_losses.cross_entropy_grad(sf, yf)
    rows = [(f"s{j + 1}", sj, n) for j, (sj, n) in enumerate(zip(s, sf))]
    rows.append((tr("categorical cross-entropy"), loss, num_losses.cross_entropy(sf, yf)))
    rows += [(f"∂L/∂z{j + 1} = s{j + 1} − y{j + 1}", sj - yj, n)
             for j, (sj, yj, n) in enumerate(zip(s, ys, numpy_dz))]
    K = len(zs)
    inputs = table(["", *[f"k = {k}" for k in range(1, K + 1)]],
                   [(tr("logit z"), *map(plain_q, zs)), (tr("target y"), *map(plain_q, ys))], "l" + "r" * K)
    return inputs + "\n" + _loss_rows(rows)



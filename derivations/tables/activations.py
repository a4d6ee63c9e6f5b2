"""Tables, transcripts and figures of the activation-function and loss pages
(``docs/activations.md``, ``docs/losses.md``).

Formulas and exact values come from :mod:`derivations.symbolic.activations` and
:mod:`derivations.symbolic.losses`; the NumPy columns, transcripts and plots run
:mod:`derivations.numeric.activations` and :mod:`derivations.numeric.losses`. The notes' slips are
read from the data file and shown beside what is derived.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.numeric import activations as num
from derivations.numeric import losses as num_losses
from derivations.problems import data_file, document_backprop_problem, errata, exact
from derivations.symbolic import activations as sym
from derivations.symbolic import losses as sym_losses
from derivations.symbolic.backprop_2_2_2 import DIGITS, Solution, solve
from derivations.tables.common import agreement, display, fixed, math, plain, table, transcript
from derivations.tables.figures import svg_figure

CHAPTER = "activations"


def generate() -> dict[str, str]:
    """Every generated file of the chapter, by path under ``docs/``."""
    data = data_file(CHAPTER)
    inputs = data["inputs"]
    backprop = solve(document_backprop_problem())
    files = {
        "sigmoid_prime.md": sigmoid_prime_steps(),
        "tanh_prime.md": tanh_prime_steps(),
        "piecewise.md": piecewise_table(inputs),
        "max_node.md": max_node(),
        "peaks.md": peaks_table(),
        "vanishing.md": vanishing_table(inputs["vanishing_layers"]),
        "neurons.md": neurons_table(backprop),
        "collapse.md": collapse(inputs["collapse_W"]),
        "softmax_jacobian.md": softmax_jacobian_derivation(),
        "numpy_activations.md": numpy_activations_transcript(),
        "numpy_softmax.md": numpy_softmax_transcript(inputs["softmax_overflow"]),
        "errata.md": errata_table(data),
        "loss_gradients.md": loss_gradients_table(),
        "softmax_cross_entropy.md": softmax_cross_entropy_steps(),
        "sigmoid_binary_cross_entropy.md": sigmoid_binary_cross_entropy_steps(),
        "regression.md": regression_example(inputs["regression"], backprop),
        "binary.md": binary_example(inputs["binary"]),
        "categorical.md": categorical_example(inputs["categorical"]),
        "numpy_losses.md": numpy_losses_transcript(inputs),
    }
    files |= figures(inputs)
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def _fixed(value, places: int = 8) -> str:
    """:func:`fixed`, always in positional notation (0.00000000, not 0E-8)."""
    return format(Decimal(fixed(value, places)), "f")


def _rational(value, where: str) -> sp.Rational:
    q = exact(value, where)
    return sp.Rational(q.numerator, q.denominator)


def _latex(expr: sp.Expr) -> str:
    """LaTeX with Heaviside steps written H(x), their value at the jump left to the prose."""
    steps = expr.atoms(sp.Heaviside)
    return sp.latex(expr.xreplace({s: sp.Function("H")(s.args[0]) for s in steps}))


def _as_list(values) -> str:
    """Floats as Python writes them (1000.0), so the arrays built from them are float arrays."""
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


# --- derivatives -----------------------------------------------------------------------------------

def _aligned(lhs: str, steps: list[str]) -> str:
    body = rf"{lhs} &= {steps[0]}" + "".join(rf" \\ &= {s}" for s in steps[1:])
    return display(r"\begin{aligned}" + body + r"\end{aligned}")


def sigmoid_prime_steps() -> str:
    z = sym.z
    return (display(rf"\sigma(z) = {sp.latex(sym.sigmoid(z))}")
            + "\n" + _aligned(r"\frac{d\sigma}{dz}", sym.sigmoid_steps()))


def tanh_prime_steps() -> str:
    z = sym.z
    up_down = r"\frac{e^{z} - e^{- z}}{e^{z} + e^{- z}}"
    difference = sym.tanh_is_a_stretched_sigmoid()
    return (display(rf"\tanh(z) = {up_down}")
            + "\n" + _aligned(r"\frac{d \tanh}{dz}", sym.tanh_steps())
            + "\nand, comparing it with the logistic sigmoid, "
            + math(rf"\tanh(z) - \left(2 \sigma(2 z) - 1\right) = {sp.latex(difference)}")
            + f" (SymPy, for every {math(sp.latex(z))}).\n")


def piecewise_table(inputs: dict) -> str:
    """Step, identity, ReLU and leaky ReLU: slopes either side of 0, the one-sided difference
    quotients at 0, and the value the NumPy derivative returns there (the convention)."""
    a = _rational(inputs["leaky_relu_a"], "leaky_relu_a")
    rows = [  # (name, SymPy function, NumPy derivative or None, formula)
        ("step", sym.step, None, r"H(z)"),
        ("identity", sym.identity, num.identity_prime, "z"),
        ("ReLU", sym.relu, num.relu_prime, r"\max(0, z)"),
        (f"leaky ReLU, a = {plain_q(a)}", lambda z: sym.leaky_relu(z, a),
         lambda z: num.leaky_relu_prime(z, float(a)), r"\max(a z, z)"),
    ]
    out = []
    for name, f, numpy_prime, formula in rows:
        below, above = sym.slopes_away_from_zero(f)
        left, right = sym.one_sided_slopes(f)
        at_zero = ("none: no derivative" if numpy_prime is None
                   else plain(Fraction(repr(float(numpy_prime(np.array([0.0]))[0])))))
        out.append((name, math(formula), math(sp.latex(below)), math(sp.latex(above)),
                    math(sp.latex(left)), math(sp.latex(right)), at_zero))
    header = ["function", "f(z)", "f'(z), z < 0", "f'(z), z > 0", "slope at 0 from the left",
              "from the right", "f'(0) in the NumPy code"]
    return table(header, out, "lllllll")


def max_node() -> str:
    dx, dy = sym.max_node_gradient()
    return display(rf"\frac{{\partial \max(x, y)}}{{\partial x}} = {_latex(dx)}, \quad "
                   rf"\frac{{\partial \max(x, y)}}{{\partial y}} = {_latex(dy)}")


def peaks_table() -> str:
    """Where σ' and tanh' peak: f'' = 0 solved by SymPy, with f'' also written in the output."""
    z = sym.z
    rows = []
    for name, label in (("sigmoid", r"\sigma"), ("tanh", r"\tanh")):
        f = {"sigmoid": sym.sigmoid, "tanh": sym.tanh}[name](z)
        output, first = sym.IN_OUTPUT[name]
        roots, top = sym.peak(f)
        rows.append((math(label), math(sp.latex(first)), math(sp.latex(sym.second_derivative_in_output(name))),
                     math(f"z = {', '.join(sp.latex(r) for r in roots)}"),
                     math(f"{sp.latex(f.subs(z, roots[0]))}"), math(sp.latex(top))))
    bound = sym.sigmoid_prime_bound()
    header = ["f", "f' in the output", "f'' in the output", "f'' = 0 at", "f there", "largest f'"]
    return (table(header, rows, "llllll")
            + "\nThat peak is also a bound for every z, because a square is never negative:\n\n"
            + "\n" + display(r"\sigma (1 - \sigma) - \left(\frac{1}{4} - \left(\sigma - \frac{1}{2}\right)^{2}\right)"
                      f" = {sp.latex(bound)}"))


def vanishing_table(layers: int) -> str:
    """The most a stack of n sigmoid (or tanh) layers can pass back: the peak slope to the n."""
    z = sym.z
    _, sigmoid_top = sym.peak(sym.sigmoid(z))
    _, tanh_top = sym.peak(sym.tanh(z))
    rows = [(n, math(sp.latex(sigmoid_top ** n)), _fixed(sp.N(sigmoid_top ** n, DIGITS), 10),
             math(sp.latex(tanh_top ** n))) for n in range(1, layers + 1)]
    return table(["sigmoid layers n", r"bound $(\sigma'_{\mathrm{max}})^{n}$", "as a decimal",
                  r"tanh bound $(\tanh'_{\mathrm{max}})^{n}$"], rows, "rrrr")


def neurons_table(solution: Solution) -> str:
    """σ'(z) at the four neurons of the backpropagation example, SymPy beside NumPy."""
    _, top = sym.peak(sym.sigmoid(sym.z))
    rows = []
    for name in ("z1", "z2", "z3", "z4"):
        value = solution.exact[name]
        prime = sp.N(sp.diff(sym.sigmoid(sym.z), sym.z).subs(sym.z, value), DIGITS)
        numpy_prime = num.sigmoid_prime(float(solution.value[name]))
        rows.append((math(sp.latex(sp.Symbol(name))), fixed(solution.value[name]), fixed(prime),
                     fixed(numpy_prime), fixed(prime / top, 6)))
    path = sp.N(sp.diff(sym.sigmoid(sym.z), sym.z).subs(sym.z, solution.exact["z1"])
                * sp.diff(sym.sigmoid(sym.z), sym.z).subs(sym.z, solution.exact["z3"]), DIGITS)
    return (table(["neuron", "z", "σ'(z), SymPy", "σ'(z), NumPy", "σ'(z) ÷ largest σ'"], rows, "lrrrr")
            + f"\nOn the path from $W_{{1}}$ through $h_{{1}}$ to $o_{{1}}$ the two sigmoids alone "
            f"multiply the gradient by $\\sigma'(z_{{1}}) \\, \\sigma'(z_{{3}}) = {fixed(path)}$.\n")


def collapse(W_values: list[list[float]]) -> str:
    """Three stacked linear layers are one: the general proof, then the note's W·W·W·x = Kx."""
    difference = sym.linear_layers_collapse()
    W = sp.Matrix([[_rational(v, "collapse_W") for v in row] for row in W_values])
    three, once = sym.cubed(W)
    if (three - once).expand() != sp.zeros(*three.shape):
        raise ArithmeticError("f(f(f(x))) is not W³x")
    K = W ** 3
    x = sp.Matrix(sp.symbols("x1 x2"))
    return (display(r"C\left(B\left(A x\right)\right) - \left(C B A\right) x = " + sp.latex(difference))
            + "\nWith one matrix, as the note has it,\n\n"
            + "\n" + display(rf"W = {sp.latex(W)}, \quad K = W^{{3}} = {sp.latex(K)}")
            + "\n" + display(rf"f\left(f\left(f(x)\right)\right) = W\left(W\left(W x\right)\right) = "
                      rf"{sp.latex(three)} = K {sp.latex(x)}"))


def softmax_jacobian_derivation() -> str:
    """The two cases of ∂s_i/∂z_j by the quotient rule, then SymPy's proof for three logits."""
    n = 3
    s = sp.symbols(f"s1:{n + 1}")
    claim = sp.Matrix(n, n, lambda i, j: s[i] * (sp.KroneckerDelta(i, j) - s[j]))
    difference = sym.softmax_jacobian_closed_form(n)
    return (display(r"s_{i} = \frac{e^{z_{i}}}{\sum_{k} e^{z_{k}}}")
            + "\n" + display(r"\frac{\partial s_{i}}{\partial z_{j}} = \begin{cases} "
                      r"\frac{e^{z_{i}} \sum_{k} e^{z_{k}} - e^{z_{i}} e^{z_{i}}}{\left(\sum_{k} e^{z_{k}}\right)^{2}}"
                      r" = s_{i} - s_{i}^{2} & i = j \\ "
                      r"\frac{0 - e^{z_{i}} e^{z_{j}}}{\left(\sum_{k} e^{z_{k}}\right)^{2}} = - s_{i} s_{j}"
                      r" & i \neq j \end{cases} = s_{i} \left(\delta_{ij} - s_{j}\right)")
            + "\nFor three logits the Jacobian is\n\n"
            + "\n" + display(rf"J = {sp.latex(claim)}")
            + "\nand SymPy, differentiating the softmax of "
            + math(r"z_{1}, z_{2}, z_{3}")
            + " directly, finds its own Jacobian minus this one to be "
            + math(sp.latex(difference)) + ".\n")


# --- NumPy ---------------------------------------------------------------------------------------

def numpy_activations_transcript() -> str:
    return transcript([
        "import numpy as np",
        "from derivations.numeric import sigmoid, sigmoid_prime, tanh_prime, relu_prime, leaky_relu",
        "z = np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0])",
        "sigmoid(z)",
        "sigmoid_prime(z)",
        "tanh_prime(z)",
        "relu_prime(z), leaky_relu(z)",
    ])


def numpy_softmax_transcript(logits: list[float]) -> str:
    """The note's softmax beside the stable one, on logits where the note's breaks."""
    statements = [
        "import numpy as np",
        "from derivations.numeric import softmax, softmax_jacobian",
        f"x = np.array({_as_list(logits)})",
        "np.exp(x)",
        "np.exp(x) / np.sum(np.exp(x))  # the note's softmax",
        "x - np.max(x)",
        "softmax(x)  # the same quotient, after subtracting the largest logit",
        "with np.errstate(all='raise'):  # no overflow, no nan, no warning\n    print(round(softmax(x).sum(), 12))",
        "z = np.array([2.0, 1.0, 0.1])",
        "softmax_jacobian(z)",
        "def column(j, h=1e-6):\n    e = np.eye(3)[j] * h\n    return (softmax(z + e) - softmax(z - e)) / (2 * h)",
        "finite_differences = np.column_stack([column(j) for j in range(3)])",
        "np.allclose(softmax_jacobian(z), finite_differences, rtol=0, atol=1e-9)",
    ]
    # The transcript shows the overflow's result (inf, then nan); NumPy's warning about it would
    # only reach the terminal of whoever regenerates the tables.
    with np.errstate(over="ignore", invalid="ignore"):
        return transcript(statements)


def errata_table(data: dict) -> str:
    """Each slip: what the note printed, what is derived, and the evidence."""
    rows: list[str] = []
    for e in errata(data):
        if e.id == "sigmoid-derivative":
            z = sym.z
            s, true = sym.sigmoid(z), sp.diff(sym.sigmoid(z), z)
            as_printed = true * (1 - s)  # f' · (1 − f)
            derived = math(r"f' = f \cdot (1 - f)")
            evidence = (f"at z = 0: f(1 − f) = {math(sp.latex(true.subs(z, 0)))}, SymPy's f'(0) = "
                        f"{math(sp.latex(sp.simplify(true.subs(z, 0))))}; the note's f'·(1 − f) = "
                        f"{math(sp.latex(sp.simplify(as_printed.subs(z, 0))))}")
        elif e.id == "leaky-relu-constant":
            a = _rational(data["inputs"]["leaky_relu_a"], "leaky_relu_a")
            zs = [-5, -1, sp.Rational(-1, 10)]
            # One formula per value: a line may break between them on a phone.
            values = ", ".join(math(f"f({sp.latex(v)}) = {sp.latex(sym.leaky_relu(v, a))}") for v in zs)
            derived = math(r"f(z) = a z") + f" for z < 0, a = {plain_q(a)}"
            evidence = values + f": not a constant, and not {e.note_value}"
        elif e.id == "step-np-int":
            derived = "`np.array(x > 0, dtype=float)`"
            evidence = f"on the NumPy this site is built with, `hasattr(np, 'int')` is `{hasattr(np, 'int')}`"
        elif e.id == "softmax-plot":
            coarse, fine = (np.arange(-5.0, 5.0, step) for step in (0.1, 0.05))
            at_zero = [num.softmax(x)[np.argmin(np.abs(x))] for x in (coarse, fine)]
            derived = "a vector in, a vector out: `softmax(z)` of the logits"
            evidence = (f"the plotted value at x = 0 is {at_zero[0]:.8f} with the note's grid step "
                        f"0.1 and {at_zero[1]:.8f} with step 0.05")
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        quoted = f"`{e.printed}`" if e.id in ("step-np-int", "softmax-plot") else e.printed
        rows.append(f"**`{e.source}` {e.section}**\n\n"
                    f"- *The note printed:* {quoted}\n- *Derived:* {derived}\n"
                    f"- *Evidence:* {evidence}\n- *Why:* {e.explanation}\n")
    # A list per slip, not a table: five columns of sentences leave each one a few words wide.
    return "\n".join(rows)


# --- losses ----------------------------------------------------------------------------------------

LOSS_FORMULAS = {
    "half_sse": ("½ · SSE", r"\frac{1}{2} \sum_{k} \left(t_{k} - o_{k}\right)^{2}"),
    "mse": ("MSE", r"\frac{1}{K} \sum_{k} \left(t_{k} - o_{k}\right)^{2}"),
    "binary_cross_entropy": ("binary cross-entropy",
                             r"- \frac{1}{K} \sum_{k} \left(t_{k} \ln o_{k} + \left(1 - t_{k}\right) \ln \left(1 - o_{k}\right)\right)"),
    "cross_entropy": ("categorical cross-entropy", r"- \sum_{k} t_{k} \ln o_{k}"),
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
    return table(["loss", "one sample", r"$\partial / \partial o_{j}$",
                  f"SymPy's derivative − this, for K = {k}"], rows, "llll")


def softmax_cross_entropy_steps() -> str:
    proof = sym_losses.softmax_cross_entropy_gradient(3)
    steps = [
        r"- \sum_{k} \frac{y_{k}}{s_{k}} \frac{\partial s_{k}}{\partial z_{j}}",
        r"- \sum_{k} \frac{y_{k}}{s_{k}} s_{k} \left(\delta_{kj} - s_{j}\right)",
        r"- y_{j} + s_{j} \sum_{k} y_{k}",
        r"s_{j} - y_{j}",
    ]
    return (display(r"L = - \sum_{k} y_{k} \ln s_{k}, \quad s = \text{softmax}(z), \quad \sum_{k} y_{k} = 1")
            + "\n" + _aligned(r"\frac{\partial L}{\partial z_{j}}", steps)
            + "\nSymPy, differentiating the loss of three logits written out in full, finds "
            + math(r"\frac{\partial L}{\partial z_{j}} - \left(s_{j} - y_{j}\right) = "
                   + ", ".join(sp.latex(d) for d in proof))
            + " for j = 1, 2, 3.\n")


def sigmoid_binary_cross_entropy_steps() -> str:
    proof = sym_losses.sigmoid_binary_cross_entropy_gradient()
    steps = [
        r"- \left(\frac{y}{\sigma} - \frac{1 - y}{1 - \sigma}\right) \sigma (1 - \sigma)",
        r"- y (1 - \sigma) + (1 - y) \sigma",
        r"\sigma - y",
    ]
    return (display(r"L = - \left(y \ln \sigma(z) + (1 - y) \ln \left(1 - \sigma(z)\right)\right)")
            + "\n" + _aligned(r"\frac{dL}{dz}", steps)
            + "\nSymPy: " + math(r"\frac{dL}{dz} - \left(\sigma(z) - y\right) = " + sp.latex(proof)) + ".\n")


def _values(values: list[float], where: str) -> list[sp.Rational]:
    return [_rational(v, f"{where}[{i}]") for i, v in enumerate(values)]


def _loss_rows(rows) -> str:
    """``rows``: (what, exact SymPy value, NumPy value)."""
    return table(["quantity", "SymPy (exact)", "NumPy (float64)", "difference"],
                 [(what, _fixed(sp.N(v, DIGITS)), _fixed(n), agreement(sp.N(v, DIGITS), n))
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
                  [("output o", *map(plain_q, o)), ("target t", *map(plain_q, t)),
                   ("(t − o)²", *(plain_q((tk - ok) ** 2) for ok, tk in zip(o, t)))], "l" + "r" * len(o))
            + "\n" + _loss_rows(rows + grads)
            + "\nThe backpropagation example's outputs against its targets, by the same function:\n\n"
            + _loss_rows([(r"½ · SSE of $o_{1}, o_{2}$ = $E_{\mathrm{total}}$", e_total, backprop)]))


def plain_q(value: sp.Rational) -> str:
    return plain(Fraction(int(value.p), int(value.q)))


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
    rows.append(("binary cross-entropy", loss, num_losses.binary_cross_entropy(pf, yf)))
    rows += [(f"∂L/∂z{j + 1} = (p{j + 1} − y{j + 1}) / {K}", (pj - yj) / K, n)
             for j, (pj, yj, n) in enumerate(zip(p, ys, numpy_dz))]
    inputs = table(["", *[f"k = {k}" for k in range(1, K + 1)]],
                   [("logit z", *map(plain_q, zs)), ("label y", *map(plain_q, ys))], "l" + "r" * K)
    return inputs + "\n" + _loss_rows(rows)


def categorical_example(example: dict) -> str:
    """Softmax probabilities against a one-hot target: CE and its gradient s − y."""
    zs, ys = _values(example["logits"], "logits"), _values(example["targets"], "targets")
    zf, yf = np.array(example["logits"]), np.array(example["targets"])
    s, sf = sym.softmax(zs), num.softmax(zf)
    loss = sym_losses.cross_entropy(s, ys)
    numpy_dz = num.softmax_jacobian(zf).T @ num_losses.cross_entropy_grad(sf, yf)
    rows = [(f"s{j + 1}", sj, n) for j, (sj, n) in enumerate(zip(s, sf))]
    rows.append(("categorical cross-entropy", loss, num_losses.cross_entropy(sf, yf)))
    rows += [(f"∂L/∂z{j + 1} = s{j + 1} − y{j + 1}", sj - yj, n)
             for j, (sj, yj, n) in enumerate(zip(s, ys, numpy_dz))]
    K = len(zs)
    inputs = table(["", *[f"k = {k}" for k in range(1, K + 1)]],
                   [("logit z", *map(plain_q, zs)), ("target y", *map(plain_q, ys))], "l" + "r" * K)
    return inputs + "\n" + _loss_rows(rows)


def numpy_losses_transcript(inputs: dict) -> str:
    cat = inputs["categorical"]
    return transcript([
        "import numpy as np",
        "from derivations.numeric import softmax, softmax_jacobian, cross_entropy, cross_entropy_grad",
        f"z, y = np.array({_as_list(cat['logits'])}), np.array({_as_list(cat['targets'])})",
        "s = softmax(z)",
        "print(f'{cross_entropy(s, y):.8f}')",
        "softmax_jacobian(z).T @ cross_entropy_grad(s, y)  # the chain rule, step by step",
        "s - y  # the shortcut derived above",
        "print(f'{cross_entropy(np.array([0.0, 1.0, 0.0]), y):.8f}')  # p = 0 for the true class: −ln 1e-12",
    ])


# --- figures -----------------------------------------------------------------------------------------

FUNCTION_COLOUR = "#3b82c4"
DERIVATIVE_COLOUR = "#e0701b"
"""Mid-tone blue and orange: readable on a white page and on Material's near-black one."""


def figures(inputs: dict) -> dict[str, str]:
    lo, hi = inputs["plot_range"]
    z = np.linspace(lo, hi, inputs["plot_points"])
    a_plot = inputs["leaky_relu_a_plot"]
    curves = {
        "step": ("step(z)", num.step, "step'(z) (0; none at z = 0)", lambda z: np.zeros_like(z)),
        "sigmoid": ("σ(z)", num.sigmoid, "σ'(z)", num.sigmoid_prime),
        "tanh": ("tanh(z)", num.tanh, "tanh'(z)", num.tanh_prime),
        "relu": ("ReLU(z)", num.relu, "ReLU'(z)", num.relu_prime),
        "leaky_relu": (f"leaky ReLU(z), a = {a_plot}", lambda z: num.leaky_relu(z, a_plot),
                       "leaky ReLU'(z)", lambda z: num.leaky_relu_prime(z, a_plot)),
    }
    files = {f"{name}.svg": plot(z, *curve) for name, curve in curves.items()}
    others = inputs["softmax_plot_logits"]
    logits = np.column_stack([z, np.broadcast_to(others, (len(z), len(others)))])
    s = num.softmax(logits)
    files["softmax.svg"] = plot(
        z, f"s₁ of (z₁, {', '.join(f'{v:g}' for v in others)})", lambda _: s[:, 0],
        "∂s₁/∂z₁ = s₁(1 − s₁)", lambda _: np.array([num.softmax_jacobian(row)[0, 0] for row in logits]),
        xlabel="z₁")
    return files


def plot(z, label, f, prime_label, prime, xlabel: str = "z") -> str:
    """One function and its derivative, as an inline SVG that follows the theme."""

    def draw(ax):
        ax.axhline(0, color="black", linewidth=0.6, alpha=0.4)
        ax.axvline(0, color="black", linewidth=0.6, alpha=0.4)
        ax.plot(z, f(z), color=FUNCTION_COLOUR, linewidth=2.2, label=label)
        ax.plot(z, prime(z), color=DERIVATIVE_COLOUR, linewidth=2.0, linestyle="--", label=prime_label)
        ax.set_xlabel(xlabel)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, loc="upper left")

    return svg_figure(draw, figsize=(6.0, 3.4))

"""Tables, transcripts and figures of ``docs/activations.md``: each activation function, its
derivative, where it saturates, and the softmax.

Formulas and exact values come from :mod:`derivations.symbolic.activations`; the NumPy columns,
transcripts and plots run :mod:`derivations.numeric.activations`. The notes' slips are read from
the data file and shown beside what is derived. The loss page's module,
:mod:`derivations.tables.losses`, shares this module's number formatting.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.numeric import activations as num
from derivations.problems import data_file, document_backprop_problem, errata, exact
from derivations.symbolic import activations as sym
from derivations.symbolic.backprop_2_2_2 import DIGITS, Solution, solve
from derivations.tables import perceptron as gates
from derivations.tables.common import display, fixed, math, plain, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import both, localized, tr
from derivations.tables.scripts import shown

CHAPTER = "activations"


def generate() -> dict[str, str]:
    """Every generated file of the page, by path under ``docs/``."""
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
        "numpy_activations.md": shown(CHAPTER, "numpy_activations"),
        "numpy_softmax.md": shown(CHAPTER, "numpy_softmax"),
        "errata.md": errata_table(data),
    }
    files |= figures(inputs)
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def positional(value, places: int = 8) -> str:
    """:func:`fixed`, always in positional notation (0.00000000, not 0E-8)."""
    return format(Decimal(fixed(value, places)), "f")


def rational(value, where: str) -> sp.Rational:
    q = exact(value, where)
    return sp.Rational(q.numerator, q.denominator)


def _latex(expr: sp.Expr) -> str:
    """LaTeX with Heaviside steps written H(x), their value at the jump left to the prose."""
    steps = expr.atoms(sp.Heaviside)
    return sp.latex(expr.xreplace({s: sp.Function("H")(s.args[0]) for s in steps}))


def plain_q(value: sp.Rational) -> str:
    return plain(Fraction(int(value.p), int(value.q)))


def aligned(lhs: str, steps: list[str]) -> str:
    body = rf"{lhs} &= {steps[0]}" + "".join(rf" \\ &= {s}" for s in steps[1:])
    return display(r"\begin{aligned}" + body + r"\end{aligned}")


def sigmoid_prime_steps() -> str:
    z = sym.z
    return (display(rf"\sigma(z) = {sp.latex(sym.sigmoid(z))}")
            + "\n" + aligned(r"\frac{d\sigma}{dz}", sym.sigmoid_steps()))


def tanh_prime_steps() -> str:
    z = sym.z
    up_down = r"\frac{e^{z} - e^{- z}}{e^{z} + e^{- z}}"
    difference = sym.tanh_is_a_stretched_sigmoid()
    return (display(rf"\tanh(z) = {up_down}")
            + "\n" + aligned(r"\frac{d \tanh}{dz}", sym.tanh_steps())
            + "\n" + tr("and, comparing it with the logistic sigmoid, {difference} (SymPy, for every {z}).",
                         difference=math(rf"\tanh(z) - \left(2 \sigma(2 z) - 1\right) = {sp.latex(difference)}"),
                         z=math(sp.latex(z))) + "\n")


def piecewise_table(inputs: dict) -> str:
    """Step, identity, ReLU and leaky ReLU: slopes either side of 0, the one-sided difference
    quotients at 0, and the value the NumPy derivative returns there (the convention)."""
    a = rational(inputs["leaky_relu_a"], "leaky_relu_a")
    rows = [  # (name, SymPy function, NumPy derivative or None, formula)
        (both("step", "계단 함수"), sym.step, None, r"H(z)"),
        (tr("identity"), sym.identity, num.identity_prime, "z"),
        ("ReLU", sym.relu, num.relu_prime, r"\max(0, z)"),
        (tr("leaky ReLU, a = {a}", a=plain_q(a)), lambda z: sym.leaky_relu(z, a),
         lambda z: num.leaky_relu_prime(z, float(a)), r"\max(a z, z)"),
    ]
    out = []
    for name, f, numpy_prime, formula in rows:
        below, above = sym.slopes_away_from_zero(f)
        left, right = sym.one_sided_slopes(f)
        at_zero = (tr("none: no derivative") if numpy_prime is None
                   else plain(Fraction(repr(float(numpy_prime(np.array([0.0]))[0])))))
        out.append((name, math(formula), math(sp.latex(below)), math(sp.latex(above)),
                    math(sp.latex(left)), math(sp.latex(right)), at_zero))
    header = [tr("function"), "f(z)", "f'(z), z < 0", "f'(z), z > 0", tr("slope at 0 from the left"),
              tr("from the right"), tr("f'(0) in the NumPy code")]
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
    header = ["f", tr("f' in the output"), tr("f'' in the output"), tr("f'' = 0 at"), tr("f there"),
              tr("largest f'")]
    return (table(header, rows, "llllll")
            + "\n" + tr("That peak is also a bound for every z, because a square is never negative:") + "\n\n"
            + "\n" + display(r"\sigma (1 - \sigma) - \left(\frac{1}{4} - \left(\sigma - \frac{1}{2}\right)^{2}\right)"
                      f" = {sp.latex(bound)}"))


def vanishing_table(layers: int) -> str:
    """The most a stack of n sigmoid (or tanh) layers can pass back: the peak slope to the n."""
    z = sym.z
    _, sigmoid_top = sym.peak(sym.sigmoid(z))
    _, tanh_top = sym.peak(sym.tanh(z))
    rows = [(n, math(sp.latex(sigmoid_top ** n)), positional(sp.N(sigmoid_top ** n, DIGITS), 10),
             math(sp.latex(tanh_top ** n))) for n in range(1, layers + 1)]
    return table([tr("sigmoid layers n"), tr("bound {power}", power=r"$(\sigma'_{\mathrm{max}})^{n}$"),
                  tr("as a decimal"), tr("tanh bound {power}", power=r"$(\tanh'_{\mathrm{max}})^{n}$")],
                 rows, "rrrr")


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
    return (table([tr("neuron"), "z", "σ'(z), SymPy", "σ'(z), NumPy", tr("σ'(z) ÷ largest σ'")], rows, "lrrrr")
            + "\n" + tr("On the path from {w1} through {h1} to {o1} the two sigmoids alone multiply the "
                         "gradient by {product}.", w1="$W_{1}$", h1="$h_{1}$", o1="$o_{1}$",
                         product=f"$\\sigma'(z_{{1}}) \\, \\sigma'(z_{{3}}) = {fixed(path)}$") + "\n")


def collapse(W_values: list[list[float]]) -> str:
    """Three stacked linear layers are one: the general proof, then the note's W·W·W·x = Kx."""
    difference = sym.linear_layers_collapse()
    W = sp.Matrix([[rational(v, "collapse_W") for v in row] for row in W_values])
    three, once = sym.cubed(W)
    if (three - once).expand() != sp.zeros(*three.shape):
        raise ArithmeticError("f(f(f(x))) is not W³x")
    K = W ** 3
    x = sp.Matrix(sp.symbols("x1 x2"))
    return (display(r"C\left(B\left(A x\right)\right) - \left(C B A\right) x = " + sp.latex(difference))
            + "\n" + tr("With one matrix, as the note has it,") + "\n\n"
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
            + "\n" + tr("For three logits the Jacobian is") + "\n\n"
            + "\n" + display(rf"J = {sp.latex(claim)}")
            + "\n" + tr("and SymPy, differentiating the softmax of {logits} directly, finds its own Jacobian "
                         "minus this one to be {difference}.", logits=math(r"z_{1}, z_{2}, z_{3}"),
                         difference=math(sp.latex(difference))) + "\n")


def errata_table(data: dict) -> str:
    """Each slip: what the note printed, what is derived, and the evidence."""
    rows: list[str] = []
    for e in errata(data):
        if e.id == "sigmoid-derivative":
            z = sym.z
            s, true = sym.sigmoid(z), sp.diff(sym.sigmoid(z), z)
            as_printed = true * (1 - s)  # f' · (1 − f)
            derived = math(r"f' = f \cdot (1 - f)")
            evidence = tr("at z = 0: f(1 − f) = {product}, SymPy's f'(0) = {derivative}; the note's "
                          "f'·(1 − f) = {printed}", product=math(sp.latex(true.subs(z, 0))),
                          derivative=math(sp.latex(sp.simplify(true.subs(z, 0)))),
                          printed=math(sp.latex(sp.simplify(as_printed.subs(z, 0)))))
        elif e.id == "leaky-relu-constant":
            a = rational(data["inputs"]["leaky_relu_a"], "leaky_relu_a")
            zs = [-5, -1, sp.Rational(-1, 10)]
            # One formula per value: a line may break between them on a phone.
            values = ", ".join(math(f"f({sp.latex(v)}) = {sp.latex(sym.leaky_relu(v, a))}") for v in zs)
            derived = tr("{formula} for z < 0, a = {a}", formula=math(r"f(z) = a z"), a=plain_q(a))
            evidence = tr("{values}: not a constant, and not {printed}", values=values, printed=e.note_value)
        elif e.id == "softmax-plot":
            coarse, fine = (np.arange(-5.0, 5.0, step) for step in (0.1, 0.05))
            at_zero = [num.softmax(x)[np.argmin(np.abs(x))] for x in (coarse, fine)]
            derived = tr("a vector in, a vector out: `softmax(z)` of the logits")
            evidence = tr("the plotted value at x = 0 is {coarse} with the note's grid step 0.1 and {fine} "
                          "with step 0.05", coarse=f"{at_zero[0]:.8f}", fine=f"{at_zero[1]:.8f}")
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        quoted = f"`{e.printed}`" if e.id == "softmax-plot" else e.printed
        rows.append(f"**`{e.source}` {e.section}**\n\n"
                    + tr("- *The note printed:* {printed}\n- *Derived:* {derived}\n- *Evidence:* {evidence}\n"
                         "- *Why:* {why}\n", printed=quoted, derived=derived, evidence=evidence,
                         why=localized(e, "explanation", "activations.toml")))
    rows.append(np_int_reference())
    # A list per slip, not a table: five columns of sentences leave each one a few words wide.
    return "\n".join(rows)


def np_int_reference() -> str:
    """The step code's ``dtype=np.int`` slip, kept once in the perceptron chapter (whose page shows
    the step's code): quoted here with its one fix and a link to the entry."""
    (e,) = [e for e in errata(data_file("perceptron")) if e.id == gates.NP_INT]
    return (f"**`{e.source}` {e.section}**\n\n"
            + tr("- *The note printed:* {printed}\n- *Derived:* {fix}, the same fix as the perceptron "
                 "chapter's; on the NumPy this site is built with, {test} is {value}\n- *Why:* one slip, one "
                 "entry: [the perceptron chapter's slip]({link}) explains it.\n", printed=f"`{e.printed}`",
                 fix=f"`{gates.np_int_fix(e)}`", test="`hasattr(np, 'int')`", value=f"`{hasattr(np, 'int')}`",
                 link=f"/perceptron.md#{gates.slip_anchor(e.id)}"))


# --- figures -----------------------------------------------------------------------------------------

FUNCTION_COLOUR = "#3b82c4"
DERIVATIVE_COLOUR = "#e0701b"
"""Mid-tone blue and orange: readable on a white page and on Material's near-black one."""


def figures(inputs: dict) -> dict[str, str]:
    lo, hi = inputs["plot_range"]
    z = np.linspace(lo, hi, inputs["plot_points"])
    a_plot = inputs["leaky_relu_a_plot"]
    # Labels are functions: a figure's words are written while it is drawn, once per edition.
    curves = {
        "step": (lambda: "step(z)", num.step, lambda: tr("step'(z) (0; none at z = 0)"),
                 lambda z: np.zeros_like(z)),
        "sigmoid": (lambda: "σ(z)", num.sigmoid, lambda: "σ'(z)", num.sigmoid_prime),
        "tanh": (lambda: "tanh(z)", num.tanh, lambda: "tanh'(z)", num.tanh_prime),
        "relu": (lambda: "ReLU(z)", num.relu, lambda: "ReLU'(z)", num.relu_prime),
        "leaky_relu": (lambda: tr("leaky ReLU(z), a = {a}", a=a_plot), lambda z: num.leaky_relu(z, a_plot),
                       lambda: tr("leaky ReLU'(z)"), lambda z: num.leaky_relu_prime(z, a_plot)),
    }
    files = {f"{name}.svg": plot(z, *curve) for name, curve in curves.items()}
    others = inputs["softmax_plot_logits"]
    logits = np.column_stack([z, np.broadcast_to(others, (len(z), len(others)))])
    s = num.softmax(logits)
    files["softmax.svg"] = plot(
        z, lambda: tr("s₁ of {logits}", logits=f"(z₁, {', '.join(f'{v:g}' for v in others)})"), lambda _: s[:, 0],
        lambda: "∂s₁/∂z₁ = s₁(1 − s₁)",
        lambda _: np.array([num.softmax_jacobian(row)[0, 0] for row in logits]),
        xlabel="z₁")
    return files


def plot(z, label, f, prime_label, prime, xlabel: str = "z") -> str:
    """One function and its derivative, as an inline SVG that follows the theme; ``label`` and
    ``prime_label`` are called while the figure is drawn in each edition."""

    def draw(ax):
        ax.axhline(0, color="black", linewidth=0.6, alpha=0.4)
        ax.axvline(0, color="black", linewidth=0.6, alpha=0.4)
        ax.plot(z, f(z), color=FUNCTION_COLOUR, linewidth=2.2, label=label())
        ax.plot(z, prime(z), color=DERIVATIVE_COLOUR, linewidth=2.0, linestyle="--", label=prime_label())
        ax.set_xlabel(xlabel)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, loc="upper left")

    return svg_figure(draw, figsize=(6.0, 3.4))

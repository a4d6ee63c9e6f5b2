"""Activation functions as SymPy expressions, and their derivatives derived from them.

The definitions take and return expressions. Below them, each derivative is obtained with
:func:`sympy.diff` from the definition and every textbook form shown on the page (σ(1 − σ),
1 − tanh², s_i(δ_ij − s_j)) is *proved* equal to it; nothing is assumed.
"""

from __future__ import annotations

import sympy as sp


def sigmoid(z: sp.Expr) -> sp.Expr:
    """σ(z) = 1 / (1 + e^(−z))."""
    return 1 / (1 + sp.exp(-z))


def tanh(z: sp.Expr) -> sp.Expr:
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))."""
    return sp.tanh(z)


def relu(z: sp.Expr) -> sp.Expr:
    """ReLU(z) = max(0, z)."""
    return sp.Max(0, z)


def leaky_relu(z: sp.Expr, a: sp.Expr = sp.Rational(1, 100)) -> sp.Expr:
    """Leaky ReLU(z) = max(a·z, z): z for z > 0, a·z for z < 0 (valid for 0 < a < 1)."""
    return sp.Max(a * z, z)


def identity(z: sp.Expr) -> sp.Expr:
    """identity(z) = z."""
    return z


def step(z: sp.Expr) -> sp.Expr:
    """The perceptron's step: 1 for z > 0, 0 for z ≤ 0 (Heaviside with H(0) = 0)."""
    return sp.Heaviside(z, 0)


def softmax(zs: list[sp.Expr]) -> list[sp.Expr]:
    """s_i = e^(z_i) / Σ_j e^(z_j), for each z_i of the list."""
    total = sp.Add(*(sp.exp(z) for z in zs))
    return [sp.exp(z) / total for z in zs]


# --- derivatives, derived ---------------------------------------------------------------------------

z = sp.Symbol("z", real=True)
sigma = sp.Symbol("sigma")
"""σ as a value (a neuron's output), for derivatives written in the output itself."""
z_positive, z_negative = sp.Symbol("z", positive=True), sp.Symbol("z", negative=True)
h = sp.Symbol("h", positive=True)
"""A step size for one-sided difference quotients."""


def equal(a: sp.Expr, b: sp.Expr) -> bool:
    """True if SymPy reduces a − b to 0 (exponentials rewritten, then simplified)."""
    return sp.simplify(sp.expand((a - b).rewrite(sp.exp))) == 0


def checked_steps(derivative: sp.Expr, steps: list[tuple[str, sp.Expr]]) -> list[str]:
    """Each step's LaTeX, after proving its expression equal to ``derivative``."""
    for latex, expr in steps:
        if not equal(expr, derivative):
            raise ArithmeticError(f"step {latex} is not equal to {derivative}")
    return [latex for latex, _ in steps]


def sigmoid_steps() -> list[str]:
    """dσ/dz from σ = 1/(1 + e^(−z)), to σ(1 − σ): each line proved equal to SymPy's derivative."""
    e = sp.exp(-z)
    derivative = sp.diff(sigmoid(z), z)
    split = sp.Mul(1 / (1 + e), e / (1 + e), evaluate=False)
    one_minus = e / (1 + e)
    if not equal(1 - sigmoid(z), one_minus):
        raise ArithmeticError("1 − σ is not e^(−z)/(1 + e^(−z))")
    return checked_steps(derivative, [
        (sp.latex(derivative), derivative),
        (rf"\frac{{1}}{{1 + e^{{- z}}}} \cdot \frac{{e^{{- z}}}}{{1 + e^{{- z}}}}", split),
        (r"\sigma(z) \cdot \left(1 - \sigma(z)\right)", sigmoid(z) * (1 - sigmoid(z))),
    ])


def tanh_steps() -> list[str]:
    """d tanh/dz from tanh = (e^z − e^(−z))/(e^z + e^(−z)), by the quotient rule, to 1 − tanh²."""
    up, down = sp.exp(z) - sp.exp(-z), sp.exp(z) + sp.exp(-z)
    if not equal(tanh(z), up / down):
        raise ArithmeticError("tanh is not (e^z − e^(−z))/(e^z + e^(−z))")
    derivative = sp.diff(up / down, z)
    quotient = (down * sp.diff(up, z) - up * sp.diff(down, z)) / down ** 2
    return checked_steps(derivative, [
        (r"\frac{\left(e^{z} + e^{- z}\right)^{2} - \left(e^{z} - e^{- z}\right)^{2}}"
         r"{\left(e^{z} + e^{- z}\right)^{2}}", quotient),
        (r"1 - \left(\frac{e^{z} - e^{- z}}{e^{z} + e^{- z}}\right)^{2}", 1 - (up / down) ** 2),
        (r"1 - \tanh^{2}(z)", 1 - tanh(z) ** 2),
    ])


def tanh_is_a_stretched_sigmoid() -> sp.Expr:
    """tanh(z) = 2σ(2z) − 1: the "hyperbolic-tangent sigmoid" of 004_… is the logistic one,
    stretched to (−1, 1). Returns the difference tanh(z) − (2σ(2z) − 1), simplified: 0."""
    return sp.simplify((tanh(z) - (2 * sigmoid(2 * z) - 1)).rewrite(sp.exp))


tanh_value = sp.Symbol(r"\tanh")
"""tanh as a value (a neuron's output), printed as the function's name."""

IN_OUTPUT = {"sigmoid": (sigma, sigma * (1 - sigma)), "tanh": (tanh_value, 1 - tanh_value ** 2)}
"""Each smooth activation's derivative written in its own output: (output symbol, f' in it)."""


def second_derivative_in_output(name: str) -> sp.Expr:
    """f'' in the output f: f' = g(f), so by the chain rule f'' = g'(f) · f' = g'(f) · g(f).

    Proved equal to differentiating the definition twice before it is returned.
    """
    f = {"sigmoid": sigmoid, "tanh": tanh}[name](z)
    output, first = IN_OUTPUT[name]
    if not equal(first.subs(output, f), sp.diff(f, z)):
        raise ArithmeticError(f"{name}' is not {first}")
    second = sp.factor(sp.diff(first, output) * first)
    if not equal(second.subs(output, f), sp.diff(f, z, 2)):
        raise ArithmeticError(f"{name}'' is not {second}")
    return second


def peak(f: sp.Expr) -> tuple[list[sp.Expr], sp.Expr]:
    """Where f' peaks: the real solutions of f'' = 0, and f' there."""
    first, second = sp.diff(f, z), sp.diff(f, z, 2)
    (where,) = roots = sp.solve(second, z)
    return roots, sp.simplify(first.subs(z, where))


def sigmoid_prime_bound() -> sp.Expr:
    """σ(1 − σ) = 1/4 − (σ − 1/2)²: a square is never negative, so σ' ≤ 1/4 for every z.
    Returns the difference of the two sides, expanded: 0."""
    return sp.expand(sigma * (1 - sigma) - (sp.Rational(1, 4) - (sigma - sp.Rational(1, 2)) ** 2))


def one_sided_slopes(f) -> tuple[sp.Expr, sp.Expr]:
    """The difference quotients (f(0 ± h) − f(0)) / ±h as h → 0⁺: left and right slopes at 0."""
    left = sp.limit((f(-h) - f(sp.Integer(0))) / (-h), h, 0, "+")
    right = sp.limit((f(h) - f(sp.Integer(0))) / h, h, 0, "+")
    return left, right


def slopes_away_from_zero(f) -> tuple[sp.Expr, sp.Expr]:
    """f'(z) for z < 0 and for z > 0, from f written on each side."""
    return sp.diff(f(z_negative), z_negative), sp.diff(f(z_positive), z_positive)


def max_node_gradient() -> tuple[sp.Expr, sp.Expr]:
    """∂max(x, y)/∂x and ∂max(x, y)/∂y: Heaviside steps, so the upstream gradient flows only to
    the larger input (004_…'s max node; ReLU is max(0, z))."""
    x, y = sp.symbols("x y", real=True)
    return sp.diff(sp.Max(x, y), x), sp.diff(sp.Max(x, y), y)


def softmax_jacobian(n: int) -> tuple[list[sp.Symbol], sp.Matrix]:
    """The Jacobian ∂s_i/∂z_j of softmax over n logits z1…zn, differentiated by SymPy."""
    zs = list(sp.symbols(f"z1:{n + 1}", real=True))
    s = softmax(zs)
    return zs, sp.Matrix(n, n, lambda i, j: sp.diff(s[i], zs[j]))


def softmax_jacobian_closed_form(n: int) -> sp.Matrix:
    """SymPy's Jacobian minus s_i(δ_ij − s_j), each entry simplified: the zero matrix."""
    zs, jacobian = softmax_jacobian(n)
    s = softmax(zs)
    claim = sp.Matrix(n, n, lambda i, j: s[i] * (sp.KroneckerDelta(i, j) - s[j]))
    return (jacobian - claim).applyfunc(sp.simplify)


def linear_layers_collapse(n: int = 2) -> sp.Matrix:
    """Three linear layers f1(x) = A x, f2 = B x, f3 = C x on general n×n matrices of symbols:
    f3(f2(f1(x))) − (C B A) x, expanded. The zero vector: three layers are one, with K = C B A."""
    A, B, C = (sp.Matrix(n, n, lambda i, j, m=m: sp.Symbol(f"{m}_{i + 1}{j + 1}")) for m in "abc")
    x = sp.Matrix(n, 1, lambda i, _: sp.Symbol(f"x{i + 1}"))
    return (C * (B * (A * x)) - (C * B * A) * x).expand()


def cubed(W: sp.Matrix) -> tuple[sp.Matrix, sp.Matrix]:
    """The note's f(x) = W x applied three times: (f(f(f(x))), K x with K = W³)."""
    x = sp.Matrix(W.shape[1], 1, lambda i, _: sp.Symbol(f"x{i + 1}"))
    return W * (W * (W * x)), (W ** 3) * x

"""Any dense network with SymPy, exact: forward propagation as matrix products, and gradients by the
matrix chain rule, layer by layer.

A layer is ``Z = X W + B`` (``W`` of shape inputs × units, ``B`` one row added to every sample's
row), then ``A = f(Z)``. The gradient is never one giant expression differentiated at once: each
layer's δ = ∂L/∂Z is the upstream ∂L/∂A times the *derived* local derivative of its activation,
then ∂L/∂W = Xᵀ δ, ∂L/∂B = the column sums of δ, and δ Wᵀ is the ∂L/∂A handed to the layer below.
Every value stays exact (rationals and exponentials) until :func:`evaluate`; the z, a and δ of
the forward and backward pass are kept under names (:class:`Intermediate`), so that no expression
grows beyond one layer and the cost of the gradient grows with the number of parameters, not
faster.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Callable, Sequence

import sympy as sp

from derivations.problems.registry import DIGITS
from derivations.symbolic import activations, losses

z = sp.Symbol("z")

ACTIVATIONS: dict[str, Callable[[sp.Expr], sp.Expr]] = {
    "sigmoid": activations.sigmoid,
    "tanh": activations.tanh,
    "relu": activations.relu,
    "leaky_relu": activations.leaky_relu,
    "identity": activations.identity,
}
"""The elementwise activations; softmax acts on a whole row (:func:`softmax_jacobian`)."""

LOSSES: dict[str, Callable[[list, list], sp.Expr]] = {
    "half_sse": losses.half_sse,
    "mse": losses.mse,
    "binary_cross_entropy": losses.binary_cross_entropy,
    "cross_entropy": losses.cross_entropy,
}
"""Each loss of one sample; a batch's loss is their mean."""


@dataclass(frozen=True)
class Layer:
    """One dense layer: ``Z = X W + B``, then ``activation``."""

    weights: sp.Matrix   # inputs × units
    biases: sp.Matrix    # 1 × units
    activation: str


@dataclass(frozen=True)
class Cache:
    X: sp.Matrix  # the layer's input, batch × inputs
    Z: sp.Matrix  # X W + B
    A: sp.Matrix  # f(Z)


def rational(value: Fraction | int) -> sp.Rational:
    value = Fraction(value)
    return sp.Rational(value.numerator, value.denominator)


def matrix(rows: Sequence[Sequence[Fraction | int]]) -> sp.Matrix:
    return sp.Matrix([[rational(v) for v in row] for row in rows])


# --- named intermediate values ------------------------------------------------------------------------

class Intermediate(sp.Dummy):
    """One exact value of the forward or backward pass (a z, a or δ of one sample and unit) under a
    name.

    Written out, a deep layer's value holds every exponential of the layers below it, and each
    operation on it would make SymPy evaluate that whole tree again to learn its sign. Named, it
    is an atom: the layer above and the backward pass stay expressions in the layer below's names,
    as small as one layer, and the exact value is the chain of their definitions, which
    :func:`evaluate` and :func:`written_out` follow. The sign, which ``max(0, z)`` and its slope
    need, is told to SymPy as an assumption when the approximation (:data:`DIGITS` + :data:`GUARD`
    digits) leaves no doubt: its size exceeds its possible rounding error, bounded by the size of
    its terms times 10^−DIGITS. Otherwise SymPy is told nothing, and ``max`` stays unevaluated
    until :func:`evaluate`.
    """

    definition: sp.Expr
    approximation: sp.Float

    def __new__(cls, name: str, definition: sp.Expr) -> "Intermediate":
        known = {a: a.approximation for a in definition.atoms(Intermediate)}
        terms = definition.args if definition.is_Add else (definition,)
        approximation, *term_values = _carried([definition, *terms], DIGITS + GUARD, known)
        margin = sum(abs(t) for t in term_values) * sp.Float(10) ** -DIGITS
        sign = {}
        if abs(approximation) > margin:
            sign = {"positive": True} if approximation > 0 else {"negative": True}
        self = super().__new__(cls, name, real=True, **sign)
        self.definition, self.approximation = definition, approximation
        return self


def named(prefix: str, layer: int, M: sp.Matrix) -> sp.Matrix:
    """Each entry of M that is not already a number or a name, named ``prefix^(layer)_(sample, unit)``."""
    return sp.Matrix(M.rows, M.cols, lambda i, j: M[i, j] if M[i, j].is_Number or isinstance(M[i, j], Intermediate)
                     else Intermediate(f"{prefix}^{{({layer})}}_{{{i + 1},{j + 1}}}", M[i, j]))


def written_out(expr: sp.Expr | sp.Matrix) -> sp.Expr | sp.Matrix:
    """The closed form: every name replaced by its definition, all the way down (small networks only:
    this is the giant expression the names avoid)."""
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(written_out)
    names = expr.atoms(Intermediate)
    return expr.xreplace({n: written_out(n.definition) for n in names}) if names else expr


# --- forward ---------------------------------------------------------------------------------------

def softmax_row(row: sp.Matrix) -> sp.Matrix:
    return sp.Matrix([list(activations.softmax(list(row)))])


def activate(name: str, Z: sp.Matrix) -> sp.Matrix:
    if name == "softmax":
        return sp.Matrix.vstack(*(softmax_row(Z.row(i)) for i in range(Z.rows)))
    return Z.applyfunc(ACTIVATIONS[name])


def forward(layers: Sequence[Layer], X: sp.Matrix) -> list[Cache]:
    """Z = X W + B and A = f(Z), layer after layer; B is repeated for every row (sample). Every
    entry of Z and A that is not a plain number is an :class:`Intermediate`."""
    caches = []
    for number, layer in enumerate(layers, start=1):
        Z = named("z", number, X * layer.weights + sp.ones(X.rows, 1) * layer.biases)
        A = named("a", number, activate(layer.activation, Z))
        caches.append(Cache(X, Z, A))
        X = A
    return caches


def loss(name: str, O: sp.Matrix, T: sp.Matrix) -> sp.Expr:
    """The batch loss: the mean over rows of the per-sample loss."""
    return sp.Add(*(LOSSES[name](list(O.row(i)), list(T.row(i))) for i in range(O.rows))) / O.rows


# --- local derivatives, each derived once ----------------------------------------------------------

@cache
def activation_derivative(name: str) -> sp.Expr:
    """f'(z) by differentiating the activation's definition."""
    return sp.diff(ACTIVATIONS[name](z), z)


def local_slope(name: str, value: sp.Expr) -> sp.Expr:
    """f'(value). At exactly 0, where relu and leaky relu have a kink, the derivative is the limit
    from the left (relu'(0) = 0, leaky_relu'(0) = a), the same convention as the NumPy route;
    for the smooth activations that limit is simply f'(0)."""
    if value == 0:
        return sp.limit(activation_derivative(name), z, 0, "-")
    return activation_derivative(name).xreplace({z: value})


@cache
def loss_gradient(name: str, outputs: int) -> tuple[tuple[sp.Symbol, ...], tuple[sp.Symbol, ...], tuple[sp.Expr, ...]]:
    """∂loss/∂o_k of one sample, derived in symbols o_k, t_k: returns (o, t, gradient)."""
    o = sp.symbols(f"o1:{outputs + 1}")
    t = sp.symbols(f"t1:{outputs + 1}")
    value = LOSSES[name](list(o), list(t))
    return o, t, tuple(sp.diff(value, ok) for ok in o)


def softmax_jacobian_difference(n: int, candidate: Callable[[tuple, int, int], sp.Expr]) -> sp.Matrix:
    """∂s_i/∂z_j derived with sp.diff, minus ``candidate(s, i, j)`` with s written out in z.

    With z_k = ln u_k (u_k > 0) every e^(…) SymPy formed (e^(2 z1), e^(z1 + z2)) becomes a product
    of powers of the u_k, so each entry is a rational function that cancel() decides exactly: a
    zero matrix proves the candidate.
    """
    zs = sp.symbols(f"z1:{n + 1}")
    outputs = tuple(activations.softmax(list(zs)))
    logs = {zk: sp.log(sp.Dummy(f"u{k}", positive=True)) for k, zk in enumerate(zs)}
    return sp.Matrix(n, n, lambda i, j: sp.cancel(sp.expand_power_exp(
        (sp.diff(outputs[i], zs[j]) - candidate(outputs, i, j)).xreplace(logs))))


def in_outputs(s: tuple, i: int, j: int) -> sp.Expr:
    """The softmax Jacobian in its outputs: ∂s_i/∂z_j = s_i (δ_ij − s_j)."""
    return s[i] * (sp.KroneckerDelta(i, j) - s[j])


@cache
def softmax_jacobian(n: int) -> tuple[tuple[sp.Symbol, ...], sp.Matrix]:
    """The softmax Jacobian as (s, J), J in the symbols s, after proving it equals the derivative."""
    if not softmax_jacobian_difference(n, in_outputs).is_zero_matrix:
        raise ArithmeticError("the softmax Jacobian is not s_i(δ_ij − s_j)")
    s = sp.symbols(f"s1:{n + 1}")
    return s, sp.Matrix(n, n, lambda i, j: in_outputs(s, i, j))


# --- backward ----------------------------------------------------------------------------------------

def output_gradient(name: str, O: sp.Matrix, T: sp.Matrix) -> sp.Matrix:
    """∂L/∂O of the batch loss: each sample's derived ∂loss/∂o, divided by the batch size."""
    o, t, gradient = loss_gradient(name, O.cols)
    rows = []
    for i in range(O.rows):
        values = dict(zip(o, O.row(i))) | dict(zip(t, T.row(i)))
        rows.append([g.xreplace(values) / O.rows for g in gradient])
    return sp.Matrix(rows)


def delta(layer: Layer, cache: Cache, dA: sp.Matrix) -> sp.Matrix:
    """δ = ∂L/∂Z: upstream ∂L/∂A times the local derivative (softmax: Jᵀ times the row)."""
    if layer.activation == "softmax":
        s, J = softmax_jacobian(cache.A.cols)
        rows = [(J.xreplace(dict(zip(s, cache.A.row(i)))).T * dA.row(i).T).T for i in range(dA.rows)]
        return sp.Matrix.vstack(*rows)
    slopes = cache.Z.applyfunc(lambda v: local_slope(layer.activation, v))
    return dA.multiply_elementwise(slopes)


def gradients(layers: Sequence[Layer], X: sp.Matrix, T: sp.Matrix, loss_name: str) -> tuple[sp.Expr, list[Layer]]:
    """The exact batch loss and ∂L/∂W, ∂L/∂B of every layer: :func:`forward`, then :func:`backward`."""
    return backward(layers, forward(layers, X), T, loss_name)


def backward(layers: Sequence[Layer], caches: Sequence[Cache], T: sp.Matrix,
             loss_name: str) -> tuple[sp.Expr, list[Layer]]:
    """The exact batch loss and ∂L/∂W, ∂L/∂B of every layer from a forward pass, by the matrix
    chain rule. Each layer's δ is named (δ^(l)_(sample, unit)), so its ∂L/∂W = Xᵀδ is written in
    that layer's names and each δ in the names of the layer above."""
    value = loss(loss_name, caches[-1].A, T)
    dA = output_gradient(loss_name, caches[-1].A, T)
    result = []
    for number, layer, stored in zip(range(len(layers), 0, -1), reversed(layers), reversed(caches)):
        d = named(r"\delta", number, delta(layer, stored, dA))
        result.append(Layer(stored.X.T * d, sp.ones(1, d.rows) * d, layer.activation))
        dA = d * layer.weights.T
    return value, result[::-1]


GUARD = 20
"""Extra digits carried while evaluating; :func:`evaluate` doubles them, up to 16 times as many,
when they do not suffice."""


def evaluate(expr: sp.Expr | sp.Matrix, digits: int = DIGITS) -> sp.Float | sp.Matrix:
    """An exact value, or every entry of a matrix, to ``digits`` significant digits.

    The exact values share their parts: a name (:class:`Intermediate`) stands in many entries, and
    its definition in turn uses the names below it. ``sp.N`` entry by entry would evaluate each of
    them again wherever it appears, and the cost would grow faster than the parameter count. Here
    each name and each distinct subexpression is evaluated once (:func:`_carried`). Rounding is checked the way a
    careful hand calculation is: the whole is evaluated carrying :data:`GUARD` extra digits, then
    twice as many, and the two must agree to ``digits`` digits, else the guard is doubled. Only a
    value that cancels to (nearly) zero can still disagree at the largest guard; it is returned as
    the finest evaluation gave it. Pass every expression of a computation in one matrix so they
    share the work.
    """
    entries = list(expr) if isinstance(expr, sp.MatrixBase) else [expr]
    tolerance = sp.Float(10) ** -digits
    guard, coarse = GUARD, _carried(entries, digits + GUARD)
    while True:
        fine = _carried(entries, digits + 2 * guard)
        if guard >= 8 * GUARD or all(abs(a - b) <= tolerance * abs(b) for a, b in zip(coarse, fine)):
            break
        guard, coarse = 2 * guard, fine
    values = [sp.Float(v, digits) for v in fine]
    return sp.Matrix(expr.rows, expr.cols, values) if isinstance(expr, sp.MatrixBase) else values[0]


def _carried(exprs: Sequence[sp.Expr], digits: int, known: dict | None = None) -> list[sp.Float]:
    """Each expression's value at ``digits`` digits, every distinct subexpression computed once from
    its arguments' values (a walk of the expression graph, not of the trees). A name's value is its
    definition's; ``known`` may give some values already."""
    known = dict(known or {})
    for root in exprs:
        stack = [root]
        while stack:
            node = stack[-1]
            if node in known:
                stack.pop()
                continue
            parts = (node.definition,) if isinstance(node, Intermediate) else node.args
            waiting = [a for a in parts if a not in known]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            if isinstance(node, Intermediate):
                known[node] = known[node.definition]
            elif not node.args:
                known[node] = node.evalf(digits)
            else:
                value = node.func(*(known[a] for a in node.args))
                known[node] = value if value.is_Float else value.evalf(digits)
    return [known[e] for e in exprs]


# --- Y = XW + B with 001_0f6bc44c70e8f7d0.txt's names, and the shapes ---------------------------------

x1, x2, x3 = sp.symbols("x1:4")
w1, w2, w3, w4, w5, w6 = sp.symbols("w1:7")
b1, b2 = sp.symbols("b1 b2")
h1, h2 = sp.symbols("h1 h2")

X_001 = sp.Matrix([[x1, x2, x3]])
W_001 = sp.Matrix([[w1, w4], [w2, w5], [w3, w6]])  # column j holds the weights into h_j
B_001 = sp.Matrix([[b1, b2]])
NEURONS_001 = {h1: x1 * w1 + x2 * w2 + x3 * w3 + b1, h2: x1 * w4 + x2 * w5 + x3 * w6 + b2}
"""The note's per-neuron sums."""


def xw_plus_b() -> tuple[sp.Matrix, sp.Matrix]:
    """XW + B expanded by SymPy, and it minus the note's [h1, h2] (a zero row proves them equal)."""
    product = (X_001 * W_001 + B_001).expand()
    return product, (product - sp.Matrix([[NEURONS_001[h1], NEURONS_001[h2]]])).expand()


y1, y2 = sp.symbols("y1 y2")


def two_outputs() -> tuple[tuple[sp.Expr, sp.Expr], sp.Expr, sp.Expr, sp.Expr]:
    """Why 001's 3 → 2 softmax layer is a binary classifier (소프트맥스 회귀로도 이진 분류는 수행
    가능): softmax([h1, h2]) written out, σ(h1 − h2), then y1 − σ(h1 − h2) and y2 − (1 − y1), each
    simplified by SymPy. Both are 0: the first output is a sigmoid of h1 − h2, and the second adds
    no freedom of its own."""
    first, second = activations.softmax([h1, h2])
    sigmoid = activations.sigmoid(h1 - h2)
    return (first, second), sigmoid, sp.simplify(first - sigmoid), sp.simplify(second - (1 - first))


def batch_of(samples: int) -> tuple[sp.Matrix, sp.Matrix]:
    """``samples`` rows x_{i1..i3} through the same W and B: returns (X, XW + B)."""
    X = sp.Matrix(samples, 3, lambda i, j: sp.Symbol(f"x_{{{i + 1}{j + 1}}}"))
    return X, X * W_001 + sp.ones(samples, 1) * B_001


def parameters(*exprs: sp.MatrixBase) -> set[sp.Symbol]:
    """The learnable parameters (w's and b's) an expression depends on."""
    learnable = set(W_001) | set(B_001)
    return set().union(*(e.free_symbols for e in exprs)) & learnable


@dataclass(frozen=True)
class ShapeStep:
    """One line of 001's shape derivation: what is known, and the four shapes so far."""

    reason: str
    X: tuple[sp.Expr, sp.Expr]
    W: tuple[sp.Expr, sp.Expr]
    B: tuple[sp.Expr, sp.Expr]
    Y: tuple[sp.Expr, sp.Expr]


def shape_steps(batch: int, inputs: int, units: int) -> list[ShapeStep]:
    """X(m×n) · W(n×j) + B(m×j) = Y(m×j), solved for one layer in the note's order.

    Each step adds one constraint and solves the unknown dimensions with SymPy: X and Y are
    given; a matrix product needs W's rows equal to X's columns; a sum needs B's shape equal to
    Y's; the product's columns are W's columns, which must be Y's.
    """
    wr, wc, br, bc = sp.symbols("n j m_B j_B")
    m, n, j = sp.symbols("m n j")
    constraints = [
        ("the general form", []),
        ("X and Y are given", []),
        ("W's rows equal X's columns (matrix product)", [sp.Eq(wr, inputs)]),
        ("B has Y's shape (matrix sum)", [sp.Eq(br, batch), sp.Eq(bc, units)]),
        ("W's columns equal Y's columns", [sp.Eq(wc, units)]),
    ]
    known: dict[sp.Symbol, sp.Expr] = {}
    steps = []
    for i, (reason, equations) in enumerate(constraints):
        if equations:
            known |= sp.solve(equations, [e.lhs for e in equations], dict=True)[0]
        given = i > 0
        steps.append(ShapeStep(
            reason,
            (batch, inputs) if given else (m, n),
            (known.get(wr, n), known.get(wc, j)),
            (known.get(br, m), known.get(bc, j)),
            (batch, units) if given else (m, j)))
    return steps


# --- combined output deltas ------------------------------------------------------------------------------

def combined_delta_difference(loss_name: str, activation: str, n: int) -> list[sp.Expr]:
    """∂loss(f(z), t)/∂z_j derived end to end, minus the combined form the NumPy route uses:
    s_j Σ_k t_k − t_j for softmax with cross-entropy, (σ(z_j) − t_j)/n for sigmoid with binary
    cross-entropy. Every entry simplifies to zero."""
    zs = sp.symbols(f"z1:{n + 1}")
    ts = sp.symbols(f"t1:{n + 1}")
    outputs = activations.softmax(list(zs)) if activation == "softmax" else [activations.sigmoid(v) for v in zs]
    value = LOSSES[loss_name](outputs, list(ts))
    if (loss_name, activation) == ("cross_entropy", "softmax"):
        combined = [outputs[k] * sp.Add(*ts) - ts[k] for k in range(n)]
    elif (loss_name, activation) == ("binary_cross_entropy", "sigmoid"):
        combined = [(outputs[k] - ts[k]) / n for k in range(n)]
    else:
        raise ValueError(f"no combined δ for {activation} with {loss_name}")
    logs = {zk: sp.log(sp.Dummy(f"u{k}", positive=True)) for k, zk in enumerate(zs)}
    return [sp.cancel(sp.expand_power_exp(sp.expand_log((sp.diff(value, zs[k]) - combined[k]).xreplace(logs), force=True)))
            for k in range(n)]

"""Certified values of one gradient-descent step on any dense network: exact rationals where every
operation is rational, balls (an interval: a midpoint and a radius that provably contains the
true value, FLINT's ``arb``) where an exponential enters.

The formulas are the closed forms of :mod:`derivations.symbolic.stable`, each proved there equal
to SymPy's derivative of the definition. They are written so that nothing cancels that need not:
σ'(z) = σ(z)σ(−z), tanh'(z) = sech²(z), −ln σ(z) = softplus(−z), σ(z) − t = (1 − t)σ(z) − tσ(−z).
A ball's exponent is unbounded, so e^(−1000) or e^(−10³⁰⁸) is a number like any other.

:func:`run` evaluates the whole step at a working precision of ``prec`` bits; the caller
(:mod:`derivations.symbolic.decide`) raises the precision until every printed digit is decided.
Where a kink (ReLU at 0) cannot be placed at the working precision, :class:`Undecided` is raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from flint import arb, arb_mat, ctx, fmpq, fmpq_mat

from derivations.problems import DenseProblem
from derivations.problems.registry import LEAKY_SLOPE

Number = fmpq | arb
Matrix = fmpq_mat | arb_mat

LEAK = fmpq(*LEAKY_SLOPE)


class Undecided(ArithmeticError):
    """A sign the working precision cannot tell (a ReLU's input within its rounding of 0)."""


# --- matrices that stay exact while they can ------------------------------------------------------------

def exact_matrix(rows: Sequence[Sequence[Fraction]]) -> fmpq_mat:
    return fmpq_mat([[fmpq(v.numerator, v.denominator) for v in row] for row in rows])


def build(rows: list[list[Number]]) -> Matrix:
    """A matrix of these entries: exact if every entry is."""
    if all(isinstance(v, fmpq) for row in rows for v in row):
        return fmpq_mat(rows)
    return arb_mat([[arb(v) if isinstance(v, fmpq) else v for v in row] for row in rows])


def entries(M: Matrix) -> list[list[Number]]:
    return [[M[i, j] for j in range(M.ncols())] for i in range(M.nrows())]


def matmul(A: Matrix, B: Matrix) -> Matrix:
    if isinstance(A, fmpq_mat) and isinstance(B, fmpq_mat):
        return A * B
    return arb_mat(A) * arb_mat(B)


def add_row(A: Matrix, row: Matrix) -> Matrix:
    """A + the 1 × n ``row`` repeated for every row of A."""
    ones = fmpq_mat(A.nrows(), 1, [1] * A.nrows())
    return add(A, matmul(ones, row))


def add(A: Matrix, B: Matrix) -> Matrix:
    if isinstance(A, fmpq_mat) and isinstance(B, fmpq_mat):
        return A + B
    return arb_mat(A) + arb_mat(B)


def column_sums(A: Matrix) -> Matrix:
    return matmul(fmpq_mat(1, A.nrows(), [1] * A.nrows()), A)


def scale(c: fmpq, A: Matrix) -> Matrix:
    return A * c if isinstance(A, fmpq_mat) else A * arb(c)


def elementwise(f, *Ms: Matrix) -> Matrix:
    rows, cols = Ms[0].nrows(), Ms[0].ncols()
    return build([[f(*(M[i, j] for M in Ms)) for j in range(cols)] for i in range(rows)])


# --- activations --------------------------------------------------------------------------------------

def ball(v: Number) -> arb:
    return arb(v) if isinstance(v, fmpq) else v


def sigmoid(z: Number) -> Number:
    """σ(z) = 1/(1 + e^(−z)); exactly 1/2 at z = 0."""
    if isinstance(z, fmpq) and z == 0:
        return fmpq(1, 2)
    return 1 / (1 + (-ball(z)).exp())


def sign(z: Number) -> int:
    """−1, 0 or 1; :class:`Undecided` if a ball holds 0 without being 0."""
    if isinstance(z, fmpq) or z.is_exact():
        return (z > 0) - (z < 0)
    if z > 0:
        return 1
    if z < 0:
        return -1
    raise Undecided("the sign of a ReLU's input")


def relu(z: Number) -> Number:
    return z if sign(z) > 0 else fmpq(0)


def leaky_relu(z: Number) -> Number:
    return z if sign(z) > 0 else z * LEAK


ELEMENTWISE = {
    "sigmoid": sigmoid,
    "tanh": lambda z: fmpq(0) if z == 0 else ball(z).tanh(),
    "relu": relu,
    "leaky_relu": leaky_relu,
    "identity": lambda z: z,
}

SLOPES = {
    "sigmoid": lambda z: sigmoid(z) * sigmoid(-z),        # σ' = σ(z)σ(−z)
    "tanh": lambda z: fmpq(1) if z == 0 else ball(z).sech() ** 2,  # tanh' = sech²
    # At the kink the slope is the limit from the left, as on the NumPy route.
    "relu": lambda z: fmpq(1) if sign(z) > 0 else fmpq(0),
    "leaky_relu": lambda z: fmpq(1) if sign(z) > 0 else LEAK,
    "identity": lambda z: fmpq(1),
}
"""f'(z) of each elementwise activation, in the forms proved in :mod:`derivations.symbolic.stable`."""


def softmax_row(zs: list[Number]) -> list[Number]:
    """s_i = e^(z_i − m) / Σ_j e^(z_j − m): m, any constant, cancels; the largest midpoint keeps
    every exponent ≤ about 0."""
    if all(isinstance(z, fmpq) and z == zs[0] for z in zs):  # e^z cancels: exactly 1/n each
        return [fmpq(1, len(zs))] * len(zs)
    m = max((ball(z).mid() for z in zs), key=float)
    e = [(ball(z) - m).exp() for z in zs]
    total = sum(e[1:], e[0])
    return [v / total for v in e]


def activate(name: str, Z: Matrix) -> Matrix:
    if name == "softmax":
        return build([softmax_row(row) for row in entries(Z)])
    return elementwise(ELEMENTWISE[name], Z)


def others(values: list[Number], i: int) -> Number:
    """Σ_{j≠i} values_j."""
    rest = values[:i] + values[i + 1:]
    return sum(rest[1:], rest[0]) if rest else fmpq(0)


def difference(name: str, z: list[Number], o: list[Number], t: list[fmpq]) -> list[Number]:
    """o − t for one sample's outputs, without the cancellation of a saturated output against
    1: sigmoid (1 − t)σ(z) − tσ(−z), tanh (1 − t)σ(2z) − (1 + t)σ(−2z), softmax
    (1 − t_i)s_i − t_i Σ_{j≠i} s_j (each because σ(z) + σ(−z) = 1 and Σ s = 1)."""
    if name == "sigmoid":
        return [(1 - tk) * ok - tk * sigmoid(-zk) for zk, ok, tk in zip(z, o, t)]
    if name == "tanh":
        return [(1 - tk) * sigmoid(2 * zk) - (1 + tk) * sigmoid(-2 * zk) for zk, tk in zip(z, t)]
    if name == "softmax":
        return [(1 - tk) * o[k] - tk * others(o, k) for k, tk in enumerate(t)]
    return [ok - tk for ok, tk in zip(o, t)]


def softplus(x: Number) -> Number:
    """ln(1 + e^x) = −ln σ(−x); ln 2 at x = 0."""
    return ball(x).exp().log1p()


# --- one sample's loss and its ∂/∂z (the batch's δ divides it by the batch) ---------------------------

def _binary_cross_entropy(activation, z, o, t):
    """sigmoid: −[t ln σ(z) + (1 − t) ln σ(−z)] = t·softplus(−z) + (1 − t)·softplus(z), mean
    over the outputs; ∂/∂z = (σ(z) − t)/k."""
    k = len(t)
    value = sum((tk * softplus(-zk) + (1 - tk) * softplus(zk) for zk, tk in zip(z, t)), fmpq(0)) / k
    return value, [dk / k for dk in difference("sigmoid", z, o, t)]


def _cross_entropy(activation, z, o, t):
    """softmax: −ln s_k = ln(1 + Σ_{j≠k} e^(z_j − z_k)), ∂/∂z_i = s_i Σ_{j≠i} t_j − t_i Σ_{j≠i} s_j;
    sigmoid: −t ln σ(z) = t·softplus(−z), ∂/∂z = −tσ(−z)."""
    if activation == "sigmoid":
        return (sum((tk * softplus(-zk) for zk, tk in zip(z, t)), fmpq(0)),
                [-tk * sigmoid(-zk) for zk, tk in zip(z, t)])
    if len(z) == 1:
        return fmpq(0), [fmpq(0)]
    value = sum((tk * others([(ball(zj) - zk).exp() for zj in z], k).log1p()
                 for k, (zk, tk) in enumerate(zip(z, t)) if tk != 0), fmpq(0))
    return value, [o[i] * others(t, i) - t[i] * others(o, i) for i in range(len(z))]


def _squared(half: bool):
    def loss(activation, z, o, t):
        """½ Σ (o − t)² or (1/k) Σ (o − t)², with ∂/∂z = (o − t)·f'(z) times 1 or 2/k."""
        d = difference(activation, z, o, t)
        squares = sum((dk * dk for dk in d), fmpq(0))
        c = fmpq(1) if half else fmpq(2, len(t))
        return (squares / 2 if half else squares / len(t)), local_delta(activation, z, o, [c * dk for dk in d])
    return loss


LOSSES = {
    "half_sse": _squared(half=True),
    "mse": _squared(half=False),
    "binary_cross_entropy": _binary_cross_entropy,
    "cross_entropy": _cross_entropy,
}
"""Each loss of one sample from its output row: (value, ∂loss/∂z), in forms that do not cancel."""


def local_delta(activation: str, z: list[Number], a: list[Number], upstream: list[Number]) -> list[Number]:
    """δ = upstream ∂L/∂a times the local derivative. Softmax: δ_i = s_i Σ_{j≠i} s_j (g_i − g_j),
    which is s_i (g_i − Σ_j s_j g_j) with Σ s = 1 used so that nothing cancels against s_i ≈ 1."""
    if activation == "softmax":
        return [a[i] * (others([a[j] * (upstream[i] - upstream[j]) for j in range(len(a))], i))
                if len(a) > 1 else fmpq(0) for i in range(len(a))]
    slope = SLOPES[activation]
    return [g * slope(zk) for zk, g in zip(z, upstream)]


# --- the step -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Layer:
    weights: Matrix
    biases: Matrix  # 1 × units
    activation: str


@dataclass(frozen=True)
class Pass:
    """A forward pass: each layer's Z and A, the output's stable o − t, and the batch loss."""

    Z: list[Matrix]
    A: list[Matrix]
    difference: list[list[Number]]
    loss: Number


@dataclass(frozen=True)
class Step:
    first: Pass
    gradients: list[Layer]
    updated: list[Layer]
    second: Pass


def layers_of(problem: DenseProblem) -> list[Layer]:
    return [Layer(exact_matrix(layer.weights), exact_matrix([layer.biases]), layer.activation)
            for layer in problem.layers]


def forward(layers: Sequence[Layer], X: Matrix, T: list[list[fmpq]], loss: str) -> Pass:
    Zs, As = [], []
    for layer in layers:
        Z = add_row(matmul(X, layer.weights), layer.biases)
        X = activate(layer.activation, Z)
        Zs.append(Z)
        As.append(X)
    last = layers[-1].activation
    z, o = entries(Zs[-1]), entries(As[-1])
    diffs = [difference(last, zi, oi, ti) for zi, oi, ti in zip(z, o, T)]
    total = sum((LOSSES[loss](last, zi, oi, ti)[0] for zi, oi, ti in zip(z, o, T)), fmpq(0))
    return Pass(Zs, As, diffs, total / len(T))


def backward(layers: Sequence[Layer], X: Matrix, first: Pass, T: list[list[fmpq]], loss: str) -> list[Layer]:
    """∂L/∂W = Xᵀδ and ∂L/∂B = Σ_rows δ per layer; δ Wᵀ is the ∂L/∂A of the layer below."""
    last = layers[-1].activation
    z, o = entries(first.Z[-1]), entries(first.A[-1])
    d = build([[dk / len(T) for dk in LOSSES[loss](last, zi, oi, ti)[1]] for zi, oi, ti in zip(z, o, T)])
    gradients = []
    for i in reversed(range(len(layers))):
        below = X if i == 0 else first.A[i - 1]
        gradients.append(Layer(matmul(below.transpose(), d), column_sums(d), layers[i].activation))
        if i > 0:
            dA = entries(matmul(d, layers[i].weights.transpose()))
            Zb, Ab = entries(first.Z[i - 1]), entries(first.A[i - 1])
            d = build([local_delta(layers[i - 1].activation, zr, ar, gr) for zr, ar, gr in zip(Zb, Ab, dA)])
    return gradients[::-1]


def run(problem: DenseProblem, prec: int, update_biases: bool = True) -> Step:
    """Forward, loss, gradients, W⁺ = W − α ∂L/∂W (and B⁺ likewise), and the second forward pass,
    at a working precision of ``prec`` bits."""
    ctx.prec = prec
    layers = layers_of(problem)
    X = exact_matrix(problem.x)
    T = [[fmpq(v.numerator, v.denominator) for v in row] for row in problem.targets]
    rate = fmpq(problem.learning_rate.numerator, problem.learning_rate.denominator)
    first = forward(layers, X, T, problem.loss)
    gradients = backward(layers, X, first, T, problem.loss)
    updated = [Layer(add(layer.weights, scale(-rate, g.weights)),
                     add(layer.biases, scale(-rate, g.biases)) if update_biases else layer.biases,
                     layer.activation) for layer, g in zip(layers, gradients)]
    return Step(first, gradients, updated, forward(updated, X, T, problem.loss))


def work(problem: DenseProblem) -> int:
    """Multiply-adds of one step: batch × Σ inputs·units, for two forward passes and the two
    products of the backward pass."""
    return 4 * len(problem.x) * sum(layer.inputs * layer.units for layer in problem.layers)

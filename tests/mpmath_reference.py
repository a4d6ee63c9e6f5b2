"""An independent reference for ``solve``: one gradient-descent step written out with the textbook
definitions in plain mpmath, at a precision large enough that even their cancellations
(1 − σ(z), o − t, ln(1 − p)) keep every digit the tests compare.

Nothing here comes from the package: no stable rewriting, no FLINT, no NumPy — the definitions
as a page states them (σ' = σ(1 − σ), tanh' = 1 − tanh², ∂CE/∂p = −t/p, the softmax Jacobian
s_i(δ_ij − s_j)), with enough digits to make them right.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath

LEAK = mpmath.mpf(1) / 100


def digits_needed(problem) -> int:
    """The precision (decimal digits) at which the textbook forms lose nothing the tests see: a
    cancellation against 1 at |z| costs about 0.44·|z| digits (e^(−z) = 10^(−0.434 z)); the
    largest |z| is found by a first pass in plain floats."""
    with mpmath.workdps(30):
        layers = [([[q(v) for v in row] for row in layer.weights], [q(v) for v in layer.biases], layer.activation)
                  for layer in problem.layers]
        Zs, _ = forward(layers, [[q(v) for v in row] for row in problem.x])
    return digits_for(Zs)


def digits_for(Zs) -> int:
    return int(60 + 0.9 * max(abs(float(v)) for Z in Zs for row in Z for v in row))


def q(v: Fraction):
    return mpmath.mpf(v.numerator) / v.denominator


def activate(name, zs):
    if name == "softmax":
        e = [mpmath.exp(z) for z in zs]
        total = sum(e)
        return [v / total for v in e]
    f = {"sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)), "tanh": mpmath.tanh,
         "relu": lambda z: z if z > 0 else mpmath.mpf(0),
         "leaky_relu": lambda z: z if z > 0 else LEAK * z, "identity": lambda z: z}[name]
    return [f(z) for z in zs]


def slope(name, z, a):
    """f'(z), given a = f(z); at a kink, the limit from the left."""
    return {"sigmoid": lambda: a * (1 - a), "tanh": lambda: 1 - a * a,
            "relu": lambda: mpmath.mpf(1) if z > 0 else mpmath.mpf(0),
            "leaky_relu": lambda: mpmath.mpf(1) if z > 0 else LEAK, "identity": lambda: mpmath.mpf(1)}[name]()


def loss_of(name, o, t):
    k = len(o)
    if name == "half_sse":
        return sum((tk - ok) ** 2 for ok, tk in zip(o, t)) / 2
    if name == "mse":
        return sum((tk - ok) ** 2 for ok, tk in zip(o, t)) / k
    if name == "binary_cross_entropy":
        return -sum(tk * mpmath.log(ok) + (1 - tk) * mpmath.log(1 - ok) for ok, tk in zip(o, t)) / k
    return -sum(tk * mpmath.log(ok) for ok, tk in zip(o, t) if tk != 0)


def loss_gradient(name, o, t):
    k = len(o)
    return {"half_sse": lambda: [ok - tk for ok, tk in zip(o, t)],
            "mse": lambda: [2 * (ok - tk) / k for ok, tk in zip(o, t)],
            "binary_cross_entropy": lambda: [(ok - tk) / (ok * (1 - ok)) / k for ok, tk in zip(o, t)],
            "cross_entropy": lambda: [-tk / ok for ok, tk in zip(o, t)]}[name]()


def forward(layers, X):
    Zs, As = [], []
    for W, B, f in layers:
        Z = [[sum(x[i] * W[i][j] for i in range(len(W))) + B[j] for j in range(len(B))] for x in X]
        X = [activate(f, z) for z in Z]
        Zs.append(Z)
        As.append(X)
    return Zs, As


def backward_delta(f, z, a, g):
    if f == "softmax":
        n = len(a)
        return [sum(g[j] * a[j] * ((1 if i == j else 0) - a[i]) for j in range(n)) for i in range(n)]
    return [gk * slope(f, zk, ak) for zk, ak, gk in zip(z, a, g)]


SQUARED = ("half_sse", "mse")
"""The losses whose ∂L/∂o = o − t every route forms and passes backward; the logarithmic ones are
differentiated together with their activation (∂L/∂o = −t/p alone is unstable)."""


def step(problem, update_biases: bool = True, shake: bool = False) -> dict:
    """Outputs, loss, gradients, updated parameters and loss after the update, as mpf.

    With ``shake``, every backward quantity a float64 route stores before combining it with
    others — ∂L/∂A (o − t of a squared loss at the output, δ Wᵀ below) and each sample's δ — is
    moved by about float64's rounding of it, each by a different multiple of 2^−50. A value that
    comes of nearly equal stored numbers cancelling (two samples' δ of opposite sign summed into
    ∂L/∂B; g_i − g_j of a softmax's inputs, both near 1.875) then moves by far more than that."""
    k = iter(range(1, 10 ** 6))

    def stored(rows):
        if not shake:
            return rows
        return [[v * (1 + mpmath.mpf((next(k) * 7919) % 13 - 6 or 1) / 2 ** 50) for v in row] for row in rows]

    layers = [([[q(v) for v in row] for row in layer.weights], [q(v) for v in layer.biases], layer.activation)
              for layer in problem.layers]
    X = [[q(v) for v in row] for row in problem.x]
    T = [[q(v) for v in row] for row in problem.targets]
    n, rate = len(X), q(problem.learning_rate)
    Zs, As = forward(layers, X)
    loss = sum(loss_of(problem.loss, o, t) for o, t in zip(As[-1], T)) / n
    dA = [[g / n for g in loss_gradient(problem.loss, a, t)] for a, t in zip(As[-1], T)]
    if problem.loss in SQUARED:
        dA = stored(dA)
    deltas = [backward_delta(layers[-1][2], z, a, g) for z, a, g in zip(Zs[-1], As[-1], dA)]
    gradients = [None] * len(layers)
    for l in reversed(range(len(layers))):
        W, B, f = layers[l]
        deltas = stored(deltas)
        below = X if l == 0 else As[l - 1]
        gW = [[sum(below[s][i] * deltas[s][j] for s in range(n)) for j in range(len(B))] for i in range(len(W))]
        gB = [sum(deltas[s][j] for s in range(n)) for j in range(len(B))]
        gradients[l] = (gW, gB)
        if l > 0:
            up = stored([[sum(deltas[s][j] * W[i][j] for j in range(len(B))) for i in range(len(W))]
                         for s in range(n)])
            deltas = [backward_delta(layers[l - 1][2], Zs[l - 1][s], As[l - 1][s], up[s]) for s in range(n)]
    updated = [([[w - rate * g for w, g in zip(Wr, gr)] for Wr, gr in zip(W, gW)],
                [b - rate * g for b, g in zip(B, gB)] if update_biases else B, f)
               for (W, B, f), (gW, gB) in zip(layers, gradients)]
    Zn, An = forward(updated, X)
    loss_new = sum(loss_of(problem.loss, o, t) for o, t in zip(An[-1], T)) / n
    return {"outputs": As[-1], "loss": loss, "gradients": gradients, "updated": updated,
            "loss_new": loss_new, "Z": Zs, "A": As, "Z_new": Zn}


def reference(problem, update_biases: bool = True, max_digits: int = 100_000,
              shake: bool = False) -> dict | None:
    """:func:`step` at the precision :func:`digits_needed` asks for, as the JSON of ``solve``
    is shaped (mpf leaves); None if that is more than ``max_digits``.

    Computed twice, the second time with 50 more digits: a value the two do not agree on to 40
    digits is rounding noise of a cancellation to 0 (softmax of equal logits: 1/3 − 1/3), and is
    returned as exactly 0."""
    dps = digits_needed(problem)
    while True:  # the second pass's z (after the update) may need more digits than the first's
        if dps > max_digits:
            return None
        with mpmath.workdps(dps):
            r = step(problem, update_biases, shake)
        if digits_for(r["Z_new"]) <= dps:
            break
        dps = digits_for(r["Z_new"])
    with mpmath.workdps(dps + 50):
        finer = step(problem, update_biases, shake)

    def settled(coarse, fine):
        if isinstance(coarse, (list, tuple)):
            return [settled(c, f) for c, f in zip(coarse, fine)]
        if isinstance(coarse, str):
            return coarse
        with mpmath.workdps(dps + 50):
            return fine if abs(coarse - fine) <= abs(fine) * mpmath.mpf(10) ** -40 else mpmath.mpf(0)

    r = {key: settled(r[key], finer[key]) for key in r}
    return {"outputs": r["outputs"], "loss": r["loss"],
            "gradients": [{"weights": gW, "biases": gB} for gW, gB in r["gradients"]],
            "updated": [{"weights": W, "biases": B} for W, B, _ in r["updated"]],
            "loss_new": r["loss_new"], "A": r["A"], "Z": r["Z"], "Z_new": r["Z_new"]}

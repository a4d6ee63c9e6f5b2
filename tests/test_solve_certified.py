"""``solve``'s values against an independent high-precision reference (tests/mpmath_reference.py):
saturated, tiny and huge values, random networks of every activation and loss, both routes."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import mpmath
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from derivations.problems import DenseLayer, DenseProblem, ProblemError
from derivations.problems.registry import ACTIVATIONS, LOSSES, PROBABILITY_OUTPUTS
from derivations.solve import dense as solve
from mpmath_reference import reference


def value_at(ref: dict, path: tuple):
    node = ref
    for key in path:
        node = node[key]
    return node


def printed(v) -> Decimal:
    """A printed value as the exact decimal its JSON text denotes."""
    return Decimal(v.json())


def relative_gap(got: Decimal, want) -> mpmath.mpf:
    """|got − want| / |want| (|got| if want is 0), computed with 60 digits."""
    with mpmath.workdps(60):
        want = mpmath.mpf(want)
        got = mpmath.mpf(str(got))
        return +(abs(got - want) / abs(want) if want != 0 else abs(got))


def single_unit(z: int) -> DenseProblem:
    """One sigmoid unit, binary cross-entropy, target 0, x = [[1]], weight z (the issue's case)."""
    return DenseProblem(x=((Fraction(1),),), targets=((Fraction(0),),), loss="binary_cross_entropy",
                        learning_rate=Fraction(1, 2),
                        layers=(DenseLayer(((Fraction(z),),), (Fraction(0),), "sigmoid"),))


def sweep_reference(z: int) -> dict:
    """The single unit written out by hand: σ(z) = 1/(1 + e^(−z)), loss −ln(1 − σ(z)),
    ∂L/∂w = ∂L/∂b = σ(z), w⁺ = z − σ(z)/2, b⁺ = −σ(z)/2, loss⁺ = −ln(1 − σ(w⁺ + b⁺)), in
    mpmath at 1,000 digits (enough for 1 − σ(1000) ≈ e^(−1000))."""
    with mpmath.workdps(1000):
        s = lambda v: 1 / (1 + mpmath.exp(-v))  # noqa: E731
        o = s(z)
        w, b = z - o / 2, -o / 2
        return {("outputs", 0, 0): o, ("loss",): -mpmath.log(1 - o),
                ("gradients", 0, "weights", 0, 0): o, ("gradients", 0, "biases", 0): o,
                ("updated", 0, "weights", 0, 0): w, ("updated", 0, "biases", 0): b,
                ("loss_new",): -mpmath.log(1 - s(w + b))}


def test_single_unit_sweep_z_1_to_1000():
    """Every printed value for z = 1 … 1000 is the reference rounded to its 17 digits."""
    for z in range(1, 1001):
        got = solve.symbolic(single_unit(z))
        want = sweep_reference(z)
        assert set(got) == set(want)
        for path, value in got.items():
            # 17 significant digits rounded: within half a unit of the 17th digit.
            assert relative_gap(printed(value), want[path]) <= mpmath.mpf(10) ** -16, (z, path, value.json())


def test_the_issue_s_values_are_exact_now():
    for z, loss_new in ((160, "159"), (170, "169"), (186, "185"), (188, "187")):
        got = solve.symbolic(single_unit(z))
        assert printed(got[("loss_new",)]) == Decimal(loss_new), z  # exact: 159.00000000000000


# --- saturation on both routes --------------------------------------------------------------------------

def test_tanh_and_sigmoid_derivatives_at_saturation_on_both_routes():
    from flint import arb, ctx

    from derivations.numeric import activations as num
    from derivations.symbolic.certified import SLOPES
    from derivations.symbolic.decide import decide

    ctx.prec = 256
    with mpmath.workdps(200):
        for z in (20, 113, 300, 700):
            tanh_prime = 1 - mpmath.tanh(z) ** 2
            sigmoid_prime = mpmath.exp(-z) / (1 + mpmath.exp(-z)) ** 2
            for slope, want, numpy in ((SLOPES["tanh"](arb(z)), tanh_prime, num.tanh_prime(z)),
                                       (SLOPES["sigmoid"](arb(z)), sigmoid_prime, num.sigmoid_prime(z))):
                assert relative_gap(Decimal(decide(slope, 17).json()), want) <= mpmath.mpf(10) ** -16
                if want > 1e-280:
                    assert abs(float(numpy) - want) <= 1e-12 * want, z
    ctx.prec = 53


@pytest.mark.parametrize("route", ["symbolic", "numeric"])
def test_softmax_cross_entropy_at_saturation(route):
    """softmax [300, −300], target [1, 0]: the loss is ln(1 + e^(−600)) = 2.65e-261, not 0."""
    p = DenseProblem(x=((Fraction(1),),), targets=((Fraction(1), Fraction(0)),), loss="cross_entropy",
                     learning_rate=Fraction(1, 2),
                     layers=(DenseLayer(((Fraction(300), Fraction(-300)),), (Fraction(0), Fraction(0)), "softmax"),))
    got = solve.symbolic(p) if route == "symbolic" else solve.numeric(p)
    want = reference(p)
    tolerance = 1e-16 if route == "symbolic" else 1e-12
    for path in [("loss",), ("loss_new",), ("gradients", 0, "weights", 0, 1), ("outputs", 0, 1)]:
        assert relative_gap(printed(got[path]), value_at(want, path)) <= tolerance, path
    assert printed(got[("loss",)]) > 0


# --- random networks -----------------------------------------------------------------------------------

def eighths(low: int, high: int):
    """Multiples of 1/8 in [low, high]: exact in binary too, so the NumPy route reads the same
    numbers and a ReLU's input is exactly 0 on both routes when it is 0."""
    return st.integers(8 * low, 8 * high).map(lambda k: Fraction(k, 8))


@st.composite
def problems(draw):
    loss = draw(st.sampled_from(tuple(LOSSES)))
    widths = draw(st.lists(st.integers(1, 3), min_size=2, max_size=4))
    hidden = [draw(st.sampled_from(tuple(ACTIVATIONS))) for _ in widths[2:]]
    output = draw(st.sampled_from(PROBABILITY_OUTPUTS.get(loss, tuple(ACTIVATIONS))))
    batch = draw(st.integers(1, 5))
    matrix = lambda rows, cols, values: tuple(tuple(draw(values) for _ in range(cols)) for _ in range(rows))  # noqa: E731
    layers = tuple(DenseLayer(matrix(n, j, eighths(-20, 20)), matrix(1, j, eighths(-20, 20))[0], f)
                   for n, j, f in zip(widths, widths[1:], hidden + [output]))
    targets = eighths(0, 1) if loss in PROBABILITY_OUTPUTS else eighths(-2, 2)
    return DenseProblem(x=matrix(batch, widths[0], eighths(-50, 50)), targets=matrix(batch, widths[-1], targets),
                        loss=loss, learning_rate=draw(st.integers(1, 16).map(lambda k: Fraction(k, 8))),
                        layers=layers)


MAX_DIGITS = 4000
"""The reference's precision grows with the largest |z| (of both passes); this keeps it to seconds."""


def shaken(p: DenseProblem) -> DenseProblem:
    """Every input, weight and bias moved by about float64's rounding of it, each by a different
    multiple of 2^−50 (so that two equal numbers do not move together)."""
    steps = iter(range(1, 10 ** 6))
    f = lambda v: v * (1 + Fraction((next(steps) * 7919) % 13 - 6 or 1, 2 ** 50))  # noqa: E731
    rows = lambda m: tuple(tuple(map(f, row)) for row in m)  # noqa: E731
    return DenseProblem(rows(p.x), p.targets, p.loss, p.learning_rate, tuple(
        DenseLayer(rows(layer.weights), tuple(map(f, layer.biases)), layer.activation) for layer in p.layers))


F = Fraction
ZERO3 = (F(0), F(0), F(0))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
@example(DenseProblem(  # ∂L/∂b3 = (σ(19.140625) − σ(19.125))/2: two δ's near 1 that cancel
    x=((F(0), F(25, 8), F(0)), (F(0), F(-25, 8), F(1, 8))), targets=(ZERO3, (F(0), F(0), F(1))),
    loss="binary_cross_entropy", learning_rate=F(1, 8),
    layers=(DenseLayer((ZERO3, (F(0), F(0), F(49, 8)), (F(0), F(0), F(1, 8))), ZERO3, "sigmoid"),)))
@example(DenseProblem(  # softmax, half SSE: δ3 = s3 Σ_j s_j (g3 − g_j), g1 and g3 both near 1.875
    x=(ZERO3, (F(0), F(29, 8), F(0)), ZERO3, ZERO3, ZERO3),
    targets=(ZERO3, (F(-7, 8), F(0), F(-15, 8)), ZERO3, ZERO3, ZERO3), loss="half_sse", learning_rate=F(1, 8),
    layers=(DenseLayer((ZERO3, (F(0), F(-50, 8), F(-67, 8)), ZERO3), (F(-1, 8), F(-2, 8), F(0)), "softmax"),)))
def test_both_routes_equal_the_reference(p):
    """Symbolic: every printed value within 1e-9 relative (in fact to its 17 digits). NumPy: within
    1e-6 relative wherever the value exceeds 1e-280 — and is well-conditioned in float64: a value
    that moves by more than 1e-9 relative when the inputs, the parameters and the backward values
    a route stores (∂L/∂A, each sample's δ) move by float64's rounding (multiples of 2^−50) is the
    cancellation of nearly equal numbers (w·σ(z) + b with b ≈ −w; two samples' δ of opposite sign
    summed into ∂L/∂B, such as σ(19.140625) − σ(19.125) = 2.6e-11 from two δ's of 1 − 5e-9), which
    a float64 route that rounds what it stores does not compute to 1e-6 — or a one-line refusal
    beyond float64."""
    want = reference(p, max_digits=MAX_DIGITS)
    assume(want is not None)
    moved = reference(shaken(p), max_digits=MAX_DIGITS, shake=True)
    assume(moved is not None)
    for path, value in solve.symbolic(p).items():
        exact = value_at(want, path)
        if value.digits is None:  # undecided at the precision cap: only a value that is 0 may be
            assert exact == 0, path
            continue
        assert relative_gap(printed(value), exact) <= 1e-9, (path, value.json())
    try:
        got = solve.numeric(p)
    except ProblemError as exc:
        assert "overflows float64" in str(exc)
        return
    for path, value in got.items():
        exact = value_at(want, path)
        well_conditioned = relative_gap(Decimal(mpmath.nstr(value_at(moved, path), 40)), exact) <= 1e-9
        if abs(exact) > mpmath.mpf("1e-280") and well_conditioned:
            assert relative_gap(printed(value), exact) <= 1e-6, (path, value.json(), exact)

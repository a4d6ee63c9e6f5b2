"""The 2-2-2 sigmoid network of 002_0d151740a80634d0.txt §3.4, derived with SymPy.

Symbols carry the note's names (``W5``, ``h1``, ``o1``, ``E_total``), so a formula printed with
:func:`sympy.latex` reads as the note writes it. Each quantity is defined from the layer below
(:data:`DEFINITIONS`); a partial derivative of one quantity with respect to another is derived by
differentiating that *local* definition, and the chain rule multiplies local partials exactly as the
note does. :func:`chain_equals_direct` proves that product equal to differentiating ``E_total``
written out in the inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from decimal import Decimal
from functools import cache, cached_property

import sympy as sp

from derivations.problems import WEIGHT_PLACES, BackpropProblem, as_dense
from derivations.problems.registry import DIGITS
from derivations.symbolic.activations import IN_OUTPUT, sigmoid

x1, x2 = sp.symbols("x1 x2")
W1, W2, W3, W4, W5, W6, W7, W8 = WEIGHTS = sp.symbols("W1:9")
target_o1, target_o2 = sp.symbols("target_o1 target_o2")
b_hidden, b_output = sp.symbols("b_hidden b_output")
alpha = sp.Symbol("alpha")
z1, z2, z3, z4 = sp.symbols("z1:5")
h1, h2, o1, o2 = sp.symbols("h1 h2 o1 o2")
E_o1, E_o2, E_total = sp.symbols("E_o1 E_o2 E_total")


DEFINITIONS: dict[sp.Symbol, sp.Expr] = {
    z1: W1 * x1 + W2 * x2 + b_hidden,
    z2: W3 * x1 + W4 * x2 + b_hidden,
    h1: sigmoid(z1),
    h2: sigmoid(z2),
    z3: W5 * h1 + W6 * h2 + b_output,
    z4: W7 * h1 + W8 * h2 + b_output,
    o1: sigmoid(z3),
    o2: sigmoid(z4),
    E_o1: sp.Rational(1, 2) * (target_o1 - o1) ** 2,
    E_o2: sp.Rational(1, 2) * (target_o2 - o2) ** 2,
    E_total: sp.Rational(1, 2) * (target_o1 - o1) ** 2 + sp.Rational(1, 2) * (target_o2 - o2) ** 2,
}
"""Each quantity from the layer below, in the order a forward pass computes them."""

FORWARD = (z1, z2, h1, h2, z3, z4, o1, o2, E_o1, E_o2, E_total)


def sigmoid_prime_in_output() -> tuple[sp.Expr, sp.Expr]:
    """Derive dσ/dz and rewrite it in σ itself: e^(−z)/(1+e^(−z))² = σ(1 − σ).

    Returns ``(derivative, in_output)``. The rewrite substitutes e^(−z) = (1 − σ)/σ, which follows
    from σ = 1/(1 + e^(−z)); nothing is assumed about the result.
    """
    z = sp.Symbol("z")
    s, as_the_note_writes = IN_OUTPUT["sigmoid"]
    derivative = sp.diff(sigmoid(z), z)
    substituted = sp.factor(derivative.subs(sp.exp(-z), (1 - s) / s))
    if sp.expand(substituted - as_the_note_writes) != 0:
        raise ArithmeticError(f"dσ/dz became {substituted}, not σ(1 − σ)")
    return derivative, as_the_note_writes


def partial(of: sp.Symbol, wrt: sp.Symbol) -> sp.Expr:
    """∂of/∂wrt from ``of``'s local definition, e.g. ∂o1/∂z3 = o1·(1 − o1), ∂z3/∂W5 = h1."""
    definition = DEFINITIONS[of]
    if definition == sigmoid(wrt):
        _, in_output = sigmoid_prime_in_output()
        return in_output.subs(IN_OUTPUT["sigmoid"][0], of)
    return sp.diff(definition, wrt)


@dataclass(frozen=True)
class Factor:
    """One local partial ∂of/∂wrt of a chain-rule product."""

    of: sp.Symbol
    wrt: sp.Symbol

    @property
    def expr(self) -> sp.Expr:
        return partial(self.of, self.wrt)

    @property
    def key(self) -> str:
        """The value's name in tables and JSON: ∂E_total/∂o1 is ``dE_do1``, ∂E_o1/∂h1 ``dEo1_dh1``."""
        return f"d{_short(self.of)}_d{_short(self.wrt)}"

    def latex(self) -> str:
        return rf"\frac{{\partial {sp.latex(self.of)}}}{{\partial {sp.latex(self.wrt)}}}"


def _short(symbol: sp.Symbol) -> str:
    return {"E_total": "E", "E_o1": "Eo1", "E_o2": "Eo2"}.get(symbol.name, symbol.name)


@dataclass(frozen=True)
class ChainRule:
    """∂E_total/∂W as the note writes it: (Σ upstream products) · ∂out/∂z · ∂z/∂W.

    For an output weight the upstream sum is the single factor ∂E_total/∂o; for a hidden weight
    it is ∂E_total/∂h = ∂E_o1/∂h + ∂E_o2/∂h, each term a product down its own output neuron.
    """

    weight: sp.Symbol
    upstream: tuple[tuple[Factor, ...], ...]
    local: tuple[Factor, ...]

    @property
    def expr(self) -> sp.Expr:
        """The product in local symbols (o1, h1, W5, …), as the note multiplies it."""
        total = sp.Add(*(sp.Mul(*(f.expr for f in term)) for term in self.upstream))
        return total * sp.Mul(*(f.expr for f in self.local))

    @property
    def factors(self) -> tuple[Factor, ...]:
        return tuple(f for term in self.upstream for f in term) + self.local

    def latex(self) -> str:
        """``\\frac{∂E_total}{∂W_1} = (… + …) · … · …`` in the note's grouping."""
        terms = [r" \cdot ".join(f.latex() for f in term) for term in self.upstream]
        upstream = terms[0] if len(terms) == 1 else r"\left(" + " + ".join(terms) + r"\right)"
        local = r" \cdot ".join(f.latex() for f in self.local)
        return rf"\frac{{\partial E_{{total}}}}{{\partial {sp.latex(self.weight)}}} = {upstream} \cdot {local}"


def _feeds(weight_or_node: sp.Symbol) -> list[sp.Symbol]:
    """The quantities whose local definition uses ``weight_or_node``."""
    return [q for q in FORWARD if q != E_total and weight_or_node in DEFINITIONS[q].free_symbols]


@cache
def chain_rule(weight: sp.Symbol) -> ChainRule:
    """The note's chain-rule product for ∂E_total/∂weight, read off :data:`DEFINITIONS`."""
    (z,) = _feeds(weight)
    (out,) = _feeds(z)
    local = (Factor(out, z), Factor(z, weight))
    if out in (o1, o2):
        return ChainRule(weight, ((Factor(E_total, out),),), local)
    upstream = []
    for z_next in _feeds(out):
        (o,) = _feeds(z_next)
        (error,) = _feeds(o)
        upstream.append((Factor(error, o), Factor(o, z_next), Factor(z_next, out)))
    return ChainRule(weight, tuple(upstream), local)


def in_inputs(expr: sp.Expr) -> sp.Expr:
    """Replace every intermediate quantity by its definition until only inputs remain."""
    for quantity in reversed(FORWARD):
        expr = expr.xreplace({quantity: DEFINITIONS[quantity]})
    return expr


@cache
def direct_derivative(weight: sp.Symbol) -> sp.Expr:
    """∂E_total/∂weight by differentiating E_total written out in x, W, targets and biases."""
    return sp.diff(in_inputs(E_total), weight)


def chain_equals_direct(weight: sp.Symbol, chain: sp.Expr | None = None) -> sp.Expr:
    """The chain-rule product minus the direct derivative, simplified: zero proves them equal.

    Every ``exp(…)`` atom is replaced by a fresh symbol first, so the difference is a rational
    function and :func:`sympy.cancel` decides it exactly (no heuristic simplification).
    """
    chain = chain_rule(weight).expr if chain is None else chain
    difference = in_inputs(chain) - direct_derivative(weight)
    atoms = sorted(difference.atoms(sp.exp), key=sp.default_sort_key)
    stand_ins = {atom: sp.Dummy(f"e{i}") for i, atom in enumerate(atoms)}
    return sp.cancel(difference.xreplace(stand_ins))


def values_of(problem: BackpropProblem) -> dict[sp.Symbol, sp.Rational]:
    """The problem's inputs as exact rationals, keyed by symbol."""

    def q(value: Fraction) -> sp.Rational:
        return sp.Rational(value.numerator, value.denominator)

    values = dict(zip(WEIGHTS, map(q, problem.weights)))
    values.update({x1: q(problem.x[0]), x2: q(problem.x[1])})
    values.update({target_o1: q(problem.targets[0]), target_o2: q(problem.targets[1])})
    values.update({b_hidden: q(problem.biases[0]), b_output: q(problem.biases[1])})
    values[alpha] = q(problem.learning_rate)
    return values


def forward(values: dict[sp.Symbol, sp.Expr], exponentials: dict[sp.Dummy, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
    """Exact values of z1 … E_total, each from the layer below (no rounding anywhere).

    Each σ(z) is put in as 1/(1 + e) with ``e`` a fresh stand-in, and ``exponentials[e]`` records
    its exponent −z: the arithmetic stays rational, and :func:`with_exponentials` puts
    e^(−z) back. (SymPy's ``exp`` examines its argument whenever an expression holding it is
    rebuilt; with the nested arguments of a second layer that took seconds per value.)
    """
    values = dict(values)
    for quantity in FORWARD:
        definition = DEFINITIONS[quantity]
        (z,) = definition.free_symbols if len(definition.free_symbols) == 1 else (None,)
        if z is not None and definition == sigmoid(z):
            e = sp.Dummy(f"exp_minus_{z}")
            exponentials[e] = -values[z]
            values[quantity] = 1 / (1 + e)
        else:
            values[quantity] = definition.xreplace(values)
    return values


def with_exponentials(expr: sp.Expr, exponentials: dict[sp.Dummy, sp.Expr]) -> sp.Expr:
    """``expr`` with each stand-in of :func:`forward` replaced by its e^(exponent), nothing else
    rewritten (the expression is already in SymPy's canonical form)."""
    powers: dict[sp.Dummy, sp.Expr] = {}
    with sp.evaluate(False):
        for e, exponent in exponentials.items():  # in the order made: an exponent holds only earlier ones
            powers[e] = sp.exp(exponent.xreplace(powers))
        return expr.xreplace(powers)


# --- certified values ----------------------------------------------------------------------------------

def certified_values(problem: BackpropProblem, prec: int) -> dict:
    """Every value :class:`Solution` names, as exact rationals or balls at ``prec`` bits.

    The general engine (:mod:`derivations.symbolic.certified`) computes the network; each
    chain-rule factor is then its local partial with the quantities' values put in, except the
    two that cancel at saturation: ∂o/∂z = σ'(z) is σ(z)σ(−z), and ∂E/∂o = o − t is the
    engine's stable difference. The biases are not updated (the notes' network has none).
    """
    from derivations.symbolic import certified as engine

    step = engine.run(as_dense(problem), prec, update_biases=False)
    values: dict = {}
    for suffix, run in (("", step.first), ("_new", step.second)):
        row = lambda M: engine.entries(M)[0]  # noqa: E731
        now = dict(zip((z1, z2, z3, z4), row(run.Z[0]) + row(run.Z[1])))
        now |= dict(zip((h1, h2, o1, o2), row(run.A[0]) + row(run.A[1])))
        d1, d2 = run.difference[0]
        now |= {E_o1: d1 * d1 / 2, E_o2: d2 * d2 / 2, E_total: run.loss}
        values |= {q.name + suffix: now[q] for q in FORWARD}
        if not suffix:
            named, differences = now, {o1: d1, o2: d2}
    inputs = {w: engine.fmpq(v.numerator, v.denominator) for w, v in zip(WEIGHTS, problem.weights)}
    inputs |= {x: engine.fmpq(v.numerator, v.denominator) for x, v in zip((x1, x2), problem.x)}

    def factor(f: Factor):
        if f.of in (E_total, E_o1, E_o2):
            return differences[f.wrt]
        if DEFINITIONS[f.of] == sigmoid(f.wrt):
            return engine.SLOPES["sigmoid"](named[f.wrt])
        (symbol,) = [f.expr] if f.expr.is_Symbol else (None,)
        return named[symbol] if symbol in named else inputs[symbol]

    for weight in WEIGHTS:
        rule = chain_rule(weight)
        for f in rule.factors:
            values.setdefault(f.key, factor(f))
        if len(rule.upstream) > 1:
            hidden = rule.local[0].of
            terms = {}
            for term in rule.upstream:
                product = factor(term[0])
                for f in term[1:]:
                    product = product * factor(f)
                terms[f"d{_short(term[0].of)}_d{hidden}"] = product
            terms[f"dE_d{hidden}"] = sum(terms.values())
            for key, value in terms.items():
                values.setdefault(key, value)
        layer, i, j = WEIGHT_PLACES[WEIGHTS.index(weight)]
        values[f"dE_d{weight}"] = step.gradients[layer].weights[i, j]
        values[f"{weight}_new"] = step.updated[layer].weights[i, j]
    return values


def certified(problem: BackpropProblem, digits: int, notify=lambda prec: None) -> dict:
    """:func:`certified_values` to ``digits`` certain significant digits (:class:`Decided`)."""
    from derivations.symbolic.decide import certify

    return certify(lambda prec: certified_values(problem, prec), digits, notify=notify)


@dataclass(frozen=True)
class Solution:
    """The whole worked example for one problem: exact expressions and their values.

    ``exact[name]`` is a SymPy expression in rationals and exponentials; ``value[name]`` is its
    value to :data:`DIGITS` certain significant digits, a Decimal (:func:`certified`). Names follow the note: ``z1``…``E_total``,
    chain factors (``dE_do1``, ``dEo1_dh1``, …), ``dE_dW1``…``dE_dW8``, ``W1_new``…``W8_new``, and
    the second forward pass ``z1_new``…``E_total_new``.
    """

    problem: BackpropProblem
    exact: dict[str, sp.Expr]

    @cached_property
    def value(self) -> Mapping[str, Decimal]:
        return {name: v.decimal() for name, v in certified(self.problem, DIGITS).items()}


def solve(problem: BackpropProblem) -> Solution:
    """Forward pass, every chain-rule factor, the eight gradients, the update, the second pass."""
    inputs, exponentials = values_of(problem), {}
    first = forward(inputs, exponentials)
    exact: dict[str, sp.Expr] = {q.name: first[q] for q in FORWARD}
    updated = dict(inputs)
    for weight in WEIGHTS:
        rule = chain_rule(weight)
        for factor in rule.factors:
            exact.setdefault(factor.key, factor.expr.xreplace(first))
        if len(rule.upstream) > 1:
            # The note names each term (∂E_o1/∂h1, ∂E_o2/∂h1) and their sum (∂E_total/∂h1).
            hidden = rule.local[0].of
            terms = {f"d{_short(term[0].of)}_d{hidden}": sp.Mul(*(f.expr for f in term))
                     for term in rule.upstream}
            terms[f"dE_d{hidden}"] = sp.Add(*terms.values())
            for key, term in terms.items():
                exact.setdefault(key, term.xreplace(first))
        gradient = rule.expr.xreplace(first)
        exact[f"dE_d{weight}"] = gradient
        updated[weight] = inputs[weight] - inputs[alpha] * gradient
        exact[f"{weight}_new"] = updated[weight]
    second = forward(updated, exponentials)
    exact.update({f"{q.name}_new": second[q] for q in FORWARD})
    return Solution(problem, {name: with_exponentials(value, exponentials) for name, value in exact.items()})

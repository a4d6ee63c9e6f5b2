"""The perceptron of 002_0d151740a80634d0.txt §1 and 004_3b2490ffcdfbdb28.txt, derived with SymPy.

One perceptron computes s = w1·x1 + w2·x2 + b and outputs a step of s. Everything here is exact:
weights are rationals (0.7 is 7/10), so a weighted sum that is zero *is* zero. The module

* evaluates gates exactly (:func:`truth_table`);
* decides whether a gate's four conditions on (w1, w2, b) can hold at once, by Fourier–Motzkin
  elimination (:func:`fourier_motzkin`): either a witness (w1, w2, b) or a non-negative combination
  of the conditions that reads 0 > 0 — the proof that XOR needs more than one perceptron;
* differentiates 004's objective J(w) and the delta rule's squared error to get both update rules;
* trains a perceptron in exact arithmetic, so that a cycle of weights is a cycle, not a near miss.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations
from typing import Iterable, Sequence

import sympy as sp

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
"""The four inputs of a two-input gate, in the order the note evaluates them."""

GATES = {
    "AND": lambda a, b: int(a and b),
    "NAND": lambda a, b: int(not (a and b)),
    "OR": lambda a, b: int(a or b),
    "XOR": lambda a, b: int(a != b),
}
"""Each gate's truth function, from its definition in logic (not from any weights)."""

x1, x2, w1, w2, b = sp.symbols("x1 x2 w1 w2 b")
t, y, eta, rho = sp.symbols("t y eta rho")
WEIGHTS = (w1, w2, b)
s = w1 * x1 + w2 * x2 + b
"""The weighted sum, 002's Σ W_i x_i + b and 004's s = wᵀx with the bias folded in."""


def rational(value: Fraction | float | int) -> sp.Rational:
    """The exact rational a number denotes as written: 0.7 is 7/10, not the nearest double."""
    value = Fraction(repr(value)) if isinstance(value, float) else Fraction(value)
    return sp.Rational(value.numerator, value.denominator)


def weighted_sum(weights: Sequence, point: Sequence) -> sp.Rational:
    """s = w1·x1 + w2·x2 + b, exactly."""
    return s.xreplace(dict(zip(WEIGHTS, map(rational, weights))) | {x1: point[0], x2: point[1]})


def step(value: sp.Expr) -> int:
    """002's gate step: 1 if s > 0, else 0 (the note's code: ``if result <= 0: return 0``)."""
    return 1 if value > 0 else 0


def step_as_printed(value: sp.Expr) -> int:
    """002 §1.1's formula as printed: 1 if s ≥ 0, else 0."""
    return 1 if value >= 0 else 0


def sign_step(value: sp.Expr) -> int:
    """004's step τ(s): 1 if s exceeds the threshold 0, else −1."""
    return 1 if value > 0 else -1


def truth_table(weights: Sequence, rule=step) -> tuple[int, ...]:
    """The perceptron's output on (0,0), (0,1), (1,0), (1,1)."""
    return tuple(rule(weighted_sum(weights, point)) for point in INPUTS)


def gate_truth(gate: str) -> tuple[int, ...]:
    """What the gate must output on (0,0), (0,1), (1,0), (1,1), from :data:`GATES`."""
    return tuple(GATES[gate](*point) for point in INPUTS)


def xor_network(weights: dict[str, Sequence], hidden=("NAND", "OR"), output="AND") -> list[dict]:
    """002 §1.3: two perceptrons in a hidden layer, a third on their outputs; each row of the
    truth table with the hidden outputs h1, h2."""
    rows = []
    for point in INPUTS:
        h = tuple(step(weighted_sum(weights[g], point)) for g in hidden)
        rows.append({"x": point, "h": h, "y": step(weighted_sum(weights[output], h))})
    return rows


# --- Is there a line at all? Fourier–Motzkin elimination --------------------------------------

@dataclass(frozen=True)
class Inequality:
    """``expr > 0`` (strict) or ``expr ≥ 0``, with ``expr`` linear in the weights.

    ``multipliers[i]`` is how many times original condition ``i`` went into it: every derived
    inequality is a non-negative combination of the originals, which is what makes a derived
    contradiction a proof about the originals.
    """

    expr: sp.Expr
    strict: bool
    multipliers: tuple[sp.Rational, ...]

    def holds_at(self, point: dict[sp.Symbol, sp.Rational]) -> bool:
        value = self.expr.xreplace(point)
        return bool(value > 0) if self.strict else bool(value >= 0)

    def latex(self) -> str:
        return sp.latex(self.expr) + (" > 0" if self.strict else r" \geq 0")


def gate_conditions(truth: Sequence[int]) -> list[Inequality]:
    """What (w1, w2, b) must satisfy for the 0/1 step to give ``truth``: s > 0 where the output is
    1, s ≤ 0 (written −s ≥ 0) where it is 0."""
    conditions = []
    for i, (point, out) in enumerate(zip(INPUTS, truth)):
        at = s.xreplace({x1: point[0], x2: point[1]})
        unit = tuple(sp.Integer(int(j == i)) for j in range(len(truth)))
        conditions.append(Inequality(at if out else -at, bool(out), unit))
    return conditions


@dataclass
class Elimination:
    """The outcome of :func:`fourier_motzkin`.

    ``stages[j]`` holds the inequalities left after eliminating the first ``j`` variables.
    Feasible systems get a ``witness``; infeasible ones a ``certificate``: a derived inequality
    with no variables left that is false (``0 > 0``, or a negative constant ``≥ 0``).
    """

    variables: tuple[sp.Symbol, ...]
    stages: list[list[Inequality]] = field(default_factory=list)
    witness: dict[sp.Symbol, sp.Rational] | None = None
    certificate: Inequality | None = None

    @property
    def feasible(self) -> bool:
        return self.certificate is None


def _combine(p: Inequality, n: Inequality, variable: sp.Symbol) -> Inequality:
    """Add positive multiples of ``p`` (coefficient > 0) and ``n`` (< 0) so ``variable`` cancels."""
    a, c = p.expr.coeff(variable), -n.expr.coeff(variable)
    return Inequality(sp.expand(c * p.expr + a * n.expr), p.strict or n.strict,
                      tuple(c * mp + a * mn for mp, mn in zip(p.multipliers, n.multipliers)))


def _eliminate(inequalities: list[Inequality], variable: sp.Symbol) -> list[Inequality]:
    upper = [q for q in inequalities if q.expr.coeff(variable) < 0]
    lower = [q for q in inequalities if q.expr.coeff(variable) > 0]
    rest = [q for q in inequalities if q.expr.coeff(variable) == 0]
    return rest + [_combine(p, n, variable) for p in lower for n in upper]


def _choose(inequalities: list[Inequality], variable: sp.Symbol,
            known: dict[sp.Symbol, sp.Rational]) -> sp.Rational:
    """A value of ``variable`` satisfying every inequality once ``known`` is substituted: the
    midpoint of its bounds, or one step past the only bound there is."""
    lows, highs = [], []
    for q in inequalities:
        expr = sp.expand(q.expr.xreplace(known))
        a = expr.coeff(variable)
        if a:
            bound = -(expr - a * variable) / a
            (lows if a > 0 else highs).append(bound)
    lo, hi = (max(lows) if lows else None), (min(highs) if highs else None)
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    if lo is not None:
        return lo + 1
    return hi - 1 if hi is not None else sp.Integer(0)


def fourier_motzkin(inequalities: Iterable[Inequality],
                    variables: Sequence[sp.Symbol] = WEIGHTS) -> Elimination:
    """Eliminate ``variables`` one by one; decide feasibility exactly.

    Eliminating v pairs every inequality that bounds v from below with every one that bounds it
    from above; the system has a solution exactly when the variable-free inequalities left at the
    end are all true. Then a solution is built back variable by variable.
    """
    result = Elimination(tuple(variables), [list(inequalities)])
    for variable in variables:
        result.stages.append(_eliminate(result.stages[-1], variable))
    for q in result.stages[-1]:
        if not q.holds_at({}):
            result.certificate = q
            return result
    witness: dict[sp.Symbol, sp.Rational] = {}
    for j in reversed(range(len(variables))):
        witness[variables[j]] = _choose(result.stages[j], variables[j], witness)
    result.witness = {v: witness[v] for v in variables}
    return result


def best_accuracy(truth: Sequence[int]) -> tuple[int, list[tuple[int, Elimination]]]:
    """The most inputs one perceptron can get right, and for each input left out of the best
    subsets, the elimination that found weights for the rest."""
    conditions = gate_conditions(truth)
    for size in range(len(conditions), 0, -1):
        found = []
        for kept in combinations(range(len(conditions)), size):
            result = fourier_motzkin([conditions[i] for i in kept])
            if result.feasible:
                found.append((next(iter(set(range(len(conditions))) - set(kept)), None), result))
        if found:
            return size, found
    return 0, []


# --- The two update rules, derived -----------------------------------------------------------

k, n = sp.symbols("k n", integer=True, positive=True)
y_k = sp.IndexedBase("y")
x_k = sp.IndexedBase("x")
J = sp.Sum(-y_k[k] * (w1 * x_k[k, 1] + w2 * x_k[k, 2] + b), (k, 1, n))
"""004's objective, J(w) = Σ_{x_k ∈ Y} −y_k wᵀx_k, over the n misclassified samples x_k (k = 1…n)
with labels y_k = ±1."""


def objective_gradient() -> dict[sp.Symbol, sp.Expr]:
    """∂J/∂w1, ∂J/∂w2, ∂J/∂b: each is Σ −y_k times what that weight multiplies."""
    return {weight: sp.diff(J, weight) for weight in WEIGHTS}


def objective_update() -> dict[sp.Symbol, sp.Expr]:
    """Gradient descent on J, w_i ← w_i − ρ ∂J/∂w_i, written as 004 writes it: w_i + ρ Σ y_k x_ki.

    Raises unless the two forms simplify to the same expression.
    """
    multiplies = dict(zip(WEIGHTS, (x_k[k, 1], x_k[k, 2], sp.Integer(1))))
    update = {}
    for weight, g in objective_gradient().items():
        as_004_writes = weight + rho * sp.Sum(y_k[k] * multiplies[weight], (k, 1, n))
        if sp.simplify(weight - rho * g - as_004_writes) != 0:
            raise ArithmeticError(f"gradient descent on J for {weight} is not w + ρ Σ y_k x_k")
        update[weight] = as_004_writes
    return update


y_linear = s
E = sp.Rational(1, 2) * (t - y_linear) ** 2
"""The delta (least-mean-squares) rule's error for one sample with the linear output y = s."""


def delta_gradient() -> dict[sp.Symbol, sp.Expr]:
    return {weight: sp.diff(E, weight) for weight in WEIGHTS}


def note_rule() -> dict[sp.Symbol, sp.Expr]:
    """004's update as the note writes it, for an output y still to be chosen:
    w_i ← w_i + η(t − y)x_i, b ← b + η(t − y)."""
    return {weight: weight + eta * (t - y) * sp.diff(s, weight) for weight in WEIGHTS}


def delta_update() -> dict[sp.Symbol, sp.Expr]:
    """w_i ← w_i − η ∂E/∂w_i; it equals :func:`note_rule` with y = s (checked, not assumed)."""
    update = {weight: weight - eta * g for weight, g in delta_gradient().items()}
    for weight, note in note_rule().items():
        if sp.expand(update[weight] - note.xreplace({y: y_linear})) != 0:
            raise ArithmeticError(f"the delta rule for {weight} is not the note's form")
    return update


def objective(weights: Sequence, samples: Sequence[Sequence], labels: Sequence[int]
              ) -> tuple[sp.Rational, list[int]]:
    """J(w) on concrete data with 004's ±1 step, and the indices of the misclassified samples."""
    misclassified = [i for i, (p, label) in enumerate(zip(samples, labels))
                     if sign_step(weighted_sum(weights, p)) != label]
    total = sum((-labels[i] * weighted_sum(weights, samples[i]) for i in misclassified),
                sp.Integer(0))
    return total, misclassified


# --- 004's worked problem, finished ----------------------------------------------------------

RULES = ("delta", "perceptron", "objective")
"""delta: the note's w_i + η(t − y)x_i with the linear y; perceptron: the same with y = τ(s);
objective: gradient descent on J for this one sample, w_i + η t x_i if it is misclassified."""


def worked_problem(w0: Sequence, b0, point: Sequence, target, learning_rate
                   ) -> dict[str, dict[str, sp.Rational]]:
    """w(1), b(1) and the new output under each rule, from exact inputs."""
    values = dict(zip(WEIGHTS, [*map(rational, w0), rational(b0)]))
    values |= {x1: rational(point[0]), x2: rational(point[1]), t: rational(target),
               eta: rational(learning_rate), rho: rational(learning_rate)}
    s0 = s.xreplace(values)
    tau = sp.Integer(sign_step(s0))
    single = -t * s  # J for this one sample, when it is misclassified
    updates = {
        "delta": delta_update(),
        "perceptron": {w: e.xreplace({y: tau}) for w, e in note_rule().items()},
        "objective": {w: (w - rho * sp.diff(single, w)) if tau != values[t] else w
                      for w in WEIGHTS},
    }
    # For the delta rule the new error is the old one times 1 − η‖x̃‖², x̃ = (x1, x2, 1): the step
    # overshoots the target when η‖x̃‖² > 1, and makes the error grow when it exceeds 2.
    step_size = (eta * (x1 ** 2 + x2 ** 2 + 1)).xreplace(values)
    results = {}
    for rule, update in updates.items():
        new = {w: e.xreplace(values) for w, e in update.items()}
        after = s.xreplace(values | new)
        out = s0 if rule == "delta" else tau
        results[rule] = {"w1x1": (w1 * x1).xreplace(values), "w2x2": (w2 * x2).xreplace(values),
                         "s": s0, "y": out, "t_minus_y": values[t] - out,
                         "w1": new[w1], "w2": new[w2], "b": new[b], "s_new": after,
                         "y_new": after if rule == "delta" else sp.Integer(sign_step(after)),
                         "t_minus_y_new": values[t] - (after if rule == "delta" else sign_step(after)),
                         "step_size": step_size}
    return results


LIVE_RULES = ("delta", "perceptron")
LIVE_KEYS = ("y", "t_minus_y", "w1", "w2", "b", "s_new", "y_new")
WORKED_KEYS = ("w1x1", "w2x2", "s") + tuple(f"{rule}_{key}" for rule in LIVE_RULES for key in LIVE_KEYS)
"""The flat names of 004's problem finished by both update rules: the page's live panel shows
each value in the element whose ``data-key`` is its name; ``delta_w1`` is w1(1) by the delta rule."""


def worked_values(w0: Sequence, b0, point: Sequence, target, learning_rate) -> dict[str, sp.Rational]:
    """:func:`worked_problem` as one flat, JSON-able mapping, exact (keys: WORKED_KEYS)."""
    results = worked_problem(w0, b0, point, target, learning_rate)
    delta = results["delta"]
    flat = {"w1x1": delta["w1x1"], "w2x2": delta["w2x2"], "s": delta["s"]}
    flat |= {f"{rule}_{key}": results[rule][key] for rule in LIVE_RULES for key in LIVE_KEYS}
    return {key: sp.Rational(flat[key]) for key in WORKED_KEYS}


# --- Training in exact arithmetic --------------------------------------------------------------

@dataclass
class Training:
    """Perceptron learning on one gate.

    ``epochs[e]`` lists, for epoch e + 1, the weights after each sample; ``errors[e]`` counts the
    samples it got wrong. Training stops at the first epoch without an error (``converged``) or
    after ``max_epochs``, the stop condition 004 asks for. ``cycle`` = (first epoch of the repeat,
    period in epochs) records the first time the weights at the end of an epoch equal those at
    the end of an earlier one: from then on every epoch replays an earlier one, forever.
    """

    epochs: list[list[tuple[sp.Rational, ...]]]
    errors: list[int]
    converged: bool
    cycle: tuple[int, int] | None


def train(truth: Sequence[int], start: Sequence, learning_rate, order: Sequence[Sequence[int]],
          max_epochs: int) -> Training:
    """w̃ ← w̃ + η (t − y) x̃ after each sample, with y the 0/1 step and x̃ = (x1, x2, 1)."""
    targets = dict(zip(INPUTS, truth))
    weights = tuple(map(rational, start))
    rate = rational(learning_rate)
    epochs, errors, seen, cycle = [], [], {weights: 0}, None
    for epoch in range(1, max_epochs + 1):
        after, wrong = [], 0
        for point in map(tuple, order):
            error = targets[point] - step(weighted_sum(weights, point))
            if error:
                wrong += 1
                weights = tuple(w + rate * error * xi for w, xi in zip(weights, (*point, 1)))
            after.append(weights)
        epochs.append(after)
        errors.append(wrong)
        if wrong == 0:
            return Training(epochs, errors, True, None)
        if cycle is None and weights in seen:
            cycle = (seen[weights] + 1, epoch - seen[weights])
        seen.setdefault(weights, epoch)
    return Training(epochs, errors, False, cycle)

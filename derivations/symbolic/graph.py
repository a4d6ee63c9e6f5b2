"""The computational graph of 004_3b2490ffcdfbdb28.txt with SymPy: each node's local gradient
derived from its forward rule, and the backward pass as upstream gradient × local gradient.

A node computes ``out = f(inputs)``. Backpropagation hands it ∂L/∂out (the *upstream* gradient);
it returns ∂L/∂input = upstream × ∂out/∂input for each input (the *local* gradient times the
upstream one). Nothing but the forward rules is written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
import sympy as sp

from derivations.problems import exact

from derivations.symbolic.activations import sigmoid

x, y = sp.symbols("x y")
t = sp.Symbol("t")

NODES: dict[str, tuple[sp.Expr, tuple[sp.Symbol, ...]]] = {
    "add": (x + y, (x, y)),
    "multiply": (x * y, (x, y)),
    "max": (sp.Max(x, y), (x, y)),
    "sigmoid": (sigmoid(x), (x,)),
    "loss": (sp.Rational(1, 2) * (t - x) ** 2, (x,)),
}
"""Each node's forward rule and its inputs; the loss node also holds the target t."""


def local_gradients(node: str) -> tuple[sp.Expr, ...]:
    """∂out/∂input for each input, by differentiating the forward rule.

    For max the derivative is a step: 1 for the larger input, 0 for the other. SymPy leaves the
    value at a tie open (Heaviside(0)); here a tie sends the gradient to the first input, as the
    NumPy route does, so that relu(z) = max(0, z) has relu'(0) = 0.
    """
    rule, inputs = NODES[node]
    gradients = [sp.diff(rule, v) for v in inputs]
    if node == "max":
        first, second = gradients
        gradients = [first.replace(sp.Heaviside, lambda a, *_: sp.Heaviside(a, 1)),
                     second.replace(sp.Heaviside, lambda a, *_: sp.Heaviside(a, 0))]
    return tuple(gradients)


def sigmoid_local_in_output() -> sp.Expr:
    """dσ/dx rewritten in the node's own output f: e^(−x) = (1 − f)/f turns it into f (1 − f)."""
    f = sp.Symbol("f")
    (derivative,) = local_gradients("sigmoid")
    in_output = sp.factor(derivative.subs(sp.exp(-x), (1 - f) / f))
    return in_output


@dataclass(frozen=True)
class Step:
    """One node of the worked graph, forward and backward."""

    node: str           # the node's kind
    output: str         # the name of what it computes
    inputs: tuple[str, ...]
    value: sp.Expr      # its forward value
    upstream: sp.Expr   # ∂L/∂output
    local: tuple[sp.Expr, ...]       # ∂output/∂input, per input
    downstream: tuple[sp.Expr, ...]  # upstream × local, per input: ∂L/∂input


def rational(value: float | int) -> sp.Rational:
    """A number from the data file as the decimal written there: 0.1 is 1/10."""
    value = exact(value, "graph input")
    return sp.Rational(value.numerator, value.denominator)


def node_step(node: str, output: str, names: tuple[str, ...], args: tuple[sp.Expr, ...],
              upstream: sp.Expr, target: sp.Expr | None = None) -> Step:
    """Run one node forward on ``args`` and backward from ``upstream``."""
    rule, inputs = NODES[node]
    bind = dict(zip(inputs, args)) | ({t: target} if target is not None else {})
    local = tuple(g.xreplace(bind) for g in local_gradients(node))
    return Step(node, output, names, rule.xreplace(bind), upstream, local,
                tuple(upstream * g for g in local))


def neuron_graph(xs, ws, b, target) -> list[Step]:
    """One sigmoid neuron as a graph, in forward order: m1 = w1·x1 and m2 = w2·x2 (multiply),
    s = m1 + m2 and z = s + b (add), o = σ(z) (sigmoid), L = ½(t − o)² (the loss, whose
    upstream gradient is ∂L/∂L = 1). The backward values are filled in from the loss down."""
    x1, x2 = map(rational, xs)
    w1, w2 = map(rational, ws)
    b = rational(b)
    m1, m2 = w1 * x1, w2 * x2
    s = m1 + m2
    z = s + b
    out = sigmoid(z)
    loss = node_step("loss", "L", ("o",), (out,), sp.Integer(1), target=rational(target))
    sig = node_step("sigmoid", "o", ("z",), (z,), loss.downstream[0])
    add_b = node_step("add", "z", ("s", "b"), (s, b), sig.downstream[0])
    add_m = node_step("add", "s", ("m1", "m2"), (m1, m2), add_b.downstream[0])
    mul_1 = node_step("multiply", "m1", ("w1", "x1"), (w1, x1), add_m.downstream[0])
    mul_2 = node_step("multiply", "m2", ("w2", "x2"), (w2, x2), add_m.downstream[1])
    return [mul_1, mul_2, add_m, add_b, sig, loss]

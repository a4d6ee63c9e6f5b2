"""Depth against width, exactly (004_3b2490ffcdfbdb28.txt: 폭width보다 깊이depth): the tent map

    T(x) = 2 relu(x) − 4 relu(x − 1/2)    on [0, 1]

is one hidden layer of two ReLU units. Composed k times it is a network of k hidden layers, 2k
units, and :func:`compose` finds its linear pieces exactly: a piecewise-linear function is kept as
its knots and values (exact rationals, FLINT's ``fmpq``), and T ∘ g gains a knot wherever g crosses a kink of T (0 or 1/2).
A one-hidden-layer ReLU network of N units is piecewise linear with at most N kinks, so at most
N + 1 pieces; :func:`shallow` builds one with as many units as T^k has pieces, equal to T^k.
"""

from __future__ import annotations

from flint import fmpq

HALF = fmpq(1, 2)

Knots = list[tuple[fmpq, fmpq]]
"""(x, g(x)) at every knot of a piecewise-linear g, x increasing; g is linear between knots."""


def relu(z: fmpq) -> fmpq:
    return max(z, fmpq(0))


def tent(z: fmpq) -> fmpq:
    """T(z) as the two ReLU units compute it."""
    return 2 * relu(z) - 4 * relu(z - HALF)


def compose(g: Knots) -> Knots:
    """T ∘ g: g's knots, plus each point inside a piece where g crosses 0 or 1/2 (T's kinks)."""
    out = []
    for (x0, y0), (x1, y1) in zip(g, g[1:]):
        out.append((x0, tent(y0)))
        for kink in sorted({fmpq(0), HALF}, reverse=y1 < y0):
            if min(y0, y1) < kink < max(y0, y1):
                t = x0 + (kink - y0) * (x1 - x0) / (y1 - y0)
                out.append((t, tent(kink)))
    out.append((g[-1][0], tent(g[-1][1])))
    return out


def iterate(k: int) -> Knots:
    """T^k on [0, 1]: k compositions of T with the identity (knots 0 and 1)."""
    g: Knots = [(fmpq(0), fmpq(0)), (fmpq(1), fmpq(1))]
    for _ in range(k):
        g = compose(g)
    return g


def slopes(g: Knots) -> list[fmpq]:
    return [(y1 - y0) / (x1 - x0) for (x0, y0), (x1, y1) in zip(g, g[1:])]


def pieces(g: Knots) -> list[tuple[fmpq, fmpq, fmpq]]:
    """The maximal linear pieces (start, end, slope): neighbours of equal slope merged."""
    out = []
    for ((x0, _), (x1, _)), m in zip(zip(g, g[1:]), slopes(g)):
        if out and out[-1][2] == m:
            out[-1] = (out[-1][0], x1, m)
        else:
            out.append((x0, x1, m))
    return out


def shallow(g: Knots) -> list[tuple[fmpq, fmpq]]:
    """One hidden layer equal to g on [a, b]: units (a_j, b_j) computing a_j relu(x − b_j), one per
    piece, a_j the change of slope at the piece's start (the first: its slope); output bias g(a)."""
    units, previous = [], fmpq(0)
    for start, _, m in pieces(g):
        units.append((m - previous, start))
        previous = m
    return units


def evaluate_shallow(units, bias: fmpq, x: fmpq) -> fmpq:
    return bias + sum(a * relu(x - b) for a, b in units)


def deep_parameters(k: int) -> int:
    """Weights and biases of k hidden layers of two units between one input and one output:
    1→2 (2 + 2), then (k − 1) times 2→2 (4 + 2), then 2→1 (2 + 1)."""
    return 4 + 6 * (k - 1) + 3


def shallow_parameters(n: int) -> int:
    """n units between one input and one output: n weights and n biases in, n weights and one bias out."""
    return 3 * n + 1

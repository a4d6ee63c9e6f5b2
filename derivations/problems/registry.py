"""The names every route shares, as data: activations, losses, which outputs a logarithmic loss
accepts, and the digits and limits of ``solve``.

Validation (:mod:`derivations.problems`) and both routes read these; each route keeps its own
implementation table keyed by the same names, and a test fails if a route lacks one.
"""

from __future__ import annotations

ACTIVATIONS = {
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "leaky ReLU",
    "softmax": "softmax",
    "identity": "identity",
}
"""Activation names a dense layer may use, with the name a page prints."""

LOSSES = {
    "half_sse": "half the sum of squared errors",
    "mse": "mean squared error",
    "binary_cross_entropy": "binary cross-entropy",
    "cross_entropy": "cross-entropy",
}
"""Loss names a dense problem may use, with the name a page prints."""

PROBABILITY_OUTPUTS = {"binary_cross_entropy": ("sigmoid",), "cross_entropy": ("softmax", "sigmoid")}
"""The output activations each logarithmic loss accepts: its logarithms need outputs in (0, 1), and
softmax outputs are one distribution, not independent probabilities for a binary loss."""

LEAKY_SLOPE = (1, 100)
"""Leaky ReLU's slope for z < 0, as a fraction: a = 1/100."""

DIGITS = 40
"""Significant digits of the values the site's tables are rounded from."""

SOLVE_DIGITS = 17
"""Significant digits ``solve`` prints: every one of them certain (enough to tell any two
float64 values apart)."""

MAX_PRECISION = 1 << 15
"""Bits beyond which ``solve`` stops refining an interval (see README: what is guaranteed)."""

MAX_WORK = 200_000_000
"""Multiply-adds of one ``solve`` (4 × batch × Σ inputs·units) beyond which it refuses: at about
a microsecond each (measured) that is minutes, more where extra precision is needed."""

SLOW_WORK = 5_000_000
"""Multiply-adds from which ``solve`` says on stderr that it will take seconds."""

MAX_FILE_BYTES = 50_000_000
"""A problem file larger than this is refused before it is parsed (reading it would take minutes)."""

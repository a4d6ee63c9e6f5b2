"""Universal approximation, constructed, in NumPy: n sigmoid units on [a, b],

    f_n(x) = f(x_0) + Σ_i (f(x_i) − f(x_{i−1})) σ(s (x − m_i)),

knots x_i evenly spaced, centres m_i halfway between them, steepness s = slope / spacing.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    """σ(z) = (1 + tanh(z/2))/2: no overflow for a steep unit far from its centre."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


# --8<-- [start:approximant]
def approximant(f, a, b, n, slope):
    """f_n as a function of an array of x: one hidden layer of n sigmoid units."""
    knots = np.linspace(a, b, n + 1)
    centres = (knots[:-1] + knots[1:]) / 2
    rises = np.diff(f(knots))
    s = slope / ((b - a) / n)
    return lambda x: f(knots[0]) + sigmoid(s * (np.asarray(x)[:, None] - centres)) @ rises
# --8<-- [end:approximant]


def max_error(f, a, b, n, slope, points):
    """The largest |f_n(x) − f(x)| over ``points`` evenly spaced x in [a, b], and where."""
    x = np.linspace(a, b, points)
    gap = np.abs(approximant(f, a, b, n, slope)(x) - f(x))
    return gap.max(), x[gap.argmax()]

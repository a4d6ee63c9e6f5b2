"""Momentum at a local minimum in NumPy: Keras' SGD (:class:`derivations.numeric.optimizers.SGD`)
on a one-dimensional polynomial, every iterate kept."""

from __future__ import annotations

import numpy as np

from derivations.numeric.optimizers import SGD


# --8<-- [start:run]
def run(coefficients, start, learning_rate, momentum, steps):
    """x_0 … x_steps of SGD on f(x) = np.polyval(coefficients, x); momentum 0 is plain descent."""
    slope = np.polyder(np.asarray(coefficients, dtype=float))
    optimizer = SGD(learning_rate=learning_rate, momentum=momentum)
    x = np.array([float(start)])
    iterates = [x[0]]
    for _ in range(steps):
        (x,) = optimizer.step([x], [np.polyval(slope, x)])
        iterates.append(x[0])
    return np.array(iterates)
# --8<-- [end:run]

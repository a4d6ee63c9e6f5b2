"""NumPy implementations, float64, written by hand.

Nothing here imports SymPy or :mod:`derivations.symbolic`: the numbers computed here are a second,
independent route to the values the derivations give.
"""

from derivations.numeric.activations import sigmoid, sigmoid_prime

__all__ = ["sigmoid", "sigmoid_prime"]

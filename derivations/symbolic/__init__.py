"""SymPy derivations. Nothing here imports :mod:`derivations.numeric`: two independent routes."""

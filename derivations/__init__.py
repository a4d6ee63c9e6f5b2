"""How a neural network computes and learns, derived twice.

The package flows one way:

``problems``   the notes' inputs and printed values, as data (TOML)
``symbolic``   SymPy derivations, exact            } never import each other
``numeric``    NumPy implementations, float64      }
``tables``     Markdown tables and figures generated from both, embedded by ``docs/``
"""

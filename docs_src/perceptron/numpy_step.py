"""The step function, and the note's version, which no longer runs."""
import numpy as np

from derivations.numeric.perceptron import step

s = np.array([-1.0, 0.0, 1.0])
print(step(s))
try:
    np.array(s > 0, dtype=np.int)  # the note's code
except AttributeError as error:
    print(type(error).__name__, "-", str(error).splitlines()[0])

"""The tent map composed k times as a ReLU network in NumPy, its linear pieces counted on a grid."""
import numpy as np

from derivations.numeric.sawtooth import deep, pieces_of_deep

print("T^3 at 0, 1/16, ..., 1:", deep(np.linspace(0, 1, 17), 3).tolist())
for k in (1, 2, 4, 8):
    print(f"k = {k}: {2 * k} units, {pieces_of_deep(k)} pieces")

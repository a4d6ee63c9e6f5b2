"""The 2-2-2 example's forward pass in NumPy."""
import numpy as np

from derivations.numeric.backprop_2_2_2 import forward, matrices

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

x, t = np.array([0.1, 0.2]), np.array([0.4, 0.6])
# W1 … W8 in the notes' order
W_hidden, W_output = matrices([0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6])
first = forward(x, W_hidden, W_output, t)
print(first.z_hidden, first.h)
print(first.z_output, first.o)
print(first.E)
print(first.E.sum())

"""The 2-2-2 example's backward pass in NumPy, after its forward pass."""
import numpy as np

from derivations.numeric.backprop_2_2_2 import backward, forward, matrices

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

x, t = np.array([0.1, 0.2]), np.array([0.4, 0.6])
# W1 … W8 in the notes' order
W_hidden, W_output = matrices([0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6])
first = forward(x, W_hidden, W_output, t)

grads = backward(x, W_output, t, first)
print(grads.delta_output)
print(grads.W_output)
print(grads.dE_dh, grads.delta_hidden)
print(grads.W_hidden)

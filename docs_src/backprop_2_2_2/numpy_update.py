"""The 2-2-2 example's update and second forward pass in NumPy."""
import numpy as np

from derivations.numeric.backprop_2_2_2 import (backward, forward, matrices,
                                                update)

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

x, t = np.array([0.1, 0.2]), np.array([0.4, 0.6])
# W1 … W8 in the notes' order
W_hidden, W_output = matrices([0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6])
first = forward(x, W_hidden, W_output, t)
grads = backward(x, W_output, t, first)

learning_rate = 0.5
W_hidden_new = update(W_hidden, grads.W_hidden, learning_rate)
W_output_new = update(W_output, grads.W_output, learning_rate)
print(W_hidden_new)
print(W_output_new)
second = forward(x, W_hidden_new, W_output_new, t)
print(second.o)
print(second.E.sum())

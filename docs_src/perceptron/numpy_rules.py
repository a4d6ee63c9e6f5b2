"""004's worked problem: one step of the delta rule, one of the perceptron rule."""
import numpy as np

from derivations.numeric.perceptron import delta_rule, perceptron_rule

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

w, b, x, t, eta = [-0.5, 0.75], 0.375, [1.5, 2.0], -1, 0.3
print(delta_rule(w, b, x, t, eta))  # [w1, w2, b] after one step
print(perceptron_rule(w, b, x, t, eta))

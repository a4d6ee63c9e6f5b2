"""Adam on the 2-2-2 example: how soon the error falls below 1e-4."""
import numpy as np

from derivations.numeric.optimizers import Adam
from derivations.numeric.training import first_below, train_2_2_2

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

x, targets = [0.1, 0.2], [0.4, 0.6]
weights = [0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]  # W1 … W8
adam = Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07)
errors = train_2_2_2(adam, x, weights, targets, iterations=10000)
print(errors[:3])
print(errors[[100, 1000, 2000]])
print(adam.t)
threshold = 1e-4
print(first_below(errors, threshold))

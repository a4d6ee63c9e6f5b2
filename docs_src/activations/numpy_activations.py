"""The activations and their slopes far into saturation: no overflow, no nan."""
import numpy as np

from derivations.numeric import (leaky_relu, relu_prime, sigmoid, sigmoid_prime,
                                 tanh_prime)

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

z = np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0])
print(sigmoid(z))
print(sigmoid_prime(z))
print(tanh_prime(z))
print(relu_prime(z))
print(leaky_relu(z))

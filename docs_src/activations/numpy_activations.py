"""The activations and their slopes far into saturation: no overflow, no nan."""
import numpy as np

from derivations.numeric import (leaky_relu, relu_prime, sigmoid, sigmoid_prime,
                                 tanh_prime)


# Eight decimals, as the notes print; a value too small for them in three
# significant digits, never as 0 (sigmoid(-40) is 4.25e-18 in float64).
def shown(v):
    return f"{v:.2e}" if v != 0 and abs(v) < 5e-9 else f"{v:.8f}"


np.set_printoptions(formatter={"float": shown})

z = np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0])
print(sigmoid(z))
print(sigmoid_prime(z))
print(tanh_prime(z))
print(relu_prime(z))
print(leaky_relu(z))

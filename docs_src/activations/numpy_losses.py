"""Cross-entropy after a softmax: the chain rule, step by step, equals s − y."""
import numpy as np

from derivations.numeric import (cross_entropy, cross_entropy_grad, softmax,
                                 softmax_jacobian)

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

z, y = np.array([2.0, 1.0, 0.1]), np.array([1.0, 0.0, 0.0])
s = softmax(z)
print(f"{cross_entropy(s, y):.8f}")
# The chain rule, step by step:
print(softmax_jacobian(z).T @ cross_entropy_grad(s, y))
print(s - y)  # the shortcut derived above
# p = 0 for the true class: −ln 1e-12, not infinity
print(f"{cross_entropy(np.array([0.0, 1.0, 0.0]), y):.8f}")

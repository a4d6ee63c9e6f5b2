"""The note's softmax beside the stable one, on logits where the note's breaks;
the Jacobian against finite differences."""
import numpy as np

from derivations.numeric import softmax, softmax_jacobian

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

x = np.array([1000.0, 1001.0, 1002.0])
# Show the overflow's result, not its warning:
with np.errstate(over="ignore", invalid="ignore"):
    print(np.exp(x))
    print(np.exp(x) / np.sum(np.exp(x)))  # the note's softmax
print(x - np.max(x))
print(softmax(x))  # the same quotient, after subtracting the largest logit
with np.errstate(all="raise"):  # no overflow, no nan, no warning
    print(round(softmax(x).sum(), 12))

z = np.array([2.0, 1.0, 0.1])
print(softmax_jacobian(z))


def column(j, h=1e-6):
    e = np.eye(3)[j] * h
    return (softmax(z + e) - softmax(z - e)) / (2 * h)


finite_differences = np.column_stack([column(j) for j in range(3)])
print(np.allclose(softmax_jacobian(z), finite_differences, rtol=0, atol=1e-9))

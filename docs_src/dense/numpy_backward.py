"""The seeded 4-8-8-3 network of dense.toml: its loss and every gradient."""
import numpy as np

from derivations.numeric.dense import Layer, loss_and_gradients

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

rng = np.random.default_rng(5)
draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), 3)  # noqa: E731
layers = [Layer(draw((4, 8)), draw(8), "relu"),
          Layer(draw((8, 8)), draw(8), "relu"),
          Layer(draw((8, 3)), draw(3), "softmax")]
X = draw((4, 4))
T = np.eye(3)[rng.integers(0, 3, size=4)]  # one-hot targets
loss, grads = loss_and_gradients(layers, X, T, "cross_entropy")
print(round(loss, 8))
print([(g.weights.shape, g.biases.shape) for g in grads])
print(grads[-1].weights)

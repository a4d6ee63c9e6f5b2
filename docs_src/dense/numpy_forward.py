"""The seeded 4-8-8-3 network of dense.toml: a batch through it, layer by layer.
"""
import numpy as np

from derivations.numeric.dense import Layer, forward

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

rng = np.random.default_rng(5)
draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), 3)  # noqa: E731
layers = [Layer(draw((4, 8)), draw(8), "relu"),
          Layer(draw((8, 8)), draw(8), "relu"),
          Layer(draw((8, 3)), draw(3), "softmax")]
X = draw((4, 4))  # a batch: one row per sample
for c in forward(layers, X):
    print(c.X.shape, c.Z.shape, c.A.shape)
P = forward(layers, X)[-1].A
print(P)
print(P.sum(axis=1))

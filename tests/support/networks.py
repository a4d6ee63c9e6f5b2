"""Networks and gradients the tests build for themselves, apart from the code they check.

``random_network`` draws the seeded 4-8-8-3 instance of ``dense.toml`` from the data file alone;
``finite_difference_gradients`` is the slowest, plainest route to a gradient: central differences.
"""

from __future__ import annotations

import numpy as np

from derivations.numeric import dense as numeric


def random_network(data: dict) -> tuple[list[numeric.Layer], np.ndarray, np.ndarray]:
    """The seeded 4-8-8-3 ReLU/ReLU/softmax instance of ``dense.toml`` (exact decimals)."""
    spec = data["random_4_8_8_3"]
    net = next(n for n in data["networks"] if n["name"] == "mlp_4_8_8_3")
    rng = np.random.default_rng(spec["seed"])
    draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), spec["decimals"])  # noqa: E731
    widths = net["widths"]
    layers = [numeric.Layer(draw((n, j)), draw(j), f)
              for n, j, f in zip(widths, widths[1:], net["activations"])]
    X = draw((spec["batch"], widths[0]))
    T = np.eye(widths[-1])[rng.integers(0, widths[-1], size=spec["batch"])]
    return layers, X, T


def finite_difference_gradients(layers, X, T, loss: str, h: float = 1e-6) -> list[numeric.Layer]:
    """(L(θ + h) − L(θ − h)) / 2h for every weight and bias, one at a time."""
    result = []
    for layer in layers:
        grads = []
        for array in (layer.weights, layer.biases):
            g = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                saved = array[index]
                array[index] = saved + h
                up = numeric.loss_and_gradients(layers, X, T, loss)[0]
                array[index] = saved - h
                down = numeric.loss_and_gradients(layers, X, T, loss)[0]
                array[index] = saved
                g[index] = (up - down) / (2 * h)
            grads.append(g)
        result.append(numeric.Layer(grads[0], grads[1], layer.activation))
    return result

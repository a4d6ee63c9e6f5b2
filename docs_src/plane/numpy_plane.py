"""Threshold or bias, n-input gates on the cube's corners, and the XOR hidden layer's map, in NumPy."""
import numpy as np

from derivations.numeric.perceptron import INPUTS
from derivations.numeric.plane import by_bias, by_threshold, corners, hidden_map, perceptron
from derivations.problems import data_file

gates, plane = data_file("perceptron"), data_file("plane")
for g in gates["gates"]:                       # [w1, w2, b]; the threshold is θ = −b
    w, b = g["weights"][:2], g["weights"][2]
    print(g["gate"], by_threshold(w, -b, INPUTS), by_bias(w, b, INPUTS))

for n in plane["hyperplane"]["inputs"]:
    x = corners(n)
    for gate, logic in (("AND", np.all), ("OR", np.any)):
        rule = plane["hyperplane"][gate]
        b = rule["bias_per_input"] * n + rule["bias_offset"]
        right = perceptron(np.full(n, rule["weight"]), b, x) == logic(x, axis=1)
        print(f"n = {n}  {gate:3}  right on {right.sum()} of {len(x)} corners")

net = gates["xor_network"]["weights"]
W = np.array([net["NAND"][:2], net["OR"][:2]]).T   # column j: hidden unit j
b = np.array([net["NAND"][2], net["OR"][2]])
for stage, values in hidden_map(W, b, INPUTS).items():
    print(stage, values.tolist())

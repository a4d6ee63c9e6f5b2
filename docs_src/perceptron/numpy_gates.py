"""The note's weight sets as perceptrons, and XOR as a network of three of them."""
from derivations.numeric.perceptron import INPUTS, perceptron, xor

GATES = [("AND", [0.5, 0.5, -0.7]), ("AND", [0.5, 0.5, -0.8]),  # [w1, w2, b]
         ("AND", [1.0, 1.0, -1.0]), ("NAND", [-0.5, -0.5, 0.7]),
         ("OR", [0.6, 0.6, -0.5])]
for gate, weights in GATES:
    print(gate, weights, perceptron(INPUTS, weights))
network = {"nand": [-0.5, -0.5, 0.7], "or_": [0.6, 0.6, -0.5],
           "and_": [0.5, 0.5, -0.7]}
print("XOR", xor(INPUTS, **network))

"""The perceptron rule, epoch after epoch, on AND, OR and XOR."""
import numpy as np

from derivations.numeric.perceptron import INPUTS, train

np.set_printoptions(precision=8, floatmode="fixed", suppress=True)  # eight decimals, as the notes print

TRUTH = {"AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}
start, eta, max_epochs = [0.0, 0.0, 0.0], 0.5, 20  # [w1, w2, b], the learning rate, the limit
for gate, truth in TRUTH.items():
    run = train(INPUTS, truth, start=start, eta=eta, max_epochs=max_epochs)
    print(gate, len(run.errors), run.converged, run.cycle, run.weights[-1])

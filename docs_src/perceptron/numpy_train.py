"""The perceptron rule, epoch after epoch, on AND, OR and XOR."""
import numpy as np

from derivations.numeric.perceptron import INPUTS, train

# Eight decimals, as the notes print.
np.set_printoptions(precision=8, floatmode="fixed", suppress=True)

TRUTH = {"AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}
# The start [w1, w2, b], the learning rate and the limit on epochs:
start, eta, max_epochs = [0.0, 0.0, 0.0], 0.5, 20
for gate, truth in TRUTH.items():
    run = train(INPUTS, truth, start=start, eta=eta, max_epochs=max_epochs)
    print(gate, len(run.errors), run.converged, run.cycle, run.weights[-1])

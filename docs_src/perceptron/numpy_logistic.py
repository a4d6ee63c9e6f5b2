"""One gradient step of logistic regression, in NumPy, on the page's example point."""
import numpy as np

from derivations.numeric.logistic import bce, gradient_step, sigmoid
from derivations.problems import data_file

e = data_file("logistic")["example"]
x, w, b, y = np.array(e["x"]), np.array(e["w"]), e["b"], e["y"]
w_new, b_new, p = gradient_step(x, w, b, y, learning_rate=e["learning_rate"])
print("p before:", p, " loss:", bce(p, y))
print("w after: ", w_new, " b after:", b_new)
p_new = sigmoid(w_new @ x + b_new)
print("p after: ", p_new, " loss:", bce(p_new, y))

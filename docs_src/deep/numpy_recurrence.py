"""The page's recurrence in NumPy: three steps with the loop and without it, and how far x_1 reaches."""
import numpy as np

from derivations.numeric.recurrence import reach, unroll
from derivations.problems import data_file

r = data_file("deep")["recurrence"]
for name, W_hh in (("recurrent", r["W_hh"]), ("feed-forward", np.zeros((2, 2)))):
    print(name)
    print("  h_t:      ", unroll(r["W_xh"], W_hh, r["b"], r["h0"], r["xs"]).round(8).tolist())
    print("  dh_t/dx_1:", reach(r["W_xh"], W_hh, r["b"], r["h0"], r["xs"]).round(8).tolist())

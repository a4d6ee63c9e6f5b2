"""The tiny recurrence in NumPy: h_t = tanh(W_xh x_t + W_hh h_{t−1} + b), and how far back an input
reaches, ∂h_t/∂x_1, by backpropagation through time (from h_t backwards):

    ∂h_t/∂x_1 = [Π_{s=t}^{2} diag(1 − h_s²) W_hh] diag(1 − h_1²) W_xh.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:unroll]
def unroll(W_xh, W_hh, b, h0, xs):
    """h_1 … h_T as rows of an array (T, hidden)."""
    W_xh, W_hh = np.asarray(W_xh, float), np.asarray(W_hh, float)
    b, h = np.asarray(b, float), np.asarray(h0, float)
    out = []
    for x in xs:
        h = np.tanh(W_xh[:, 0] * x + W_hh @ h + b)
        out.append(h)
    return np.array(out)
# --8<-- [end:unroll]


# --8<-- [start:reach]
def reach(W_xh, W_hh, b, h0, xs):
    """∂h_t/∂x_1 for t = 1 … T as rows of an array (T, hidden), each by backpropagation through time:
    from h_t back through every step to x_1."""
    hs = unroll(W_xh, W_hh, b, h0, xs)
    W_xh, W_hh = np.asarray(W_xh, float), np.asarray(W_hh, float)
    out = []
    for t in range(len(hs)):
        back = np.eye(len(hs[t]))                     # ∂h_t/∂h_t
        for s in range(t, 0, -1):                      # ∂h_t/∂h_{s−1} = ∂h_t/∂h_s · diag(1 − h_s²) W_hh
            back = back @ (np.diag(1 - hs[s] ** 2) @ W_hh)
        out.append(back @ (np.diag(1 - hs[0] ** 2) @ W_xh)[:, 0])
    return np.array(out)
# --8<-- [end:reach]

"""The computational graph of 004_3b2490ffcdfbdb28.txt in plain floats: nodes that remember their
inputs on the way forward and, on the way back, multiply the upstream gradient by their local one.
"""

from __future__ import annotations

import math


# --8<-- [start:nodes]
class Add:
    """out = x + y; the local gradients are 1 and 1: the upstream gradient is copied to both."""

    def forward(self, x: float, y: float) -> float:
        return x + y

    def backward(self, upstream: float) -> tuple[float, float]:
        return upstream * 1.0, upstream * 1.0


class Multiply:
    """out = x · y; ∂out/∂x = y and ∂out/∂y = x: each input gets the *other* input's value."""

    def forward(self, x: float, y: float) -> float:
        self.x, self.y = x, y
        return x * y

    def backward(self, upstream: float) -> tuple[float, float]:
        return upstream * self.y, upstream * self.x


class Max:
    """out = max(x, y); the gradient goes to the larger input only (on a tie, to x)."""

    def forward(self, x: float, y: float) -> float:
        self.x_wins = x >= y
        return max(x, y)

    def backward(self, upstream: float) -> tuple[float, float]:
        return (upstream, 0.0) if self.x_wins else (0.0, upstream)


class Sigmoid:
    """out = σ(x) = 1/(1 + e^(−x)); the local gradient is out · (1 − out)."""

    def forward(self, x: float) -> float:
        self.out = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        return self.out

    def backward(self, upstream: float) -> float:
        return upstream * self.out * (1.0 - self.out)


class HalfSquaredError:
    """L = ½ (t − o)²; ∂L/∂o = o − t."""

    def forward(self, o: float, t: float) -> float:
        self.o, self.t = o, t
        return 0.5 * (t - o) ** 2

    def backward(self, upstream: float = 1.0) -> float:
        return upstream * (self.o - self.t)
# --8<-- [end:nodes]


# --8<-- [start:neuron]
def neuron_graph(x: tuple[float, float], w: tuple[float, float], b: float, t: float) -> dict[str, float]:
    """One sigmoid neuron, forward through the nodes and back: every value and gradient by name.

    Forward: m1 = w1·x1, m2 = w2·x2, s = m1 + m2, z = s + b, o = σ(z), L = ½(t − o)².
    """
    mul1, mul2, add_m, add_b, sig, loss = Multiply(), Multiply(), Add(), Add(), Sigmoid(), HalfSquaredError()
    m1, m2 = mul1.forward(w[0], x[0]), mul2.forward(w[1], x[1])
    s = add_m.forward(m1, m2)
    z = add_b.forward(s, b)
    o = sig.forward(z)
    L = loss.forward(o, t)

    dL_do = loss.backward(1.0)
    dL_dz = sig.backward(dL_do)
    dL_ds, dL_db = add_b.backward(dL_dz)
    dL_dm1, dL_dm2 = add_m.backward(dL_ds)
    dL_dw1, dL_dx1 = mul1.backward(dL_dm1)
    dL_dw2, dL_dx2 = mul2.backward(dL_dm2)
    return dict(m1=m1, m2=m2, s=s, z=z, o=o, L=L, dL_do=dL_do, dL_dz=dL_dz, dL_ds=dL_ds,
                dL_db=dL_db, dL_dm1=dL_dm1, dL_dm2=dL_dm2, dL_dw1=dL_dw1, dL_dx1=dL_dx1,
                dL_dw2=dL_dw2, dL_dx2=dL_dx2)
# --8<-- [end:neuron]

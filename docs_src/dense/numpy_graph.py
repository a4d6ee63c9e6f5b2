"""One sigmoid neuron as a computational graph: each node's value, gradient."""
from derivations.numeric.graph import neuron_graph

x, w, b, t = (0.1, 0.2), (0.3, 0.25), 0, 0.4
v = neuron_graph(x=x, w=w, b=b, t=t)
for name in ("o", "L", "dL_do", "dL_dz", "dL_dw1", "dL_dw2", "dL_db"):
    print(f"{name:7} {v[name]:.8f}")

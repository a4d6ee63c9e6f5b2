# %% [markdown]
# # Backpropagation, by hand and by machine
#
# This notebook reproduces every number of the [backpropagation chapter](../../backpropagation/)
# twice: exactly with SymPy, and in float64 with NumPy. Run it top to bottom; change the inputs in
# the first code cell to solve your own 2-2-2 network.
#
# The network: $z_1 = W_1 x_1 + W_2 x_2$, $h_1 = \sigma(z_1)$, … , $o_1 = \sigma(z_3)$, and the error
# $$E_{\mathrm{total}} = \tfrac{1}{2}(\mathrm{target}_{o1} - o_1)^2 + \tfrac{1}{2}(\mathrm{target}_{o2} - o_2)^2.$$

# %% inputs data backprop_2_2_2 inputs
# The example of 002_0d151740a80634d0.txt §3.4: x1, x2; W1..W8;
# the targets; the learning rate. Change any of them and run all
# (biases = [b_hidden, b_output] may be added).

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% modules derivations.symbolic.backprop_2_2_2 derivations.numeric.backprop_2_2_2

# %%
from derivations.problems import backprop_problem
from derivations.symbolic import backprop_2_2_2 as symbolic
from derivations.numeric.backprop_2_2_2 import backprop_2_2_2

problem = backprop_problem(data["inputs"], "the inputs cell")   # exact: 0.1 is 1/10
problem

# %% [markdown]
# ## The symbolic route
#
# `symbolic.solve` substitutes the inputs as exact rationals ($0.1 = \tfrac{1}{10}$) and keeps every
# exponential exact; values are evaluated to 40 significant digits only at the end.

# %%
exact = symbolic.solve(problem).value
for name in ["z1", "h1", "o1", "E_total", "dE_dW5", "dE_dW1", "W1_new", "E_total_new"]:
    print(f"{name:12} {exact[name]}")

# %% [markdown]
# ## The chain rule, proved
#
# For every weight, the note's chain-rule product minus the derivative of $E_{\mathrm{total}}$ taken
# directly simplifies to zero:

# %%
import sympy as sp
from IPython.display import Math, display

for w in symbolic.WEIGHTS:
    rule = symbolic.chain_rule(w)
    display(Math(sp.latex(sp.Derivative(symbolic.E_total, w)) + " - (" + sp.latex(rule.expr)
                 + ") = " + sp.latex(symbolic.chain_equals_direct(w))))

# %% [markdown]
# ## The NumPy route
#
# `backprop_2_2_2` is written without SymPy: matrix products, sigmoids and outer products in float64.

# %%
x = [float(v) for v in problem.x]
weights = [float(v) for v in problem.weights]
targets = [float(v) for v in problem.targets]
numeric = backprop_2_2_2(x, weights, targets, float(problem.learning_rate), [float(b) for b in problem.biases])

worst = max(abs(float(exact[name]) - numeric[name]) for name in numeric)
print(f"{len(numeric)} values; largest |SymPy - NumPy| = {worst:.1e}")
print(f"E_total: {numeric['E_total']:.8f} -> {numeric['E_total_new']:.8f} after one update")

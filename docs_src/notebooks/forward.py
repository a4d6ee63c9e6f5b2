# %% [markdown]
# # Forward propagation, any dense network, the computational graph
#
# This notebook reproduces the numbers of the [forward propagation](../../forward/),
# [dense network](../../dense/) and [computational graph](../../graph/) pages. Change the widths,
# activations or inputs in the first code cells and run it again.
#
# A layer computes $Z = XW + B$, then $A = f(Z)$, for a batch $X$ with one row per sample.

# %% [markdown] ko
# # 순전파, 임의의 전결합 신경망, 연산 그래프
#
# 이 노트북은 [순전파](../../forward/), [전결합 신경망](../../dense/), [연산 그래프](../../graph/)
# 페이지의 수를 재현한다. 첫 코드 셀들의 폭, 활성화 함수, 입력을 바꾸고 다시 실행해 보라.
#
# 층은 샘플마다 한 행인 배치 $X$에 대해 $Z = XW + B$를 계산하고, 이어서 $A = f(Z)$를 계산한다.

# %% inputs data dense networks.name networks.widths networks.activations batch random_4_8_8_3 graph
# The networks, the batch of 001 §3, the seeded random instance and the
# neuron of the computational graph, from derivations/problems/dense.toml.

# %% inputs example backprop_2_2_2 inputs
# The 2-2-2 example of 002_0d151740a80634d0.txt §3.4, from
# derivations/problems/backprop_2_2_2.toml.

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% [markdown] ko
# 내려받은 노트북은 이 사이트를 만든 그대로의 `derivations` 패키지 코드로 이어진다. 모듈마다 셀 하나이고,
# 각 셀은 그 모듈로서 실행된다(이 페이지에서는 생략한다). 그 뒤의 셀들은 패키지를 설치했을 때처럼 모듈을
# 이름으로 가져온다.

# %% modules derivations.numeric.dense derivations.symbolic.dense derivations.numeric.graph derivations.symbolic.backprop_2_2_2 derivations.symbolic.derivative_kinds derivations.numeric.derivative_kinds

# %%
from derivations.numeric.dense import summary

for net in data["networks"]:
    print(net["name"], "activations:", ", ".join(net["activations"]))
    print(summary(net["widths"]))
mlp = next(n for n in data["networks"] if n["name"] == "mlp_4_8_8_3")

# %% [markdown]
# ## $Y = XW + B$ with the note's names, expanded by SymPy

# %% [markdown] ko
# ## 노트의 이름으로 쓴 $Y = XW + B$, SymPy로 전개

# %%
from derivations.symbolic import dense as symbolic

product, difference = symbolic.xw_plus_b()
product, difference   # the second is XW + B minus the note's h1, h2: zero

# %%
X, Y = symbolic.batch_of(data["batch"]["samples"])   # the samples at once, through the 3 → 2 layer
Y.shape, len(symbolic.parameters(Y))   # still its 8 learnable parameters

# %%
n, j = mlp["widths"][:2]    # one sample into the first layer of mlp_4_8_8_3, as in 002 §2.4
for step in symbolic.shape_steps(1, n, j):
    print(f'{step.reason:48} X{step.X} W{step.W} B{step.B} Y{step.Y}')

# %% [markdown]
# ## Forward and backward in NumPy, and exactly in SymPy
#
# The seeded 4-8-8-3 network of the data file, with a batch of four samples and one-hot targets.

# %% [markdown] ko
# ## NumPy로 순전파와 역전파, 그리고 SymPy로 정확하게
#
# 데이터 파일의 시드를 고정한 4-8-8-3 신경망에, 샘플 네 개의 배치와 원-핫 목표값을 쓴다.

# %%
from fractions import Fraction

import numpy as np
from derivations.numeric.dense import Layer, loss_and_gradients, predict

# The data file's 4-8-8-3 network, its weights, biases and batch drawn from a seeded generator and
# rounded, so that each is an exact decimal; the targets are one-hot rows.
spec = data["random_4_8_8_3"]
rng = np.random.default_rng(spec["seed"])
draw = lambda shape: np.round(rng.uniform(-1, 1, size=shape), spec["decimals"])
widths = mlp["widths"]
layers = [Layer(draw((n, j)), draw(j), f) for n, j, f in zip(widths, widths[1:], mlp["activations"])]
X = draw((spec["batch"], widths[0]))
T = np.eye(widths[-1])[rng.integers(0, widths[-1], size=spec["batch"])]


def exact(a):
    """The exact decimals a float array was rounded to, as SymPy rationals."""
    return symbolic.matrix([[Fraction(repr(float(v))) for v in row] for row in np.atleast_2d(a)])


def symbolic_layers(layers):
    return [symbolic.Layer(exact(layer.weights), exact(layer.biases), layer.activation) for layer in layers]


P = predict(layers, X)
P.round(8), P.sum(axis=1)

# %%
loss, grads = loss_and_gradients(layers, X, T, spec["loss"])
exact_loss, exact_grads = symbolic.gradients(symbolic_layers(layers), exact(X), exact(T), spec["loss"])
print(loss, symbolic.evaluate(exact_loss))
for g, e in zip(grads, exact_grads):
    gap = np.abs(np.array(symbolic.evaluate(e.weights).tolist(), dtype=float) - g.weights).max()
    print(g.weights.shape, f'largest |SymPy - NumPy| = {gap:.1e}')

# %% [markdown]
# ## The 2-2-2 example as one instance
#
# With $W_{\mathrm{hidden}} = [[W_1, W_3], [W_2, W_4]]$ (inputs × units) the general module gives the spine's gradients.

# %% [markdown] ko
# ## 한 사례로서의 2-2-2 예제
#
# $W_{\mathrm{hidden}} = [[W_1, W_3], [W_2, W_4]]$(입력 × 유닛)로 두면 일반 모듈이 중심 예제의 기울기를 준다.

# %%
import sympy as sp
from derivations.problems import backprop_problem
from derivations.symbolic import backprop_2_2_2 as spine

p = backprop_problem(example["inputs"], "the inputs cell")
w = [symbolic.rational(v) for v in p.weights]
two_layers = [symbolic.Layer(sp.Matrix([[w[0], w[2]], [w[1], w[3]]]), sp.zeros(1, 2), "sigmoid"),
              symbolic.Layer(sp.Matrix([[w[4], w[6]], [w[5], w[7]]]), sp.zeros(1, 2), "sigmoid")]
x, t = symbolic.matrix([p.x]), symbolic.matrix([p.targets])
E, g = symbolic.gradients(two_layers, x, t, 'half_sse')
# The spine's own exact forward pass and chain-rule products, to compare with.
exact = spine.solve(p).exact
print(symbolic.evaluate(E), symbolic.evaluate(exact["E_total"]))
print(symbolic.evaluate(g[1].weights[0, 0]), symbolic.evaluate(exact["dE_dW5"]))
print(symbolic.evaluate(g[0].weights[0, 0]), symbolic.evaluate(exact["dE_dW1"]))

# %% [markdown]
# ## One neuron as a computational graph

# %% [markdown] ko
# ## 연산 그래프로 본 뉴런 하나

# %%
from derivations.numeric.graph import neuron_graph

g = data['graph']
neuron_graph(tuple(g['x']), tuple(g['w']), g['b'], g['t'])

# %% [markdown]
# ## Three kinds of derivative
#
# Scalar → scalar (a derivative), vector → scalar (a gradient), vector → vector (a Jacobian), as
# `004_…` sorts them: SymPy's derivatives against NumPy's chain rule, with shapes.

# %% [markdown] ko
# ## 세 가지 도함수
#
# `004_…`의 분류대로 스칼라 → 스칼라(미분), 벡터 → 스칼라(그래디언트), 벡터 → 벡터(야코비안).
# SymPy의 도함수를 NumPy의 연쇄 법칙과, 크기와 함께 비교한다.

# %% inputs kinds deep derivatives
# The three examples, from derivations/problems/deep.toml.

# %%
from derivations.symbolic import derivative_kinds as ks
from derivations.numeric import derivative_kinds as kn

d = kinds["derivatives"]
pairs = {"scalar -> scalar": (ks.scalar_to_scalar(d["z"]), kn.scalar_to_scalar(d["z"])),
         "vector -> scalar": (ks.vector_to_scalar(d["w"], d["x"], d["t"]), kn.vector_to_scalar(d["w"], d["x"], d["t"])),
         "vector -> vector": (ks.vector_to_vector(d["W"], d["b"], d["x"]), kn.vector_to_vector(d["W"], d["b"], d["x"]))}
for kind, (exact, approx) in pairs.items():
    exact = np.array(sp.N(exact, 30).tolist() if hasattr(exact, "tolist") else sp.N(exact, 30), dtype=float)
    print(f"{kind}: shape {np.shape(approx)}, NumPy gap {np.max(np.abs(exact.reshape(np.shape(approx)) - approx)):.0e}")
    print(np.round(approx, 8))

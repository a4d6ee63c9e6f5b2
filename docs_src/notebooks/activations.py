# %% [markdown]
# # Activation functions and losses, by hand and by machine
#
# This notebook reruns the [activation functions](../../activations/) and [losses](../../losses/)
# chapters: every derivative from SymPy, every value again from the independent NumPy code.
# Change the inputs in the first code cell and run it again.

# %% [markdown] ko
# # 활성화 함수와 손실 함수, 손으로 그리고 기계로
#
# 이 노트북은 [활성화 함수](../../activations/)와 [손실 함수](../../losses/) 장을 다시 실행한다.
# 모든 도함수는 SymPy에서, 모든 값은 독립적인 NumPy 코드에서 다시 얻는다.
# 첫 번째 코드 셀의 입력을 바꾸고 다시 실행해 보라.

# %% inputs data activations inputs.softmax_overflow inputs.vanishing_layers inputs.categorical
# The chapter's inputs this notebook uses, from the project's data
# file derivations/problems/activations.toml.

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% [markdown] ko
# 내려받은 노트북은 이 사이트를 만든 그대로의 `derivations` 패키지 코드로 이어진다. 모듈마다 셀 하나이고,
# 각 셀은 그 모듈로서 실행된다(이 페이지에서는 생략한다). 그 뒤의 셀들은 패키지를 설치했을 때처럼 모듈을
# 이름으로 가져온다.

# %% modules derivations.numeric.activations derivations.numeric.losses derivations.symbolic.activations derivations.symbolic.losses derivations.symbolic.depth_chain derivations.numeric.depth_chain

# %%
import numpy as np
import sympy as sp
from derivations.numeric import activations as num
from derivations.numeric import losses as num_losses
from derivations.symbolic import activations as sym
from derivations.symbolic import losses as sym_losses

inputs = data["inputs"]
z = sym.z

# %% [markdown]
# ## Derivatives, derived
#
# SymPy differentiates each definition; the textbook forms are proved equal to that derivative (each function below raises if they were not).

# %% [markdown] ko
# ## 유도한 도함수
#
# SymPy가 각 정의를 미분하고, 교과서의 형태들이 그 도함수와 같음을 증명한다(같지 않으면 아래의 각 함수가 예외를 일으킨다).

# %%
from IPython.display import Math, display

print("dσ/dz equals each of")
for step in sym.sigmoid_steps():
    display(Math(step))
print("d tanh/dz equals each of")
for step in sym.tanh_steps():
    display(Math(step))

# %%
print("tanh(z) - (2σ(2z) - 1) =", sym.tanh_is_a_stretched_sigmoid())
print("softmax Jacobian minus s_i(δ_ij - s_j), n = 3:", sym.softmax_jacobian_closed_form(3).tolist())

# %% [markdown]
# ## The vanishing gradient
#
# Where does $\sigma'$ peak? Solve $\sigma'' = 0$, then raise the peak to the number of layers.

# %% [markdown] ko
# ## 기울기 소실
#
# $\sigma'$는 어디에서 최대인가? $\sigma'' = 0$을 풀고, 그 최댓값을 층의 수만큼 거듭제곱한다.

# %%
roots, top = sym.peak(sym.sigmoid(z))
print("σ'' = 0 at z =", roots, " σ' there =", top)
print("tanh' peak:", sym.peak(sym.tanh(z)))
for n in range(1, inputs["vanishing_layers"] + 1):
    print(f"{n:2} layers: at most {top ** n} = {float(top ** n):.10f}")

# %% [markdown]
# ## NumPy against SymPy, including the extremes
#
# The NumPy derivatives are written without SymPy. Compare them with SymPy's exact derivative, evaluated to 40 digits, from moderate inputs to ones where a naive formula overflows.

# %% [markdown] ko
# ## NumPy 대 SymPy, 극단까지 포함해서
#
# NumPy의 도함수는 SymPy 없이 작성했다. 이를 40자리까지 계산한 SymPy의 정확한 도함수와, 보통 입력에서부터 단순한 공식이 오버플로하는 입력까지 비교한다.

# %%
points = [-1000.0, -40.0, -3.0, -0.5, 0.0, 0.5, 3.0, 40.0, 1000.0]
for name, f_sym, f_num in [("sigmoid'", sym.sigmoid, num.sigmoid_prime), ("tanh'", sym.tanh, num.tanh_prime)]:
    derivative = sp.simplify(sp.diff(f_sym(z), z))   # 1/cosh² for tanh: no cancellation to evaluate
    exact = [sp.N(derivative.subs(z, sp.Rational(p)), 40) for p in points]
    worst = max(abs(float(e) - v) / max(float(e), 1e-300) for e, v in zip(exact, f_num(np.array(points))))
    print(f"{name:9} largest relative difference: {worst:.1e}")

# %% [markdown]
# ## Softmax: the note's form and the stable one

# %% [markdown] ko
# ## 소프트맥스: 노트의 형태와 안정한 형태

# %%
x = np.array(inputs["softmax_overflow"])
with np.errstate(over="ignore", invalid="ignore"):
    print("the note's form:", np.exp(x) / np.sum(np.exp(x)))
with np.errstate(all="raise"):
    print("stable softmax: ", num.softmax(x))

# %% [markdown]
# The Jacobian $s_i(\delta_{ij} - s_j)$ against central finite differences:

# %% [markdown] ko
# 야코비안 $s_i(\delta_{ij} - s_j)$를 중앙 유한 차분과 비교한다.

# %%
v = np.array(inputs["categorical"]["logits"])
h = 1e-6
fd = np.column_stack([(num.softmax(v + h * e) - num.softmax(v - h * e)) / (2 * h) for e in np.eye(len(v))])
print(np.abs(num.softmax_jacobian(v) - fd).max())

# %% [markdown]
# ## Softmax then cross-entropy: the gradient is s − y
#
# The chapter's categorical example, exactly and in float64.

# %% [markdown] ko
# ## 소프트맥스 다음 크로스 엔트로피: 기울기는 s − y
#
# 장의 범주형 예제를, 정확하게 그리고 float64로.

# %%
example = inputs["categorical"]
logits = [sp.Rational(str(v)) for v in example["logits"]]
targets = [sp.Rational(str(v)) for v in example["targets"]]
s = sym.softmax(logits)
print("CE, SymPy:", sp.N(sym_losses.cross_entropy(s, targets), 20))
p, y = num.softmax(np.array(example["logits"])), np.array(example["targets"])
print("CE, NumPy:", num_losses.cross_entropy(p, y))
print("s - y, SymPy:", [sp.N(si - yi, 12) for si, yi in zip(s, targets)])
print("chain rule, NumPy:", num.softmax_jacobian(np.array(example["logits"])).T @ num_losses.cross_entropy_grad(p, y))
print("proof for three logits:", sym_losses.softmax_cross_entropy_gradient(3))

# %% [markdown]
# ## Depth: sigmoid against ReLU
#
# The gradient that reaches the input of a chain of one-unit layers is a product of $w\,f'(z_k)$:
# at most $(|w|/4)^n$ for the sigmoid, since $\sigma' \le 1/4$; exactly $w^n$ for ReLU while every
# unit is active; and exactly 0 from the first dead unit on.

# %% [markdown] ko
# ## 깊이: 시그모이드 대 ReLU
#
# 유닛 하나짜리 층의 사슬에서 입력에 닿는 기울기는 $w\,f'(z_k)$의 곱이다.
# 시그모이드에서는 $\sigma' \le 1/4$이므로 $(|w|/4)^n$ 이하이고, ReLU에서는 모든 유닛이 활성인 동안
# 정확히 $w^n$이며, 첫 번째 죽은 유닛부터는 정확히 0이다.

# %% inputs chain depth_chain x weight bias layers dead_layer dead_bias
# The chain, from derivations/problems/depth_chain.toml.

# %%
import sympy as sp
from derivations.symbolic import depth_chain as chain_symbolic
from derivations.numeric import depth_chain as chain_numeric

flat = [chain["bias"]] * chain["layers"]
dead = list(flat)
dead[chain["dead_layer"] - 1] = chain["dead_bias"]
for name, f, biases in (("sigmoid", "sigmoid", flat), ("ReLU", "relu", flat), ("ReLU, one dead", "relu", dead)):
    exact = chain_symbolic.chain(chain["x"], chain["weight"], biases, f)
    floats = chain_numeric.chain(chain["x"], chain["weight"], biases, f)
    print(f"{name:15}", " ".join(f"{float(e):.3e}" for e in exact))
    print(f"{'NumPy':15}", " ".join(f"{v:.3e}" for v in floats))

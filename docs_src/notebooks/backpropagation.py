# %% [markdown]
# # Backpropagation, by hand and by machine
#
# This notebook reproduces every number of the [backpropagation chapter](../../backpropagation/)
# twice: exactly with SymPy, and in float64 with NumPy. Run it top to bottom; change the inputs in
# the first code cell to solve your own 2-2-2 network.
#
# The network: $z_1 = W_1 x_1 + W_2 x_2$, $h_1 = \sigma(z_1)$, … , $o_1 = \sigma(z_3)$, and the error
# $$E_{\mathrm{total}} = \tfrac{1}{2}(\mathrm{target}_{o1} - o_1)^2 + \tfrac{1}{2}(\mathrm{target}_{o2} - o_2)^2.$$

# %% [markdown] ko
# # 역전파, 손으로 그리고 기계로
#
# 이 노트북은 [역전파 장](../../backpropagation/)의 모든 숫자를 두 번 재현한다. 한 번은 SymPy로
# 정확하게, 한 번은 NumPy로 float64로 계산한다. 위에서 아래로 차례로 실행하라. 첫 번째 코드 셀의
# 입력을 바꾸면 여러분 자신의 2-2-2 신경망을 풀 수 있다.
#
# 신경망: $z_1 = W_1 x_1 + W_2 x_2$, $h_1 = \sigma(z_1)$, … , $o_1 = \sigma(z_3)$, 그리고 오차
# $$E_{\mathrm{total}} = \tfrac{1}{2}(\mathrm{target}_{o1} - o_1)^2 + \tfrac{1}{2}(\mathrm{target}_{o2} - o_2)^2.$$

# %% inputs data backprop_2_2_2 inputs
# The example of 002_0d151740a80634d0.txt §3.4: x1, x2; W1..W8;
# the targets; the learning rate. Change any of them and run all
# (biases = [b_hidden, b_output] may be added).

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% [markdown] ko
# 내려받은 노트북은 이어서 이 사이트를 빌드한 `derivations` 패키지의 코드를 그대로 담는다. 모듈 하나가
# 셀 하나이고, 각 셀은 그 모듈로서 실행된다(이 페이지에서는 생략한다). 그 뒤의 셀들은 패키지를 설치했을
# 때처럼 모듈을 이름으로 불러온다.

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

# %% [markdown] ko
# ## 기호 경로
#
# `symbolic.solve`는 입력을 정확한 유리수로 대입하고($0.1 = \tfrac{1}{10}$) 모든 지수 함수를 정확하게
# 유지한다. 값은 마지막에만 유효 숫자 40자리로 계산한다.

# %%
exact = symbolic.solve(problem).value
for name in ["z1", "h1", "o1", "E_total", "dE_dW5", "dE_dW1", "W1_new", "E_total_new"]:
    print(f"{name:12} {exact[name]}")

# %% [markdown]
# ## The chain rule, proved
#
# For every weight, the note's chain-rule product minus the derivative of $E_{\mathrm{total}}$ taken
# directly simplifies to zero:

# %% [markdown] ko
# ## 연쇄 법칙의 증명
#
# 모든 가중치에 대해, 노트의 연쇄 법칙 곱에서 $E_{\mathrm{total}}$을 직접 미분한 도함수를 빼면 0으로
# 간단해진다.

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

# %% [markdown] ko
# ## NumPy 경로
#
# `backprop_2_2_2`는 SymPy 없이 쓴 것이다. float64로 행렬곱, 시그모이드, 외적을 계산한다.

# %%
x = [float(v) for v in problem.x]
weights = [float(v) for v in problem.weights]
targets = [float(v) for v in problem.targets]
numeric = backprop_2_2_2(x, weights, targets, float(problem.learning_rate), [float(b) for b in problem.biases])

worst = max(abs(float(exact[name]) - numeric[name]) for name in numeric)
print(f"{len(numeric)} values; largest |SymPy - NumPy| = {worst:.1e}")
print(f"E_total: {numeric['E_total']:.8f} -> {numeric['E_total_new']:.8f} after one update")

# %% [markdown]
# # Learning, by hand and by machine
#
# This notebook reruns the [learning chapter](../../learning/): the optimizers of
# `002_0d151740a80634d0.txt` §3.3 as exact SymPy rules and as NumPy code, two steps of each on the
# 2-2-2 example, the long training runs, and the epochs / batch size / iterations arithmetic of
# §3.5. Change a hyperparameter or the example in the first code cells and run it again.

# %% [markdown] ko
# # 학습, 손으로 그리고 기계로
#
# 이 노트북은 [학습 장](../../learning/)을 다시 실행한다. `002_0d151740a80634d0.txt` §3.3의
# 옵티마이저를 정확한 SymPy 규칙과 NumPy 코드로 쓰고, 2-2-2 예제에서 각각 두 단계를 밟고, 긴 학습을
# 돌리고, §3.5의 에포크 / 배치 크기 / 이터레이션 계산을 한다. 처음 코드 셀들에서 하이퍼파라미터나
# 예제를 바꾸고 다시 실행해 보라.

# %% inputs data learning optimizers.key optimizers.name optimizers.keras_class optimizers.call optimizers.hyperparameters training_2_2_2.iterations training_2_2_2.threshold printed.name printed.value fit_calls.name fit_calls.batch_size
# The note's Keras calls and the project's settings, from
# derivations/problems/learning.toml.

# %% inputs example backprop_2_2_2 inputs
# x, W1..W8 and the targets of 002_0d151740a80634d0.txt §3.4, from
# derivations/problems/backprop_2_2_2.toml.

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% [markdown] ko
# 내려받은 노트북은 이어서 이 사이트를 빌드한 `derivations` 패키지의 코드를 그대로 담는다. 모듈 하나가
# 셀 하나이고, 각 셀은 그 모듈로서 실행된다(이 페이지에서는 생략한다). 그 뒤의 셀들은 패키지를 설치했을
# 때처럼 모듈을 이름으로 불러온다.

# %% modules derivations.symbolic.optimizers derivations.numeric.optimizers derivations.numeric.training derivations.symbolic.momentum_minimum derivations.numeric.momentum_minimum

# %%
from derivations.problems import backprop_problem
from derivations.symbolic import optimizers as symbolic
from derivations.numeric import optimizers as numeric, training

problem = backprop_problem(example["inputs"], "the inputs cell")
x = [float(v) for v in problem.x]
weights = [float(v) for v in problem.weights]
targets = [float(v) for v in problem.targets]
for o in data["optimizers"]:
    print(f"{o['name']:17} {o['call']}")

# %% [markdown]
# ## Two steps each, exactly and in float64
#
# `symbolic.run` applies each rule with the hyperparameters as exact decimals ($0.001 = \tfrac{1}{1000}$)
# to the exact gradient $\partial E_{\mathrm{total}} / \partial W$; `training.steps_2_2_2` does the same in
# NumPy. $W_1$ after two steps, and the largest difference between the routes over all eight
# weights:

# %% [markdown] ko
# ## 각각 두 단계씩, 정확하게 그리고 float64로
#
# `symbolic.run`은 하이퍼파라미터를 정확한 소수로 두고($0.001 = \tfrac{1}{1000}$) 각 규칙을 정확한
# 기울기 $\partial E_{\mathrm{total}} / \partial W$에 적용한다. `training.steps_2_2_2`는 같은 일을 NumPy로 한다.
# 두 단계 뒤의 $W_1$, 그리고 가중치 여덟 개 전체에서 두 경로의 가장 큰 차이:

# %%
for o in data["optimizers"]:
    exact = symbolic.run(o["key"], o["hyperparameters"], problem, steps=2)
    fast = training.steps_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]),
                                x, weights, targets, steps=2)
    gap = max(abs(float(exact[1].weights[w]) - fast[1].weights[i])
              for i, w in enumerate(symbolic.WEIGHTS))
    w1 = float(exact[1].weights[symbolic.WEIGHTS[0]])
    print(f"{o['name']:17} W1 {w1:.8f}  largest gap {gap:.1e}")

# %% [markdown]
# ## Adam's epsilon
#
# Keras' Adam puts its $\epsilon$ where Kingma and Ba's $\hat{\epsilon}$ goes. SymPy solves for
# the $\hat{\epsilon}$ that makes Keras' step equal to the paper's:

# %% [markdown] ko
# ## 아담의 epsilon
#
# Keras의 Adam은 자신의 $\epsilon$을 Kingma와 Ba의 $\hat{\epsilon}$ 자리에 둔다. SymPy가 Keras의
# 걸음을 논문의 걸음과 같게 만드는 $\hat{\epsilon}$을 푼다.

# %%
symbolic.adam_epsilon_hat()

# %% [markdown]
# ## Training runs
#
# Each optimizer trains the 2-2-2 example from the same weights; the table counts the updates until
# $E_{\mathrm{total}}$ falls below the threshold in the data file.

# %% [markdown] ko
# ## 학습 실행
#
# 각 옵티마이저가 같은 가중치에서 2-2-2 예제를 학습시킨다. 표는 $E_{\mathrm{total}}$이 데이터 파일의 문턱값
# 아래로 떨어질 때까지의 갱신 횟수를 센다.

# %%
settings = data["training_2_2_2"]
for o in data["optimizers"]:
    errors = training.train_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]),
                                  x, weights, targets, settings["iterations"])
    reached = training.first_below(errors, settings["threshold"])
    print(f"{o['name']:17} E_total < {settings['threshold']:g} after {reached} iterations")

# %% [markdown]
# ## Epochs, batch size, iterations
#
# §3.5 divides the number of samples by the batch size to get the updates per epoch; its numbers
# divide exactly. Where they do not, this project rounds up: the last, smaller batch is one more
# update. Both routes, and the note's three `model.fit` calls:

# %% [markdown] ko
# ## 에포크, 배치 크기, 이터레이션
#
# §3.5는 샘플 수를 배치 크기로 나누어 에포크당 갱신 횟수를 얻는다. 그 수들은 나누어떨어진다.
# 나누어떨어지지 않을 때 이 프로젝트는 올림을 한다. 마지막의 더 작은 배치도 갱신 한 번이기 때문이다.
# 두 경로, 그리고 노트의 `model.fit` 호출 세 가지:

# %%
printed = {p["name"]: p["value"] for p in data["printed"]}
samples = int(printed["samples"].replace(",", ""))
batch = int(printed["batch_size"])
print(symbolic.iterations_per_epoch(samples, batch), training.iterations_per_epoch(samples, batch),
      "- the note prints", printed["iterations"])
for call in data["fit_calls"]:
    size = samples if call["batch_size"] == "all" else call["batch_size"]
    print(f"{call['name']:34} batch size {size:5}: "
          f"{training.iterations_per_epoch(samples, size):5} updates per epoch")

# %% [markdown]
# ## Momentum and a local minimum
#
# $f$ has a shallow and a deep minimum. Plain gradient descent from 2 stops in the shallow one;
# momentum from 2 carries through to the deep one; momentum from 1.6 does not. Each run at 50 digits
# (SymPy, mpmath) and in float64 (NumPy's Keras SGD), compared at every step.

# %% [markdown] ko
# ## 모멘텀과 로컬 미니멈
#
# $f$에는 얕은 극소와 깊은 극소가 있다. 2에서 출발한 보통의 경사 하강법은 얕은 극소에서 멈추고,
# 2에서 출발한 모멘텀은 깊은 극소까지 넘어가며, 1.6에서 출발한 모멘텀은 넘어가지 못한다. 각 실행을
# 50자리(SymPy, mpmath)와 float64(NumPy의 Keras SGD)로 계산하여 단계마다 비교한다.

# %% inputs momentum momentum function settings runs.name runs.start runs.momentum
# The function, the note's Keras settings and the three runs, from derivations/problems/momentum.toml.

# %%
from derivations.symbolic import momentum_minimum as mm_symbolic
from derivations.numeric import momentum_minimum as mm_numeric

f = mm_symbolic.polynomial(momentum["function"]["coefficients"])
for c in mm_symbolic.critical_points(f):
    print(f"{c.kind:8} at x = {float(c.at):+.8f}, f = {float(c.value):+.8f}")
s = momentum["settings"]
for r in momentum["runs"]:
    mu = s["momentum"] if r["momentum"] else 0
    exact = mm_symbolic.run(f, r["start"], s["learning_rate"], mu, s["steps"])
    floats = mm_numeric.run(momentum["function"]["coefficients"], r["start"], s["learning_rate"], mu, s["steps"])
    gap = max(abs(float(e) - x) for e, x in zip(exact, floats))
    print(f"{r['name']:24} x_{s['steps']} = {float(exact[-1]):+.8f}, leftmost {float(min(exact)):+.8f}, "
          f"NumPy gap {gap:.1e}")

# %% [markdown]
# # The perceptron, by hand and by machine
#
# This notebook reproduces the numbers of the [perceptron chapter](../../perceptron/): the gates,
# the proof that one perceptron cannot compute XOR, the update problem of `004_3b2490ffcdfbdb28.txt`
# finished, and training on AND, OR and XOR. Each result is computed exactly with SymPy and in
# float64 with NumPy, and the two are compared. Change the numbers in the first code cell and run it
# again.
#
# A perceptron computes $s = w_1 x_1 + w_2 x_2 + b$ and outputs a step of $s$.

# %% [markdown] ko
# # 퍼셉트론, 손으로 그리고 기계로
#
# 이 노트북은 [퍼셉트론 장](../../perceptron/)의 숫자들을 재현한다. 게이트, 퍼셉트론 하나로는 XOR을
# 계산할 수 없다는 증명, 끝까지 푼 `004_3b2490ffcdfbdb28.txt`의 갱신 문제, 그리고 AND, OR, XOR에 대한
# 학습이다. 각 결과는 SymPy로 정확하게, NumPy의 float64로 한 번씩 계산해 서로 비교한다. 첫 번째 코드
# 셀의 숫자를 바꾸고 다시 실행해 보라.
#
# 퍼셉트론(perceptron)은 $s = w_1 x_1 + w_2 x_2 + b$를 계산하고 $s$의 계단 함수 값을 출력한다.

# %% inputs data perceptron gates.gate gates.weights xor_network worked_problem training
# The notes' gate weights, the unfinished problem of 004_… and the
# training settings, from derivations/problems/perceptron.toml.

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% [markdown] ko
# 내려받은 노트북에는 이어서 이 사이트를 빌드한 그대로의 `derivations` 패키지 코드가 들어 있다.
# 모듈마다 셀 하나이며, 각 셀은 그 모듈로서 실행된다(이 페이지에서는 생략한다). 그 뒤의 셀들은
# 패키지를 설치했을 때처럼 모듈을 이름으로 가져온다.

# %% modules derivations.symbolic.perceptron derivations.numeric.perceptron derivations.symbolic.logistic derivations.numeric.logistic derivations.symbolic.plane derivations.numeric.plane

# %%
from derivations.symbolic import perceptron as symbolic
from derivations.numeric import perceptron as numeric

for gate in data["gates"]:
    exact = symbolic.truth_table(gate["weights"])
    floats = tuple(int(v) for v in numeric.perceptron(numeric.INPUTS, gate["weights"]))
    logic = symbolic.gate_truth(gate["gate"])
    print(f"{gate['gate']:5} {str(gate['weights']):18} {exact}  NumPy {'agrees' if floats == exact else floats}"
          f", {'is' if exact == logic else 'is NOT'} {gate['gate']}")

# %% [markdown]
# ## XOR: the four conditions contradict each other
#
# Fourier–Motzkin elimination removes $w_1$, $w_2$, $b$ in turn. What is left for XOR is a false
# inequality, a sum of the four conditions; for AND it finds weights.

# %% [markdown] ko
# ## XOR: 네 조건은 서로 모순이다
#
# 푸리에–모츠킨 소거법(Fourier–Motzkin elimination)은 $w_1$, $w_2$, $b$를 차례로 없앤다. XOR에 대해
# 남는 것은 거짓인 부등식, 곧 네 조건의 합이다. AND에 대해서는 가중치를 찾아낸다.

# %%
for gate in ["XOR", "AND"]:
    result = symbolic.fourier_motzkin(symbolic.gate_conditions(symbolic.gate_truth(gate)))
    if result.feasible:
        print(gate, "feasible, e.g.", result.witness)
    else:
        print(gate, "infeasible:", result.certificate.latex(), "= sum of conditions with multipliers",
              result.certificate.multipliers)

# %% [markdown]
# ## The unfinished problem of `004_…`
#
# The inputs $w(0)$, $b(0)$, $x$, $t$ and $\eta$ are the `worked_problem` of the first code cell.
# The update $w_i \leftarrow w_i + \eta\,(t - y)\,x_i$ is applied with the linear output $y = s$
# (the delta rule) and with the $\pm 1$ step $y = \tau(s)$ (the perceptron rule).

# %% [markdown] ko
# ## `004_…`가 풀다 만 문제
#
# 입력 $w(0)$, $b(0)$, $x$, $t$, $\eta$는 첫 번째 코드 셀의 `worked_problem`이다. 갱신
# $w_i \leftarrow w_i + \eta\,(t - y)\,x_i$를 선형 출력 $y = s$(델타 규칙)와 $\pm 1$ 계단
# $y = \tau(s)$(퍼셉트론 규칙)로 각각 적용한다.

# %%
p = data["worked_problem"]
exact = symbolic.worked_problem(p["w0"], p["b0"], p["x"], p["t"], p["learning_rate"])
floats = {"delta": numeric.delta_rule(p["w0"], p["b0"], p["x"], p["t"], p["learning_rate"]),
          "perceptron": numeric.perceptron_rule(p["w0"], p["b0"], p["x"], p["t"], p["learning_rate"])}
for rule, w in floats.items():
    e = exact[rule]
    print(f"{rule:10} y = {float(e['y'])}, t - y = {float(e['t_minus_y'])}")
    print(f"{'':10} w(1) = ({float(e['w1'])}, {float(e['w2'])}), b(1) = {float(e['b'])}; NumPy {w}")

# %% [markdown]
# ## Training
#
# Perceptron learning from the `training` start of the first code cell; AND and OR converge, XOR runs
# into the epoch limit with its weights cycling.

# %% [markdown] ko
# ## 학습
#
# 첫 번째 코드 셀의 `training` 시작값에서 출발하는 퍼셉트론 학습이다. AND와 OR은 수렴하고, XOR은
# 가중치가 순환하는 채로 에포크(epoch) 한도에 이른다.

# %%
tr = data["training"]
for gate in tr["gates"]:
    truth = symbolic.gate_truth(gate)
    exact = symbolic.train(truth, tr["start"], tr["learning_rate"], tr["order"], tr["max_epochs"])
    floats = numeric.train(numeric.INPUTS, truth, tr["start"], tr["learning_rate"], tr["max_epochs"])
    same = all(tuple(map(float, e[-1])) == tuple(f) for e, f in zip(exact.epochs, floats.weights))
    print(f"{gate:4} {len(exact.epochs):2} epochs, converged {exact.converged}, cycle {exact.cycle}, "
          f"final {[float(v) for v in exact.epochs[-1][-1]]}")
    print(f"     SymPy == NumPy every epoch: {same}")

# %% [markdown]
# ## A sigmoid instead of a step: logistic regression
#
# With $\sigma$ in place of the step the neuron is logistic regression. SymPy derives the binary
# cross-entropy gradient, $(\sigma(z) - y)\,x_i$, and both routes take one step on the point below.

# %% [markdown] ko
# ## 계단 대신 시그모이드: 로지스틱 회귀
#
# 계단 자리에 $\sigma$를 넣으면 이 뉴런은 로지스틱 회귀(logistic regression)이다. SymPy는 이진 크로스
# 엔트로피의 기울기 $(\sigma(z) - y)\,x_i$를 유도하고, 두 경로가 모두 아래의 점에서 한 단계를 밟는다.

# %% inputs logistic logistic example
# One labelled point, weights and a learning rate, from derivations/problems/logistic.toml.

# %%
import sympy as sp
from derivations.symbolic import logistic as logistic_symbolic
from derivations.numeric import logistic as logistic_numeric

form = logistic_symbolic.closed_form()  # raises unless dL/dw_i simplifies to this
print({str(v): str(g) for v, g in form.items()})
e = logistic["example"]
rational = lambda v: [sp.Rational(repr(a)) for a in v] if isinstance(v, list) else sp.Rational(repr(v))
exact = logistic_symbolic.step(*[rational(e[k]) for k in ("x", "w", "b", "y", "learning_rate")])
w_new, b_new, p = logistic_numeric.gradient_step(e["x"], e["w"], e["b"], e["y"], e["learning_rate"])
print(f"p = {float(exact['p']):.8f} (NumPy {p:.8f})")
print(f"after: w = ({float(exact['w1']):.8f}, {float(exact['w2']):.8f}), b = {float(exact['b']):.8f}; "
      f"NumPy {w_new}, {b_new:.8f}")
print(f"loss {float(exact['loss']):.8f} -> {float(exact['loss_new']):.8f}")

# %% [markdown]
# ## The perceptron as geometry
#
# The [geometry page](../../perceptron_geometry/): a threshold $\theta$ and a bias $b = -\theta$
# decide alike; $n$-input AND and OR are hyperplanes, checked on all $2^n$ corners of the cube; and
# the XOR network's hidden layer moves the four points, stage by stage, until one line separates
# them.

# %% [markdown] ko
# ## 기하로 보는 퍼셉트론
#
# [기하 페이지](../../perceptron_geometry/): 임계치 $\theta$와 편향 $b = -\theta$는 같은 결정을 내린다.
# $n$입력 AND와 OR은 초평면이며, 정육면체의 $2^n$개 꼭짓점 모두에서 확인한다. 그리고 XOR 신경망의
# 은닉층은 직선 하나로 나눌 수 있을 때까지 네 점을 단계별로 옮긴다.

# %% inputs plane plane hyperplane.inputs hyperplane.AND hyperplane.OR
# Our n-input gates: every weight `weight`, the bias
# bias_per_input·n + bias_offset (derivations/problems/plane.toml).

# %%
from derivations.symbolic import plane as plane_symbolic
from derivations.numeric import plane as plane_numeric

for gate in data["gates"]:
    w, b = gate["weights"][:2], gate["weights"][2]
    exact = [(plane_symbolic.by_threshold(w, -b, p), plane_symbolic.by_bias(w, b, p)) for p in symbolic.INPUTS]
    floats = list(zip(plane_numeric.by_threshold(w, -b, numeric.INPUTS), plane_numeric.by_bias(w, b, numeric.INPUTS)))
    print(f"{gate['gate']:5} theta = {-b:5}: w.x >= theta and w.x + b >= 0 agree: "
          f"{all(t == u for t, u in exact)}; NumPy the same: {exact == floats}")

# %%
for n in plane["hyperplane"]["inputs"]:
    for gate in plane_symbolic.N_GATES:
        weights, bias = plane_symbolic.gate_weights(plane["hyperplane"][gate], n)
        rows = plane_symbolic.gate_on_corners(gate, weights, bias)
        right = sum(r["y"] == r["want"] for r in rows)
        floats = plane_numeric.perceptron([float(v) for v in weights], float(bias), plane_numeric.corners(n))
        same = [int(v) for v in floats] == [r["y"] for r in rows]
        print(f"n = {n}  {gate:3}  b = {float(bias):5}  right on {right} of {len(rows)} corners; NumPy agrees: {same}")

# %% [markdown]
# The hidden layer of the XOR network, $h = \operatorname{step}(xW + b)$: each stage exactly, and
# the scale factors of $x \mapsto xW$ (one is 0: the matrix flattens the plane onto a line).

# %% [markdown] ko
# XOR 신경망의 은닉층 $h = \operatorname{step}(xW + b)$: 각 단계를 정확하게, 그리고 $x \mapsto xW$의
# 배율들(하나가 0이다: 이 행렬은 평면을 직선 위로 납작하게 만든다).

# %%
net = data["xor_network"]
W, b = plane_symbolic.layer(net["weights"], net["hidden"])
for row in plane_symbolic.hidden_map(W, b, symbolic.INPUTS):
    print(row["x"], "xW =", row["xW"], " xW + b =", row["xW+b"], " h =", row["h"],
          " output", symbolic.step(symbolic.weighted_sum(net["weights"][net["output"]], row["h"])))
print("det W =", W.det(), "  scale factors:", plane_symbolic.singular_values(W))
print("NumPy:", plane_numeric.hidden_map([[float(v) for v in r] for r in W.tolist()],
                                          [float(v) for v in b], numeric.INPUTS)["h"].tolist())

# %% [markdown]
# # Deep, dense and recurrent networks
#
# This notebook reproduces the numbers of the [deep, dense and recurrent networks](../../deep/)
# page: a tiny recurrence unrolled against the same network without its loop, a sum of sigmoids
# approaching a curve, and the tent map's pieces doubling with depth. Change the numbers in the
# first code cell and run it again.

# %% [markdown] ko
# # 심층 신경망, 전결합층, 순환 신경망
#
# 이 노트북은 [심층 신경망, 전결합층, 순환 신경망](../../deep/) 페이지의 수를 재현한다.
# 작은 순환을 고리가 없는 같은 신경망과 비교해 펼치고, 시그모이드의 합이 곡선에 다가가는 것과,
# 텐트 사상의 조각이 깊이에 따라 두 배씩 느는 것을 본다. 첫 코드 셀의 수를 바꾸고 다시 실행해 보라.

# %% inputs deep deep networks.name networks.widths networks.biases recurrence approximation.target approximation.interval approximation.units approximation.slope approximation.grid depth_width.depths
# The networks, the recurrence, the approximation settings and the depths, from
# derivations/problems/deep.toml.

# %% [markdown]
# The downloaded notebook continues with the `derivations` package's own code, as this site was
# built from it: one cell per module, each run as that module (this page leaves them out). The
# cells after them import the modules by name, as with the package installed.

# %% [markdown] ko
# 내려받은 노트북은 이 사이트를 만든 그대로의 `derivations` 패키지 코드로 이어진다. 모듈마다 셀 하나이고,
# 각 셀은 그 모듈로서 실행된다(이 페이지에서는 생략한다). 그 뒤의 셀들은 패키지를 설치했을 때처럼 모듈을
# 이름으로 가져온다.

# %% modules derivations.symbolic.recurrence derivations.numeric.recurrence derivations.symbolic.approximation derivations.numeric.approximation derivations.symbolic.sawtooth derivations.numeric.sawtooth

# %% [markdown]
# ## Deep networks and fully-connected layers
#
# Deep (002 §1.3): two or more hidden layers. A fully-connected layer has one weight per pair
# (input, neuron).

# %% [markdown] ko
# ## 심층 신경망과 전결합층
#
# 깊다는 것(002 §1.3): 은닉층이 두 개 이상이다. 전결합층은 (입력, 뉴런)의 쌍마다 가중치가 하나다.

# %%
for net in deep["networks"]:
    w = net["widths"]
    weights = sum(a * b for a, b in zip(w, w[1:]))
    biases = sum(w[1:]) if net["biases"] else 0   # the 2-2-2 example has none
    print(f"{net['name']:36} {'-'.join(map(str, w)):8} hidden {len(w) - 2}, deep by 002: "
          f"{len(w) - 2 >= 2!s:5}, weights {weights:3}, biases {biases:3}")

# %% [markdown]
# ## Feed-forward against recurrent
#
# $h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)$; the feed-forward network is the same with
# $W_{hh} = 0$. Exactly (SymPy) and in float64 (NumPy), with $\partial h_t / \partial x_1$.

# %% [markdown] ko
# ## 피드 포워드 대 순환
#
# $h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)$이고, 피드 포워드 신경망은 $W_{hh} = 0$인 같은 신경망이다.
# 정확하게(SymPy) 그리고 float64로(NumPy), $\partial h_t / \partial x_1$과 함께 계산한다.

# %%
import numpy as np
import sympy as sp
from derivations.symbolic import recurrence as rs
from derivations.numeric import recurrence as rn

r = deep["recurrence"]
for loop in (True, False):
    W_hh = r["W_hh"] if loop else np.zeros(np.shape(r["W_hh"]))
    exact = rs.unroll(rs.matrix(r["W_xh"]), rs.matrix(W_hh), rs.column(r["b"]), rs.column(r["h0"]),
                      [sp.Rational(str(x)) for x in r["xs"]])
    floats = rn.unroll(r["W_xh"], W_hh, r["b"], r["h0"], r["xs"])
    reach = rn.reach(r["W_xh"], W_hh, r["b"], r["h0"], r["xs"])
    print("recurrent" if loop else "feed-forward")
    for t, (h, f, d) in enumerate(zip(exact, floats, reach), start=1):
        print(f"  t = {t}: h = {[f'{float(sp.N(v, 30)):+.8f}' for v in h]}, NumPy gap "
              f"{max(abs(float(sp.N(v, 30)) - x) for v, x in zip(h, f)):.0e}, dh/dx1 = {np.round(d, 8)}")

# %% [markdown]
# ## Universal approximation, shown
#
# $n$ sigmoid units, one per piece of the interval, each weighted by the rise of $f$ across it.
# The largest error over the grid, in ball arithmetic (certain) and in NumPy.

# %% [markdown] ko
# ## 범용적 근사, 보여 주기
#
# 구간의 조각마다 하나씩, 조각 위에서 $f$가 올라간 양을 가중치로 가진 시그모이드 유닛 $n$개.
# 격자 위의 가장 큰 오차를 볼 산술(확실한 값)과 NumPy로 구한다.

# %%
from derivations.symbolic import approximation as asym
from derivations.numeric import approximation as anum

s = deep["approximation"]
f = sp.sympify(s["target"], locals={"x": asym.x})
a, b = s["interval"]
g = sp.lambdify(asym.x, f, "numpy")
where = asym.grid(a, b, s["grid"])
for n in s["units"]:
    balls = asym.errors(f, asym.units(a, b, n, s["slope"]), where)
    largest = max(float(ball.mid()) for ball in balls)
    print(f"n = {n:3}: largest error {largest:.8f}, NumPy {anum.max_error(g, a, b, n, s['slope'], s['grid'])[0]:.8f}")

# %% [markdown]
# ## Depth against width
#
# The tent map $T(x) = 2\,\mathrm{relu}(x) - 4\,\mathrm{relu}(x - 1/2)$ composed $k$ times: $2k$
# units in $k$ layers, $2^k$ linear pieces; one hidden layer needs at least $2^k - 1$ units.

# %% [markdown] ko
# ## 깊이 대 폭
#
# 텐트 사상 $T(x) = 2\,\mathrm{relu}(x) - 4\,\mathrm{relu}(x - 1/2)$를 $k$번 합성하면, $k$개의 층에 유닛 $2k$개로
# 선형 조각이 $2^k$개다. 은닉층 하나로는 적어도 $2^k - 1$개의 유닛이 필요하다.

# %%
from derivations.symbolic import sawtooth as ts
from derivations.numeric import sawtooth as tn

for k in deep["depth_width"]["depths"]:
    g_k = ts.iterate(k)
    print(f"k = {k}: deep units {2 * k:2}, pieces exact {len(ts.pieces(g_k)):3}, "
          f"NumPy {tn.pieces_of_deep(k):3}, one hidden layer needs >= {len(ts.pieces(g_k)) - 1}")

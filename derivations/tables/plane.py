"""Tables and figures of the perceptron as geometry (``docs/perceptron_geometry.md``): the notes'
claims about the perceptron, one neuron as an activation of a weighted sum, the threshold moved
into a bias, the 3-input AND's plane and n-input hyperplanes, the XOR network's hidden layer as a
map of the plane, and the notes' slips.

Values come from :mod:`derivations.symbolic.plane` (exact rationals) beside
:mod:`derivations.numeric.plane` (float64); the weights are ``derivations/problems/perceptron.toml``'s,
the n-input gates and the claims ``derivations/problems/plane.toml``'s.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.numeric import logistic as num_logistic
from derivations.numeric import perceptron as num_perceptron
from derivations.numeric import plane as numeric
from derivations.problems import data_file, errata, exact_list
from derivations.symbolic import logistic as sym_logistic
from derivations.symbolic import perceptron as sym_perceptron
from derivations.symbolic import plane as symbolic
from derivations.tables.common import AGREEMENT, agreement, check, fixed, math, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import both, localized, tr
from derivations.tables.perceptron import q, tuple_text, weights_text
from derivations.tables.scripts import shown

CHAPTER = "plane"
"""The data file read, and the folder under ``docs/generated/`` and ``docs_src/`` used."""


def generate() -> dict[str, str]:
    data, gates = data_file(CHAPTER), data_file("perceptron")
    files = {
        "claims.md": claims_table(data),
        "neuron.md": neuron_table(gates),
        "threshold_bias.md": threshold_bias_table(gates),
        "hyperplane.md": hyperplane_table(data),
        "two_inputs.md": two_input_table(),
        "and3_plane.md": plane_corners_table(data),
        "and3.svg": and3_svg(data),
        "xor_layer.md": xor_layer_table(gates),
        "xor_map.md": xor_map_table(gates),
        "xor_map.svg": xor_map_svg(gates),
        "numpy_plane.md": shown(CHAPTER, "numpy_plane"),
        "errata.md": errata_list(data, gates),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def gate_sets(gates: dict) -> list[tuple[str, tuple]]:
    """perceptron.toml's weight sets, [w1, w2, b], exact."""
    return [(g["gate"], exact_list(g, "weights", 3)) for g in gates["gates"]]


# --- Rosenblatt's perceptron and the neuron analogy ---------------------------------------------

VERDICTS = {"shown": "shown here", "partly": "partly true", "claim": "a claim (not computable)"}


def claims_table(data: dict) -> str:
    """The notes' sentences as printed (with an English gloss on the English page), a verdict, and
    what is and is not true about each."""
    rows = []
    for c in data["claims"]:
        said = c["printed"] + (f" {math(c['formula'])}" if "formula" in c else "")
        rows.append((f"`{c['source']}` {c['section']}", said + both(f"<br>*{c['english']}*", ""),
                     tr(VERDICTS[c["verdict"]]), localized(c, "truth", f"{CHAPTER}.toml")))
    return table([tr("where"), tr("the note says"), tr("verdict"), tr("what is and is not true")], rows)


def neuron_rows(weights) -> list[dict]:
    """One neuron on the four inputs: s = w1 x1 + w2 x2 + b, then the step (the perceptron) and
    the sigmoid (logistic regression) of the same s; exact and float64."""
    rows = []
    for point, x in zip(sym_perceptron.INPUTS, num_perceptron.INPUTS):
        s = sym_perceptron.weighted_sum(weights, point)
        s_float = float(x @ np.array(weights[:2], dtype=float) + float(weights[2]))
        rows.append({"x": point, "s": s, "step": sym_perceptron.step(s),
                     "step_np": int(num_perceptron.step(s_float)),
                     "sigma": sp.N(sym_logistic.sigmoid(s), 50),
                     "sigma_np": float(num_logistic.sigmoid(s_float))})
    return rows


def neuron_table(gates: dict) -> str:
    gate, weights = gate_sets(gates)[0]
    rows = [(tuple_text(r["x"]), q(r["s"]), f"{r['step']} {check(r['step'] == r['step_np'])}",
             fixed(r["sigma"]), f"{r['sigma_np']:.8f}", agreement(r["sigma"], r["sigma_np"]))
            for r in neuron_rows(weights)]
    header = ["x", "s = w1·x1 + w2·x2 + b", "step(s), NumPy ✓", "σ(s) SymPy", "σ(s) NumPy", tr("gap")]
    return (tr("{gate}, the note's first weight set $[w_1, w_2, b]$ = {weights}:", gate=gate,
               weights=weights_text(weights)) + "\n\n" + table(header, rows, "lrcrrc"))


# --- The threshold moved into a bias ------------------------------------------------------------

def threshold_bias_rows(gates: dict) -> list[dict]:
    """Each weight set as θ = −b: both forms under ≥ and under >, exactly and in NumPy."""
    rows = []
    x_float = num_perceptron.INPUTS
    for gate, weights in gate_sets(gates):
        w, bias = weights[:2], weights[2]
        theta = -bias
        row = {"gate": gate, "w": w, "theta": theta, "b": bias,
               "dots": [symbolic.dot(w, p) for p in sym_perceptron.INPUTS]}
        for strict in (False, True):
            key = ">" if strict else ">="
            row[f"threshold{key}"] = tuple(symbolic.by_threshold(w, theta, p, strict) for p in sym_perceptron.INPUTS)
            row[f"bias{key}"] = tuple(symbolic.by_bias(w, bias, p, strict) for p in sym_perceptron.INPUTS)
        w_f = np.array(w, dtype=float)
        row["numpy>="] = (tuple(numeric.by_threshold(w_f, float(theta), x_float)),
                          tuple(numeric.by_bias(w_f, float(bias), x_float)))
        rows.append(row)
    return rows


def threshold_bias_table(gates: dict) -> str:
    out = []
    for r in threshold_bias_rows(gates):
        same = (r["threshold>="] == r["bias>="] == r["numpy>="][0] == r["numpy>="][1]
                and r["threshold>"] == r["bias>"])
        out.append((r["gate"], weights_text(r["w"]), q(r["theta"]), q(r["b"]),
                    ", ".join(q(v) for v in r["dots"]), tuple_text(r["threshold>="]),
                    tuple_text(r["bias>="]), f"{tuple_text(r['numpy>='][0])}, {tuple_text(r['numpy>='][1])}",
                    f"{tuple_text(r['threshold>'])}, {tuple_text(r['bias>'])}", check(same)))
    header = [tr("gate"), "[w1, w2]", "θ", "b = −θ", tr("w·x on the four inputs"), "w·x ≥ θ", "w·x + b ≥ 0",
              tr("NumPy, both forms"), tr("with >: both forms"), tr("same")]
    return table(header, out, "llrrlllllc")


# --- Planes and hyperplanes ---------------------------------------------------------------------

def hyperplane_rows(data: dict) -> list[dict]:
    h = data["hyperplane"]
    rows = []
    for n in h["inputs"]:
        for gate in symbolic.N_GATES:
            weights, bias = symbolic.gate_weights(h[gate], n)
            exact_rows = symbolic.gate_on_corners(gate, weights, bias)
            x = numeric.corners(n)
            outputs = numeric.perceptron(np.array(weights, dtype=float), float(bias), x)
            wanted = np.array([r["want"] for r in exact_rows])
            rows.append({"n": n, "gate": gate, "weights": weights, "bias": bias,
                         "right": sum(r["y"] == r["want"] for r in exact_rows),
                         "right_np": int(np.sum(outputs == wanted)), "corners": len(exact_rows),
                         "margin": symbolic.margin(exact_rows)})
    return rows


def hyperplane_table(data: dict) -> str:
    rows = []
    for r in hyperplane_rows(data):
        inputs = (" + ".join(f"x_{{{i}}}" for i in range(1, r["n"] + 1)) if r["n"] <= 3
                  else f"x_{{1}} + \\dots + x_{{{r['n']}}}")
        plane = f"{q(r['weights'][0])} \\cdot ({inputs}) {'-' if r['bias'] < 0 else '+'} {q(abs(r['bias']))} = 0"
        right = check(r["right"] == r["corners"] and r["right_np"] == r["right"])
        rows.append((r["n"], r["gate"], math(plane), r["corners"], f"{r['right']}, {r['right_np']} {right}",
                     q(r["margin"])))
    header = ["n", tr("gate"), tr("hyperplane wᵀx + b = 0"), tr("corners, 2ⁿ"), tr("right: SymPy, NumPy"),
              tr("nearest corner's s, in size")]
    return table(header, rows, "rlcrrr")


def two_input_table() -> str:
    rows = []
    for truth, feasible, weights in symbolic.two_input_functions():
        rows.append((tuple_text(truth), tr("yes") if feasible else f"**{tr('no')}**",
                     weights_text(weights) if weights else tr("none exist (the XOR proof)")))
    found = sum(f for _, f, _ in symbolic.two_input_functions())
    return (table([tr("output on (0,0), (0,1), (1,0), (1,1)"), tr("one line?"), tr("weights found [w1, w2, b]")],
                  rows, "lcl")
            + "\n" + tr("{found} of {total} functions of two inputs are linearly separable.", found=found,
                        total=len(rows)) + "\n")


def plane_vertices(weights, bias) -> list[tuple]:
    """Where the plane wᵀx + b = 0 crosses the edges of the unit cube, exactly."""
    cube = symbolic.corners(len(weights))
    points = set()
    for i, a in enumerate(cube):
        for c in cube[i + 1:]:
            if sum(u != v for u, v in zip(a, c)) == 1:
                sa, sc = (symbolic.dot(weights, p) + bias for p in (a, c))
                if sa * sc < 0:
                    t = sa / (sa - sc)
                    points.add(tuple(u + t * (v - u) for u, v in zip(a, c)))
    return sorted(points)


def plane_corners_table(data: dict) -> str:
    n = data["hyperplane"]["plane_inputs"]
    weights, bias = symbolic.gate_weights(data["hyperplane"]["AND"], n)
    vertices = plane_vertices(weights, bias)
    drawn = numeric.plane_in_cube(np.array(weights, dtype=float), float(bias))
    matched = all(np.min(np.abs(drawn - np.array(v, dtype=float)).sum(axis=1)) < 1e-12 for v in vertices)
    rows = [(tuple_text(q(c) for c in v), q(symbolic.dot(weights, v) + bias)) for v in vertices]
    return (table([tr("where the plane cuts an edge of the cube (SymPy)"), tr("wᵀx + b there")], rows, "lc")
            + "\n" + tr("The figure's polygon (NumPy) has these {count} corners: {check}", count=len(drawn),
                        check=check(matched and len(drawn) == len(vertices))) + "\n")


PLANE_COLOUR, ONE_COLOUR, ZERO_COLOUR = "#7048e8", "#e8590c", "#1c7ed6"
"""Mid-tone violet, orange and blue: readable on a white page and on Material's near-black one."""


def and3_svg(data: dict) -> str:
    """The unit cube's eight corners, orange where the 3-input AND outputs 1, blue where 0, and
    the plane wᵀx + b = 0 where it cuts the cube."""
    n = data["hyperplane"]["plane_inputs"]
    weights, bias = symbolic.gate_weights(data["hyperplane"]["AND"], n)
    w, b = np.array(weights, dtype=float), float(bias)
    cube = numeric.corners(n)
    out = numeric.perceptron(w, b, cube)
    polygon = numeric.plane_in_cube(w, b)

    def draw(ax):
        from mpl_toolkits.mplot3d.art3d import Poly3DCollection

        fig = ax.figure
        ax.remove()
        ax = fig.add_subplot(projection="3d")
        for i, a in enumerate(cube):                       # the cube's edges
            for c in cube[i + 1:]:
                if np.sum(a != c) == 1:
                    ax.plot(*zip(a, c), color="black", alpha=0.35, linewidth=1)
        ax.add_collection3d(Poly3DCollection([polygon], facecolor=PLANE_COLOUR, alpha=0.55,
                                             edgecolor=PLANE_COLOUR, linewidth=1.5))
        for value, colour, label in ((1, ONE_COLOUR, tr("output 1")), (0, ZERO_COLOUR, tr("output 0"))):
            pts = cube[out == value]
            ax.scatter(*pts.T, s=60, color=colour, depthshade=False, label=label, gid=f"corners-{value}")
        for p in cube:
            ax.text(p[0], p[1], p[2] + 0.07, "".join(str(int(v)) for v in p), fontsize=8, ha="center")
        ax.set_xlabel("x1"), ax.set_ylabel("x2"), ax.set_zlabel("x3")
        ax.set_xticks([0, 1]), ax.set_yticks([0, 1]), ax.set_zticks([0, 1])
        ax.view_init(elev=22, azim=25)
        ax.set_box_aspect((1, 1, 1))
        ax.xaxis.pane.fill = ax.yaxis.pane.fill = ax.zaxis.pane.fill = False
        ax.legend(loc="upper left", frameon=False, fontsize=9)
        ax.set_title(f"x1 + x2 + x3 = {q(-bias)}", fontsize=10)

    return svg_figure(draw, (4.6, 4.4))


# --- The XOR network's hidden layer as a map of the plane ---------------------------------------

def xor_network(gates: dict):
    net = gates["xor_network"]
    weights = {g: exact_list(net["weights"], g, 3) for g in net["weights"]}
    W, b = symbolic.layer(weights, net["hidden"])
    return net, weights, W, b


def xor_map_rows(gates: dict) -> list[dict]:
    """The four inputs through the hidden layer, stage by stage (SymPy), the NumPy stages beside
    them, and the output unit's weighted sum and output."""
    net, weights, W, b = xor_network(gates)
    exact_rows = symbolic.hidden_map(W, b, sym_perceptron.INPUTS)
    floats = numeric.hidden_map(np.array(W.tolist(), dtype=float), np.array(b.tolist(), dtype=float)[0],
                                num_perceptron.INPUTS)
    out = weights[net["output"]]
    for k, r in enumerate(exact_rows):
        r["s_out"] = sym_perceptron.weighted_sum(out, r["h"])
        r["y"] = sym_perceptron.step(r["s_out"])
        r["numpy"] = {stage: tuple(floats[stage][k]) for stage in ("xW", "xW+b", "h")}
        r["agrees"] = all(abs(float(e) - f) < AGREEMENT for stage in ("xW", "xW+b", "h")
                          for e, f in zip(r[stage], r["numpy"][stage]))
    return exact_rows


def xor_map_table(gates: dict) -> str:
    rows = [(tuple_text(r["x"]), tuple_text(q(v) for v in r["xW"]), tuple_text(q(v) for v in r["xW+b"]),
             tuple_text(r["h"]), q(r["s_out"]), r["y"], check(r["agrees"]))
            for r in xor_map_rows(gates)]
    header = [tr("input x"), tr("after the matrix product xW"), tr("after the bias xW + b"), tr("after the step h"),
              tr("output unit's s"), "y", tr("NumPy, every stage")]
    return table(header, rows, "lllllcc")


def xor_layer_table(gates: dict) -> str:
    """W and b, and what the matrix product does: its determinant and scale factors, and the
    distance between (0, 1) and (1, 0) before and after it."""
    net, _, W, b = xor_network(gates)
    values = symbolic.singular_values(W)
    a, c = (sp.Matrix([p]) for p in ((0, 1), (1, 0)))
    before, after = (a - c).norm(), (a * W - c * W).norm()
    rows = [(tr("$W$ (column $j$: hidden unit $j$'s $w_1, w_2$)"), math(sp.latex(W))),
            ("$b$", math(sp.latex(b))),
            ("$\\det W$", math(sp.latex(W.det()))),
            (tr("scale factors of $x \\mapsto xW$ (singular values)"),
             ", ".join(math(sp.latex(v) if v.is_Rational else f"{sp.latex(v)} \\approx {fixed(sp.N(v, 50))}")
                       for v in values)),
            (tr("distance from (0, 1) to (1, 0), before"), math(sp.latex(before))),
            (tr("the same after $xW$"), math(sp.latex(after)))]
    hidden = ", ".join(f"$h_{i}$ = {g}" for i, g in enumerate(net["hidden"], start=1))
    return tr("Hidden layer: {units}.", units=hidden) + "\n\n" + table(["", tr("value")], rows, "ll")


PANELS = (("x", "input x"), ("xW", "after xW (matrix product)"), ("xW+b", "after + b (shift)"),
          ("h", "after the step (warp)"))


def xor_map_svg(gates: dict) -> str:
    """Four panels: a grid of the plane and the four inputs at each stage; in the last, the output
    unit's line from its weights. Orange: XOR outputs 1; blue: 0."""
    net, weights, W, b = xor_network(gates)
    W_f, b_f = np.array(W.tolist(), dtype=float), np.array(b.tolist(), dtype=float)[0]
    points = num_perceptron.INPUTS
    stages = {"x": points} | numeric.hidden_map(W_f, b_f, points)
    ticks = np.linspace(-0.5, 1.5, 9)
    grid = [np.column_stack([np.full(50, t), np.linspace(-0.5, 1.5, 50)]) for t in ticks]
    grid += [np.column_stack([np.linspace(-0.5, 1.5, 50), np.full(50, t)]) for t in ticks]
    truth = sym_perceptron.gate_truth("XOR")
    out_w = [float(v) for v in weights[net["output"]]]

    def through(line, stage):
        if stage == "x":
            return line
        mapped = numeric.hidden_map(W_f, b_f, line)[stage]
        return mapped

    def draw(*row):
        # Two by two, so each panel is as wide as half the page's column rather than a quarter.
        fig = row[0].figure
        for ax in row:
            ax.remove()
        axes = [fig.add_subplot(2, 2, k + 1) for k in range(len(PANELS))]
        for ax, (stage, title) in zip(axes, PANELS):
            for line in grid:
                mapped = through(line, stage)
                if stage == "h":
                    ax.scatter(*mapped.T, s=30, color="black", alpha=0.15, linewidths=0)
                else:
                    ax.plot(*mapped.T, color="black", alpha=0.2, linewidth=0.7)
            for k, (p, t) in enumerate(zip(stages[stage], truth)):
                ax.plot(*p, "o", markersize=8, color=ONE_COLOUR if t else ZERO_COLOUR, gid=f"{stage}-point-{k}")
            labels: dict[tuple, list[str]] = {}
            for p, x in zip(stages[stage], points):
                labels.setdefault(tuple(np.round(p, 12)), []).append(tuple_text(int(v) for v in x))
            for p, names in labels.items():
                ax.annotate(" ".join(names), p, xytext=(6, 6), textcoords="offset points", fontsize=8)
            ax.set_title(tr(title), fontsize=10)
            ax.set_aspect("equal")
            ax.axhline(0, color="black", linewidth=0.6), ax.axvline(0, color="black", linewidth=0.6)
            ax.set_xlabel("h1 (NAND)" if stage != "x" else "x1")
            ax.set_ylabel("h2 (OR)" if stage != "x" else "x2")
        last = axes[-1]
        xs = np.linspace(-0.5, 1.5, 2)
        last.plot(xs, -(out_w[0] * xs + out_w[2]) / out_w[1], color=PLANE_COLOUR, linewidth=2,
                  label=f"AND: {q(weights[net['output']][0])}·h1 + {q(weights[net['output']][1])}·h2 "
                        f"{'-' if out_w[2] < 0 else '+'} {q(abs(weights[net['output']][2]))} = 0")
        last.legend(loc="lower left", frameon=False, fontsize=8)
        for ax in axes:
            ax.set_xlim(-1.3, 1.6), ax.set_ylim(-1.3, 1.6)

    return svg_figure(draw, (7.6, 7.4), panels=len(PANELS), font_size=10)


# --- Slips ---------------------------------------------------------------------------------------

def errata_list(data: dict, gates: dict) -> str:
    """Each slip: what the note printed, what is derived, and why."""
    out = []
    sets = gate_sets(gates)
    explanations = {e["id"]: localized(e, "explanation", f"{CHAPTER}.toml") for e in data["errata"]}
    for e in errata(data):
        derived = _derived(e, data, gates, sets)
        extra = tr(", each with {formula}", formula=math(e.note_value)) if e.id == "same-formula-twice" else ""
        out.append(f"**`{e.source}` {e.section}**\n\n- *{tr('The note printed:')}* {e.printed}{extra}\n"
                   f"- *{tr('Derived:')}* {derived}\n- *{tr('Why:')}* {explanations[e.id]}\n")
    # A list per slip, not a table: four columns of sentences leave each one a few words wide.
    return "\n".join(out)


def _derived(e, data: dict, gates: dict, sets) -> str:
    if e.id == "perceptron-typos":
        term = next(t for t in data_file("glossary")["term"] if t["english"] == "perceptron")
        return tr("{term}, as the glossary writes it; {typos} are not words", term=term["korean"],
                  typos=", ".join(e.note_value.split(", ")))
    if e.id == "threshold-exceeds":
        w, point, theta = input_on_threshold(sets)
        return tr("the AND set {weights} has $\\theta$ = {theta} and $w \\cdot x$ = {dot} at {point}: "
                  "\"exceeds\" ($>$) gives {strict}, the formula ($\\geq$) gives {formula}",
                  weights=weights_text(w), theta=q(-w[2]), dot=q(theta), point=tuple_text(point),
                  strict=symbolic.by_threshold(w[:2], -w[2], point, True),
                  formula=symbolic.by_threshold(w[:2], -w[2], point))
    if e.id == "bias-as-input":
        s = sym_perceptron.s
        slope = {v: math(rf"\partial s / \partial {sp.latex(v)} = {sp.latex(sp.diff(s, v))}")
                 for v in (sym_perceptron.b, sym_perceptron.w1)}
        return tr("{s}: $b$ multiplies the input 1, as $w_1$ multiplies $x_1$: {slope_b}, {slope_w1}",
                  s=math("s = " + sp.latex(s)), slope_b=slope[sym_perceptron.b], slope_w1=slope[sym_perceptron.w1])
    if e.id == "same-formula-twice":
        gate, w = sets[0]
        r = neuron_rows(w)[-1]
        return tr("perceptron: step($s$); neuron of logistic regression: $\\sigma(s)$. {gate} {weights} at {x}: "
                  "$s$ = {s}, step($s$) = {step}, $\\sigma(s)$ = {sigma}", gate=gate, weights=weights_text(w),
                  x=tuple_text(r["x"]), s=q(r["s"]), step=r["step"], sigma=fixed(r["sigma"]))
    if e.id == "activation-nonlinear-relations":
        z = sp.Symbol("s", real=True)
        region = sp.solve_univariate_inequality(sym_logistic.sigmoid(z) > sp.Rational(1, 2), z, relational=False)
        xor = sym_perceptron.fourier_motzkin(sym_perceptron.gate_conditions(sym_perceptron.gate_truth("XOR")))
        return tr("$\\sigma(s) > 1/2$ exactly for $s \\in$ {region}, the step's own region; so a sigmoid neuron "
                  "read at 1/2 has the step's four XOR conditions, and they {verdict} (perceptron chapter)",
                  region=math(sp.latex(region)),
                  verdict=tr("have a solution") if xor.feasible else tr("contradict each other"))
    if e.id == "half-spaces-not-subspaces":
        gate, w = sets[0]
        sides = ", ".join(f"$s{tuple_text(q(c * v) for v in (1, 1))}$ = {q(sym_perceptron.weighted_sum(w, (c, c)))}"
                          for c in (1, 0, -1))
        return tr("{gate} {weights}: {sides}; only the first is on the 1-side", gate=gate,
                  weights=weights_text(w), sides=sides)
    if e.id == "bias-versus-threshold":
        gate, w = next((g, w) for g, w in sets if g == "OR")
        theta = -w[2]
        norm = sp.sqrt(sum(sym_perceptron.rational(v) ** 2 for v in w[:2]))
        return tr("{gate} with no bias and threshold $T$ = {T}: the line $w \\cdot x = T$ misses the origin "
                  "($w \\cdot 0 = 0 \\neq T$) by {distance}; it decides as the bias $b$ = {b} does (table above)",
                  gate=gate, T=q(theta), distance=math(sp.latex(sym_perceptron.rational(theta) / norm)), b=q(w[2]))
    if e.id == "matrix-product-rotation":
        _, _, W, _ = xor_network(gates)
        a, c = (sp.Matrix([p]) for p in ((0, 1), (1, 0)))
        return tr("$\\det W$ = {det}; (0, 1) and (1, 0), {distance} apart, both go to {image}; scale factors {factors}",
                  det=q(W.det()), distance=math(sp.latex((a - c).norm())), image=tuple_text(q(v) for v in a * W),
                  factors=", ".join(math(sp.latex(v)) for v in symbolic.singular_values(W)))
    if e.id == "hidden-layers-differentiable":
        slopes = xor_weight_slopes(gates)
        return tr("the XOR network's output on the four inputs, each of its {count} weights moved by ±10⁻⁶ (NumPy): "
                  "largest change {largest}, a slope of 0 in every weight", count=len(slopes), largest=f"{max(slopes):g}")
    raise KeyError(f"no rendering for erratum {e.id!r}")


def input_on_threshold(sets) -> tuple[tuple, tuple, sp.Rational]:
    """The first weight set with an input exactly on its threshold, w·x = θ = −b."""
    for _, w in sets:
        for point in sym_perceptron.INPUTS:
            if symbolic.dot(w[:2], point) == -sym_perceptron.rational(w[2]):
                return w, point, symbolic.dot(w[:2], point)
    raise ArithmeticError("no weight set puts an input on its threshold")


def xor_weight_slopes(gates: dict, h: float = 1e-6) -> list[float]:
    """For each of the XOR network's weights: the largest change of the output over the four
    inputs when that weight moves by ±h, divided by 2h (a central difference)."""
    net = gates["xor_network"]["weights"]
    names = {"nand": "NAND", "or_": "OR", "and_": "AND"}
    base = {k: np.array(net[v], dtype=float) for k, v in names.items()}
    slopes = []
    for key in base:
        for i in range(3):
            bump = np.eye(3)[i] * h
            up = num_perceptron.xor(num_perceptron.INPUTS, **(base | {key: base[key] + bump}))
            down = num_perceptron.xor(num_perceptron.INPUTS, **(base | {key: base[key] - bump}))
            slopes.append(float(np.max(np.abs(up - down)) / (2 * h)))
    return slopes

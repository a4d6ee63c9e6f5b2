"""Deep, dense and recurrent networks (docs/deep.md): the notes' networks counted, the recurrence
exact against NumPy and against finite differences, the notes' slips pinned."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from derivations.numeric import recurrence as numeric
from derivations.numeric.dense import Layer, loss_and_gradients, predict
from derivations.problems import data_file
from derivations.tables import deep as tables
from derivations.tables.language import resolve

DATA = data_file("deep")
ROOT = Path(__file__).resolve().parents[1]


def test_the_notes_networks_counted_by_hand():
    counted = {n["name"]: (tables.connections(n["widths"]), tables.dependencies(n["widths"])) for n in DATA["networks"]}
    assert counted["the 4-8-8-3 network"] == (4 * 8 + 8 * 8 + 8 * 3, 120)
    assert counted["XOR (AND, NAND, OR)"] == (2 * 2 + 2 * 1, 6)
    rows = resolve(tables.networks_table(DATA), "en").splitlines()[2:]
    deep = [r.split(" | ")[0].strip("| ") for r in rows if r.split(" | ")[3] == "yes"]
    assert deep == ["the 4-8-8-3 network"]


def test_biases_are_counted_only_where_the_note_gives_them():
    """002 §3.4's example leaves the biases out; the table's biases and parameters follow the data."""
    rows = {r.split(" | ")[0].strip("| "): r.strip("| ").split(" | ")
            for r in resolve(tables.networks_table(DATA), "en").splitlines()[2:]}
    for net in DATA["networks"]:
        weights, biases, parameters = map(int, rows[net["name"]][6:9])
        assert biases == (sum(net["widths"][1:]) if net["biases"] else 0)
        assert parameters == weights + biases and net["biases_source"].startswith(net["source"].split()[0])
    (bare,) = [n for n in DATA["networks"] if not n["biases"]]
    assert bare["name"] == "the 2-2-2 backpropagation example" and "편향 b를 고려하지 않는다" in bare["biases_source"]
    assert rows[bare["name"]][6:9] == [str(2 * 2 + 2 * 2), "0", str(2 * 2 + 2 * 2)]
    assert "biases" not in data_file("backprop_2_2_2")["inputs"]  # the example's own data has none either


def test_the_universal_quote_holds_the_notes_function_sentence_and_is_no_slip():
    """004 says the hidden layer approximates a function before it speaks of a space."""
    (q,) = [q for q in DATA["quotes"] if q["id"] == "universal"]
    sentences = [s for s in q["text"].split(". ") if s]
    assert len(sentences) == 3 and "함수의 근사" in sentences[1] and "공간을 근사화" in sentences[2]
    assert "gives it three sentences" in (ROOT / "docs" / "deep.md").read_text(encoding="utf-8")
    assert "세 문장으로" in (ROOT / "docs" / "deep.ko.md").read_text(encoding="utf-8")
    assert not any("공간을 근사화" in e["printed"] for e in DATA["errata"])


def test_recurrence_exact_and_numpy_agree():
    for loop in (True, False):
        exact, approx = tables.unrolled(DATA, loop)
        assert np.abs(np.array([[float(v) for v in h] for h in exact]) - approx).max() < 1e-12
        exact, approx = tables.reach(DATA, loop)
        assert np.abs(np.array([[float(v) for v in d] for d in exact]) - approx).max() < 1e-12


def test_first_step_by_hand():
    r = DATA["recurrence"]
    h1 = numeric.unroll(r["W_xh"], r["W_hh"], r["b"], r["h0"], r["xs"])[0]
    assert h1 == pytest.approx([math.tanh(0.5 * 1.0 + 0.1), math.tanh(-0.25 * 1.0 - 0.2)], abs=1e-15)


def test_reach_against_finite_differences():
    """∂h_t/∂x_1 by central differences of the forward pass alone, independent of both routes."""
    r, eps = DATA["recurrence"], 1e-6
    for W_hh in (r["W_hh"], np.zeros((2, 2))):
        up, down = list(r["xs"]), list(r["xs"])
        up[0] += eps
        down[0] -= eps
        fd = (numeric.unroll(r["W_xh"], W_hh, r["b"], r["h0"], up)
              - numeric.unroll(r["W_xh"], W_hh, r["b"], r["h0"], down)) / (2 * eps)
        assert np.abs(fd - numeric.reach(r["W_xh"], W_hh, r["b"], r["h0"], r["xs"])).max() < 1e-8


def test_without_the_loop_an_input_reaches_only_its_own_step():
    exact, _ = tables.reach(DATA, loop=False)
    assert all(v == 0 for d in exact[1:] for v in d)
    exact, _ = tables.reach(DATA, loop=True)
    assert all(v != 0 for v in exact[-1])


def test_the_diagram_draws_the_loop_and_its_unrolling():
    svg = (ROOT / "docs" / "generated" / "deep" / "loops.svg").read_text(encoding="utf-8")
    # 16 nodes: x, h, y twice, h_0, and x_t, h_t, y_t for three steps; the hidden ones blue
    assert svg.count("<use ") == 16 and svg.count("stroke: #3b8fd9") == 6
    assert "#e0803a" in svg          # the recurrent arrows, in their own colour
    for word in ("feed-forward", "recurrent", "unrolled"):
        assert word in svg


def test_the_sites_networks_are_deterministic_as_the_page_says():
    """004 also names deterministic and stochastic networks; the page says what they are, with the
    glossary's terms, and that the site's are all deterministic: the same input through a network
    gives the same output, bit for bit, whatever the random state in between (a stochastic one
    would sample)."""
    english = (ROOT / "docs" / "deep.md").read_text(encoding="utf-8")
    korean = (ROOT / "docs" / "deep.ko.md").read_text(encoding="utf-8")
    terms = {t["korean"]: t for t in data_file("glossary")["term"]}
    for name in ("결정론적 신경망", "확률론적 신경망"):
        assert terms[name]["source"] == "004_3b2490ffcdfbdb28.txt"
        assert f"({name})" in english and f"{name}({terms[name]['english']})" in korean
    assert "All the networks of this site are deterministic." in english
    assert "이 사이트의 신경망은 모두 결정론적이다." in korean
    rng = np.random.default_rng(0)
    widths = [4, 8, 8, 3]
    layers = [Layer(rng.normal(size=(a, b)), rng.normal(size=b), f)
              for a, b, f in zip(widths, widths[1:], ["relu", "sigmoid", "softmax"])]
    X = rng.normal(size=(5, 4))
    r = DATA["recurrence"]
    runs, state = [], np.random.get_state()
    try:
        for seed in (1, 2):
            np.random.seed(seed)
            runs.append((predict(layers, X), numeric.unroll(r["W_xh"], r["W_hh"], r["b"], r["h0"], r["xs"])))
    finally:
        np.random.set_state(state)
    for first, second in zip(*runs):
        assert np.array_equal(first, second)


# --- the slips --------------------------------------------------------------------------------------

def test_sum_then_activate_is_the_examples_h1_and_the_notes_order_is_not():
    summed, note = tables.node_order()
    printed = {p["name"]: p["value"] for p in data_file("backprop_2_2_2")["printed"]}
    assert f"{float(summed):.8f}" == printed["h1"]
    assert float(note) == pytest.approx(1 / (1 + math.exp(-0.03)) + 1 / (1 + math.exp(-0.05)), abs=1e-15)
    assert abs(float(note) - float(summed)) > 0.4


def test_the_gradient_by_a_weight_matrix_has_the_matrix_shape():
    rng = np.random.default_rng(0)
    widths = [4, 8, 8, 3]
    layers = [Layer(rng.normal(size=(a, b)), rng.normal(size=b), f)
              for a, b, f in zip(widths, widths[1:], ["relu", "relu", "softmax"])]
    _, grads = loss_and_gradients(layers, rng.normal(size=(2, 4)), np.eye(3)[[0, 2]], "cross_entropy")
    assert grads[0].weights.shape == (4, 8) and grads[0].weights.ndim == 2


def test_the_deep_line_depends_on_what_l_counts():
    widths = next(n["widths"] for n in DATA["networks"] if n["name"] == "the 4-8-8-3 network")
    hidden, weight_layers, all_layers = len(widths) - 2, len(widths) - 1, len(widths)
    assert hidden >= 2                         # deep by 002 §1.3
    assert weight_layers < 4 <= all_layers     # by 004's L >= 4 only if L counts the input layer


def test_text_slips_name_the_word_and_its_correction():
    slips = {e["id"]: e for e in DATA["errata"]}
    assert "신명망" in slips["shallow-typo"]["printed"] and "신경망" in slips["shallow-typo"]["explanation"]
    assert "설명하기" in slips["set-not-explain"]["printed"] and "설정하기" in slips["set-not-explain"]["explanation"]
    assert "다중 퍼셉트론" in slips["multi-not-multilayer"]["printed"]
    assert "다층 퍼셉트론" in slips["multi-not-multilayer"]["explanation"]
    table = tables.errata_table(DATA)
    assert all(e["printed"] in table for e in DATA["errata"])


def test_every_erratum_is_tested_here():
    tested = {"sum-after-activation", "gradient-of-a-matrix", "deep-threshold",
              "shallow-typo", "set-not-explain", "multi-not-multilayer"}
    assert {e["id"] for e in DATA["errata"]} == tested


def test_the_page_shows_every_generated_file():
    page = (ROOT / "docs" / "deep.md").read_text(encoding="utf-8")
    names = [*(f"quote-{q['id']}.md" for q in DATA["quotes"]),
             "networks.md", "recurrence.md", "first_step.md", "unrolled.md", "reach.md", "loops.svg", "node_order.md", "errata.md",
             "numpy_recurrence.md"]
    for name in names:
        assert f'--8<-- "generated/deep/{name}"' in page
    for name in ("approximation/target.md", "approximation/errors.md", "approximation/approximation.svg",
                 "depth_width/pieces.md", "depth_width/tent.svg", "depth_width/numpy_sawtooth.md"):
        assert f'--8<-- "generated/{name}"' in page
    graph = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    for name in ("kinds.md", "settings.md", "values.md", "numpy_derivative_kinds.md"):
        assert f'--8<-- "generated/derivative_kinds/{name}"' in graph

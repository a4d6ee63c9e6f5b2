"""Shapes and parameter counts: SymPy's shape derivation, NumPy's arithmetic, real arrays, and the
notes' printed values."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from bs4 import BeautifulSoup

from conftest import ROOT
from derivations.numeric import activations
from derivations.numeric import dense as numeric
from derivations.problems import data_file, errata, printed_values
from derivations.symbolic import dense as symbolic
from derivations.tables.common import AGREEMENT, agreement, fixed
from derivations.tables.forward import as_note_writes, seeded_3_2
from support.networks import random_network

DATA = data_file("dense")
PRINTED = printed_values(DATA)


def test_xw_plus_b_is_the_notes_per_neuron_sums():
    product, difference = symbolic.xw_plus_b()
    assert difference == sp.zeros(1, 2)
    # h1 collects the first column of W: the weights w1, w2, w3 into the first output.
    assert product[0, 0].coeff(symbolic.x2) == symbolic.w2
    assert product[0, 1].coeff(symbolic.x2) == symbolic.w5


def test_a_batch_of_four_keeps_the_same_eight_parameters():
    X, Y = symbolic.batch_of(4)
    assert Y.shape == (4, 2)
    assert len(symbolic.parameters(Y)) == 8
    # Each row is the one-sample product of that row.
    for i in range(4):
        row = (X.row(i) * symbolic.W_001 + symbolic.B_001)
        assert (Y.row(i) - row).expand() == sp.zeros(1, 2)


@pytest.mark.parametrize("batch,inputs,units", [(1, 4, 8), (1, 8, 3), (5, 3, 2)])
def test_the_shape_steps_end_where_a_real_product_does(batch, inputs, units):
    final = symbolic.shape_steps(batch, inputs, units)[-1]
    X, W, B = sp.ones(*final.X), sp.ones(*final.W), sp.ones(*final.B)
    assert (X * W + B).shape == final.Y  # SymPy itself refuses shapes that do not chain


def test_the_steps_fill_one_unknown_at_a_time():
    steps = symbolic.shape_steps(1, 4, 8)
    unknowns = [len(set().union(*(sp.Tuple(*s).free_symbols for s in (st.X, st.W, st.B, st.Y))))
                for st in steps]
    assert unknowns == sorted(unknowns, reverse=True) and unknowns[-1] == 0


@pytest.mark.parametrize("widths", [[3, 2], [4, 8, 8, 3], [2, 2, 2], [10, 1]])
def test_numpy_shapes_match_arrays_and_sympy(widths):
    rng = np.random.default_rng(0)
    layers = [numeric.Layer(rng.normal(size=(n, j)), rng.normal(size=j), "relu")
              for n, j in zip(widths, widths[1:])]
    caches = numeric.forward(layers, rng.normal(size=(3, widths[0])))
    for s, layer, cache in zip(numeric.shapes(widths, batch=3), layers, caches):
        assert s.W == layer.weights.shape and s.Y == cache.A.shape and s.X == cache.X.shape
        assert s.parameters == layer.weights.size + layer.biases.size
        step = symbolic.shape_steps(3, *s.W)[-1]
        assert (step.X, step.W, step.B, step.Y) == (s.X, s.W, s.B, s.Y)


@pytest.mark.parametrize("printed", [p for p in PRINTED if p.name.startswith("layer_")],
                         ids=lambda p: f"{p.name}@{p.source[:3]}")
def test_every_printed_layer_equation_is_derived(printed):
    i = int(printed.name[-1])
    s = numeric.shapes([4, 8, 8, 3])[i - 1]
    step = symbolic.shape_steps(1, *s.W)[-1]
    assert as_note_writes(step.X, step.W, step.B, step.Y) == printed.value


def test_the_printed_counts_of_the_3_2_layer():
    values = {p.name: p.value for p in PRINTED}
    (layer,) = numeric.shapes([3, 2])
    assert values["W_shape_3_2"] == f"{layer.W[0]} × {layer.W[1]}"
    assert int(values["weights_3_2"]) == len(symbolic.parameters(symbolic.W_001)) == 6
    assert int(values["biases_3_2"]) == len(symbolic.parameters(symbolic.B_001))
    assert int(values["parameters_3_2"]) == layer.parameters
    assert int(values["parameters_batch_4"]) == len(symbolic.parameters(symbolic.batch_of(4)[1]))


def test_the_seeded_network_has_the_notes_widths():
    layers, X, T = random_network(DATA)
    assert [layer.weights.shape for layer in layers] == [(4, 8), (8, 8), (8, 3)]
    assert sum(layer.weights.size + layer.biases.size for layer in layers) == 139


# --- 001 §2: a two-output softmax does binary classification -------------------------------------

def test_a_two_output_softmax_is_the_sigmoid_of_the_difference():
    (first, second), sigmoid, difference, complement = symbolic.two_outputs()
    assert difference == 0 and complement == 0
    assert sigmoid.free_symbols == {symbolic.h1, symbolic.h2}
    # simplify is not blind: the second output is not σ(h1 − h2).
    assert sp.simplify(second - sigmoid) != 0


def two_outputs_by_numpy():
    layer, X = seeded_3_2(DATA)
    (cache,) = numeric.forward([layer], X)
    return cache, activations.sigmoid(cache.Z[:, 0] - cache.Z[:, 1])


def test_numpy_gives_the_same_identity_on_the_seeded_3_2_layer():
    cache, sigma = two_outputs_by_numpy()
    assert cache.A.shape == (DATA["random_3_2"]["batch"], 2)
    assert np.max(np.abs(cache.A[:, 0] - sigma)) < AGREEMENT
    assert np.max(np.abs(cache.A[:, 1] - (1 - sigma))) < AGREEMENT
    assert np.ptp(cache.A[:, 0]) > 0.1  # the samples are spread, not all at y1 = 1/2


def test_the_two_outputs_tables_are_generated_from_them():
    (_, _), _, difference, complement = symbolic.two_outputs()
    derivation = (ROOT / "docs" / "generated" / "dense" / "two_outputs.md").read_text(encoding="utf-8")
    assert rf"y_{{1}} - \sigma(h_{{1}} - h_{{2}}) = {sp.latex(difference)}" in derivation
    assert rf"y_{{2}} - \left(1 - y_{{1}}\right) = {sp.latex(complement)}" in derivation
    shown = (ROOT / "docs" / "generated" / "dense" / "two_outputs_numpy.md").read_text(encoding="utf-8")
    rows = [cells for tr in BeautifulSoup(shown, "html.parser").find("table").find_all("tr")
            if (cells := [td.get_text(" ", strip=True) for td in tr.find_all("td")])]
    cache, sigma = two_outputs_by_numpy()
    assert len(rows) == len(sigma)
    for row, (h1, h2), (y1, y2), s in zip(rows, cache.Z, cache.A, sigma):
        assert row[1:5] == [fixed(h1), fixed(h2), fixed(y1), fixed(s)]
        assert row[5:] == [agreement(s, y1), agreement(1 - s, y2)] and all(c.endswith("✓") for c in row[5:])


# --- the notes' slips, pinned -----------------------------------------------------------------------

SLIPS = {e.id: e for e in errata(DATA)}


def test_the_layer_list_is_off_by_one():
    """002 §2.4 and 001 list hidden layer 2 as 8 → 3 and give the output layer 3 → 3 weights."""
    shapes = numeric.shapes([4, 8, 8, 3])
    for slip in ("layer-list-off-by-one", "layer-list-off-by-one-001"):
        note = SLIPS[slip].note_value  # "8 → 3"
        assert note != f"{shapes[1].W[0]} → {shapes[1].W[1]}"   # the derivation: 8 → 8
        assert note == f"{shapes[2].W[0]} → {shapes[2].W[1]}"   # what the note lists is layer 3
    assert len(shapes) == 3  # no fourth (3 → 3) weight matrix


def test_the_bias_step_of_001_leaves_b_unresolved():
    step = symbolic.shape_steps(1, 4, 8)[3]  # "B has Y's shape"
    assert step.B == (1, 8)
    assert SLIPS["bias-step-not-applied"].note_value == "m × j"
    assert SLIPS["bias-step-not-applied"].note_value != f"{step.B[0]} × {step.B[1]}"

"""Logistic regression as one sigmoid neuron: the gradient SymPy derives, the step both routes take."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from derivations.numeric import logistic as numeric
from derivations.problems import data_file
from derivations.symbolic import logistic as symbolic
from derivations.tables import logistic as tables


def test_bce_gradient_is_error_times_input():
    raw = symbolic.gradient()
    sigma = symbolic.sigmoid(symbolic.z)
    for v, xi in zip(symbolic.WEIGHTS, symbolic.INPUTS):
        assert sp.simplify(raw[v] - (sigma - symbolic.y) * xi) == 0
    assert symbolic.closed_form()[symbolic.b] == sigma - symbolic.y


def test_gradient_matches_a_finite_difference():
    """Independent of SymPy's differentiation: central differences of the loss itself."""
    x, w, b, y, h = np.array([1.0, 2.0]), np.array([0.5, -0.25]), 0.1, 1.0, 1e-6
    loss = lambda w_, b_: numeric.bce(numeric.sigmoid(w_ @ x + b_), y)
    p = numeric.sigmoid(w @ x + b)
    for i in range(2):
        e = np.eye(2)[i] * h
        assert (loss(w + e, b) - loss(w - e, b)) / (2 * h) == pytest.approx((p - y) * x[i], abs=1e-8)
    assert (loss(w, b + h) - loss(w, b - h)) / (2 * h) == pytest.approx(p - y, abs=1e-8)


def test_one_step_sympy_and_numpy_agree_and_lower_the_loss():
    v = tables.example(data_file("logistic"))
    exact = symbolic.step(**{k: tables._sym(a) for k, a in v.items()})
    floats = tables.numpy_step(v)
    for key, _ in tables.ROWS:
        assert float(sp.N(exact[key], 30)) == pytest.approx(floats[key], abs=1e-12), key
    assert sp.N(exact["loss_new"] - exact["loss"], 30) < 0
    # by hand: z = 0.5·1 − 0.25·2 + 0.1 = 0.1, so w1 moves by η (1 − σ(0.1)) x1
    assert float(sp.N(exact["z"])) == 0.1
    assert floats["w1"] == pytest.approx(0.5 + 0.5 * (1 - 1 / (1 + math.exp(-0.1))), abs=1e-15)


def test_the_page_prints_the_table_and_the_quotes():
    page = (Path(__file__).resolve().parents[1] / "docs" / "perceptron.md").read_text(encoding="utf-8")
    for name in ("quotes", "gradient", "step", "numpy_logistic", "errata"):
        assert f'--8<-- "generated/logistic/{name}.md"' in page
    quotes = tables.generate()["generated/logistic/quotes.md"]
    assert "로지스틱 회귀" in quotes and "Rosenblatt" in quotes


def test_the_axon_slip_is_listed_with_its_correction():
    data = data_file("logistic")
    (slip,) = [e for e in data["errata"] if e["id"] == "weight-as-axon"]
    assert "축삭돌기" in slip["printed"] and "가중치" in slip["printed"]
    table = tables.generate()["generated/logistic/errata.md"]
    assert slip["printed"] in table and "synapse" in table

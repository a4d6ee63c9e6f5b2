"""Epochs, batch size and iterations (002 §3.5), the training runs, and their determinism."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from derivations.numeric import optimizers as numeric
from derivations.numeric import training
from derivations.numeric.dense import loss_and_gradients
from derivations.problems import data_file, errata, printed_values
from derivations.symbolic import optimizers as symbolic
from derivations.tables.learning import as_int

DATA = data_file("learning")
PRINTED = {p.name: p for p in printed_values(DATA)}
ERRATA = {e.id: e for e in errata(DATA)}


def test_the_notes_iterations_arithmetic_by_both_routes():
    samples, batch = as_int(PRINTED["samples"].value), as_int(PRINTED["batch_size"].value)
    note = as_int(PRINTED["iterations"].value)
    assert symbolic.iterations_per_epoch(samples, batch) == note
    assert training.iterations_per_epoch(samples, batch) == note


@given(samples=st.integers(1, 10**6), batch=st.integers(1, 10**4))
def test_iterations_per_epoch_is_the_ceiling_by_both_routes(samples, batch):
    n = training.iterations_per_epoch(samples, batch)
    assert n == symbolic.iterations_per_epoch(samples, batch)
    assert (n - 1) * batch < samples <= n * batch


@pytest.mark.parametrize("samples, batch", [(0, 10), (10, 0), (-5, 2)])
def test_iterations_per_epoch_rejects_nonpositive_sizes(samples, batch):
    with pytest.raises(ValueError, match="must be positive"):
        training.iterations_per_epoch(samples, batch)


def test_iterations_from_epoch_slip_the_division_is_of_samples_and_rounds_up():
    e = ERRATA["iterations-from-epoch"]
    assert "2,000/200 = 10" in e.printed
    batch = as_int(PRINTED["batch_size"].value)
    samples = as_int(PRINTED["samples"].value) + 1     # one sample more than the note's
    assert samples / batch != training.iterations_per_epoch(samples, batch)
    assert training.iterations_per_epoch(samples, batch) == samples // batch + 1


def test_fit_call_slip_batch_gradient_descent_needs_len_of_x_train():
    e = ERRATA["fit-undefined-name"]
    call = next(c for c in DATA["fit_calls"] if c["batch_size"] == "all")
    assert call["call"] == e.printed
    assert "len(trainX)" in e.printed and "X_train" in e.printed   # the slip: two names
    samples = as_int(PRINTED["samples"].value)
    assert training.iterations_per_epoch(samples, samples) == 1     # batch GD: one update


def test_every_learning_erratum_is_tested():
    assert set(ERRATA) == {"fit-undefined-name", "iterations-from-epoch", "momentum-one-step"}


# --- training ---------------------------------------------------------------------------------------

def _dataset():
    d = DATA["dataset"]
    return training.noisy_xor(d["samples"], d["noise"], np.random.default_rng(d["seed"]))


def _epochs(batch_size: int, epochs: int = 3, seed: int | None = None):
    b = DATA["batches"]
    X, T = _dataset()
    rng = np.random.default_rng(b["seed"] if seed is None else seed)
    layers = training.initial_layers([2, b["hidden_units"], 1], rng)
    return training.train_epochs(layers, X, T, "binary_cross_entropy",
                                 numeric.SGD(b["learning_rate"]), batch_size, epochs, rng)


@pytest.mark.parametrize("batch_size", [1, 7, DATA["batches"]["mini_batch_size"], DATA["dataset"]["samples"]])
def test_updates_per_epoch_are_counted_as_the_formula_says(batch_size):
    run = _epochs(batch_size, epochs=1)
    assert run.updates == training.iterations_per_epoch(DATA["dataset"]["samples"], batch_size)


def test_epoch_training_is_deterministic_and_depends_on_the_seed():
    first, again = _epochs(DATA["batches"]["mini_batch_size"]), _epochs(DATA["batches"]["mini_batch_size"])
    assert np.array_equal(first.losses, again.losses)
    other = _epochs(DATA["batches"]["mini_batch_size"], seed=DATA["batches"]["seed"] + 1)
    assert not np.array_equal(first.losses, other.losses)


def test_the_data_set_is_deterministic_and_is_xor():
    X, T = _dataset()
    X2, T2 = _dataset()
    assert np.array_equal(X, X2) and np.array_equal(T, T2)
    assert X.shape == (DATA["dataset"]["samples"], 2) and T.shape == (DATA["dataset"]["samples"], 1)
    # Far enough from the axes, the label is the XOR of the signs.
    clear = np.all(np.abs(X) > 4 * DATA["dataset"]["noise"], axis=1)
    assert clear.sum() > 0
    assert np.array_equal(T[clear, 0], ((X[clear, 0] > 0) != (X[clear, 1] > 0)).astype(float))


def test_one_batch_epoch_is_one_full_batch_gradient_step():
    """Batch GD through train_epochs equals one step on the gradient of all the data."""
    b = DATA["batches"]
    X, T = _dataset()
    rng = np.random.default_rng(b["seed"])
    layers = training.initial_layers([2, b["hidden_units"], 1], rng)
    _, grads = loss_and_gradients(layers, X, T, "binary_cross_entropy")
    by_hand = [layer.weights - b["learning_rate"] * g.weights for layer, g in zip(layers, grads)]
    run = training.train_epochs(layers, X, T, "binary_cross_entropy", numeric.SGD(b["learning_rate"]),
                                len(X), 1, rng)
    moved = [type(layers[0])(w, layer.biases - b["learning_rate"] * g.biases, layer.activation)
             for w, layer, g in zip(by_hand, layers, grads)]
    assert run.losses[-1] == pytest.approx(loss_and_gradients(moved, X, T, "binary_cross_entropy")[0],
                                           rel=1e-14)


def test_training_runs_on_the_2_2_2_example_are_deterministic(document_problem):
    p = document_problem
    args = ([float(v) for v in p.x], [float(v) for v in p.weights], [float(v) for v in p.targets], 300)
    for o in DATA["optimizers"]:
        first = training.train_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]), *args)
        again = training.train_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]), *args)
        assert np.array_equal(first, again)
        assert first[-1] < first[0]


def test_first_below_finds_the_first_crossing():
    errors = np.array([0.5, 0.2, 0.05, 0.2, 0.01])
    assert training.first_below(errors, 0.1) == 2
    assert training.first_below(errors, 0.001) is None


def test_train_2_2_2_starts_at_the_examples_error(document_problem, document_numeric):
    p = document_problem
    errors = training.train_2_2_2(numeric.SGD(float(p.learning_rate)), [float(v) for v in p.x],
                                  [float(v) for v in p.weights], [float(v) for v in p.targets], 1)
    assert errors[0] == document_numeric["E_total"]
    assert errors[1] == pytest.approx(document_numeric["E_total_new"], rel=1e-15)

"""Perceptron learning: AND and OR converge, XOR runs into the epoch limit with its weights
cycling; exact and float64 training agree epoch by epoch."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.numeric import perceptron as numeric
from derivations.problems import data_file
from derivations.symbolic import perceptron as symbolic
from derivations.tables import perceptron_learning as learning_tables
from derivations.tables.language import resolve

DATA = data_file("perceptron")
TRAINING = DATA["training"]
LOGIC = {"AND": (0, 0, 0, 1), "OR": (0, 1, 1, 1), "XOR": (0, 1, 1, 0)}


def exact_run(gate, **changes):
    settings_ = dict(start=TRAINING["start"], learning_rate=TRAINING["learning_rate"],
                     order=TRAINING["order"], max_epochs=TRAINING["max_epochs"]) | changes
    return symbolic.train(LOGIC[gate], **settings_)


def float_run(gate, eta=None, max_epochs=None):
    order = [tuple(p) for p in TRAINING["order"]]
    x = np.array(order, dtype=float)
    t = [LOGIC[gate][symbolic.INPUTS.index(p)] for p in order]
    return numeric.train(x, t, TRAINING["start"], eta or TRAINING["learning_rate"],
                         max_epochs or TRAINING["max_epochs"])


def test_the_data_file_trains_the_gates_the_issue_names():
    assert set(TRAINING["gates"]) == {"AND", "OR", "XOR"}


@pytest.mark.parametrize("gate", ["AND", "OR"])
def test_and_or_converge_to_weights_that_compute_the_gate(gate):
    run = exact_run(gate)
    assert run.converged and run.errors[-1] == 0 and all(e > 0 for e in run.errors[:-1])
    final = [float(v) for v in run.epochs[-1][-1]]
    assert tuple(numeric.perceptron(numeric.INPUTS, final)) == LOGIC[gate]
    assert len(run.epochs) < TRAINING["max_epochs"]


@pytest.mark.parametrize("gate", ["AND", "OR", "XOR"])
def test_exact_and_float_training_agree_epoch_by_epoch(gate):
    exact, floats = exact_run(gate), float_run(gate)
    assert exact.errors == floats.errors
    assert (exact.converged, exact.cycle) == (floats.converged, floats.cycle)
    for after, w in zip(exact.epochs, floats.weights):
        assert [float(v) for v in after[-1]] == list(w)


def test_xor_never_converges_and_stops_at_the_epoch_limit():
    run = exact_run("XOR")
    assert not run.converged
    assert len(run.epochs) == TRAINING["max_epochs"]
    assert all(e > 0 for e in run.errors)


def test_xor_weights_cycle_and_the_cycle_is_real():
    run = exact_run("XOR")
    first, period = run.cycle
    start = run.epochs[first - 2][-1]
    assert run.epochs[first + period - 2][-1] == start
    # Every later epoch replays the cycle, sample by sample.
    for epoch in range(first - 1, len(run.epochs)):
        assert run.epochs[epoch] == run.epochs[first - 1 + (epoch - (first - 1)) % period]
    # Replaying the cycle's epoch(s) from its start, by hand, returns to the start.
    weights = start
    for _ in range(period):
        for point in TRAINING["order"]:
            error = LOGIC["XOR"][symbolic.INPUTS.index(tuple(point))] - symbolic.step(
                symbolic.weighted_sum(weights, point))
            weights = tuple(w + symbolic.rational(TRAINING["learning_rate"]) * error * xi
                            for w, xi in zip(weights, (*point, 1)))
    assert weights == start


def test_the_cycle_sentence_names_the_first_epoch_that_repeats():
    """The page says "every epoch from N on repeats the epoch(s) before it": epoch N and every later
    one equal the epoch(s) one period earlier, and epoch N − 1 does not (it began elsewhere)."""
    files = learning_tables.training_tables(DATA)
    cycling = [gate for gate in TRAINING["gates"] if exact_run(gate).cycle]
    assert cycling  # XOR
    for gate in cycling:
        run = exact_run(gate)
        text = files[f"training_{gate.lower()}.md"]
        english = re.search(r"every epoch from (\d+) on repeats the (?:epoch|(\d+) epochs) before it, "
                            r"(\d+) updates", resolve(text, "en"))
        korean = re.search(r"에포크 (\d+)부터는 모든 에포크가", resolve(text, "ko"))
        named, period, updates = int(english[1]), int(english[2] or 1), int(english[3])
        assert int(korean[1]) == named
        epoch = lambda n: (run.epochs[n - 1], run.errors[n - 1])  # noqa: E731
        assert all(epoch(n) == epoch(n - period) for n in range(named, len(run.epochs) + 1))
        assert named - 1 - period < 1 or epoch(named - 1) != epoch(named - 1 - period)
        # the updates of one period: the samples after which the weights moved
        before = named - period - 1  # the epoch whose end the period starts from (0: the start)
        start = run.epochs[before - 1][-1] if before else tuple(map(symbolic.rational, TRAINING["start"]))
        weights = [start] + [w for n in range(named - period, named) for w in run.epochs[n - 1]]
        assert updates == sum(a != b for a, b in zip(weights, weights[1:]))


def test_the_epoch_limit_stops_a_run_that_would_converge_later():
    full = exact_run("AND")
    cut = exact_run("AND", max_epochs=len(full.epochs) - 1)
    assert not cut.converged and len(cut.epochs) == len(full.epochs) - 1
    assert float_run("AND", max_epochs=len(full.epochs) - 1).converged is False


@settings(max_examples=15, deadline=None)
@given(st.sampled_from([0.125, 0.25, 1.0, 2.0, 3.0]), st.sampled_from(["AND", "OR", "XOR"]))
def test_from_a_zero_start_the_learning_rate_only_scales_the_weights(eta, gate):
    assert TRAINING["start"] == [0.0, 0.0, 0.0]
    base, scaled = float_run(gate), float_run(gate, eta=eta)
    assert base.errors == scaled.errors and base.cycle == scaled.cycle
    for w, v in zip(base.weights, scaled.weights):
        np.testing.assert_allclose(v, w * eta / TRAINING["learning_rate"], rtol=0, atol=1e-12)

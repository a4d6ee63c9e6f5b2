"""One registry of names (derivations/problems/registry.py), an implementation of every name on
each route, and the engine's closed forms proved against SymPy's derivatives."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.problems.registry import ACTIVATIONS, LOSSES


def route_tables():
    from derivations.numeric import dense as numeric
    from derivations.symbolic import certified, dense, losses

    return {
        "numeric activations": (set(numeric.ACTIVATIONS), set(ACTIVATIONS)),
        "numeric losses": (set(numeric.LOSSES), set(LOSSES)),
        "symbolic derivations of activations": (set(dense.ACTIVATIONS) | {"softmax"}, set(ACTIVATIONS)),
        "symbolic derivations of losses": (set(losses.LOSSES), set(LOSSES)),
        "certified activations": (set(certified.ELEMENTWISE) | {"softmax"}, set(ACTIVATIONS)),
        "certified slopes": (set(certified.SLOPES) | {"softmax"}, set(ACTIVATIONS)),
        "certified losses": (set(certified.LOSSES), set(LOSSES)),
    }


@pytest.mark.parametrize("name", list(route_tables()))
def test_every_route_implements_every_registered_name(name):
    implemented, registered = route_tables()[name]
    assert implemented == registered, f"{name}: missing {registered - implemented}, extra {implemented - registered}"


def test_validation_reads_the_registry():
    from derivations import problems
    from derivations.problems import registry

    assert problems.ACTIVATIONS is registry.ACTIVATIONS and problems.LOSSES is registry.LOSSES


def test_one_sigmoid_and_one_digits():
    from derivations.problems import registry
    from derivations.symbolic import activations, backprop_2_2_2, dense

    assert dense.DIGITS == registry.DIGITS
    assert backprop_2_2_2.sigmoid is activations.sigmoid
    assert backprop_2_2_2.sigmoid_prime_in_output()[1] is activations.IN_OUTPUT["sigmoid"][1]
    assert backprop_2_2_2.DIGITS == registry.DIGITS


@pytest.mark.parametrize("name", sorted(__import__("derivations.symbolic.stable", fromlist=["FORMS"]).FORMS))
def test_each_closed_form_equals_the_derivative(name):
    from derivations.symbolic.stable import difference

    assert difference(name) == 0


def test_the_proof_sees_a_wrong_form(monkeypatch):
    """σ(z)(1 + σ(−z)) is not σ': the same check must not return 0 for it."""
    from derivations.symbolic import stable

    wrong = (stable.FORMS["sigmoid'"][0], lambda: stable.sigmoid(stable.z) * (1 + stable.sigmoid(-stable.z)))
    monkeypatch.setitem(stable.FORMS, "wrong", wrong)
    assert stable.difference("wrong") != 0
    wrong_log = (stable.FORMS["-ln sigmoid"][0], lambda: stable.softplus(stable.z))
    monkeypatch.setitem(stable.FORMS, "wrong log", wrong_log)
    assert stable.difference("wrong log") != 0

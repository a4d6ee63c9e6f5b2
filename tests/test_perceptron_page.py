"""The built perceptron chapter shows what the issue asks: truth tables, the XOR proof, both
update rules, the finished problem's numbers, training; and its notebook ran."""

from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT
from derivations.problems import data_file
from derivations.symbolic import perceptron as symbolic
from derivations.tables.perceptron import q
from test_site_build import visible_text

DATA = data_file("perceptron")
P = DATA["worked_problem"]
WORKED = symbolic.worked_problem(P["w0"], P["b0"], P["x"], P["t"], P["learning_rate"])


EDITIONS = {"": {"rule": "delta rule", "converged": "Converged: epoch", "never": "Never converged"},
            "ko/": {"rule": "델타 규칙", "converged": "수렴: 에포크", "never": "수렴하지 않음"}}
"""Each edition's folder in the site, and words of its own the page must show."""


@pytest.fixture(scope="module", params=EDITIONS)
def edition(request):
    return request.param


@pytest.fixture(scope="module")
def page(built_site, edition):
    site, _ = built_site
    return visible_text((site / edition / "perceptron" / "index.html").read_text(encoding="utf-8"))


def test_the_chapter_is_in_the_navigation(built_site):
    site, _ = built_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*perceptron/"', home)
    assert re.search(r'href="[^"]*notebooks/perceptron/"', home)


def test_every_gate_truth_table_is_shown(page):
    for gate in DATA["gates"]:
        outputs = "(" + ", ".join(map(str, symbolic.truth_table(gate["weights"]))) + ")"
        assert outputs in page
    assert "XOR" in page and "0 ✓" in page and "1 ✓" in page


def test_the_xor_proof_and_both_rules_are_shown(built_site, edition):
    site, _ = built_site
    raw = (site / edition / "perceptron" / "index.html").read_text(encoding="utf-8")
    assert "<math" in raw and "\\frac" not in visible_text(raw, code=False)
    text = html.unescape(re.sub(r"<[^>]+>", "", raw))
    packed = re.sub(r"\s+", "", text)                          # MathML leaves no spaces
    assert "0>0" in packed and "(1)+(2)+(3)+(4)" in packed      # the certificate
    assert "Fourier–Motzkin" in text and EDITIONS[edition]["rule"] in text


def test_the_finished_problem_is_shown_under_both_rules(page):
    for rule in ("delta", "perceptron"):
        for key in ("w1", "w2", "b"):
            assert q(WORKED[rule][key]) in page, (rule, key)


def test_training_tables_are_shown(page, edition):
    assert EDITIONS[edition]["converged"] in page and EDITIONS[edition]["never"] in page


def test_the_notebook_ran_and_reproduced_the_numbers(built_site, edition):
    site, _ = built_site
    nb = html.unescape((site / edition / "notebooks" / "perceptron" / "index.html").read_text(encoding="utf-8"))
    assert nb.count("SymPy == NumPy every epoch: True") == 3
    assert "XOR infeasible" in nb
    assert f"w(1) = ({float(WORKED['delta']['w1'])}, {float(WORKED['delta']['w2'])})" in nb


def test_the_xor_cycles_updates_add_up_to_zero_though_not_each_undoes_the_last():
    # The page says the repeating epoch's updates sum to zero; it must not say that each one
    # undoes part of the one before, which the cycle table shows is false.
    tr = DATA["training"]
    run = symbolic.train(symbolic.gate_truth("XOR"), tr["start"], tr["learning_rate"], tr["order"],
                         tr["max_epochs"])
    first, period = run.cycle
    path = [run.epochs[first - 2][-1]] + [w for epoch in run.epochs[first - 1:first - 1 + period] for w in epoch]
    updates = [tuple(b - a for a, b in zip(u, v)) for u, v in zip(path, path[1:])]
    updates = [d for d in updates if any(d)]
    assert len(updates) > 1
    assert all(sum(d[k] for d in updates) == 0 for k in range(3))
    # The cycle repeats, so the update before the first is the last one.
    opposes = [sum(a * b for a, b in zip(d, before)) < 0 for d, before in zip(updates, updates[-1:] + updates[:-1])]
    assert any(opposes) and not all(opposes)


def test_between_the_hidden_layer_s_two_lines_lie_exactly_the_inputs_that_differ():
    # Both hidden units say 1 (the input is on NAND's and on OR's positive side) exactly where
    # x1 != x2: every input that differs is between the lines, and nothing else is.
    net = DATA["xor_network"]
    rows = symbolic.xor_network(net["weights"], tuple(net["hidden"]), net["output"])
    assert {r["x"] for r in rows if r["h"] == (1, 1)} == {r["x"] for r in rows if r["x"][0] != r["x"][1]}


def test_the_worked_table_names_the_third_rule_as_the_page_does():
    # The column holds one step of gradient descent on J, not J's gradient; the page's bullet says
    # so in each edition, and the header must use the same words.
    from derivations.tables.language import resolve
    from derivations.tables.perceptron_learning import worked_table

    table = worked_table(DATA, {})
    for edition, page, words in (("en", "perceptron.md", "Gradient descent on $J$"),
                                 ("ko", "perceptron.ko.md", "$J$에 대한 경사 하강법")):
        header = resolve(table, edition).splitlines()[0]
        assert words.casefold() in header.casefold(), edition
        assert f"**{words}**" in (ROOT / "docs" / page).read_text(encoding="utf-8"), edition

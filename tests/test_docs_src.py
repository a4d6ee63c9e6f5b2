"""The NumPy sessions on the pages are files (``docs_src/``): each runs on its own, in a fresh
interpreter, and prints exactly the output its page shows; each starts from the inputs of the data
files, so a session cannot drift from the example the tables derive."""

from __future__ import annotations

import contextlib
import io
import re
import runpy
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest

from conftest import ROOT
from derivations.problems import data_file, document_backprop_problem
from derivations.symbolic.perceptron import gate_truth
from support.networks import random_network

# docs_src/notebooks/ holds the companion notebooks' sources, which tables turn into notebooks.
SCRIPTS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs_src").rglob("*.py")
                 if p.parent.name != "notebooks")
SHOWN = re.compile(r'```python title="(docs_src/[^"]+)"\n--8<-- "\1"\n```\n\n```text title="output"\n(.*?)```\n', re.S)


def shown_sessions() -> dict[str, str]:
    """Every script a generated file includes, with the output shown after it."""
    sessions: dict[str, str] = {}
    for path in sorted((ROOT / "docs" / "generated").rglob("*.md")):
        if ".ko." in path.name:
            continue  # the Korean edition shows the same files (test_korean holds the twins together)
        for script, output in SHOWN.findall(path.read_text(encoding="utf-8")):
            assert script not in sessions, f"{script} is shown twice"
            sessions[script] = output
    return sessions


def test_every_script_is_shown_and_every_shown_script_is_a_file():
    assert SCRIPTS and sorted(shown_sessions()) == SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_script_prints_what_its_page_shows(script, tmp_path):
    # Run from elsewhere, as a reader who copied the file would: it needs the package, not the clone.
    result = subprocess.run([sys.executable, str(ROOT / script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning reaches the reader's terminal either
    assert result.stdout == shown_sessions()[script]


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?(?:nan|inf)")


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_session_prints_a_nonzero_value_as_zero(script, monkeypatch):
    """Every float array a session prints, as its own print options write it: no element that is
    not zero reads as zero (sigmoid(-40) is 4.25e-18 in float64, not 0.00000000)."""
    import builtins

    hidden = []
    real = builtins.print

    def checking(*args, **kwargs):
        for arg in args:
            if isinstance(arg, np.ndarray) and arg.dtype.kind == "f":
                tokens = _NUMBER.findall(np.array2string(arg, threshold=sys.maxsize))
                assert len(tokens) == arg.size, (script, tokens)
                hidden.extend((token, value) for token, value in zip(tokens, arg.ravel().tolist())
                              if value != 0 and float(token) == 0)
        real(*args, **kwargs)

    monkeypatch.setattr(builtins, "print", checking)
    session(script)
    assert hidden == []


def session(script: str) -> dict:
    with contextlib.redirect_stdout(io.StringIO()), np.printoptions():
        return runpy.run_path(str(ROOT / script), run_name="__main__")


def floats(values) -> list[float]:
    return [float(Fraction(str(v))) for v in values]


def test_the_dense_sessions_draw_the_seeded_network_of_the_data_file():
    data = data_file("dense")
    layers, X, T = random_network(data)
    for script in ("docs_src/dense/numpy_forward.py", "docs_src/dense/numpy_backward.py"):
        s = session(script)
        assert [(l.weights.tolist(), l.biases.tolist(), l.activation) for l in s["layers"]] == \
               [(l.weights.tolist(), l.biases.tolist(), l.activation) for l in layers]
        assert s["X"].tolist() == X.tolist()
    assert session("docs_src/dense/numpy_backward.py")["T"].tolist() == T.tolist()


def test_the_graph_session_takes_the_data_files_neuron():
    g, s = data_file("dense")["graph"], session("docs_src/dense/numpy_graph.py")
    assert (list(s["x"]), list(s["w"]), s["b"], s["t"]) == (g["x"], g["w"], g["b"], g["t"])


def test_the_activation_and_loss_sessions_take_the_data_files_inputs():
    inputs = data_file("activations")["inputs"]
    assert session("docs_src/activations/numpy_softmax.py")["x"].tolist() == inputs["softmax_overflow"]
    losses = session("docs_src/activations/numpy_losses.py")
    assert losses["z"].tolist() == inputs["categorical"]["logits"]
    assert losses["y"].tolist() == inputs["categorical"]["targets"]


@pytest.mark.parametrize("name", ["numpy_forward", "numpy_backward", "numpy_update"])
def test_the_backprop_sessions_take_the_worked_example(name):
    p, s = document_backprop_problem(), session(f"docs_src/backprop_2_2_2/{name}.py")
    assert s["x"].tolist() == floats(p.x) and s["t"].tolist() == floats(p.targets)
    W1, W2, W3, W4, W5, W6, W7, W8 = floats(p.weights)
    assert s["W_hidden"].tolist() == [[W1, W2], [W3, W4]] and s["W_output"].tolist() == [[W5, W6], [W7, W8]]
    if name == "numpy_update":
        assert s["learning_rate"] == float(p.learning_rate)


def test_the_training_session_takes_the_data_files_adam_and_example():
    data, s = data_file("learning"), session("docs_src/learning/numpy_training.py")
    adam = next(o for o in data["optimizers"] if o["key"] == "adam")
    assert {k: getattr(s["adam"], k) for k in adam["hyperparameters"]} == adam["hyperparameters"]
    assert s["adam"].t == data["training_2_2_2"]["iterations"]  # one step per iteration
    assert s["threshold"] == data["training_2_2_2"]["threshold"]
    p = document_backprop_problem()
    assert (s["x"], s["weights"], s["targets"]) == (floats(p.x), floats(p.weights), floats(p.targets))


def test_the_perceptron_sessions_take_the_data_files_weights():
    data = data_file("perceptron")
    gates = session("docs_src/perceptron/numpy_gates.py")
    assert gates["GATES"] == [(g["gate"], g["weights"]) for g in data["gates"]]
    net = data["xor_network"]["weights"]
    assert gates["network"] == {"nand": net["NAND"], "or_": net["OR"], "and_": net["AND"]}
    p, rules = data["worked_problem"], session("docs_src/perceptron/numpy_rules.py")
    assert [rules[k] for k in ("w", "b", "x", "t", "eta")] == [p["w0"], p["b0"], p["x"], p["t"], p["learning_rate"]]
    tr, train = data["training"], session("docs_src/perceptron/numpy_train.py")
    assert train["TRUTH"] == {gate: list(gate_truth(gate)) for gate in tr["gates"]}
    assert [train[k] for k in ("start", "eta", "max_epochs")] == [tr["start"], tr["learning_rate"], tr["max_epochs"]]

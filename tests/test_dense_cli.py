"""``python -m derivations solve`` on the general form: any dense network, and clean failures."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from conftest import run_cli

GENERAL = """\
x = [[0.5, -0.3, 0.2], [0.1, 0.4, -0.6]]
targets = [[0, 1], [1, 0]]
loss = "cross_entropy"
learning_rate = 0.25
[[layers]]
weights = [[0.1, -0.2, 0.3], [0.4, -0.5, 0.6], [0.7, 0.8, -0.9]]
biases = [0.1, 0.0, -0.1]
activation = "tanh"
[[layers]]
weights = [[0.2, -0.3], [0.5, 0.1], [-0.4, 0.6]]
biases = [0.05, -0.05]
activation = "softmax"
"""


def independent(x, t, layers, lr):
    """Loss, gradients and the loss after one step, scalar by scalar with the math module: a third
    route, written out for a tanh → softmax network with cross-entropy averaged over the batch."""

    def forward(layers):
        (W1, b1, _), (W2, b2, _) = layers
        out = []
        for row in x:
            h = [math.tanh(sum(row[i] * W1[i][j] for i in range(3)) + b1[j]) for j in range(3)]
            z = [sum(h[i] * W2[i][k] for i in range(3)) + b2[k] for k in range(2)]
            e = [math.exp(v) for v in z]
            out.append((row, h, [v / sum(e) for v in e]))
        return out

    def loss(layers):
        return sum(-sum(tk * math.log(pk) for tk, pk in zip(ti, p)) for (_, _, p), ti in zip(forward(layers), t)) / len(x)

    (W1, b1, a1), (W2, b2, a2) = layers
    gW1 = [[0.0] * 3 for _ in range(3)]
    gb1, gW2, gb2 = [0.0] * 3, [[0.0] * 2 for _ in range(3)], [0.0] * 2
    m = len(x)
    for (row, h, p), ti in zip(forward(layers), t):
        d2 = [(p[k] - ti[k]) / m for k in range(2)]
        for i in range(3):
            for k in range(2):
                gW2[i][k] += h[i] * d2[k]
        for k in range(2):
            gb2[k] += d2[k]
        d1 = [sum(W2[j][k] * d2[k] for k in range(2)) * (1 - h[j] ** 2) for j in range(3)]
        for i in range(3):
            for j in range(3):
                gW1[i][j] += row[i] * d1[j]
        for j in range(3):
            gb1[j] += d1[j]
    step = lambda a, g: [[ai - lr * gi for ai, gi in zip(ra, rg)] for ra, rg in zip(a, g)]  # noqa: E731
    new = [(step(W1, gW1), step([b1], [gb1])[0], a1), (step(W2, gW2), step([b2], [gb2])[0], a2)]
    return loss(layers), [(gW1, gb1), (gW2, gb2)], new, loss(new)


@pytest.fixture
def general(tmp_path):
    path = tmp_path / "general.toml"
    path.write_text(GENERAL)
    return path


def test_json_on_the_general_form(general):
    result = run_cli("solve", str(general), "--format", "json")
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert list(got) == ["outputs", "loss", "gradients", "updated", "loss_new"]
    layers = [([[0.1, -0.2, 0.3], [0.4, -0.5, 0.6], [0.7, 0.8, -0.9]], [0.1, 0.0, -0.1], "tanh"),
              ([[0.2, -0.3], [0.5, 0.1], [-0.4, 0.6]], [0.05, -0.05], "softmax")]
    loss, grads, new, loss_new = independent([[0.5, -0.3, 0.2], [0.1, 0.4, -0.6]], [[0, 1], [1, 0]], layers, 0.25)
    assert got["loss"] == pytest.approx(loss, rel=1e-12)
    assert got["loss_new"] == pytest.approx(loss_new, rel=1e-12)
    assert got["loss_new"] < got["loss"]
    for entry, (gW, gb) in zip(got["gradients"], grads):
        np.testing.assert_allclose(entry["weights"], gW, rtol=1e-10, atol=1e-15)
        np.testing.assert_allclose(entry["biases"], gb, rtol=1e-10, atol=1e-15)
    for entry, (W, b, _) in zip(got["updated"], new):
        np.testing.assert_allclose(entry["weights"], W, rtol=1e-12)
        np.testing.assert_allclose(entry["biases"], b, rtol=1e-12, atol=1e-15)
    assert [sum(row) for row in got["outputs"]] == pytest.approx([1.0, 1.0])


def test_the_issue_example_gives_the_spine_gradients(tmp_path, document_numeric):
    path = tmp_path / "spine.toml"
    path.write_text("x = [[0.1, 0.2]]\ntargets = [[0.4, 0.6]]\nloss = \"half_sse\"\nlearning_rate = 0.5\n"
                    "[[layers]]\nweights = [[0.3, 0.4], [0.25, 0.35]]\nbiases = [0.0, 0.0]\nactivation = \"sigmoid\"\n"
                    "[[layers]]\nweights = [[0.45, 0.7], [0.4, 0.6]]\nactivation = \"sigmoid\"\n")
    got = json.loads(run_cli("solve", str(path), "--format", "json").stdout)
    assert got["loss"] == pytest.approx(document_numeric["E_total"], abs=1e-15)
    (g1, g2) = got["gradients"]
    d = document_numeric
    np.testing.assert_allclose(g1["weights"], [[d["dE_dW1"], d["dE_dW3"]], [d["dE_dW2"], d["dE_dW4"]]],
                               rtol=0, atol=1e-15)
    np.testing.assert_allclose(g2["weights"], [[d["dE_dW5"], d["dE_dW7"]], [d["dE_dW6"], d["dE_dW8"]]],
                               rtol=0, atol=1e-15)
    assert got["outputs"][0] == pytest.approx([document_numeric["o1"], document_numeric["o2"]], abs=1e-15)


def test_markdown_on_the_general_form(general):
    result = run_cli("solve", str(general))
    assert result.returncode == 0, result.stderr
    for heading in ("## Shapes", "## Forward pass", "## Gradients", "## Update", "## After the update"):
        assert heading in result.stdout
    assert "Total params: 20" in result.stdout  # (3·3 + 3) + (3·2 + 2)


def replace(old: str, new: str) -> str:
    assert old in GENERAL
    return GENERAL.replace(old, new, 1)


MALFORMED = {
    "shapes do not chain": (replace("[[0.2, -0.3], [0.5, 0.1], [-0.4, 0.6]]", "[[0.2, -0.3], [0.5, 0.1]]"),
                            "layers[1].weights has 2 rows but its input has width 3"),
    "first layer does not fit x": (replace("[[0.5, -0.3, 0.2], [0.1, 0.4, -0.6]]", "[[0.5, -0.3], [0.1, 0.4]]"),
                                   "layers[0].weights has 3 rows but its input has width 2"),
    "ragged weights": (replace("[0.4, -0.5, 0.6]", "[0.4, -0.5]"), "layers[0].weights is not rectangular"),
    "ragged x": (replace("[0.1, 0.4, -0.6]]", "[0.1, 0.4]]"), "x is not rectangular"),
    "unknown activation": (replace('activation = "tanh"', 'activation = "swish"'),
                           "layers[0].activation must be one of"),
    "unknown loss": (replace('loss = "cross_entropy"', 'loss = "hinge"'), "loss must be one of"),
    # a list or a table where a name belongs: unhashable, so looking it up must come after a type check
    "activation as a list": (replace('activation = "tanh"', 'activation = ["tanh"]'),
                             "layers[0].activation must be one of"),
    "loss as a table": (replace('loss = "cross_entropy"', 'loss = {name = "mse"}'), "loss must be one of"),
    "softmax with binary cross-entropy": (replace('loss = "cross_entropy"', 'loss = "binary_cross_entropy"'),
                                          "loss binary_cross_entropy needs a sigmoid output layer, got softmax"),
    "cross-entropy on a tanh output": (replace('activation = "softmax"', 'activation = "tanh"'),
                                       "loss cross_entropy needs a softmax or sigmoid output layer"),
    "targets outside [0, 1]": (replace("targets = [[0, 1], [1, 0]]", "targets = [[0, 2], [1, 0]]"),
                               "needs targets between 0 and 1"),
    "targets of the wrong width": (replace("targets = [[0, 1], [1, 0]]", "targets = [[0, 1, 0], [1, 0, 0]]"),
                                   "targets rows have 3 numbers but the last layer has 2 units"),
    "fewer targets than samples": (replace("targets = [[0, 1], [1, 0]]", "targets = [[0, 1]]"),
                                   "targets has 1 rows but x has 2"),
    "biases of the wrong length": (replace("biases = [0.05, -0.05]", "biases = [0.05]"),
                                   "layers[1]: 'biases' must have 2 numbers"),
    "a weight that is text": (replace("[0.1, -0.2, 0.3]", '[0.1, "a", 0.3]'),
                              "layers[0].weights[0][1] must be a number"),
    "NaN in x": (replace("[0.5, -0.3, 0.2]", "[nan, -0.3, 0.2]"), "x[0][0] must be finite"),
    "x not a matrix": (replace("x = [[0.5, -0.3, 0.2], [0.1, 0.4, -0.6]]", "x = [0.5, -0.3, 0.2]"),
                       "x must be a list of rows"),
    "zero learning rate": (replace("learning_rate = 0.25", "learning_rate = 0"), "learning_rate must be > 0"),
    "missing loss": (replace('loss = "cross_entropy"\n', ""), "missing key(s): loss"),
    "unknown key": (replace("learning_rate = 0.25", "learning_rate = 0.25\nmomentum = 0.9"),
                    "unknown key(s): momentum"),
    "unknown layer key": (replace('activation = "tanh"', 'activation = "tanh"\ndropout = 0.5'),
                          "layers[0]: unknown key(s): dropout"),
    "layers not tables": ("x = [[1.0]]\ntargets = [[1.0]]\nloss = \"mse\"\nlearning_rate = 0.1\nlayers = [1, 2]\n",
                          "layers[0] must be a table"),
    "no layers": ("x = [[1.0]]\ntargets = [[1.0]]\nloss = \"mse\"\nlearning_rate = 0.1\nlayers = []\n",
                  "'layers' must be one or more"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=str)
def test_malformed_general_file_fails_with_one_line(case, tmp_path):
    text, message = MALFORMED[case]
    path = tmp_path / "bad.toml"
    path.write_text(text)
    out = tmp_path / "out.json"
    result = run_cli("solve", str(path), "--format", "json", "--output", str(out))
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert str(path) in lines[0] and "Traceback" not in result.stderr
    assert not out.exists()


TWO_TWO_TWO = 'x = [0.1, 0.2]\nweights = [0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]\ntargets = [0.4, 0.6]\n' \
              'learning_rate = 0.5\nbiases = [0.35, 0.6]\n'
WRONG_KINDS = ('[]', '[[1]]', '["a"]', '{a = 1}', '[{a = 1}]', 'true', '"1"')


@pytest.mark.parametrize("form", [GENERAL, TWO_TWO_TWO], ids=["general", "2-2-2"])
def test_any_value_of_the_wrong_kind_fails_in_one_line(form, tmp_path, capsys):
    """Every value of either form replaced, one at a time, by a value of another kind (a list, a
    table, a boolean, text): one line and exit 2, never a traceback. In process: the same entry
    point as ``python -m derivations``, without a fresh interpreter for each of the hundred files."""
    from derivations import cli

    lines = form.splitlines()
    cases = 0
    for i, line in enumerate(lines):
        if " = " not in line:
            continue
        key = line.split(" = ")[0]
        for wrong in WRONG_KINDS:
            path = tmp_path / "bad.toml"
            path.write_text("\n".join([*lines[:i], f"{key} = {wrong}", *lines[i + 1:]]) + "\n")
            assert cli.main(["solve", str(path), "--format", "json"]) == 2, (key, wrong)
            out, err = capsys.readouterr()
            assert out == "" and len(err.strip().splitlines()) == 1, (key, wrong, err)
            cases += 1
    assert cases == len(WRONG_KINDS) * sum(" = " in line for line in lines)

"""``python -m derivations solve``: any 2-2-2 problem, and clean failures on bad files."""

from __future__ import annotations

import json
import math

import pytest

from conftest import run_cli
from derivations.cli import JSON_KEYS

# A second problem, unlike the notes': negative weights and inputs, biases, other targets.
SECOND = """\
x = [0.5, -0.3]
weights = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8]
targets = [1, 0]
learning_rate = 0.25
biases = [0.1, -0.2]
"""


def independent_solution(x, w, t, lr, b):
    """The 2-2-2 network written out scalar by scalar with the math module: a third route."""
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731

    def forward(w):
        z1, z2 = w[0] * x[0] + w[1] * x[1] + b[0], w[2] * x[0] + w[3] * x[1] + b[0]
        h1, h2 = s(z1), s(z2)
        z3, z4 = w[4] * h1 + w[5] * h2 + b[1], w[6] * h1 + w[7] * h2 + b[1]
        o1, o2 = s(z3), s(z4)
        E_o1, E_o2 = (t[0] - o1) ** 2 / 2, (t[1] - o2) ** 2 / 2
        return dict(z1=z1, z2=z2, h1=h1, h2=h2, z3=z3, z4=z4, o1=o1, o2=o2,
                    E_o1=E_o1, E_o2=E_o2, E_total=E_o1 + E_o2)

    v = forward(w)
    f = dict(dE_do1=v["o1"] - t[0], dE_do2=v["o2"] - t[1],
             do1_dz3=v["o1"] * (1 - v["o1"]), do2_dz4=v["o2"] * (1 - v["o2"]),
             dh1_dz1=v["h1"] * (1 - v["h1"]), dh2_dz2=v["h2"] * (1 - v["h2"]),
             dz3_dW5=v["h1"], dz3_dW6=v["h2"], dz4_dW7=v["h1"], dz4_dW8=v["h2"],
             dz3_dh1=w[4], dz3_dh2=w[5], dz4_dh1=w[6], dz4_dh2=w[7],
             dz1_dW1=x[0], dz1_dW2=x[1], dz2_dW3=x[0], dz2_dW4=x[1])
    f |= dict(dEo1_do1=f["dE_do1"], dEo2_do2=f["dE_do2"],
              dEo1_dh1=f["dE_do1"] * f["do1_dz3"] * w[4], dEo2_dh1=f["dE_do2"] * f["do2_dz4"] * w[6],
              dEo1_dh2=f["dE_do1"] * f["do1_dz3"] * w[5], dEo2_dh2=f["dE_do2"] * f["do2_dz4"] * w[7])
    f |= dict(dE_dh1=f["dEo1_dh1"] + f["dEo2_dh1"], dE_dh2=f["dEo1_dh2"] + f["dEo2_dh2"])
    d3 = (v["o1"] - t[0]) * v["o1"] * (1 - v["o1"])
    d4 = (v["o2"] - t[1]) * v["o2"] * (1 - v["o2"])
    d1 = (d3 * w[4] + d4 * w[6]) * v["h1"] * (1 - v["h1"])
    d2 = (d3 * w[5] + d4 * w[7]) * v["h2"] * (1 - v["h2"])
    grads = [d1 * x[0], d1 * x[1], d2 * x[0], d2 * x[1],
             d3 * v["h1"], d3 * v["h2"], d4 * v["h1"], d4 * v["h2"]]
    new = [wi - lr * g for wi, g in zip(w, grads)]
    v |= f
    v |= {f"dE_dW{i + 1}": g for i, g in enumerate(grads)}
    v |= {f"W{i + 1}_new": n for i, n in enumerate(new)}
    v |= {f"{name}_new": value for name, value in forward(new).items()}
    return v


def test_the_json_holds_every_value_the_symbolic_route_derives(document_problem):
    """JSON_KEYS lists the factors by hand; the symbolic route reads them off the chain rule."""
    from derivations.solve.backprop_2_2_2 import symbolic

    assert set(JSON_KEYS) == set(symbolic(document_problem)) and len(JSON_KEYS) == len(set(JSON_KEYS))


@pytest.fixture
def second_problem(tmp_path):
    path = tmp_path / "second.toml"
    path.write_text(SECOND)
    return path


def test_json_on_a_second_problem_with_biases(second_problem):
    result = run_cli("solve", str(second_problem), "--format", "json")
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert list(got) == list(JSON_KEYS)
    expected = independent_solution([0.5, -0.3], [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8],
                                    [1, 0], 0.25, [0.1, -0.2])
    for key in JSON_KEYS:
        assert got[key] == pytest.approx(expected[key], rel=1e-12, abs=1e-15), key


def test_json_on_the_documents_problem_matches_the_notes(tmp_path, document_numeric):
    path = tmp_path / "doc.toml"
    path.write_text("x = [0.1, 0.2]\nweights = [0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]\n"
                    "targets = [0.4, 0.6]\nlearning_rate = 0.5\n")
    got = json.loads(run_cli("solve", str(path), "--format", "json").stdout)
    assert round(got["E_total_new"], 8) == 0.02323634
    assert got["W1_new"] == pytest.approx(document_numeric["W1_new"], abs=1e-12)


def test_markdown_shows_the_whole_derivation(second_problem):
    result = run_cli("solve", str(second_problem))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for heading in ("Forward pass", "Step 1", "Step 2", "Update", "Second forward pass"):
        assert f"## {heading}" in text
    assert r"b_{\mathrm{hidden}}" in text  # the biases appear in the formulas when they are not zero


def test_output_file_is_written(second_problem, tmp_path):
    out = tmp_path / "out.json"
    result = run_cli("solve", str(second_problem), "--format", "json", "--output", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert set(json.loads(out.read_text())) == set(JSON_KEYS)


VALID = {"x": "[0.1, 0.2]", "weights": "[0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]",
         "targets": "[0.4, 0.6]", "learning_rate": "0.5"}


def toml(**changes):
    fields = {**VALID, **changes}
    return "".join(f"{k} = {v}\n" for k, v in fields.items() if v is not None)


MALFORMED = {
    "bad TOML": ("x = [0.1, 0.2\n", "invalid TOML"),
    "missing key": (toml(targets=None), "missing key(s): targets"),
    "unknown key": (toml(momentum="0.9"), "unknown key(s): momentum"),
    "wrong length": (toml(weights="[0.3, 0.25]"), "'weights' must have 8 numbers"),
    "not a list": (toml(x="0.1"), "'x' must be a list"),
    "a string": (toml(x='[0.1, "0.2"]'), "x[1] must be a number"),
    "a boolean": (toml(learning_rate="true"), "learning_rate must be a number"),
    "NaN": (toml(targets="[nan, 0.6]"), "targets[0] must be finite"),
    "infinity": (toml(x="[0.1, inf]"), "x[1] must be finite"),
    "negative infinity": (toml(learning_rate="-inf"), "learning_rate must be finite"),
    "zero learning rate": (toml(learning_rate="0"), "learning_rate must be > 0"),
    "negative learning rate": (toml(learning_rate="-0.5"), "learning_rate must be > 0"),
    "biases wrong length": (toml(biases="[0.1]"), "'biases' must have 2 numbers"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=str)
def test_malformed_file_fails_with_one_line_and_no_output_file(case, tmp_path):
    text, message = MALFORMED[case]
    path = tmp_path / "bad.toml"
    path.write_text(text)
    out = tmp_path / "out.md"
    result = run_cli("solve", str(path), "--output", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [path]


def test_missing_file_fails_cleanly(tmp_path):
    result = run_cli("solve", str(tmp_path / "nope.toml"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot read" in result.stderr


def test_an_existing_output_survives_a_failed_run(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(toml(learning_rate="0"))
    out = tmp_path / "out.md"
    out.write_text("previous result\n")
    assert run_cli("solve", str(path), "--output", str(out)).returncode == 2
    assert out.read_text() == "previous result\n"

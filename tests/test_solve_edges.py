"""``solve`` at the edges the issue's fuzzing found: saturation in the 2-2-2 form, 1e308 and 1e52,
exact decimals, deep nesting, ``--output`` onto what is not a regular file, strict JSON, every
format wherever JSON works, and the CLI's text for the notes' example pinned."""

from __future__ import annotations

import json
import os
import stat
import time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import mpmath
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from derivations import cli
from derivations.problems import BackpropProblem, as_dense, read_toml
from derivations.solve import backprop_2_2_2 as solve_2_2_2
from mpmath_reference import reference

HERE = Path(__file__).resolve().parent
NOTES = """\
x = [0.1, 0.2]
weights = [0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]
targets = [0.4, 0.6]
learning_rate = 0.5
"""


def strict(text: str) -> dict:
    """JSON that Python's parser accepts without NaN or Infinity."""
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


def reference_2_2_2(problem: BackpropProblem) -> dict:
    """The 2-2-2 JSON's values from the independent mpmath reference (biases not updated)."""
    r = reference(as_dense(problem), update_biases=False)
    (z1, z2), (z3, z4) = r["Z"][0][0], r["Z"][1][0]
    (h1, h2), (o1, o2) = r["A"][0][0], r["A"][1][0]
    with mpmath.workdps(100):
        t1, t2 = (mpmath.mpf(t.numerator) / t.denominator for t in problem.targets)
        values = dict(z1=z1, z2=z2, h1=h1, h2=h2, z3=z3, z4=z4, o1=o1, o2=o2, E_o1=(t1 - o1) ** 2 / 2,
                      E_o2=(t2 - o2) ** 2 / 2, E_total=r["loss"], E_total_new=r["loss_new"])
    places = [(0, 0, 0), (0, 1, 0), (0, 0, 1), (0, 1, 1), (1, 0, 0), (1, 1, 0), (1, 0, 1), (1, 1, 1)]
    for i, (layer, row, col) in enumerate(places, start=1):
        values[f"dE_dW{i}"] = r["gradients"][layer]["weights"][row][col]
        values[f"W{i}_new"] = r["updated"][layer]["weights"][row][col]
    return values


@pytest.mark.parametrize("weight", [200, 400, 700, 1000])
def test_2_2_2_form_at_saturation_equals_the_reference(weight):
    w = Fraction(weight)
    problem = BackpropProblem(x=(Fraction(1, 10), Fraction(2, 10)), weights=(w,) * 8,
                              targets=(Fraction(4, 10), Fraction(6, 10)), learning_rate=Fraction(1, 2))
    got = solve_2_2_2.symbolic(problem)
    want = reference_2_2_2(problem)
    assert set(want) < set(solve_2_2_2.JSON_KEYS)
    for key in want:  # the reference's values; the factors come from the same closed forms, tested in test_solve_certified
        with mpmath.workdps(60):
            gap = abs(mpmath.mpf(got[key].json()) - want[key]) / abs(want[key])
        assert gap <= 1e-16, (key, got[key].json())
    # The numbers: at 200, dE_dW5 = 1.1491017580284034e-174 (the old path printed …22713e-174).
    if weight == 200:
        assert got["dE_dW5"].json() == "1.1491017580284034e-174"


def test_1e308_weights_answer_within_10_seconds(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(NOTES.replace("[0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]", "[1e308, 1e308, 1e308, 1e308, "
                                  "1e308, 1e308, 1e308, 1e308]"))
    start = time.monotonic()
    result = run_cli("solve", str(path), "--format", "json")
    assert time.monotonic() - start < 10
    assert result.returncode == 0, result.stderr
    got = strict(result.stdout)
    assert got["W1_new"] == 1e308 and got["o1"] == 1.0
    assert "e-" in result.stdout.split('"dE_dW1": ')[1].split(",")[0]  # tiny, printed, not 0
    numeric = run_cli("solve", str(path), "--format", "json", "--route", "numeric")
    assert numeric.returncode == 2 and len(numeric.stderr.strip().splitlines()) == 1
    assert "float64" in numeric.stderr and numeric.stdout == ""


def test_markdown_at_1e52_and_no_0E_8(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(NOTES.replace("x = [0.1, 0.2]", "x = [1e52, 0.2]"))
    result = run_cli("solve", str(path))
    assert result.returncode == 0, result.stderr
    # z1 = 0.3·1e52 + 0.25·0.2 = 3e51 + 0.05, to 17 digits (all shown: the value is not exactly that)
    assert r"3.0000000000000000 \times 10^{51}" in result.stdout
    assert "0E-" not in result.stdout and "E-8" not in result.stdout


def test_numbers_are_the_decimals_written(tmp_path):
    path = tmp_path / "exact.toml"
    path.write_text(NOTES.replace("x = [0.1, 0.2]", "x = [1, 0]")
                    .replace("[0.3, 0.25,", "[0.12345678499999999999, 0.25,"))
    data = read_toml(path)
    assert data["weights"][0] == Decimal("0.12345678499999999999")
    from derivations.problems import backprop_problem
    from derivations.symbolic.backprop_2_2_2 import Solution
    from derivations.tables.common import fixed

    problem = backprop_problem(data)
    assert problem.weights[0] == Fraction("0.12345678499999999999")
    assert fixed(Solution(problem, {}).value["z1"]) == "0.12345678"  # not 0.12345679 via a float
    got = strict(run_cli("solve", str(path), "--format", "json").stdout)
    assert got["z1"] == pytest.approx(0.123456785)
    assert '"z1": 0.12345678500000000' in run_cli("solve", str(path), "--format", "json").stdout


@pytest.mark.parametrize("text", ["x = " + "[" * 495 + "]" * 495,
                                  "x = " + "{a = " * 3000 + "1" + "}" * 3000])
def test_deep_nesting_is_one_line(tmp_path, text):
    path = tmp_path / "deep.toml"
    path.write_text(text + "\n")
    result = run_cli("solve", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "notes.toml"
    path.write_text(NOTES)
    return path


def test_output_refuses_a_symlink(notes, tmp_path):
    target = tmp_path / "target.txt"
    target.write_text("kept\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run_cli("solve", str(notes), "--output", str(link))
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert link.is_symlink() and target.read_text() == "kept\n"


def test_output_refuses_a_fifo(notes, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run_cli("solve", str(notes), "--output", str(fifo))
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_refuses_the_input(notes, tmp_path):
    result = run_cli("solve", str(notes), "--output", str(notes))
    assert result.returncode == 2 and "problem file" in result.stderr
    assert notes.read_text() == NOTES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.toml"]  # no temporary left


def test_output_has_the_umask_s_permissions(notes, tmp_path):
    out = tmp_path / "out.json"
    old = os.umask(0o027)
    try:
        assert cli.main(["solve", str(notes), "--format", "json", "--output", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert strict(out.read_text())["E_total_new"] == pytest.approx(0.02323634, abs=5e-9)


def test_output_replacing_a_file_keeps_its_permissions(notes, tmp_path):
    """README: a file --output replaces keeps its own permissions (a private file stays private)."""
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(0o600)
    old = os.umask(0o022)
    try:
        assert cli.main(["solve", str(notes), "--format", "json", "--output", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and "E_total_new" in strict(out.read_text())


# --- pinned text for the notes' example; test_cli_solve.py holds the same values to the notes and to an
# independent float computation, this detects any change in how they are written --------------------------

@pytest.mark.parametrize("fmt, name", [("json", "solve_notes.json"), ("markdown", "solve_notes.md")])
def test_cli_text_for_the_notes_example_is_pinned(notes, fmt, name):
    result = run_cli("solve", str(notes), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (HERE / "expected" / name).read_text(encoding="utf-8")


# --- every format wherever JSON works -----------------------------------------------------------------

sizes = st.sampled_from(["0", "1e-300", "-2.5", "200", "1e52", "1e308", "0.1", "-1e-5", "700"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=st.lists(sizes, min_size=2, max_size=2), w=st.lists(sizes, min_size=8, max_size=8),
       t=st.lists(st.sampled_from(["0", "1", "0.5", "0.25"]), min_size=2, max_size=2),
       route=st.sampled_from(["symbolic", "numeric"]))
def test_every_format_works_wherever_json_does(tmp_path, capsys, x, w, t, route):
    path = tmp_path / "p.toml"
    path.write_text(f"x = [{', '.join(x)}]\nweights = [{', '.join(w)}]\ntargets = [{', '.join(t)}]\n"
                    "learning_rate = 0.5\n")
    status = cli.main(["solve", str(path), "--format", "json", "--route", route])
    out, err = capsys.readouterr()
    if status != 0:
        assert status == 2 and len(err.strip().splitlines()) == 1
        return
    strict(out)
    assert cli.main(["solve", str(path), "--format", "markdown", "--route", route]) == 0
    markdown = capsys.readouterr().out
    assert "## Second forward pass" in markdown and "0E-" not in markdown and "nan" not in markdown.lower()


def test_an_absurd_size_is_refused_in_one_line_before_any_work(tmp_path):
    """2,000 samples × 200 inputs through a 200 × 200 layer: 4 × 2,000 × 40,000 multiply-adds."""
    row = "[" + ", ".join(["0.5"] * 200) + "]"
    path = tmp_path / "absurd.toml"
    path.write_text(f"x = [{', '.join([row] * 2000)}]\ntargets = [{', '.join([row] * 2000)}]\n"
                    f'loss = "mse"\nlearning_rate = 0.1\n[[layers]]\nweights = [{", ".join([row] * 200)}]\n'
                    'activation = "identity"\n')
    result = run_cli("solve", str(path), "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "too large" in result.stderr


def test_the_numeric_route_prints_the_same_shape_on_both_forms(notes, tmp_path):
    general = tmp_path / "general.toml"
    general.write_text('x = [[0.1, 0.2], [1, -1]]\ntargets = [[1, 0], [0, 1]]\nloss = "cross_entropy"\n'
                       'learning_rate = 0.5\n[[layers]]\nweights = [[0.3, 0.4], [0.25, 0.35]]\n'
                       'activation = "relu"\n[[layers]]\nweights = [[300, -300], [0.4, 0.6]]\nactivation = "softmax"\n')
    for path in (notes, general):
        symbolic = strict(run_cli("solve", str(path), "--format", "json").stdout)
        numeric = strict(run_cli("solve", str(path), "--format", "json", "--route", "numeric").stdout)
        shape = lambda v: {k: shape(x) for k, x in v.items()} if isinstance(v, dict) else (  # noqa: E731
            [shape(x) for x in v] if isinstance(v, list) else None)
        assert shape(symbolic) == shape(numeric)
        flat = lambda v: [y for x in v.values() for y in flat(x)] if isinstance(v, dict) else (  # noqa: E731
            [y for x in v for y in flat(x)] if isinstance(v, list) else [v])
        assert flat(numeric) == pytest.approx(flat(symbolic), rel=1e-12, abs=1e-300)

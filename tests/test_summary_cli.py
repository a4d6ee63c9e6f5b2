"""``python -m derivations summary``: Keras' model summary of a dense network, without Keras."""

from __future__ import annotations

import re

import pytest

from conftest import run_cli
from derivations.problems import data_file, printed_values

PRINTED = {p.name: p for p in printed_values(data_file("dense"))}


def test_the_notes_network_totals_139():
    result = run_cli("summary", "4", "8", "8", "3")
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^(dense(?:_\d)?) \(Dense\) +\(None, (\d+)\) +(\d+)", result.stdout, re.M)
    assert rows == [("dense", "8", "40"), ("dense_1", "8", "72"), ("dense_2", "3", "27")]
    assert "Total params: 139\nTrainable params: 139\nNon-trainable params: 0\n" in result.stdout


def test_the_3_2_layer_prints_exactly_what_000_printed():
    result = run_cli("summary", "3", "2")
    assert result.stdout.strip("\n") == PRINTED["summary_3_2"].value.strip("\n")


@pytest.mark.parametrize("widths", [[1, 1], [7, 5, 2], [2, 3, 4, 5, 6]])
def test_every_count_is_inputs_times_units_plus_units(widths):
    out = run_cli("summary", *map(str, widths)).stdout
    counts = [int(c) for c in re.findall(r"\(None, \d+\) +(\d+)", out)]
    expected = [n * j + j for n, j in zip(widths, widths[1:])]
    assert counts == expected
    assert f"Total params: {sum(expected):,}" in out


BAD = {
    "nothing": ([], "needs the input width"),
    "one width": (["4"], "needs the input width"),
    "zero": (["4", "0"], "positive whole numbers, got '0'"),
    "negative": (["4", "-8"], "positive whole numbers, got '-8'"),
    "a word": (["4", "eight"], "positive whole numbers, got 'eight'"),
    "a fraction": (["4", "2.5"], "positive whole numbers, got '2.5'"),
    "a superscript digit": (["4", "²"], "positive whole numbers"),
}


@pytest.mark.parametrize("case", BAD, ids=str)
def test_bad_widths_fail_with_one_line(case):
    args, message = BAD[case]
    result = run_cli("summary", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr

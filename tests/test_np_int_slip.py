"""The step code's ``dtype=np.int`` slip (002 §2.3) is one entry with one fix, and the two pages
that meet it (the perceptron chapter shows the step's code, the activations chapter lists the
slips of §2.3) give that same fix."""

from __future__ import annotations

import re

import numpy as np
import pytest

from conftest import ROOT
from derivations.numeric import perceptron as numeric
from derivations.problems import data_file, errata
from derivations.tables import activations, perceptron
from derivations.tables.language import resolve
from test_site_build import visible_text

FIX = re.compile(r"np\.array\(x > 0, dtype=([\w.]+)\)")
"""The note's line, as the pages quote it and fix it: which dtype each gives."""

DATA_FILES = sorted(p.stem for p in (ROOT / "derivations" / "problems").glob("*.toml"))


def test_the_slip_has_one_entry():
    entries = [(name, e.id) for name in DATA_FILES for e in errata(data_file(name)) if "np.int" in e.printed]
    assert entries == [("perceptron", perceptron.NP_INT)]


def test_the_fix_runs_and_is_the_pages_step():
    (e,) = [e for e in errata(data_file("perceptron")) if e.id == perceptron.NP_INT]
    x = np.arange(-5.0, 5.0, 0.1)
    with pytest.raises(AttributeError):
        eval(e.printed.removeprefix("return "), {"np": np, "x": x})   # the note's line
    fixed = eval(perceptron.np_int_fix(e), {"np": np, "x": x})
    np.testing.assert_array_equal(fixed, numeric.step(x))
    assert fixed.dtype == numeric.step(x).dtype


def test_both_generated_lists_give_the_same_fix():
    gates = resolve(perceptron.generate()["generated/perceptron/errata.md"], "en")
    slips = resolve(activations.np_int_reference(), "en")
    assert set(FIX.findall(gates)) == set(FIX.findall(slips)) == {"np.int", "int"}
    assert f"/perceptron.md#{perceptron.slip_anchor(perceptron.NP_INT)})" in slips
    assert f'id="{perceptron.slip_anchor(perceptron.NP_INT)}"' in gates


def test_the_built_pages_give_the_same_fix(built_site):
    site, _ = built_site
    fixes = {}
    for page in ("perceptron", "activations"):
        text = visible_text((site / page / "index.html").read_text(encoding="utf-8"))
        fixes[page] = set(FIX.findall(text)) - {"np.int"}
    assert fixes == {"perceptron": {"int"}, "activations": {"int"}}

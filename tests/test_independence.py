"""The two routes stay independent: NumPy code never touches SymPy, and neither imports the other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "derivations"


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((PACKAGE / "numeric").glob("*.py")), ids=lambda p: p.name)
def test_numeric_never_uses_sympy(path):
    found = imports(path)
    assert not any(n == "sympy" or n.startswith(("sympy.", "derivations.symbolic")) for n in found)
    assert "lambdify" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted((PACKAGE / "symbolic").glob("*.py")), ids=lambda p: p.name)
def test_symbolic_never_uses_the_numeric_route(path):
    assert not any(n.startswith("derivations.numeric") for n in imports(path))


def test_the_check_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from derivations.symbolic.backprop_2_2_2 import solve\n")
    assert "derivations.symbolic.backprop_2_2_2" in imports(bad)

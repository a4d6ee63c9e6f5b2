"""No generated file marks a disagreement: a regression followed by `tables` must not publish ✗
beside a value while the other tests stay green."""

from __future__ import annotations

import pytest

from conftest import ROOT

GENERATED = sorted((ROOT / "docs" / "generated").rglob("*.md"))


def test_the_generated_files_carry_agreement_marks():
    marks = sum(path.read_text(encoding="utf-8").count("✓") for path in GENERATED)
    assert marks > 100  # the check below looks at the columns that hold them


@pytest.mark.parametrize("path", GENERATED, ids=[p.relative_to(ROOT / "docs").as_posix() for p in GENERATED])
def test_no_generated_file_marks_a_disagreement(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "✗" in line]
    assert not lines, "\n".join(lines)

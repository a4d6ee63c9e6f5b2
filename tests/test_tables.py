"""``python -m derivations tables``: committed tables equal what the derivations give."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_cli
from derivations import tables


def test_committed_tables_are_up_to_date():
    result = run_cli("tables", "--check")
    assert result.returncode == 0, result.stderr


@pytest.fixture
def docs_copy(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "generated", docs / "generated")
    return docs


def test_check_fails_on_an_edited_table_and_names_it(docs_copy):
    table = docs_copy / "generated" / "backprop_2_2_2" / "forward.md"
    table.write_text(table.read_text().replace("0.51998934", "0.51998935", 1))
    result = run_cli("tables", "--check", "--docs", str(docs_copy))
    assert result.returncode == 1
    assert "stale: " in result.stderr and "forward.md" in result.stderr
    assert table.read_text().count("0.51998935") == 1  # --check changes nothing


def test_check_fails_on_a_missing_and_on_an_orphaned_file(docs_copy):
    (docs_copy / "generated" / "backprop_2_2_2" / "step1.md").unlink()
    (docs_copy / "generated" / "backprop_2_2_2" / "old.md").write_text("left behind\n")
    result = run_cli("tables", "--check", "--docs", str(docs_copy))
    assert result.returncode == 1
    assert "step1.md" in result.stderr and "old.md (no longer generated)" in result.stderr


def test_regeneration_restores_the_tables_byte_for_byte(docs_copy):
    table = docs_copy / "generated" / "backprop_2_2_2" / "update.md"
    original = table.read_bytes()
    table.write_text("edited\n")
    assert run_cli("tables", "--docs", str(docs_copy)).returncode == 0
    assert table.read_bytes() == original
    assert run_cli("tables", "--check", "--docs", str(docs_copy)).returncode == 0


def test_generation_is_deterministic():
    assert tables.generate_all() == tables.generate_all()


def test_tables_without_a_docs_directory_is_a_one_line_error(tmp_path):
    result = run_cli("tables", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no such directory" in result.stderr


def test_atomic_write_leaves_no_temporary_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "t.md"
    target.write_text("old\n")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(tables.os, "replace", fail)
    with pytest.raises(OSError):
        tables.write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.md"]


def test_agreement_is_a_bound_and_shows_a_gap_that_breaks_it():
    from derivations.tables.common import agreement

    assert agreement(0.1, 0.1 + 1e-16) == agreement(0.1, 0.1) == "< 1e-12 ✓"
    assert agreement(0.1, 0.1 + 3e-9) == "3.0e-09 ✗"

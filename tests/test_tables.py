"""``python -m derivations tables``: committed tables equal what the derivations give.

The tables are generated once per session (``generated_docs``, a real ``tables`` run). The checks
on edited, deleted and added files run the command in this process on copies, with the generator
returning that session's result, so each check costs no regeneration.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import ROOT, run_cli
from derivations import cli, tables


def test_committed_tables_are_up_to_date(generated_files):
    found = tables.problems(ROOT / "docs", generated_files)
    versions = tables.version_differences(tables.recorded_versions(ROOT / "docs"), "the tables were made with")
    assert found == [], "\n".join([*found, *versions])


def test_generation_is_deterministic_across_processes_and_hash_seeds(tables_checked_again):
    """The session's tables were made with PYTHONHASHSEED=1; another process with another seed
    must find every one of them up to date, and nothing else."""
    result = tables_checked_again
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ generated files up to date\n", result.stdout)


@pytest.fixture
def docs_copy(generated_docs, generated_files, tmp_path, monkeypatch):
    """A copy of the session's generated files; ``tables`` run on it in this process reuses the
    session's generation instead of deriving everything again."""
    docs = tmp_path / "docs"
    shutil.copytree(generated_docs, docs)
    monkeypatch.setattr(tables, "generate_all", lambda fresh=False: dict(generated_files))
    return docs


def tables_command(capsys, *args: str) -> tuple[int, str, str]:
    """``python -m derivations tables ARGS`` in this process: exit status, stdout, stderr."""
    status = cli.main(["tables", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_fails_on_an_edited_table_and_names_it(docs_copy, capsys):
    table = docs_copy / "generated" / "backprop_2_2_2" / "forward.md"
    table.write_text(table.read_text().replace("0.51998934", "0.51998935", 1))
    status, _, err = tables_command(capsys, "--check", "--docs", str(docs_copy))
    assert status == 1
    assert f"stale: {table}\n" in err
    assert err.count("stale: ") == 1 and "missing: " not in err and "orphaned: " not in err
    assert table.read_text().count("0.51998935") == 1  # --check changes nothing


def test_check_fails_on_a_missing_and_on_an_orphaned_file(docs_copy, capsys):
    missing = docs_copy / "generated" / "backprop_2_2_2" / "step1.md"
    missing.unlink()
    (docs_copy / "generated" / "backprop_2_2_2" / "old.md").write_text("left behind\n")
    status, _, err = tables_command(capsys, "--check", "--docs", str(docs_copy))
    assert status == 1
    assert f"missing: {missing}\n" in err and "stale: " not in err
    assert "old.md (no longer generated)" in err
    assert "2 generated file(s) out of date" in err


@pytest.mark.parametrize("orphan", [
    "generated/orphan_top.md",            # at the top of generated/
    "generated/perceptron/sub/y.md",      # in a folder no chapter writes
    "generated/new_chapter/z.svg",        # in a new folder
    "source/extra.md",                    # beside the generated source pages
])
def test_check_finds_an_orphan_anywhere_in_the_generated_folders(docs_copy, capsys, orphan):
    path = docs_copy / orphan
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("left behind\n")
    status, _, err = tables_command(capsys, "--check", "--docs", str(docs_copy))
    assert status == 1
    assert err.startswith(f"orphaned: {path} (no longer generated)\n")
    assert "1 generated file(s) out of date" in err


def test_a_run_removes_the_temporary_file_an_interrupted_run_left(docs_copy, capsys):
    leftover = docs_copy / "generated" / "backprop_2_2_2" / ".forward.md.k2j4x9.tmp"
    leftover.write_text("half a ta")
    status, _, err = tables_command(capsys, "--check", "--docs", str(docs_copy))
    assert status == 1 and f"orphaned: {leftover} (left by an interrupted run)" in err
    assert leftover.exists()  # --check changes nothing
    assert tables_command(capsys, "--docs", str(docs_copy))[0] == 0
    assert not leftover.exists()
    assert tables_command(capsys, "--check", "--docs", str(docs_copy))[0] == 0


def test_regeneration_restores_the_tables_byte_for_byte(docs_copy, capsys):
    table = docs_copy / "generated" / "backprop_2_2_2" / "update.md"
    original = table.read_bytes()
    table.write_text("edited\n")
    status, out, _ = tables_command(capsys, "--docs", str(docs_copy))
    assert status == 0 and f"wrote {table}\n" in out
    assert table.read_bytes() == original
    assert tables_command(capsys, "--check", "--docs", str(docs_copy))[0] == 0


def test_check_on_other_versions_names_the_version_that_differs(docs_copy, capsys):
    recorded = docs_copy / tables.VERSIONS
    made_with = json.loads(recorded.read_text()) | {"sympy": "0.9.0"}
    recorded.write_text(json.dumps(made_with))
    assert tables_command(capsys, "--check", "--docs", str(docs_copy))[0] == 0  # a record, not a table
    table = docs_copy / "generated" / "backprop_2_2_2" / "forward.md"
    table.write_text("made by another SymPy\n")
    status, _, err = tables_command(capsys, "--check", "--docs", str(docs_copy))
    assert status == 1
    here = tables.versions()["sympy"]
    assert f"versions differ: sympy {here} here, the tables were made with 0.9.0" in err
    assert err.count("versions differ") == 1


def test_the_committed_tables_were_made_with_the_pinned_versions_and_so_is_this_run():
    """constraints.txt pins what shapes the tables; docs/generated/versions.json records what they
    were made with; the README's test command installs with the constraints."""
    pinned = tables.pinned_versions()
    assert set(pinned) == set(tables.SHAPING)
    recorded = tables.recorded_versions(ROOT / "docs")
    assert {name: recorded[name] for name in pinned} == pinned
    assert tables.version_differences(pinned, "constraints.txt pins") == []


def test_generation_is_deterministic_within_a_process(generated_files):
    """Each chapter generated here, one after another, gives what the session's run gave."""
    chapter = "perceptron"
    files = tables.editions({chapter: tables._chapter(chapter)})
    assert files and all(generated_files[name] == text for name, text in files.items())


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


def _agreement_cells(markdown: str) -> list[str]:
    """Every cell of every table in ``markdown`` (Markdown, or HTML as the site's layout writes
    it) whose column marks agreement (some cell of the column holds ✓ or ✗)."""
    from bs4 import BeautifulSoup

    tables = []
    rows: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if len(rows) > 2:
            tables.append(rows[2:])
        rows = []
    for table in BeautifulSoup(markdown, "html.parser").find_all("table"):
        body = [[cell.get_text(" ", strip=True) for cell in tr.find_all("td")] for tr in table.find_all("tr")]
        tables.append([row for row in body if row])
    cells = []
    for body in tables:
        for column in zip(*body):
            if any("✓" in cell or "✗" in cell for cell in column):
                cells.extend(column)
    return cells


def test_no_generated_table_shows_a_disagreement(generated_files):
    """A regression followed by `tables` would publish ✗ with every other test green."""
    columns = {name: _agreement_cells(text) for name, text in generated_files.items() if name.endswith(".md")}
    assert sum(len(cells) for cells in columns.values()) >= 100
    assert {name: [c for c in cells if "✗" in c] for name, cells in columns.items() if any("✗" in c for c in cells)} == {}


def test_the_agreement_check_reads_tables():
    table = "| a | agreement |\n| :-- | :-- |\n| 1 | < 1e-12 ✓ |\n| 2 | 3.0e-09 ✗ |\n\ntext ✗\n"
    assert _agreement_cells(table) == ["< 1e-12 ✓", "3.0e-09 ✗"]
    html = ("<table><thead><tr><th>a</th><th>agreement</th></tr></thead><tbody>"
            "<tr><td>1</td><td>< 1e-12 ✓</td></tr><tr><td>2</td><td>3.0e-09 ✗</td></tr></tbody></table>")
    assert _agreement_cells(html) == ["< 1e-12 ✓", "3.0e-09 ✗"]

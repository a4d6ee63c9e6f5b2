"""A chapter is taken from its record only while everything it was made from is unchanged."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT
from derivations import tables
from derivations.tables import memo

VERSIONS = {"python": "3.11", "sympy": "1.14.0"}


def _recorded(root, read=(["data.toml", "code.py"], ["inputs"])):
    (root / "inputs").mkdir()
    (root / "inputs" / "a.txt").write_text("a")
    (root / "data.toml").write_text("x = 1\n")
    (root / "code.py").write_text("X = 1\n")
    memo.remember(root, "chapter", VERSIONS, {"generated/chapter/t.md": "table\n"}, read)


def test_an_unchanged_record_is_recalled(tmp_path):
    _recorded(tmp_path)
    assert memo.recall(tmp_path, "chapter", VERSIONS) == {"generated/chapter/t.md": "table\n"}
    assert memo.recall(tmp_path, "another", VERSIONS) is None


def test_an_edited_or_deleted_input_file_invalidates_the_record(tmp_path):
    _recorded(tmp_path)
    (tmp_path / "data.toml").write_text("x = 2\n")
    assert memo.recall(tmp_path, "chapter", VERSIONS) is None
    (tmp_path / "data.toml").write_text("x = 1\n")
    assert memo.recall(tmp_path, "chapter", VERSIONS) is not None
    (tmp_path / "code.py").unlink()
    assert memo.recall(tmp_path, "chapter", VERSIONS) is None


def test_a_file_added_to_a_listed_folder_invalidates_the_record(tmp_path):
    _recorded(tmp_path)
    (tmp_path / "inputs" / "b.txt").write_text("b")
    assert memo.recall(tmp_path, "chapter", VERSIONS) is None


def test_other_library_versions_invalidate_the_record(tmp_path):
    _recorded(tmp_path)
    assert memo.recall(tmp_path, "chapter", VERSIONS | {"sympy": "1.13.3"}) is None


def test_a_corrupt_record_is_not_used(tmp_path):
    _recorded(tmp_path)
    (tmp_path / ".cache" / "tables" / "chapter.json").write_text('{"versions": ')
    assert memo.recall(tmp_path, "chapter", VERSIONS) is None


def test_the_process_records_what_it_opens_lists_and_imports_inside_the_clone(tmp_path):
    """The audit hook, in a fresh interpreter: a file read, a folder globbed and a module imported
    inside the root are inputs; a file outside it and the record folder are not."""
    (tmp_path / "inside.toml").write_text("x = 1\n")
    (tmp_path / "folder").mkdir()
    (tmp_path / "mod_inside.py").write_text("Y = 2\n")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "ignored.txt").write_text("")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("elsewhere")
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from derivations.tables import memo
        root = Path({str(tmp_path)!r})
        memo.watch(root)
        (root / "inside.toml").read_text()
        list((root / "folder").glob("*"))
        (root / ".cache" / "ignored.txt").read_text()
        Path({str(outside)!r}).read_text()
        sys.path.insert(0, str(root))
        import mod_inside
        print(memo.inputs(root))
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    files, listed = eval(result.stdout)  # noqa: S307  (our own repr of two lists of str)
    assert files == ["inside.toml", "mod_inside.py"]
    assert "folder" in listed and not any(p.startswith(".cache") for p in listed)


def test_every_chapter_recorded_by_the_sessions_fresh_run_is_recalled_as_it_was_written(generated_files):
    """``generated_docs`` ran ``tables --fresh``, which records each chapter: with nothing
    changed since, each record is recalled, and it holds the files that run wrote (in both
    editions, once each is written out)."""
    running = tables.versions()
    for chapter in tables.CHAPTERS:
        recalled = memo.recall(ROOT, chapter, running)
        assert recalled is not None, chapter
        written = tables.editions({chapter: recalled})
        assert written and all(generated_files[name] == text for name, text in written.items()), chapter

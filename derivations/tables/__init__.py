"""Generated tables and figures: every value the site prints, written under ``docs/``.

Each chapter module has a ``generate()`` returning ``{path under docs/: text}``. ``write`` replaces
files atomically; ``stale`` lists committed files that differ from what the derivations give.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path

CHAPTERS = (
    "backprop_2_2_2",
)
"""Modules of this package, one per chapter, each with ``generate()``."""


def generate_all() -> dict[str, str]:
    files: dict[str, str] = {}
    for chapter in CHAPTERS:
        module = importlib.import_module(f"{__name__}.{chapter}")
        files |= module.generate()
    return dict(sorted(files.items()))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a reader (or a crash)
    never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write(docs: Path, files: dict[str, str]) -> list[Path]:
    """Write the files that changed; return their paths."""
    changed = []
    for name, text in files.items():
        path = docs / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            changed.append(path)
    return changed


def stale(docs: Path, files: dict[str, str]) -> list[str]:
    """Paths (under ``docs/``) whose committed text differs from ``files``, or that are missing,
    or that sit in a generated folder without being generated any more."""
    problems = [name for name, text in files.items()
                if not (docs / name).is_file() or (docs / name).read_text(encoding="utf-8") != text]
    folders = {Path(name).parent for name in files}
    for folder in folders:
        for path in sorted((docs / folder).glob("*")):
            name = path.relative_to(docs).as_posix()
            if path.is_file() and name not in files:
                problems.append(f"{name} (no longer generated)")
    return problems

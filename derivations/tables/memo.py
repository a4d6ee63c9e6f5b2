"""A chapter's files, remembered with everything they were made from, so that an unchanged chapter
is not derived again (``tables`` and ``tables --check`` after an edit redo only what it touched).

While a chapter is generated, a :func:`sys.addaudithook` hook records every file of the clone that
the process opens and every folder it lists (a glob is an input too), and every module of the
clone it has imported. The record, ``.cache/tables/<chapter>.json``, holds a SHA-256 of each such
file, a digest of each listing, and the versions of Python and of the libraries that shape the
text. It is used only while every one of those is unchanged.

The record may hold more than the chapter needs: a worker process keeps what it opened for earlier
chapters. More inputs cost a useless regeneration now and then, never a stale file; missing one
would, which is why the record is made from what the process did, not from what a module says it
imports. ``tables --fresh`` ignores the records (and writes new ones).
"""

from __future__ import annotations

import hashlib
import json
import os
import site
import sys
from pathlib import Path

_ROOT: Path | None = None
_OPENED: set[str] = set()
_LISTED: set[str] = set()


_LIBRARIES = tuple({os.path.abspath(p) + os.sep for p in (sys.prefix, sys.base_prefix, *site.getsitepackages())})
"""Where Python and the installed libraries live (a virtual environment may sit in the clone): the
record names the versions that shape the text instead of hashing their files."""


def _inside(path, root: Path) -> str | None:
    """``path`` as a string if it names a file of the clone itself (not its cache, not an installed
    library, not compiled bytecode), else None."""
    if isinstance(path, int) or path is None:
        return None
    try:
        text = os.path.abspath(os.fsdecode(path))
    except (TypeError, ValueError):
        return None
    if (not text.startswith(str(root) + os.sep) or text.startswith(str(root / ".cache") + os.sep)
            or text.startswith(_LIBRARIES) or f"{os.sep}__pycache__" in text):
        return None
    return text


def _audit(event: str, args: tuple) -> None:
    if event == "open":
        path = _inside(args[0], _ROOT)
        if path is not None and os.path.isfile(path):
            _OPENED.add(path)
    elif event in ("os.listdir", "os.scandir"):
        path = _inside(args[0] if args else ".", _ROOT)
        if path is not None:
            _LISTED.add(path)


def watch(root: Path) -> None:
    """Start recording what this process reads under ``root`` (once per process)."""
    global _ROOT
    if _ROOT is None:
        _ROOT = root.resolve()
        sys.addaudithook(_audit)


def _digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _listing(path: str) -> str | None:
    try:
        return hashlib.sha256("\0".join(sorted(os.listdir(path))).encode()).hexdigest()
    except OSError:
        return None


def _modules(root: Path) -> set[str]:
    files = set()
    for module in list(sys.modules.values()):
        path = _inside(getattr(module, "__file__", None), root)
        if path is not None:
            files.add(path)
    return files


def _record_path(root: Path, chapter: str) -> Path:
    return root / ".cache" / "tables" / f"{chapter}.json"


def inputs(root: Path) -> tuple[list[str], list[str]]:
    """What this process has read under ``root`` since :func:`watch`: the files (opened, or
    imported as modules) and the folders listed, relative to ``root``."""
    root = root.resolve()
    files = sorted(os.path.relpath(p, root) for p in _OPENED | _modules(root))
    return files, sorted(os.path.relpath(p, root) for p in _LISTED)


def remember(root: Path, chapter: str, versions: dict[str, str], files: dict[str, str],
             read: tuple[list[str], list[str]]) -> None:
    """Store ``files`` with the digests of what they were made from (``read``, as :func:`inputs`)."""
    root = root.resolve()
    record = {"versions": versions,
              "files": {p: _digest(str(root / p)) for p in read[0]},
              "listings": {p: _listing(str(root / p)) for p in read[1]},
              "output": files}
    path = _record_path(root, chapter)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def recall(root: Path, chapter: str, versions: dict[str, str]) -> dict[str, str] | None:
    """The files remembered for ``chapter`` if nothing they were made from has changed, else None."""
    root = root.resolve()
    try:
        record = json.loads(_record_path(root, chapter).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("versions") != versions:
        return None
    if any(_digest(str(root / p)) != d for p, d in record["files"].items()):
        return None
    if any(_listing(str(root / p)) != d for p, d in record["listings"].items()):
        return None
    return record["output"]

"""``solve --output FILE``: a regular file, written whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from derivations.problems import ProblemError


def write_result(path: Path, text: str, problem: Path) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: a new file gets the
    permissions the umask gives, a file replaced keeps its own. Refused: a path that exists and is not a regular file (a
    symlink, FIFO or device would be replaced, or written through), and the problem file itself."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ProblemError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ProblemError(f"{path}: not a regular file; refusing to replace it")
    if info is not None and problem.exists() and os.path.samefile(path, problem):
        raise ProblemError(f"{path}: is the problem file; refusing to overwrite it")
    umask = os.umask(0)
    os.umask(umask)
    mode = (stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~umask)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ProblemError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            os.fchmod(f.fileno(), mode)
        os.replace(tmp, path)
    except BaseException as exc:
        os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ProblemError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise

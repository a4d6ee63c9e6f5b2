"""The NumPy sessions the pages show: runnable scripts under ``docs_src/<folder>/<name>.py``, each
included on its page by ``pymdownx.snippets`` and followed by what it printed, captured here.

The scripts are files, not strings: a reader can run, import or lint them, and the tests run each
in a fresh interpreter and compare its output with the captured one.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import warnings
from pathlib import Path

import numpy as np

from derivations.tables.language import tr

SCRIPTS = Path("docs_src")
"""The scripts' folder, relative to the clone's root, where ``tables`` runs (as ``--docs`` is)."""


def run_script(path: Path) -> tuple[str, dict]:
    """Run ``path`` in this process as ``python path`` would; return what it printed and its globals.

    NumPy's print options and the warning filters it changes are restored afterwards, so one
    script's settings never reach another table.
    """
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found; run `tables` from the root of a clone of the project")
    out = io.StringIO()
    with np.printoptions(), warnings.catch_warnings(), contextlib.redirect_stdout(out):
        namespace = runpy.run_path(str(path), run_name="__main__")
    return out.getvalue(), namespace


def shown_script(folder: str, name: str) -> tuple[str, dict]:
    """The Markdown showing ``docs_src/<folder>/<name>.py`` (included, not copied) and its output;
    and the script's globals, for tables that go on from its values."""
    path = (SCRIPTS / folder / f"{name}.py").as_posix()
    output, namespace = run_script(Path(path))
    return (f'```python title="{path}"\n--8<-- "{path}"\n```\n\n'
            f'```text title="{tr("output")}"\n{output}```\n'), namespace


def shown(folder: str, name: str) -> str:
    """:func:`shown_script`'s Markdown alone."""
    return shown_script(folder, name)[0]

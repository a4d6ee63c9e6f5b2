"""When the companion notebooks run, and how their kernel is started.

``mkdocs build`` (CI, publishing) executes every notebook afresh and never reads a cache, so no
output older than the code can be published; ``NOTEBOOK_EXECUTE=false`` skips execution for a
quick look. ``mkdocs serve`` is for writing: it shows the notebooks unexecuted, so a page edit is
served in seconds, unless ``NOTEBOOK_EXECUTE=true``; then each notebook runs once. Either way a
notebook's page is converted once and cached under ``.cache/notebooks/<key>/``, the key a hash of
every file of the ``derivations`` package the notebooks import (mkdocs-jupyter adds the
notebook's own bytes and whether it was executed), so an edit to a derivation runs them again.

The kernel talks to nbclient over IPC sockets in a private temporary folder rather than TCP on
localhost: ipykernel warns, rightly, that TCP is unencrypted; local sockets need no encryption.
Consecutive stream outputs are merged after execution, so how the kernel happened to flush its
output cannot change the page (one ``<pre>`` per output, build after build).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

SERVING = False
"""Set by the hooks' ``on_startup``; this module, unlike the hook file, is not reloaded when
``mkdocs serve`` reloads the configuration for a rebuild."""

CACHE = Path(".cache") / "notebooks"


def source_key(package: Path) -> str:
    """SHA-256 over the path and bytes of every ``.py`` and ``.toml`` file under ``package``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".toml")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def configure(plugin_config, root: Path) -> None:
    """Set mkdocs-jupyter's ``execute``, ``cache`` and ``cache_dir`` for this command."""
    if not SERVING:
        plugin_config["cache"] = False
        return
    plugin_config["execute"] = os.environ.get("NOTEBOOK_EXECUTE", "false").lower() == "true"
    plugin_config["cache"] = True
    plugin_config["cache_dir"] = str(root / CACHE / source_key(root / "derivations"))


def patch_nbconvert() -> None:
    """Kernel over IPC, stream outputs merged after execution (see the module's docstring)."""
    from mkdocs_jupyter import nbconvert2
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    if getattr(nbconvert2, "_derived_patched", False):
        return
    make_app, sub_cell = nbconvert2.get_nbconvert_app, nbconvert2.SubCell
    sockets = tempfile.mkdtemp(prefix="kernel-ipc-")
    atexit.register(shutil.rmtree, sockets, True)

    def get_nbconvert_app(*args, **kwargs):
        app = make_app(*args, **kwargs)
        app.config.update({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel")}})
        return app

    class SubCellThenCoalesce(sub_cell):
        """mkdocs-jupyter's own last preprocessor, which runs after execution, then the merge."""

        def preprocess(self, nb, resources):
            nb, resources = super().preprocess(nb, resources)
            return CoalesceStreamsPreprocessor().preprocess(nb, resources)

    nbconvert2.get_nbconvert_app, nbconvert2.SubCell = get_nbconvert_app, SubCellThenCoalesce
    nbconvert2._derived_patched = True

"""When the companion notebooks run, and how their kernel is started.

``mkdocs build`` (CI, publishing) executes every notebook afresh, all at once
(:func:`execute_all`), into a cache folder made for that build and removed after it, so no output
older than the code can be published; ``NOTEBOOK_EXECUTE=false`` skips execution for a quick look.
``mkdocs serve`` is for writing: it shows the notebooks unexecuted, so a page edit is served in
seconds, unless ``NOTEBOOK_EXECUTE=true``; then each notebook runs once, and its page is cached
under ``.cache/notebooks/<key>/``, the key a hash of every file of the ``derivations`` package the
notebooks import (mkdocs-jupyter adds the notebook's own bytes and whether it was executed), so an
edit to a derivation runs them again.

The kernel talks to nbclient over IPC sockets in a private temporary folder rather than TCP on
localhost: ipykernel warns, rightly, that TCP is unencrypted; local sockets need no encryption.
Consecutive stream outputs are merged after execution, so how the kernel happened to flush its
output cannot change the page (one ``<pre>`` per output, build after build).
"""

from __future__ import annotations

import atexit
import hashlib
import json
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
        # A build executes afresh, into a cache folder made for this build alone and removed after
        # it, which :func:`execute_all` fills with every notebook at once.
        plugin_config["cache"] = plugin_config["execute"]
        if plugin_config["execute"]:
            plugin_config["cache_dir"] = tempfile.mkdtemp(prefix="notebooks-build-")
            atexit.register(shutil.rmtree, plugin_config["cache_dir"], True)
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
        # A folder per kernel: kernels started together must not pick the same socket names.
        ip = os.path.join(tempfile.mkdtemp(dir=sockets), "kernel")
        app.config.update({"KernelManager": {"transport": "ipc", "ip": ip}})
        return app

    class SubCellThenCoalesce(sub_cell):
        """mkdocs-jupyter's own last preprocessor, which runs after execution, then the merge."""

        def preprocess(self, nb, resources):
            nb, resources = super().preprocess(nb, resources)
            return CoalesceStreamsPreprocessor().preprocess(nb, resources)

    nbconvert2.get_nbconvert_app, nbconvert2.SubCell = get_nbconvert_app, SubCellThenCoalesce
    nbconvert2._derived_patched = True


_CONVERSION_OPTIONS = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                       "remove_tag_config", "highlight_extra_classes", "include_requirejs",
                       "custom_mathjax_url")


def execute_all(files, plugin) -> None:
    """On ``mkdocs build``, execute every notebook page at once, as many as there are CPUs, into
    the build's own cache folder (:func:`configure`): mkdocs-jupyter then renders each page from
    it instead of running the notebooks one after another. The same conversion, with the same
    options, into the same cache entry mkdocs-jupyter itself would write. One process per
    notebook, not a thread: mkdocs-jupyter numbers the cells in a module-wide counter."""
    from concurrent.futures import ProcessPoolExecutor

    from mkdocs_jupyter import plugin as jupyter

    config = plugin.config
    if SERVING or not config["execute"] or config["execute_ignore"]:
        return
    options = {key: config[key] for key in _CONVERSION_OPTIONS}
    jobs = [(f.abs_src_path, options, config["toc_depth"],
             str(jupyter._get_cache_path(config["cache_dir"], jupyter._compute_cache_key(f.abs_src_path, config, True))))
            for f in files if plugin.should_include(f)]
    if not jobs:
        return
    with ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1)) as pool:
        list(pool.map(_execute, *zip(*jobs)))


def _execute(path: str, options: dict, toc_depth: int, cache: str) -> None:
    from mkdocs_jupyter import convert
    from mkdocs_jupyter import plugin as jupyter

    patch_nbconvert()  # already so in a forked process; not in a spawned one
    body = convert.nb2html(path, execute=True, **options)
    toc_tokens, title = jupyter._get_nb_toc_tokens(path, toc_depth)
    Path(cache).write_text(json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}), encoding="utf-8")

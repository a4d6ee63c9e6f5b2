"""When the companion notebooks run, and how their kernel is started.

``mkdocs build`` (CI, publishing) executes every notebook afresh, all at once
(:func:`execute_all`), into a cache folder made for that build and removed after it, so no output
older than the code can be published; ``NOTEBOOK_EXECUTE=false`` skips execution for a quick look.
``mkdocs serve`` is for writing: it shows the notebooks unexecuted, so a page edit is served in
seconds, unless ``NOTEBOOK_EXECUTE=true``; then each notebook runs once, and its page is cached
under ``.cache/notebooks/<key>/``, the key a hash of every ``.py`` and ``.toml`` file of the
``derivations`` package, imported by a notebook or not (mkdocs-jupyter adds the notebook's own
bytes and whether it was executed), so an edit to a derivation runs them again.

The kernel talks to nbclient over IPC sockets in a private temporary folder rather than TCP on
localhost: ipykernel warns, rightly, that TCP is unencrypted; local sockets need no encryption.
Consecutive stream outputs are merged after execution, so how the kernel happened to flush its
output cannot change the page (one ``<pre>`` per output, build after build).

Each notebook has a Korean twin (``name.ko.ipynb``) with the same code cells: it is not run again,
it is given the English notebook's outputs, so both editions show the outputs of one run.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

SERVING = False
"""Set by the hooks' ``on_startup``; this module, unlike the hook file, is not reloaded when
``mkdocs serve`` reloads the configuration for a rebuild."""

CACHE = Path(".cache") / "notebooks"

_BUILD_CACHE: str | None = None
"""The cache folder of this ``mkdocs build``: the i18n plugin builds each edition in turn, calling
``on_config`` again, and every edition reads the notebooks executed once."""
_EXECUTED: set[str] = set()


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
        global _BUILD_CACHE
        plugin_config["cache"] = plugin_config["execute"]
        if plugin_config["execute"]:
            if _BUILD_CACHE is None:
                _BUILD_CACHE = tempfile.mkdtemp(prefix="notebooks-build-")
                atexit.register(shutil.rmtree, _BUILD_CACHE, True)
            plugin_config["cache_dir"] = _BUILD_CACHE
        return
    plugin_config["execute"] = os.environ.get("NOTEBOOK_EXECUTE", "false").lower() == "true"
    plugin_config["cache"] = True
    plugin_config["cache_dir"] = str(root / CACHE / source_key(root / "derivations"))


def patch_nbconvert() -> None:
    """Kernel over IPC, stream outputs merged after execution (see the module's docstring), and
    nbconvert's templates compiled once per process (``remembered.py``)."""
    from mkdocs_jupyter import nbconvert2
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    import remembered

    remembered.remember_notebook_templates()
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


def as_notebook_pages(files, plugin, edition: str, editions: list[str], default: str) -> None:
    """Make the notebooks pages again after the i18n plugin has made each edition's files: it
    rebuilds every file as a plain ``File`` (an asset, for ``.ipynb``), dropping mkdocs-jupyter's
    wrapper. The edition's destination and address are kept, and each notebook page is given its
    twins in the other ``editions`` (the plugin links pages, not assets, to their twins), for the
    language menu."""
    from types import SimpleNamespace

    from mkdocs_jupyter.plugin import NotebookFile

    for file in list(files):
        if plugin.should_include(file) and not isinstance(file, NotebookFile):
            page = object.__new__(NotebookFile)
            page.file = file
            page.dest_uri, page.abs_dest_path, page.url = file.dest_uri, file.abs_dest_path, file.url
            base = file.url if edition == default else file.url.removeprefix(f"{edition}/")
            page.alternates = {other: page if other == edition else
                               SimpleNamespace(url=base if other == default else f"{other}/{base}")
                               for other in editions}
            files.remove(file)
            files.append(page)  # last: the pages before it are converted while notebooks run


_RUNNING: list = []
"""The executions :func:`execute_all` started, which :func:`wait_for_execution` waits for."""


def execute_all(files, plugin) -> None:
    """On ``mkdocs build``, start executing every notebook at once, as many as there are CPUs,
    into the build's own cache folder (:func:`configure`), with its Korean twin rendered from the
    same run: mkdocs-jupyter then renders each page of either edition from it instead of running
    the notebooks one after another. The same conversion, with the same options, into the same
    cache entry mkdocs-jupyter itself would write. One process per notebook, not a thread:
    mkdocs-jupyter numbers the cells in a module-wide counter.

    The build goes on converting the other pages meanwhile (the notebook pages come last, see
    :func:`as_notebook_pages`) and waits (:func:`wait_for_execution`) before the first notebook
    page."""
    from concurrent.futures import ProcessPoolExecutor

    config = plugin.config
    if config["execute_ignore"]:
        return
    folders = {Path(f.abs_src_path).parent for f in files if plugin.should_include(f)}
    english = sorted(p for folder in folders for p in folder.glob("*.ipynb") if len(p.suffixes) == 1)
    jobs = [[(str(p), _cache_path(p, config))] + [(str(k), _cache_path(k, config)) for k in sorted(p.parent.glob(f"{p.stem}.*.ipynb"))]
            for p in english]
    # Each edition's build would evict, as unused, the entries of the other editions: on `serve`,
    # every rebuild would then convert every notebook again.
    plugin._used_cache_paths.update(Path(cache) for job in jobs for _, cache in job)
    if SERVING or not config["execute"] or not jobs or config["cache_dir"] in _EXECUTED:
        return
    _EXECUTED.add(config["cache_dir"])
    options = {key: config[key] for key in _CONVERSION_OPTIONS}
    pool = ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1))
    _RUNNING.extend(pool.submit(_execute, job, options, config["toc_depth"]) for job in jobs)
    pool.shutdown(wait=False)  # its processes end with their last job


def wait_for_execution() -> None:
    """Until every notebook :func:`execute_all` started has run (raising the first failure)."""
    while _RUNNING:
        _RUNNING.pop(0).result()


def _cache_path(path: Path, config) -> str:
    from mkdocs_jupyter import plugin as jupyter

    return str(jupyter._get_cache_path(config["cache_dir"], jupyter._compute_cache_key(str(path), config, config["execute"])))


def _execute(editions: list[tuple[str, str]], options: dict, toc_depth: int) -> None:
    """Run the first notebook of ``editions`` (path, cache entry) once and render it and each of
    its twins, whose code cells must be its own, with its outputs."""
    import nbformat
    from mkdocs_jupyter import convert, nbconvert2
    from mkdocs_jupyter import plugin as jupyter
    from nbconvert.preprocessors import ExecutePreprocessor

    patch_nbconvert()  # already so in a forked process; not in a spawned one
    source = editions[0][0]
    app = nbconvert2.get_nbconvert_app(execute=True, kernel_name=options["kernel_name"],
                                       allow_errors=options["allow_errors"])
    executed = nbformat.read(source, as_version=4)
    ExecutePreprocessor(config=app.config).preprocess(executed, {"metadata": {"path": str(Path(source).parent)}})
    logging.getLogger("mkdocs.hooks.notebooks").info("Executed notebook %s, shown in %d edition(s)", source, len(editions))
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    for path, cache in editions:
        notebook = nbformat.read(path, as_version=4)
        twins = [cell for cell in notebook.cells if cell.cell_type == "code"]
        if [c.source for c in twins] != [c.source for c in code]:
            raise ValueError(f"{path}: its code cells differ from {source}'s; regenerate with `python -m derivations tables`")
        for twin, ran in zip(twins, code):
            twin.outputs, twin.execution_count = ran.outputs, ran.execution_count
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / Path(path).name  # the same name: nbconvert titles the page with it
            nbformat.write(notebook, copy)
            body = convert.nb2html(str(copy), execute=False, **options)
        toc_tokens, title = jupyter._get_nb_toc_tokens(path, toc_depth)
        Path(cache).write_text(json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}), encoding="utf-8")

"""Shared, expensive results: each is computed once per test session."""

from __future__ import annotations

import functools
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def document_problem():
    from derivations.problems import document_backprop_problem

    return document_backprop_problem()


@pytest.fixture(scope="session")
def document_solution(document_problem):
    from derivations.symbolic.backprop_2_2_2 import solve

    return solve(document_problem)


@pytest.fixture(scope="session")
def document_numeric(document_problem):
    from derivations.numeric.backprop_2_2_2 import backprop_2_2_2

    p = document_problem
    return backprop_2_2_2([float(v) for v in p.x], [float(v) for v in p.weights],
                          [float(v) for v in p.targets], float(p.learning_rate))


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """``python -m derivations ARGS`` in a fresh interpreter, as a reader runs it (``env`` added
    to the environment)."""
    return subprocess.run([sys.executable, "-m", "derivations", *args], cwd=cwd, env=os.environ | env,
                          capture_output=True, text=True, timeout=timeout)


def mkdocs_build(site: Path, **env: str) -> str:
    """``mkdocs build --strict`` of the repository into ``site``; returns the build log."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"} | env)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return log


# --- The expensive results, each made once, in the background -----------------------------------
#
# The site build, the tables and the builds that check both are deterministic are subprocesses
# that wait on nothing but each other. They start as soon as the tests are collected (only those
# some collected test needs), in two lanes beside the tests, and the tests that need them run
# last, so the others run meanwhile.
#
# The tests run in pytest-xdist's worker processes (addopts: -n auto). One process runs the lanes
# (the first worker, or pytest itself without xdist) and writes each result to a file in a
# folder the session shares; every process that needs one waits for its file. The folder belongs
# to the process that started the session, which removes it when every worker has ended.

def _tables(out: Path) -> Path:
    docs = out / "docs"
    docs.mkdir(parents=True)
    # every chapter derived afresh: minutes on a busy 2-core machine, so not the CLI tests' limit
    result = run_cli("tables", "--fresh", "--docs", str(docs), timeout=1800, PYTHONHASHSEED="1")
    assert result.returncode == 0, result.stderr
    return docs


def _tables_again(out: Path) -> subprocess.CompletedProcess:
    return run_cli("tables", "--check", "--fresh", "--docs", str(_result("generated_docs")),
                   timeout=1800, PYTHONHASHSEED="2")


BUILT_AT = str(int(time.time()))
"""The session's one build date (``SOURCE_DATE_EPOCH``, which MkDocs reads): the sitemaps carry
the date, and two builds either side of midnight are otherwise a day apart."""


def _site(out: Path, **env: str) -> tuple[Path, str]:
    return out, mkdocs_build(out, SOURCE_DATE_EPOCH=BUILT_AT, **env)


SITE_URL = "https://example.org/derived/"

def _site_read(out: Path):
    from support.browser import read_site, site_pages

    site, _ = _result("built_site")
    return read_site(site, site_pages(ROOT / "mkdocs.yml"))


_LANES = (
    # Lane 1: the site with the notebooks executed; then every page of it read in Chromium.
    {"built_site": _site, "site_read": _site_read},
    # Lane 2: the tables, checked by another process with another hash seed; then the site again,
    # notebooks executed too, with SITE_URL as the publishing workflow sets it.
    {"generated_docs": _tables, "tables_checked_again": _tables_again,
     "built_site_with_url": lambda out: _site(out, SITE_URL=SITE_URL)},
)
_SHARED_KEY = "derived_tests_shared"
_shared: Path | None = None
"""The session's shared folder: each job writes its output under ``<name>/`` and its result to
``<name>.pickle``."""
_lanes: ThreadPoolExecutor | None = None
_STOP = threading.Event()


def _runs_the_lanes(config) -> bool:
    workerinput = getattr(config, "workerinput", None)
    return workerinput is None or workerinput["workerid"] == "gw0"


def pytest_configure(config):
    global _shared
    workerinput = getattr(config, "workerinput", None)
    _shared = Path(workerinput[_SHARED_KEY] if workerinput else tempfile.mkdtemp(prefix="derived-tests-"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist, in the process that started the session: each worker gets the shared folder."""
    node.workerinput[_SHARED_KEY] = str(_shared)


def _run_lane(jobs: list[tuple[str, Callable]]) -> None:
    for name, job in jobs:
        if _STOP.is_set():
            return
        try:
            outcome = ("result", job(_shared / name))
        except BaseException as exc:  # the test that needs it reports it
            outcome = ("error", "".join(traceback.format_exception(exc)))
        written = _shared / f"{name}.pickle.part"
        written.write_bytes(pickle.dumps(outcome))
        written.rename(_shared / f"{name}.pickle")  # whole, or not there


SITE = {"built_site", "built_site_with_url", "site_read", "browser"}
"""The fixtures of a test that needs the built site or Chromium."""


def pytest_collection_modifyitems(config, items):
    """Such a test is marked ``site``: ``-m "not site"`` runs the others, the quick loop while
    editing derivations and tables (they need no site build and no browser)."""
    for item in items:
        if SITE & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist sends the collected tests, in this order
def pytest_collection_finish(session):
    """After selection (``-k``, ``-m``, a node id): only what the selected tests need is started."""
    global _lanes
    config, items = session.config, session.items
    if config.option.collectonly:
        return
    needed = {name for item in items for name in getattr(item, "fixturenames", ())}
    # a job another one reads is needed too
    if "tables_checked_again" in needed:
        needed.add("generated_docs")
    if "site_read" in needed:
        needed.add("built_site")
    background = {name for lane in _LANES for name in lane}
    if _runs_the_lanes(config):
        _lanes = ThreadPoolExecutor(len(_LANES), thread_name_prefix="background")
        for lane in _LANES:
            jobs = [(name, job) for name, job in lane.items() if name in needed]
            if jobs:
                _lanes.submit(_run_lane, jobs)
    items.sort(key=lambda item: bool(background & set(getattr(item, "fixturenames", ()))))


def pytest_sessionfinish(session, exitstatus):
    if _lanes is not None:
        # Without xdist nobody else waits for the lanes; a worker's end is not the others'.
        alone = not hasattr(session.config, "workerinput")
        if alone:
            _STOP.set()
        _lanes.shutdown(wait=True, cancel_futures=alone)


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        shutil.rmtree(_shared, ignore_errors=True)


@functools.cache
def _result(name: str):
    """The result of the background job ``name``, once its file is written (by this process or
    another worker's)."""
    path, deadline = _shared / f"{name}.pickle", time.monotonic() + 1800
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the background job {name} gave no result in 30 minutes")
        time.sleep(0.1)
    kind, value = pickle.loads(path.read_bytes())
    if kind == "error":
        raise RuntimeError(f"the background job {name} failed:\n{value}")
    return value


@pytest.fixture(scope="session")
def generated_docs() -> Path:
    """``python -m derivations tables`` once per session, into an empty docs folder, with the hash
    seed fixed at 1. Every test that needs the generated files reads these; tests that change them
    work on copies."""
    return _result("generated_docs")


@pytest.fixture(scope="session")
def tables_checked_again() -> subprocess.CompletedProcess:
    """``tables --check`` of :func:`generated_docs` by another process, with hash seed 2."""
    return _result("tables_checked_again")


@pytest.fixture(scope="session")
def generated_files(generated_docs) -> dict[str, str]:
    """The files of :func:`generated_docs`, by path under ``docs/``."""
    return {path.relative_to(generated_docs).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(generated_docs.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def built_site():
    """``mkdocs build --strict`` of the repository, once; returns (site dir, build log)."""
    return _result("built_site")


@pytest.fixture(scope="session")
def site_read():
    """Every page of :func:`built_site` opened in Chromium and checked at each viewport and scheme
    (``support.browser.read_site``): (the address it was served at, the visits by page)."""
    return _result("site_read")


@pytest.fixture(scope="session")
def built_site_with_url():
    """The same build again, in another process, with ``SITE_URL``: (site dir, build log)."""
    return _result("built_site_with_url")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium, never a downloaded browser."""
    from support.browser import CHROMIUM, CHROMIUM_ARGS

    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}

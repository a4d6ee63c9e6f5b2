"""Shared, expensive results: each is computed once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def run_cli(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """``python -m derivations ARGS`` in a fresh interpreter, as a reader runs it (``env`` added
    to the environment)."""
    return subprocess.run([sys.executable, "-m", "derivations", *args], cwd=cwd, env=os.environ | env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def generated_docs(tmp_path_factory) -> Path:
    """``python -m derivations tables`` once per session, into an empty docs folder, with the hash
    seed fixed at 1 (the determinism test checks it again with another seed). Every test that
    needs the generated files reads these; tests that change them work on copies."""
    docs = tmp_path_factory.mktemp("generated") / "docs"
    docs.mkdir()
    result = run_cli("tables", "--docs", str(docs), PYTHONHASHSEED="1")
    assert result.returncode == 0, result.stderr
    return docs


@pytest.fixture(scope="session")
def generated_files(generated_docs) -> dict[str, str]:
    """The files of :func:`generated_docs`, by path under ``docs/``."""
    return {path.relative_to(generated_docs).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(generated_docs.rglob("*")) if path.is_file()}


def mkdocs_build(site: Path, **env: str) -> str:
    """``mkdocs build --strict`` of the repository into ``site``; returns the build log."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"} | env)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return log


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """``mkdocs build --strict`` of the repository, once; returns (site dir, build log)."""
    site = tmp_path_factory.mktemp("site")
    return site, mkdocs_build(site)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium, never a downloaded browser."""
    from support.browser import CHROMIUM, CHROMIUM_ARGS

    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}

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


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``python -m derivations ARGS`` in a fresh interpreter, as a reader runs it."""
    return subprocess.run([sys.executable, "-m", "derivations", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """``mkdocs build --strict`` of the repository, once; returns (site dir, build log)."""
    site = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900, env=env)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return site, log

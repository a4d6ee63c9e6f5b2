"""The wheel a user installs holds what ``solve`` needs: the derivations, and no build or test
tooling (no MkDocs hook, link checker or browser code); ``tables``, which needs a clone, says so."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """``pip wheel`` of the repository, offline (the test dependencies include setuptools)."""
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--no-index", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("derivations-*.whl")
    return path


def test_the_wheel_holds_the_package_and_no_build_or_test_tooling(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    modules = [n for n in names if n.endswith(".py")]
    assert "derivations/cli.py" in modules and "derivations/problems/backprop_2_2_2.toml" in names
    assert all(n.startswith("derivations/") for n in modules), modules
    text = {n: zipfile.ZipFile(wheel).read(n).decode("utf-8") for n in modules}
    found = {n: TOOLING.findall(t) for n, t in text.items() if TOOLING.search(t)}
    assert found == {}


def test_what_solve_imports_at_run_time_the_wheel_requires(wheel):
    """``solve --format html`` converts LaTeX with latex2mathml: a dependency of the package
    itself, not of the site's extra."""
    archive = zipfile.ZipFile(wheel)
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [line.split(":", 1)[1].strip() for line in archive.read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist:")]
    unconditional = {re.split(r"[ <>=;\[]", r)[0].lower() for r in requires if "extra ==" not in r}
    assert {"latex2mathml", "numpy", "sympy", "python-flint"} <= unconditional
    assert "import latex2mathml" in archive.read("derivations/mathml.py").decode() or \
        "from latex2mathml" in archive.read("derivations/mathml.py").decode()


# latex2mathml is not tooling: `solve --format html` converts its formulas with it at run time.
TOOLING = re.compile(r"^\s*(?:from|import) (?:mkdocs|playwright|bs4)\b"
                     r"|\bdef (?:on_\w+|broken_links|visit|serve)\(|chromium", re.M | re.I)


def test_the_tooling_check_finds_a_hook_a_link_checker_and_a_browser():
    hooks = (ROOT / "docs" / "hooks" / "hooks.py").read_text()
    links = (ROOT / "tests" / "support" / "links.py").read_text()
    browser = (ROOT / "tests" / "support" / "browser.py").read_text()
    assert all(TOOLING.search(code) for code in (hooks, links, browser))


def test_tables_from_an_installed_package_says_it_needs_a_clone(wheel, tmp_path):
    installed = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(installed)
    (tmp_path / "docs").mkdir()
    for args in (["tables"], ["tables", "--check"]):
        result = run_cli(*args, cwd=tmp_path, PYTHONPATH=str(installed))
        assert result.returncode == 2, result.stderr
        (line,) = result.stderr.strip().splitlines()
        assert "needs a clone of the repository" in line and str(installed) in line

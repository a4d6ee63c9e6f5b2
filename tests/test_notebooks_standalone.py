"""A notebook downloaded from the site runs on its own: each one, as generated, executes top to
bottom in a temporary directory with a kernel that cannot import ``derivations``, as on a machine
with only numpy, sympy, python-flint, matplotlib and a kernel.

The kernel is this interpreter with, first on ``sys.meta_path``, a finder that refuses the package:
that hides it however it was installed (editable or not), while numpy and sympy stay importable.
"""

from __future__ import annotations

import json
import sys

import pytest

from derivations.tables import notebooks

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")

WITHOUT_THE_PACKAGE = r'''
import sys

class NoPackage:
    """The package is not installed: any import of it fails, as on the reader's machine."""

    def find_spec(self, name, path=None, target=None):
        if name == "derivations" or name.startswith("derivations."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoPackage())
from ipykernel import kernelapp
kernelapp.launch_new_instance()
'''


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Execute notebook text in ``tmp_path`` with the kernel above; return the executed notebook."""
    spec = tmp_path / "kernels" / "without-derivations"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-c", WITHOUT_THE_PACKAGE, "-f", "{connection_file}"],
        "display_name": "Python 3 without derivations", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.delenv("PYTHONPATH", raising=False)
    work = tmp_path / "download"
    work.mkdir()

    def execute(text: str):
        nb = nbformat.reads(text, as_version=4)
        client = nbclient.NotebookClient(nb, timeout=600, kernel_name="without-derivations",
                                         resources={"metadata": {"path": str(work)}})
        return client.execute()

    return execute


def _outputs(nb) -> str:
    return "".join(out.get("text", "") + "".join(out.get("data", {}).get("text/plain", ""))
                   for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)


def test_the_kernel_really_lacks_the_package(run):
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "try:\n    import derivations\nexcept ModuleNotFoundError as e:\n    print('missing:', e.name)")])
    assert "missing: derivations" in _outputs(run(nbformat.writes(probe)))


@pytest.mark.parametrize("name", notebooks.NOTEBOOKS)
def test_the_downloaded_notebook_runs_without_the_package(run, name, document_solution):
    executed = run(notebooks.notebook(name))
    printed = _outputs(executed)
    assert printed
    if name == "backpropagation":
        e_total = f"{float(document_solution.value['E_total']):.8f}"
        assert f"E_total: {e_total} ->" in printed


@pytest.mark.parametrize("name", notebooks.NOTEBOOKS)
def test_its_first_code_cell_holds_the_inputs(name):
    nb = json.loads(notebooks.notebook(name))
    first = next(cell for cell in nb["cells"] if cell["cell_type"] == "code")
    source = "".join(first["source"])
    assert "import" not in source and " = {" in source

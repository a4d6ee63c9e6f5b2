"""The companion notebooks (``docs/notebooks/*.ipynb``), generated so that a downloaded notebook
runs on its own: with numpy, sympy, python-flint (the certified numbers), matplotlib and a kernel, without this package.

Each notebook is written as a small source, ``docs_src/notebooks/<name>.py``, in the "percent"
format (``# %%`` starts a code cell, ``# %% [markdown]`` a Markdown cell). Every Markdown cell is
followed by its Korean, ``# %% [markdown] ko``: the source gives two notebooks, ``<name>.ipynb``
and ``<name>.ko.ipynb``, with the same code cells. Two markers generate code cells:

- ``# %% inputs NAME FILE KEY …`` — a cell ``NAME = {KEY: …}`` holding those tables of the data
  file ``derivations/problems/FILE.toml`` as Python literals: the numbers a reader changes. A KEY
  may name part of a table, ``inputs.categorical``: the cell then holds only the parts named
  (through an array of tables, those parts of each element), so that it offers only what the
  notebook's code reads, and changing any entry changes an output (tests/test_notebook_sources.py).
- ``# %% modules MODULE …`` — the package's own source of each module named and of every
  ``derivations`` module it imports, dependencies first, each in a cell run as that module by the
  ``%%module`` cell magic defined just before; the notebook then imports them as usual.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import pprint
import tomllib
from importlib import resources
from pathlib import Path

from .language import LANGUAGES, MissingKorean, resolve, tr, twin

CHAPTER = "notebooks"
SOURCES = Path(__file__).resolve().parents[2] / "docs_src" / "notebooks"
NOTEBOOKS = ("perceptron", "activations", "forward", "deep", "backpropagation", "learning")

PACKAGE = "derivations"
WIDTH = 70
"""Characters per line of a generated inputs cell: a code cell on the site is about that wide."""

MODULE_MAGIC = '''\
# Runs a cell as a module of its own, importable from the cells below, so that the package's code
# in this notebook runs as the package runs it: no install needed.
import sys
import types

from IPython.core.magic import register_cell_magic


@register_cell_magic
def module(name, source):
    """%%module NAME: run the cell as the module NAME (e.g. derivations.numeric.activations)."""
    parts = name.strip().split(".")
    for i in range(1, len(parts) + 1):
        key = ".".join(parts[:i])
        if key not in sys.modules:
            sys.modules[key] = types.ModuleType(key)
            sys.modules[key].__path__ = []  # a package: its modules are the cells marked with it
        if i > 1:
            setattr(sys.modules[".".join(parts[:i - 1])], parts[i - 1], sys.modules[key])
    exec(compile(source, f"<{name.strip()}>", "exec"), sys.modules[".".join(parts)].__dict__)'''


def generate() -> dict[str, str]:
    """Every notebook in each edition, by path under ``docs/``. A source without any Korean cell
    gives no Korean notebook, and the site's build then fails on the Korean edition's missing page;
    one with some must have them all (:func:`in_edition`)."""
    files = {}
    for name in NOTEBOOKS:
        source = split_cells((SOURCES / f"{name}.py").read_text(encoding="utf-8"))
        translated = any(marker == ["ko"] for kind, marker, _ in source if kind == "markdown")
        for edition in LANGUAGES if translated else LANGUAGES[:1]:
            files[twin(f"notebooks/{name}.ipynb", edition)] = notebook(name, edition)
    return files


def in_edition(cells: list[tuple[str, list[str], str]], edition: str, name: str) -> list[tuple[str, list[str], str]]:
    """The cells of one edition: the code cells, and each Markdown cell in its language. In a
    source with Korean cells, a Markdown cell not followed by its Korean is refused, naming it."""
    out, translated = [], any(marker == ["ko"] for kind, marker, _ in cells if kind == "markdown")
    for i, (kind, marker, body) in enumerate(cells):
        if kind != "markdown":
            out.append((kind, marker, body))
            continue
        if marker and marker != ["ko"]:
            raise ValueError(f"docs_src/notebooks/{name}.py: unknown Markdown cell marker {' '.join(marker)!r}")
        if not marker and translated:
            following = cells[i + 1] if i + 1 < len(cells) else None
            if following is None or following[:2] != ("markdown", ["ko"]):
                raise MissingKorean(f"docs_src/notebooks/{name}.py: no `# %% [markdown] ko` cell after "
                                    f"the Markdown cell {body.splitlines()[0]!r}")
        if (marker == ["ko"]) == (edition == "ko"):
            out.append((kind, [], body))
    return out


def notebook(name: str, edition: str = "en") -> str:
    """``docs_src/notebooks/<name>.py`` as a notebook (JSON text, byte for byte reproducible)."""
    cells = []
    source = split_cells((SOURCES / f"{name}.py").read_text(encoding="utf-8"))
    for kind, marker, body in in_edition(source, edition, name):
        if kind == "markdown":
            cells.append(_cell("markdown", body))
        elif marker[:1] == ["inputs"]:
            cells.append(_cell("code", inputs_cell(marker[1], marker[2], marker[3:], body)))
        elif marker[:1] == ["modules"]:
            cells.append(_cell("code", MODULE_MAGIC, hidden=True))
            cells += [_cell("code", f"%%module {module}\n{source_of(module)}", hidden=True)
                      for module in in_import_order(marker[1:])]
        elif marker:
            raise ValueError(f"docs_src/notebooks/{name}.py: unknown cell marker {' '.join(marker)!r}")
        else:
            cells.append(_cell("code", body))
    module, source_page = f"derivations/tables/{CHAPTER}.py", f"../../source/{CHAPTER}/"
    cells.append(_cell("markdown", resolve(tr(
        "This notebook is generated by `{module}` from `{source}`: the modules above are the "
        "package's own files.", module=module, source=f"docs_src/notebooks/{name}.py")
        + "\n\n" + f'<small class="generated-by">'
        + tr("Generated by {module}", module=f'<a href="{source_page}"><code>{module}</code></a>')
        + "</small>", edition)))
    for i, cell in enumerate(cells):
        cell["id"] = f"{name}-{i}" if edition == "en" else f"{name}-{edition}-{i}"
    document = {"cells": cells,
                "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                            "name": "python3"},
                             "language_info": {"name": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def split_cells(text: str) -> list[tuple[str, list[str], str]]:
    """``(kind, marker words, body)`` per cell of a percent-format source; a Markdown cell's
    lines lose their leading ``# ``."""
    cells: list[tuple[str, list[str], list[str]]] = []
    for line in text.splitlines():
        if line.startswith("# %%"):
            words = line[4:].split()
            kind = "markdown" if words[:1] == ["[markdown]"] else "code"
            cells.append((kind, words[1:] if kind == "markdown" else words, []))
        elif cells:
            kind, _, lines = cells[-1]
            lines.append(line.removeprefix("#").removeprefix(" ") if kind == "markdown" else line)
        elif line.strip():
            raise ValueError(f"text before the first cell marker: {line!r}")
    return [(kind, marker, "\n".join(lines).strip("\n")) for kind, marker, lines in cells]


def inputs_cell(name: str, data_file: str, keys: list[str], comment: str) -> str:
    """``name = {key: table}`` from ``derivations/problems/<data_file>.toml``, as literals; a
    dotted key keeps only the part it names (:func:`selected`)."""
    text = resources.files(f"{PACKAGE}.problems").joinpath(f"{data_file}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    chosen: dict[str, list[list[str]]] = {}
    for key in keys:
        top, *rest = key.split(".")
        chosen.setdefault(top, []).append(rest)
    lines = [f"{name} = {{"]
    for key, parts in chosen.items():
        prefix = f"    {key!r}: "
        value = selected(data[key], parts, f"{data_file}.toml {key}")
        literal = pprint.pformat(value, width=WIDTH - len(prefix), sort_dicts=False)
        lines.append(prefix + literal.replace("\n", "\n" + " " * len(prefix)) + ",")
    return "\n".join(([comment] if comment else []) + lines + ["}"])


def selected(value, parts: list[list[str]], where: str):
    """The parts of ``value`` named by dotted keys (already split; an empty one names all of it),
    in the data file's order; through an array of tables, those parts of each element."""
    if any(not part for part in parts):
        return value
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [selected(v, parts, where) for v in value]
    if not isinstance(value, dict):
        raise ValueError(f"{where}: {'.'.join(parts[0])!r} names part of a value that has no parts")
    missing = [".".join(part) for part in parts if part[0] not in value]
    if missing:
        raise KeyError(f"{where}: no {', '.join(missing)}")
    return {key: selected(v, [part[1:] for part in parts if part[0] == key], f"{where}.{key}")
            for key, v in value.items() if any(part[0] == key for part in parts)}


def source_of(module: str) -> str:
    """The module's file, as the package has it."""
    return Path(_spec(module).origin).read_text(encoding="utf-8").rstrip("\n")


def imports_of(module: str) -> list[str]:
    """The package's modules that ``module`` imports (``from derivations.x import y`` names the
    module ``derivations.x.y`` where that is one, else ``derivations.x``)."""
    found = []
    for node in ast.walk(ast.parse(source_of(module))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _ours(node.module or ""):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.append(sub if _is_module(sub) else node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if _ours(alias.name)]
    return list(dict.fromkeys(found))


def in_import_order(modules: list[str]) -> list[str]:
    """``modules`` and everything of the package they import, each after what it imports."""
    order: list[str] = []

    def place(module: str, seen: tuple[str, ...]) -> None:
        if module in seen:
            raise ValueError(f"circular import: {' -> '.join((*seen, module))}")
        if module not in order:
            for dependency in imports_of(module):
                place(dependency, (*seen, module))
            order.append(module)

    for module in modules:
        if not _is_module(module):
            raise ValueError(f"{module} is not a module of the package")
        place(module, ())
    return order


def _ours(module: str) -> bool:
    return module == PACKAGE or module.startswith(f"{PACKAGE}.")


def _spec(module: str):
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ValueError(f"no module {module}")
    return spec


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _cell(kind: str, source: str, hidden: bool = False) -> dict:
    lines = source.splitlines(keepends=True)
    cell = {"cell_type": kind, "metadata": {"tags": ["hide-input"]} if hidden else {}, "source": lines}
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell

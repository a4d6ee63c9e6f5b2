"""Generated tables and figures: every value the site prints, written under ``docs/``.

Each chapter module has a ``generate()`` returning ``{path under docs/: text}``, its words marked
for translation (:mod:`.language`); the chapters are generated in parallel, one process each, as
many at a time as there are CPUs, and each Markdown file is then written in every edition,
``name.md`` and ``name.ko.md``, and laid out for the site. ``write`` replaces
files atomically and removes what an interrupted run left; ``problems`` lists every generated file
that is stale, missing or orphaned. ``versions.json`` records the libraries the tables were made
with, so a check on other versions can say which one differs.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import platform
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from . import language, memo
from .language import MissingKorean, tr
from .layout import laid_out

CHAPTERS = (
    "backprop_2_2_2",
    "backward_pass",
    "perceptron",
    "perceptron_learning",
    "logistic",
    "plane",
    "activations",
    "depth_chain",
    "losses",
    "forward",
    "deep",
    "approximation",
    "depth_width",
    "dense",
    "benchmark",
    "graph",
    "derivative_kinds",
    "learning",
    "momentum_minimum",
    "glossary",
    "notebooks",
)
"""Modules of this package, one per generated page or coherent part of one, each with ``generate()``."""


SOURCE_PAGES = "source"
"""The folder (under ``docs/``) with one generated page per module in CHAPTERS showing its code;
each generated table links to its module's page, and ``docs/source.md`` lists them all."""

VERSIONS = "generated/versions.json"
"""The versions of the libraries that shape the tables' text (``constraints.txt`` pins them)."""

SHAPING = ("numpy", "sympy", "mpmath", "matplotlib", "python-flint")

REPOSITORY = Path(__file__).resolve().parents[2]
"""The clone this package runs from, if it runs from one: the tables read files beside the package
(``benchmarks/results``) and are written into its ``docs/``."""


CONSTRAINTS = REPOSITORY / "constraints.txt"


class CannotRun(Exception):
    """``tables`` cannot run here (an installed package, no docs folder): one line, exit 2."""


class Stale(Exception):
    """``tables --check`` found files that are stale, missing or orphaned: exit 1."""


def run(docs: Path, check: bool, fresh: bool = False) -> str:
    """``python -m derivations tables [--check] [--fresh]``: regenerate into ``docs``, or only
    compare; ``fresh`` derives every chapter again instead of reusing :mod:`.memo`'s records."""
    if not (REPOSITORY / "mkdocs.yml").is_file():
        raise CannotRun("tables regenerates the site's files and needs a clone of the repository "
                        f"(git clone, then pip install -e .); this package is installed in {REPOSITORY}")
    if not docs.is_dir():
        raise CannotRun(f"{docs}: no such directory (run from the project root, or pass --docs)")
    files = generate_all(fresh)
    if check:
        found = problems(docs, files)
        if found:
            versions = "".join(f"\nversions differ: {line}; install them with -c constraints.txt"
                               for line in version_differences(recorded_versions(docs), "the tables were made with"))
            raise Stale("\n".join(found) + f"\n{len(found)} generated file(s) out of date; "
                        f"run `python -m derivations tables`{versions}")
        return f"{len(files)} generated files up to date\n"
    changed = write(docs, files)
    notes = "".join(f"note: {line}: the tables will differ from CI's\n"
                    for line in version_differences(pinned_versions(), "constraints.txt pins"))
    return "".join(f"wrote {path}\n" for path in changed) + f"{len(files)} files, {len(changed)} changed\n" + notes


def versions() -> dict[str, str]:
    """The running Python (major.minor) and the versions of SHAPING."""
    return {"python": ".".join(platform.python_version_tuple()[:2])} | {name: version(name) for name in SHAPING}


def _chapter(chapter: str) -> dict[str, str]:
    """One module's files as it generates them, its words marked for translation."""
    return importlib.import_module(f"{__name__}.{chapter}").generate()


def editions(parts: dict[str, dict[str, str]], used: set[str] | None = None) -> dict[str, str]:
    """Each chapter's Markdown files and figures in every language (:func:`.language.twin`), the
    Markdown linked to the module and laid out for the site (:func:`~derivations.tables.layout.laid_out`); any other file
    as it is. A marked string without its Korean fails, all of them named at once."""
    korean, missing, files = language.catalog(), set(), {}
    for chapter, generated in parts.items():
        for name, text in generated.items():
            if not name.endswith(language.TWINNED):
                if next(language.markers(text), None):
                    raise ValueError(f"{name}: only {', '.join(language.TWINNED)} files are written in two languages")
                files[name] = text
                continue
            linked = with_source_link(name, text, chapter)
            english = language.resolve(linked, "en")
            for edition in language.LANGUAGES:
                written = english if edition == "en" else language.resolve(linked, edition, korean, missing, used)
                files[language.twin(name, edition)] = laid_out(written, english) if name.endswith(".md") else written
    if missing:
        raise MissingKorean(f"no Korean for {len(missing)} string(s) (add each to derivations/tables/ko/"
                            "<chapter>.toml as [[text]] en = ..., ko = ...): " + "; ".join(sorted(map(repr, missing))))
    return files


def _derived(chapter: str) -> dict[str, str]:
    """:func:`_chapter`, recorded with what it read (:func:`.memo.remember`)."""
    memo.watch(REPOSITORY)
    files = _chapter(chapter)
    memo.remember(REPOSITORY, chapter, versions(), files, memo.inputs(REPOSITORY))
    return files


def generate_all(fresh: bool = False, used: set[str] | None = None) -> dict[str, str]:
    """Every generated file, by path under ``docs/``. A chapter whose inputs are unchanged since it
    was last derived is taken from its record (unless ``fresh``); the others run in as many
    processes as there are CPUs (on one, here, in order). ``used`` collects the catalog's
    English texts the files use."""
    running = versions()
    parts = {} if fresh else {chapter: memo.recall(REPOSITORY, chapter, running) for chapter in CHAPTERS}
    todo = [chapter for chapter in CHAPTERS if parts.get(chapter) is None]
    workers = min(os.cpu_count() or 1, len(todo))
    if workers == 1:
        parts |= {chapter: _derived(chapter) for chapter in todo}
    elif todo:
        with ProcessPoolExecutor(workers) as pool:
            parts |= dict(zip(todo, pool.map(_derived, todo)))
    files = editions({chapter: parts[chapter] for chapter in CHAPTERS}, used) | source_pages(used=used)
    files[VERSIONS] = json.dumps(running, indent=2, sort_keys=True) + "\n"
    return dict(sorted(files.items()))


_TABLE_RULE = re.compile(r"^\|(?: *:?-+:? *\|)+ *$", re.M)


def with_source_link(name: str, text: str, chapter: str) -> str:
    """A Markdown file holding a table (Markdown, or HTML as a live panel's) gets a last line linking
    to the code that generated it.

    The link is absolute within ``docs/`` (mkdocs.yml: ``absolute_links: relative_to_docs``), so
    it lands from a page at any depth.
    """
    if not name.endswith(".md") or not (_TABLE_RULE.search(text) or "<table" in text):
        return text
    module = f"derivations/tables/{chapter}.py"
    by = tr("Generated by {module}", module=f"[`{module}`](/{SOURCE_PAGES}/{chapter}.md)")
    return f"{text}\n<small class=\"generated-by\">{by}</small>\n"


def first_paragraph(chapter: str) -> str:
    """The first paragraph of a table module's docstring, on one line (reStructuredText marks).

    Read from the file, not imported: importing every chapter (SymPy, matplotlib) would be most
    of the time of a ``tables --check`` that finds every chapter recorded."""
    source = (Path(__file__).parent / f"{chapter}.py").read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(source), clean=False) or ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def summary(chapter: str, edition: str = "en", korean: dict[str, str] | None = None) -> str:
    """:func:`first_paragraph` in ``edition``'s language (its Korean from the catalog, like any
    generated string), in Markdown, with its ``docs/…`` paths as links to those pages."""
    text = language.resolve(tr(first_paragraph(chapter)), edition, korean)
    return re.sub(r"``docs/([\w/]+\.md)``", r"[`docs/\1`](/\1)", text).replace("``", "`")


def source_pages(korean: dict[str, str] | None = None, used: set[str] | None = None) -> dict[str, str]:
    """One page per table module in each edition, its whole file included by ``pymdownx.snippets``
    at build time (the page shows the code itself, never a copy), and the list of them for
    ``docs/source.md``."""
    korean = language.catalog() if korean is None else korean
    files = {}
    for edition in language.LANGUAGES:
        listing = []
        for chapter in CHAPTERS:
            module = f"derivations/tables/{chapter}.py"
            if used is not None:
                used.add(first_paragraph(chapter))
            text = summary(chapter, edition, korean)
            plain = re.sub(r"\[`([^`]+)`\]\([^)]*\)", r"\1", text).replace("`", "")
            description = language.resolve(tr("The code of {module}. {summary}", module=module, summary=plain),
                                           edition, korean)
            files[language.twin(f"{SOURCE_PAGES}/{chapter}.md", edition)] = (
                f"---\ndescription: {json.dumps(description, ensure_ascii=False)}\n"
                "search:\n  exclude: true  # code would make the search index, which every page loads, larger\n---\n\n"
                f"# `{module}`\n\n{text}\n\n```python\n--8<-- \"{module}\"\n```\n")
            listing.append(f"- [`{module}`](/{SOURCE_PAGES}/{chapter}.md): {text}")
        files[language.twin("generated/source/tables.md", edition)] = "\n".join(listing) + "\n"
    if used is not None:
        used.add("The code of {module}. {summary}")
    return files


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a reader (or a crash)
    never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _present(docs: Path, files: dict[str, str]) -> list[str]:
    """Every file (under ``docs/``) in the folders the generated files live in, at any depth: the
    top folder of each generated path (``generated/``, ``source/``)."""
    roots = sorted({name.split("/", 1)[0] for name in files if "/" in name})
    return sorted(path.relative_to(docs).as_posix()
                  for root in roots for path in (docs / root).rglob("*") if path.is_file())


def _leftover(name: str) -> bool:
    """A temporary file of :func:`write_atomic` that an interrupted run left behind."""
    base = name.rsplit("/", 1)[-1]
    return base.startswith(".") and base.endswith(".tmp")


def write(docs: Path, files: dict[str, str]) -> list[Path]:
    """Write the files that changed and remove temporary files left by an interrupted run;
    return the paths written."""
    for name in _present(docs, files):
        if _leftover(name):
            (docs / name).unlink()
    changed = []
    for name, text in files.items():
        path = docs / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            changed.append(path)
    return changed


def problems(docs: Path, files: dict[str, str]) -> list[str]:
    """Each generated path that is ``missing: …``, ``stale: …`` (its text differs) or
    ``orphaned: … (no longer generated)`` (in a generated folder, at any depth, but not generated,
    including a temporary file an interrupted run left), under ``docs/``. ``versions.json`` is
    only a record: it never makes the tables stale."""
    found = []
    for name, text in files.items():
        path = docs / name
        if name == VERSIONS:
            continue
        if not path.is_file():
            found.append(f"missing: {path}")
        elif path.read_text(encoding="utf-8") != text:
            found.append(f"stale: {path}")
    for name in _present(docs, files):
        if name not in files:
            why = "left by an interrupted run" if _leftover(name) else "no longer generated"
            found.append(f"orphaned: {docs / name} ({why})")
    return found


def recorded_versions(docs: Path) -> dict[str, str]:
    """The versions ``docs``' tables were made with (empty if unrecorded)."""
    try:
        return json.loads((docs / VERSIONS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def pinned_versions() -> dict[str, str]:
    """The ``name==version`` lines of constraints.txt."""
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    return dict(line.split("#")[0].strip().split("==") for line in lines if "==" in line.split("#")[0])


def version_differences(expected: dict[str, str], source: str) -> list[str]:
    """Each version in ``expected`` that the running one differs from, as one line."""
    running = versions()
    return [f"{name} {running.get(name, 'absent')} here, {source} {wanted}"
            for name, wanted in sorted(expected.items()) if running.get(name) != wanted]

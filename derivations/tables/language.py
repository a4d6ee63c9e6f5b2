"""The site's two editions, English and Korean, from one run of every generator.

A generator computes its numbers once and writes its words marked for translation:

- ``tr("Step {n} of the update", n=2)`` — English, a :meth:`str.format` template when it has
  fields (then a literal brace is written twice). Its Korean is looked up in the catalog,
  ``derivations/tables/ko/*.toml``: ``[[text]]`` entries with ``en = "…"`` and ``ko = "…"``, the
  Korean a template with the same fields. A field may itself be marked; it is put into each
  language in that language.
- ``localized(entry, "explanation")`` — text a data file holds in English, with its Korean in the
  field beside it (``explanation_ko``).

A marked string is a placeholder (the text as JSON between two private-use characters) until
:func:`resolve` writes it in one language; ``tables`` writes every generated Markdown file and
figure twice, ``name.md`` and ``name.ko.md``, ``name.svg`` and ``name.ko.svg``. A marked string whose Korean is missing fails ``tables``, naming
it: a Korean page never shows English by accident.

Figures are drawn once per language (:func:`drawing`): inside a figure's ``draw`` function,
``tr()`` returns the text itself in the language being drawn.
"""

from __future__ import annotations

import contextlib
import json
import tomllib
from pathlib import Path
from typing import Any, Iterator

LANGUAGES = ("en", "ko")
"""The editions: English (the site's root) and Korean (under ``ko/``)."""

TWINNED = (".md", ".svg")
"""The generated files written once per edition: pages' parts and figures, which hold words."""

CATALOG = Path(__file__).parent / "ko"

_OPEN, _CLOSE = "\ue000", "\ue001"
_DECODER = json.JSONDecoder()
_drawing: tuple[str, dict[str, str] | None] | None = None
"""While a figure is drawn: its language, and the catalog, read once for the whole figure."""


class MissingKorean(Exception):
    """A marked string without its Korean: ``tables`` stops with one line per string (exit 2)."""


def _field(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def tr(english: str, **fields: Any) -> str:
    """``english`` marked for translation (see the module's docstring)."""
    if _OPEN in english:
        raise ValueError(f"a marked string inside the text to translate: pass it as a field: {english!r}")
    return _drawn(_marked({"en": english, "f": {k: _field(v) for k, v in fields.items()}}))


def both(english: str, korean: str, **fields: Any) -> str:
    """Text given in both languages by its author (a data file's field and its ``_ko`` twin)."""
    return _drawn(_marked({"en": english, "ko": korean, "f": {k: _field(v) for k, v in fields.items()}}))


def localized(entry: Any, key: str, source: str = "") -> str:
    """``entry[key]`` with its Korean ``entry[key + "_ko"]`` (``entry`` a data file's table, or an
    object with those attributes); a data file without the Korean is refused."""
    if not isinstance(entry, dict):
        entry = vars(entry)
    if entry.get(f"{key}_ko") is None:
        where = f"{source}: " if source else ""
        raise MissingKorean(f"{where}no {key}_ko beside {key} = {entry[key]!r}")
    return both(entry[key], entry[f"{key}_ko"])


def _marked(payload: dict) -> str:
    return _OPEN + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + _CLOSE


def _drawn(marked: str) -> str:
    """``marked`` as it is, or, while a figure is drawn, written in the figure's language."""
    if _drawing is None:
        return marked
    language, korean = _drawing
    return resolve(marked, language, korean)


def catalog() -> dict[str, str]:
    """Every Korean template of ``ko/*.toml``, by its English; an English text given twice, in one
    file or two, is refused (one string, one translation)."""
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(CATALOG.glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("text", []):
            if entry["en"] in found:
                raise MissingKorean(f"{path.name}: {entry['en']!r} is also in {found[entry['en']][0]}; keep one")
            found[entry["en"]] = (path.name, entry["ko"])
    return {english: korean for english, (_, korean) in found.items()}


def markers(text: str) -> Iterator[tuple[int, int, dict]]:
    """Each top-level marked string in ``text``: its start, end and payload."""
    start = text.find(_OPEN)
    while start >= 0:
        payload, end = _DECODER.raw_decode(text, start + 1)
        if text[end:end + 1] != _CLOSE:
            raise ValueError(f"a marked string is cut: {text[start:start + 80]!r}")
        yield start, end + 1, payload
        start = text.find(_OPEN, end + 1)


def resolve(text: str, language: str, korean: dict[str, str] | None = None,
            missing: set[str] | None = None, used: set[str] | None = None) -> str:
    """``text`` with every marked string written in ``language``. A Korean template not in
    ``korean`` (the catalog, read if not given) is added to ``missing`` (or raised at once);
    each catalog entry used is added to ``used``."""
    if _OPEN not in text:
        return text
    if language == "ko" and korean is None:
        korean = catalog()
    raise_now = missing is None
    missing = set() if missing is None else missing
    out, last = [], 0
    for start, end, payload in markers(text):
        template = payload["en"]
        if language == "ko":
            if "ko" in payload:
                template = payload["ko"]
            elif template in korean:
                if used is not None:
                    used.add(template)
                template = korean[template]
            else:
                missing.add(template)
        fields = {key: resolve(value, language, korean, missing, used) for key, value in payload["f"].items()}
        out += [text[last:start], template.format(**fields) if fields else template]
        last = end
    if raise_now and missing:
        raise MissingKorean("no Korean for: " + "; ".join(sorted(map(repr, missing))))
    return "".join(out) + text[last:]


@contextlib.contextmanager
def drawing(language: str) -> Iterator[None]:
    """While a figure is drawn in ``language``, :func:`tr` returns text, not a marked string."""
    global _drawing
    previous, _drawing = _drawing, (language, catalog() if language == "ko" else None)
    try:
        yield
    finally:
        _drawing = previous


def twin(path: str, language: str) -> str:
    """Where a generated file is written for ``language``: ``a/b.md`` → ``a/b.ko.md``."""
    if language == LANGUAGES[0]:
        return path
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}.{language}.{suffix}"

"""A search index for each edition.

The i18n plugin merges both editions into one ``search/search_index.json``, which every page's
search worker loads and indexes whenever the page opens: a reader of one edition paid for the
other's pages (twice the text, and the Korean word splitter on English pages too) and got results
in both languages. Each edition now gets its own, beside its pages: the English one at the root,
the Korean one under ``ko/``, its pages pointing Material there (its ``base``, from which Material
fetches the index and resolves each result).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

_CONFIG_TAG = re.escape('<script id="__config" type="application/json">')
"""Where Material writes its configuration (JSON) into every page."""
_BASE = re.compile("(" + _CONFIG_TAG + r'\{.*?"base": ")([^"]*)(")')


def with_edition_base(output: str, edition: str) -> str:
    """A page of the ``edition`` folder (``ko``) with Material's base at that folder, not at the
    site's root: its search then loads the edition's index and resolves results within it.
    Links and assets do not use this base; the stored palette keeps the site-wide scope."""
    page, count = _BASE.subn(lambda m: f"{m[1]}{m[2]}/{edition}/{m[3]}", output, count=1)
    if count != 1:
        raise ValueError("no Material configuration (<script id=\"__config\">) in the page")
    return page


_CONFIG = re.compile(_CONFIG_TAG + r"(.*?)</script>", re.S)
_COPY_BUTTON = re.compile(r'<clipboard-copy(?: ,="")? aria-label="Copy to Clipboard"')


def in_edition_words(output: str, words: dict[str, str]) -> str:
    """A page with the interface words other tools write in English in its edition's words: the
    headings' permalink title (Python-Markdown's "Permanent link"; ``words["permalink"]``, from
    mkdocs.yml's ``extra.words``) and the label of a notebook cell's copy button (mkdocs-jupyter's
    "Copy to Clipboard", whose template's stray comma also leaves an attribute named ``,``):
    Material's own word for its copy buttons, from the page's configuration."""
    output = output.replace('title="Permanent link"', f'title="{html.escape(words["permalink"])}"')
    if "<clipboard-copy" not in output:
        return output
    copy = json.loads(_CONFIG.search(output)[1])["translations"]["clipboard.copy"]
    return _COPY_BUTTON.sub(lambda _: f'<clipboard-copy aria-label="{html.escape(copy)}"', output)


def split_search_index(site: Path, editions: dict[str, list[str]], default: str) -> None:
    """Rewrite ``search/search_index.json`` of ``site`` as one index per edition: the ``default``
    edition's pages at the root, each other's under its folder with locations relative to it.
    ``editions`` gives each edition's search languages (the Korean pages hold English terms)."""
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {edition: [] for edition in editions}
    for doc in merged["docs"]:
        folder, slash, rest = doc["location"].partition("/")
        if slash and folder != default and folder in editions:
            docs[folder].append(doc | {"location": rest})
        else:
            docs[default].append(doc)
    for edition, languages in editions.items():
        index = {**merged, "config": {**merged["config"], "lang": languages}, "docs": docs[edition]}
        target = site / ("" if edition == default else edition) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""The table of contents of notebook pages, made to match the notebook's rendered headings.

mkdocs-jupyter builds a notebook's table of contents from the Markdown source of its headings,
and nbconvert gives the headings their ids on its own: a heading holding code or math gets a
contents entry whose label shows raw ``$…$`` and whose link misses the heading's id (``004_…`` is
dropped from the slug, not from the id). Each entry is rewritten from the heading it stands for.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h(?P=level)>', re.S)
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)
_ENTRY = re.compile(r'(?P<open><a href="#)(?P<id>[^"]*)(?P<mid>" class="md-nav__link">\s*'
                    r'<span class="md-ellipsis">)(?P<label>.*?)(?P<close></span>)', re.S)


def _heading_for(entry_id: str, headings: dict[str, str]) -> str | None:
    """The id of the heading an entry stands for: the same id, or the one the entry's slug is
    cut short of."""
    if entry_id in headings:
        return entry_id
    longer = [i for i in headings if i.startswith(entry_id + "-") or i.startswith(entry_id + "_")]
    return longer[0] if len(longer) == 1 else None


def match_headings(page: str) -> str:
    """Point every contents entry of ``page`` at its heading's id and label it with the heading's
    rendered content (math already MathML). Entries with no matching heading are left alone."""
    headings = {m.group("id"): _ANCHOR_LINK.sub("", m.group("inner")).strip()
                for m in _HEADING.finditer(page)}

    def replace(entry: re.Match) -> str:
        heading = _heading_for(entry.group("id"), headings)
        if heading is None:
            return entry.group(0)
        return entry.group("open") + heading + entry.group("mid") + headings[heading] + entry.group("close")

    return _ENTRY.sub(replace, page)


# --- The Korean notebooks' headings -------------------------------------------------------------
#
# A Korean heading has no ASCII slug: nbconvert and mkdocs-jupyter give it an empty id or a
# numbered one. The twin's headings are the English notebook's, one for one, so they take its ids,
# and the contents entries (a list of the headings below the title, once per contents block) point
# at them; a link to a notebook's section then lands in either edition.

_HEADING_IDS: dict[str, list[str]] = {}
"""Each English notebook page's heading ids, in order, kept from its build for its twin's (the
i18n plugin builds the English edition first, in the same process)."""

_ANY_HEADING = re.compile(r'(<h[1-6] id=")([^"]*)(")')
_WHOLE_HEADING = re.compile(r'(<h([1-6]) id=")[^"]*(".*?</h\2>)', re.S)
_ANCHOR_HREF = re.compile(r'(<a class="anchor-link" href="#)[^"]*(")')
_SKIP_HREF = re.compile(r'(<a href="#)[^"]*(" class="md-skip">)')
_ENTRY_HREF = re.compile(r'(<a href="#)([^"]*)(" class="md-nav__link">)')


def remember_headings(name: str, page: str) -> None:
    _HEADING_IDS[name] = [m.group(2) for m in _ANY_HEADING.finditer(page)]


def with_english_ids(name: str, page: str) -> str:
    """``page``, a Korean notebook page, with the heading ids of its English twin ``name``."""
    if name not in _HEADING_IDS:
        raise RuntimeError(f"{name}: the English notebook page was not built before its Korean twin")
    ids = _HEADING_IDS[name]
    found = [m.group(2) for m in _ANY_HEADING.finditer(page)]
    if len(found) != len(ids):
        raise ValueError(f"{name}: the Korean notebook has {len(found)} headings, the English {len(ids)}")
    heading = iter(ids)

    def english_id(m: re.Match) -> str:
        new = next(heading)  # the heading's own "¶" link too
        return m.group(1) + new + _ANCHOR_HREF.sub(lambda a: a.group(1) + new + a.group(2), m.group(3))

    page = _WHOLE_HEADING.sub(english_id, page)
    entries = len(_ENTRY_HREF.findall(page))
    listed = ids[1:]  # the title is not in the contents
    if ids:  # "skip to content" leads to the title, as on the English page
        page = _SKIP_HREF.sub(lambda m: m.group(1) + ids[0] + m.group(2), page)
    if listed and entries % len(listed) == 0:
        position = iter(range(entries))
        page = _ENTRY_HREF.sub(lambda m: m.group(1) + listed[next(position) % len(listed)] + m.group(3), page)
    return page

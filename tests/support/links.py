"""Internal links of a built site: every ``href`` and ``src`` must land on a file, and every
``#anchor`` on an element id of the page it points to.

Works on the HTML as written to disk, the way a static host serves it: a directory URL means its
``index.html``, ``/…`` is relative to the site root, and anything with a scheme (``https:``,
``mailto:``, ``data:``) or a host is outside the site and not checked here.
"""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    """The ids of one page and the URLs it references, with the tag that references each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in ("href", "src", "xlink:href"):
                self.urls.append((tag, value))


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def _target(site: Path, page: Path, path: str) -> Path | None:
    """The file a URL path refers to from ``page``, or None if it leaves the site."""
    root = site.resolve()
    if path.startswith("/"):
        relative = posixpath.normpath(path.lstrip("/") or ".")
    else:
        here = page.parent.relative_to(root).as_posix()
        relative = posixpath.normpath(posixpath.join(here, path or page.name))
    if relative == ".." or relative.startswith("../"):
        return None
    target = root / relative
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor of every HTML page under ``site`` that does not resolve, as
    ``page: url (reason)``; empty when all land."""
    _parse.cache_clear()
    site = site.resolve()
    problems = []
    for page in sorted(site.rglob("*.html")):
        for tag, url in _parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # another site, or data:/mailto:/javascript:
            where = f"{page.relative_to(site).as_posix()}: <{tag}> {url}"
            target = _target(site, page, unquote(parts.path))
            if target is None:
                problems.append(f"{where} (leaves the site)")
            elif not target.is_file():
                problems.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
                problems.append(f"{where} (no element with this id)")
    return problems

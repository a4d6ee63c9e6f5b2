"""``mkdocs build --strict``: the site builds clean, shows the derived values, needs no network."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

from derivations.tables.common import fixed
from test_backprop_values import ITEM_5

EXTERNAL = re.compile(
    r"""<script[^>]+src=["']?(?:https?:)?//"""          # external script
    r"""|<link[^>]+href=["']?(?:https?:)?//"""          # external stylesheet, font, preload
    r"""|import\(\s*["'](?:https?:)?//"""               # dynamic import of a remote module
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""     # CSS import
    r"""|url\(\s*["']?(?:https?:)?//""", re.I)          # CSS font or image


def visible_text(page: str, code: bool = True) -> str:
    """The text of an HTML page (parsed, not matched), without scripts and styles, and without
    code blocks unless ``code``."""
    soup = BeautifulSoup(page, "html.parser")
    for element in soup(["script", "style"] if code else ["script", "style", "code", "pre"]):
        element.decompose()
    return soup.get_text(" ")


def test_strict_build_prints_no_warning(built_site):
    _, log = built_site
    assert not re.search(r"^(WARNING|ERROR)\s+-", log, re.M), log
    assert "Executed notebook" in log
    assert "without encryption" not in log  # the kernel talks over IPC, not TCP


def test_every_item_5_value_is_on_the_backpropagation_page(built_site, document_solution):
    site, _ = built_site
    text = visible_text((site / "backpropagation" / "index.html").read_text(encoding="utf-8"))
    missing = [n for n in ITEM_5 if fixed(document_solution.value[n]) not in text]
    assert not missing


def test_no_page_or_stylesheet_loads_anything_from_another_host(built_site):
    site, _ = built_site
    offenders = {}
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        found = EXTERNAL.findall(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            offenders[str(path.relative_to(site))] = found[:3]
    assert not offenders


def test_the_external_reference_check_catches_a_cdn():
    assert EXTERNAL.search('<script src="https://cdn.jsdelivr.net/npm/mathjax@3"></script>')
    assert EXTERNAL.search('<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">')
    assert EXTERNAL.search('await import("https://cdnjs.cloudflare.com/mermaid.mjs")')
    assert not EXTERNAL.search('<script src="../assets/javascripts/bundle.js"></script>')


def test_no_raw_tex_is_left_visible(built_site):
    site, _ = built_site
    for path in site.rglob("*.html"):
        text = visible_text(path.read_text(encoding="utf-8"), code=False)
        assert not re.search(r"\\(frac|sigma|partial|left|begin)\b|\$[^$\s]+\$", text), path


def test_the_notebook_was_executed_and_can_be_downloaded(built_site):
    site, _ = built_site
    page = (site / "notebooks" / "backpropagation" / "index.html").read_text(encoding="utf-8")
    assert "largest |SymPy - NumPy|" in html.unescape(page)
    assert BeautifulSoup(page, "html.parser").select('a[download][href$="backpropagation.ipynb"]')
    assert (site / "notebooks" / "backpropagation" / "backpropagation.ipynb").is_file()


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a, b) -> list[str]:
    first, second = _files(a), _files(b)
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


def test_two_builds_of_the_same_inputs_are_byte_identical(built_site, built_site_again):
    """Notebooks executed in both: how the kernel flushed its output must not show."""
    assert _differences(built_site[0], built_site_again[0]) == []


def test_two_builds_with_site_url_are_byte_identical(built_site_with_url, built_site_with_url_again):
    site, _ = built_site_with_url
    assert "https://example.org/derived/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert _differences(site, built_site_with_url_again[0]) == []

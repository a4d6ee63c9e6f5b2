"""``mkdocs build --strict``: the site builds clean, shows the derived values, needs no network."""

from __future__ import annotations

import difflib
import gzip
import html
import os
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from derivations.tables.common import fixed
from conftest import SITE_URL
from test_backprop_values import ITEM_5

EXTERNAL = re.compile(
    r"""<script[^>]+src=["']?(?:https?:)?//"""          # external script
    r"""|<link[^>]+href=["']?(?:https?:)?//"""          # external stylesheet, font, preload
    r"""|import\(\s*["'](?:https?:)?//"""               # dynamic import of a remote module
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""     # CSS import
    r"""|url\(\s*["']?(?:https?:)?//""", re.I)          # CSS font or image


class _Text(HTMLParser):
    """The text of a page outside the elements named ``skipped`` (counted open and closed by
    their own tags only, so an unclosed <p> cannot hide the rest of the page)."""

    def __init__(self, skipped: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped, self.inside, self.parts = skipped, 0, []

    def handle_starttag(self, tag, attrs):
        self.inside += tag in self.skipped

    def handle_endtag(self, tag):
        if tag in self.skipped and self.inside:
            self.inside -= 1

    def handle_data(self, data):
        if not self.inside:
            self.parts.append(data)


def visible_text(page: str, code: bool = True) -> str:
    """The text of an HTML page (parsed, not matched), without scripts and styles, and without
    code blocks unless ``code``. (The parser alone, without a tree: a quarter of BeautifulSoup's
    time, the same text.)"""
    parser = _Text({"script", "style"} if code else {"script", "style", "code", "pre"})
    parser.feed(page)
    parser.close()
    return " ".join(parser.parts)


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


ITALIC_RUN = re.compile(r"(?:<mi>[a-z]</mi>){3,}")
"""Three or more italic letters side by side: a product of variables, or a word typeset as one."""


def test_no_formula_spells_a_word_in_italic_letters(built_site):
    """A word in a formula is set upright (\\mathrm{total}); written bare, each letter is an
    italic variable and E_{total} reads as t·o·t·a·l. (A product of three variables has no vowel
    here; one that did would need \\mathit.)"""
    site, _ = built_site
    words = {}
    for path in site.rglob("*.html"):
        for run in ITALIC_RUN.findall(path.read_text(encoding="utf-8")):
            letters = "".join(re.findall(r"<mi>([a-z])</mi>", run))
            if re.search("[aeiou]", letters):
                words.setdefault(letters, path.relative_to(site).as_posix())
    assert words == {}


def test_the_notebook_was_executed_and_can_be_downloaded(built_site):
    site, _ = built_site
    page = (site / "notebooks" / "backpropagation" / "index.html").read_text(encoding="utf-8")
    assert "largest |SymPy - NumPy|" in html.unescape(page)
    assert BeautifulSoup(page, "html.parser").select('a[download][href$="backpropagation.ipynb"]')
    assert (site / "notebooks" / "backpropagation" / "backpropagation.ipynb").is_file()


def test_the_notebook_pages_share_one_stylesheet_of_jupyterlab_s_theme(built_site):
    """JupyterLab's theme, which mkdocs-jupyter writes into every notebook page, is one file they
    all link (docs/hooks/notebook_styles.py): no notebook page carries it itself."""
    site, _ = built_site
    pages = sorted(site.glob("notebooks/*/index.html")) + sorted(site.glob("ko/notebooks/*/index.html"))
    assert len(pages) >= 10
    sheets = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        notebook = soup.select_one("div.jupyter-wrapper")
        assert notebook is not None and notebook.find_all_previous("style") == [], page
        links = [link["href"] for link in soup.select('link[rel="stylesheet"]') if "/notebook." in link["href"]]
        assert len(links) == 1, page
        sheets.add((page.parent / links[0]).resolve())
        assert page.stat().st_size < 200_000, page
    (sheet,) = sheets
    assert sheet.parent == (site / "assets" / "stylesheets").resolve()
    assert ".jp-Notebook" in sheet.read_text(encoding="utf-8") and sheet.stat().st_size > 100_000


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a, b, address: str | None = None) -> list[str]:
    """The files of site ``a`` and site ``b`` that differ; with ``address`` (``b`` built with it as
    SITE_URL), a file also counts as the same when every line that differs holds an address: the
    site's path on ``b``'s side; on ``a``'s, the same line rooted at "/", a link or a sitemap
    location."""
    first, second = _files(a), _files(b)
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name)
                  and not (address and name in first and name in second
                           and _only_addresses_differ(first[name], second[name], address)))


def _only_addresses_differ(plain: bytes, with_url: bytes, address: str) -> bool:
    path = urlsplit(address).path
    if plain[:2] == b"\x1f\x8b":  # sitemap.xml.gz
        plain, with_url = gzip.decompress(plain), gzip.decompress(with_url)
    a = plain.decode("utf-8").splitlines()
    b = with_url.decode("utf-8").splitlines()

    def only_addresses(old: list[str], new: list[str]) -> bool:
        if not all(path in line or not line.strip() for line in new):
            return False
        rooted = {line.replace(path, "/") for line in new}  # "/derived/x" where "/x" was
        return all(line in rooted or re.search(r'href=|<loc>', line) or not line.strip() for line in old)

    # Only what lies between the common first and last lines is diffed: the whole of every page
    # took seconds, and the addresses sit in the head.
    start = len(os.path.commonprefix([a, b]))
    end = len(os.path.commonprefix([a[start:][::-1], b[start:][::-1]]))
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    return all(tag == "equal" or only_addresses(a[i1:i2], b[j1:j2])
               for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def test_two_builds_are_byte_identical_but_for_the_site_address(built_site, built_site_with_url):
    """Notebooks executed in both: how the kernel flushed its output must not show. The second
    build has the publishing workflow's SITE_URL: only the lines that carry addresses change."""
    site, _ = built_site_with_url
    assert "https://example.org/derived/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert _differences(built_site[0], site, SITE_URL) == []
    assert _differences(built_site[0], site)  # the address did change something


def test_a_difference_beside_the_addresses_is_still_a_difference(built_site, built_site_with_url, tmp_path):
    changed = tmp_path / "site"
    shutil.copytree(built_site_with_url[0], changed)
    page = changed / "perceptron" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>1</p></article>", 1),
                    encoding="utf-8")
    assert _differences(built_site[0], changed, SITE_URL) == ["perceptron/index.html"]

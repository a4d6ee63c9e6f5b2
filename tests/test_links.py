"""Every internal link and anchor of the built site lands, and every page describes itself."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.links import broken_links


def test_every_internal_link_and_anchor_resolves(built_site):
    site, _ = built_site
    assert broken_links(site) == []


@pytest.fixture
def small_site(tmp_path):
    """Two pages that link to each other the ways a built site does."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="../">home</a><a href="#here">self</a>'
        '<a href="/a/#here">absolute</a><a href="../b.html#top">b</a><img src="../pic.svg">'
        '<a href="https://example.com/nowhere">away</a><a href="mailto:x@example.com">mail</a>')
    (tmp_path / "index.html").write_text('<a href="a/">a</a><a href="a/index.html#here">a</a>')
    (tmp_path / "b.html").write_text('<a name="top"></a>')
    (tmp_path / "pic.svg").write_text("<svg/>")
    return tmp_path


def test_links_of_every_form_that_land_pass(small_site):
    assert broken_links(small_site) == []


@pytest.mark.parametrize("link, reason", [
    ('<a href="../c/">c</a>', "no such file"),
    ('<a href="#there">there</a>', "no element with this id"),
    ('<a href="../b.html#bottom">b</a>', "no element with this id"),
    ('<img src="/missing.png">', "no such file"),
    ('<a href="../../outside.html">out</a>', "leaves the site"),
])
def test_a_broken_link_is_reported(small_site, link, reason):
    page = small_site / "a" / "index.html"
    page.write_text(page.read_text() + link)
    (problem,) = broken_links(small_site)
    assert problem.startswith("a/index.html: ") and problem.endswith(f"({reason})")


def test_a_broken_link_in_the_built_site_is_reported(built_site, tmp_path):
    site, _ = built_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "backpropagation" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../no-such-chapter/#intro">gone</a></article>', 1), encoding="utf-8")
    new = set(broken_links(copy)) - set(broken_links(site))
    assert new == {"backpropagation/index.html: <a> ../no-such-chapter/#intro (no such file)"}


def _description(page: str) -> str | None:
    head = page.partition("</head>")[0]  # where the description belongs; the body is most of a page
    meta = BeautifulSoup(head, "html.parser").find("meta", attrs={"name": "description"})
    return meta.get("content") if meta else None


def test_every_page_has_its_own_description(built_site):
    """Search engines show the description: each page needs one of its own, not the site's."""
    from mkdocs.utils.yaml import yaml_load

    site, _ = built_site
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        default = yaml_load(f)["site_description"]
    pages = [p for p in site.rglob("index.html")]
    assert len(pages) >= 3
    generic = {p.relative_to(site).as_posix(): _description(p.read_text(encoding="utf-8"))
               for p in pages}
    assert {name: d for name, d in generic.items() if not d or d.strip() == default.strip()} == {}


def _notebook(tmp_path, *markdown_cells: str):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(c) for c in markdown_cells]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_notebook_is_described_by_its_opening_prose(tmp_path):
    from descriptions import notebook_description

    path = _notebook(tmp_path, "# Title\n\nRuns the [chapter](../../x/) with `derivations`. "
                               "It prints $z_1$ and more.\n\nSecond paragraph.")
    assert notebook_description(path) == "Runs the chapter with derivations."
    assert notebook_description(_notebook(tmp_path, "# Only a title")) == ""


def test_a_notebook_contents_entry_is_matched_to_its_rendered_heading():
    from toc import match_headings

    entry = '<a href="#{}" class="md-nav__link">\n  <span class="md-ellipsis">\n {}\n </span></a>'
    page = (entry.format("the-problem-of", "The problem of")
            + entry.format("y-xw-b", "$Y = XW + B$")
            + entry.format("elsewhere", "Elsewhere")
            + '<h2 id="the-problem-of-004_">The problem of <code>004_…</code>'
            '<a class="anchor-link" href="#the-problem-of-004_">¶</a></h2>'
            '<h2 id="y-xw-b"><math><mi>Y</mi></math><a class="anchor-link" href="#y-xw-b">¶</a></h2>')
    fixed = match_headings(page)
    assert entry.format("the-problem-of-004_", "")[:60] in fixed
    assert '<span class="md-ellipsis">The problem of <code>004_…</code></span>' in fixed
    assert '<span class="md-ellipsis"><math><mi>Y</mi></math></span>' in fixed
    assert "$" not in fixed.split("<h2")[0]
    assert entry.format("elsewhere", "Elsewhere") in fixed  # no heading: left for the link check

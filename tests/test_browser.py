"""Every page a reader can reach, opened in Debian's Chromium as a reader would: at a desktop and
a phone viewport, in light and dark mode, served from 127.0.0.1 with no other host reachable. Each
page loads once and is checked in each viewport and scheme in turn, as a reader resizing the
window and switching the palette would see it. The pages are read beside the other tests, in a
background lane, as soon as the site is built (``conftest.py``); the tests here report each
page's states.

pytest-playwright provides the browser for the other tests (launched as ``conftest.py`` says:
Debian's Chromium) and, for those that use its ``page``, a screenshot and a trace on failure under
``test-artifacts/playwright/``. With ``SCREENSHOTS=1`` a full-page screenshot of each page,
viewport and scheme is kept under ``test-artifacts/screenshots/`` (for people to look at)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.browser import CHROMIUM, NUMBERS_ON_SCREEN, SCHEMES, VIEWPORTS, nav_pages, serve, site_pages, visit


def _unavailable(reason: str):
    """Skip on a machine without the browser; in CI (which installs it) that is a failure."""
    if os.environ.get("CI"):
        raise RuntimeError(f"{reason}: CI must run the browser tests")
    pytest.skip(reason, allow_module_level=True)


if not Path(CHROMIUM).exists():
    _unavailable("Debian's Chromium is not installed (.ci/run installs it)")

PAGES = nav_pages(ROOT / "mkdocs.yml")
READABLE = site_pages(ROOT / "mkdocs.yml")
KOREAN = [page for page in READABLE if page.startswith("ko/")]


@pytest.fixture(scope="session")
def site_url(built_site):
    site, _ = built_site
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page", READABLE)
def test_page_renders_completely_offline(site_read, page, viewport, scheme):
    base, visits = site_read
    result = visits[page][viewport, scheme]
    assert not result.problems, "\n".join(result.problems)
    assert all(url.startswith(base) or url.startswith("data:") for url in result.requests)


def test_a_dark_system_gets_the_dark_palette_on_first_load(browser, site_url):
    """The other tests reach dark mode by the palette toggle; a reader whose system is dark gets it
    from the first page, by the palette's media query."""
    for viewport in VIEWPORTS:
        result = visit(browser, site_url, viewport, "dark")
        assert not result.problems, "\n".join(result.problems)


def test_the_navigation_checked_is_the_navigation_built(built_site):
    """PAGES comes from mkdocs.yml; the built site's own navigation must list the same pages."""
    site, _ = built_site
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = home.select("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = [a["href"] for a in links if "#" not in a["href"]]
    built = {"" if href == "." else href for href in hrefs}
    assert built == set(PAGES)


def test_the_notebook_download_button_downloads_the_notebook(page, site_url):
    notebooks = [p for p in [*PAGES, *KOREAN] if p.startswith(("notebooks/", "ko/notebooks/"))]
    assert len(notebooks) > 2
    for notebook in notebooks:
        page.goto(site_url + notebook)
        with page.expect_download() as download:
            page.click("a.md-content__button[download]")
        path = download.value.path()
        assert download.value.suggested_filename.endswith(".ipynb")
        assert b'"cells"' in Path(path).read_bytes()


PRINTED_WIDTH = 794 - 2 * 38
"""What an A4 page leaves for the content, in CSS pixels: 210 mm at 96 px per inch, less Chromium's
default margins of 0.4 inch each side."""


@pytest.mark.parametrize("chapter", ["backpropagation/", "ko/backpropagation/", "learning/"])
def test_a_printed_chapter_shows_its_evidence_and_every_number_within_the_paper(page, site_url, chapter):
    """Printing, Material opens every folded block (on the window's beforeprint event): the
    evidence is on paper, and every eight-decimal number of the article fits within the margins."""
    page.set_viewport_size({"width": PRINTED_WIDTH, "height": 1123})
    page.goto(site_url + chapter, wait_until="load")
    assert page.evaluate('document.querySelectorAll("details:not([open])").length') > 0
    on_screen = page.evaluate(NUMBERS_ON_SCREEN)["found"]
    page.emulate_media(media="print")
    page.evaluate('window.dispatchEvent(new Event("beforeprint"))')
    page.wait_for_function('document.querySelectorAll("details:not([open])").length === 0', timeout=5000)
    page.evaluate("window.__foldedAtLoad = new Set()")  # nothing is folded on paper
    numbers = page.evaluate(NUMBERS_ON_SCREEN)
    assert numbers["found"] > on_screen and numbers["outside"] == [], (on_screen, numbers)
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTED_WIDTH


def test_the_404_page_works_at_any_depth(page, site_url, built_site):
    """A host serves 404.html for any unknown address, however deep: its links, styles and
    scripts must not depend on where it is shown."""
    site, _ = built_site
    body = (site / "404.html").read_text(encoding="utf-8")
    deep = site_url + "no/such/chapter/page/"
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and r.url != deep and failed.append(r.url))
    page.route(deep, lambda r: r.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(deep, wait_until="networkidle")
    assert failed == []
    assert page.locator("h1").inner_text() == "Page not found"
    links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
    assert sorted(link.removeprefix(site_url) for link in links[:-1]) == sorted(
        p if p else "" for p in PAGES)
    for link in links:
        assert page.request.get(link).status == 200, link
    page.click("text=Back to the home page")
    assert page.url == site_url


@pytest.fixture
def broken_site(built_site, tmp_path):
    """A copy of the built site whose backpropagation page gained the faults the checks must
    catch: raw TeX, a CDN script, a missing image and a block wider than a phone."""
    site, _ = built_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "backpropagation" / "index.html"
    faults = ('<p>a broken formula: \\frac{a}{b}</p>'
              '<script src="https://cdn.example.com/x.js"></script>'
              '<img src="missing.png" alt="">'
              '<div style="width: 2000px">too wide</div>')
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</article>", faults + "</article>", 1), encoding="utf-8")
    return copy


def test_the_checks_catch_raw_tex_a_cdn_a_missing_image_and_overflow(browser, broken_site):
    with serve(broken_site) as base:
        result = visit(browser, base + "backpropagation/", "phone", "light")
    report = "\n".join(result.problems)
    assert "raw TeX visible" in report and "\\frac{a}{b}" in report
    assert "request to another host: https://cdn.example.com/x.js" in report
    assert "HTTP 404" in report and "missing.png" in report
    assert "image not loaded" in report
    assert "horizontal overflow" in report

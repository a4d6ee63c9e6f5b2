"""The Korean edition (한국어판): every page has a Korean twin that says the same numbers in Korean.

The two editions come from one run of the generators (``derivations/tables/language.py``); these
tests hold them together on the built site and on the generated files: the twin exists, is
marked Korean, is mostly Hangul, shows exactly the same eight-decimal numbers, keeps the English
page's anchors, and links to its twin; a string without its Korean fails ``tables``.
"""

from __future__ import annotations

import json
import posixpath
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from derivations import cli
from derivations import tables
from derivations.tables import language
from derivations.tables.language import MissingKorean, both, localized, resolve, tr
from test_site_build import visible_text

EIGHT = re.compile(r"(?<![\d.])[−-]?\d+\.\d{8}(?!\d)")
"""A number printed to the notes' eight decimals."""

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")

SKIPPED = ("assets", "search", "stylesheets", "javascripts", "ko")


def english_pages(site: Path) -> list[Path]:
    """Every page of the English edition (the site's root), as a path under ``site``."""
    return sorted(p.relative_to(site) for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in SKIPPED)


def hangul_share(text: str) -> float:
    """Hangul syllables among all letters (a syllable counts once, as a Latin letter does)."""
    hangul, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
    return hangul / (hangul + latin) if hangul + latin else 0.0


@dataclass
class Edition:
    """What the tests read from one built page, parsed once."""

    lang: str
    numbers: Counter
    """The multiset of eight-decimal numbers the article shows, in text and in MathML."""
    anchors: list[str]
    languages: dict[str, set[str]]
    """The language menu: the hrefs of its links, by language."""
    share: float
    """:func:`hangul_share` of the article's words (no code, math, figures, tables or outputs)."""


def read(html: str) -> Edition:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.body
    for element in article(["script", "style"]):
        element.decompose()
    languages: dict[str, set[str]] = {}
    for link in soup.select("a[hreflang]"):
        languages.setdefault(link["hreflang"], set()).add(link["href"])
    numbers = Counter(m.replace("−", "-") for m in EIGHT.findall(article.get_text(" ")))
    anchors = [h.get("id") for h in article.select("h2, h3, h4")]
    # the page's own words: tables (generated, and checked as files below) hold names in both
    # languages by design, the glossary's above all
    for element in article(["code", "pre", "math", "svg", "kbd", "textarea", "table"]):
        element.decompose()
    for element in article.select(".jp-CodeCell .jp-InputArea, .jp-OutputArea, .highlight, .generated-by, .headerlink"):
        element.decompose()
    return Edition(soup.html.get("lang"), numbers, anchors, languages, hangul_share(article.get_text(" ")))


@pytest.fixture(scope="module")
def pairs(built_site) -> list[tuple[Path, Edition, Edition | None]]:
    site, _ = built_site
    found = []
    for page in english_pages(site):
        twin = site / "ko" / page
        found.append((page, read((site / page).read_text(encoding="utf-8")),
                      read(twin.read_text(encoding="utf-8")) if twin.exists() else None))
    return found


def test_every_english_page_has_a_korean_twin_marked_korean(pairs):
    assert len(pairs) > 30
    assert [str(page) for page, _, korean in pairs if korean is None] == []
    for page, english, korean in pairs:
        assert (english.lang, korean.lang) == ("en", "ko"), page


def test_each_twin_is_mostly_hangul(pairs):
    low = {str(page): round(korean.share, 2) for page, _, korean in pairs if korean.share <= 0.5}
    assert low == {}, "Korean pages whose prose is not mostly Hangul"
    # and the English edition is English
    assert all(english.share < 0.2 for _, english, _ in pairs)


def test_each_pair_shows_the_same_eight_decimal_numbers(pairs):
    differ = {str(page): {"only English": dict(english.numbers - korean.numbers),
                          "only Korean": dict(korean.numbers - english.numbers)}
              for page, english, korean in pairs if english.numbers != korean.numbers}
    assert differ == {}
    assert sum(sum(english.numbers.values()) for _, english, _ in pairs) > 1000


def test_each_pair_keeps_the_same_anchors(pairs):
    """Every heading of the Korean twin has the English heading's id, so a link to a section
    (``perceptron.md#xor-...``) lands in either edition."""
    for page, english, korean in pairs:
        assert english.anchors == korean.anchors, page


def _landing(folder: str, href: str) -> str:
    """Where a link on a page in ``folder`` (a site path, ``/ko/perceptron/``) leads."""
    path = posixpath.normpath(href if href.startswith("/") else posixpath.join(folder, href))
    return path.rstrip("/") + "/"


def test_each_page_links_to_its_twin(pairs):
    """The language menu of every page leads to the same page in the other edition."""
    for page, english, korean in pairs:
        folder = "/" if page.parent == Path(".") else f"/{page.parent.as_posix()}/"
        twin = _landing("/ko/", folder.lstrip("/"))
        for edition, here, other, there in ((english, folder, "ko", twin), (korean, twin, "en", folder)):
            hrefs = edition.languages.get(other, set())
            assert hrefs and {_landing(here, href) for href in hrefs} == {there}, (page, other)


NAMES_IN_FORMULAS = {"out", "relu", "leaky", "softmax"}
"""Latin words a formula of either edition may hold as text: names (n_out, relu(z)), not prose."""


def test_words_inside_formulas_are_in_the_page_s_language(built_site):
    """A formula's text (\\text{…}, MathML's <mtext>) is translated with its page: ⌈샘플 수 / 배치
    크기⌉ on a Korean page, never ⌈samples / batch size⌉; no Hangul on an English page."""
    site, _ = built_site
    wrong = {}
    for path in site.rglob("index.html"):
        korean = path.relative_to(site).parts[0] == "ko"
        for text in re.findall(r"<mtext>([^<]*)</mtext>", path.read_text(encoding="utf-8")):
            words = set(re.findall(r"[A-Za-z]{3,}", text)) - NAMES_IN_FORMULAS if korean else HANGUL.findall(text)
            if words:
                wrong.setdefault(path.relative_to(site).as_posix(), []).append(text)
    assert wrong == {}


def test_tooltips_and_labels_are_in_the_page_s_language(built_site):
    """What a pointer's hover or a screen reader says (title, aria-label, alt, placeholder) is in the
    page's language: the palette toggle, the headings' permalinks, the notebook's download and copy
    buttons said it in English on every Korean page. Code blocks (the source pages) aside."""
    site, _ = built_site
    wrong = {}
    for path in site.rglob("*.html"):
        korean = path.relative_to(site).parts[0] == "ko"
        page = re.sub(r"<(pre|code)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        for value in re.findall(r'\b(?:title|aria-label|alt|placeholder)="([^"]*)"', page):
            if re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{2,}", value) if korean else HANGUL.search(value):
                wrong.setdefault(path.relative_to(site).as_posix(), set()).add(value)
    assert wrong == {}


def test_the_korean_edition_writes_in_one_style(built_site):
    """The ~다 style of a Korean textbook throughout, as the notes write: no 합니다 or 하세요
    sentence on any Korean page, nor in the 404 page's Korean paragraph."""
    site, _ = built_site
    pages = [*site.glob("ko/**/*.html"), site / "404.html"]
    polite = {path.relative_to(site).as_posix(): found for path in pages
              if (found := re.findall(r"\w*(?:습니다|십시오|세요)(?=[.!?\s<])", visible_text(path.read_text(encoding="utf-8"))))}
    assert len(pages) > 40 and polite == {}


def test_the_korean_navigation_is_korean(built_site):
    site, _ = built_site
    soup = BeautifulSoup((site / "ko" / "index.html").read_text(encoding="utf-8"), "html.parser")
    labels = [label.get_text(" ", strip=True) for label in soup.select("nav.md-nav--primary .md-nav__link")]
    sections = [label for label in labels if label and not label.endswith(".py")]
    assert sections and all(HANGUL.search(label) for label in sections), sections


def test_the_notebooks_twins_share_their_code(built_site):
    for english in sorted((ROOT / "docs" / "notebooks").glob("*.ipynb")):
        if ".ko." in english.name:
            continue
        korean = english.with_name(f"{english.stem}.ko.ipynb")
        assert korean.exists(), english.name
        cells = [json.loads(path.read_text(encoding="utf-8"))["cells"] for path in (english, korean)]
        code = [[c["source"] for c in nb if c["cell_type"] == "code"] for nb in cells]
        assert code[0] == code[1], english.name
        markdown = ["".join(c["source"]) for c in cells[1] if c["cell_type"] == "markdown"]
        assert hangul_share(" ".join(markdown)) > 0.5, english.name


# --- The generated files ------------------------------------------------------------------------

def test_every_generated_file_has_its_twin_with_the_same_numbers(generated_files):
    twinned = [name for name in generated_files if name.startswith("generated/") and name.endswith(language.TWINNED)]
    english = {name: generated_files[name] for name in twinned if ".ko." not in name}
    korean = {name: generated_files[name] for name in twinned if ".ko." in name}
    assert {language.twin(name, "ko") for name in english} == set(korean)
    for name, text in english.items():
        twin = korean[language.twin(name, "ko")]
        assert Counter(EIGHT.findall(text)) == Counter(EIGHT.findall(twin)), name


_MARKUP = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|`[^`\n]*`|<svg.*?</svg>|<span lang=\"en\">.*?</span>|<[^>]+>"
                     r"|\{:[^}]*\}|\]\([^)]*\)|&\w+;", re.S)
"""What is not prose: math, code, figures, words marked English (the glossary's names), markup."""

_GLOSS = re.compile(r"(?<=[\uac00-\ud7a3])\s?\([^()]*\)")
"""An English term in parentheses after the Korean, as the notes (and their quotations) give it."""


def test_no_generated_korean_file_holds_english_prose(generated_files):
    """A word the generator prints without tr() shows up here as English in a Korean file."""
    english_words = re.compile(r"\b[A-Za-z]{4,}(?: [A-Za-z]{2,}){2,}\b")  # three English words in a row
    found = {}
    for name, text in generated_files.items():
        if name.endswith(".ko.md") and name.startswith("generated/"):
            words = english_words.findall(_GLOSS.sub("", _MARKUP.sub(" ", text)))
            if words:
                found[name] = words[:3]
    assert found == {}


def test_every_catalog_entry_is_used(generated_docs, generated_files):
    used: set[str] = set()
    tables.generate_all(used=used)  # the chapters from their records, made by the generated_docs run
    korean = [text for name, text in generated_files.items() if ".ko." in name]
    unused = []
    for english, ko in language.catalog().items():
        if english in used:
            continue
        # a figure's or notebook's words are put in while it is made: look for the Korean itself
        longest = max(re.split(r"\{\w+\}", ko), key=len)
        if not any(longest in text for text in korean):
            unused.append(english)
    assert unused == []


_QUOTED_SECTION = re.compile(r"\[`docs/([\w/]+\.md)`\]\([^)]*\), \"([^\"]+)\"")
"""A module summary's pointer to a section: ([`docs/page.md`](/page.md), "Its heading")."""


def _headings(page: Path) -> set[str]:
    """The page's headings as written, without their ``{#anchor}``, outside code fences."""
    found, fenced = set(), False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (m := re.match(r"#{1,6} (.+?)(?: \{#[^}]*\})?\s*$", line)):
            found.add(m[1])
    return found


def test_every_section_the_source_pages_quote_is_a_heading_of_that_edition():
    """A reader looks for the quoted heading on the page of the same language: it is the heading,
    or its title before a colon (the English quotes "A sigmoid instead of a step")."""
    pages = tables.source_pages()
    wrong = []
    for edition in language.LANGUAGES:
        listing = pages[language.twin("generated/source/tables.md", edition)]
        quoted = _QUOTED_SECTION.findall(listing)
        assert len(quoted) >= 6, edition
        for page, heading in quoted:
            headings = _headings(ROOT / "docs" / language.twin(page, edition))
            if not any(h == heading or h.startswith(f"{heading}: ") for h in headings):
                wrong.append((edition, page, heading))
    assert wrong == []


def _korean_fields(entry, found):
    """Every (English, Korean) text pair of a data file: a key beside its ``key_ko``."""
    if isinstance(entry, dict):
        for key, value in entry.items():
            if isinstance(value, str) and isinstance(entry.get(f"{key}_ko"), str):
                found.append((value, entry[f"{key}_ko"]))
            _korean_fields(value, found)
    elif isinstance(entry, list):
        for item in entry:
            _korean_fields(item, found)
    return found


def test_the_korean_edition_names_a_shape_and_a_dense_layer_one_way():
    """A matrix's shape is 크기, as the notes write 행렬의 크기; dense is 전결합, as the chapter's
    title has it. 밀집층 is only the glossary's synonym."""
    pairs = list(language.catalog().items())
    for path in sorted((ROOT / "derivations" / "problems").glob("*.toml")):
        if path.stem != "glossary":
            _korean_fields(tomllib.loads(path.read_text(encoding="utf-8")), pairs)
    wrong = []
    for english, korean in pairs:
        words = re.sub(r"\{\w+\}|`[^`]*`", "", english)
        if re.search(r"\bshapes?\b", words) and ("크기" not in korean or re.search("모양|형상", korean)):
            wrong.append(korean)
        if re.search(r"\bdense (?:layer|network|module)", words) and ("전결합" not in korean or "밀집" in korean):
            wrong.append(korean)
    pages = [p for p in (ROOT / "docs").glob("*.ko.md") if p.name != "glossary.ko.md"]
    pages += sorted((ROOT / "docs_src" / "notebooks").glob("*.py"))
    wrong += [p.name for p in pages if "밀집" in p.read_text(encoding="utf-8")]
    assert wrong == []


# --- A string without its Korean fails ------------------------------------------------------------

def test_a_marked_string_without_korean_fails_naming_it():
    text = "| " + tr("A header no catalog has") + " |\n| --: |\n| 1.00000000 |\n"
    with pytest.raises(MissingKorean, match="A header no catalog has"):
        tables.editions({"x": {"generated/x/a.md": text}})
    assert tables.editions({"x": {"generated/x/a.md": text.replace(tr("A header no catalog has"), both("Header", "머리글"))}})


def test_a_data_file_text_without_its_korean_field_fails():
    with pytest.raises(MissingKorean, match="explanation_ko"):
        localized({"explanation": "A slip."}, "explanation", "derivations/problems/x.toml")
    assert resolve(localized({"explanation": "A slip.", "explanation_ko": "실수."}, "explanation"), "ko") == "실수."


def test_fields_are_put_in_each_language():
    marked = tr("Generated by {module}", module=both("the module", "모듈"))
    assert resolve(marked, "en") == "Generated by the module"
    assert resolve(marked, "ko") == "생성한 코드: 모듈"


def test_tables_exits_2_in_one_line_on_a_missing_korean(monkeypatch, capsys):
    def missing(*args, **kwargs):
        return tables.editions({"x": {"generated/x/a.md": tr("Words without Korean")}})

    monkeypatch.setattr(tables, "generate_all", missing)
    assert cli.main(["tables", "--docs", str(ROOT / "docs")]) == 2
    err = capsys.readouterr().err
    assert "Words without Korean" in err and err.count("\n") == 1


# --- In the browser -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def korean_site(built_site):
    from support.browser import serve

    site, _ = built_site
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("edition, query", [("", "backpropagation"), ("ko/", "역전파")])
def test_search_finds_the_edition_s_own_pages(browser, korean_site, edition, query):
    """Each edition searches its own index: every result is a page of that edition, and opens."""
    from support.browser import VIEWPORTS, search

    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    try:
        page.goto(korean_site + edition, wait_until="load")
        hrefs = search(page, query).locator("a").evaluate_all("links => links.map(a => a.href)")
        assert hrefs and all(("/ko/" in href) == (edition == "ko/") for href in hrefs), hrefs
        assert all(href.startswith(korean_site + edition) for href in hrefs), hrefs
        for href in {href.split("#")[0].split("?")[0] for href in hrefs}:
            assert page.request.get(href).ok, href
    finally:
        page.close()


def test_each_edition_has_a_search_index_of_its_own_pages(built_site):
    """The English index holds the English pages only; the Korean one, under ko/, the Korean pages
    with locations relative to ko/ (where its pages point Material's base), each landing on a
    page of that edition; both index the same pages, each in its own language."""
    site, _ = built_site
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    korean = json.loads((site / "ko" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and korean["config"]["lang"] == ["en", "ko"]
    pages = [{d["location"].split("#")[0] for d in index["docs"]} for index in (english, korean)]
    for edition, folder in zip(pages, (site, site / "ko")):
        assert all((folder / page / "index.html").is_file() for page in edition), edition
    assert pages[0] == pages[1] and len(pages[0]) > 15  # twins: the same pages, each in its edition
    assert not any(d["location"].startswith("ko/") for d in english["docs"])
    assert all(HANGUL.search(d["title"] + d["text"]) for d in korean["docs"] if "#" not in d["location"])
    config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>')
    for page, base in (("ko/index.html", "../ko/"), ("ko/perceptron/index.html", "../../ko/"),
                       ("perceptron/index.html", "..")):
        assert json.loads(config.search((site / page).read_text(encoding="utf-8"))[1])["base"] == base, page


def test_a_live_panel_speaks_the_page_language(browser, korean_site):
    from support.browser import VIEWPORTS

    page = browser.new_page(viewport=VIEWPORTS["phone"])
    try:
        for edition, expect in (("", LATIN), ("ko/", HANGUL)):
            page.goto(korean_site + edition + "perceptron/", wait_until="load")
            field = page.locator('form.live-panel input[name="learning_rate"]')
            field.fill("abc")
            status = page.locator("form.live-panel .live-status").inner_text()
            assert "learning_rate" in status and len(expect.findall(status)) > 10, (edition, status)
    finally:
        page.close()

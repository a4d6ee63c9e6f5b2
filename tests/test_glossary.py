"""The glossary: every Korean term a page shows beside its English name is collected, once, in
``derivations/problems/glossary.toml`` and listed on the glossary page."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from conftest import ROOT
from derivations.problems import data_file
from derivations.tables.glossary import glossary_table
from derivations.tables.language import resolve
from test_site_build import visible_text

NOTES = {"000_27164fcf4fe11804.txt", "001_0f6bc44c70e8f7d0.txt", "002_0d151740a80634d0.txt",
         "003_fbed39925f86eb38.txt", "004_3b2490ffcdfbdb28.txt"}

# "forward propagation (순전파)", "(은닉층, hidden layer)": Korean opening a parenthesis.
KOREAN_IN_PARENTHESES = re.compile(r"\(\s*([가-힣](?:[가-힣0-9 ]*[가-힣0-9])?)\s*[,)]")

# The Korean edition the other way round: "순전파(forward propagation)", "다층 퍼셉트론(multi-layer
# perceptron, MLP)": English in parentheses right after a Korean word; found as (word, English),
# since two Korean terms may share an English name (도함수, 미분: derivative).
ENGLISH_IN_PARENTHESES = re.compile(r"([가-힣]+)\(([A-Za-z][A-Za-z \-–]*[A-Za-z](?:, [A-Z]+)?)\)")


def _terms():
    return data_file("glossary")["term"]


def _page_texts(edition: str = "en") -> dict[str, str]:
    """Prose of every page of one edition: Markdown pages, and the Markdown cells of every
    notebook (``x.md``, ``x.ipynb`` in English; ``x.ko.md``, ``x.ko.ipynb`` in Korean)."""
    def wanted(path) -> bool:
        return path.name.endswith(".ko" + path.suffix) == (edition == "ko")

    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "docs").glob("*.md")) if wanted(p)}
    for notebook in sorted((ROOT / "docs" / "notebooks").glob("*.ipynb")):
        if not wanted(notebook):
            continue
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        texts[notebook.relative_to(ROOT).as_posix()] = "\n".join(
            "".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    texts.pop("docs/glossary.md" if edition == "en" else "docs/glossary.ko.md", None)
    return texts


def test_the_data_file_is_complete_and_unambiguous():
    terms = _terms()
    assert len(terms) >= 40
    for term in terms:
        assert term["source"] in NOTES, term
        assert term["korean"] and term["english"] and term["printed"], term
        # the note's text holds the term (or, for a typo, the text says which)
        assert term["korean"] in term["printed"] or "remark" in term, term
    for key in ("korean", "english"):
        repeated = [k for k, n in Counter(t[key] for t in terms).items() if n > 1]
        assert repeated == [], key


TYPOS_003 = {"sigcoid": "sigmoid", "솔실 함수": "손실 함수", "활정화 함수": "활성화 함수", "거치치": "거치지"}
"""003's typos, each with the word it stands for."""


def test_the_typos_of_003_are_quoted_and_named_in_both_languages():
    """Each typo is in the quoted words of a 003 term and not the word it stands for, so the quote
    is the note's spelling, not ours; the remark names the right word, in English and in Korean."""
    from_003 = [t for t in _terms() if t["source"] == "003_fbed39925f86eb38.txt"]
    for typo, right in TYPOS_003.items():
        (term,) = [t for t in from_003 if typo in t["printed"]]
        assert right not in term["printed"], typo
        assert right in term["remark"] and right in term["remark_ko"], typo


NAMED_NOT_TREATED = {"결정론적 신경망": "004_3b2490ffcdfbdb28.txt", "확률론적 신경망": "004_3b2490ffcdfbdb28.txt",
                     "과적합": "002_0d151740a80634d0.txt", "과소적합": "002_0d151740a80634d0.txt",
                     "투사층": "002_0d151740a80634d0.txt"}
"""Terms the notes name that no chapter treats: the glossary is where a reader learns what they are."""


def test_terms_no_chapter_treats_are_defined_in_both_languages():
    terms = {t["korean"]: t for t in _terms()}
    for korean, source in NAMED_NOT_TREATED.items():
        term = terms[korean]
        assert term["source"] == source and korean in term["printed"], korean
        assert term["remark"] and term["remark_ko"], korean
    # 002 names the projection layer as another name of the linear layer, in one sentence
    assert terms["투사층"]["source"] == terms["선형층"]["source"]
    assert terms["결정론적 신경망"]["printed"] == terms["확률론적 신경망"]["printed"]


def test_every_korean_term_on_a_page_is_in_the_glossary():
    known = {t["korean"] for t in _terms()}
    unknown = {page: sorted(set(KOREAN_IN_PARENTHESES.findall(text)) - known)
               for page, text in _page_texts().items()}
    assert {page: terms for page, terms in unknown.items() if terms} == {}


def test_a_page_gives_each_korean_term_once():
    repeated = {}
    for page, text in _page_texts().items():
        counts = Counter(KOREAN_IN_PARENTHESES.findall(text))
        if twice := sorted(term for term, n in counts.items() if n > 1):
            repeated[page] = twice
    assert repeated == {}


def test_a_korean_page_glosses_each_term_once():
    repeated = {}
    for page, text in _page_texts("ko").items():
        counts = Counter(ENGLISH_IN_PARENTHESES.findall(text))
        if twice := sorted(term for term, n in counts.items() if n > 1):
            repeated[page] = twice
    assert repeated == {}


@pytest.mark.parametrize("text, found", [
    ("순전파(forward propagation)를 계산한다", [("순전파", "forward propagation")]),
    ("다층 퍼셉트론(multi-layer perceptron, MLP)이 된다", [("퍼셉트론", "multi-layer perceptron, MLP")]),
    ("`004_…`의 표기 (위 참고)", []),
])
def test_the_english_term_pattern(text, found):
    assert ENGLISH_IN_PARENTHESES.findall(text) == found


@pytest.mark.parametrize("text, found", [
    ("Forward propagation (순전파) runs", ["순전파"]),
    ("two hidden neurons (은닉층, hidden layer)", ["은닉층"]),
    ("Step 1 (역전파 1단계) updates", ["역전파 1단계"]),
    ("a note (`002_0d151740a80634d0.txt` §3.4)", []),
])
def test_the_term_pattern(text, found):
    assert KOREAN_IN_PARENTHESES.findall(text) == found


def _first_column(edition: str) -> list[str]:
    rows = resolve(glossary_table(), edition).splitlines()[2:]
    return [row.split(" | ")[0].removeprefix("| ") for row in rows]


def test_the_table_lists_every_term_sorted_by_english_name():
    assert _first_column("en") == sorted((t["english"] for t in _terms()), key=str.casefold)


def test_the_korean_table_lists_every_term_sorted_by_korean_term():
    korean = _first_column("ko")
    assert korean == sorted(t["korean"] for t in _terms())
    # 가나다 order, as a Korean dictionary has it: by each term's first initial consonant (ㄱ … ㅎ),
    # computed from the syllable's code point (0xAC00 + 588 × initial + …).
    initials = [(ord(term[0]) - 0xAC00) // 588 for term in korean]
    assert initials == sorted(initials) and initials[0] == 0 and initials[-1] == 18


def test_the_korean_table_gives_remarks_in_korean():
    text = resolve(glossary_table(), "ko")
    remarked = [t for t in _terms() if "remark" in t]
    assert remarked and all(t["remark_ko"] in text and t["remark"] not in text for t in remarked)


@pytest.mark.parametrize("page", ["glossary", "ko/glossary"])
def test_the_glossary_page_shows_every_term(built_site, page):
    site, _ = built_site
    text = visible_text((site / page / "index.html").read_text(encoding="utf-8"))
    missing = [t["korean"] for t in _terms() if t["korean"] not in text or t["printed"] not in text]
    assert missing == []


@pytest.mark.parametrize("edition", ["en", "ko"])
def test_a_remark_is_set_apart_from_the_note_s_words(edition):
    """On the Korean page the note's words and the site's remark are both Korean: a remark in
    parentheses after the quotation read as the note's. Each stands after its own marker."""
    from derivations.tables.glossary import REMARK

    text = resolve(glossary_table(), edition)
    key = "remark" if edition == "en" else "remark_ko"
    for t in _terms():
        if key in t:
            assert f"<br>*{REMARK[edition]}* {t[key]}" in text, t["korean"]
            assert f"({t[key]})" not in text, t["korean"]

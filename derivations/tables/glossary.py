"""The glossary table (``docs/glossary.md``): the notes' Korean terms beside their English names.

Read from ``derivations/problems/glossary.toml``. The English page lists the terms by English
name, English first; the Korean page by Korean term (가나다 order), Korean first: each as its
reader looks a term up.
"""

from __future__ import annotations

from derivations.problems import data_file
from derivations.tables.common import table
from derivations.tables.language import both

CHAPTER = "glossary"

# Each edition's own language first, so the first two headers translate by role: "English" is
# "한국어", not "영어". The cells' data-column keys (the English headers) name positions, and no
# stylesheet or script selects these two.
HEADER = {"en": ("English", "Korean", "note", "as the note writes it"),
          "ko": ("한국어", "영어", "노트", "노트의 표기")}

REMARK = {"en": "This site's remark:", "ko": "이 사이트의 설명:"}
"""What sets the site's own words apart from the note's in the last column: on the Korean page
both are Korean, and a remark in parentheses read as part of the quotation."""


def terms() -> list[dict[str, str]]:
    return data_file(CHAPTER)["term"]


def other(text: str, language: str) -> str:
    """Text of the other edition's language, marked so (``lang``): a browser picks Korean glyphs for
    Hangul on the English page, a screen reader the right voice, and a count of a page's own
    language can leave it out."""
    return f'<span lang="{language}">{text}</span>'


def rows(edition: str) -> list[tuple[str, str, str, str]]:
    """The table's rows in ``edition``: its own language's name first, sorted by it; the note's
    words (Korean, marked so on the English page) with the remark in the page's language."""
    remark = "remark" if edition == "en" else "remark_ko"
    out = []
    for t in terms():
        if "remark" in t and "remark_ko" not in t:
            raise ValueError(f"{CHAPTER}.toml: no remark_ko beside remark = {t['remark']!r}")
        if edition == "en":
            names, printed = (t["english"], other(t["korean"], "ko")), other(t["printed"], "ko")
        else:
            names, printed = (t["korean"], other(t["english"], "en")), t["printed"]
        if remark in t:
            printed += f"<br>*{REMARK[edition]}* {t[remark]}"
        out.append((*names, f"`{t['source']}`", printed))
    key = (lambda r: r[0].casefold()) if edition == "en" else (lambda r: (r[0], r[1].casefold()))
    return sorted(out, key=key)


def glossary_table() -> str:
    """One table, each cell given in both languages: the two editions differ in order, not only
    in words."""
    cells = [[both(en, ko) for en, ko in zip(a, b)] for a, b in zip(rows("en"), rows("ko"))]
    return table([both(en, ko) for en, ko in zip(HEADER["en"], HEADER["ko"])], cells)


def generate() -> dict[str, str]:
    return {f"generated/{CHAPTER}/terms.md": glossary_table()}

"""The site's layout of a generated table loses nothing: every cell keeps its column's name, every
number and every symbol of a formula cut into pieces survives, and nothing is cut inside a group."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from derivations import tables
from derivations.tables import memo
from derivations.tables.layout import LONG, laid_out, split

NUMBER = re.compile(r"-?\d+\.\d+")
TAG = re.compile(r"</?[a-z][^>]*>")


def _squeezed(latex: str) -> str:
    """A formula without spaces, its outer parentheses as plain ones."""
    return re.sub(r"\s+", "", latex.replace(r"\left(", "(").replace(r"\right)", ")"))


def test_a_sum_is_cut_after_its_operators_and_keeps_them():
    latex = r"0.45 \times 0.51998934 + 0.4 \times 0.52747230 + 0.7 \times 0.66384491"
    assert split(latex) == [r"0.45 \times 0.51998934 +", r"0.4 \times 0.52747230 +", r"0.7 \times 0.66384491"]


def test_an_equation_keeps_its_equals_signs():
    latex = r"W_{1}^{+}=W_{1}-α\frac{∂E}{∂W_{1}}=0.1- 0.5 × 0.00080888=0.29959556"
    assert "".join(split(latex)) == latex
    assert [piece[-1] for piece in split(latex)[:-1]] == ["="] * 3


def test_nothing_is_cut_inside_braces_or_a_stretching_parenthesis():
    latex = r"\frac{0.60944600 - 0.4 + 0.5 - 0.25 + 0.125}{2} \times \left(1 - 0.60944600 + 0.3 - 0.2\right)"
    assert split(latex) == [r"\frac{0.60944600 - 0.4 + 0.5 - 0.25 + 0.125}{2} \times",
                            r"\left(1 - 0.60944600 + 0.3 - 0.2\right)"]


def test_a_parenthesis_around_it_all_is_opened_in_plain_parentheses():
    latex = (r"\left(\left(0.60944600 - 0.4\right) \times 0.60944600 + \left(0.66384491 - 0.6\right)"
             r" \times 0.66384491\right) \times 0.24960043")
    parts = split(latex)
    assert len(parts) > 2 and parts[0].startswith("(\\left(") and ")" in parts[-2]
    assert _squeezed("".join(parts)) == _squeezed(latex)


TABLE_RULE = re.compile(r"^\|(?: *:?-+:? *\|)+ *$", re.M)

COMMITTED = sorted(path.relative_to(ROOT / "docs").as_posix()
                   for path in (ROOT / "docs" / "generated").rglob("*.md")
                   if not path.name.endswith(".ko.md") and '<table class="steps' in path.read_text(encoding="utf-8"))
"""The English tables as committed, laid out (their names only: the tests read what the session's
``tables --fresh`` derived)."""


@pytest.fixture(scope="session")
def generated(generated_docs) -> dict[str, str]:
    """Each Markdown table as its chapter generates it, before layout: the records the session's
    ``tables --fresh`` run (``generated_docs``) kept of every chapter, rather than a second
    derivation of them all in this process."""
    running = tables.versions()
    files = {}
    for chapter in tables.CHAPTERS:
        recalled = memo.recall(ROOT, chapter, running)
        assert recalled is not None, chapter
        files |= {name: text for name, text in recalled.items() if name.endswith(".md") and TABLE_RULE.search(text)}
    return files


def test_the_tables_checked_are_every_table_generated(generated):
    assert len(COMMITTED) > 50 and sorted(generated) == COMMITTED


def _text(markdown: str) -> str:
    """What a reader reads: no tags, table rules, pipes or math delimiters, formulas squeezed."""
    markdown = re.sub(r"^\|(?: *:?-+:? *\|)+ *$", "", markdown, flags=re.M)
    return _squeezed(re.sub(TAG, "", markdown).replace("|", "").replace("$", ""))


MARKS = re.compile(r'\{:(?: [a-z-]+="[^"{}]*")+\}')
"""A cell's attributes for its ``<td>`` (``layout.with_attributes``): not text a reader reads."""


@pytest.mark.parametrize("name", COMMITTED)
def test_every_number_and_symbol_of_a_generated_table_survives(generated, name):
    text = MARKS.sub("", generated[name])
    out = laid_out(text)
    assert '<table class="steps' in out and not re.search(r"^\|(?: *:?-+:? *\|)+ *$", out, re.M)
    assert Counter(NUMBER.findall(re.sub(TAG, " ", out))) == Counter(NUMBER.findall(text))
    assert _text(out) == _text(text)
    assert out.count("<td ") == out.count("<td data-label=")


def test_a_cells_attributes_go_to_its_td_and_leave_its_text():
    from derivations.tables.layout import with_attributes

    out = laid_out("| a | b |\n| :-- | :-- |\n| " + with_attributes("$0.45 \\times 0.5$", data_live="input:W5:0.45")
                   + " | " + with_attributes("0.5", data_key="h1") + " |\n")
    assert '<td data-label="a" data-column="a" data-live="input:W5:0.45" markdown="span">$0.45 \\times 0.5$</td>' in out
    assert '<td data-label="b" data-column="b" data-key="h1" markdown="span">0.5</td>' in out


def test_a_translated_table_keeps_the_english_column_names_for_the_scripts():
    english = "| value | note |\n| --: | --: |\n| 1 | 2 |\n"
    korean = "| 값 | 노트 |\n| --: | --: |\n| 1 | 2 |\n"
    out = laid_out(korean, english)
    assert '<th data-column="note" markdown="span">노트</th>' in out
    assert '<td data-label="값" data-column="value" markdown="span">1</td>' in out
    with pytest.raises(ValueError, match="number of tables"):
        laid_out(korean + "\n" + korean, english)

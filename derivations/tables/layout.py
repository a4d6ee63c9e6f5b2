"""How a generated table is laid out on the site: each Markdown table becomes an HTML table whose
cells carry their column's name (``data-label``), so the stylesheet can show a row as a card, each
value under its name and beside the note's printed value, at any width; and a long formula is
cut after its top-level operators into pieces a line may break between.

A cell may end with attributes for its ``<td>``, ``{: data-key="h1"}`` (:func:`with_attributes`):
the page's live example finds its values by them.

Only the site's copies are laid out so; the command line prints the plain Markdown tables.
"""

from __future__ import annotations

import html
import re

_ROW = re.compile(r"^\|.*\|$")
_RULE = re.compile(r"^\|(?: *:?-+:? *\|)+ *$")
_LEFT, _RIGHT = re.compile(r"\\left(?![a-z])"), re.compile(r"\\right(?![a-z])")
_SUM, _PRODUCT = re.compile(r" ?= ?| [+-] "), re.compile(r" (?:\\times|\\cdot) ")

LONG = 40
"""Characters of LaTeX beyond which an inline formula in a cell is cut: about the width of a
phone's line."""

FITS = 90
"""Characters, as read, that a row of a table may hold to fit a laptop's column (720 px) as a
table: beyond, it is shown as cards at every width."""


def _read_length(cell: str) -> int:
    """About how many characters a cell shows: LaTeX commands, braces and marks not counted."""
    return len(re.sub(r"\\[A-Za-z]+|[{}$`*^_]", "", cell))


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row, stripped."""
    return [cell.strip() for cell in row.strip()[1:-1].split("|")]


def pieces(latex: str, operator: re.Pattern = _SUM) -> list[str]:
    """``latex`` cut after each ``operator`` at the top level (outside braces and
    ``\\left…\\right``), each piece keeping its operator: ``a + b`` gives ``a +``, ``b``."""
    out, start, depth, i = [], 0, 0, 0
    while i < len(latex):
        if _LEFT.match(latex, i) or latex[i] == "{":
            depth += 1
        elif _RIGHT.match(latex, i) or latex[i] == "}":
            depth -= 1
        elif depth == 0 and i > start and (m := operator.match(latex, i)) and m.end() < len(latex):
            out.append(latex[start:m.end()].rstrip())
            start = i = m.end()
            continue
        i += 1
    return out + [latex[start:]]


def _balanced(latex: str) -> bool:
    depth = 0
    for i in range(len(latex)):
        depth += bool(_LEFT.match(latex, i)) - bool(_RIGHT.match(latex, i))
        if depth < 0:
            return False
    return depth == 0


_GROUP = re.compile(r"^\\left\((.*)\\right\)(.*)$")


def split(latex: str) -> list[str]:
    """``latex`` in pieces of at most about LONG characters where it can be cut: at its sums,
    then its products, then inside a parenthesis around it all (then set in plain parentheses,
    which need not stretch around numbers)."""
    if len(latex) <= LONG:
        return [latex]
    for operator in (_SUM, _PRODUCT):
        if len(parts := pieces(latex, operator)) > 1:
            return [piece for part in parts for piece in split(part)]
    if (group := _GROUP.match(latex)) and _balanced(group[1]):
        inner = split(group[1])
        return ["(" + inner[0], *inner[1:-1], inner[-1] + ")" + group[2]] if len(inner) > 1 else [latex]
    return [latex]


_INLINE = re.compile(r"\$([^$]+)\$")


def wrapped(cell: str) -> str:
    """A cell with each long formula in it as formulas a line may break between (a bias term
    after the weighted sum, say, leaves the sum as long as before); an environment, whose rows
    are its own lines, as it is."""

    def cut(match: re.Match) -> str:
        latex = match[1]
        if len(latex) <= LONG or r"\begin" in latex:
            return match[0]
        return " ".join(f"${piece}$" for piece in split(latex))

    return _INLINE.sub(cut, cell)


_ATTRIBUTES = re.compile(r'\{:((?: [a-z-]+="[^"{}]*")+)\}$')


def with_attributes(cell: str, **attributes: str) -> str:
    """``cell`` carrying attributes for its ``<td>`` (``data_key`` is written ``data-key``)."""
    marks = "".join(f' {name.replace("_", "-")}="{html.escape(value, quote=True)}"'
                    for name, value in attributes.items())
    return f"{cell}{{:{marks}}}"


def attributes(cell: str) -> tuple[str, str]:
    """A cell's text and the attributes :func:`with_attributes` gave it (empty if none)."""
    match = _ATTRIBUTES.search(cell)
    return (cell[:match.start()], match.group(1)) if match else (cell, "")


def _label(name: str) -> str:
    return html.escape(re.sub(r"[$`*]", "", name), quote=True)


def html_table(header: list[str], rows: list[list[str]], columns: list[str] | None = None) -> str:
    """Rows of Markdown cells as an HTML table (``md_in_html`` renders each cell's Markdown).

    Each cell carries its column's name as the reader reads it (``data-label``, shown above the
    value on a card) and as the English edition names it (``data-column``, what the stylesheet and
    the live example's script select, the same in every edition): ``columns``, if the header is
    a translation."""
    labels = [_label(name) for name in header]
    keys = [_label(name) for name in (columns or header)]
    head = "".join(f'<th data-column="{key}" markdown="span">{name}</th>' for name, key in zip(header, keys))
    split_rows = [[attributes(cell) for cell in row] for row in rows]
    rows = [[text for text, _ in row] for row in split_rows]
    body = "\n".join('<tr markdown="1">' + "".join(
        f'<td data-label="{label}" data-column="{key}"{extra} markdown="span">{wrapped(cell)}</td>'
        for label, key, (cell, extra) in zip(labels, keys, row)) + "</tr>" for row in split_rows)
    widths = [max(map(_read_length, column)) for column in zip(header, *rows)]
    fits = " fits" if sum(widths) + 2 * len(widths) <= FITS else ""
    return (f'<table class="steps{fits}" markdown="1">\n<thead markdown="1"><tr markdown="1">{head}</tr></thead>\n'
            f'<tbody markdown="1">\n{body}\n</tbody>\n</table>')


def tables(text: str) -> list[tuple[int, int, list[str], list[list[str]]]]:
    """Each Markdown table of ``text``: its first and last line (exclusive), header and rows."""
    lines, found, i = text.split("\n"), [], 0
    while i < len(lines):
        if _ROW.match(lines[i]) and i + 1 < len(lines) and _RULE.match(lines[i + 1]):
            start, header, rows, i = i, cells(lines[i]), [], i + 2
            while i < len(lines) and _ROW.match(lines[i]):
                rows.append(cells(lines[i]))
                i += 1
            found.append((start, i, header, rows))
        else:
            i += 1
    return found


def laid_out(text: str, english: str | None = None) -> str:
    """``text`` with each Markdown table replaced by :func:`html_table`; ``english``, the same
    text in the English edition, names the columns."""
    lines, out, last = text.split("\n"), [], 0
    found = tables(text)
    columns = [header for _, _, header, _ in tables(english)] if english is not None else [None] * len(found)
    if len(columns) != len(found):
        raise ValueError("a translation has a different number of tables than its English")
    for (start, end, header, rows), keys in zip(found, columns):
        out += lines[last:start] + [html_table(header, rows, keys)]
        last = end
    return "\n".join(out + lines[last:])

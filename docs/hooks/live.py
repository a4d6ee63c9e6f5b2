"""The live example's marks on a built page: each number substituted into a formula becomes an
element the page's script can find and rewrite.

A generated cell lists, in ``data-live``, which value each substituted number is, in the order
written (``input:W5:0.45 key:h1:0.51998934 …``; ``derivations/tables/backprop_2_2_2.py``). Once
the formula is MathML, the first ``<mn>`` showing that text (after the previous one) gets
``data-input="W5"`` or ``data-key="h1"``, and the list goes. A number not found fails the build.
"""

from __future__ import annotations

import re

_CELL = re.compile(r'(<td\b[^>]*?) data-live="([^"]*)"([^>]*>)(.*?)(</td>)', re.S)
_NUMBER = re.compile(r"<mn>([^<]*)</mn>")


class LiveMarkError(ValueError):
    """A substituted number the cell's formula does not show."""


def _marked(listing: str, body: str) -> str:
    marks = [item.split(":", 2) for item in listing.split()]
    out, position = [], 0
    for kind, name, text in marks:
        for match in _NUMBER.finditer(body, position):
            if match.group(1) == text:
                out.append(body[position:match.start()] + f'<mn data-{kind}="{name}">{text}</mn>')
                position = match.end()
                break
        else:
            raise LiveMarkError(f"{kind} {name} = {text} is not in the formula {body[:200]!r}")
    return "".join(out) + body[position:]


def mark_live_numbers(page: str) -> str:
    """Every ``data-live`` cell of ``page`` (already MathML) with its numbers marked."""
    if ' data-live="' not in page:
        return page
    return _CELL.sub(lambda m: m[1] + m[3] + _marked(m[2], m[4]) + m[5], page)

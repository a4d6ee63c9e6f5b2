"""Live panels: a form on the page whose fields are a worked problem's inputs, prefilled from its
data file, and whose results a page script computes (``docs/javascripts/live.js`` and one module
per panel). The form is ``hidden`` until that script runs, so without JavaScript the page is the
static page. Each result sits in an element whose ``data-key`` is the Python routes' key.
"""

from __future__ import annotations

from typing import Sequence

from derivations.tables.common import math
from derivations.tables.language import tr

MESSAGES = {
    "invalid": tr("Not a number: {names}. The values shown are for the last valid input."),
    "range": tr("Out of range: {names}. The values shown are for the last valid input."),
}
"""What the panel's status line says, in the page's language (``live.js`` fills ``{names}``)."""


def field(name: str, label: str, value: str) -> str:
    """One input, ``name`` as the data file names it, labelled in LaTeX, prefilled with ``value``."""
    return (f'<label class="live-field"><span class="live-label">{math(label)}</span>'
            f'<input name="{name}" value="{value}" inputmode="decimal" autocomplete="off" '
            f'spellcheck="false"></label>')


def value(key: str) -> str:
    return f'<span data-key="{key}">—</span>'


def panel(name: str, intro: str, fields: Sequence[str], header: Sequence[str],
          rows: Sequence[Sequence[str]], reset: str) -> str:
    """The form: an introduction, the fields, the reset button and a status line, then a table of
    results (LaTeX labels in the first column, :func:`value` cells after it)."""
    head = "".join(f'<th markdown="span">{cell}</th>' for cell in header)
    body = "".join('<tr markdown="1">' + "".join(f'<td markdown="span">{cell}</td>' for cell in row) + "</tr>\n"
                   for row in rows)
    return "\n".join([
        f'<form class="live-panel" data-live="{name}" '
        + "".join(f'data-say-{key}="{text}" ' for key, text in MESSAGES.items()) + 'hidden markdown="1">',
        f'<p class="live-note" markdown="span">{intro}</p>',
        '<div class="live-fields" markdown="1">',
        *fields,
        "</div>",
        '<div class="live-actions"><button type="reset" class="md-button">' + reset + "</button>"
        '<span class="live-status" role="status"></span></div>',
        '<table class="live-results" markdown="1">',
        f'<thead markdown="1"><tr markdown="1">{head}</tr></thead>',
        '<tbody markdown="1">',
        body + "</tbody>",
        "</table>",
        "</form>",
        "",
    ])

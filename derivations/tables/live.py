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
    "address": tr("The address's {names} is not a number: this page's value is used."),
}
"""What a panel's status line says, in the page's language (``live.js`` fills ``{names}``)."""

BACKPROP_MESSAGES = {
    "notes-only": tr("This part applies to the notes' numbers, not to yours."),
    "figure": tr("With your numbers, the values drawn are computed in this page, in JavaScript."),
    "biased": tr("Your biases are in the forward formulas: b_hidden is added to z1 and z2, b_output to z3 "
                 "and z4 (the notes' network has none). The update changes the weights only."),
    "changed": tr("Every value below is yours, computed in this page; the notes' column steps aside."),
    "invalid": tr("Not a valid number: {names}. The values shown are for the last valid inputs."),
    "invalid-rate": tr("Not a valid number: {names} (the learning rate must be > 0). The values shown are for "
                       "the last valid inputs."),
    "range": tr("These inputs take a value outside float64's range; the values shown are for the last valid inputs."),
    "address": tr("The address's {names} is not a number: the notes' value is used."),
    "copied": tr("Copied: save it as a .toml file and run solve on it."),
    "select": tr("Select the text below and copy it."),
}
"""What the backpropagation page's panel says (``live_backprop.js``)."""


def say(messages: dict[str, str]) -> str:
    """A form's messages as its ``data-say-*`` attributes, which the page's script reads."""
    return "".join(f' data-say-{key}="{text}"' for key, text in messages.items())


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
        f'<form class="live-panel" data-live="{name}"{say(MESSAGES)} hidden markdown="1">',
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

"""LaTeX to MathML at build time, so pages need no math JavaScript and no network.

Chromium, Firefox and Safari render MathML natively. The converter is the package's
(:mod:`derivations.mathml`), shared with ``solve --format html``. Two kinds of page carry math:

* Markdown pages, where ``pymdownx.arithmatex`` (generic mode) wraps ``$…$`` in
  ``<span class="arithmatex">\\(…\\)</span>`` and ``$$…$$`` in ``<div class="arithmatex">\\[…\\]</div>``;
* notebook pages (mkdocs-jupyter), where ``$…$`` stays raw inside ``jp-RenderedMarkdown`` and
  ``jp-RenderedLatex`` blocks, because mkdocs-jupyter leaves math to a MathJax it does not load.
"""

from __future__ import annotations

import html
import re

from functools import lru_cache

from derivations.mathml import MathError, to_mathml  # noqa: F401  (MathError: the build's error)
from derivations.tables.common import upright

# Both editions, and every `serve` rebuild, show the same formulas: each is converted once per process.
to_mathml = lru_cache(maxsize=None)(to_mathml)

_ARITHMATEX = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.+?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<block>.+?)\\\]</div>', re.S)


def render_arithmatex(page: str) -> str:
    """Replace arithmatex's generic wrappers (Markdown pages) by MathML."""

    def replace(match: re.Match) -> str:
        if match.group("inline") is not None:
            return to_mathml(html.unescape(match.group("inline")), block=False)
        return '<div class="math-block">' + to_mathml(html.unescape(match.group("block")), block=True) + "</div>"

    return _ARITHMATEX.sub(replace, page)


_TAG = re.compile(r"(<[^>]+>)")
DOLLARS = re.compile(r"\$\$(?P<block>.+?)\$\$|\$(?P<inline>[^$]+?)\$", re.S)
"""``$$…$$`` or ``$…$`` in a notebook's Markdown, as Jupyter reads it."""
_MATH_CONTAINER = re.compile(r'<div class="[^"]*\bjp-Rendered(?:Markdown|Latex)\b')


def render_dollars(text: str) -> str:
    """Replace ``$…$`` and ``$$…$$`` in one HTML text node (escaped) by MathML, words upright as
    in the tables (SymPy's output prints ``E_total`` as ``E_{total}``: five italic variables)."""

    def replace(match: re.Match) -> str:
        if match.group("block") is not None:
            return to_mathml(upright(html.unescape(match.group("block"))), block=True)
        return to_mathml(upright(html.unescape(match.group("inline"))), block=False)

    return DOLLARS.sub(replace, text)


def render_notebook(page: str) -> str:
    """Replace ``$…$`` math in a notebook page's Markdown cells and LaTeX outputs by MathML.

    Walks tags and text in order, tracking whether the text sits inside a rendered Markdown or
    LaTeX block (and not inside ``<code>`` or ``<pre>``, where a dollar is just a dollar).
    """
    pieces = _TAG.split(page)
    depth = 0        # open <div>s since entering a math container; 0 = outside
    verbatim = 0     # open <code>/<pre> inside one
    skip = 0         # inside <script>/<style>
    out = []
    for piece in pieces:
        if piece.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            closing = piece.startswith("</")
            if tag in ("script", "style"):
                skip += -1 if closing else 1
            elif depth and tag in ("code", "pre"):
                verbatim += -1 if closing else 1
            elif tag == "div":
                if depth:
                    depth += -1 if closing else 1
                elif not closing and _MATH_CONTAINER.match(piece):
                    depth = 1
            out.append(piece)
        elif depth and not verbatim and not skip and "$" in piece:
            out.append(render_dollars(piece))
        else:
            out.append(piece)
    return "".join(out)


# mkdocs-jupyter's template loads MathJax from an empty URL and imports Mermaid from a CDN when a
# notebook output holds a Mermaid diagram. Ours hold none, and the site must make no request
# outside itself, so both go.
_NOTEBOOK_SCRIPTS = re.compile(
    r'<script src="">\s*</script>'
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*?https://cdn(?:(?!</script>).)*</script>', re.S)


def strip_notebook_scripts(page: str) -> str:
    return _NOTEBOOK_SCRIPTS.sub("", page)

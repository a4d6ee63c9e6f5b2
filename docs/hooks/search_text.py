"""Search results a reader can read: formulas as text, not TeX.

The search plugin indexes a page's HTML before the site turns its formulas into MathML
(``mathml.py`` runs on the finished page), so the index held the TeX: a result read
``the threshold \\(\\theta\\) moved into a bias`` and a notebook's heading ``$Y = XW + B$ …¶``.
MathML in the index would double its size, and every page's search worker indexes it again on
each load; each formula is written instead as one writes maths in a line of text, from the same
MathML the page shows (one parser of TeX): ``∂E<sub>total</sub>/∂W<sub>1</sub>``,
``w<sup>T</sup>x + b = 0``. Notebook headings also lose their permalink's ``¶``, and notebook
cells their prompt (``In [ ]:``) and copy button's word.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from mathml import DOLLARS, to_mathml

_NS = "{http://www.w3.org/1998/Math/MathML}"

SPACED = set("=+−×·≈≤≥≠<>→←⇔⇒↦∈∉∝⊙∘±∓≡")
"""Operators written with a space on each side (unless one begins a group: ``−x``)."""
OPENING, CLOSING = set("([{⌈⌊|‖"), set(")]}⌉⌋|‖")
BIG = {"∑", "∏"}
# A prefix operator and what it applies to read as one piece: ∂E/∂W needs no parentheses.
_PREFIX = set("∂∇−")
ACCENTS = {"^": "\u0302", "~": "\u0303", "¯": "\u0305", "‾": "\u0305", "→": "\u20d7", "˙": "\u0307", ".": "\u0307"}
"""An accent over a letter, as the combining character that puts it there: ŷ, x̃."""


def _tag(element) -> str:
    return element.tag.removeprefix(_NS)


def _raw(element) -> str:
    return "".join(element.itertext()).replace("\u00a0", " ")


def _text(element) -> str:
    return html.escape(_raw(element), quote=False)


def _atomic(element) -> bool:
    """Whether ``element`` reads as one piece in a line: a fraction's part needs no parentheses."""
    tag = _tag(element)
    if tag in ("mi", "mn", "mtext", "msqrt"):
        return True
    if tag in ("msub", "msup", "msubsup", "mover"):
        return _atomic(element[0])
    if tag in ("mrow", "mstyle", "mpadded"):
        children = list(element)
        if len(children) <= 1:
            return not children or _atomic(children[0])
        if _tag(children[0]) == "mo" and _raw(children[0]) in OPENING \
                and _tag(children[-1]) == "mo" and _raw(children[-1]) in CLOSING:
            return True  # a group in brackets
        if _tag(children[0]) == "mo" and _raw(children[0]) in _PREFIX:
            return _atomic(children[1]) if len(children) == 2 else all(_tag(c) != "mo" for c in children[1:])  # ∂E, −x
        return all(_tag(child) != "mo" for child in children)  # a product written side by side: XW
    return False


def _grouped(element) -> str:
    text = _line(element)
    return text if _atomic(element) else f"({text})"


def _big(element) -> bool:
    """A sum or product sign, with its limits or without."""
    base = element if _tag(element) == "mo" else element[0] if len(element) else None
    return base is not None and _tag(base) == "mo" and _raw(base) in BIG


def _row(children: list) -> str:
    out = []
    for i, child in enumerate(children):
        before = children[i - 1] if i else None
        if _big(child) and out and not out[-1].endswith(" "):
            out.append(" ")  # ½ ∑, not ½∑
        after = children[i + 1] if i + 1 < len(children) else None
        # a function's name before its argument: ln x, max x (not before a bracket: max(0, x))
        named = len(_raw(child)) > 1 and _raw(child).isalpha() and after is not None and _raw(after)[:1] not in OPENING
        if _tag(child) != "mo" or _big(child):
            out.append(_line(child) + " " * (_tag(child) == "mi" and named))
            continue
        op = _raw(child)
        starts = before is None or _big(before) or (
            _tag(before) == "mo" and (_raw(before) in SPACED or _raw(before) in OPENING or _raw(before) == ","))
        if op in SPACED and not starts:
            out.append(f" {_text(child)} ")
        elif op == ",":
            out.append(", ")
        else:
            out.append(_text(child) + " " * named)
    return "".join(out)


def _scripted(element, sub, sup) -> str:
    """A base with a subscript, a superscript or both; a sum sign's limits, then a space."""
    base = _line(element[0]).rstrip()
    base += f"<sub>{_line(sub)}</sub>" if sub is not None else ""
    base += f"<sup>{_line(sup)}</sup>" if sup is not None else ""
    return base + " " * _big(element)


def _line(element) -> str:
    """``element`` (MathML) as HTML text on one line."""
    tag, children = _tag(element), list(element)
    if tag in ("mi", "mn", "mtext"):
        return _text(element)
    if tag == "mo":
        return _text(element) + " " * (_raw(element) in BIG)
    if tag in ("math", "mrow", "mstyle", "mpadded", "menclose"):
        return _row(children)
    if tag == "semantics":
        return _line(children[0])
    if tag == "mspace":
        return " "
    if tag == "mphantom":
        return ""
    if tag in ("msub", "munder"):
        return _scripted(element, children[1], None)
    if tag == "msup" and _raw(children[1]) in ("′", "″"):
        return _line(children[0]) + _text(children[1])  # relu′
    if tag == "msup":
        return _scripted(element, None, children[1])
    if tag in ("msubsup", "munderover"):
        return _scripted(element, children[1], children[2])
    if tag == "mover":
        accent = ACCENTS.get(_raw(children[1]))
        base = _line(children[0])
        return base + accent if accent else f"{base}<sup>{_line(children[1])}</sup>"
    if tag == "mfrac":
        return f"{_grouped(children[0])}/{_grouped(children[1])}"
    if tag == "msqrt":
        return "√" + (_line(children[0]) if len(children) == 1 and _atomic(children[0]) else f"({_row(children)})")
    if tag == "mroot":
        return f"<sup>{_line(children[1])}</sup>√{_grouped(children[0])}"
    if tag == "mtable":
        return "; ".join(", ".join(_line(cell) for cell in row) for row in children)
    if tag == "mtd":
        return _row(children)
    raise ValueError(f"no way to write <{tag}> in a line of text")


def plain_math(tex: str, block: bool = False) -> str:
    """The TeX formula ``tex`` as HTML text on one line, from the page's own MathML (composed:
    ŷ as one character, as a reader types it)."""
    return unicodedata.normalize("NFC", _line(ET.fromstring(to_mathml(tex, block=block))).strip())


_CODE = re.compile(r"(<pre>.*?</pre>|<code>.*?</code>)", re.S)
_ARITHMATEX = re.compile(r"\\\((?P<inline>.+?)\\\)|\\\[(?P<block>.+?)\\\]", re.S)
_PROMPT = re.compile(r"(?:In|Out)\s*\[[\s\d]*\]:\s*(?:Copied!\s*)?")


def _formulas(text: str, pattern: re.Pattern) -> str:
    def replace(match: re.Match) -> str:
        block = match["block"] is not None
        return plain_math(html.unescape(match["block"] if block else match["inline"]), block=block)

    parts = _CODE.split(text)
    return "".join(part if i % 2 else pattern.sub(replace, part) for i, part in enumerate(parts))


def readable(doc: dict, folders: tuple[str, ...] = ()) -> dict:
    """A search index entry with its formulas as text; a notebook's (its ``location`` under
    ``notebooks/``, at the root or in an edition's folder of ``folders``), whose Markdown keeps
    ``$…$``, without its permalinks' ``¶`` and cell prompts too. Math inside code stays as written."""
    notebook = doc["location"].startswith(("notebooks/", *(f"{folder}/notebooks/" for folder in folders)))
    pattern = DOLLARS if notebook else _ARITHMATEX
    title, text = _formulas(doc["title"], pattern), _formulas(doc["text"], pattern)
    if notebook:
        title, text = title.removesuffix("¶"), _PROMPT.sub("", text)
    title = re.sub(r"<sup>(.*?)</sup>", r"^\1", re.sub(r"</?sub>", "", title))  # a title is plain text
    return doc | {"title": title, "text": text}


def readable_search_index(path: Path, folders: tuple[str, ...]) -> None:
    """Rewrite the search index at ``path`` (every edition's, the others' pages in ``folders``)
    with every entry :func:`readable`."""
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = [readable(doc, folders) for doc in index["docs"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

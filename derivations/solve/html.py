"""``solve --format html``: the Markdown derivation as one self-contained page.

The page holds everything it shows: formulas as MathML (:mod:`derivations.mathml`, which the
site uses too), a short stylesheet inlined, fonts by name from the reader's system. It loads
nothing, so it opens offline, from a file, in any current browser.

Only the Markdown ``solve`` writes is read here: ``#`` headings, paragraphs, pipe tables, ``$$``
display blocks, fenced code, and ``$…$`` inline.
"""

from __future__ import annotations

import html
import re

from derivations.mathml import to_mathml

STYLE = """
:root { color-scheme: light dark; --fg: #1f1f24; --bg: #fff; --muted: #5c5f6b; --rule: #d6d8e0;
  --accent: #3f51b5; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e3e5ec; --bg: #1e2129; --muted: #a5a9b8; --rule: #3a3f4d; --accent: #8c9eff; } }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.6;
  font: 16px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, "Apple SD Gothic Neo",
    "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; font-weight: 400; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; font-weight: 400; margin: 2rem 0 0.75rem; color: var(--accent); }
p, table, pre, .math-block { margin: 0 0 1rem; }
p { overflow-x: auto; }  /* a long inline formula (the chain-rule factors) does not wrap */
math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; }
.math-block, .table { overflow-x: auto; }
.math-block math { font-size: 1.1em; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.35rem 0.8rem; border-top: 1px solid var(--rule);
  vertical-align: top; }
th { font-weight: 600; color: var(--muted); border-top: 0; }
pre { overflow-x: auto; padding: 0.75rem; border: 1px solid var(--rule); border-radius: 4px;
  font: 0.8rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 0.5rem; }
"""
"""The site's look in brief: its reading width, colours for light and dark, the system fonts."""

_INLINE = re.compile(r"\$([^$]+)\$")


def formula(latex: str, block: bool) -> str:
    """MathML without its namespace URL: in HTML, ``<math>`` is MathML already."""
    return to_mathml(latex, block).replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "", 1)


def inline(text: str) -> str:
    """Text with ``$…$`` as MathML, the rest escaped."""
    parts = _INLINE.split(text)
    return "".join(formula(part, block=False) if i % 2 else html.escape(part) for i, part in enumerate(parts))


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split(" | ")]


def block(lines: list[str]) -> str:
    """One Markdown block (lines between blank lines) as HTML."""
    first = lines[0]
    if first.startswith("#"):
        level = len(first) - len(first.lstrip("#"))
        return f"<h{level}>{inline(first[level:].strip())}</h{level}>"
    if first.startswith("$$"):
        return '<div class="math-block">' + formula("\n".join(lines[1:-1]), block=True) + "</div>"
    if first.startswith("|"):
        head = "".join(f"<th>{inline(c)}</th>" for c in cells(first))
        body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in cells(row)) + "</tr>"
                       for row in lines[2:])
        return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
    return f"<p>{inline(' '.join(lines))}</p>"


def blocks(markdown: str) -> list[list[str]]:
    """The Markdown's blocks; a fenced block keeps its blank lines and is marked by its fence."""
    result, current, fence = [], [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            if fence:
                result.append(current + [line])
                current = []
            elif current:
                result.append(current)
                current = [line]
            else:
                current = [line]
            fence = not fence
        elif fence:
            current.append(line)
        elif line.strip():
            current.append(line)
        elif current:
            result.append(current)
            current = []
    return result + ([current] if current else [])


def render(markdown: str) -> str:
    """A complete HTML document of ``solve``'s Markdown."""
    body = []
    for lines in blocks(markdown):
        if lines[0].startswith("```"):
            body.append("<pre><code>" + html.escape("\n".join(lines[1:-1])) + "</code></pre>")
        else:
            body.append(block(lines))
    title = markdown.lstrip().splitlines()[0].lstrip("# ").strip()
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
{chr(10).join(body)}
<footer>Written by <code>python -m derivations solve --format html</code>: every value derived, none typed.</footer>
</main>
</body>
</html>
"""

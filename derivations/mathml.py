"""LaTeX to MathML: one formula as a ``<math>`` element, which browsers render natively.

Used by ``solve --format html`` and, at build time, by the site's hook (``docs/hooks/mathml.py``),
so that the page ``solve`` writes and the site show a formula the same way, with no script.
"""

from __future__ import annotations

import re

from latex2mathml.converter import convert


class MathError(ValueError):
    """LaTeX that cannot be shown: fail rather than publish raw TeX."""


def to_mathml(latex: str, block: bool) -> str:
    """One formula as a ``<math>`` element; raises MathError on a command it cannot render."""
    tex = latex.strip()
    if re.search(r"(?<!\\)\$", tex):
        # Markdown ran two formulas together: $$…$$ right after $$…$$ without a blank line
        raise MathError(f"a dollar sign inside {latex!r}: two formulas run together")
    if tex.startswith(r"\displaystyle"):
        tex, block = tex[len(r"\displaystyle"):], True
    # latex2mathml aligns `split` but not `aligned`; the two mean the same here.
    tex = tex.replace(r"\begin{aligned}", r"\begin{split}").replace(r"\end{aligned}", r"\end{split}")
    try:
        mathml = convert(tex, display="block" if block else "inline")
    except Exception as exc:  # latex2mathml raises many types; all mean "cannot render"
        raise MathError(f"cannot render {latex!r}: {exc}") from None
    unknown = re.search(r">(\\[A-Za-z]+)<", mathml)
    if unknown:
        raise MathError(f"cannot render {unknown.group(1)} in {latex!r}")
    return mathml

"""Formatting shared by every generated table: numbers, Markdown tables, math."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any, Iterable, Sequence

PLACES = 8
"""Decimal places of the notes' printed values, and of every value the site prints."""


def decimal(value: Any) -> Decimal:
    """A SymPy Float, Fraction or float as a Decimal, without passing through binary floats
    where the value is exact or high-precision."""
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value))


def fixed(value: Any, places: int = PLACES) -> str:
    """``value`` rounded half-up to ``places`` decimals, as the notes round."""
    with localcontext(prec=60):  # room for thirty decimals of the exact values
        return str(decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def plain(value: Fraction) -> str:
    """An exact input as the reader wrote it: 3/10 is ``0.3``."""
    text = format(decimal(value).normalize(), "f")
    return text if value == Fraction(text) else str(value)


def table(header: Sequence[str], rows: Iterable[Sequence[Any]], align: str | None = None) -> str:
    """A Markdown table; ``align`` is one of l, c, r per column (default: left)."""
    marks = {"l": ":--", "c": ":-:", "r": "--:"}
    align = align or "l" * len(header)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks[a] for a in align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


_WORDS = re.compile(r"(?<![\\A-Za-z])[a-z]{3,}(?=_\{)|(?<=_\{)[a-z]{3,}(?=\})")
"""A word used as a name or a subscript, as SymPy prints the notes' symbols: ``target_{o1}``,
``E_{total}`` (a LaTeX command such as ``\\beta_{1}`` is not a word)."""


def upright(latex: str) -> str:
    """Words set upright, as words are in formulas: ``\\mathrm{target}_{o1}``,
    ``E_{\\mathrm{total}}``; otherwise SymPy's LaTeX as it is."""
    return _WORDS.sub(lambda m: rf"\mathrm{{{m.group()}}}", latex)


def math(latex: str) -> str:
    """Inline math for a Markdown page, words upright."""
    return f"${upright(latex)}$"


def display(latex: str) -> str:
    """Display math for a Markdown page, words upright."""
    return f"$$\n{upright(latex)}\n$$\n"


AGREEMENT = 1e-12
"""How close float64 must come to the exact value; the tests hold both routes to it."""


def agreement(exact: Any, approx: Any, tolerance: float = AGREEMENT) -> str:
    """The gap between an exact value and a float64 one, as a bound: ``< 1e-12 ✓``.

    The gap itself (often 1e-16 or 0) depends on the platform's last-bit rounding of ``exp``;
    printing it would make a table stale on another machine. A gap over the bound is printed
    and marked, so a regression shows on the page as well as in the tests.
    """
    gap = abs(float(exact) - float(approx))
    return f"< {tolerance:.0e} ✓" if gap < tolerance else f"{gap:.1e} ✗"


def check(agrees: bool) -> str:
    """An agreement column's mark: ✓, or ✗ (which a test forbids in any generated file)."""
    return "✓" if agrees else "✗"

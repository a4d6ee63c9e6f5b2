"""Driving a live panel (``docs/javascripts/live.js``) in Chromium, and reading what it shows as the
Python routes would print it.

A panel shows a number with eight decimals, ``0`` for zero, and a nonzero number below 1e-8 with
eight significant digits and its power of ten (``1.2345678e-9``), as JavaScript's ``toFixed(8)``
and ``toExponential(7)`` write them.
"""

from __future__ import annotations

import math
from fractions import Fraction
from urllib.parse import urlencode

# One evaluate per problem: the inputs go into the page address, the panel reads them as it does
# on a reader's link (popstate), and everything it shows comes back.
SET_ADDRESS_AND_READ = """
([name, query]) => {
  history.pushState(null, "", location.pathname + "?" + query);
  dispatchEvent(new PopStateEvent("popstate"));
  return READ(name);
}
"""

READ = """
(name) => {
  const panel = document.querySelector(`form.live-panel[data-live="${name}"]`);
  return {
    values: Object.fromEntries([...panel.querySelectorAll("[data-key]")].map((e) => [e.dataset.key, e.textContent])),
    invalid: [...panel.querySelectorAll('[aria-invalid="true"]')].map((e) => e.name),
    text: panel.textContent,
  };
}
"""


def read_panel(page, name: str) -> dict:
    return page.evaluate(READ, name)


def set_address(page, name: str, inputs: dict[str, str]) -> dict:
    script = SET_ADDRESS_AND_READ.replace("READ(name)", f"({READ})(name)")
    return page.evaluate(script, [name, urlencode(inputs)])


def _digits(n: int, places: int) -> str:
    sign, n = ("-" if n < 0 else ""), abs(n)
    whole, part = divmod(n, 10 ** places)
    return f"{sign}{whole}.{part:0{places}d}"


def nearest(scaled: Fraction) -> set[int]:
    """The integers nearest ``scaled``: both at an exact tie, which float64 cannot decide."""
    low = math.floor(scaled)
    gap = scaled - low
    if gap == Fraction(1, 2):
        return {low, low + 1}
    return {low + 1} if gap > Fraction(1, 2) else {low}


def shown_exactly(value: Fraction) -> set[str]:
    """How the panel may show the exact ``value``: one text, two at a tie of the last digit."""
    if value == 0:
        return {"0"}
    if abs(value) >= Fraction(1, 10 ** 8):
        return {_digits(n, 8) for n in nearest(value * 10 ** 8)}
    exponent = math.floor(math.log10(abs(value)))
    while abs(value) >= Fraction(10) ** (exponent + 1):
        exponent += 1
    while abs(value) < Fraction(10) ** exponent:
        exponent -= 1
    texts = set()
    for n in nearest(value / Fraction(10) ** exponent * 10 ** 7):
        e = exponent + (1 if abs(n) == 10 ** 8 else 0)
        n = n // 10 if abs(n) == 10 ** 8 else n
        texts.add(f"{_digits(n, 7)}e{e:+d}")
    return texts


def shown_float(value: float) -> str:
    """A float64 as the panel shows one (JavaScript's toFixed(8), toExponential(7))."""
    if value == 0:
        return "0"
    if abs(value) < 1e-8:
        mantissa, exponent = f"{value:.7e}".split("e")
        return f"{mantissa}e{int(exponent):+d}"
    return f"{value:.8f}"


def float_route_agrees(value: float, exact: Fraction) -> bool:
    """A float64 route (NumPy) reads as the exact value does, rounded as the panel rounds; where
    the exact value is 0, within float64's rounding of it (NumPy does not round a sum to 0)."""
    if exact == 0:
        return abs(value) < 1e-12
    return shown_float(value) in shown_exactly(exact)

"""Eight decimals that are certain: a value is printed rounded only where every number its error
allows rounds to the same eight decimals; otherwise generation stops with an error."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp
from flint import arb

from derivations.tables.common import PLACES, fixed

DIGITS = 60
"""Digits of a SymPy evaluation: none of the values here cancels, so 60 digits hold the eighth
decimal with fifty to spare (:data:`SPARE`)."""

SPARE = sp.Rational(1, 10 ** 50)


def _exact(value: arb) -> Fraction:
    mantissa, exponent = value.mid().man_exp()
    return Fraction(int(mantissa)) * Fraction(2) ** int(exponent)


def certain(value, places: int = PLACES) -> str:
    """``value`` (a SymPy number or an ``arb`` ball) to ``places`` decimals, half up, as :func:`fixed`."""
    if isinstance(value, sp.Rational):
        return fixed(Fraction(int(value.p), int(value.q)), places)
    if isinstance(value, arb):
        low, high = fixed(_exact(value.lower()), places), fixed(_exact(value.upper()), places)
    else:
        v = sp.N(value, DIGITS)
        low, high = fixed(v - SPARE, places), fixed(v + SPARE, places)
    if low != high:
        raise ArithmeticError(f"cannot decide decimal {places} of {value}: {low} or {high}")
    return low

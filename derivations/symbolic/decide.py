"""Decimal digits that are certain: a value rounded to n significant digits only where every number
its ball (or exact rational) may be rounds to the same digits; else the working precision is
doubled and the values computed again.

A :class:`Decided` value is printed as a JSON number or in LaTeX. An exact zero is 0; a ball that
still holds 0 at :data:`~derivations.problems.registry.MAX_PRECISION` bits is *not* printed as 0:
it is :class:`Decided` with ``digits`` None and ``bound`` the power of ten its size is below.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Mapping, TypeVar

from flint import arb, ctx, fmpq, fmpz

from derivations.problems.registry import MAX_PRECISION
from derivations.symbolic.certified import Undecided

START = 128
"""Bits of the first evaluation (about 38 decimal digits)."""


@dataclass(frozen=True)
class Decided:
    """A value rounded (half to even) to ``len(digits)`` significant digits, ±d₁.d₂… × 10^exponent;
    ``exact`` if nothing was lost (then trailing zeros are not printed: 0.08, not
    0.080000000000000000). Zero has digits "0". A value whose sign stayed unknown has digits
    None and |value| < 10^bound."""

    negative: bool
    digits: str | None
    exponent: int
    exact: bool = False
    bound: int | None = None

    @property
    def decided(self) -> bool:
        return self.digits is not None

    @property
    def is_zero(self) -> bool:
        return self.digits == "0"

    def trimmed(self) -> str:
        return self.digits.rstrip("0") or "0"

    def json(self) -> str:
        """A JSON number (``null`` if undecided), shortest form of the rounded value."""
        if self.digits is None:
            return "null"
        if self.is_zero:
            return "0"
        d, e = (self.trimmed() if self.exact else self.digits), self.exponent
        sign = "-" if self.negative else ""
        if -7 < e < (21 if self.exact else len(d)):
            if e >= len(d) - 1:
                return f"{sign}{d}{'0' * (e - len(d) + 1)}"
            if e >= 0:
                return f"{sign}{d[:e + 1]}.{d[e + 1:]}"
            return f"{sign}0.{'0' * (-e - 1)}{d}"
        mantissa = d[0] + ("." + d[1:] if len(d) > 1 else "")
        return f"{sign}{mantissa}e{e:+d}"

    def latex(self) -> str:
        """d.ddd × 10^{e} (plain decimals for moderate exponents)."""
        if self.digits is None:
            return rf"\lvert\cdot\rvert < 10^{{{self.bound}}}\ (\text{{sign undecided}})"
        text = self.json()
        if "e" not in text:
            return text
        mantissa, e = text.split("e")
        return rf"{mantissa} \times 10^{{{int(e)}}}"

    def decimal(self) -> Decimal:
        if self.digits is None:
            raise ValueError("an undecided value has no decimal")
        if self.is_zero:
            return Decimal(0)
        return Decimal((int(self.negative), tuple(int(c) for c in self.digits),
                        self.exponent - len(self.digits) + 1))

    def __float__(self) -> float:
        return float(self.decimal())


def round_exact(value: fmpq | arb, digits: int) -> tuple[bool, str, int, bool] | None:
    """(negative, digits, exponent, exact) of an exact value (rational, or a ball of radius 0)
    rounded half to even; None if the power of ten it needs could not be computed exactly."""
    if value == 0:
        return False, "0", 0, True
    negative = value < 0
    size = -value if negative else value
    exact = False
    if isinstance(size, arb):
        mantissa, shift = size.mid().man_exp()
        if abs(shift) < 100_000:  # a dyadic rational of reasonable size: round it as one
            size = fmpq(mantissa) * fmpq(2) ** int(shift)
    if isinstance(size, fmpq):
        p, q = int(size.p), int(size.q)
        above = lambda e: p * 10 ** max(0, -e) >= q * 10 ** max(0, e)  # noqa: E731  (size ≥ 10^e)
        e = int((p.bit_length() - q.bit_length()) * 0.30102999566398120)  # log10 2, off by ≤ 1
        while not above(e):
            e -= 1
        while above(e + 1):
            e += 1
        num, den = p * 10 ** max(0, digits - 1 - e), q * 10 ** max(0, e - digits + 1)
        m, r = divmod(num, den)
        exact = r == 0
        if 2 * r > den or (2 * r == den and m % 2):
            m += 1
    else:
        e = int(size.log_base(10).mid().floor().unique_fmpz())
        for _ in range(3):
            scaled = size * arb(10) ** fmpz(digits - 1 - e)
            shifted = scaled + arb(1) / 2
            floor = shifted.floor().unique_fmpz()
            if floor is None:
                return None
            m = int(floor)
            if shifted.is_exact() and shifted == floor and m % 2:  # a tie: to even
                m -= 1
            if m >= 10 ** digits:
                e += 1
            elif m < 10 ** (digits - 1):
                e -= 1
            else:
                break
        else:
            return None
    if m == 10 ** digits:
        m, e = 10 ** (digits - 1), e + 1
    return negative, str(m), e, exact


def decide(value: fmpq | arb, digits: int) -> Decided | None:
    """``value`` to ``digits`` significant digits if its ball leaves no doubt, else None."""
    if isinstance(value, fmpq) or value.is_exact():
        rounded = round_exact(value, digits)
        return None if rounded is None else Decided(*rounded)
    if value.contains(0):
        return None
    low, high = round_exact(value.lower(), digits), round_exact(value.upper(), digits)
    if low is None or high is None or low[:3] != high[:3]:
        return None
    return Decided(*low[:3])


def undecided(value: arb) -> Decided:
    """A ball around 0 at the precision cap: its size is below 10^bound."""
    top = max(abs(value.lower()), abs(value.upper()))
    bound = int(top.log_base(10).mid().ceil().unique_fmpz()) if top != 0 else 0
    return Decided(False, None, 0, bound=bound)


K = TypeVar("K")


class PrecisionExhausted(ArithmeticError):
    """A ReLU's input stayed within its rounding of 0 at the precision cap."""


def certify(compute: Callable[[int], Mapping[K, fmpq | arb]], digits: int,
            cap: int = MAX_PRECISION, notify: Callable[[int], None] = lambda prec: None) -> dict[K, Decided]:
    """Every value of ``compute(prec)`` to ``digits`` certain digits, doubling ``prec`` from
    :data:`START` until all are decided or ``cap`` is reached. A value still undecided at the cap
    is returned with its bound (``digits`` None), never as 0. ``notify(prec)`` is told of each
    precision beyond the first two (each doubles the time)."""
    prec = START
    old = ctx.prec
    try:
        while True:
            try:
                values = compute(prec)
            except Undecided as exc:
                if prec >= cap:
                    raise PrecisionExhausted(f"cannot decide {exc} at {cap} bits of precision") from None
                prec *= 2
                if prec > 2 * START:
                    notify(prec)
                continue
            result = {key: decide(value, digits) for key, value in values.items()}
            if all(r is not None for r in result.values()):
                return result
            if prec >= cap:
                return {key: r if r is not None else undecided(values[key]) for key, r in result.items()}
            prec *= 2
            if prec > 2 * START:
                notify(prec)
    finally:
        ctx.prec = old

"""How ``solve`` writes one number: a certified :class:`~derivations.symbolic.decide.Decided`, or a
float64 of the NumPy route, each as a JSON number and in LaTeX."""

from __future__ import annotations

import math
from typing import Any, Protocol

from derivations.problems import ProblemError


class Number(Protocol):
    def json(self) -> str: ...
    def latex(self) -> str: ...


class Float:
    """A float64 of the NumPy route, printed as Python's shortest round-tripping repr."""

    def __init__(self, value: float):
        if not math.isfinite(value):
            raise ProblemError("the NumPy route overflows float64 on this input "
                               "(use the default --route symbolic)")
        self.value = float(value)

    def json(self) -> str:
        return repr(self.value) if self.value != 0 else "0"

    def latex(self) -> str:
        text = self.json()
        if "e" not in text:
            return text
        mantissa, e = text.split("e")
        return rf"{mantissa} \times 10^{{{int(e)}}}"


def to_json(value: Any, indent: int = 0) -> str:
    """Strict JSON of nested dicts and lists whose leaves are :class:`Number` s (``json.dumps``
    would turn an exact decimal into a float)."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict):
        items = [f'{inner}"{key}": {to_json(v, indent + 1)}' for key, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "[" + ", ".join(v.json() for v in value) + "]"
        return "[\n" + ",\n".join(inner + to_json(v, indent + 1) for v in value) + "\n" + pad + "]"
    return value.json()


def latex_matrix(rows: list[list[Number]]) -> str:
    body = r" \\ ".join(" & ".join(v.latex() for v in row) for row in rows)
    return r"\left[\begin{matrix} " + body + r" \end{matrix}\right]"

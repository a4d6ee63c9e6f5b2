"""The documents' inputs and printed values, as data.

Every number the notes print lives in a TOML file beside this module, as an *expectation*
with its source file and section; the tests compare the derivations against them. Problem files
given on the command line are parsed and validated here too, so that a bad file becomes one
:class:`ProblemError` message instead of a traceback.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from derivations.problems.registry import ACTIVATIONS, LOSSES, MAX_FILE_BYTES, PROBABILITY_OUTPUTS


class ProblemError(ValueError):
    """A problem file that cannot be used; the message is one line naming what is wrong."""


@dataclass(frozen=True)
class Printed:
    """One value as a note printed it: ``name`` is the note's name for it (``z1``, ``dE_dW5``)."""

    name: str
    value: str
    source: str
    section: str

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.value)

    @property
    def places(self) -> int:
        """Decimal places the note printed (the notes round to eight)."""
        return -self.decimal.as_tuple().exponent


@dataclass(frozen=True)
class Erratum:
    """A place where a note contradicts its own computation.

    ``printed`` quotes the note; ``quantity`` names the derived value that shows the slip;
    ``note_value`` is the value the note's text implies, where it implies one;
    ``quantity_ko`` and ``explanation_ko`` are those in Korean, for the Korean edition (the site's
    tables refuse an erratum without its explanation's).
    """

    id: str
    source: str
    section: str
    printed: str
    quantity: str
    explanation: str
    note_value: str | None = None
    quantity_ko: str | None = None
    explanation_ko: str | None = None


def data_file(name: str) -> dict[str, Any]:
    """Read one of the package's own data files (``name`` without ``.toml``)."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def printed_values(data: dict[str, Any]) -> list[Printed]:
    return [Printed(**entry) for entry in data.get("printed", [])]


def errata(data: dict[str, Any]) -> list[Erratum]:
    return [Erratum(**entry) for entry in data.get("errata", [])]


def read_toml(path: str | Path) -> dict[str, Any]:
    """Read a problem file given by a reader, turning every failure into a ProblemError.

    Every number with a fraction or exponent is kept as the exact decimal written
    (``0.12345678499999999999`` stays that, it does not pass through a float)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ProblemError(f"{path}: larger than {MAX_FILE_BYTES:,} bytes; refusing to read it")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ProblemError(f"{path}: not UTF-8 text") from None
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(f"{path}: invalid TOML ({exc})") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise ProblemError(f"{path}: nested too deeply to read") from None


def exact(value: Any, where: str = "value") -> Fraction:
    """The exact rational a number denotes as written: ``0.1`` is 1/10, not the nearest double.

    The one converter of the package. A :class:`~decimal.Decimal` (how :func:`read_toml` hands
    over a TOML float) is exact already; a float is taken as its shortest round-tripping decimal
    (``repr``), which is what was written wherever a float came from a literal.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        raise ProblemError(f"{where} must be a number, got {_shown(value)}")
    if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):
        raise ProblemError(f"{where} must be finite, got {_shown(value)}")
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _shown(value: Any) -> str:
    """A value as a message quotes it, numbers as written (a Decimal is not shown as
    ``Decimal('0.1')``), cut short if long."""
    if isinstance(value, Decimal):
        text = str(value)
    elif isinstance(value, list):
        text = "[" + ", ".join(_shown(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k!r}: {_shown(v)}" for k, v in value.items()) + "}"
    else:
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def exact_list(data: dict[str, Any], key: str, length: int) -> tuple[Fraction, ...]:
    value = data[key]
    if not isinstance(value, list):
        raise ProblemError(f"'{key}' must be a list of {length} numbers, got {_shown(value)}")
    if len(value) != length:
        raise ProblemError(f"'{key}' must have {length} numbers, got {len(value)}")
    return tuple(exact(item, f"{key}[{i}]") for i, item in enumerate(value))


def check_keys(data: dict[str, Any], required: set[str], optional: set[str], where: str) -> None:
    missing = sorted(required - data.keys())
    if missing:
        raise ProblemError(f"{where}: missing key(s): {', '.join(missing)}")
    unknown = sorted(data.keys() - required - optional)
    if unknown:
        raise ProblemError(f"{where}: unknown key(s): {', '.join(unknown)}")


@dataclass(frozen=True)
class BackpropProblem:
    """A 2-2-2 sigmoid network with half-squared error, in the documents' notation.

    ``weights`` are W1..W8 in the documents' order: z1 = W1·x1 + W2·x2 + b_hidden,
    z2 = W3·x1 + W4·x2 + b_hidden, z3 = W5·h1 + W6·h2 + b_output, z4 = W7·h1 + W8·h2 + b_output.
    """

    x: tuple[Fraction, Fraction]
    weights: tuple[Fraction, ...]
    targets: tuple[Fraction, Fraction]
    learning_rate: Fraction
    biases: tuple[Fraction, Fraction] = (Fraction(0), Fraction(0))


def backprop_problem(data: dict[str, Any], where: str = "problem") -> BackpropProblem:
    """Validate the 2-2-2 problem form (see README) and return it with exact values."""
    check_keys(data, {"x", "weights", "targets", "learning_rate"}, {"biases"}, where)
    try:
        problem = BackpropProblem(
            x=exact_list(data, "x", 2),
            weights=exact_list(data, "weights", 8),
            targets=exact_list(data, "targets", 2),
            learning_rate=exact(data["learning_rate"], "learning_rate"),
            biases=exact_list(data, "biases", 2) if "biases" in data else (Fraction(0), Fraction(0)),
        )
    except ProblemError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    if problem.learning_rate <= 0:
        raise ProblemError(f"{where}: learning_rate must be > 0, got {_shown(data['learning_rate'])}")
    return problem


WEIGHT_PLACES = tuple((i // 4, i % 2, i % 4 // 2) for i in range(8))
"""Where W1..W8 sit in :func:`as_dense`'s layers: (layer, row, column)."""


def as_dense(problem: BackpropProblem) -> "DenseProblem":
    """The 2-2-2 network in the general form: column j of a layer's weights feeds unit j, so
    z1 = W1·x1 + W2·x2 puts W1, W2 in column 1; each layer's one bias feeds both its units."""
    W, (b_h, b_o) = problem.weights, problem.biases
    return DenseProblem(
        x=(tuple(problem.x),), targets=(tuple(problem.targets),), loss="half_sse",
        learning_rate=problem.learning_rate,
        layers=(DenseLayer(((W[0], W[2]), (W[1], W[3])), (b_h, b_h), "sigmoid"),
                DenseLayer(((W[4], W[6]), (W[5], W[7])), (b_o, b_o), "sigmoid")))


def document_backprop_problem() -> BackpropProblem:
    """The worked example of 002_0d151740a80634d0.txt §3.4 (repeated in 003_…)."""
    return backprop_problem(data_file("backprop_2_2_2")["inputs"], "backprop_2_2_2.toml")


# --- the general form: any dense network ------------------------------------------------------------

Matrix = tuple[tuple[Fraction, ...], ...]


@dataclass(frozen=True)
class DenseLayer:
    """One layer of the general form: ``Y = X W + B``, then ``activation``.

    ``weights`` has one row per input and one column per unit.
    """

    weights: Matrix
    biases: tuple[Fraction, ...]
    activation: str

    @property
    def inputs(self) -> int:
        return len(self.weights)

    @property
    def units(self) -> int:
        return len(self.weights[0])


@dataclass(frozen=True)
class DenseProblem:
    """A batch (one row of ``x`` and of ``targets`` per sample) through a dense network."""

    x: Matrix
    targets: Matrix
    loss: str
    learning_rate: Fraction
    layers: tuple[DenseLayer, ...]


def exact_matrix(value: Any, where: str) -> Matrix:
    """A non-empty list of equally long, non-empty lists of numbers."""
    if not isinstance(value, list) or not value or not all(isinstance(row, list) for row in value):
        raise ProblemError(f"{where} must be a list of rows (lists of numbers), got {_shown(value)}")
    width = len(value[0])
    if width == 0:
        raise ProblemError(f"{where} has an empty row")
    for i, row in enumerate(value):
        if len(row) != width:
            raise ProblemError(f"{where} is not rectangular: row {i} has {len(row)} numbers, row 0 has {width}")
    return tuple(tuple(exact(v, f"{where}[{i}][{j}]") for j, v in enumerate(row))
                 for i, row in enumerate(value))


def dense_layer(data: Any, index: int, inputs: int) -> DenseLayer:
    where = f"layers[{index}]"
    if not isinstance(data, dict):
        raise ProblemError(f"{where} must be a table ([[layers]]), got {_shown(data)}")
    check_keys(data, {"weights", "activation"}, {"biases"}, where)
    weights = exact_matrix(data["weights"], f"{where}.weights")
    if len(weights) != inputs:
        raise ProblemError(f"{where}.weights has {len(weights)} rows but its input has width {inputs}: "
                           "shapes do not chain (weights are inputs × units)")
    units = len(weights[0])
    try:
        biases = exact_list(data, "biases", units) if "biases" in data else (Fraction(0),) * units
    except ProblemError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    activation = data["activation"]
    if not isinstance(activation, str) or activation not in ACTIVATIONS:  # a list is unhashable
        raise ProblemError(f"{where}.activation must be one of {', '.join(ACTIVATIONS)}, got {_shown(activation)}")
    return DenseLayer(weights, biases, activation)


def dense_problem(data: dict[str, Any], where: str = "problem") -> DenseProblem:
    """Validate the general form (see README) and return it with exact values."""
    try:
        check_keys(data, {"x", "targets", "loss", "learning_rate", "layers"}, set(), where)
        x = exact_matrix(data["x"], "x")
        targets = exact_matrix(data["targets"], "targets")
        layers_data = data["layers"]
        if not isinstance(layers_data, list) or not layers_data:
            raise ProblemError(f"'layers' must be one or more [[layers]] tables, got {_shown(layers_data)}")
        layers, width = [], len(x[0])
        for index, entry in enumerate(layers_data):
            layers.append(dense_layer(entry, index, width))
            width = layers[-1].units
        if len(targets) != len(x):
            raise ProblemError(f"targets has {len(targets)} rows but x has {len(x)} (one row per sample)")
        if len(targets[0]) != width:
            raise ProblemError(f"targets rows have {len(targets[0])} numbers but the last layer has {width} units")
        loss = data["loss"]
        if not isinstance(loss, str) or loss not in LOSSES:  # a list is unhashable
            raise ProblemError(f"loss must be one of {', '.join(LOSSES)}, got {_shown(loss)}")
        output = layers[-1].activation
        if loss in PROBABILITY_OUTPUTS and output not in PROBABILITY_OUTPUTS[loss]:
            raise ProblemError(f"loss {loss} needs a {' or '.join(PROBABILITY_OUTPUTS[loss])} output layer, "
                               f"got {output}")
        if loss in PROBABILITY_OUTPUTS and not all(0 <= t <= 1 for row in targets for t in row):
            raise ProblemError(f"loss {loss} needs targets between 0 and 1")
        learning_rate = exact(data["learning_rate"], "learning_rate")
        if learning_rate <= 0:
            raise ProblemError(f"learning_rate must be > 0, got {_shown(data['learning_rate'])}")
    except ProblemError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    return DenseProblem(x, targets, loss, learning_rate, tuple(layers))

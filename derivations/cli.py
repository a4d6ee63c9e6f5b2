"""``python -m derivations``: solve a problem file, summarise a dense network, or regenerate the
site's tables.

    python -m derivations solve PROBLEM.toml [--format markdown|json|html] [--route symbolic|numeric] [--output FILE]
    python -m derivations summary INPUTS UNITS [UNITS ...]
    python -m derivations tables [--check] [--fresh] [--docs DIR]

Errors in the input are reported as one line on stderr with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derivations.problems import ProblemError, backprop_problem, dense_problem, read_toml
from derivations.solve.backprop_2_2_2 import JSON_KEYS  # noqa: F401  (the 2-2-2 JSON's keys)

class UsageError(Exception):
    """A bad command line or input; exits with status 2 and this one-line message."""


def solve(args: argparse.Namespace) -> str:
    """One gradient-descent step on the problem file, on the chosen route, in the chosen format."""
    data = read_toml(args.problem)
    where = str(args.problem)
    if "layers" in data:
        from derivations.solve import dense as form

        problem = dense_problem(data, where)
        check_size(problem, where)
    else:
        from derivations.solve import backprop_2_2_2 as form

        problem = backprop_problem(data, where)
    try:
        values = form.symbolic(problem, notify=precision_notice) if args.route == "symbolic" else form.numeric(problem)
    except ArithmeticError as exc:  # a ReLU's kink not placed at the precision cap
        raise ProblemError(f"{where}: {exc}") from None
    except ProblemError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    if args.format == "json":
        return form.render_json(values)
    markdown = form.render_markdown(problem, values, args.route)
    if args.format == "html":
        from derivations.solve.html import render

        return render(markdown)
    return markdown


def precision_notice(prec: int) -> None:
    print(f"solve: some digits are not yet certain; computing again with {prec} bits", file=sys.stderr, flush=True)


def check_size(problem, where: str) -> None:
    """Refuse what would take minutes at least; say so on stderr when it takes seconds."""
    from derivations.problems.registry import MAX_WORK, SLOW_WORK

    work = 4 * len(problem.x) * sum(layer.inputs * layer.units for layer in problem.layers)
    if work > MAX_WORK:
        raise ProblemError(f"{where}: too large to solve here: {work:,} multiply-adds "
                           f"(batch × Σ inputs·units × 4) exceed the limit of {MAX_WORK:,}")
    if work > SLOW_WORK:
        print(f"solve: {work:,} multiply-adds; this takes about {work // 1_000_000} s or more",
              file=sys.stderr, flush=True)


def summary(args: argparse.Namespace) -> str:
    """Keras' model summary of a stack of Dense layers, without Keras."""
    if len(args.widths) < 2:
        raise UsageError("summary needs the input width and at least one layer's units, e.g. `summary 4 8 8 3`")
    widths = []
    for text in args.widths:
        if not text.isascii() or not text.isdigit() or int(text) < 1:
            raise UsageError(f"summary: widths must be positive whole numbers, got {text!r}")
        widths.append(int(text))
    from derivations.numeric.dense import summary as keras_summary

    return keras_summary(widths)


def tables(args: argparse.Namespace) -> str:
    from derivations import tables as generated

    try:
        return generated.run(Path(args.docs), check=args.check, fresh=args.fresh)
    except (generated.CannotRun, generated.MissingKorean) as exc:
        raise UsageError(str(exc)) from None
    except generated.Stale as exc:
        raise StaleTables(str(exc)) from None


class StaleTables(Exception):
    """``tables --check`` found files that differ; exits with status 1."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m derivations", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("solve", help="print the full worked derivation for a problem file")
    s.add_argument("problem", type=Path, help="TOML file: the 2-2-2 form (x, weights W1..W8, targets, "
                   "learning_rate[, biases]) or the general form with [[layers]] (see README)")
    s.add_argument("--format", choices=("markdown", "json", "html"), default="markdown",
                   help="markdown: Markdown with LaTeX (default); json: every value, by name; html: one "
                   "self-contained page (MathML, styles inlined, loads nothing) of the derivation")
    s.add_argument("--route", choices=("symbolic", "numeric"), default="symbolic",
                   help="symbolic: certified decimals (default); numeric: the NumPy route's float64 values")
    s.add_argument("--output", type=Path, help="write here (atomically, a regular file) instead of stdout")
    s.set_defaults(run=solve)

    m = sub.add_parser("summary", help="print Keras' model summary of a dense network: shapes and parameters")
    # Taken as text and checked here, so that a bad width is one line, not argparse's usage block.
    m.add_argument("widths", nargs="*", metavar="WIDTH", help="the input width, then each layer's units")
    m.set_defaults(run=summary)

    t = sub.add_parser("tables", help="regenerate every table and figure the site embeds")
    t.add_argument("--check", action="store_true", help="change nothing; exit 1 naming each stale file")
    t.add_argument("--docs", default="docs", help="the site's docs directory (default: docs)")
    t.add_argument("--fresh", action="store_true",
                   help="derive every chapter again, even those whose inputs are unchanged since the last run")
    t.set_defaults(run=tables)
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)  # argparse itself prints usage and exits 2 on a bad command line
    try:
        text = args.run(args)
    except (ProblemError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StaleTables as exc:
        print(exc, file=sys.stderr)
        return 1
    output = getattr(args, "output", None)
    if output is not None:
        from derivations.solve.output import write_result

        try:
            write_result(output, text, args.problem)
        except ProblemError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 0

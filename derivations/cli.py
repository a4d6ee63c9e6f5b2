"""``python -m derivations``: solve a problem file, summarise a dense network, or regenerate the
site's tables.

    python -m derivations solve PROBLEM.toml [--format markdown|json] [--output FILE]
    python -m derivations summary INPUTS UNITS [UNITS ...]
    python -m derivations tables [--check] [--docs DIR]

Errors in the input are reported as one line on stderr with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derivations.problems import ProblemError, backprop_problem, dense_problem, read_toml

JSON_KEYS = (
    "z1 z2 h1 h2 z3 z4 o1 o2 E_o1 E_o2 E_total".split()
    + [f"dE_dW{i}" for i in range(1, 9)]
    + [f"W{i}_new" for i in range(1, 9)]
    + ["E_total_new"]
)
"""The flat JSON object of ``solve --format json``, in this order."""


class UsageError(Exception):
    """A bad command line or input; exits with status 2 and this one-line message."""


def solve(args: argparse.Namespace) -> str:
    data = read_toml(args.problem)
    if "layers" in data:
        return solve_dense(data, args)
    problem = backprop_problem(data, str(args.problem))
    # Imported only now, so that a bad file is reported without paying for SymPy's start-up.
    from derivations.symbolic.backprop_2_2_2 import solve as derive
    from derivations.tables.backprop_2_2_2 import render_solution

    solution = derive(problem)
    if args.format == "json":
        return json.dumps({key: float(solution.value[key]) for key in JSON_KEYS}, indent=2) + "\n"
    return render_solution(solution)


def solve_dense(data: dict, args: argparse.Namespace) -> str:
    """The general form: any dense network, a batch, one gradient-descent step."""
    problem = dense_problem(data, str(args.problem))
    from derivations.symbolic.dense import evaluate, solve as derive
    from derivations.tables.dense import render_solution

    solution = derive(problem)
    if args.format == "json":
        as_floats = lambda m: [[float(v) for v in row] for row in evaluate(m).tolist()]  # noqa: E731
        result = {
            "outputs": as_floats(solution.outputs),
            "loss": float(evaluate(solution.loss)),
            "gradients": [{"weights": as_floats(g.weights), "biases": as_floats(g.biases)[0]}
                          for g in solution.gradients],
            "updated": [{"weights": as_floats(u.weights), "biases": as_floats(u.biases)[0]}
                        for u in solution.updated],
            "loss_new": float(evaluate(solution.loss_new)),
        }
        return json.dumps(result, indent=2) + "\n"
    return render_solution(solution)


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
        return generated.run(Path(args.docs), check=args.check)
    except generated.CannotRun as exc:
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
    s.add_argument("--format", choices=("markdown", "json"), default="markdown")
    s.add_argument("--output", type=Path, help="write here (atomically) instead of stdout")
    s.set_defaults(run=solve)

    m = sub.add_parser("summary", help="print Keras' model summary of a dense network: shapes and parameters")
    # Taken as text and checked here, so that a bad width is one line, not argparse's usage block.
    m.add_argument("widths", nargs="*", metavar="WIDTH", help="the input width, then each layer's units")
    m.set_defaults(run=summary)

    t = sub.add_parser("tables", help="regenerate every table and figure the site embeds")
    t.add_argument("--check", action="store_true", help="change nothing; exit 1 naming each stale file")
    t.add_argument("--docs", default="docs", help="the site's docs directory (default: docs)")
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
        from derivations.tables import write_atomic

        try:
            write_atomic(output, text)
        except OSError as exc:
            print(f"error: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 0

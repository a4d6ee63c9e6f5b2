"""``python -m derivations``: solve a problem file, or regenerate the site's tables.

    python -m derivations solve PROBLEM.toml [--format markdown|json] [--output FILE]
    python -m derivations tables [--check] [--docs DIR]

Errors in the input are reported as one line on stderr with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derivations.problems import ProblemError, backprop_problem, read_toml

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
    problem = backprop_problem(read_toml(args.problem), str(args.problem))
    # Imported only now, so that a bad file is reported without paying for SymPy's start-up.
    from derivations.symbolic.backprop_2_2_2 import solve as derive
    from derivations.tables.backprop_2_2_2 import render_solution

    solution = derive(problem)
    if args.format == "json":
        return json.dumps({key: float(solution.value[key]) for key in JSON_KEYS}, indent=2) + "\n"
    return render_solution(solution)


def tables(args: argparse.Namespace) -> str:
    from derivations import tables as generated

    docs = Path(args.docs)
    if not docs.is_dir():
        raise UsageError(f"{docs}: no such directory (run from the project root, or pass --docs)")
    files = generated.generate_all()
    if args.check:
        stale = generated.stale(docs, files)
        if stale:
            lines = "\n".join(f"stale: {docs / name}" for name in stale)
            raise StaleTables(f"{lines}\n{len(stale)} generated file(s) out of date; "
                              "run `python -m derivations tables`")
        return f"{len(files)} generated files up to date\n"
    changed = generated.write(docs, files)
    return "".join(f"wrote {path}\n" for path in changed) + f"{len(files)} files, {len(changed)} changed\n"


class StaleTables(Exception):
    """``tables --check`` found files that differ; exits with status 1."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m derivations", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("solve", help="print the full worked derivation for a problem file")
    s.add_argument("problem", type=Path, help="TOML file: x, weights (W1..W8), targets, learning_rate[, biases]")
    s.add_argument("--format", choices=("markdown", "json"), default="markdown")
    s.add_argument("--output", type=Path, help="write here (atomically) instead of stdout")
    s.set_defaults(run=solve)

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

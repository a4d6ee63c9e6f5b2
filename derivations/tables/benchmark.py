"""The benchmark of ``docs/dense.md``: tables and a figure of ``benchmarks/results/dense.json``
(written by ``benchmarks/bench_dense.py``; this module only shows what was measured)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from matplotlib.ticker import NullFormatter

from derivations.tables.common import math, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import both, tr

CHAPTER = "dense"
"""The folder under ``docs/generated/`` written."""

OVER = both("over", "초과")
"""A budget's verdict when the ratio exceeds it (given in both languages: the committed results
never take this branch, so the catalog would hold it unused)."""

RESULTS = Path("benchmarks", "results", "dense.json")
"""The measurements, relative to the clone's root, where ``tables`` runs (as ``--docs`` is)."""


def generate() -> dict[str, str]:
    if not RESULTS.is_file():
        raise FileNotFoundError(f"{RESULTS}: not found; run `tables` from the root of a clone of the project")
    files = benchmark_files(json.loads(RESULTS.read_text(encoding="utf-8")))
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def benchmark_files(results: dict) -> dict[str, str]:
    return {"benchmark.svg": benchmark_svg(results), "benchmark.md": benchmark_tables(results)}


def benchmark_tables(results: dict) -> str:
    m = results["machine"]
    machine = tr("Measured {date} on {cpu} ({cores} cores), {system}, Python {python}, NumPy {numpy}, "
                 "SymPy {sympy}, python-flint {flint}; medians of {runs} fresh processes.",
                 date=results["measured"], cpu=m["cpu"], cores=m["cores"], system=m["system"], python=m["python"],
                 numpy=m["numpy"], sympy=m["sympy"], flint=m["python_flint"], runs=results["runs"]) + "\n\n"
    baseline = tr("{command}, end to end, against the baseline {baseline} ({seconds} s); the parts are "
                  "timed in one process, imports already paid:",
                  command="`python -m derivations solve FILE --format json`",
                  baseline='`python -c "import sympy, numpy"`',
                  seconds=f"{results['baseline_seconds']:.2f}") + "\n\n"
    budget_rows = [(tr(r["name"]), f"{r['seconds']:.2f}", f"{r['ratio']:.2f}×", f"≤ {r['budget']:g}×",
                    "✓" if r["ratio"] <= r["budget"] else OVER, f"{r['read_seconds']:.3f}",
                    f"{r['values_seconds']:.3f}", f"{r['json_seconds']:.3f}") for r in results["budgets"]]
    budgets = baseline + table([tr("network"), tr("solve (s)"), tr("ratio"), tr("budget"), "", tr("read (s)"),
                                tr("values (s)"), tr("JSON (s)")], budget_rows, "lrrrcrrr") + "\n"
    symbolic_rows = [("-".join(map(str, r["widths"])), "/".join(r["activations"]), tr(r["loss"].replace("_", " ")),
                      str(r["parameters"]), f"{r['seconds']:.3f}",
                      f"{r['seconds'] / r['parameters'] * 1e3:.2f}") for r in results["symbolic"]]
    batch_rows = [(str(r["batch"]), f"{r['batched_seconds'] * 1e6:.0f}", f"{r['loop_seconds'] * 1e6:.0f}",
                   f"{r['loop_seconds'] / r['batched_seconds']:.1f}×") for r in results["batches"]]
    fits = []
    for family, rows in growing_families(results).items():
        slope = np.polyfit(np.log([r["parameters"] for r in rows]), np.log([r["seconds"] for r in rows]), 1)[0]
        fits.append("- " + tr("{family} ({count} networks): {power}", family=family, count=len(rows),
                              power=math(r"\text{" + tr("parameters") + "}^{" + f"{slope:.2f}" + "}")))
    fit = ("\n" + tr("The time of `solve` (batch 4, end to end), fitted per family as a power of the parameter "
                     "count (an exponent of 1 is linear growth; start-up dominates the small networks):")
           + "\n\n" + "\n".join(fits) + "\n\n")
    return machine + budgets + table([tr("network"), tr("activations"), tr("loss"), tr("parameters"), tr("seconds"),
                                      tr("ms per parameter")], symbolic_rows, "lllrrr") + fit + table(
        [tr("batch size"), tr("batched (µs)"), tr("loop over samples (µs)"), tr("speed-up")], batch_rows, "rrrr")


def growing_families(results: dict) -> dict[str, list[dict]]:
    """The symbolic rows of networks that grow with a fixed shape, by hidden activations."""
    families: dict[str, list[dict]] = {}
    for r in results["symbolic"]:
        if len(r["widths"]) > 3:
            families.setdefault("/".join(r["activations"]), []).append(r)
    return families


def benchmark_svg(results: dict) -> str:
    """Two panels: symbolic time against parameters, one line per family; NumPy batched vs
    per-sample loop."""

    def draw(left, right):
        families = growing_families(results)
        for (family, rows), (marker, color) in zip(families.items(), (("o-", "#3f7fbf"), ("^-", "#2a9d5c"))):
            params, seconds = [r["parameters"] for r in rows], [r["seconds"] for r in rows]
            left.loglog(params, seconds, marker, color=color, label=family)
            for p, s, r in zip(params, seconds, rows):
                left.annotate("-".join(map(str, r["widths"])), (p, s), textcoords="offset points",
                              xytext=(6, -12), fontsize=9)
        # The linear reference starts at the first family's smallest network.
        rows = next(iter(families.values()))
        params = [r["parameters"] for r in rows]
        left.loglog(params, [rows[0]["seconds"] * p / params[0] for p in params], "--", color="#999999",
                    label=tr("linear in the parameters"))
        left.set_xlabel(tr("parameters"))
        # Whole decades, so that each has a labelled tick and the minor labels need not collide.
        every = [r["parameters"] for rows in families.values() for r in rows]
        left.set_xlim(10 ** np.floor(np.log10(min(every))), 10 ** np.ceil(np.log10(max(every))))
        left.xaxis.set_minor_formatter(NullFormatter())
        left.set_ylabel(tr("seconds (median)"))
        left.set_title(tr("solve, end to end (batch 4)"))
        left.legend(frameon=False, fontsize=10)
        batches = [r["batch"] for r in results["batches"]]
        right.loglog(batches, [r["batched_seconds"] for r in results["batches"]], "o-",
                     color="#3f7fbf", label=tr("one batched pass"))
        right.loglog(batches, [r["loop_seconds"] for r in results["batches"]], "s-",
                     color="#d9822b", label=tr("Python loop over samples"))
        right.set_xlabel(tr("batch size"))
        right.set_title(tr("NumPy forward + backward, 4-8-8-3"))
        right.legend(frameon=False, fontsize=10)
        for ax in (left, right):
            ax.grid(True, which="major", alpha=0.3)

    return svg_figure(draw, figsize=(10, 4.2), panels=2, font_size=12)

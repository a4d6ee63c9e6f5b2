"""Benchmark of ``solve``, as a user runs it; writes ``benchmarks/results/dense.json``.

    python benchmarks/bench_dense.py [--runs N] [--quick]

1. The baseline: ``python -c "import sympy, numpy"`` in a fresh process, median of N runs.
2. ``python -m derivations solve FILE --format json`` in a fresh process, end to end, for the four
   networks of the budget (the notes' 2-2-2 example, 4-8-8-3 sigmoid batch 4, 10-32-32-10 tanh
   batch 4, 20-64-64-10 sigmoid batch 32): each median, and its ratio to the baseline printed
   against its budget.
3. The parts of the same runs, in this process (imports already paid): reading and validating the
   file, the certified values, writing the JSON.
4. The growth with size: ``solve`` end to end on sigmoid and ReLU networks from 4-8-8-3 to
   32-64-64-10 (batch 4), and the NumPy route's forward + backward for a batch at once against a
   Python loop over its samples (batch 1 … 1024).

A benchmark, not a test: nothing here asserts a time. The site's table and figure are generated
from the results file by ``python -m derivations tables``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from derivations.numeric import dense as numeric

RESULTS = Path(__file__).resolve().parent / "results" / "dense.json"

NOTES_2_2_2 = """\
x = [0.1, 0.2]
weights = [0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6]
targets = [0.4, 0.6]
learning_rate = 0.5
"""

BUDGETS = [
    # name, widths, activations, loss, batch, budget (× the import baseline)
    ("2-2-2, the notes' example", None, None, None, 1, 2.5),
    ("4-8-8-3 sigmoid, batch 4", [4, 8, 8, 3], ["sigmoid"] * 3, "binary_cross_entropy", 4, 3.0),
    ("10-32-32-10 tanh, batch 4", [10, 32, 32, 10], ["tanh", "tanh", "softmax"], "cross_entropy", 4, 8.0),
    ("20-64-64-10 sigmoid, batch 32", [20, 64, 64, 10], ["sigmoid"] * 3, "binary_cross_entropy", 32, 40.0),
]
GROWING = [[4, 8, 8, 3], [8, 16, 16, 4], [16, 32, 32, 8], [32, 64, 64, 10]]
FAMILIES = [(["relu", "relu", "softmax"], "cross_entropy"), (["sigmoid", "sigmoid", "softmax"], "cross_entropy")]
BATCH_SIZES = [2 ** k for k in range(11)]  # 1 … 1024


def problem_text(widths, activations, loss, batch, seed=0) -> str:
    """A general-form file: weights, biases and inputs uniform in [−1, 1] in steps of 0.001,
    one-hot targets."""
    rng = np.random.default_rng(seed)
    thousandths = lambda shape: rng.integers(-1000, 1001, size=shape) / 1000  # noqa: E731
    rows = lambda a: "[" + ", ".join("[" + ", ".join(f"{v:g}" for v in r) + "]" for r in a) + "]"  # noqa: E731
    targets = np.eye(widths[-1])[rng.integers(0, widths[-1], size=batch)]
    lines = [f"x = {rows(thousandths((batch, widths[0])))}", f"targets = {rows(targets)}",
             f'loss = "{loss}"', "learning_rate = 0.5"]
    for n, j, f in zip(widths, widths[1:], activations):
        lines += ["[[layers]]", f"weights = {rows(thousandths((n, j)))}",
                  f"biases = {rows(thousandths((1, j)))[1:-1]}", f'activation = "{f}"']
    return "\n".join(lines) + "\n"


def fresh(args: list[str], runs: int) -> float:
    """Median wall time of a command in a fresh process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_seconds(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def solve_seconds(path: Path, runs: int) -> float:
    return fresh([sys.executable, "-m", "derivations", "solve", str(path), "--format", "json"], runs)


def parts(path: Path, repeats: int) -> dict:
    """Reading, the certified values and the JSON, timed in this process."""
    from derivations.problems import backprop_problem, dense_problem, read_toml
    from derivations.solve import backprop_2_2_2, dense

    data = read_toml(path)
    form, validate = (dense, dense_problem) if "layers" in data else (backprop_2_2_2, backprop_problem)
    problem = validate(data)
    values = form.symbolic(problem)
    return {"read_seconds": median_seconds(lambda: validate(read_toml(path)), repeats),
            "values_seconds": median_seconds(lambda: form.symbolic(problem), repeats),
            "json_seconds": median_seconds(lambda: form.render_json(values), repeats)}


def bench_budgets(folder: Path, baseline: float, runs: int) -> list[dict]:
    rows = []
    for name, widths, activations, loss, batch, budget in BUDGETS:
        path = folder / f"budget_{len(rows)}.toml"
        path.write_text(NOTES_2_2_2 if widths is None else problem_text(widths, activations, loss, batch))
        seconds = solve_seconds(path, runs)
        row = {"name": name, "widths": widths or [2, 2, 2], "batch": batch, "seconds": seconds,
               "ratio": seconds / baseline, "budget": budget} | parts(path, 3)
        verdict = "PASS" if row["ratio"] <= budget else "FAIL"
        print(f"{name:32} {seconds:7.3f} s  {row['ratio']:5.2f}× the baseline (budget {budget}×)  {verdict}"
              f"   [read {row['read_seconds']:.3f} s, values {row['values_seconds']:.3f} s, "
              f"JSON {row['json_seconds']:.3f} s]", flush=True)
        rows.append(row)
    return rows


def bench_growth(folder: Path, runs: int, sizes) -> list[dict]:
    rows = []
    for activations, loss in FAMILIES:
        for widths in sizes:
            path = folder / f"grow_{activations[0]}_{'-'.join(map(str, widths))}.toml"
            path.write_text(problem_text(widths, activations, loss, 4))
            parameters = sum(layer.parameters for layer in numeric.shapes(widths))
            seconds = solve_seconds(path, runs)
            print(f"solve {'-'.join(map(str, widths)):>12} {activations[0]:8} {parameters:6d} parameters  "
                  f"{seconds:7.3f} s", flush=True)
            rows.append({"widths": widths, "activations": activations, "loss": loss, "batch": 4,
                         "parameters": parameters, "seconds": seconds})
    return rows


def bench_batches(batch_sizes, repeats: int) -> list[dict]:
    rng = np.random.default_rng(0)
    widths = [4, 8, 8, 3]
    layers = [numeric.Layer(rng.integers(-1000, 1001, size=(n, j)) / 1000, rng.integers(-1000, 1001, size=j) / 1000, f)
              for n, j, f in zip(widths, widths[1:], ["relu", "relu", "softmax"])]
    rows = []
    for batch in batch_sizes:
        X = rng.integers(-1000, 1001, size=(batch, widths[0])) / 1000
        T = np.eye(widths[-1])[rng.integers(0, widths[-1], size=batch)]

        def batched():
            numeric.loss_and_gradients(layers, X, T, "cross_entropy")

        def per_sample():
            for i in range(batch):
                numeric.loss_and_gradients(layers, X[i:i + 1], T[i:i + 1], "cross_entropy")

        row = {"batch": batch, "batched_seconds": median_seconds(batched, repeats),
               "loop_seconds": median_seconds(per_sample, max(3, repeats // batch))}
        print(f"numpy batch {batch:5d}  batched {row['batched_seconds'] * 1e6:10.1f} µs  "
              f"loop {row['loop_seconds'] * 1e6:12.1f} µs", flush=True)
        rows.append(row)
    return rows


def machine() -> dict:
    import flint
    import sympy

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "numpy": np.__version__, "sympy": sympy.__version__,
            "python_flint": flint.__version__}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="fresh processes per median (default 5)")
    p.add_argument("--quick", action="store_true", help="fewer sizes and runs; prints only")
    args = p.parse_args()
    runs = 3 if args.quick else args.runs
    baseline = fresh([sys.executable, "-c", "import sympy, numpy"], runs)
    print(f"baseline: python -c 'import sympy, numpy'  {baseline:.3f} s (median of {runs})", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = {
            "measured": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "runs": runs,
            "baseline_seconds": baseline,
            "budgets": bench_budgets(folder, baseline, runs),
            "symbolic": bench_growth(folder, runs, GROWING[:2] if args.quick else GROWING),
            "batches": bench_batches(BATCH_SIZES[:6] if args.quick else BATCH_SIZES, 5 if args.quick else 51),
        }
    if args.quick:
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()

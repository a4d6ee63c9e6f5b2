"""Benchmark of the dense-network chapter; writes ``benchmarks/results/dense.json``.

    python benchmarks/bench_dense.py [--quick]

Two measurements, each printed as medians and saved with a description of the machine:

1. The exact symbolic gradient (:func:`derivations.symbolic.dense.gradients`, then every entry
   evaluated to 40 digits) as the network grows: 2-2-2 (sigmoid, half squared error), then
   ReLU/ReLU/softmax and sigmoid/sigmoid/softmax networks with cross-entropy from 4-8-8-3 up.
   Derived layer by layer, with every value of the forward and backward pass under a name, its
   cost should grow about linearly with the number of parameters.
2. NumPy forward + backward (:func:`derivations.numeric.dense.loss_and_gradients`) on the 4-8-8-3
   network, for a whole batch at once against a Python loop over its samples, batch sizes 1…1024:
   the notes' "batch operation" (배치 연산, 001_0f6bc44c70e8f7d0.txt §3), measured.

A benchmark, not a test: nothing here asserts a time. The site's figure is generated from the
results file by ``python -m derivations tables``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import sympy as sp

from derivations.numeric import dense as numeric
from derivations.symbolic import dense as symbolic

RESULTS = Path(__file__).resolve().parent / "results" / "dense.json"

GROWING = [[4, 8, 8, 3], [8, 16, 16, 4], [16, 32, 32, 8], [32, 64, 64, 10]]
SYMBOLIC_NETWORKS = [([2, 2, 2], ["sigmoid", "sigmoid"], "half_sse")] + [
    (widths, [hidden, hidden, "softmax"], "cross_entropy")
    for hidden in ("relu", "sigmoid") for widths in GROWING]
BATCH_SIZES = [2 ** k for k in range(11)]  # 1 … 1024


def median_seconds(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def thousandths(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """Uniform in [-1, 1], in steps of 0.001: exact decimals for SymPy, the same floats for NumPy."""
    return rng.integers(-1000, 1001, size=shape) / 1000


def symbolic_network(widths, activations, seed=0):
    rng = np.random.default_rng(seed)
    as_matrix = lambda a: sp.Matrix([[sp.Rational(round(v * 1000), 1000) for v in row] for row in a])  # noqa: E731
    layers = [symbolic.Layer(as_matrix(thousandths(rng, (n, j))), as_matrix(thousandths(rng, (1, j))), f)
              for n, j, f in zip(widths, widths[1:], activations)]
    X = as_matrix(thousandths(rng, (1, widths[0])))
    T = sp.Matrix([[1] + [0] * (widths[-1] - 1)])
    return layers, X, T


def bench_symbolic(networks, repeats: int) -> list[dict]:
    rows = []
    for widths, activations, loss in networks:
        layers, X, T = symbolic_network(widths, activations)

        def run():
            _, grads = symbolic.gradients(layers, X, T, loss)
            symbolic.evaluate(sp.Matrix([e for g in grads for e in (*g.weights, *g.biases)]))

        run()  # derive the local derivatives once (they are cached), as any later call finds them
        parameters = sum(layer.parameters for layer in numeric.shapes(widths))
        seconds = median_seconds(run, repeats)
        print(f"symbolic {'-'.join(map(str, widths)):>12}  {parameters:5d} parameters  {seconds:8.3f} s", flush=True)
        rows.append({"widths": widths, "activations": activations, "loss": loss,
                     "parameters": parameters, "seconds": seconds})
    return rows


def bench_batches(batch_sizes, repeats: int) -> list[dict]:
    rng = np.random.default_rng(0)
    widths = [4, 8, 8, 3]
    layers = [numeric.Layer(thousandths(rng, (n, j)), thousandths(rng, (j,)), f)
              for n, j, f in zip(widths, widths[1:], ["relu", "relu", "softmax"])]
    rows = []
    for batch in batch_sizes:
        X = thousandths(rng, (batch, widths[0]))
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
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "numpy": np.__version__, "sympy": sp.__version__}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="smaller networks and fewer repeats; prints only")
    args = p.parse_args()
    networks = [n for n in SYMBOLIC_NETWORKS if max(n[0]) <= 16] if args.quick else SYMBOLIC_NETWORKS
    results = {
        "measured": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "symbolic": bench_symbolic(networks, 3 if args.quick else 5),
        "batches": bench_batches(BATCH_SIZES[:6] if args.quick else BATCH_SIZES, 5 if args.quick else 51),
    }
    if args.quick:
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()

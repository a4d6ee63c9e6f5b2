"""How fast the project and its site are, as medians over repeated runs, checked against budgets.

    python benchmarks/bench_site.py [--runs N] [--suite-runs M] [--skip-suite]

Measures, each in a fresh process: ``python -c "import sympy, numpy"`` (the baseline every loop
budget is a multiple of, measured in the same run: five times at the start and once before every
other run, the ratios taking the median of all); the full test suite, and without the tests
that need the built site or Chromium (``-m "not site"``, the quick loop); ``python -m derivations
tables --check`` as a contributor runs it after ``tables`` (each chapter recalled from its record),
and with ``--fresh`` (every chapter derived again, reported without a budget); a cold ``mkdocs build --strict`` (new output directory, notebooks executed) and
the same build with ``NOTEBOOK_EXECUTE=false``; ``mkdocs serve`` until its first page answers, and
from saving ``docs/index.md`` until the served page shows the change (the file is restored after).
Then, for every page of the navigation and the 404 page, opened in headless Chromium with an empty
cache, the bytes transferred (the page and everything it loaded) and the time from the start of
navigation until every displayed formula has a size.

Budgets, as multiples of the baseline: tables --check <= 6x; full test suite <= 110x; cold strict
build <= 35x; serve until the first page answers <= 40x; edit until the served page changes <= 6x.
Absolute: heaviest page <= 1.5 MB; math rendered <= 1 s on every page. Prints PASS or FAIL for
each; exits 1 if any fails.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.browser import free_port, launch, nav_pages, serve, visit  # noqa: E402

PAGE_BYTES_BUDGET = 1_500_000
MATH_MS_BUDGET = 1000.0
LOOP_BUDGETS = {  # multiples of the baseline
    "tables --check": 6,
    "full test suite": 110,
    "cold strict build": 35,
    "serve until the first page answers": 40,
    "edit docs/index.md until served": 6,
}


class Baseline:
    """``python -c "import sympy, numpy"``, run again before every measured run: the machine's
    speed drifts over the minutes a benchmark takes (medians of 0.37 s and 0.52 s at the start of
    two runs one session apart, while what they measured stayed within 5%), so every ratio is to
    the median of all its runs, spread through the benchmark beside what it is compared with."""

    def __init__(self, python: str, env: dict[str, str]) -> None:
        self.command, self.env, self.times = [python, "-c", "import sympy, numpy"], env, []

    def sample(self) -> None:
        start = time.perf_counter()
        subprocess.run(self.command, cwd=ROOT, env=self.env, check=True, capture_output=True)
        self.times.append(time.perf_counter() - start)

    @property
    def seconds(self) -> float:
        return statistics.median(self.times)


def timed(command: list[str], runs: int, env: dict[str, str] | None = None,
          per_run=None, must_pass: bool = True, baseline: Baseline | None = None,
          ) -> tuple[float, subprocess.CompletedProcess]:
    """Median wall time in seconds of ``command`` run ``runs`` times from the project root, and
    the last run's completed process; ``baseline`` sampled before each run.

    ``per_run(i)`` returns extra arguments for run ``i`` (a fresh output directory). A command that
    must pass and fails stops the benchmark: its time would mean nothing. (The test suite may
    fail and still be timed; its log is kept.)"""
    times = []
    for i in range(runs):
        if baseline is not None:
            baseline.sample()
        extra = per_run(i) if per_run else []
        start = time.perf_counter()
        result = subprocess.run([*command, *extra], cwd=ROOT, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if must_pass and result.returncode != 0:
            sys.exit(f"error: {' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return statistics.median(times), result


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def _until(condition, timeout: float) -> float:
    """Seconds until ``condition()`` is true, polled every 50 ms; exits on timeout."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            sys.exit(f"error: not done after {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def measure_serve(runs: int, env: dict[str, str], baseline: Baseline) -> tuple[float, float]:
    """Medians of: seconds from starting ``mkdocs serve`` until its home page answers, and from
    saving an edit to ``docs/index.md`` until the served home page shows it; ``baseline`` sampled
    before each start."""
    index = ROOT / "docs" / "index.md"
    original = index.read_bytes()
    starts, edits = [], []
    for i in range(runs):
        baseline.sample()
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        start = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _until(lambda: _get(url) is not None, 300)
            starts.append(time.perf_counter() - start)
            time.sleep(1)  # let the watcher settle before the edit
            marker = f"bench-edit-{os.getpid()}-{i}"
            index.write_bytes(original + f"\n{marker}\n".encode())
            edits.append(_until(lambda: marker in (_get(url) or ""), 120))
        finally:
            index.write_bytes(original)
            os.kill(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # Ctrl-C during a rebuild can go unanswered
                server.kill()
                server.wait()
    return statistics.median(starts), statistics.median(edits)


def measure_pages(site: Path, runs: int) -> dict[str, tuple[int, float, float]]:
    """Per page (desktop, light), medians of: bytes transferred, ms from navigation to every
    formula rendered, and ms by which that comes after the load event (0 when before it)."""
    from playwright.sync_api import sync_playwright

    pages = [*nav_pages(ROOT / "mkdocs.yml"), "404.html"]
    results = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for page in pages:
                visits = [visit(browser, base + page, "desktop", "light", weigh=True) for _ in range(runs)]
                problems = sorted({p for v in visits for p in v.problems})
                if problems:
                    sys.exit(f"error: /{page}: " + "; ".join(problems))
                results["/" + page] = (int(statistics.median(v.transferred for v in visits)),
                                       statistics.median(v.math_ms for v in visits),
                                       statistics.median(max(0.0, v.math_ms - v.load_ms) for v in visits))
        finally:
            browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--suite-runs", type=int, default=1,
                        help="runs of the full test suite, the slowest item (default 1)")
    parser.add_argument("--skip-suite", action="store_true", help="do not time the test suite")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.suite_runs < 1:
        parser.error("--runs and --suite-runs must be at least 1")

    python = sys.executable
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    print(f"medians over {args.runs} run(s); {os.cpu_count()} CPU(s)")
    baseline = Baseline(python, env)
    for _ in range(max(args.runs, 5)):
        baseline.sample()
    print(f"baseline, python -c 'import sympy, numpy': {baseline.seconds:7.2f} s at the start")
    loop = {}
    if not args.skip_suite:
        suite, run = timed([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], args.suite_runs,
                           env, must_pass=False, baseline=baseline)
        summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else f"exit status {run.returncode}"
        print(f"full test suite ({args.suite_runs} run(s)):         {suite:7.1f} s  ({summary})")
        if run.returncode != 0:
            Path(tempfile.gettempdir(), "bench-site-pytest.log").write_text(run.stdout + run.stderr)
        loop["full test suite"] = suite
        quick, run = timed([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not site"],
                           args.suite_runs, env, must_pass=False, baseline=baseline)
        summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else f"exit status {run.returncode}"
        print(f"quick loop, -m 'not site' ({args.suite_runs} run(s)):  {quick:7.1f} s  ({summary}; no budget)")
    tables = [python, "-m", "derivations", "tables", "--check"]
    timed(tables, 1, env)  # records every chapter, as the contributor's last `tables` run did
    loop["tables --check"], _ = timed(tables, args.runs, env, baseline=baseline)
    print(f"python -m derivations tables --check:      {loop['tables --check']:7.1f} s  (nothing changed since the last run)")
    every, _ = timed([*tables, "--fresh"], args.runs, env, baseline=baseline)
    print(f"python -m derivations tables --check --fresh: {every:4.1f} s  (every chapter derived again; no budget)")

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        out = Path(tmp)

        def fresh(name):
            return lambda i: ["-d", str(out / f"{name}-{i}")]

        build = [python, "-m", "mkdocs", "build", "--strict", "--quiet"]
        cold, _ = timed(build, args.runs, env, fresh("executed"), baseline=baseline)
        loop["cold strict build"] = cold
        print(f"cold mkdocs build, notebooks executed:     {cold:7.1f} s")
        quick, _ = timed(build, args.runs, dict(env, NOTEBOOK_EXECUTE="false"), fresh("quick"), baseline=baseline)
        print(f"cold mkdocs build, NOTEBOOK_EXECUTE=false: {quick:7.1f} s")
        loop["serve until the first page answers"], loop["edit docs/index.md until served"] = measure_serve(args.runs, env, baseline)
        print(f"mkdocs serve until the first page answers: {loop['serve until the first page answers']:7.1f} s")
        print(f"edit docs/index.md until served:           {loop['edit docs/index.md until served']:7.1f} s")

        pages = measure_pages(out / "executed-0", args.runs)

    width = max(len(p) for p in pages)
    # "math ms": navigation to every formula rendered; "after load": how much of that comes after
    # the load event, which the budget is about (the issue: "math rendered ≤ 1 s after load").
    print(f"\n{'page':{width}}  {'bytes':>10}  {'math ms':>8}  {'after load':>10}")
    for page, (size, ms, after) in pages.items():
        print(f"{page:{width}}  {size:10,d}  {ms:8.0f}  {after:10.0f}")
    heaviest = max(pages, key=lambda p: pages[p][0])
    slowest = max(pages, key=lambda p: pages[p][2])

    print(f"\nbaseline over the whole benchmark: {baseline.seconds:.2f} s, median of {len(baseline.times)} runs "
          f"({min(baseline.times):.2f}-{max(baseline.times):.2f} s)")
    budgets = [(f"{name}: {seconds:.1f} s = {seconds / baseline.seconds:.1f}x baseline <= {LOOP_BUDGETS[name]}x",
                seconds / baseline.seconds <= LOOP_BUDGETS[name]) for name, seconds in loop.items()]
    budgets += [
        (f"heaviest page {heaviest} {pages[heaviest][0]:,d} B <= {PAGE_BYTES_BUDGET:,d} B",
         pages[heaviest][0] <= PAGE_BYTES_BUDGET),
        (f"math rendered after load, slowest {slowest} {pages[slowest][2]:.0f} ms <= {MATH_MS_BUDGET:.0f} ms",
         pages[slowest][2] <= MATH_MS_BUDGET),
    ]
    print()
    for text, ok in budgets:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in budgets) else 1


if __name__ == "__main__":
    sys.exit(main())

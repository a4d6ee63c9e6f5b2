"""The chapter's generated files: the benchmark figure regenerates from the committed results,
deterministically, and reads in both colour schemes."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from derivations.tables import benchmark, language, with_source_link
from derivations.tables.layout import laid_out

RESULTS = json.loads((ROOT / benchmark.RESULTS).read_text(encoding="utf-8"))


def test_the_committed_benchmark_results_are_complete():
    assert [r["widths"] for r in RESULTS["symbolic"]][:2] == [[4, 8, 8, 3], [8, 16, 16, 4]]
    assert [(r["widths"], r["batch"]) for r in RESULTS["budgets"]] == [
        ([2, 2, 2], 1), ([4, 8, 8, 3], 4), ([10, 32, 32, 10], 4), ([20, 64, 64, 10], 32)]
    assert RESULTS["baseline_seconds"] > 0
    for r in RESULTS["budgets"]:
        assert r["ratio"] == r["seconds"] / RESULTS["baseline_seconds"]
    assert [r["batch"] for r in RESULTS["batches"]] == [2 ** k for k in range(11)]
    assert {"cpu", "cores", "python", "numpy", "sympy", "python_flint"} <= RESULTS["machine"].keys()
    assert RESULTS["measured"].endswith("UTC")


def test_the_figure_and_table_regenerate_from_the_results_file():
    files = benchmark.benchmark_files(RESULTS)
    committed = ROOT / "docs" / "generated" / "dense"
    for name, text in files.items():
        linked = with_source_link(name, text, "benchmark")
        english = language.resolve(linked, "en")
        for edition in language.LANGUAGES:
            own = language.resolve(linked, edition)
            # The site lays a Markdown table out as cards (tables/layout.py), its columns named as
            # in English; a figure stays as it is.
            written = (committed / language.twin(name, edition)).read_text(encoding="utf-8")
            assert written == (laid_out(own, english) if name.endswith(".md") else own)
    table = language.resolve(files["benchmark.md"], "en")
    assert RESULTS["machine"]["cpu"] in table and RESULTS["measured"] in table
    for r in RESULTS["symbolic"]:
        assert f"| {r['parameters']} | {r['seconds']:.3f} |" in table
    for r in RESULTS["budgets"]:
        assert f"| {r['name']} | {r['seconds']:.2f} | {r['ratio']:.2f}× | ≤ {r['budget']:g}× |" in table


def test_the_figure_changes_with_the_results():
    slower = json.loads(json.dumps(RESULTS))
    slower["symbolic"][1]["seconds"] *= 10
    assert benchmark.benchmark_svg(slower) != benchmark.benchmark_svg(RESULTS)


def test_the_figure_is_deterministic_and_theme_aware():
    both = benchmark.benchmark_svg(RESULTS)
    assert both == benchmark.benchmark_svg(RESULTS)
    for edition in language.LANGUAGES:
        svg = language.resolve(both, edition)
        assert svg.startswith('<svg fill="currentColor"')
        assert "currentColor" in svg
        assert not re.search(r"(fill|stroke): ?(#000000|black)", svg)
        assert "<text" in svg  # labels are text, so they take the page's colour
    assert "매개변수" in language.resolve(both, "ko") and "매개변수" not in language.resolve(both, "en")

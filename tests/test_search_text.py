"""Search results a reader can read (``docs/hooks/search_text.py``): the index holds each formula
as a line of text from the page's own MathML, never TeX, and notebook entries lose their
permalinks' ¶ and cell prompts."""

from __future__ import annotations

import json
import re

import pytest

from search_text import plain_math, readable

RAW = re.compile(r"\\[()\[\]]|\\[A-Za-z]{2,}|\$[^$\s][^$]*\$")
"""TeX a reader would see: the page reading's pattern (``support/browser.py``)."""
CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>", re.S)


@pytest.mark.parametrize("tex, line", [
    (r"\frac{\partial E_{\mathrm{total}}}{\partial W_{1}}", "∂E<sub>total</sub>/∂W<sub>1</sub>"),
    (r"w^{T} x + b = 0", "w<sup>T</sup>x + b = 0"),
    (r"\frac{1}{2}\left(t - o\right)^{2}", "1/2(t − o)<sup>2</sup>"),
    (r"\frac{1 - \sigma}{\sigma}", "(1 − σ)/σ"),
    (r"\frac{1}{K} \sum_{k=1}^{K} x_{k}", "1/K ∑<sub>k = 1</sub><sup>K</sup> x<sub>k</sub>"),
    (r"f(- \frac{1}{10}) = - \frac{1}{1000}", "f(−1/10) = −1/1000"),
    (r"\hat{y} = \sigma(z)", "ŷ = σ(z)"),
    (r"\text{relu}'(0) = 0", "relu′(0) = 0"),
    (r"\ln x - \max(0, x)", "ln x − max(0, x)"),
    (r"\begin{bmatrix}1 & 2\\3 & 4\end{bmatrix}", "[1, 2; 3, 4]"),
    (r"a < b", "a &lt; b"),
    (r"\sqrt{x + 1}", "√(x + 1)"),
    (r"{} + 0.35", "+ 0.35"),  # a bias term, continuing the sum before it
    (r"\frac{}{2}", "/2"),
])
def test_a_formula_is_written_as_one_writes_it_in_a_line(tex, line):
    assert plain_math(tex) == line


def test_a_page_s_formulas_become_text_and_its_code_stays_as_written():
    doc = {"location": "perceptron/#rule", "title": "The rule",
           "text": r"<p>the threshold \(\theta\) and \[ x &lt; 1 \]</p><pre>re.compile(r'\(x\)')</pre>"}
    assert readable(doc) == doc | {"text": r"<p>the threshold θ and x &lt; 1</p><pre>re.compile(r'\(x\)')</pre>"}


@pytest.mark.parametrize("location", ["notebooks/forward/#x", "ko/notebooks/forward/#x"])
def test_a_notebook_entry_loses_its_dollars_pilcrow_and_prompts(location):
    doc = {"location": location, "title": "$Y = XW + B$ expanded¶",
           "text": "In\u00a0[\u00a0]: Copied! <pre>cost = '$5'</pre> <p>A layer computes $Z = XW + B$.</p> Out[3]: 1"}
    assert readable(doc, ("ko",)) == doc | {"title": "Y = XW + B expanded",
                                            "text": "<pre>cost = '$5'</pre> <p>A layer computes Z = XW + B.</p> 1"}


def test_an_entry_is_a_notebook_s_only_under_notebooks_at_the_root_or_an_edition_s_folder():
    doc = {"location": "ko/notebooks/forward/#x", "title": "$Y$¶", "text": ""}
    assert readable(doc, ("ko",))["title"] == "Y"
    assert readable(doc)["title"] == "$Y$¶"  # no edition named ko: a page's, whose math is \(…\)


def test_a_title_is_plain_text():
    doc = {"location": "a/", "title": r"\(W_{1}\) and \(w^{T}\)", "text": ""}
    assert readable(doc)["title"] == "W1 and w^T"


def test_each_edition_s_index_holds_no_tex(built_site):
    site, _ = built_site
    for index in (site / "search" / "search_index.json", site / "ko" / "search" / "search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        raw = [(d["location"], m[0]) for d in docs for m in RAW.finditer(CODE.sub("", d["text"]) + " " + d["title"])]
        assert raw == [], index
        assert not [d["title"] for d in docs if "¶" in d["title"]]
        assert sum("<sub>" in d["text"] for d in docs) > 20  # the formulas are there, as text


@pytest.mark.parametrize("edition, query", [("", "hyperplane"), ("ko/", "초평면")])
def test_a_search_result_shows_a_formula_as_text(browser, built_site, edition, query):
    """Typed as a reader does: the results hold w<sup>T</sup>x + b = 0, as
    the page's formula reads, and no TeX."""
    from support.browser import VIEWPORTS, search, serve

    site, _ = built_site
    with serve(site) as base:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        try:
            page.goto(base + edition, wait_until="load")
            search(page, query)
            results = page.locator(".md-search-result")
            assert "w<sup>T</sup>x + b = 0" in results.inner_html()
            assert not RAW.search(results.inner_text())
        finally:
            page.close()

"""The chapter's generated files and pages: figures deterministic and theme-aware, pages built
with every snippet included and every value coming from a generated file."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from derivations.problems import data_file
from derivations.tables import activations as tables
from derivations.tables.language import resolve

FIGURES = ["step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"]


@pytest.fixture(scope="module")
def figures():
    return tables.figures(data_file("activations")["inputs"])


def test_figures_are_reproducible_byte_for_byte(figures):
    assert figures == tables.figures(data_file("activations")["inputs"])


@pytest.mark.parametrize("name", FIGURES)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_figure_is_inline_svg_in_current_colour(figures, name, language):
    svg = resolve(figures[f"{name}.svg"], language)
    assert svg.startswith("<svg") and "<?xml" not in svg and "<metadata>" not in svg
    assert "currentColor" in svg
    assert not re.search(r"#000000|:black\b", svg)      # nothing fixed to black: dark mode works
    assert tables.FUNCTION_COLOUR in svg and tables.DERIVATIVE_COLOUR in svg


@pytest.mark.parametrize("edition", ["", ".ko"])
def test_every_generated_file_is_included_by_a_page(generated_files, edition):
    """Each edition's pages include every generated file of that edition (name.md, name.ko.md)."""
    generated = {name.rsplit("/", 1)[1] for name in generated_files if name.startswith("generated/activations/")
                 and name.endswith(("md", "svg")) and (".ko." in name) == bool(edition)}
    assert generated
    pages = "".join((ROOT / "docs" / f"{page}{edition}.md").read_text() for page in ("activations", "losses"))
    included = set(re.findall(r'--8<-- "generated/activations/([^"]+)"', pages))
    assert included == generated


def test_pages_type_no_numbers_of_their_own():
    """Prose outside math, code and snippet lines carries no decimal numbers."""
    for page in ("activations.md", "losses.md", "activations.ko.md", "losses.ko.md"):
        text = (ROOT / "docs" / page).read_text()
        text = re.sub(r"```.*?```|\$\$.*?\$\$|\$[^$]*\$|`[^`]*`|--8<--.*|<figure.*?</figure>",
                      "", text, flags=re.S)
        text = re.sub(r"§[\d.]+", "", text.split("---", 2)[2])  # section citations are not values
        assert not re.findall(r"\d+\.\d+", text), page


def test_built_pages_have_their_figures_and_no_raw_tex(built_site):
    site, _ = built_site
    activations = (site / "activations" / "index.html").read_text()
    assert activations.count("<svg") >= len(FIGURES)
    losses = (site / "losses" / "index.html").read_text()
    for html in (activations, losses):
        assert "$$" not in html and "--8<--" not in html
        assert "<math" in html
    assert (site / "notebooks" / "activations" / "index.html").is_file()


def test_the_navigation_lists_the_chapter_after_the_perceptron():
    nav = (ROOT / "mkdocs.yml").read_text()
    assert nav.index("Activation functions:") < nav.index("Backpropagation:")
    for entry in ("activations.md", "losses.md", "notebooks/activations.ipynb"):
        assert entry in nav


def test_the_slope_claims_as_the_pages_word_them():
    """A sigmoid layer multiplies the gradient by a factor of at most its peak slope; tanh's peak is
    the higher; the example's neurons are below the peak; the chain's sigmoid column is multiplied
    by less than 1/4 in every layer, not only below (1/4)^n overall."""
    from fractions import Fraction

    import sympy as sp

    from derivations.symbolic import activations as sym
    from derivations.tables import depth_chain

    _, sigmoid_top = sym.peak(sym.sigmoid(sym.z))
    _, tanh_top = sym.peak(sym.tanh(sym.z))
    assert tanh_top > sigmoid_top == sp.Rational(1, 4)
    exact, _ = depth_chain.columns(data_file("depth_chain"))["sigmoid"]
    values = [Fraction(1)] + [Fraction(v.decimal()) for v in exact]
    factors = [b / a for a, b in zip(values, values[1:])]
    assert len(factors) > 2 and all(0 < f < Fraction(1, 4) for f in factors)


def test_the_example_s_neurons_sit_below_the_peak(document_solution):
    from derivations.symbolic import activations as sym
    import sympy as sp

    slope = sp.diff(sym.sigmoid(sym.z), sym.z)
    _, top = sym.peak(sym.sigmoid(sym.z))
    for name in ("z1", "z2", "z3", "z4"):
        assert 0 < slope.subs(sym.z, document_solution.exact[name]) < top, name

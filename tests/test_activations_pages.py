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

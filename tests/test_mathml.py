"""Build-time LaTeX → MathML: formulas render, raw TeX never reaches a page."""

from __future__ import annotations

import pytest

from mathml import MathError, render_arithmatex, render_notebook, to_mathml


def test_inline_and_block_math_become_mathml():
    page = ('<p>so <span class="arithmatex">\\(h_{1} = \\sigma(z_{1})\\)</span>.</p>'
            '<div class="arithmatex">\\[\\frac{a}{b} &lt; 1\\]</div>')
    out = render_arithmatex(page)
    assert out.count("<math") == 2 and 'display="block"' in out
    assert "\\(" not in out and "\\frac" not in out and "&lt;" not in out.split("<math")[2].split(">")[0]


def test_unknown_command_fails_the_build():
    with pytest.raises(MathError, match=r"\\foo"):
        to_mathml(r"\foo{x}", block=False)


def test_two_displays_run_together_fail_the_build():
    """Without a blank line between them, arithmatex reads $$a$$ $$b$$ as one formula holding
    dollars: the page showed "$$$$" between the steps. A dollar in a formula is an error."""
    import markdown

    def page(source: str) -> str:  # as mkdocs.yml's arithmatex writes it
        return markdown.markdown(source, extensions=["pymdownx.arithmatex"],
                                 extension_configs={"pymdownx.arithmatex": {"generic": True}})

    with pytest.raises(MathError, match="run together"):
        render_arithmatex(page("$$\na = 1\n$$\n$$\nb = 2\n$$\n"))
    assert render_arithmatex(page("$$\na = 1\n$$\n\n$$\nb = 2\n$$\n")).count("<math") == 2


def test_aligned_is_supported():
    assert "<mtable" in to_mathml(r"\begin{aligned} a &= b \\ c &= d \end{aligned}", block=True)


NOTEBOOK = """<div class="jp-Cell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">
<p>Inline $x_1 &lt; 2$ and $$E = \\frac{1}{2}$$ but <code>$HOME</code> stays.</p><div>$y$</div>
</div></div><div class="jp-RenderedLatex jp-OutputArea-output">$\\displaystyle \\sigma(z)$</div>
<pre>costs $5 and $6</pre><style>.x:before{content:"$"}</style>"""


def test_notebook_math_is_converted_only_where_it_is_math():
    out = render_notebook(NOTEBOOK)
    assert out.count("<math") == 4
    assert "<code>$HOME</code>" in out and "costs $5 and $6" in out and 'content:"$"' in out
    assert "\\frac" not in out and "\\sigma" not in out


def test_a_notebook_output_sets_sympy_s_words_upright():
    """SymPy prints the symbol E_total as E_{total}: the page shows "total" as a word, as the
    tables do, not as five italic variables."""
    output = ('<div class="jp-RenderedLatex jp-OutputArea-output">'
              "$\\displaystyle E_{total} = \\frac{\\left(target_{o1} - o_{1}\\right)^{2}}{2}$</div>")
    out = render_notebook(output)
    assert '<mi mathvariant="normal">t</mi><mi mathvariant="normal">o</mi>' in out
    assert "<mi>t</mi><mi>o</mi>" not in out and "<mi>t</mi><mi>a</mi>" not in out

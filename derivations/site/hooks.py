"""MkDocs hooks (``mkdocs.yml: hooks``): math to MathML, and notebook pages made self-contained."""

from __future__ import annotations

from derivations.site.mathml import (
    render_arithmatex,
    render_notebook,
    strip_notebook_scripts,
)


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return strip_notebook_scripts(render_notebook(output))
    return render_arithmatex(output)

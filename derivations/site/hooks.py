"""MkDocs hooks (``mkdocs.yml: hooks``): math to MathML; notebook pages made self-contained, their
table of contents matched to their headings, and given a description of their own."""

from __future__ import annotations

from pathlib import Path

from derivations.site.descriptions import notebook_description
from derivations.site.mathml import (
    render_arithmatex,
    render_notebook,
    strip_notebook_scripts,
)
from derivations.site.toc import match_headings


def on_page_context(context, page, config, nav):
    if page.file.src_uri.endswith(".ipynb") and not page.meta.get("description"):
        description = notebook_description(Path(page.file.abs_src_path))
        if description:
            page.meta["description"] = description
    return context


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return match_headings(strip_notebook_scripts(render_notebook(output)))
    return render_arithmatex(output)

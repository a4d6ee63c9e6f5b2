"""The notebook pages' stylesheet, one file for all of them.

mkdocs-jupyter writes JupyterLab's whole theme into every notebook page as ``<style>`` blocks,
the same 0.6 MB each time: a reader downloaded and parsed it again on each notebook page, and
the browser matched its thousands of rules at every change of width or palette. The blocks move
to one file named by a hash of its content (a changed theme gets a new name, so no browser keeps
a stale copy), linked where they were, so the cascade is unchanged.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_NOTEBOOK = '<div class="jupyter-wrapper">'


def with_shared_stylesheet(output: str, page_url: str, site_dir: Path) -> str:
    """``output`` (a notebook page at ``page_url``) with the ``<style>`` blocks before the notebook
    replaced by a link to one stylesheet holding them, in their order, which is written under
    ``site_dir/assets/stylesheets/`` if it is not there yet. Between the blocks stand only
    comments and whitespace (checked), so the one link keeps their place in the cascade."""
    head, wrapper, notebook = output.partition(_NOTEBOOK)
    blocks = list(_STYLE.finditer(head))
    if not wrapper or not blocks:
        raise ValueError("not a notebook page of mkdocs-jupyter's (no style blocks before the notebook)")
    between = _STYLE.sub("", head[blocks[0].start():blocks[-1].end()])
    if re.sub(r"<!--.*?-->|\s", "", between, flags=re.S):
        raise ValueError(f"markup between the notebook's style blocks: {between.strip()[:80]!r}")
    css = "\n".join(block[1] for block in blocks)
    name = f"assets/stylesheets/notebook.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    target = site_dir / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_suffix(".part")
        part.write_text(css, encoding="utf-8")
        part.replace(target)  # whole, or not there
    link = f'<link rel="stylesheet" href="{get_relative_url(name, page_url)}">'
    return head[:blocks[0].start()] + link + head[blocks[-1].end():] + wrapper + notebook

"""Page descriptions for search engines, for the pages that cannot carry front matter: notebooks.

A notebook's description is the opening prose of its first Markdown cell: the sentences before
the first formula, with links and code marks reduced to their text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

LIMIT = 300
"""Characters; search engines show about 160, so a longer opening is cut at a sentence."""


def _plain(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # [text](url) -> text
    text = text.replace("`", "").replace("**", "").replace("*", "")
    return " ".join(text.split())


def notebook_description(path: Path) -> str:
    """The first paragraph of the first Markdown cell that is not a heading, up to its first
    formula and at most LIMIT characters, cut after a whole sentence; empty if there is none."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        for paragraph in re.split(r"\n\s*\n", source):
            if paragraph.strip() and not paragraph.lstrip().startswith("#"):
                sentences = re.split(r"(?<=[.!?])\s+", _plain(paragraph))
                kept = []
                for sentence in sentences:
                    if "$" in sentence or len(" ".join([*kept, sentence])) > LIMIT:
                        break
                    kept.append(sentence)
                return " ".join(kept)
    return ""

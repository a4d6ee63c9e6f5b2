"""The glossary table (``docs/glossary.md``): the notes' Korean terms beside their English names.

Read from ``derivations/problems/glossary.toml``; sorted by English name, as a reader looks a term
up.
"""

from __future__ import annotations

from derivations.problems import data_file
from derivations.tables.common import table

CHAPTER = "glossary"


def terms() -> list[dict[str, str]]:
    return data_file(CHAPTER)["term"]


def glossary_table() -> str:
    rows = []
    for term in sorted(terms(), key=lambda t: t["english"].casefold()):
        written = term["printed"] + (f" ({term['remark']})" if "remark" in term else "")
        rows.append((term["english"], term["korean"], f"`{term['source']}`", written))
    return table(["English", "Korean", "note", "as the note writes it"], rows)


def generate() -> dict[str, str]:
    return {f"generated/{CHAPTER}/terms.md": glossary_table()}

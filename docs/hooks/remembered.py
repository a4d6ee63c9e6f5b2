"""Work every page of every edition repeats, done once per process.

The source pages show every module of the package, and each edition shows them again; each
``mkdocs serve`` rebuild renders every page again though one changed. Two steps took half of a
rebuild's time doing what they had done before:

* Pygments tokenising the same code (:func:`remember_highlighting`);
* the search plugin parsing the same page HTML into sections (:func:`remember_search_sections`);
* Jinja compiling the theme's templates again for each edition and build (:data:`TEMPLATES`).

Each result is kept by everything it is computed from, for as long as the process runs (a
``serve`` session), and handed out as a copy where the caller changes it; a change to any input
is computed afresh.
"""

from __future__ import annotations

import pickle

import jinja2


def _frozen(value):
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    return value


def remember_highlighting() -> None:
    """Make ``Highlight.highlight`` keep its HTML by the highlighter's settings and the call's
    arguments (the block's number on its page among them). Once per process."""
    from pymdownx.highlight import Highlight

    if getattr(Highlight.highlight, "remembers", False):
        return
    highlight, kept = Highlight.highlight, {}

    def remembering(self, *args, **kwargs):
        settings = {name: value for name, value in vars(self).items() if name != "md"}
        key = (_frozen(settings), _frozen(args), _frozen(kwargs))
        if key not in kept:
            kept[key] = highlight(self, *args, **kwargs)
        return kept[key]

    remembering.remembers = True
    Highlight.highlight = remembering


def remember_search_sections() -> None:
    """Make Material's search plugin keep the sections it parses out of a page's HTML, by that
    HTML. Its index entries are still made for each page (address, title, contents), from a copy
    (kept pickled): the plugin fills in an untitled section's title from the page. Once per
    process."""
    from material.plugins.search import plugin

    if getattr(plugin.Parser, "remembers", False):
        return
    kept = {}

    class RememberingParser(plugin.Parser):
        remembers = True

        def feed(self, data):
            self._html = data
            if data in kept:
                self.data = pickle.loads(kept[data])
            else:
                super().feed(data)

        def close(self):
            if self._html not in kept:
                super().close()
                kept[self._html] = pickle.dumps(self.data)

    plugin.Parser = RememberingParser


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory by template; Jinja itself checks each against its
    source's checksum and compiles a changed one again."""

    def __init__(self):
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket):
        self.kept[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _CompiledTemplates()
"""For each build's Jinja environment (``on_env``)."""

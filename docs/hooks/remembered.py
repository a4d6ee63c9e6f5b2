"""Work every page of every edition repeats, done once per process.

The source pages show every module of the package, and each edition shows them again; each
``mkdocs serve`` rebuild renders every page again though one changed. These steps took most of a
rebuild's time doing what they had done before:

* Pygments tokenising the same code (:func:`remember_highlighting`);
* the search plugin parsing the same page HTML into sections (:func:`remember_search_sections`);
* Jinja compiling the theme's templates again for each edition and build (:data:`TEMPLATES`);
* nbconvert compiling its templates again for every notebook page (:func:`remember_notebook_templates`);
* on ``serve`` only, Markdown turning every page into HTML again though one changed
  (:func:`remember_rendered_pages`).

Each result is kept by everything it is computed from, for as long as the process runs (a
``serve`` session), and handed out as a copy where the caller changes it; a change to any input
is computed afresh.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

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


def remember_notebook_templates() -> None:
    """Make every nbconvert exporter's Jinja environment keep its compiled templates, in a cache of
    their own (nbconvert's environments are all alike; MkDocs' is not). Each notebook page of each
    edition makes a new exporter, which compiled the same templates again: a third of the page's
    conversion. Once per process."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    if getattr(TemplateExporter._create_environment, "remembers", False):
        return
    create, kept = TemplateExporter._create_environment, _CompiledTemplates()

    def remembering(self):
        environment = create(self)
        environment.bytecode_cache = kept
        return environment

    remembering.remembers = True
    TemplateExporter._create_environment = remembering


def _digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _addresses(files) -> tuple:
    """Every file's source and address: what a page's links resolve against (kept on the
    collection, which is made anew for each build)."""
    if not hasattr(files, "_remembered_addresses"):
        files._remembered_addresses = tuple(sorted((f.src_uri, f.dest_uri) for f in files))
    return files._remembered_addresses


def remember_rendered_pages() -> None:
    """Make ``Page.render`` (a Markdown page into HTML) keep what it makes — the HTML, the table
    of contents, the title, the anchors and the links to other pages' anchors — by the page's
    Markdown and address, every file's address, the Markdown settings, and the contents of every
    file the snippets extension read for it (the generated tables, the package's source), checked
    again before each use. For ``mkdocs serve`` only, where a save rebuilds every page of both
    editions: a build converts every page afresh. Once per process."""
    from mkdocs.structure.pages import Page
    from pymdownx.snippets import SnippetPreprocessor

    if getattr(Page.render, "remembers", False):
        return
    render, read_lines, kept, read = Page.render, SnippetPreprocessor.read_lines, {}, []

    def reading(self, path):
        read.append(path)
        return read_lines(self, path)

    def remembering(self, config, files):
        if not self.file.src_uri.endswith(".md"):
            return render(self, config, files)
        page = (self.file.src_uri, self.file.dest_uri, config.theme.get("language"))
        settings = (config["markdown_extensions"], config["mdx_configs"], config["validation"],
                    config["use_directory_urls"])
        key = (self.markdown, repr(settings), _addresses(files))
        # One result per page and edition (an edit replaces it), so a long session holds no more.
        if page in kept and kept[page][0] == key and all(_digest(path) == digest for path, digest in kept[page][1]):
            content, toc, title, anchors, links = pickle.loads(kept[page][2])
        else:
            read.clear()
            render(self, config, files)
            content, toc, title, anchors, links = (
                self.content, self.toc, self._title_from_render, self.present_anchor_ids,
                None if self.links_to_anchors is None
                else {f.src_uri: anchor for f, anchor in self.links_to_anchors.items()})
            kept[page] = (key, [(path, _digest(path)) for path in dict.fromkeys(read)],
                          pickle.dumps((content, toc, title, anchors, links)))
        self.content, self.toc, self._title_from_render, self.present_anchor_ids = content, toc, title, anchors
        if links is not None:
            self.links_to_anchors = {files.get_file_from_path(uri): anchor for uri, anchor in links.items()}

    remembering.remembers = True
    Page.render = remembering
    SnippetPreprocessor.read_lines = reading

"""The site's build hooks (``docs/hooks/``): when notebooks execute and from what cache, and what
``mkdocs serve`` does when a derivation changes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

import notebooks
import regenerate


@pytest.fixture
def project(tmp_path):
    (tmp_path / "derivations").mkdir()
    (tmp_path / "derivations" / "a.py").write_text("X = 1\n")
    return tmp_path


def test_a_build_executes_afresh_and_never_reads_a_cache(project, monkeypatch):
    monkeypatch.setattr(notebooks, "SERVING", False)
    monkeypatch.setenv("NOTEBOOK_EXECUTE", "true")
    folders = []
    for _ in range(2):  # two builds, each its own process
        monkeypatch.setattr(notebooks, "_BUILD_CACHE", None)
        config = {"execute": True, "cache": True, "cache_dir": ".cache/mkdocs-jupyter"}
        notebooks.configure(config, project)
        assert config["execute"] is True
        # the only cache it reads is the one this build fills (execute_all): new and empty
        folder = Path(config["cache_dir"])
        assert config["cache"] is True and folder.is_dir() and not any(folder.iterdir())
        assert project not in folder.parents
        folders.append(folder)
        # the i18n plugin configures again for the Korean edition: the same build, the same folder
        again = {"execute": True, "cache": True, "cache_dir": ".cache/mkdocs-jupyter"}
        notebooks.configure(again, project)
        assert again["cache_dir"] == config["cache_dir"]
    assert folders[0] != folders[1]


def test_a_quick_build_neither_executes_nor_caches(project, monkeypatch):
    monkeypatch.setattr(notebooks, "SERVING", False)
    config = {"execute": False, "cache": True, "cache_dir": ".cache/mkdocs-jupyter"}
    notebooks.configure(config, project)
    assert config["execute"] is False and config["cache"] is False


@pytest.mark.parametrize("asked, executed", [(None, False), ("true", True), ("false", False)])
def test_serve_executes_only_when_asked_and_caches_on_the_package_source(project, monkeypatch, asked, executed):
    monkeypatch.setattr(notebooks, "SERVING", True)
    if asked is None:
        monkeypatch.delenv("NOTEBOOK_EXECUTE", raising=False)
    else:
        monkeypatch.setenv("NOTEBOOK_EXECUTE", asked)
    config = {"execute": True, "cache": False, "cache_dir": ".cache/mkdocs-jupyter"}
    notebooks.configure(config, project)
    assert config["execute"] is executed and config["cache"] is True
    before = config["cache_dir"]
    assert before.startswith(str(project / ".cache" / "notebooks"))
    (project / "derivations" / "a.py").write_text("X = 2\n")
    notebooks.configure(config, project)
    assert config["cache_dir"] != before  # an edit to the package is a new cache


def test_the_source_key_covers_every_module_and_data_file(project):
    key = notebooks.source_key(project / "derivations")
    (project / "derivations" / "sub").mkdir()
    (project / "derivations" / "sub" / "b.toml").write_text("x = 1\n")
    assert notebooks.source_key(project / "derivations") != key
    (project / "derivations" / "notes.txt").write_text("not source\n")
    assert notebooks.source_key(project / "derivations") == notebooks.source_key(project / "derivations")


def test_serve_regenerates_the_tables_when_a_derivation_changes_and_says_so_when_it_cannot(
        project, monkeypatch, caplog):
    calls = []
    monkeypatch.setattr(regenerate, "SERVING", True)
    monkeypatch.setattr(regenerate, "_last", {})
    real_run = regenerate.subprocess.run
    monkeypatch.setattr(regenerate.subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.regenerate"):
        regenerate.tables_if_derivations_changed(project)  # the first build: nothing to redo
        assert calls == []
        (project / "derivations" / "a.py").write_text("X = 3\n")
        regenerate.tables_if_derivations_changed(project)
    assert len(calls) == 1 and calls[0][0][-1] == "tables"
    # this stand-in project cannot make its tables: the log says so and what to run
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "run `python -m derivations tables`" in warning.getMessage()
    regenerate.tables_if_derivations_changed(project)  # unchanged since: nothing runs
    assert len(calls) == 1


def test_a_build_never_regenerates(project, monkeypatch):
    monkeypatch.setattr(regenerate, "SERVING", False)
    monkeypatch.setattr(regenerate, "_last", {})
    monkeypatch.setattr(regenerate.subprocess, "run", lambda *a, **k: pytest.fail("ran tables"))
    regenerate.tables_if_derivations_changed(project)
    (project / "derivations" / "a.py").write_text("X = 4\n")
    regenerate.tables_if_derivations_changed(project)


def test_the_live_marks_find_each_number_in_order_and_refuse_a_missing_one():
    from live import LiveMarkError, mark_live_numbers
    from mathml import to_mathml

    formula = to_mathml(r"0.5 \times 0.5 + \frac{1}{2} 0.25", block=False)
    page = f'<td data-label="with the numbers" data-live="input:W5:0.5 key:h1:0.5 key:E_o1:0.25">{formula}</td>'
    out = mark_live_numbers(page)
    assert "data-live" not in out
    assert ('<mn data-input="W5">0.5</mn><mo>&#x000D7;</mo><mn data-key="h1">0.5</mn>' in out
            and '<mn data-key="E_o1">0.25</mn>' in out and "<mn>1</mn>" in out)
    with pytest.raises(LiveMarkError, match="key h2 = 0.7"):
        mark_live_numbers(page.replace("key:E_o1:0.25", "key:h2:0.7"))


def test_remembered_highlighting_is_the_highlighting_and_follows_every_argument():
    from pymdownx.highlight import Highlight

    from remembered import remember_highlighting

    code = "def f(x):\n    return x + 1\n"
    plain = Highlight(None, linenums=False).highlight(code, "python", code_block_count=0)
    remember_highlighting()
    assert Highlight.highlight.remembers
    for _ in range(2):  # kept, then recalled
        assert Highlight(None, linenums=False).highlight(code, "python", code_block_count=0) == plain
    assert Highlight(None, linenums=False).highlight(code + "y = 2\n", "python", code_block_count=0) != plain
    assert Highlight(None, linenums=True).highlight(code, "python", code_block_count=0) != plain
    numbered = Highlight(None, linenums=True, line_anchors="a")
    assert numbered.highlight(code, "python", code_block_count=3) != numbered.highlight(code, "python", code_block_count=4)


def test_remembered_search_sections_are_each_pages_own():
    """The same HTML on two pages (a rebuild after a title changed) gives each page its own entry."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex

    from remembered import remember_search_sections

    remember_search_sections()

    def entries(title: str, url: str):
        index = SearchIndex()
        page = SimpleNamespace(meta={}, content="<p>Untitled text</p><h2 id=\"b\">B</h2><p>more</p>",
                               toc=[], url=url, title=title)
        index.add_entry_from_context(page)
        return [(e["location"], e["title"], e["text"]) for e in index.entries]

    first = entries("First", "one/")
    assert first == [("one/", "First", "<p>Untitled text</p>"), ("one/#b", "B", "<p>more</p>")]
    assert entries("Second", "two/") == [("two/", "Second", "<p>Untitled text</p>"), ("two/#b", "B", "<p>more</p>")]
    assert entries("First", "one/") == first


def test_remembered_templates_are_compiled_again_when_their_source_changes():
    import jinja2

    from remembered import _CompiledTemplates

    kept, sources = _CompiledTemplates(), {"page.html": "one {{ x }}"}

    def render():  # a new environment per build, as MkDocs makes
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=kept)
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1" and len(kept.kept) == 1
    assert render() == "one 1"
    sources["page.html"] = "two {{ x }}"
    assert render() == "two 1"


def test_nbconvert_compiles_its_templates_once_per_process(monkeypatch):
    """Every exporter makes a new Jinja environment; with remember_notebook_templates they share
    the compiled templates, and render the same page."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    from remembered import remember_notebook_templates

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A"), nbformat.v4.new_code_cell("1 + 1")])
    before = HTMLExporter().from_notebook_node(notebook)[0]
    remember_notebook_templates()
    compiled = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, *a, **k: compiled.append(a) or compile_(self, *a, **k))
    first = HTMLExporter().from_notebook_node(notebook)[0]
    done = len(compiled)
    second = HTMLExporter().from_notebook_node(notebook)[0]
    assert first == second == before
    assert len(compiled) - done <= done / 4  # the second exporter compiles (almost) nothing


def test_the_search_index_is_split_by_edition(tmp_path):
    from editions import split_search_index

    (tmp_path / "search").mkdir()
    docs = [{"location": "", "title": "Home", "text": ""}, {"location": "a/#x", "title": "X", "text": "x"},
            {"location": "ko/", "title": "홈", "text": ""}, {"location": "ko/a/#x", "title": "엑스", "text": "x"},
            {"location": "kor/", "title": "a page whose name starts like the folder", "text": ""}]
    merged = {"config": {"lang": ["en", "ko"], "separator": "[\\s]+"}, "docs": docs}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged), encoding="utf-8")
    split_search_index(tmp_path, {"en": ["en"], "ko": ["en", "ko"]}, "en")
    english = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    korean = json.loads((tmp_path / "ko" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in english["docs"]] == ["", "a/#x", "kor/"]
    assert [d["location"] for d in korean["docs"]] == ["", "a/#x"] and korean["docs"][1]["title"] == "엑스"
    assert english["config"] == {"lang": ["en"], "separator": "[\\s]+"} and korean["config"]["lang"] == ["en", "ko"]


def test_interface_words_are_the_edition_s():
    from editions import in_edition_words

    config = '<script id="__config" type="application/json">{"translations": {"clipboard.copy": "클립보드로 복사"}}</script>'
    page = (config + '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
            '<clipboard-copy ,="" aria-label="Copy to Clipboard" for="cell-1"></clipboard-copy>'
            '<clipboard-copy aria-label="Copy to Clipboard" for="cell-2"></clipboard-copy>')
    out = in_edition_words(page, {"permalink": "고유 링크"})
    assert 'title="고유 링크"' in out and "Permanent" not in out
    assert out.count('<clipboard-copy aria-label="클립보드로 복사" for="cell-') == 2 and ',=""' not in out
    plain = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
    assert in_edition_words(plain, {"permalink": "Permanent link"}) == plain  # no copy button, no configuration needed


def test_a_korean_page_s_base_is_its_edition_s_folder():
    from editions import with_edition_base

    page = '<head><script id="__config" type="application/json">{"annotate": null, "base": "../..", "x": 1}</script>'
    assert with_edition_base(page, "ko") == page.replace('"base": "../.."', '"base": "../../ko/"')
    with pytest.raises(ValueError, match="__config"):
        with_edition_base("<head></head>", "ko")


def test_remembered_pages_are_rendered_again_when_any_input_changes(tmp_path, monkeypatch):
    """On serve, a page's HTML is kept by its Markdown, its address, the files it may link to and
    the contents of what it includes: the same page again is not converted; an edit to an
    included file, to the page or to the files is."""
    import markdown
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from pymdownx.snippets import SnippetPreprocessor

    from remembered import remember_rendered_pages

    monkeypatch.setattr(Page, "render", Page.render)  # restored after the test
    monkeypatch.setattr(SnippetPreprocessor, "read_lines", SnippetPreprocessor.read_lines)
    remember_rendered_pages()
    converted = []
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda self, text: converted.append(text) or convert(self, text))

    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - toc\n  - tables\n"
                                         f"  - pymdownx.snippets:\n      base_path: [{json.dumps(str(docs))}]\n"
                                         "      check_paths: true\n")
    (docs / "table.md").write_text("| value |\n| - |\n| 0.1 |\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))

    def rendered(text: str, names=("a.md", "b.md")):
        files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in names])
        page = Page(None, files.get_file_from_path("a.md"), config)
        page.markdown = text
        page.render(config, files)
        return page, files

    text = '# A\n\n## Values\n\n--8<-- "table.md"\n\nSee [X](b.md#x).\n'
    first, _ = rendered(text)
    assert "<td>0.1</td>" in first.content and len(converted) == 1
    again, files = rendered(text)
    assert len(converted) == 1
    assert (again.content, again._title_from_render, again.present_anchor_ids) == (
        first.content, first._title_from_render, first.present_anchor_ids)
    assert [item.title for item in again.toc] == [item.title for item in first.toc] == ["A"]
    assert again.links_to_anchors == {files.get_file_from_path("b.md"): {"x": "b.md#x"}}
    (docs / "table.md").write_text("| value |\n| - |\n| 0.2 |\n")
    assert "<td>0.2</td>" in rendered(text)[0].content and len(converted) == 2
    assert "Other" in rendered(text.replace("See", "Other"))[0].content and len(converted) == 3
    rendered(text.replace("See", "Other"), names=("a.md", "b.md", "c.md"))
    assert len(converted) == 4


NOTEBOOK_PAGE = """<html><head><link rel="stylesheet" href="../../assets/main.css"></head><body><article>
<style type="text/css">pre { line-height: 125%; }</style>
<style type="text/css">.jp-Notebook { padding: 0; }</style>
<!-- Load mathjax --><!-- End of mathjax configuration -->
<style type="text/css">.jp-Cell { margin: 0; }</style>
<div class="jupyter-wrapper"><div class="jp-Notebook">cells</div></div>
<style>.md-clipboard { color: red; }</style></article></body></html>"""


def test_a_notebook_page_s_styles_move_to_one_shared_stylesheet_in_their_order(tmp_path):
    from notebook_styles import with_shared_stylesheet

    english = with_shared_stylesheet(NOTEBOOK_PAGE, "notebooks/forward/", tmp_path)
    korean = with_shared_stylesheet(NOTEBOOK_PAGE, "ko/notebooks/forward/", tmp_path)
    (sheet,) = (tmp_path / "assets" / "stylesheets").iterdir()
    assert sheet.read_text(encoding="utf-8") == ("pre { line-height: 125%; }\n.jp-Notebook { padding: 0; }\n"
                                                 ".jp-Cell { margin: 0; }")
    # linked where the first block stood, from either edition's depth; the notebook and the page's
    # other styles (after the notebook) untouched
    head, _, rest = english.partition('<div class="jupyter-wrapper">')
    assert head.count("<style") == 0 and head.count(f'href="../../assets/stylesheets/{sheet.name}"') == 1
    assert head.startswith(NOTEBOOK_PAGE[:NOTEBOOK_PAGE.index("<style")] + "<link")
    assert rest == NOTEBOOK_PAGE.partition('<div class="jupyter-wrapper">')[2]
    assert f'href="../../../assets/stylesheets/{sheet.name}"' in korean
    # another theme, another file: a browser never keeps a stale one under the same name
    with_shared_stylesheet(NOTEBOOK_PAGE.replace("125%", "130%"), "notebooks/forward/", tmp_path)
    assert len(list((tmp_path / "assets" / "stylesheets").iterdir())) == 2


def test_a_notebook_page_s_styles_stay_when_markup_stands_between_them(tmp_path):
    from notebook_styles import with_shared_stylesheet

    with pytest.raises(ValueError, match="markup between"):
        with_shared_stylesheet(NOTEBOOK_PAGE.replace("<!-- Load mathjax -->", "<p>x</p>"), "notebooks/x/", tmp_path)
    with pytest.raises(ValueError, match="not a notebook page"):
        with_shared_stylesheet("<html><body><p>x</p></body></html>", "x/", tmp_path)

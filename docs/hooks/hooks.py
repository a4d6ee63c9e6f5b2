"""MkDocs hooks (``mkdocs.yml: hooks``), the site's only build code; none of it ships in the package.

* math to MathML (:mod:`mathml`), so pages load no math script; the numbers substituted into
  formulas marked for the live example (:mod:`live`);
* notebook pages made self-contained, their table of contents matched to their headings
  (:mod:`toc`), given a description of their own (:mod:`descriptions`), and JupyterLab's styles
  shared in one stylesheet (:mod:`notebook_styles`);
* when notebooks execute, and how (:mod:`notebooks`);
* on ``mkdocs serve``, an edit under ``derivations/`` regenerates the tables (:mod:`regenerate`);
* what every page and edition repeats (highlighting, search sections, compiled templates, and
  on ``serve`` each page's Markdown) done once per process (:mod:`remembered`);
* a search index for each edition (:mod:`editions`).
"""

from __future__ import annotations

import re
from pathlib import Path

import notebooks
from mkdocs.plugins import CombinedEvent, event_priority
import regenerate
from descriptions import notebook_description
from editions import in_edition_words, split_search_index, with_edition_base
import remembered
from live import mark_live_numbers
from mathml import render_arithmatex, render_notebook, strip_notebook_scripts
from notebook_styles import with_shared_stylesheet
from search_text import readable_search_index
from toc import match_headings, remember_headings, with_english_ids


def on_startup(command: str, dirty: bool) -> None:
    notebooks.SERVING = regenerate.SERVING = command == "serve"


def on_config(config):
    root = Path(config.config_file_path).parent
    notebooks.patch_nbconvert()
    remembered.remember_highlighting()
    remembered.remember_search_sections()
    if notebooks.SERVING:
        remembered.remember_rendered_pages()
    notebooks.configure(config.plugins["mkdocs-jupyter"].config, root)
    return config


@event_priority(-200)  # after the i18n plugin (-100) has made this edition's files
def on_files(files, config):
    default, locales = _editions(config)
    notebooks.as_notebook_pages(files, config.plugins["mkdocs-jupyter"], config.theme["language"], locales, default)
    notebooks.execute_all(files, config.plugins["mkdocs-jupyter"])
    return files


def on_pre_build(config) -> None:
    regenerate.tables_if_derivations_changed(Path(config.config_file_path).parent)


_DEFAULT_EDITION: dict[str, bytes] = {}


def sitemaps_and_404(config) -> None:
    """The i18n plugin builds the Korean edition into the same site folder, so its theme templates
    land at the root: keep the English 404 page there, and give ko/ the sitemap that Material
    reads beside the edition it shows (a Korean page would otherwise request a missing one).
    Runs before the plugin's own ``on_post_build`` (priority -100), which starts the next edition."""
    site = Path(config.site_dir)
    language = config.theme["language"]
    if language == _editions(config)[0]:
        _DEFAULT_EDITION["404.html"] = (site / "404.html").read_bytes()
        return
    folder = site / language
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (folder / name).write_bytes((site / name).read_bytes())
    (site / "404.html").write_bytes(_DEFAULT_EDITION["404.html"])


def _editions(config) -> tuple[str, list[str]]:
    """The default edition's locale and every built one's."""
    languages = [language for language in config.plugins["i18n"].config.languages if language.build]
    return next(language.locale for language in languages if language.default), [l.locale for l in languages]


@event_priority(-150)  # after the i18n plugin has built every edition and merged their indexes
def split_search(config) -> None:
    """Once every edition is built: its formulas written as text (search_text.py), a search index
    for each (its own words: English alone for the English edition; English and Korean for the
    Korean one, whose pages hold English terms)."""
    if config.plugins["i18n"].building:  # inside the outer build: the next edition comes yet
        return
    default, locales = _editions(config)
    readable_search_index(Path(config.site_dir) / "search" / "search_index.json",
                          tuple(locale for locale in locales if locale != default))
    split_search_index(Path(config.site_dir),
                       {locale: [default] if locale == default else [default, locale] for locale in locales}, default)


on_post_build = CombinedEvent(sitemaps_and_404, split_search)


def on_env(env, config, files):
    env.bytecode_cache = remembered.TEMPLATES
    return env


def on_pre_page(page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        notebooks.wait_for_execution()
    return page


def on_page_context(context, page, config, nav):
    if page.file.src_uri.endswith(".ipynb") and not page.meta.get("description"):
        description = notebook_description(Path(page.file.abs_src_path))
        if description:
            page.meta["description"] = description
    return context


_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_head_alternates(output: str) -> str:
    """The page without the ``<link rel="alternate" hreflang>`` tags of its head. Material reads
    each as a language's root and requests ``sitemap.xml`` beside it, but the i18n plugin points
    them at the page's twin (``ko/perceptron/sitemap.xml``: a 404 on every page). The language
    menu's links to the twin stay, and the sitemap lists each page's twins for search engines."""
    head, end, body = output.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + end + body  # the body is most of a page


def on_post_page(output: str, page, config) -> str:
    output = in_edition_words(without_head_alternates(output), config.extra["words"])
    default, _ = _editions(config)
    if config.theme["language"] != default:
        output = with_edition_base(output, config.theme["language"])
    if page.file.src_uri.endswith(".ipynb"):
        output = strip_notebook_scripts(render_notebook(output))
        output = with_shared_stylesheet(output, page.url, Path(config.site_dir))
        name = page.file.src_uri.replace(".ko.", ".")
        if name == page.file.src_uri:
            remember_headings(name, output)
        else:
            output = with_english_ids(name, output)
        return match_headings(output)
    return mark_live_numbers(render_arithmatex(output))

"""The built site as a reader's browser shows it: served on 127.0.0.1, opened in Debian's Chromium
with Playwright, and checked for everything that would make a page incomplete.

Used by ``tests/test_browser.py`` and ``benchmarks/bench_site.py``. Playwright is imported by the
caller (it is a test dependency, not a dependency of the site).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# No host but the local server resolves: a request elsewhere fails at once (the checks report it
# when it starts). Refusing it with Playwright's routing instead would turn off the HTTP cache.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}
"""Playwright's ``color_scheme`` and the Material palette it must select."""


def nav_pages(config_file: Path) -> list[str]:
    """The URL (relative to the site root, directory style) of every page in mkdocs.yml's nav."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as f:
        config = yaml_load(f)

    def walk(entry) -> list[str]:
        if isinstance(entry, list):
            return [url for item in entry for url in walk(item)]
        if isinstance(entry, dict):
            return [url for value in entry.values() for url in walk(value)]
        if "://" in entry:
            return []  # an external link in the nav is not a page of the site
        stem = entry.rsplit(".", 1)[0]
        if stem == "index" or stem.endswith("/index"):
            return [stem[: -len("index")]]
        return [stem + "/"]

    return walk(config["nav"])


def site_pages(config_file: Path) -> list[str]:
    """Every page a reader can reach: the navigation of both editions (the Korean one under
    ``ko/``, as mkdocs-static-i18n builds it) and the 404 page."""
    pages = nav_pages(config_file)
    return [*pages, *(f"ko/{page}" for page in pages), "404.html"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(site: Path):
    """``site`` served on a free local port (``static_server.py``); yields the base URL and stops
    the server by its PID afterwards."""
    port = free_port()
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("static_server.py")), str(port), str(site)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"the site server on port {port} did not start") from None
                time.sleep(0.05)
        yield base
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def elsewhere(url: str, site: str) -> bool:
    """Whether a request for ``url`` leaves ``site`` (an origin or a base address); a ``data:`` or
    ``blob:`` address is the page's own."""
    return not url.startswith((site, "data:", "blob:"))


def record_requests_elsewhere(context, site: str, into: list[str]) -> None:
    """Append to ``into`` the address of every request of ``context`` that leaves ``site`` (it
    fails: no other host resolves, :data:`CHROMIUM_ARGS`)."""
    context.on("request", lambda request: into.append(request.url) if elsewhere(request.url, site) else None)


def search(page, query: str):
    """Type ``query`` into Material's search box of the open ``page`` as a reader does, once the
    index is ready (Material then shows its placeholder); returns the results' locator, once the
    first has appeared. Material searches on a key's release, which Hangul typed by an input
    method also gives."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("""() => document.querySelector(".md-search-result__meta")?.textContent
        === JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]""",
                           timeout=15000)
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@dataclass
class Visit:
    """What one page load did: the problems a reader would meet, every request, and its cost."""

    url: str
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    transferred: int = 0
    """Bytes of every response body and header, the page and all it loaded."""
    load_ms: float = 0.0
    """From the start of navigation to the end of the load event."""
    math_ms: float = 0.0
    """From the start of navigation to the first frame, once the document is parsed, in which every
    displayed formula has a size (MathML is laid out by the browser, no script typesets it)."""
    numbers: dict = field(default_factory=dict)
    """:data:`NUMBERS_ON_SCREEN` in this state: the window's width, how many eight-decimal numbers
    the main text shows, and those outside the window with their horizontal extent."""


# Every eight-decimal number of the article that a reader sees without a click, and those of them
# not wholly inside the window's width. Numbers in code, a figure or a block folded when the page
# loaded (the evidence, one click away: its summary counts) are not the main text. The folded
# blocks are noted on the first call, so later calls (the checks unfold them) count the same.
NUMBERS_ON_SCREEN = r"""
() => {
  window.__foldedAtLoad ??= new Set([...document.querySelectorAll("details")].filter((d) => !d.open));
  const EIGHT = /-?\d+\.\d{8}(?!\d)/g;
  function* ancestors(el) { for (let a = el.parentElement; a; a = a.parentElement) yield a; }
  const hidden = (el) => el.closest("pre, code, svg, figure") || [...ancestors(el)].some(
    (a) => window.__foldedAtLoad.has(a) && !a.firstElementChild?.contains(el));
  const article = document.querySelector("article.md-content__inner");
  const width = document.documentElement.clientWidth, outside = [];
  let found = 0;
  if (!article) return {width, found, outside};
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    if (hidden(node.parentElement)) continue;
    for (const m of node.data.matchAll(EIGHT)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const r = range.getBoundingClientRect();
      found += 1;
      if (r.left < 0 || r.right > width + 0.5)
        outside.push({number: m[0], left: Math.round(r.left), right: Math.round(r.right)});
    }
  }
  return {width, found, outside};
}
"""

# Text a reader would see as raw TeX: math delimiters or a backslash command outside code.
_PAGE_CHECKS = r"""
() => {
  const problems = [];
  const numbers = (""" + NUMBERS_ON_SCREEN + r""")();
  for (const d of document.querySelectorAll("details")) d.open = true;  // collapsed blocks too
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest("code, pre, script, style, textarea, math")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const tex = /\$[^$\s][^$]*\$|\\[()\[\]]|\\[A-Za-z]{2,}/;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const match = node.data.match(tex);
    if (match && node.parentElement.checkVisibility()) {
      problems.push(`raw TeX visible: ${JSON.stringify(node.data.trim().slice(0, 80))}`);
    }
  }
  const size = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // Hidden on purpose (the other copy of the contents at this width) is not unrendered.
  const maths = [...document.querySelectorAll("math")].filter((m) => m.checkVisibility());
  const unsized = maths.filter((m) => !size(m)).length;
  if (unsized) problems.push(`${unsized} of ${maths.length} displayed formulas have no size`);
  if (document.querySelector("merror")) problems.push("a formula holds a MathML error");
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0) problems.push(`image not loaded: ${img.src}`);
  }
  for (const svg of document.querySelectorAll(".md-content svg")) {
    if (svg.checkVisibility() && !size(svg)) {
      problems.push(`svg without size: ${svg.outerHTML.slice(0, 80)}`);
    }
  }
  return {
    problems,
    numbers,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
}
"""

# Installed before the page's own scripts: from the first animation frame after the document is
# parsed, checks every frame whether each displayed formula has a size, and records when.
_MATH_WATCH = r"""
window.__mathRendered = new Promise((resolve) => {
  const sized = (m) => { const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const check = () => {
    if (document.readyState !== "loading"
        && [...document.querySelectorAll("math")].filter((m) => m.checkVisibility()).every(sized)) {
      resolve(performance.now());
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
});
"""

# A promise that never settles has no timeout of its own: race it against a timer.
_MATH_RENDERED = """
Promise.race([window.__mathRendered, new Promise((resolve) => setTimeout(() => resolve(null), 10000))])
"""


# Each page starts from the system's scheme, as on a first visit: the checks switch the palette
# themselves, and Material would otherwise carry that choice to the next page (localStorage).
_FORGET_PALETTE = """
for (const key of Object.keys(localStorage)) if (key.endsWith("__palette")) localStorage.removeItem(key);
"""

# A reader's click on the palette toggle: Material listens for "change" on its radio inputs.
_CHOOSE_PALETTE = """
(scheme) => {
  const input = document.querySelector(`input[name="__palette"][data-md-color-scheme="${scheme}"]`);
  input.checked = true;
  input.dispatchEvent(new Event("change"));
}
"""

# Once the page has laid itself out again and its transitions (Material's search box widening from
# the phone's icon, say) have run: a moment in a transition is not how the page looks.
_SETTLED = """
new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  .then(() => Promise.race([
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ]))
  .then(() => null)
"""


def new_context(browser, viewport: str, scheme: str):
    """A browser context as a reader's at ``viewport`` (a key of VIEWPORTS) in ``scheme``."""
    # Reduced motion, which Material honours by dropping its transitions: a page checked after a
    # resize or a change of scheme is then checked as it settles, not a quarter second later.
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, reduced_motion="reduce",
                                  service_workers="block")
    context.add_init_script(_FORGET_PALETTE)
    context.add_init_script(_MATH_WATCH)
    return context


STATES = [("desktop", "light"), ("phone", "light"), ("phone", "dark"), ("desktop", "dark")]
"""Every viewport in every scheme, in an order that changes one of them at a time."""


def visit(browser, url: str, viewport: str, scheme: str, screenshot: Path | None = None,
          weigh: bool = False) -> Visit:
    """Open ``url`` at ``viewport`` (a key of VIEWPORTS) in ``scheme`` (of SCHEMES), in a context of
    its own, and report every problem: :func:`visit_states` with that one state."""
    shots = (lambda viewport, scheme: screenshot) if screenshot else None
    return visit_states(browser, url, [(viewport, scheme)], shots, weigh=weigh)[viewport, scheme]


def visit_states(browser, url: str, states: list[tuple[str, str]], screenshots=None, tab=None,
                 weigh: bool = False) -> dict[tuple[str, str], Visit]:
    """Open ``url`` once and report every problem in each ``(viewport, scheme)`` of
    ``states``, as a reader would meet them resizing the window and switching the palette: the
    page loads in the first state; each next one is reached by resizing the viewport or choosing
    the scheme (the system's preference and Material's palette toggle), and checked afresh. What
    the load did (requests, errors, timings) belongs to every state. Requests to any other origin
    are recorded and reported (and fail: no other host resolves, :data:`CHROMIUM_ARGS`).

    The page opens in ``tab`` if given, a page of a context made by :func:`new_context`: pages
    visited one after another then share the browser's cache and the tab, as a reader's following
    links do (a new tab for each page would cost Chromium a new renderer process, half of all
    the checking). The tab is first set back to the first state. Without a tab, the page opens in
    a context of its own. ``screenshots(viewport, scheme)`` names a file for a full-page picture of
    a state, or None. ``weigh`` adds up the bytes transferred (a round trip per request, so only
    when asked)."""
    from playwright.sync_api import Error as PlaywrightError

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    loaded = Visit(url)
    context = new_context(browser, *states[0]) if tab is None else None
    results = {}
    listeners = {}
    page = tab
    try:
        if tab is None:
            page = context.new_page()
        else:
            page.set_viewport_size(VIEWPORTS[states[0][0]])
            page.emulate_media(color_scheme=states[0][1])

        pending = set()

        def started(request):
            loaded.requests.append(request.url)
            pending.add(request)
            if elsewhere(request.url, origin + "/"):
                loaded.problems.append(f"request to another host: {request.url}")

        def finished(request):
            pending.discard(request)
            if not weigh:
                return
            try:
                sizes = request.sizes()
            except PlaywrightError:  # a request that ends as the page closes has no sizes left
                return
            loaded.transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]

        def response(r):
            if r.status >= 400:
                loaded.problems.append(f"HTTP {r.status}: {r.url}")

        def failed(request):
            if request.url.startswith(origin + "/"):  # another host's are reported as they start
                loaded.problems.append(f"request failed ({request.failure}): {request.url}")
            pending.discard(request)

        def console(message):
            if message.type == "error":
                loaded.problems.append(f"console error: {message.text}")

        listeners = {"request": started, "requestfinished": finished, "response": response,
                     "requestfailed": failed, "console": console,
                     "pageerror": lambda e: loaded.problems.append(f"script error: {e}")}
        for event, listener in listeners.items():
            page.on(event, listener)

        page.goto(url, wait_until="load")
        math_ms = page.evaluate(_MATH_RENDERED)
        if math_ms is None:
            loaded.problems.append("formulas still without size 10 s after load")
        else:
            loaded.math_ms = math_ms
        loaded.load_ms = page.evaluate('performance.getEntriesByType("navigation")[0].loadEventEnd')

        shown = states[0]
        for viewport, scheme in states:
            if viewport != shown[0]:
                page.set_viewport_size(VIEWPORTS[viewport])
            if scheme != shown[1]:
                page.emulate_media(color_scheme=scheme)
                page.evaluate(_CHOOSE_PALETTE, SCHEMES[scheme])
            if (viewport, scheme) != shown:
                page.evaluate(_SETTLED)
            shown = viewport, scheme
            checks = page.evaluate(_PAGE_CHECKS)
            result = results[viewport, scheme] = Visit(url, list(checks["problems"]), numbers=checks["numbers"])
            if checks["scheme"] != SCHEMES[scheme]:
                result.problems.append(f"colour scheme {checks['scheme']!r}, expected {SCHEMES[scheme]!r}")
            if checks["scrollWidth"] > checks["innerWidth"]:
                result.problems.append(
                    f"horizontal overflow: {checks['scrollWidth']} px wide in a {checks['innerWidth']} px window")
            picture = screenshots(viewport, scheme) if screenshots else None
            if picture is not None:
                picture.parent.mkdir(parents=True, exist_ok=True)
                # JPEG: a full page as PNG took twice as long to encode, for pictures only people look at
                page.screenshot(path=str(picture), full_page=True, type="jpeg", quality=70)
        # Until every request made has ended (the search worker's scripts end after the load, while
        # the states are checked): "networkidle" would add 500 ms of waiting for quiet to every
        # visit, a minute of the suite.
        deadline = time.monotonic() + 10
        while pending and time.monotonic() < deadline:
            page.wait_for_timeout(20)
        if pending:
            loaded.problems.append(f"requests unfinished 10 s after load: {sorted(r.url for r in pending)}")
    finally:
        if tab is None:
            context.close()
        else:  # the next page's visit listens for itself
            for event, listener in listeners.items():
                page.remove_listener(event, listener)
    for result in results.values():  # what went wrong at any moment went wrong for every state
        result.problems[:0] = loaded.problems
        result.requests = loaded.requests
        result.transferred, result.load_ms, result.math_ms = loaded.transferred, loaded.load_ms, loaded.math_ms
    return results


def screenshot_file(page: str, viewport: str, scheme: str) -> Path | None:
    """Where a full-page screenshot of ``page`` in a state is kept, with ``SCREENSHOTS=1`` (the
    publishing workflow sets it, for people to look at); else None: they would take a third of
    the pages' checking time."""
    if os.environ.get("SCREENSHOTS") != "1":
        return None
    name = page.strip("/").replace("/", "_").replace(".html", "") or "home"
    return Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots" / f"{name}-{viewport}-{scheme}.jpg"


def read_site(site: Path, pages: list[str]) -> tuple[str, dict[str, dict[tuple[str, str], Visit]]]:
    """Every page of ``pages`` opened once and checked in every state (:func:`visit_states`), one
    after another in one tab, as one reader's browser goes from page to page. Runs beside the
    tests, in a thread of its own, so with a Playwright and a Chromium of its own. Returns the
    address the site was served at and the visits."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            tab = new_context(browser, *STATES[0]).new_page()
            return base, {page: visit_states(browser, base + page, STATES,
                                             lambda viewport, scheme: screenshot_file(page, viewport, scheme),
                                             tab)
                          for page in pages}
        finally:
            browser.close()

"""Figures drawn with matplotlib, as inline SVG that follows the page's light or dark theme."""

from __future__ import annotations

import io
import re
import warnings
from typing import Callable

from .language import both, drawing

STYLE = {"svg.hashsalt": "derivations", "svg.fonttype": "none", "font.size": 11,
         "axes.edgecolor": "black", "text.color": "black", "axes.labelcolor": "black",
         "xtick.color": "black", "ytick.color": "black"}
"""Reproducible SVG (fixed hash salt; text kept as text) with every neutral element black, so
that one replacement turns all of them into ``currentColor``."""


def svg_figure(draw: Callable, figsize: tuple[float, float], panels: int = 1,
               font_size: float = 11) -> str:
    """``draw(*axes)`` on a fresh figure of ``panels`` side-by-side axes, returned as inline SVG,
    drawn once per edition (``tr()`` inside ``draw`` gives that edition's words).

    Byte-for-byte reproducible (no date, no metadata naming the library), transparent, and drawn
    in ``currentColor`` where matplotlib would draw black, so a page's text colour is the figure's.
    Use mid-tone colours for data lines: they read on white and on near-black alike.
    """
    with drawing("en"):
        english = _svg(draw, figsize, panels, font_size)
    with drawing("ko"):
        korean = _svg(draw, figsize, panels, font_size)
    return both(english, korean) if korean != english else english


def _svg(draw: Callable, figsize: tuple[float, float], panels: int, font_size: float) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({**STYLE, "font.size": font_size}), warnings.catch_warnings():
        # Text stays text (svg.fonttype none): the reader's browser draws Hangul with its own font;
        # matplotlib's DejaVu only measures it, so its missing glyphs are no loss.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        fig, axes = plt.subplots(1, panels, figsize=figsize, squeeze=False)
        draw(*axes[0])
        fig.tight_layout()
        out = io.StringIO()
        fig.savefig(out, format="svg", transparent=True, metadata={"Date": None})
        plt.close(fig)
    svg = out.getvalue()
    svg = svg[svg.index("<svg"):]                                      # no XML prolog inside HTML
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)  # names the library version
    svg = svg.replace("#000000", "currentColor").replace(":black", ":currentColor")
    # Text matplotlib leaves unfilled (a legend's) would get SVG's default black.
    return svg.replace("<svg ", '<svg fill="currentColor" ', 1)

"""The backward pass of ``docs/backpropagation.md`` drawn: the 2-2-2 network with its forward values
on the nodes and each weight's gradient ∂E_total/∂W, one figure per step of the chain rule.

Step 1 highlights W5's single path, h1 → z3 → o1 → E_total; step 2 highlights W1's two paths,
x1 → z1 → h1, then through o1 and through o2 to E_total. Values come from
:func:`derivations.symbolic.backprop_2_2_2.solve`, printed to eight decimals. Every label's box is
computed here (:func:`layout`), so a test can check that no label sits on an edge but its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from derivations.problems import document_backprop_problem
from derivations.symbolic.backprop_2_2_2 import solve
from derivations.tables import SOURCE_PAGES
from derivations.tables.common import fixed, plain
from derivations.tables.language import tr

CHAPTER = "backward_pass"

WIDTH = 520
FONT = 16
"""Font size of every label, in viewBox units; the figure is at most WIDTH px wide on a page, so
about 11 px at a phone's 360 px column."""
EM = 0.62
"""Width of a character in em, generous for the sans-serif fonts a page may use (digits are
0.55–0.64 em), so a computed box is never narrower than the text drawn."""

COLUMNS = {"x": 48, "h": 186, "o": 352, "E": 462}
ROWS = (100, 270)
RADIUS = 21
E_BOX = (112, 48)
"""Width and height of E_total's box, which holds its name and value."""

EDGES = (("x1", "h1"), ("x2", "h1"), ("x1", "h2"), ("x2", "h2"),
         ("h1", "o1"), ("h2", "o1"), ("h1", "o2"), ("h2", "o2"))
"""W1 … W8 in the notes' order: z1 = W1·x1 + W2·x2, z2 = W3·x1 + W4·x2, z3 = W5·h1 + W6·h2, …"""

PATHS = {
    "step1": ("W5", ()),
    "step2": ("W1", ("W5", "W7")),
}
"""Each step's weight and the weights its paths pass through on the way to E_total: W5 has one
path; W1's two paths pass W5 (to o1) and W7 (to o2), whose values are factors of its gradient."""

TAG_AT = 0.3
"""Where along its edge, from the source end, a weight's tag sits: before the diagonals cross."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in viewBox units."""

    x: float
    y: float
    width: float
    height: float

    def hits(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Whether the segment a–b passes through the box (Liang–Barsky clipping)."""
        (x0, y0), (x1, y1) = a, b
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for p, q in ((-dx, x0 - self.x), (dx, self.x + self.width - x0),
                     (-dy, y0 - self.y), (dy, self.y + self.height - y0)):
            if p == 0:
                if q < 0:
                    return False
            else:
                t = q / p
                if p < 0:
                    low = max(low, t)
                else:
                    high = min(high, t)
        return low <= high


@dataclass(frozen=True)
class Label:
    """Text drawn at ``(x, y)`` (baseline, centred); ``edge`` names the edge it belongs to, if any."""

    lines: tuple[str, ...]
    x: float
    y: float
    edge: str | None = None
    marks: tuple[str | None, ...] = ()
    """Per line, where the live example finds the value the line ends with (``key:z1``,
    ``input:x1``; see :func:`_text`), or None."""

    @property
    def box(self) -> Box:
        width = max(len(line) for line in self.lines) * EM * FONT + 8
        height = len(self.lines) * FONT * 1.25 + 4
        return Box(self.x - width / 2, self.y - FONT - 2, width, height)


@dataclass(frozen=True)
class Layout:
    """Where everything goes: node centres, edges by name (W1 … W8 and the two into E_total), the
    labels, and the legend rows below the network."""

    nodes: dict[str, tuple[float, float]]
    edges: dict[str, tuple[str, str]]
    ends: dict[str, tuple[float, float]]
    labels: tuple[Label, ...]
    legend: tuple[tuple[str, str, str], ...]
    height: float


def layout(value) -> Layout:
    """Place the 2-2-2 network and its values; ``value`` maps ``z1`` … ``E_total`` and
    ``dE_dW1`` … ``dE_dW8`` to numbers (a :class:`~derivations.symbolic.backprop_2_2_2.Solution`'s
    ``value``), ``x1``, ``x2``, ``W1`` … ``W8`` to the inputs."""
    nodes = {f"{layer}{i + 1}": (COLUMNS[layer], y) for layer in "xho" for i, y in enumerate(ROWS)}
    nodes["E_total"] = (COLUMNS["E"], sum(ROWS) / 2)
    edges = {f"W{i + 1}": edge for i, edge in enumerate(EDGES)}
    edges |= {"o1→E": ("o1", "E_total"), "o2→E": ("o2", "E_total")}
    ends = {name: (COLUMNS["E"] - E_BOX[0] / 2 - 2, nodes["E_total"][1] + dy)
            for name, dy in (("o1→E", -8), ("o2→E", 8))}

    labels = []
    for name, (x, y) in nodes.items():
        if name == "E_total":  # inside its box, which the edges into it stop short of
            labels.append(Label(("E_total", fixed(value["E_total"])), x, y - 2, marks=(None, "key:E_total")))
            continue
        if name[0] == "x":
            lines, marks = (f"{name} = {plain(value[name])}",), (f"input:{name}",)
        else:
            z = f"z{_z(name)}"
            lines, marks = (f"{z} = {fixed(value[z])}", f"{name} = {fixed(value[name])}"), (f"key:{z}", f"key:{name}")
        above = y == ROWS[0]
        top = y - RADIUS - 6 - (len(lines) - 1) * FONT * 1.25 if above else y + RADIUS + FONT + 4
        labels.append(Label(lines, x, top, marks=marks))
    for weight, (a, b) in edges.items():
        if weight.startswith("W"):
            (xa, ya), (xb, yb) = nodes[a], nodes[b]
            labels.append(Label((weight,), xa + TAG_AT * (xb - xa), ya + TAG_AT * (yb - ya) + FONT * 0.35,
                                edge=weight))
    legend = tuple((weight, plain(value[weight]), fixed(value[f"dE_d{weight}"])) for weight in edges
                   if weight.startswith("W"))
    bottom = max(label.box.y + label.box.height for label in labels)
    return Layout(nodes, edges, ends, tuple(labels), legend, bottom + 24 + (len(legend) + 1) * LEGEND_ROW)


LEGEND_ROW = 28
LEGEND_COLUMNS = (70, 190, 380)
"""x of the legend's columns (weight, its value, its gradient), centred."""


def segment(plan: Layout, edge: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where ``edge`` is drawn: centre to centre, or into E_total's box up to its border."""
    a, b = plan.edges[edge]
    return plan.nodes[a], plan.ends.get(edge, plan.nodes[b])


def _z(name: str) -> int:
    """The weighted sum under a neuron: h1 is σ(z1), h2 σ(z2), o1 σ(z3), o2 σ(z4)."""
    return {"h1": 1, "h2": 2, "o1": 3, "o2": 4}[name]


def _marked(line: str, mark: str | None) -> str:
    """A line of text; with a mark (``key:z1``), its value (after " = ", or the whole line) in a
    ``<tspan data-key="z1">`` the live example rewrites."""
    if mark is None:
        return escape(line)
    kind, name = mark.split(":")
    head, _, number = line.rpartition(" = ")
    head = escape(head + " = ") if head else ""
    return f'{head}<tspan data-{kind}="{name}">{escape(number)}</tspan>'


def _text(lines: tuple[str, ...], x: float, y: float, css: str = "", marks: tuple[str | None, ...] = ()) -> str:
    cls = f' class="{css}"' if css else ""
    marks = marks or (None,) * len(lines)
    if len(lines) == 1:
        return f'<text{cls} x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{_marked(lines[0], marks[0])}</text>'
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else FONT * 1.25}">{_marked(line, mark)}</tspan>'
                    for i, (line, mark) in enumerate(zip(lines, marks)))
    return f'<text{cls} x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{spans}</text>'


def svg(step: str, value) -> str:
    """The network as inline SVG with the path of ``step`` (a key of :data:`PATHS`) highlighted.

    Colours come from the page (``currentColor`` and the classes of ``.backward`` in
    ``extra.css``), so the figure follows the light and dark themes.
    """
    plan = layout(value)
    weight, via = PATHS[step]
    on_path = {weight, *via}
    nodes_on_path = {"E_total"} | {n for w in on_path for n in plan.edges[w]}
    outputs = {n for n in nodes_on_path if n[0] == "o"}
    on_path |= {f"{o}→E" for o in outputs}
    title = {"step1": tr("Step 1: W5 reaches E_total along one path, h1 to o1 to E_total"),
             "step2": tr("Step 2: W1 reaches E_total along two paths, x1 to h1, then through o1 and "
                         "through o2")}[step]
    parts = [f'<svg class="backward" viewBox="0 0 {WIDTH} {plan.height:.0f}" role="img" '
             f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="backward-{step}-title">',
             f'<title id="backward-{step}-title">'
             + tr("{title}; each weight with its gradient dE_total/dW to eight decimals", title=title) + "</title>"]
    for name in plan.edges:
        (xa, ya), (xb, yb) = segment(plan, name)
        css = "edge path" if name in on_path else "edge"
        parts.append(f'<line class="{css}" x1="{xa}" y1="{ya}" x2="{xb}" y2="{yb}"/>')
    for name, (x, y) in plan.nodes.items():
        css = "node path" if name in nodes_on_path else "node"
        if name == "E_total":
            w, h = E_BOX
            parts.append(f'<rect class="{css}" x="{x - w / 2}" y="{y - h / 2}" width="{w}" height="{h}" rx="8"/>')
            continue
        parts.append(f'<circle class="{css}" cx="{x}" cy="{y}" r="{RADIUS}"/>')
        parts.append(_text((name,), x, y + FONT * 0.35, "name"))
    for label in plan.labels:
        if label.edge:
            box = label.box
            css = "tag path" if label.edge in on_path else "tag"
            parts.append(f'<rect class="{css}" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
                         f'height="{box.height:.1f}" rx="6"/>')
            parts.append(_text(label.lines, label.x, label.y, css))
        else:
            parts.append(_text(label.lines, label.x, label.y, "value", label.marks))
    top = plan.height - (len(plan.legend) + 1) * LEGEND_ROW + 4
    # The header is not escaped: a marked word (tr) is resolved after the figure is made.
    header = (tr("weight"), "W", "∂E_total/∂W")
    parts.append("".join(f'<text class="legend-head" x="{x:.1f}" y="{top:.1f}" text-anchor="middle">{h}</text>'
                         for h, x in zip(header, LEGEND_COLUMNS)))
    for i, row in enumerate(plan.legend):
        # The step's own weight: its whole row; a weight it passes through: its value, a factor.
        marked = 3 if row[0] == weight else 2 if row[0] in via else 0
        y = top + (i + 1) * LEGEND_ROW
        live = (None, f"input:{row[0]}", f"key:dE_d{row[0]}")
        parts.append("".join(_text((cell,), x, y, "legend path" if j < marked else "legend", (mark,))
                             for j, (cell, x, mark) in enumerate(zip(row, LEGEND_COLUMNS, live))))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def values() -> dict:
    """The document's inputs and the symbolic solution's values, by name."""
    problem = document_backprop_problem()
    solved = solve(problem).value
    value = {key: solved[key] for key in ("z1", "z2", "h1", "h2", "z3", "z4", "o1", "o2", "E_total")}
    value |= {f"dE_dW{i}": solved[f"dE_dW{i}"] for i in range(1, 9)}
    value |= {"x1": problem.x[0], "x2": problem.x[1]}
    value |= {f"W{i + 1}": w for i, w in enumerate(problem.weights)}
    return value


CAPTIONS = {
    "step1": tr("Step 1 follows W5's single path back from the error: h1 → z3 → o1 → E<sub>total</sub>. "
                "Each node shows its forward values; the legend gives every weight and its gradient "
                "∂E<sub>total</sub>/∂W, derived by SymPy and rounded to eight decimals."),
    "step2": tr("Step 2 follows W1's two paths: x1 → z1 → h1, then through W5 to o1 and through W7 to "
                "o2, both ending in E<sub>total</sub>. The values of W5 and W7 are factors of W1's "
                "gradient."),
}


def figure(step: str, value) -> str:
    """The figure of ``step`` with its caption, as raw HTML for a Markdown page, and the line
    naming this module that every generated table ends with."""
    return (f'<figure class="diagram backward-pass">\n{svg(step, value)}'
            f"<figcaption>{CAPTIONS[step]}</figcaption>\n</figure>\n\n"
            '<small class="generated-by">'
            + tr("Generated by {module}", module=f"[`derivations/tables/{CHAPTER}.py`](/{SOURCE_PAGES}/{CHAPTER}.md)")
            + "</small>\n")


def generate() -> dict[str, str]:
    """One figure per step, by path under ``docs/``."""
    value = values()
    return {f"generated/{CHAPTER}/{step}.md": figure(step, value) for step in PATHS}

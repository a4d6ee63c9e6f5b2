"""The backward pass drawn (``derivations/tables/backward_pass.py``): the built page carries both
figures with every gradient, and no label sits on an edge but its own."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from itertools import combinations

import pytest

from derivations.tables import backward_pass


class _Figures(HTMLParser):
    """The text of each ``<svg class="backward">``, one list of strings per figure: a line each
    (a ``<text>``, or a ``<tspan>`` placed on a line of its own), whatever spans mark its parts."""

    def __init__(self):
        super().__init__()
        self.figures: list[list[str]] = []
        self._depth = 0
        self._lines: list[list[str] | None] = []  # per open text/tspan: its line, or None

    def handle_starttag(self, tag, attrs):
        if tag == "svg" and dict(attrs).get("class") == "backward":
            self.figures.append([])
            self._depth = 1
        elif self._depth and tag == "svg":
            self._depth += 1
        elif self._depth and (tag == "text" or (tag == "tspan" and "x" in dict(attrs))):
            self._lines.append([])
        elif self._depth and tag == "tspan":
            self._lines.append(None)

    def handle_endtag(self, tag):
        if self._depth and tag == "svg":
            self._depth -= 1
        elif self._depth and tag in ("text", "tspan"):
            line = self._lines.pop()
            if line and "".join(line).strip():
                self.figures[-1].append("".join(line).strip())

    def handle_data(self, data):
        if not self._depth:
            return
        line = next((line for line in reversed(self._lines) if line is not None), None)
        if line is not None:
            line.append(data)
        elif data.strip():
            self.figures[-1].append(data.strip())


@pytest.fixture(scope="module")
def figures(built_site):
    site, _ = built_site
    parser = _Figures()
    parser.feed((site / "backpropagation" / "index.html").read_text(encoding="utf-8"))
    return parser.figures


def test_the_page_shows_both_steps_with_every_gradient(figures, document_solution, document_numeric):
    assert len(figures) == 2, "step 1 and step 2 each have their figure"
    for texts in figures:
        for i in range(1, 9):
            # The legend row: the weight's name, its value, its gradient to eight decimals.
            row = texts[texts.index(f"W{i}", texts.index("∂E_total/∂W")):][:3]
            gradient = Decimal(row[2])
            exact = Decimal(str(document_solution.value[f"dE_dW{i}"]))
            assert gradient == exact.quantize(Decimal("1e-8")), (i, row)
            assert abs(float(gradient) - document_numeric[f"dE_dW{i}"]) <= 5e-9  # NumPy agrees
        assert re.search(r"^o1 = 0\.\d{8}$", "\n".join(texts), re.M)


def test_no_label_sits_on_an_edge_but_its_own():
    plan = backward_pass.layout(backward_pass.values())
    for label in plan.labels:
        for edge in plan.edges:
            if edge != label.edge:
                assert not label.box.hits(*backward_pass.segment(plan, edge)), (label.lines, edge)
    for label in plan.labels:
        if label.edge:
            assert label.box.hits(*backward_pass.segment(plan, label.edge)), "a tag sits on its edge"


def test_labels_do_not_overlap_and_stay_inside_the_figure():
    plan = backward_pass.layout(backward_pass.values())
    for a, b in combinations(plan.labels, 2):
        overlap_x = min(a.box.x + a.box.width, b.box.x + b.box.width) - max(a.box.x, b.box.x)
        overlap_y = min(a.box.y + a.box.height, b.box.y + b.box.height) - max(a.box.y, b.box.y)
        assert overlap_x <= 0 or overlap_y <= 0, (a.lines, b.lines)
    for label in plan.labels:
        assert 0 <= label.box.x and label.box.x + label.box.width <= backward_pass.WIDTH, label.lines
        assert 0 <= label.box.y, label.lines


def test_a_box_is_hit_only_by_segments_through_it():
    box = backward_pass.Box(10, 10, 20, 10)
    assert box.hits((0, 15), (40, 15)) and box.hits((15, 0), (25, 40))
    assert not box.hits((0, 0), (40, 5)) and not box.hits((0, 15), (9, 15))

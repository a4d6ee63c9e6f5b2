"""What the companion notebooks (``docs_src/notebooks/``) tell a reader is true of their code.

Each notebook's introduction invites the reader to change the inputs in its first code cells and
run it again; that is only honest if every entry those cells offer is read by a code cell the
reader sees. The check is static: it follows string subscripts (``data["inputs"]["categorical"]``),
names bound to them, and loops over lists of tables, in the generated notebook's visible code.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field

import pytest

from derivations.numeric import depth_chain
from derivations.numeric import training
from derivations.problems import data_file
from derivations.symbolic import optimizers
from derivations.tables import notebooks

ANY = "*"
"""A read component: some key or element the static reading cannot name (``table[k]``, a loop)."""


@dataclass
class Reads:
    """The key paths the visible code reads. A path in ``whole`` is used as a value (passed on,
    printed), so everything under it counts as read; ``touched`` holds every path indexed at all."""
    whole: set[tuple] = field(default_factory=set)
    touched: set[tuple] = field(default_factory=set)

    def add(self, path: tuple, whole: bool) -> None:
        (self.whole if whole else self.touched).add(path)


class Reader(ast.NodeVisitor):
    """Walks the visible cells in order, as one module: a name bound to an inputs path (``inputs =
    data["inputs"]``, ``for net in data["networks"]``) stands for that path until rebound."""

    def __init__(self, roots: set[str]):
        self.roots, self.alias, self.reads = roots, {}, Reads()

    def path(self, node: ast.AST) -> tuple | None:
        if isinstance(node, ast.Name):
            return (node.id,) if node.id in self.roots and node.id not in self.alias else self.alias.get(node.id)
        if isinstance(node, ast.Subscript):
            base = self.path(node.value)
            if base is None:
                return None
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                return base + (key.value,)
            self.visit(key)
            return base + (ANY,)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "next"
                and len(node.args) == 1 and isinstance(node.args[0], ast.GeneratorExp)):
            self.bind_generators(node.args[0].generators)   # next(n for n in table if n["name"] == "…")
            return self.path(node.args[0].elt)
        return None

    def bind(self, target: ast.AST, path: tuple | None) -> None:
        if isinstance(target, ast.Name):
            if path is None:
                self.alias.pop(target.id, None)
            else:
                self.alias[target.id] = path
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind(element, None)

    def iterated(self, node: ast.AST, target: ast.AST, conditions: list[ast.expr]) -> None:
        """``for target in node``: the target is one element of the list, or the element named by a
        condition ``target["name"] == "…"`` (a pick by name reads only that element)."""
        base = self.path(node)
        if base is None:
            self.visit(node)
            self.bind(target, None)
            return
        self.reads.add(base, whole=False)
        element = ANY
        for condition in conditions:
            if (isinstance(target, ast.Name) and isinstance(condition, ast.Compare)
                    and isinstance(condition.ops[0], ast.Eq) and len(condition.comparators) == 1):
                sides = [condition.left, condition.comparators[0]]
                names = [s for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, str)]
                keys = [s for s in sides if isinstance(s, ast.Subscript) and isinstance(s.value, ast.Name)
                        and s.value.id == target.id and isinstance(s.slice, ast.Constant)
                        and s.slice.value == "name"]
                if names and keys:
                    element = ("name", names[0].value)
        self.bind(target, base + (element,))

    def bind_generators(self, generators: list[ast.comprehension]) -> None:
        for generator in generators:
            self.iterated(generator.iter, generator.target, generator.ifs)
            for condition in generator.ifs:
                self.visit(condition)

    def visit_Assign(self, node: ast.Assign) -> None:
        path = self.path(node.value)
        if path is None:
            self.visit(node.value)
        else:
            self.reads.add(path, whole=False)
        for target in node.targets:
            if isinstance(target, (ast.Name, ast.Tuple, ast.List)):
                self.bind(target, path if len(node.targets) == 1 else None)
            else:
                self.visit(target)   # dead[chain["dead_layer"] - 1] = …: the key is read

    def visit_For(self, node: ast.For) -> None:
        self.iterated(node.iter, node.target, [])
        for statement in node.body + node.orelse:
            self.visit(statement)

    def visit_comprehension_expression(self, node) -> None:
        self.bind_generators(node.generators)
        for part in ("elt", "key", "value"):
            if hasattr(node, part):
                self.visit(getattr(node, part))

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = visit_comprehension_expression

    def visit_path_expression(self, node: ast.Subscript | ast.Call) -> None:
        """``data["a"]["b"]`` or ``next(…)`` naming an inputs path is used whole; anything else is
        read into."""
        path = self.path(node)
        if path is None:
            self.generic_visit(node)
        else:
            self.reads.add(path, whole=True)

    visit_Subscript = visit_Call = visit_path_expression

    def visit_Name(self, node: ast.Name) -> None:
        path = self.path(node)
        if path is not None and isinstance(node.ctx, ast.Load):
            self.reads.add(path, whole=True)


def matches(read: tuple, offered: tuple) -> bool:
    """A read path against an offered one, component by component, over the shorter."""
    for r, o in zip(read, offered):
        if isinstance(o, tuple):   # an element of a list of tables: ("element", index, name)
            if r != ANY and r != ("name", o[2]):
                return False
        elif r not in (ANY, o):
            return False
    return True


def unread(path: tuple, value, reads: Reads) -> list[tuple]:
    """The offered entries at or under ``path`` that no visible code reads: an entry must be read
    where its table is indexed into; one used whole covers what it holds."""
    if any(len(w) <= len(path) and matches(w, path) for w in reads.whole):
        return []
    if not any(len(t) >= len(path) and matches(t, path) for t in reads.whole | reads.touched):
        return [path]
    if isinstance(value, dict):
        return [p for key, v in value.items() for p in unread(path + (key,), v, reads)]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [p for i, v in enumerate(value)
                for p in unread(path + (("element", i, v.get("name")),), v, reads)]
    return []


def offered_and_read(name: str, edition: str = "en") -> tuple[dict, Reads]:
    """The generated notebook's inputs cells (``NAME = {…}``, literals only) and what the rest of
    its visible code reads of them; hidden cells (the package's modules) read nothing here."""
    nb = json.loads(notebooks.notebook(name, edition))
    visible = ["".join(c["source"]) for c in nb["cells"]
               if c["cell_type"] == "code" and "hide-input" not in c["metadata"].get("tags", [])]
    inputs, code = {}, []
    for source in visible:
        tree = ast.parse(source)
        if (len(tree.body) == 1 and isinstance(tree.body[0], ast.Assign)
                and isinstance(tree.body[0].value, ast.Dict)):
            inputs[tree.body[0].targets[0].id] = ast.literal_eval(tree.body[0].value)
        else:
            code.append(tree)
    reader = Reader(set(inputs))
    for tree in code:
        reader.visit(tree)
    return inputs, reader.reads


def show(path: tuple) -> str:
    return path[0] + "".join(f"[{p[2] or p[1]!r}]" if isinstance(p, tuple) else f"[{p!r}]" for p in path[1:])


@pytest.mark.parametrize("name", notebooks.NOTEBOOKS)
def test_every_offered_input_is_read_by_a_visible_cell(name):
    inputs, reads = offered_and_read(name)
    assert inputs, f"{name}: no inputs cell"
    missing = [show(p) for root, value in inputs.items() for p in unread((root,), value, reads)]
    assert not missing, f"{name}: offered to change, but no visible cell reads {missing}"


def test_the_check_finds_an_unread_entry_and_an_unpicked_element():
    def check(cells: list[str]) -> list[str]:
        reader = Reader({"data"})
        for cell in cells:
            reader.visit(ast.parse(cell))
        value = {"a": {"b": 1, "c": 2}, "nets": [{"name": "x", "w": 1}, {"name": "y", "w": 2}]}
        return [show(p) for p in unread(("data",), value, reader.reads)]

    assert check(['a = data["a"]', 'print(a["b"], a["c"])', 'for n in data["nets"]: f(n["name"], n["w"])']) == []
    assert check(['print(data["a"]["b"])', 'f(data["nets"])']) == ["data['a']['c']"]
    assert check(['f(data["a"])', 'net = next(n for n in data["nets"] if n["name"] == "y")',
                  'net["w"]']) == ["data['nets']['x']"]
    assert check(['f(data["a"])', '{n["name"]: n["w"] for n in data["nets"]}']) == []


def test_the_sigmoid_chain_is_bounded_by_a_quarter_of_w_not_by_a_quarter():
    """activations, "Depth": a product of w σ'(z_k) is at most (|w|/4)^n; with |w| > 1 it passes
    (1/4)^n, which bounds it only at the data file's weight 1."""
    chain = data_file("depth_chain")
    biases = [chain["bias"]] * chain["layers"]
    passes_a_quarter = False
    for weight in (chain["weight"], 2, -3, 0.5):
        for n, gradient in enumerate(depth_chain.chain(chain["x"], weight, biases, "sigmoid"), start=1):
            assert abs(gradient) <= (abs(weight) / 4) ** n, (weight, n)
            passes_a_quarter |= abs(gradient) > (1 / 4) ** n
    assert passes_a_quarter


def test_the_notes_batch_arithmetic_divides_exactly_and_rounding_up_is_the_projects():
    """learning, "Epochs, batch size, iterations": §3.5's samples / batch size leaves no remainder,
    so the note never rounds; the project's rounding up shows on a batch size that does leave one."""
    data = data_file("learning")
    printed = {p["name"]: p["value"] for p in data["printed"]}
    samples, batch = int(printed["samples"].replace(",", "")), int(printed["batch_size"])
    assert samples % batch == 0 and samples // batch == int(printed["iterations"])
    uneven = [c["batch_size"] for c in data["fit_calls"] if c["batch_size"] != "all" and samples % c["batch_size"]]
    assert uneven
    for size in uneven:
        assert training.iterations_per_epoch(samples, size) == samples // size + 1
        assert optimizers.iterations_per_epoch(samples, size) == samples // size + 1


def test_a_dotted_key_keeps_only_its_part_of_each_table():
    value = {"a": 1, "nets": [{"name": "x", "w": 1, "source": "s"}], "b": {"c": 2, "d": 3}}
    assert notebooks.selected(value, [["b", "d"], ["nets", "w"], ["nets", "name"]], "t") == {
        "nets": [{"name": "x", "w": 1}], "b": {"d": 3}}
    assert notebooks.selected(value, [[]], "t") == value
    with pytest.raises(KeyError, match="t.b: no e"):
        notebooks.selected(value, [["b", "e"]], "t")

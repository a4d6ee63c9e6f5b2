"""Tables and the network figure of the backpropagation chapter (``docs/backpropagation.md``).

Every value comes from :mod:`derivations.symbolic.backprop_2_2_2` (exact, printed to eight
decimals); the NumPy transcripts run :mod:`derivations.numeric.backprop_2_2_2`. The notes' printed
values appear only in the "note" column, read from the data file, beside what was derived.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Callable

import sympy as sp

from derivations.numeric import backprop_2_2_2 as numeric
from derivations.problems import BackpropProblem, Printed, data_file, errata, printed_values
from derivations.problems import document_backprop_problem
from derivations.symbolic import backprop_2_2_2 as symbolic
from derivations.symbolic.backprop_2_2_2 import DEFINITIONS, FORWARD, WEIGHTS, Solution
from derivations.tables import live
from derivations.tables.common import agreement, display, fixed, math, plain, table
from derivations.tables.language import localized, tr
from derivations.tables.layout import with_attributes
from derivations.tables.scripts import shown

CHAPTER = "backprop_2_2_2"
SOURCE = "002_0d151740a80634d0.txt"


def generate() -> dict[str, str]:
    """Every generated file of the chapter, by path under ``docs/``."""
    data = data_file(CHAPTER)
    problem = document_backprop_problem()
    solution = symbolic.solve(problem)
    printed = {p.name: p for p in printed_values(data) if p.source == SOURCE}
    files = {
        "inputs.md": inputs_table(problem),
        "live_panel.md": live_panel(problem),
        "network.svg": network_svg(problem),
        "sigmoid_prime.md": sigmoid_prime_derivation(),
        "forward.md": forward_table(solution, printed),
        "step1.md": step1_tables(solution, printed),
        "step2.md": step2_tables(solution, printed),
        "update.md": update_table(solution, printed),
        "second_pass.md": forward_table(solution, printed, suffix="_new"),
        "proof.md": proof_table(),
        "agreement.md": agreement_table(solution, printed),
        "errata.md": errata_table(solution, data),
    }
    files |= {f"{name}.md": shown(CHAPTER, name) for name in ("numpy_forward", "numpy_backward", "numpy_update")}
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


# --- values and how they are shown ---------------------------------------------------------------

def _inputs(problem: BackpropProblem) -> dict[sp.Symbol, Fraction]:
    s = symbolic
    values = dict(zip(WEIGHTS, problem.weights))
    values |= {s.x1: problem.x[0], s.x2: problem.x[1], s.target_o1: problem.targets[0],
               s.target_o2: problem.targets[1], s.b_hidden: problem.biases[0],
               s.b_output: problem.biases[1], s.alpha: problem.learning_rate}
    return values


INPUT_NAMES = {symbolic.x1: "x1", symbolic.x2: "x2"} | {w: w.name for w in WEIGHTS} | {
    symbolic.target_o1: "target_o1", symbolic.target_o2: "target_o2", symbolic.alpha: "learning_rate",
    symbolic.b_hidden: "b_hidden", symbolic.b_output: "b_output"}
"""Each input's name in the live example's panel (``<input name=…>``) and in ``solve``'s problem
file: ``learning_rate`` is α, ``biases = [b_hidden, b_output]``."""


def _names(solution: Solution, suffix: str = "", updated: bool = False) -> dict[sp.Symbol, tuple[str, str]]:
    """How each symbol is written once numbers are substituted (inputs as given, the rest to
    eight decimals), and where the live example finds its value: ``input:W1`` or ``key:h1``
    (a key of ``solve``; with ``updated``, the weights are W⁺, ``key:W1_new``)."""
    names = {symbol: (plain(value), f"input:{INPUT_NAMES[symbol]}")
             for symbol, value in _inputs(solution.problem).items()}
    names |= {q: (fixed(solution.value[q.name + suffix]), f"key:{q.name + suffix}") for q in FORWARD}
    if updated:
        names |= {w: (fixed(solution.value[f"{w}_new"]), f"key:{w}_new") for w in WEIGHTS}
    return names


_MARK = re.compile(r"@(\d+)@")


def _live_parts(render: Callable[[dict[sp.Symbol, str]], str],
                names: dict[sp.Symbol, tuple[str, str]]) -> tuple[str, list[str]]:
    """``render(names)``'s LaTeX and which value each substituted number is, in the order they are
    written (``input:W5:0.45``, ``key:h1:0.51998934``).

    ``render`` is called with a numbered mark for each symbol, so the order is the printer's own;
    the marks are then replaced by the numbers."""
    symbols = list(names)
    marked = render({symbol: f"@{i}@" for i, symbol in enumerate(symbols)})
    order = [names[symbols[int(i)]] for i in _MARK.findall(marked)]
    latex = _MARK.sub(lambda m: names[symbols[int(m[1])]][0], marked)
    return latex, [f"{where}:{text}" for text, where in order]


def _live(render: Callable[[dict[sp.Symbol, str]], str], names: dict[sp.Symbol, tuple[str, str]],
          bias: sp.Symbol | None = None) -> str:
    """The cell of ``render(names)`` as inline math, carrying (``data-live``) which value each
    substituted number is (:func:`_live_parts`), for the live example to rewrite; with ``bias``,
    followed by :func:`_bias_term`."""
    latex, listing = _live_parts(render, names)
    cell = math(latex)
    if bias is not None:
        term, more = _live_parts(lambda n: n[bias], names)
        cell, listing = cell + _bias_term(term), listing + more
    return with_attributes(cell, data_live=" ".join(listing))


def _bias_term(latex: str) -> str:
    """``+ latex`` (``{} +``: a binary plus, spaced as in the formula it continues), shown only
    while the live example's inputs have a bias (live.css): the notes' network has none, so a zero
    bias is left out of the formulas."""
    return f'<span class="live-bias"> {math("{} + " + latex)}</span>'


def _dropped_bias(quantity: sp.Symbol, problem: BackpropProblem) -> sp.Symbol | None:
    """The bias in ``quantity``'s definition that is zero, and so left out of it
    (:func:`_without_zero_biases`), if any."""
    zero = {b for b, v in zip((symbolic.b_hidden, symbolic.b_output), problem.biases) if v == 0}
    return next(iter(DEFINITIONS[quantity].free_symbols & zero), None)


def _value(solution: Solution, key: str) -> str:
    """A value cell: eight decimals, marked with its key in ``solve``'s JSON."""
    return with_attributes(fixed(solution.value[key]), data_key=key)


def _without_zero_biases(expr: sp.Expr, problem: BackpropProblem) -> sp.Expr:
    """The notes' network has no biases: leave b out of the formulas where it is zero."""
    zero = {b: 0 for b, v in zip((symbolic.b_hidden, symbolic.b_output), problem.biases)
            if v == 0 and b in expr.free_symbols}
    # Rebuilding an expression reorders its terms, so only touch those that hold a bias.
    return expr.xreplace(zero) if zero else expr


_ERRORS = {symbolic.E_o1: ((symbolic.target_o1, symbolic.o1),),
           symbolic.E_o2: ((symbolic.target_o2, symbolic.o2),),
           symbolic.E_total: ((symbolic.target_o1, symbolic.o1), (symbolic.target_o2, symbolic.o2))}


def _error(quantity: sp.Symbol, names: dict[sp.Symbol, str] | None = None) -> str:
    """½(target − output)² terms written in the note's order (SymPy's printer may reorder them).

    Raises if the definition SymPy differentiates is not the sum of exactly these terms.
    """
    terms = _ERRORS[quantity]
    if sp.expand(DEFINITIONS[quantity] - sum((t - o) ** 2 for t, o in terms) / 2) != 0:
        raise ArithmeticError(f"{quantity} is not defined as the half squared error shown")
    names = names or {}
    show = lambda s: names.get(s, sp.latex(s))  # noqa: E731
    return " + ".join(rf"\frac{{1}}{{2}}\left({show(t)} - {show(o)}\right)^{{2}}" for t, o in terms)


def _definition(quantity: sp.Symbol, problem: BackpropProblem) -> str:
    expr = DEFINITIONS[quantity]
    if quantity in _ERRORS:
        return _error(quantity)
    (arg,) = expr.free_symbols if quantity.name[0] in "ho" else (None,)
    if arg is not None and expr == symbolic.sigmoid(arg):
        return rf"\sigma\left({sp.latex(arg)}\right)"
    return sp.latex(_without_zero_biases(expr, problem))


def _latex(expr: sp.Expr, names: dict[sp.Symbol, str] | None = None) -> str:
    """LaTeX in the order the note writes terms (target − output), numbers substituted by name."""
    if names is None:
        return sp.latex(expr, order="none")
    return sp.latex(expr, order="none", symbol_names=names, mul_symbol="times")


def _product(exprs, names: dict[sp.Symbol, str] | None = None) -> str:
    """Factors written one by one, as the note multiplies them, not merged by SymPy."""
    parts = [_latex(e, names) for e in exprs]
    parts = [rf"\left({p}\right)" if isinstance(e, sp.Add) else p for e, p in zip(exprs, parts)]
    return (r" \times " if names else r" \cdot ").join(parts)


def _chain(rule: symbolic.ChainRule, names: dict[sp.Symbol, str] | None = None) -> str:
    """(Σ upstream products) · local factors, each factor in its derived form."""
    terms = [_product([f.expr for f in term], names) for term in rule.upstream]
    upstream = terms[0] if len(terms) == 1 else r"\left(" + " + ".join(terms) + r"\right)"
    return upstream + (r" \times " if names else r" \cdot ") + _product([f.expr for f in rule.local], names)


def _note(name: str, value: sp.Float, printed: dict[str, Printed]) -> str:
    """The note's printed value and whether the derived value rounds to it."""
    if name not in printed:
        return "—"
    p = printed[name]
    agrees = fixed(value, p.places) == str(p.decimal)
    return f"{p.value} {'✓' if agrees else '✗'}"


# --- tables ----------------------------------------------------------------------------------------

def inputs_table(problem: BackpropProblem) -> str:
    rows = [(math(sp.latex(symbol)), with_attributes(plain(value), data_input=INPUT_NAMES[symbol]))
            for symbol, value in _inputs(problem).items()
            if not (symbol in (symbolic.b_hidden, symbolic.b_output) and value == 0)]
    return table([tr("input"), tr("value")], rows, "lr")


def sigmoid_prime_derivation() -> str:
    """σ'(z) derived, then rewritten in σ itself: the form the note uses for ∂o1/∂z3."""
    derivative, in_output = symbolic.sigmoid_prime_in_output()
    z = sp.Symbol("z")
    steps = [
        rf"\sigma(z) = {sp.latex(symbolic.sigmoid(z))}",
        rf"\frac{{d\sigma}}{{dz}} = {sp.latex(derivative)}",
        r"e^{- z} = \frac{1 - \sigma}{\sigma}",
        rf"\frac{{d\sigma}}{{dz}} = {sp.latex(in_output)}",
    ]
    return "\n".join(display(step) for step in steps)


def forward_table(solution: Solution, printed: dict[str, Printed], suffix: str = "") -> str:
    """z1 … E_total: definition, the numbers substituted, the value, the note's value."""
    names = _names(solution, suffix, updated=bool(suffix))  # the second pass uses W⁺
    rows = []
    for q in FORWARD:
        name = q.name + suffix
        expr = _without_zero_biases(DEFINITIONS[q], solution.problem)
        bias = _dropped_bias(q, solution.problem)
        if q in _ERRORS:
            numbers = _live(lambda n, q=q: _error(q, n), names)
        elif q.name[0] in "ho":
            (arg,) = expr.free_symbols
            numbers = _live(lambda n, arg=arg: rf"\sigma\left({n[arg]}\right)", names)
        else:
            numbers = _live(lambda n, q=q, expr=expr: _latex(expr, {s: t for s, t in n.items() if s != q}), names,
                            bias=bias)
        definition = math(_definition(q, solution.problem))
        if bias is not None:
            definition += _bias_term(sp.latex(bias))
        rows.append((math(sp.latex(q)), definition, numbers, _value(solution, name),
                     _note(name, solution.value[name], printed)))
    return table([tr("quantity"), tr("definition"), tr("with the numbers"), tr("value"), tr("note")], rows, "llllr")


def _factor_rows(solution: Solution, entries, printed) -> list[tuple]:
    """``entries``: (label, formula LaTeX, the numbers' cell, value key) per row."""
    return [(math(label), math(formula), numbers, _value(solution, key), _note(key, solution.value[key], printed))
            for label, formula, numbers, key in entries]


FACTOR_HEADER = [tr("partial"), tr("derived"), tr("with the numbers"), tr("value"), tr("note")]


def _gradient_label(weight: sp.Symbol) -> str:
    return rf"\frac{{\partial E_{{total}}}}{{\partial {sp.latex(weight)}}}"


def step1_tables(solution: Solution, printed: dict[str, Printed]) -> str:
    """W5 factor by factor, as the note does it, then all four output weights."""
    names = _names(solution)
    rule = symbolic.chain_rule(symbolic.W5)
    entries = [(f.latex(), _latex(f.expr), _live(lambda n, f=f: _latex(f.expr, n), names), f.key)
               for f in rule.factors]
    entries.append((_gradient_label(rule.weight), _chain(rule), _live(lambda n: _chain(rule, n), names), "dE_dW5"))
    out = [display(rule.latex()), table(FACTOR_HEADER, _factor_rows(solution, entries, printed), "llllr")]
    out.append("\n" + _weights_table(solution, WEIGHTS[4:], printed))
    return "\n".join(out)


def step2_tables(solution: Solution, printed: dict[str, Printed]) -> str:
    """W1 as the note does it: ∂E_o1/∂h1 + ∂E_o2/∂h1, then ∂h1/∂z1 and ∂z1/∂W1."""
    names = _names(solution)
    rule = symbolic.chain_rule(symbolic.W1)
    hidden = rule.local[0].of
    entries = []
    for term in rule.upstream:
        error = term[0].of
        label = rf"\frac{{\partial {sp.latex(error)}}}{{\partial {sp.latex(hidden)}}}"
        key = f"d{error.name.replace('_', '')}_d{hidden}"
        exprs = [f.expr for f in term]
        entries.append((label, _product(exprs), _live(lambda n, exprs=exprs: _product(exprs, n), names), key))
    terms = [[f.expr for f in term] for term in rule.upstream]
    entries.append((rf"\frac{{\partial E_{{total}}}}{{\partial {sp.latex(hidden)}}}",
                    " + ".join(_product(exprs) for exprs in terms),
                    _live(lambda n: " + ".join(_product(exprs, n) for exprs in terms), names), f"dE_d{hidden}"))
    entries += [(f.latex(), _latex(f.expr), _live(lambda n, f=f: _latex(f.expr, n), names), f.key)
                for f in rule.local]
    entries.append((_gradient_label(rule.weight), _chain(rule), _live(lambda n: _chain(rule, n), names), "dE_dW1"))
    out = [display(rule.latex()), table(FACTOR_HEADER, _factor_rows(solution, entries, printed), "llllr")]
    out.append("\n" + _weights_table(solution, WEIGHTS[:4], printed))
    return "\n".join(out)


def _weights_table(solution: Solution, weights, printed) -> str:
    names = _names(solution)
    rows = []
    for w in weights:
        rule = symbolic.chain_rule(w)
        key = f"dE_d{w}"
        rows.append((math(_gradient_label(w)), math(_chain(rule)), _live(lambda n, rule=rule: _chain(rule, n), names),
                     _value(solution, key), _note(key, solution.value[key], printed)))
    return table([tr("gradient"), tr("chain rule"), tr("with the numbers"), tr("value"), tr("note")], rows, "llllr")


def update_table(solution: Solution, printed: dict[str, Printed]) -> str:
    """W⁺ = W − α ∂E_total/∂W for all eight weights."""
    rows = []
    for w in WEIGHTS:
        gradient = sp.Symbol(f"dE_d{w}")
        names = _names(solution) | {gradient: (fixed(solution.value[gradient.name]), f"key:{gradient}")}
        numbers = _live(lambda n, w=w, g=gradient: rf"{n[w]} - {n[symbolic.alpha]} \times {n[g]}", names)
        key = f"{w}_new"
        rows.append((math(sp.latex(w) + "^{+}"), numbers, _value(solution, key), _note(key, solution.value[key], printed)))
    formula = display(r"W^{+} = W - \alpha \frac{\partial E_{total}}{\partial W}")
    return formula + "\n" + table([tr("weight"), tr("with the numbers"), tr("value"), tr("note")], rows, "lllr")


def proof_table() -> str:
    """For each weight: the chain-rule product and the result of subtracting the direct derivative."""
    rows = []
    for w in WEIGHTS:
        rule = symbolic.chain_rule(w)
        difference = symbolic.chain_equals_direct(w)
        rows.append((math(_gradient_label(w)), math(_chain(rule)), math(sp.latex(difference))))
    return table([tr("gradient"), tr("chain-rule product (local symbols)"), tr("product − direct derivative")],
                 rows, "llc")


def agreement_table(solution: Solution, printed: dict[str, Printed]) -> str:
    """Symbolic vs NumPy vs the note, for every value the note prints."""
    problem = solution.problem
    numbers = numeric.backprop_2_2_2(
        [float(v) for v in problem.x], [float(v) for v in problem.weights],
        [float(v) for v in problem.targets], float(problem.learning_rate),
        [float(v) for v in problem.biases])
    rows = []
    for name, p in printed.items():
        exact = solution.value[name]
        rows.append((f"`{name}`", fixed(exact, 30), fixed(numbers[name]), agreement(exact, numbers[name]),
                     _note(name, exact, printed)))
    header = [tr("value"), tr("SymPy (exact, 30 decimals)"), "NumPy (float64)", "SymPy − NumPy", tr("note")]
    return table(header, rows, "lrrrr")


def errata_table(solution: Solution, data: dict) -> str:
    """What a note printed beside what the derivation gives, and why the note's own numbers
    contradict it."""
    v = solution.value
    rows = []
    for e in errata(data):
        note_value = Fraction(e.note_value)
        if e.id == "w1-update-operand":
            alpha = solution.problem.learning_rate
            implied = note_value - alpha * Fraction(fixed(v["dE_dW1"]))
            derived = tr("{given}, so {updated}", given=f"$W_{{1}} = {plain(solution.problem.weights[0])}$",
                         updated=f"$W_{{1}}^{{+}} = {fixed(v['W1_new'])}$")
            consequence = tr("with {operand} the subtraction gives {implied}, not the {printed} the note prints",
                             operand=e.note_value, implied=fixed(implied), printed=fixed(v["W1_new"]))
        elif e.id == "z1-decimal-point":
            implied = sp.N(symbolic.sigmoid(sp.Rational(e.note_value)), symbolic.DIGITS)
            derived = f"$z_{{1}} = {fixed(v['z1'])}$, $\\sigma(z_{{1}}) = {fixed(v['h1'])}$"
            consequence = tr("σ({printed}) = {implied}, but the note's next line prints h1 = {h1}",
                             printed=e.note_value, implied=fixed(implied), h1=fixed(v["h1"]))
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        quoted = math(e.printed) if "\\" in e.printed else e.printed  # the note's LaTeX, rendered
        rows.append((f"`{e.source}` {e.section}", quoted, derived, consequence,
                     localized(e, "explanation", f"{CHAPTER}.toml")))
    return table([tr("where"), tr("the note printed"), tr("derived"), tr("the note's own numbers"), tr("why")], rows)


# --- the figure ------------------------------------------------------------------------------------

def network_svg(problem: BackpropProblem) -> str:
    """The 2-2-2 network with the example's inputs and weights, drawn as an inline SVG.

    Colours come from the page (``currentColor`` and classes styled in ``extra.css``), so the
    figure follows the light and dark themes.
    """
    columns = {"x": 70, "h": 300, "o": 530}
    rows = (70, 210)
    nodes = {f"x{i + 1}": (columns["x"], y) for i, y in enumerate(rows)}
    nodes |= {f"h{i + 1}": (columns["h"], y) for i, y in enumerate(rows)}
    nodes |= {f"o{i + 1}": (columns["o"], y) for i, y in enumerate(rows)}
    edges = [("x1", "h1"), ("x2", "h1"), ("x1", "h2"), ("x2", "h2"),
             ("h1", "o1"), ("h2", "o1"), ("h1", "o2"), ("h2", "o2")]  # W1..W8
    parts = [
        '<svg class="network" viewBox="0 0 600 280" role="img" width="100%" '
        'xmlns="http://www.w3.org/2000/svg" aria-labelledby="network-title">',
        '<title id="network-title">' + tr("The 2-2-2 network: inputs x1, x2; hidden neurons h1, h2; "
                                           "outputs o1, o2; weights W1 to W8") + '</title>',

    ]
    for i, (a, b) in enumerate(edges):
        (xa, ya), (xb, yb) = nodes[a], nodes[b]
        parts.append(f'<line x1="{xa}" y1="{ya}" x2="{xb}" y2="{yb}" stroke="currentColor" '
                     'stroke-opacity="0.55" stroke-width="1.5"/>')
        lx, ly = xa + 0.28 * (xb - xa), ya + 0.28 * (yb - ya) - 6
        parts.append(f'<text class="weight" x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle">'
                     f'W{i + 1} = <tspan data-input="W{i + 1}">{plain(problem.weights[i])}</tspan></text>')
    labels = {"x1": plain(problem.x[0]), "x2": plain(problem.x[1])}
    for name, (x, y) in nodes.items():
        parts.append(f'<circle cx="{x}" cy="{y}" r="26" fill="var(--md-default-bg-color, #fff)" '
                     'stroke="currentColor" stroke-width="2"/>')
        parts.append(f'<text x="{x}" y="{y + 6}" text-anchor="middle" font-size="20">{name}</text>')
        if name in labels:
            parts.append(f'<text class="input" x="{x}" y="{y + 50}" text-anchor="middle">'
                         f'<tspan data-input="{name}">{labels[name]}</tspan></text>')
    targets = problem.targets
    for i, name in enumerate(("o1", "o2")):
        x, y = nodes[name]
        parts.append(f'<text class="target" x="{x}" y="{y + 50}" text-anchor="middle">'
                     + tr("target {value}", value=f'<tspan data-input="target_{name}">{plain(targets[i])}</tspan>')
                     + '</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# --- the live example's panel ------------------------------------------------------------------------

PANEL_GROUPS = (
    (tr("Inputs"), ("x1", "x2")),
    (tr("Hidden weights"), ("W1", "W2", "W3", "W4")),
    (tr("Output weights"), ("W5", "W6", "W7", "W8")),
    (tr("Targets and learning rate"), ("target_o1", "target_o2", "learning_rate")),
    (tr("Biases (the notes have none)"), ("b_hidden", "b_output")),
)


def live_panel(problem: BackpropProblem) -> str:
    """The live example's form, prefilled with the problem's inputs (each ``<input>`` named as in
    :data:`INPUT_NAMES`, its default in ``data-default``). Hidden in the static page: the page's
    script (``docs/javascripts/live_backprop.js``) shows it and does the rest."""
    values = {INPUT_NAMES[symbol]: plain(value) for symbol, value in _inputs(problem).items()}
    groups = []
    for legend, names in PANEL_GROUPS:
        fields = "".join(
            f'<label class="live-field"><span>{name}</span><input name="{name}" type="text" '
            f'inputmode="decimal" autocomplete="off" spellcheck="false" value="{values[name]}" '
            f'data-default="{values[name]}"></label>' for name in names)
        groups.append(f"<fieldset><legend>{legend}</legend>{fields}</fieldset>")
    return "\n".join([
        f'<form class="live-panel" data-live="backprop_2_2_2"{live.say(live.BACKPROP_MESSAGES)} hidden '
        f'aria-label="{tr("Try your own numbers")}">',
        "<p><strong>" + tr("Try your own numbers.") + "</strong> "
        + tr("Edit any input: every value of the example below is computed again in your browser, "
             "and the address of this page keeps your numbers.") + "</p>",
        *groups,
        '<p class="live-actions"><button type="button" data-action="reset">' + tr("Reset to the notes' numbers")
        + '</button><button type="button" data-action="copy">' + tr("Copy as a problem file") + "</button></p>",
        '<p class="live-note" role="status" aria-live="polite"></p>',
        '<label class="live-toml"><span>'
        + tr("The problem file for {command}", command="<code>python -m derivations solve</code>")
        + '</span><textarea readonly rows="7" spellcheck="false"></textarea></label>',
        "</form>",
    ]) + "\n"

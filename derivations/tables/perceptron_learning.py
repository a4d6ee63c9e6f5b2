"""Tables and transcripts of the perceptron's learning (``docs/perceptron.md``, second half): the
update rules derived, 004's worked problem under each rule, and training runs epoch by epoch.

Values come from :mod:`derivations.symbolic.perceptron` (exact rationals); the NumPy transcripts
run :mod:`derivations.numeric.perceptron`. The notes' printed values appear only in "note" columns,
read from ``derivations/problems/perceptron.toml``.
"""

from __future__ import annotations

import sympy as sp

from derivations.problems import data_file, exact, exact_list, printed_values
from derivations.symbolic import perceptron as symbolic
from derivations.symbolic.perceptron import INPUTS, WEIGHTS
from derivations.tables import live
from derivations.tables.common import display, math, table
from derivations.tables.language import tr
from derivations.tables.scripts import shown
from derivations.tables.perceptron import note_cell, q, tuple_text, weights_text

CHAPTER = "perceptron"
"""The data file read, and the folder under ``docs/generated/`` written (shared with the gates)."""


def generate() -> dict[str, str]:
    """Every generated file of this part of the page, by path under ``docs/``."""
    data = data_file(CHAPTER)
    printed = {p.name: p for p in printed_values(data)}
    files = {
        "objective_rule.md": objective_rule(),
        "delta_rule.md": delta_rule(),
        "objective_example.md": objective_table(data),
        "worked.md": worked_table(data, printed),
        "worked_inputs.md": worked_inputs_text(data),
        "live.md": live_panel(data),
        "training_settings.md": training_settings_text(data),
        **training_tables(data),
        "numpy_rules.md": shown(CHAPTER, "numpy_rules"),
        "numpy_train.md": shown(CHAPTER, "numpy_train"),
    }
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


def worked_inputs(data: dict) -> dict:
    p = data["worked_problem"]
    return dict(w0=exact_list(p, "w0", 2), b0=exact(p["b0"], "b0"), point=exact_list(p, "x", 2),
                target=exact(p["t"], "t"), learning_rate=exact(p["learning_rate"], "learning_rate"))


# --- the update rules ----------------------------------------------------------------------------

def objective_rule() -> str:
    gradient = symbolic.objective_gradient()
    update = symbolic.objective_update()
    lines = [rf"J(w) = {sp.latex(symbolic.J)}"]
    lines += [rf"\frac{{\partial J}}{{\partial {sp.latex(v)}}} = {sp.latex(gradient[v])}" for v in WEIGHTS]
    lines += [rf"{sp.latex(v)} \leftarrow {sp.latex(v)} - \rho \frac{{\partial J}}{{\partial {sp.latex(v)}}}"
              rf" = {sp.latex(update[v], order='none')}" for v in WEIGHTS]
    return "\n".join(display(line) for line in lines)


def delta_rule() -> str:
    gradient = symbolic.delta_gradient()
    note = symbolic.note_rule()
    lines = [rf"y = {sp.latex(symbolic.y_linear)}, \quad E = \frac{{1}}{{2}}\left(t - y\right)^{{2}} = {sp.latex(symbolic.E)}"]
    lines += [rf"\frac{{\partial E}}{{\partial {sp.latex(v)}}} = {sp.latex(gradient[v])}" for v in WEIGHTS]
    lines += [rf"{sp.latex(v)} \leftarrow {sp.latex(v)} - \eta \frac{{\partial E}}{{\partial {sp.latex(v)}}}"
              rf" = {sp.latex(note[v], order='none')}" for v in WEIGHTS]
    symbolic.delta_update()  # raises unless the derived update is the note's formula
    return "\n".join(display(line) for line in lines)


def objective_table(data: dict) -> str:
    """J(w) on the AND data with ±1 labels, for the weight vectors of the data file."""
    example = data["objective_example"]
    labels = [1 if out else -1 for out in symbolic.gate_truth(example["gate"])]
    rows = []
    for i, w in enumerate(example["weights"]):
        w = exact_list({"w": w}, "w", 3)
        value, wrong = symbolic.objective(w, INPUTS, labels)
        terms = " + ".join(q(-labels[k] * symbolic.weighted_sum(w, INPUTS[k])) for k in wrong) or "—"
        rows.append((weights_text(w), ", ".join(tuple_text(INPUTS[k]) for k in wrong) or tr("none"),
                     len(wrong), terms, q(value)))
    header = ["$w$ = [w1, w2, b]", tr("misclassified $Y$"), tr("how many"), tr("terms $-y_k s_k$"), "$J(w)$"]
    labels_text = ", ".join(f"{tuple_text(p)} → {lab:+d}" for p, lab in zip(INPUTS, labels))
    return tr("Labels ({gate}): {labels}.", gate=example["gate"], labels=labels_text) + "\n\n" + table(header, rows, "llcll")


def worked_inputs_text(data: dict) -> str:
    v = worked_inputs(data)
    return (f"$w(0) = ({q(v['w0'][0])}, {q(v['w0'][1])})$, $b(0) = {q(v['b0'])}$, "
            f"$x = ({q(v['point'][0])}, {q(v['point'][1])})$, $t = {q(v['target'])}$, "
            f"$\\eta = {q(v['learning_rate'])}$\n")


def training_settings_text(data: dict) -> str:
    v = _training_settings(data)
    order = ", ".join(tuple_text(p) for p in v["order"])
    return tr("start $[w_1, w_2, b] = {start}$, learning rate $\\eta = {rate}$, samples in the order {order} "
              "in every epoch, at most {epochs} epochs", start=weights_text(v["start"]), rate=q(v["learning_rate"]),
              order=order, epochs=v["max_epochs"]) + "\n"


def worked_table(data: dict, printed) -> str:
    """004's problem finished under the three rules."""
    results = symbolic.worked_problem(**worked_inputs(data))
    rows_spec = [("w1x1", r"w_1(0)\, x_1"), ("w2x2", r"w_2(0)\, x_2"), ("s", r"s = w(0) \cdot x + b(0)"),
                 ("y", "y"), ("t_minus_y", "t - y"), ("w1", "w_1(1)"), ("w2", "w_2(1)"), ("b", "b(1)"),
                 ("s_new", r"s = w(1) \cdot x + b(1)"), ("y_new", "y " + tr(r"\text{ after}"))]
    rows = []
    for key, label in rows_spec:
        cells = [q(results[rule][key]) for rule in symbolic.RULES]
        rows.append((math(label), *cells, note_cell(printed, key, cells[0])))
    header = [tr("quantity"), tr("delta rule ($y = s$)"), tr(r"perceptron rule ($y = \tau(s)$)"),
              tr(r"gradient descent on $J$ ($\rho = \eta$)"), tr("note")]
    delta = results["delta"]
    sentence = "\n" + tr("Delta rule: the error $t - y$ goes from {before} to {after}, which is "
                         "$1 - \\eta\\,(x_1^2 + x_2^2 + 1) = 1 - {step}$ times the old error.",
                         before=q(delta["t_minus_y"]), after=q(delta["t_minus_y_new"]), step=q(delta["step_size"])) + "\n"
    return table(header, rows, "lrrrr") + sentence


def live_panel(data: dict) -> str:
    """004's problem with the reader's numbers: the fields prefilled from the data file, the
    results computed in the page (``docs/javascripts/perceptron.js``) under the keys of
    :func:`derivations.symbolic.perceptron.worked_values`."""
    v = worked_inputs(data)
    fields = [live.field("w0[0]", "w_1(0)", q(v["w0"][0])), live.field("w0[1]", "w_2(0)", q(v["w0"][1])),
              live.field("b0", "b(0)", q(v["b0"])), live.field("x[0]", "x_1", q(v["point"][0])),
              live.field("x[1]", "x_2", q(v["point"][1])), live.field("t", "t", q(v["target"])),
              live.field("learning_rate", r"\eta", q(v["learning_rate"]))]
    shared = [(math(r"w_1(0)\, x_1"), live.value("w1x1"), ""), (math(r"w_2(0)\, x_2"), live.value("w2x2"), ""),
              (math(r"s = w(0) \cdot x + b(0)"), live.value("s"), "")]
    labels = {"y": "y", "t_minus_y": "t - y", "w1": "w_1(1)", "w2": "w_2(1)", "b": "b(1)",
              "s_new": r"s = w(1) \cdot x + b(1)", "y_new": "y " + tr(r"\text{ after}")}
    rows = shared + [(math(label), *(live.value(f"{rule}_{key}") for rule in symbolic.LIVE_RULES))
                     for key, label in labels.items()]
    intro = tr("**Your own numbers.** Change a field and every value below is computed again, in this page, "
               "by JavaScript in float64 (`docs/javascripts/perceptron.js`, shown after this panel, beside the NumPy rules above). "
               "The table above is SymPy's, exact, for the note's numbers; a test holds the script to both "
               "Python routes, SymPy and NumPy, on a hundred random problems. The fields are kept in the "
               "page's address, so a link reproduces them.")
    header = [tr("quantity"), tr("delta rule ($y = s$)"), tr(r"perceptron rule ($y = \tau(s)$)")]
    return live.panel("perceptron", intro, fields, header, rows, tr("Reset to the note's numbers"))


# --- training ------------------------------------------------------------------------------------

def _training_settings(data: dict) -> dict:
    tr = data["training"]
    return dict(start=exact_list(tr, "start", 3), learning_rate=exact(tr["learning_rate"], "learning_rate"),
                order=[tuple(p) for p in tr["order"]], max_epochs=tr["max_epochs"])


def training_tables(data: dict) -> dict[str, str]:
    settings = _training_settings(data)
    files = {}
    for gate in data["training"]["gates"]:
        run = symbolic.train(symbolic.gate_truth(gate), **settings)
        rows = [(0, weights_text(settings["start"]), "—")]
        rows += [(e, weights_text(after[-1]), errs)
                 for e, (after, errs) in enumerate(zip(run.epochs, run.errors), start=1)]
        out = table([tr("epoch"), tr("[w1, w2, b] at its end"), tr("errors in the epoch")], rows, "clc")
        if run.converged:
            out += "\n" + tr("Converged: epoch {epoch} makes no error; the weights {weights} compute {gate}.",
                             epoch=len(run.epochs), weights=weights_text(run.epochs[-1][-1]), gate=gate) + "\n"
        else:
            out += "\n" + tr("Never converged: stopped by the limit of {limit} epochs, with {errors} errors in the last.",
                             limit=settings["max_epochs"], errors=run.errors[-1]) + "\n"
        if run.cycle:
            first, period = run.cycle
            epochs = tr("epoch") if period == 1 else tr("{period} epochs", period=period)
            # epoch `first` starts the cycle but does not repeat anything: the one before it began
            # elsewhere; the first epoch that repeats is one period later
            out += "\n" + tr("The weights at the end of epoch {last} equal those at the end of epoch {before}: "
                             "every epoch from {first} on repeats the {epochs} before it, {updates} updates that "
                             "lead back to where they began.", last=first + period - 1, before=first - 1,
                             first=first + period, epochs=epochs,
                             updates=sum(run.errors[first - 1:first - 1 + period])) + "\n"
            files[f"training_{gate.lower()}_cycle.md"] = _cycle_table(run, settings, gate)
        files[f"training_{gate.lower()}.md"] = out
    return files


def _cycle_table(run, settings, gate) -> str:
    """Sample by sample through the repeating epoch(s): the weights come back to where they began."""
    first, period = run.cycle
    start = run.epochs[first - 2][-1] if first > 1 else tuple(settings["start"])
    truth = dict(zip(INPUTS, symbolic.gate_truth(gate)))
    rows, weights = [], start
    for epoch in range(first, first + period):
        for point, after in zip(settings["order"], run.epochs[epoch - 1]):
            out = symbolic.step(symbolic.weighted_sum(weights, point))
            rows.append((epoch, tuple_text(point), truth[point], out, weights_text(after)))
            weights = after
    return (tr("Start of epoch {epoch}: {weights}.", epoch=first, weights=weights_text(start)) + "\n\n"
            + table([tr("epoch"), tr("sample"), "$t$", "$y$", tr("[w1, w2, b] after")], rows, "ccccl"))



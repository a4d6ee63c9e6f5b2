"""Tables and figures of the learning chapter (``docs/learning.md``).

The update rules and the two worked steps per optimizer come from
:mod:`derivations.symbolic.optimizers`; the long training runs and the epochs of batches from
:mod:`derivations.numeric.training` and :mod:`derivations.numeric.optimizers`. The notes' printed
values appear only in "note" columns, read from ``learning.toml``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import numpy as np
import sympy as sp

from derivations.numeric import optimizers as numeric
from derivations.numeric import training
from derivations.problems import data_file, document_backprop_problem, errata, printed_values
from derivations.symbolic import optimizers as symbolic
from derivations.symbolic.backprop_2_2_2 import WEIGHTS
from derivations.tables.common import display, fixed, math, plain, table
from derivations.tables.figures import svg_figure
from derivations.tables.language import both, localized, tr
from derivations.tables.scripts import shown

CHAPTER = "learning"
LINE_COLOURS = ("#e0803a", "#3b8fd9", "#3fae6a", "#b070d8", "#d9507f")
"""Mid-tone line colours, readable on white and on Material's near-black."""


def generate() -> dict[str, str]:
    """Every generated file of the chapter, by path under ``docs/``."""
    data = data_file(CHAPTER)
    files = {
        "optimizers.md": optimizers_table(data),
        "renamed.md": renamed_table(data),
        "keras_vs_textbook.md": keras_vs_textbook(data),
        "momentum_unrolled.md": momentum_unrolled(),
        "two_steps.md": two_steps_table(data),
        "training.md": training_table(data),
        "training.svg": training_svg(data),
        "iterations.md": iterations_table(data),
        "fit_calls.md": fit_calls_table(data),
        "epochs.md": epochs_table(data),
        "epochs.svg": epochs_svg(data),
        "errata.md": errata_table(data),
    }
    files |= {f"step_{o['key']}.md": step_table(o) for o in data["optimizers"]}
    files["numpy_training.md"] = shown(CHAPTER, "numpy_training")
    return {f"generated/{CHAPTER}/{name}": text for name, text in files.items()}


# --- formatting ------------------------------------------------------------------------------------

def _n(value: sp.Expr) -> sp.Float:
    return sp.N(value, symbolic.DIGITS)


def significant(value, digits: int = 8) -> str:
    """``value`` to ``digits`` significant digits, as LaTeX (scientific below 10⁻³)."""
    d = Decimal(str(_n(value))) if isinstance(value, sp.Basic) else Decimal(repr(float(value)))
    if d == 0:
        return "0"
    if abs(d) >= Decimal("0.001"):
        return fixed(d, max(digits - 1 - d.adjusted(), 0))
    mantissa, exponent = f"{d:.{digits - 1}e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def named(entry: dict) -> str:
    """An optimizer's or a training method's name, in the reader's language (the data file's
    ``name`` and ``korean``); ``glossed``, the English edition gives the Korean beside it."""
    return both(entry["name"], entry["korean"])


def glossed(entry: dict) -> str:
    """A name as the English edition introduces it, with the notes' Korean term; the Korean
    edition gives the term alone (its prose gives the English once)."""
    return both(f"{entry['name']} ({entry['korean']})", entry["korean"])


def korean_section(section: str) -> str:
    """A note's section title without the English gloss of its heading: ``§3.3 1. 배치 경사
    하강법(Batch Gradient Descent)`` is ``§3.3 1. 배치 경사 하강법`` in the Korean edition."""
    return both(section, re.sub(r"\s*\([A-Za-z ]+\)$", "", section))


def _hyper(o: dict) -> str:
    return ", ".join(f"{k}={v:g}" for k, v in o["hyperparameters"].items())


def keras_call(o: dict) -> str:
    """The call current Keras takes for the hyperparameters the project runs."""
    return f"keras.optimizers.{o['keras_class']}({_hyper(o)})"


def _latex_rule(rule: symbolic.Rule) -> str:
    """The state updates, then the weight update, one per line."""
    lines = [rf"{sp.latex(q)} &\leftarrow {sp.latex(e)}" for q, e in rule.next_state.items()]
    lines.append(rf"W &\leftarrow {sp.latex(rule.new_weight)}")
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


# --- the optimizers ----------------------------------------------------------------------------------

def optimizers_table(data: dict) -> str:
    rows = []
    for o in data["optimizers"]:
        rule = symbolic.RULES[o["key"]]
        start = ", ".join(rf"{sp.latex(q)} = {sp.latex(e)}" for q, e in rule.initial.items())
        rows.append((glossed(o), math(_latex_rule(rule)),
                     math(start) if start else "—", f"`{keras_call(o)}`"))
    return table([tr("optimizer"), tr("update (per weight, at step t)"), tr("state at start"), tr("runs as")], rows)


def renamed_table(data: dict) -> str:
    """The arguments of the note's calls that current Keras takes differently, and how: the
    optimizer calls of §3.3, then the layer calls of §2.4."""
    renamed, defaults, removed = data["renamed"], data["keras_defaults"], data["removed"]
    rows = []
    for o in data["optimizers"]:
        for name, printed in o["printed"].items():
            current = renamed.get(name, name)
            if name in removed:
                now, why = "—", both(removed[name], data["removed_ko"][name])
            elif printed == "None":
                now = f"`{current}={o['hyperparameters'][current]:g}`"
                why = tr("None stood for the backend's epsilon, {value}.", value=f"{defaults[name]:g}")
            elif current != name:
                now = f"`{current}={o['hyperparameters'][current]:g}`"
                why = tr("{name} was renamed.", name=f"`{name}`")
            else:
                continue
            rows.append((named(o), f"`{name}={printed}`", now, why))
    for call in data["layer_calls"]:
        where = f"`{call['layer']}` ({call['section'].split()[0]})"
        for name, printed in call["printed"].items():
            current = renamed.get(name, name)
            if name in data["warned"]:
                now, why = f"`{name}={printed}`", both(data["warned"][name], data["warned_ko"][name])
            elif current != name:
                now, why = f"`{current}={printed}`", tr("{name} was renamed.", name=f"`{name}`")
            else:
                continue
            rows.append((where, f"`{name}={printed}`", now, why))
    return table([tr("the note's call"), tr("the note's argument"), tr("current Keras"), tr("why")], rows)


def keras_vs_textbook(data: dict) -> str:
    """Where Keras' update differs from the papers' (ε inside the root; Adam's ε̂), derived."""
    adagrad = next(o for o in data["optimizers"] if o["key"] == "adagrad")
    notes = {
        "adagrad": tr("ε inside the root; the accumulator starts at G₀ (Keras' {argument}), not 0",
                      argument="initial_accumulator_value="
                               f"{adagrad['hyperparameters']['initial_accumulator_value']:g}"),
        "rmsprop": tr("ε inside the root"),
        "adam": tr("bias corrections folded into the step size; ε is the paper's ε̂"),
    }
    by_key = {o["key"]: o for o in data["optimizers"]}
    rows = []
    for key, textbook in symbolic.TEXTBOOK.items():
        rule = symbolic.RULES[key]
        rows.append((both(rule.name, by_key[key]["korean"]), math(r"\displaystyle " + sp.latex(rule.new_weight)),
                     math(r"\displaystyle " + sp.latex(textbook)), notes[key]))
    out = table([tr("optimizer"), tr("Keras: W ←"), tr("textbook: W ←"), tr("difference")], rows)
    eps_hat = symbolic.adam_epsilon_hat()
    return out + "\n" + display(rf"\hat{{\epsilon}} = {sp.latex(eps_hat)}")


def momentum_unrolled() -> str:
    return display(rf"v_{{3}} = {sp.latex(symbolic.momentum_unrolled(3))}")


# --- one and two steps on the 2-2-2 example -----------------------------------------------------------

@cache
def symbolic_steps(key: str) -> tuple[symbolic.Step, ...]:
    o = next(o for o in data_file(CHAPTER)["optimizers"] if o["key"] == key)
    return tuple(symbolic.run(key, o["hyperparameters"], document_backprop_problem(), steps=2))


def numeric_steps(o: dict, steps: int = 2) -> list[training.Snapshot]:
    """The same steps by NumPy, from the same starting weights."""
    problem = document_backprop_problem()
    return training.steps_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]),
                                [float(v) for v in problem.x], [float(v) for v in problem.weights],
                                [float(v) for v in problem.targets], steps)


def step_table(o: dict) -> str:
    """Step 1 from the document's weights: W, the gradient, the state after the step, W⁺."""
    step = symbolic_steps(o["key"])[0]
    problem = document_backprop_problem()
    rule = symbolic.RULES[o["key"]]
    header = [tr("weight"), "W", r"g = ∂E_total/∂W"] + [tr("{q} after step 1", q=q) for q in rule.state] + ["W⁺"]
    rows = []
    for w, start in zip(WEIGHTS, problem.weights):
        state = [math(significant(step.state[w][q])) for q in rule.state]
        rows.append((math(sp.latex(w)), plain(start), math(significant(step.gradient[w])), *state,
                     fixed(_n(step.weights[w]))))
    return table(header, rows, "l" + "r" * (len(header) - 1))


def two_steps_table(data: dict) -> str:
    """E_total after two steps and the largest SymPy − NumPy gap over weights and state."""
    rows = []
    for o in data["optimizers"]:
        steps, nums = symbolic_steps(o["key"]), numeric_steps(o)
        gap = 0.0
        for s, n in zip(steps, nums):
            gap = max(gap, *(abs(float(s.weights[w]) - n.weights[i]) for i, w in enumerate(WEIGHTS)))
            for q, values in n.state.items():
                gap = max(gap, *(abs(float(s.state[w][sp.Symbol(q)]) - values[i])
                                 for i, w in enumerate(WEIGHTS)))
        after_two = symbolic.error(document_backprop_problem(), steps[1].weights)
        rows.append((named(o), fixed(_n(steps[0].E_total)), fixed(_n(steps[1].E_total)),
                     fixed(sp.N(after_two, 30)), f"{gap:.1e}"))
    return table([tr("optimizer"), tr("E_total at start"), tr("after step 1"), tr("after step 2"),
                  tr("largest SymPy − NumPy gap")], rows, "lrrrr")


# --- long training runs -------------------------------------------------------------------------------

@cache
def training_runs() -> dict[str, np.ndarray]:
    data = data_file(CHAPTER)
    problem = document_backprop_problem()
    args = ([float(v) for v in problem.x], [float(v) for v in problem.weights],
            [float(v) for v in problem.targets], data["training_2_2_2"]["iterations"])
    return {o["key"]: training.train_2_2_2(numeric.make(o["keras_class"], o["hyperparameters"]), *args)
            for o in data["optimizers"]}


def training_table(data: dict) -> str:
    settings = data["training_2_2_2"]
    threshold, n, early = settings["threshold"], settings["iterations"], settings["early"]
    rows = []
    for o in data["optimizers"]:
        errors = training_runs()[o["key"]]
        reached = training.first_below(errors, threshold)
        rows.append((named(o), f"`{_hyper(o)}`", math(significant(errors[early], 4)),
                     math(significant(errors[-1], 4)),
                     f"{reached:,}" if reached is not None else both("not reached in {n}", "{n}번 안에 도달하지 못함", n=f"{n:,}")))
    return table([tr("optimizer"), tr("hyperparameters"), tr("E_total after {n}", n=early),
                  tr("after {n}", n=f"{n:,}"), tr("iterations to E_total < {threshold}", threshold=f"{threshold:g}")],
                 rows, "llrrr")


def _plot(title: str, draw) -> str:
    """``draw(ax)`` on fresh axes under ``title`` (English, written in each edition's language), as
    an inline SVG that follows the theme."""

    def titled(ax):
        ax.set_title(tr(title), fontsize=11)
        ax.spines[["top", "right"]].set_visible(False)
        draw(ax)

    return svg_figure(titled, figsize=(7.0, 3.8))


def training_svg(data: dict) -> str:
    """E_total against iterations on a log scale, one line per optimizer."""
    threshold = data["training_2_2_2"]["threshold"]

    def draw(ax):
        for colour, o in zip(LINE_COLOURS, data["optimizers"]):
            errors = training_runs()[o["key"]]
            ax.plot(np.arange(len(errors)), errors, color=colour, linewidth=1.8, label=named(o))
        ax.axhline(threshold, color="black", linewidth=0.8, linestyle=":", alpha=0.7)
        ax.annotate(f"{threshold:g}", (len(errors) - 1, threshold), textcoords="offset points",
                    xytext=(0, 4), ha="right", fontsize=9)
        ax.set_yscale("log")
        ax.set_ylim(1e-10, 0.1)
        ax.set_xlabel(tr("iteration (parameter updates)"))
        ax.set_ylabel("E_total")
        ax.legend(frameon=False, fontsize=9, loc="lower right")

    return _plot("E_total of the 2-2-2 example, one update per iteration", draw)


# --- epochs, batch size, iterations ----------------------------------------------------------------------

def _printed(data: dict) -> dict:
    return {p.name: p for p in printed_values(data)}


def as_int(printed: str) -> int:
    """A count as the note prints it, thousands separator and all: "2,000" is 2000."""
    return int(printed.replace(",", ""))


def iterations_table(data: dict) -> str:
    """§3.5's arithmetic: ⌈samples / batch size⌉ by SymPy and by NumPy's route, and the note."""
    p = _printed(data)
    samples, batch = as_int(p["samples"].value), as_int(p["batch_size"].value)
    exact = symbolic.iterations_per_epoch(samples, batch)
    counted = training.iterations_per_epoch(samples, batch)
    note = p["iterations"].value
    agrees = "✓" if exact == counted == as_int(note) else "✗"
    rows = [(tr("samples (전체 데이터)"), f"{samples:,}", "—", p["samples"].value),
            (tr("batch size (배치 크기)"), f"{batch:,}", "—", p["batch_size"].value),
            (tr("iterations per epoch (이터레이션)"),
             math(rf"\left\lceil \frac{{{samples}}}{{{batch}}} \right\rceil = {exact}"),
             f"{counted}", f"{note} {agrees}")]
    return table([tr("quantity"), "SymPy", tr("counted"), tr("note")], rows, "lrrr")


def fit_calls_table(data: dict) -> str:
    """The note's three model.fit calls on §3.5's data set: updates per epoch."""
    samples = as_int(_printed(data)["samples"].value)
    rows = []
    for call in data["fit_calls"]:
        batch = samples if call["batch_size"] == "all" else call["batch_size"]
        iterations = training.iterations_per_epoch(samples, batch)
        rows.append((glossed(call),
                     f"`{call['call']}`", f"{batch:,}", f"{iterations:,}", f"{samples - (iterations - 1) * batch:,}"))
    return table([tr("method"), tr("the note's call"), tr("batch size"),
                  tr("updates per epoch ({samples} samples)", samples=f"{samples:,}"), tr("size of the last batch")],
                 rows, "llrrr")


@cache
def epoch_runs() -> dict[str, tuple[int, training.EpochRun]]:
    """The noisy-XOR network trained with batch GD, SGD and mini-batch: batch size and run."""
    data = data_file(CHAPTER)
    d, b = data["dataset"], data["batches"]
    X, T = training.noisy_xor(d["samples"], d["noise"], np.random.default_rng(d["seed"]))
    runs = {}
    for name, batch in (("Batch gradient descent", d["samples"]), ("SGD", 1),
                        ("Mini-batch", b["mini_batch_size"])):
        rng = np.random.default_rng(b["seed"])
        layers = training.initial_layers([X.shape[1], b["hidden_units"], T.shape[1]], rng)
        run = training.train_epochs(layers, X, T, "binary_cross_entropy",
                                    numeric.SGD(b["learning_rate"]), batch, b["epochs"], rng)
        runs[name] = (batch, run)
    return runs


def epochs_table(data: dict) -> str:
    d, b = data["dataset"], data["batches"]
    rows = []
    for name, (batch, run) in epoch_runs().items():
        rows.append((tr(name), f"{batch:,}", f"{run.updates:,}",
                     f"{training.iterations_per_epoch(d['samples'], batch):,}",
                     f"{run.updates * b['epochs']:,}", fixed(run.losses[0], 4), fixed(run.losses[-1], 4)))
    setup = table([tr("data set"), tr("value")], [
        (tr("samples (noisy XOR, 2 inputs, 1 target)"), f"{d['samples']:,}"),
        (tr("noise (standard deviation)"), f"{d['noise']:g}"), (tr("data seed"), f"{d['seed']}"),
        (tr("network"), tr("{shape}, sigmoid, binary cross-entropy", shape=f"2-{b['hidden_units']}-1")),
        (tr("optimizer"), tr("{call} for every batch size", call=f"`SGD(learning_rate={b['learning_rate']:g})`")),
        (tr("epochs"), f"{b['epochs']}"), (tr("weights and shuffling seed"), f"{b['seed']}")], "lr")
    runs = table([tr("method"), tr("batch size"), tr("updates per epoch (counted)"), tr("⌈samples / batch size⌉"),
                  tr("updates in {n} epochs", n=b["epochs"]), tr("loss at start"), tr("after {n} epochs", n=b["epochs"])],
                 rows, "lrrrrrr")
    return setup + "\n" + runs


def epochs_svg(data: dict) -> str:
    """The loss on all samples after each epoch, one line per batch size."""

    def draw(ax):
        for colour, (name, (batch, run)) in zip(LINE_COLOURS, epoch_runs().items()):
            ax.plot(np.arange(len(run.losses)), run.losses, color=colour, linewidth=1.8,
                    label=tr("{name}: batch size {batch}, {updates} per epoch", name=tr(name), batch=batch,
                             updates=run.updates))
        ax.set_xlabel(tr("epoch"))
        ax.set_ylabel(tr("binary cross-entropy"))
        ax.set_ylim(0, 1.0)
        ax.legend(frameon=False, fontsize=9, loc="upper right")

    return _plot("Noisy XOR: loss on all samples after each epoch", draw)


# --- slips ------------------------------------------------------------------------------------------

def errata_table(data: dict) -> str:
    printed = _printed(data)
    # One sample more than the note's data set: the division is no longer exact.
    samples, batch = as_int(printed["samples"].value) + 1, as_int(printed["batch_size"].value)
    rows = []
    for e in errata(data):
        if e.id == "fit-undefined-name":
            derived = tr("{call}: one update per epoch", call="`batch_size=len(X_train)`")
        elif e.id == "iterations-from-epoch":
            derived = tr("{formula}; with {samples} samples it is {iterations}, not {quotient}",
                         formula=rf"$\left\lceil \text{{{tr('samples')}}} / \text{{{tr('batch size')}}} \right\rceil$",
                         samples=f"{samples:,}", iterations=training.iterations_per_epoch(samples, batch),
                         quotient=f"{samples / batch:g}")
        elif e.id == "momentum-one-step":
            derived = tr("{v3}: the gradient of step 1 is still in step 3",
                         v3=f"$v_{{3}} = {sp.latex(symbolic.momentum_unrolled(3))}$")
        else:
            raise KeyError(f"no rendering for erratum {e.id!r}")
        rows.append((f"`{e.source}` " + korean_section(e.section), e.printed, derived,
                     localized(e, "explanation", CHAPTER)))
    return table([tr("where"), tr("the note printed"), tr("derived"), tr("why")], rows)



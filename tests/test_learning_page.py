"""The learning chapter as built: derived values on the page, both figures inline, notebook run."""

from __future__ import annotations

import html
import re

import sympy as sp

from derivations.problems import data_file
from derivations.symbolic import optimizers as symbolic
from derivations.symbolic.backprop_2_2_2 import WEIGHTS
from derivations.tables.common import fixed
from test_site_build import visible_text

DATA = data_file("learning")


def _page(site) -> str:
    return (site / "learning" / "index.html").read_text(encoding="utf-8")


def test_every_optimizers_step_one_weights_are_on_the_page(built_site, document_problem):
    site, _ = built_site
    text = visible_text(_page(site))
    for o in DATA["optimizers"]:
        (step,) = symbolic.run(o["key"], o["hyperparameters"], document_problem, steps=1)
        missing = [w for w in WEIGHTS if fixed(sp.N(step.weights[w], 40)) not in text]
        assert not missing, o["key"]


def test_every_figure_is_inline_svg_in_current_color(built_site):
    """Momentum at a local minimum, the training curves and the epochs."""
    site, _ = built_site
    page = _page(site)
    figures = re.findall(r'<figure class="diagram">\s*(<svg.*?</svg>)', page, flags=re.S)
    assert len(figures) == 3
    for svg in figures:
        assert 'fill="currentColor"' in svg and "#000000" not in svg


def test_the_learning_notebook_was_executed(built_site):
    site, _ = built_site
    page = html.unescape((site / "notebooks" / "learning" / "index.html").read_text(encoding="utf-8"))
    outputs = re.findall(r"W1 0\.\d{8}  largest gap \d\.\de-\d\d", page)
    assert len(outputs) == len(DATA["optimizers"])
    assert "updates per epoch" in page


def test_first_steps_even_out_the_pace_for_adam_partly_for_rmsprop_not_for_adagrad(document_problem):
    """The page: Adam's first step moves every weight at about the same pace, RMSprop's only in
    part (ε sets the smallest gradients' steps), gradient descent's and Adagrad's in proportion to
    the gradient (Adagrad's starting accumulator outweighs g²).

    How far a first step evens out the weights is measured as log(step spread) / log(gradient
    spread), spread being largest over smallest: 1 is in proportion to the gradient, 0 the same
    pace for every weight.
    """
    start = {w: sp.Rational(str(v)) for w, v in zip(WEIGHTS, document_problem.weights)}
    by_key = {o["key"]: o for o in DATA["optimizers"]}

    def spread(values):
        values = [abs(v) for v in values]
        return max(values) / min(values)

    exponent = {}
    for key, o in by_key.items():
        (step,) = symbolic.run(key, o["hyperparameters"], document_problem, steps=1)
        g = list(step.gradient.values())
        moved = [step.weights[w] - start[w] for w in WEIGHTS]
        exponent[key] = float(sp.log(spread(moved)) / sp.log(spread(g)))

    assert abs(exponent["gd"] - 1) < 1e-12
    assert exponent["adagrad"] > 0.95
    assert exponent["adam"] < 0.05
    assert 0.05 < exponent["rmsprop"] < 0.95
    # The reasons the page gives: Adagrad's G₀ above every g²; RMSprop's s below ε for the
    # smallest gradient after one step.
    g = [abs(v) for v in step.gradient.values()]
    adagrad, rmsprop = by_key["adagrad"]["hyperparameters"], by_key["rmsprop"]["hyperparameters"]
    assert adagrad["initial_accumulator_value"] > 10 * max(g) ** 2
    assert (1 - rmsprop["rho"]) * min(g) ** 2 < rmsprop["epsilon"]


def test_rmsprop_steps_stay_near_alpha_as_gradients_shrink_until_epsilon_sets_them(document_problem):
    """The page: s follows the recent gradients, so RMSprop's step stays on the order of α as the
    gradients shrink, until they are small enough for ε to set it (then it is α g / √ε)."""
    import numpy as np

    from derivations.numeric.optimizers import make
    from derivations.numeric.training import steps_2_2_2

    h = next(o for o in DATA["optimizers"] if o["key"] == "rmsprop")["hyperparameters"]
    alpha, eps, rho = h["learning_rate"], h["epsilon"], h["rho"]
    start = [float(v) for v in document_problem.weights]
    snaps = steps_2_2_2(make("RMSprop", h), [float(v) for v in document_problem.x], start,
                        [float(v) for v in document_problem.targets], 1500)
    weights = np.array([start] + [s.weights for s in snaps])
    step = np.abs(np.diff(weights, axis=0)) / alpha
    g = np.abs(np.array([s.gradient for s in snaps]))
    s = np.array([s.state["s"] for s in snaps])
    above, below = s > 10 * eps, s < eps / 10
    assert g[above].max() / g[above].min() > 5             # the gradients do shrink …
    assert step[above].min() > 0.5                          # … and the step stays near α,
    assert step[above].max() <= 1 / np.sqrt(1 - rho) + 1e-9  # at most α/√(1−ρ), at step 1
    assert below.any()
    assert np.allclose(step[below], g[below] / np.sqrt(eps), rtol=0.1)


def test_epoch_table_shows_too_few_epochs_but_cannot_show_overfitting():
    """The page, after the epoch table: its loss is on the samples the network trains on, none
    held back, so overfitting cannot show; batch gradient descent's loss has barely left its start
    (the samples are not yet fitted), and more epochs of the same run do fit them."""
    import numpy as np

    from derivations.numeric import optimizers as numeric
    from derivations.numeric import training
    from derivations.numeric.dense import loss_and_gradients
    from derivations.tables.learning import epoch_runs

    d, b = DATA["dataset"], DATA["batches"]
    runs = epoch_runs()
    batch, run = runs["Batch gradient descent"]
    X, T = training.noisy_xor(d["samples"], d["noise"], np.random.default_rng(d["seed"]))
    rng = np.random.default_rng(b["seed"])
    layers = training.initial_layers([X.shape[1], b["hidden_units"], T.shape[1]], rng)
    # One batch is every sample, and the loss is measured on those same samples.
    assert batch == len(X) == d["samples"]
    assert run.losses[0] == loss_and_gradients(layers, X, T, "binary_cross_entropy")[0]
    assert run.losses[-1] > 0.95 * run.losses[0]
    assert all(r.losses[-1] < 0.2 * run.losses[0] for _, r in runs.values() if r is not run)
    longer = training.train_epochs(layers, X, T, "binary_cross_entropy", numeric.SGD(b["learning_rate"]),
                                   batch, 10 * b["epochs"], rng)
    assert longer.losses[b["epochs"]] == run.losses[-1]   # the table's run, continued
    assert longer.losses[-1] < 0.2 * run.losses[0]


def test_momentum_adds_mu_times_the_last_velocity_and_each_step_multiplies_old_gradients_by_mu_again():
    """The page: v is μ times the last velocity plus the new step, so unrolled, every earlier
    gradient takes one more factor μ each step (and none drops out)."""
    mu, v, g, alpha = symbolic.mu, symbolic.v, symbolic.g, symbolic.alpha
    assert sp.expand(symbolic.RULES["momentum"].next_state[v] - (mu * v - alpha * g)) == 0
    for t in range(1, 6):
        now, after = symbolic.momentum_unrolled(t), symbolic.momentum_unrolled(t + 1)
        for k in range(1, t + 1):
            g_k = sp.Symbol(f"g_{k}")
            assert now.coeff(g_k) != 0
            assert sp.expand(after.coeff(g_k) - mu * now.coeff(g_k)) == 0

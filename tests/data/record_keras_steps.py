"""Record a few optimizer steps from Keras itself, once, as reference data for the tests.

Not run by the suite (Keras and JAX are no dependency of the project). Run it by hand in a
throwaway environment, from the root of a clone:

    python3 -m venv /tmp/kerasvenv && /tmp/kerasvenv/bin/pip install keras jax jaxlib
    KERAS_BACKEND=jax JAX_ENABLE_X64=1 /tmp/kerasvenv/bin/python tests/data/record_keras_steps.py

It writes ``tests/data/keras_steps.toml``: for every optimizer of ``learning.toml``, built with that
file's hyperparameters, the weights after each of three ``optimizer.apply`` calls on the fixed
gradients below. Variables, gradients and Keras' own floats are all float64 (``floatx``), so the
record is Keras' arithmetic, not float32's rounding.
"""

from __future__ import annotations

import os
import sys
import tomllib
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_ENABLE_X64", "1")

import jax  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
LEARNING = HERE.parents[1] / "derivations" / "problems" / "learning.toml"
OUT = HERE / "keras_steps.toml"

START = [0.5, -0.25, 1.0, 0.0]
GRADIENTS = [[0.3, -0.2, 0.0, 0.05], [0.1, 0.4, 0.0, -0.3], [-0.25, 0.0, 0.0, 0.2]]
"""Four weights, three steps: signs change, one weight never has a gradient (it must not move)."""


def record(keras_class: str, hyperparameters: dict) -> list[list[float]]:
    optimizer = getattr(keras.optimizers, keras_class)(**hyperparameters)
    w = keras.Variable(np.array(START, dtype=np.float64), dtype="float64")
    after = []
    for g in GRADIENTS:
        optimizer.apply([np.array(g, dtype=np.float64)], [w])
        values = np.asarray(w.numpy())
        assert values.dtype == np.float64, values.dtype
        after.append([float(v) for v in values])
    return after


def call(keras_class: str, hyperparameters: dict) -> str:
    return f"keras.optimizers.{keras_class}(" + ", ".join(f"{k}={v!r}" for k, v in hyperparameters.items()) + ")"


def main() -> None:
    if keras.backend.backend() != "jax" or not jax.config.jax_enable_x64:
        sys.exit("run with KERAS_BACKEND=jax and JAX_ENABLE_X64=1")
    keras.config.set_floatx("float64")
    data = tomllib.loads(LEARNING.read_text(encoding="utf-8"))
    lines = [
        "# Optimizer steps recorded from Keras by tests/data/record_keras_steps.py (do not edit by hand).",
        f'keras = "{keras.__version__}"',
        f'backend = "jax {jax.__version__}"',
        'floatx = "float64"',
        f'recorded = "{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"',
        'apply = "optimizer.apply([np.array(g, dtype=np.float64)], [w]) per step, w = keras.Variable(start, dtype=\\"float64\\")"',
        f"start = {START!r}",
        f"gradients = {GRADIENTS!r}",
    ]
    for o in data["optimizers"]:
        h = o["hyperparameters"]
        lines += ["", "[[steps]]", f'key = "{o["key"]}"', f'call = "{call(o["keras_class"], h)}"',
                  f"after = {record(o['keras_class'], h)!r}"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()

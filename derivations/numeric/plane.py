"""The perceptron as geometry in NumPy: threshold against bias, n-input gates on the cube's
corners, the plane of a 3-input gate inside the cube, and the XOR network's hidden layer as a map
of the plane, h = step(xW + b)."""

from __future__ import annotations

from itertools import product

import numpy as np
from numpy.typing import ArrayLike, NDArray


# --8<-- [start:bias]
def by_threshold(w: ArrayLike, theta: float, x: ArrayLike) -> NDArray:
    """1 where w·x ≥ θ, else 0, for each row of x."""
    return np.array(np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) >= theta, dtype=int)


def by_bias(w: ArrayLike, b: float, x: ArrayLike) -> NDArray:
    """1 where w·x + b ≥ 0, else 0: the threshold moved to the left as b = −θ."""
    return np.array(np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) + b >= 0, dtype=int)
# --8<-- [end:bias]


# --8<-- [start:corners]
def corners(n: int) -> NDArray:
    """The 2ⁿ corners of the unit cube, one per row, in binary order."""
    return np.array(list(product((0, 1), repeat=n)), dtype=float)


def perceptron(w: ArrayLike, b: float, x: ArrayLike) -> NDArray:
    """The gates' step of wᵀx + b: 1 where it is > 0, else 0."""
    return np.array(np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) + b > 0, dtype=int)
# --8<-- [end:corners]


def plane_in_cube(w: ArrayLike, b: float) -> NDArray:
    """The polygon where the plane w·x + b = 0 cuts the unit cube: its corners, in order around it.

    Each of the cube's 12 edges that the plane crosses gives one point; sorted by angle about
    their centre, they trace the polygon.
    """
    w = np.asarray(w, dtype=float)
    cube = corners(3)
    points = []
    for i, j in product(range(8), repeat=2):
        if i < j and np.sum(cube[i] != cube[j]) == 1:       # an edge joins corners one bit apart
            si, sj = cube[i] @ w + b, cube[j] @ w + b
            if si * sj < 0 or (si == 0 and sj != 0):
                t = si / (si - sj)
                points.append(cube[i] + t * (cube[j] - cube[i]))
    points = np.unique(np.round(points, 12), axis=0)
    centre = points.mean(axis=0)
    u = points[0] - centre
    v = np.cross(w, u)
    angles = np.arctan2((points - centre) @ v, (points - centre) @ u)
    return points[np.argsort(angles)]


# --8<-- [start:map]
def step(z: ArrayLike) -> NDArray:
    return np.array(np.asarray(z) > 0, dtype=int)


def hidden_map(W: ArrayLike, b: ArrayLike, x: ArrayLike) -> dict[str, NDArray]:
    """The hidden layer h = step(xW + b), stage by stage, for each row of x."""
    product_ = np.asarray(x, dtype=float) @ np.asarray(W, dtype=float)
    shifted = product_ + np.asarray(b, dtype=float)
    return {"xW": product_, "xW+b": shifted, "h": step(shifted)}
# --8<-- [end:map]

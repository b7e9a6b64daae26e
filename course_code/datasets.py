r"""Toy datasets in two dimensions, generated from a seed (nothing is downloaded).

Each function returns ``(X, y)``: ``X`` of shape ``(n, 2)`` in float64 and
integer labels ``y`` of shape ``(n,)``, the classes one after the other.
The same arguments always give the same arrays.

None of them can be separated by a straight line: a network needs a
non-linearity to fit any of them.

Examples
--------
>>> X, y = spirals(100, n_classes=3, seed=0)
>>> X.shape, y.shape, np.bincount(y).tolist()
((300, 2), (300,), [100, 100, 100])
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.inputs import as_generator, positive_int, real_scalar

__all__ = ["circles", "spirals", "two_moons", "xor"]


def _noise(noise):
    return real_scalar(noise, "noise", minimum=0.0)


def _labels(n_per_class, n_classes):
    return np.repeat(np.arange(n_classes), n_per_class)


def xor(n_per_corner=1, *, noise=0.0, seed=0):
    r"""XOR: the corners of the unit square, labelled $x_1 \oplus x_2$.

    Parameters
    ----------
    n_per_corner : int, optional
        Points per corner, default 1 (the four rows of the truth table).
    noise : float, optional
        Standard deviation of Gaussian noise added to each coordinate,
        default 0.
    seed : int, optional
        Seed of the noise.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(4 * n_per_corner, 2)``.
    y : numpy.ndarray
        0 for (0, 0) and (1, 1), 1 for (0, 1) and (1, 0).

    Examples
    --------
    >>> X, y = xor()
    >>> np.column_stack([X, y])
    array([[0., 0., 0.],
           [1., 1., 0.],
           [0., 1., 1.],
           [1., 0., 1.]])
    """
    n = positive_int(n_per_corner, "n_per_corner")
    corners = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    X = np.repeat(corners, n, axis=0)
    X += _noise(noise) * as_generator(seed, "seed").standard_normal(X.shape)
    return X, _labels(2 * n, 2)


def two_moons(n_per_class=100, *, noise=0.1, seed=0):
    """Two interleaving half circles, as scikit-learn's ``make_moons``.

    Parameters
    ----------
    n_per_class : int, optional
        Points per moon, default 100.
    noise : float, optional
        Standard deviation of the Gaussian noise, default 0.1.
    seed : int, optional
        Seed of the noise.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(2 * n_per_class, 2)``, within about $[-1, 2] \\times [-0.5, 1]$.
    y : numpy.ndarray
        0 for the upper moon, 1 for the lower.

    Examples
    --------
    >>> X, y = two_moons(50, noise=0.0)
    >>> X[0], X[50]
    (array([1., 0.]), array([0. , 0.5]))
    """
    n = positive_int(n_per_class, "n_per_class")
    t = np.linspace(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.vstack([upper, lower])
    X += _noise(noise) * as_generator(seed, "seed").standard_normal(X.shape)
    return X, _labels(n, 2)


def circles(n_per_class=100, *, noise=0.05, factor=0.5, seed=0):
    """Two concentric circles, as scikit-learn's ``make_circles``.

    Parameters
    ----------
    n_per_class : int, optional
        Points per circle, default 100.
    noise : float, optional
        Standard deviation of the Gaussian noise, default 0.05.
    factor : float, optional
        Radius of the inner circle (the outer has radius 1), in (0, 1).
    seed : int, optional
        Seed of the noise.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(2 * n_per_class, 2)``.
    y : numpy.ndarray
        0 for the outer circle, 1 for the inner.

    Examples
    --------
    >>> X, y = circles(4, noise=0.0)
    >>> np.hypot(X[:, 0], X[:, 1]).round(2)
    array([1. , 1. , 1. , 1. , 0.5, 0.5, 0.5, 0.5])
    """
    n = positive_int(n_per_class, "n_per_class")
    factor = real_scalar(factor, "factor", minimum=0.0, strict=True)
    if factor >= 1.0:
        raise ValueError(f"factor must be < 1, got {factor}")
    t = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    ring = np.column_stack([np.cos(t), np.sin(t)])
    X = np.vstack([ring, factor * ring])
    X += _noise(noise) * as_generator(seed, "seed").standard_normal(X.shape)
    return X, _labels(n, 2)


def spirals(n_per_class=100, n_classes=3, *, noise=0.2, seed=0):
    r"""Interleaved spiral arms, one per class (the CS231n dataset).

    Parameters
    ----------
    n_per_class : int, optional
        Points per arm, default 100.
    n_classes : int, optional
        Number of arms, default 3.
    noise : float, optional
        Standard deviation of the Gaussian noise added to the angle (in
        radians), default 0.2.
    seed : int, optional
        Seed of the noise.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(n_classes * n_per_class, 2)``, inside the unit disc.
    y : numpy.ndarray
        The arm of each point.

    Notes
    -----
    Arm $k$ has radius $r$ from 0 to 1 and angle $4(k + r) + \epsilon$: each
    arm turns through 4 radians (about 230°), starting 4 radians after the
    previous one.

    Examples
    --------
    >>> X, y = spirals(5, n_classes=2, noise=0.0)
    >>> np.hypot(X[:5, 0], X[:5, 1])
    array([0.  , 0.25, 0.5 , 0.75, 1.  ])
    """
    n = positive_int(n_per_class, "n_per_class")
    k = positive_int(n_classes, "n_classes")
    rng = as_generator(seed, "seed")
    r = np.tile(np.linspace(0.0, 1.0, n), k)
    y = _labels(n, k)
    angle = 4.0 * (y + r) + _noise(noise) * rng.standard_normal(n * k)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    return X, y

"""Gated linear units (GLU, SwiGLU, GeGLU, ReGLU) and maxout.

Functions of a whole axis: a GLU splits its input in halves $a, b$ and
returns $a$ times a gate of $b$; maxout takes the largest of each group of
``pieces`` inputs.  They have no elementwise derivative.
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.evaluation import done
from course_code._numerics.inputs import (
    as_float_array,
    normalize_axis,
    positive_int,
)
from course_code.activations.relu_family import relu
from course_code.activations.sigmoid_family import sigmoid
from course_code.activations.smooth import _check_approximate, gelu, silu

__all__ = [
    "geglu",
    "glu",
    "maxout",
    "reglu",
    "swiglu",
]


def glu(x, axis=-1):
    r"""Gated linear unit: split ``x`` in halves $a, b$ along ``axis``; $a\,\sigma(b)$.

    Parameters
    ----------
    x : array_like
        Input whose size along ``axis`` is even.
    axis : int, optional
        The axis to split.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Half the size of ``x`` along ``axis``.

    Notes
    -----
    Where $a = \pm\infty$ and $\sigma(b) = 0$ the product is undefined and
    the result is NaN, as in PyTorch.

    Examples
    --------
    >>> glu([2.0, 4.0, 0.0, np.inf])
    array([1., 4.])
    """
    return _gated(x, axis, sigmoid)


def _gated(x, axis, gate):
    x = as_float_array(x)
    axis = normalize_axis(axis, x.ndim)
    n = x.shape[axis]
    if n % 2:
        raise ValueError(
            f"x must have an even size along axis={axis} to be split in two "
            f"halves, got size {n}"
        )
    a, b = np.split(x, 2, axis=axis)
    y = gate(b)  # a fresh array of the gates: the product goes in place
    # inf * 0 is NaN by definition, and a product beyond the range is inf.
    with np.errstate(invalid="ignore", over="ignore"):
        y *= a
    return done(y, x.dtype)


def swiglu(x, axis=-1):
    r"""SwiGLU: $a \otimes \operatorname{silu}(b)$ for the halves $a, b$ of ``x``.

    Shazeer (2020) builds the feed-forward block of a transformer from it:
    $\operatorname{silu}(xW) \otimes (xV)$, then a projection.

    Parameters
    ----------
    x : array_like
        Input whose size along ``axis`` is even.
    axis : int, optional
        The axis to split.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Half the size of ``x`` along ``axis``.

    Examples
    --------
    >>> swiglu([2.0, 3.0, 0.0, 50.0])
    array([  0., 150.])
    """
    return _gated(x, axis, silu)


def geglu(x, axis=-1, approximate="none"):
    r"""GeGLU: $a \otimes \operatorname{gelu}(b)$ for the halves $a, b$ of ``x``.

    Parameters
    ----------
    x : array_like
        Input whose size along ``axis`` is even.
    axis : int, optional
        The axis to split.  Default: the last.
    approximate : {"none", "tanh"}, optional
        Which GELU, as in :func:`gelu`.

    Returns
    -------
    numpy.ndarray
        Half the size of ``x`` along ``axis``.

    Examples
    --------
    >>> geglu([2.0, 0.0])
    array([0.])
    """
    _check_approximate(approximate)
    return _gated(x, axis, lambda b: gelu(b, approximate=approximate))


def reglu(x, axis=-1):
    r"""ReGLU: $a \otimes \operatorname{relu}(b)$ for the halves $a, b$ of ``x``.

    Parameters
    ----------
    x : array_like
        Input whose size along ``axis`` is even.
    axis : int, optional
        The axis to split.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Half the size of ``x`` along ``axis``.

    Examples
    --------
    >>> reglu([2.0, 3.0, -1.0, 4.0])
    array([ 0., 12.])
    """
    return _gated(x, axis, relu)


def maxout(x, pieces=2, axis=-1):
    r"""Maxout: the largest of each group of ``pieces`` consecutive entries.

    Goodfellow et al. (2013): a unit computes $k$ affine functions of its
    input and outputs their maximum; given the $k$ values side by side along
    ``axis``, this takes that maximum.  ReLU is maxout of $(z, 0)$.

    Parameters
    ----------
    x : array_like
        Input whose size along ``axis`` is a multiple of ``pieces``.
    pieces : int, optional
        $k$, the number of affine pieces per unit.  Default 2.
    axis : int, optional
        The axis that holds the groups.  Default: the last.

    Returns
    -------
    numpy.ndarray
        ``pieces`` times smaller along ``axis``; NaN where a group has a NaN.

    Examples
    --------
    >>> maxout([1.0, -2.0, 0.5, 3.0])
    array([1., 3.])
    """
    x = as_float_array(x)
    axis = normalize_axis(axis, x.ndim)
    pieces = positive_int(pieces, "pieces")
    n = x.shape[axis]
    if n % pieces:
        raise ValueError(
            f"pieces must divide the size {n} of x along axis={axis}, "
            f"got pieces={pieces}"
        )
    grouped = np.moveaxis(x, axis, -1).reshape(
        *x.shape[:axis], *x.shape[axis + 1 :], n // pieces, pieces
    )
    return done(np.moveaxis(grouped.max(axis=-1), -1, axis), x.dtype)

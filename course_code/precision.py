r"""Low precision: the formats of mixed-precision training and the textbook formulas.

Mixed-precision training stores and multiplies in float16 or bfloat16 and
keeps some operations in float32.  This module gives the three formats'
limits and evaluates the textbook formula of four activations with every
step rounded to one of them, to compare with the correctly rounded value
(``course_code`` computes it in float64 and rounds once).

bfloat16 is not a NumPy type; ``ml_dtypes`` provides it.

Examples
--------
>>> limits("float16").max
65504.0
>>> float(naive("sigmoid", -12.0, "float16"))
0.0
>>> float(rounded("sigmoid", -12.0, "float16"))
6.139278411865234e-06
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from course_code import activations as act
from course_code._numerics.inputs import as_float_array

__all__ = [
    "FORMATS",
    "NAIVE",
    "Limits",
    "limits",
    "low_precision_dtype",
    "naive",
    "relative_error",
    "rounded",
]

FORMATS = ("float16", "bfloat16", "float32")


def low_precision_dtype(name):
    """The NumPy dtype of the format ``name``.

    Parameters
    ----------
    name : {"float16", "bfloat16", "float32"}
        The format; bfloat16 comes from ``ml_dtypes``.

    Returns
    -------
    numpy.dtype

    Examples
    --------
    >>> low_precision_dtype("bfloat16").itemsize
    2
    >>> low_precision_dtype("float8")
    Traceback (most recent call last):
    ...
    ValueError: name must be one of 'float16', 'bfloat16', 'float32', got 'float8'
    """
    if name not in FORMATS:
        known = ", ".join(repr(f) for f in FORMATS)
        raise ValueError(f"name must be one of {known}, got {name!r}")
    if name == "bfloat16":
        # Imported here, not at the top: loading ml_dtypes takes 0.7 s, which
        # everything that imports course_code would pay.
        import ml_dtypes

        return np.dtype(ml_dtypes.bfloat16)
    return np.dtype(name)


class Limits(NamedTuple):
    """The limits of a floating-point format."""

    max: float  # the largest finite number
    smallest_normal: float  # below it, numbers lose precision (subnormals)
    eps: float  # the gap between 1 and the next number
    log_max: float  # log(max): exp overflows above it
    log_half_eps: float  # log(eps/2): 1 + exp(x) rounds to 1 below it


def limits(name):
    """The largest number, the smallest normal number and ε of the format ``name``.

    Parameters
    ----------
    name : {"float16", "bfloat16", "float32"}

    Returns
    -------
    Limits
        ``max``, ``smallest_normal``, ``eps``, ``log_max`` and ``log_half_eps``
        as Python floats.

    Examples
    --------
    >>> limits("float16").eps == 2.0**-10
    True
    >>> limits("bfloat16").eps == 2.0**-7
    True
    >>> round(limits("float16").log_max, 2)
    11.09
    >>> round(limits("bfloat16").log_half_eps, 2)
    -5.55
    """
    import ml_dtypes  # see low_precision_dtype

    info = ml_dtypes.finfo(low_precision_dtype(name))
    largest, eps = float(info.max), float(info.eps)
    return Limits(
        largest,
        float(info.smallest_normal),
        eps,
        float(np.log(largest)),
        float(np.log(eps / 2)),
    )


# Each formula is written once, in the type of its argument: Python's numbers
# do not promote a float16 or bfloat16 array (NEP 50), so every step is rounded.
# --8<-- [start:naive]
def naive_sigmoid(x):
    """$1/(1 + e^{-x})$, every step in the type of ``x``.

    >>> naive_sigmoid(np.float16(2.0))
    np.float16(0.8804)
    """
    return 1 / (1 + np.exp(-x))


def naive_softplus(x):
    """$\\log(1 + e^{x})$, every step in the type of ``x``.

    >>> naive_softplus(np.float16(-6.0))  # 1 + e^-6 is rounded
    np.float16(0.002926)
    """
    return np.log(1 + np.exp(x))


def naive_gelu(x):
    """The tanh form of GELU, every step in the type of ``x``.

    >>> naive_gelu(np.float16(-4.0))  # 1 + tanh(...) cancels to 0
    np.float16(-0.0)
    """
    return 0.5 * x * (1 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))


def naive_softmax(x):
    """$e^{x_i}/\\sum_j e^{x_j}$ along the last axis, in the type of ``x``.

    >>> naive_softmax(np.zeros(3, dtype=np.float16))
    array([0.3333, 0.3333, 0.3333], dtype=float16)
    """
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)


# --8<-- [end:naive]

NAIVE = {
    "sigmoid": (naive_sigmoid, act.sigmoid),
    "softplus": (naive_softplus, act.softplus),
    "gelu_tanh": (naive_gelu, lambda x: act.gelu(x, approximate="tanh")),
    "softmax": (naive_softmax, act.softmax),
}


def _pair(key):
    if key not in NAIVE:
        raise ValueError(f"key must be one of {', '.join(NAIVE)}, got {key!r}")
    return NAIVE[key]


def naive(key, x, name):
    """The textbook formula of ``key`` at ``x``, every step rounded to ``name``.

    Parameters
    ----------
    key : {"sigmoid", "softplus", "gelu_tanh", "softmax"}
        The function; softmax is taken along the last axis.
    x : array_like
        Real inputs, rounded to the format first.
    name : {"float16", "bfloat16", "float32"}
        The format.

    Returns
    -------
    numpy.ndarray
        An array of the format's dtype, of the shape of ``x``; ``inf`` and
        ``nan`` where a step overflows (no NumPy warning is emitted).

    Examples
    --------
    >>> float(naive("softplus", 12.0, "float16"))
    inf
    >>> float(naive("softplus", 12.0, "bfloat16"))
    12.0
    >>> naive("softmax", [12.0, 0.0], "float16")
    array([nan,  0.], dtype=float16)
    """
    formula, _ = _pair(key)
    values = as_float_array(x).astype(np.float64)
    with np.errstate(all="ignore"):
        return np.asarray(formula(values.astype(low_precision_dtype(name))))


def rounded(key, x, name):
    """``key`` at ``x`` computed by ``course_code`` in float64 and rounded to ``name``.

    Parameters
    ----------
    key : {"sigmoid", "softplus", "gelu_tanh", "softmax"}
    x : array_like
        Real inputs; they are rounded to the format first, so that ``naive``
        and ``rounded`` see the same numbers.
    name : {"float16", "bfloat16", "float32"}

    Returns
    -------
    numpy.ndarray
        The correctly rounded values (up to float64's own rounding), in the
        format's dtype.

    Examples
    --------
    >>> float(rounded("softplus", 12.0, "float16"))
    12.0
    >>> rounded("softmax", [12.0, 0.0], "float16")
    array([1.e+00, 6.e-06], dtype=float16)
    """
    _, reference = _pair(key)
    dtype = low_precision_dtype(name)
    inputs = as_float_array(x).astype(np.float64).astype(dtype).astype(np.float64)
    return np.asarray(reference(inputs)).astype(dtype)


def relative_error(key, x, name):
    """How far ``naive`` is from ``rounded``, relative to the rounded value.

    Parameters
    ----------
    key, x, name
        As for ``naive``.

    Returns
    -------
    numpy.ndarray
        ``|naive − rounded| / |rounded|`` in float64; 0 where both are 0,
        ``inf`` where only the rounded value is 0 or the naive one is not
        finite.

    Examples
    --------
    >>> relative_error("sigmoid", [-12.0, 0.0], "float16")
    array([1., 0.])
    >>> float(relative_error("softplus", -8.0, "float16"))
    1.0
    """
    approx = naive(key, x, name).astype(np.float64)
    exact = rounded(key, x, name).astype(np.float64)
    with np.errstate(all="ignore"):
        error = np.abs(approx - exact) / np.abs(exact)
    error = np.where(approx == exact, 0.0, error)
    return np.where(np.isfinite(approx), error, np.inf)

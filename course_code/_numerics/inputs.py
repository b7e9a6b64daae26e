"""Checking and converting the inputs of every array function in the course.

Every public function in :mod:`course_code` accepts Python scalars, lists and
NumPy arrays.  These helpers turn such input into a floating-point array, or
raise an error that names the argument and says what was expected, so that a
learner who passes a string or a complex number learns *which* argument was
wrong instead of reading a NumPy traceback.
"""

from __future__ import annotations

import math
import numbers
import operator

import numpy as np

#: Floating dtypes the course computes in; anything else is converted or refused.
FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


def as_float_array(x, name="x"):
    """Return ``x`` as a floating-point array, without copying when possible.

    Parameters
    ----------
    x : array_like
        A real number, a (nested) list of real numbers or a NumPy array.
    name : str, optional
        The argument's name, used in error messages.

    Returns
    -------
    numpy.ndarray
        float16, float32 and float64 input keep their dtype; booleans and
        integers become float64.  The result may share memory with ``x``:
        callers must never write to it.

    Raises
    ------
    TypeError
        For strings, bytes, complex numbers, objects, dates and float dtypes
        other than float16/32/64.
    ValueError
        For ragged nested lists.

    Examples
    --------
    >>> as_float_array([1, 2]).dtype
    dtype('float64')
    >>> as_float_array(np.float32(1.5)).dtype
    dtype('float32')
    >>> as_float_array("1.0")
    Traceback (most recent call last):
    ...
    TypeError: x must be a real number or an array of real numbers, got str
    """
    if isinstance(x, (str, bytes)):
        raise TypeError(_real_message(name, type(x).__name__))
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as exc:
        raise ValueError(
            f"{name} must be a number or a rectangular (non-ragged) array of "
            f"numbers; NumPy could not convert it: {exc}"
        ) from None
    kind = arr.dtype.kind
    if kind in "biu":
        return arr.astype(np.float64)
    if arr.dtype in FLOAT_DTYPES:
        return arr
    if kind == "f":
        raise TypeError(
            f"{name} has dtype {arr.dtype}; the course supports float16, "
            "float32 and float64 (convert with x.astype(np.float64))"
        )
    if kind == "c":
        raise TypeError(
            f"{name} must be real, got a complex {_describe(arr)}; "
            "activation functions are defined on real numbers"
        )
    raise TypeError(_real_message(name, _describe(arr)))


def _describe(arr):
    if arr.ndim == 0:
        value = arr[()]
        return type(value).__name__ if arr.dtype.kind == "O" else str(arr.dtype)
    return f"array of dtype {arr.dtype}"


def _real_message(name, what):
    return f"{name} must be a real number or an array of real numbers, got {what}"


def real_scalar(value, name, *, minimum=None, strict=False, nonzero=False):
    """Return ``value`` as a finite Python float, or raise naming ``name``.

    Parameters
    ----------
    value : float
        The parameter to check (``alpha``, ``negative_slope``, ...).
    name : str
        The parameter's name, used in error messages.
    minimum : float, optional
        Smallest allowed value.
    strict : bool, optional
        If True, ``value`` must be strictly greater than ``minimum``.
    nonzero : bool, optional
        If True, ``value`` must not be zero.

    Returns
    -------
    float

    Examples
    --------
    >>> real_scalar(1, "alpha")
    1.0
    >>> real_scalar(-1.0, "beta", minimum=0.0, strict=True)
    Traceback (most recent call last):
    ...
    ValueError: beta must be > 0.0, got -1.0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None:
        if strict and not value > minimum:
            raise ValueError(f"{name} must be > {minimum}, got {value}")
        if not strict and not value >= minimum:
            raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if nonzero and value == 0.0:
        raise ValueError(f"{name} must not be zero")
    return value


def normalize_axis(axis, ndim, name="axis"):
    """Return ``axis`` as a non-negative index into ``ndim`` dimensions.

    Parameters
    ----------
    axis : int
        An axis, negative values counting from the end.
    ndim : int
        Number of dimensions of the array it indexes.
    name : str, optional
        The argument's name, used in error messages.

    Returns
    -------
    int

    Examples
    --------
    >>> normalize_axis(-1, 2)
    1
    >>> normalize_axis(2, 2)
    Traceback (most recent call last):
    ...
    ValueError: axis=2 is out of range for an input with 2 dimension(s); use -2..1
    """
    if isinstance(axis, (bool, np.bool_)):
        raise TypeError(f"{name} must be an integer, got bool")
    try:
        axis = operator.index(axis)
    except TypeError:
        raise TypeError(
            f"{name} must be an integer, got {type(axis).__name__}"
        ) from None
    if ndim == 0:
        raise ValueError(
            f"{name}={axis} cannot be used on a 0-dimensional input; "
            "pass an array with at least one dimension"
        )
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"{name}={axis} is out of range for an input with {ndim} "
            f"dimension(s); use {-ndim}..{ndim - 1}"
        )
    return axis % ndim


def as_generator(rng, name="rng"):
    """Return a NumPy ``Generator`` for ``rng``: a Generator, an int seed or None.

    Parameters
    ----------
    rng : numpy.random.Generator, int or None
        A generator is used as it is (and advanced); a seed makes a fresh,
        reproducible one; None makes one seeded from the operating system.
    name : str, optional
        The argument's name, used in error messages.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> as_generator(0).random() == as_generator(0).random()
    True
    >>> as_generator("0")
    Traceback (most recent call last):
    ...
    TypeError: rng must be a numpy.random.Generator, an int seed or None, got str
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (
        isinstance(rng, numbers.Integral) and not isinstance(rng, (bool, np.bool_))
    ):
        if rng is not None and rng < 0:
            raise ValueError(f"{name} must be a non-negative seed, got {rng}")
        return np.random.default_rng(rng)
    raise TypeError(
        f"{name} must be a numpy.random.Generator, an int seed or None, "
        f"got {type(rng).__name__}"
    )


def positive_int(value, name, minimum=1):
    """Return ``value`` as an ``int`` >= ``minimum``, or raise an error naming ``name``.

    Parameters
    ----------
    value : int
        The number to check (a size, a count, a number of epochs).
    name : str
        The argument's name, used in error messages.
    minimum : int, optional
        The smallest value allowed: 1, or 0 for a count that may be empty.

    Returns
    -------
    int

    Examples
    --------
    >>> positive_int(3, "fan_in")
    3
    >>> positive_int(0, "fan_in")
    Traceback (most recent call last):
    ...
    ValueError: fan_in must be a positive integer, got 0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        wanted = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {wanted}, got {value}")
    return int(value)

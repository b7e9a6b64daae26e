"""Shrinkage functions: soft shrink, hard shrink, tanh shrink.

They pull small inputs to (or towards) zero, as in denoising by
thresholding.  Each function ``f`` sits next to its derivative ``f_grad``.
"""

from __future__ import annotations

import math

import numpy as np

from course_code._numerics.branchless import indicator
from course_code._numerics.evaluation import elementwise, patch
from course_code._numerics.inputs import (
    real_scalar,
)
from course_code.activations.sigmoid_family import (
    _HALF_LN_2,
    _TINY_FOR_FLOAT32,
    _tanh_outside,
)

__all__ = [
    "hardshrink",
    "hardshrink_grad",
    "softshrink",
    "softshrink_grad",
    "tanhshrink",
    "tanhshrink_grad",
]


def _lambd(lambd):
    return real_scalar(lambd, "lambd", minimum=0.0)


@elementwise(native=True, blocks=False)
def softshrink(x, lambd=0.5):
    r"""Soft shrinkage: move $x$ towards 0 by $\lambda$, and to 0 within $\lambda$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    lambd : float, optional
        The threshold $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> softshrink([-2.0, -0.25, 0.25, 2.0])
    array([-1.5,  0. ,  0. ,  1.5])
    """
    lam = _lambd(lambd)
    # exact: x - λ above λ, x + λ below -λ, x - x = 0 between; one rounding
    y = np.clip(x, -lam, lam, out=np.empty_like(x))  # one array, even for 0-d
    return np.subtract(x, y, out=y)


@elementwise(native=True, blocks=False)
def softshrink_grad(x, lambd=0.5):
    r"""Derivative of soft shrinkage: 1 where $|x| > \lambda$, else 0.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    lambd : float, optional
        The threshold $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray or numpy scalar
        0 or 1; 0 at $x = \pm\lambda$, as in PyTorch.

    Examples
    --------
    >>> softshrink_grad([-1.0, -0.5, 0.0, 0.5, 1.0])
    array([1., 0., 0., 0., 1.])
    """
    lam = _lambd(lambd)
    return indicator(np.abs(x) > lam, x)


@elementwise(native=True, blocks=False)
def hardshrink(x, lambd=0.5):
    r"""Hard shrinkage: $x$ where $|x| > \lambda$, else 0.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    lambd : float, optional
        The threshold $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> hardshrink([-2.0, -0.25, 0.5, 2.0])
    array([-2.,  0.,  0.,  2.])
    """
    lam = _lambd(lambd)
    # x times 0 or 1; NaN * False is still NaN
    return x * ((x > lam) | (x < -lam))


def hardshrink_grad(x, lambd=0.5):
    r"""Derivative of hard shrinkage: 1 where $|x| > \lambda$, else 0.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    lambd : float, optional
        The threshold $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray or numpy scalar
        0 or 1 (the jump at $\pm\lambda$ has no derivative; 0 is used).

    Examples
    --------
    >>> hardshrink_grad([-1.0, 0.5, 1.0])
    array([1., 0., 1.])
    """
    return softshrink_grad(x, lambd)


# Coefficients of x cosh x - sinh x = Σ_{k>=1} 2k/(2k+1)! x^{2k+1}, highest first.
_TANHSHRINK_SERIES = tuple(2 * k / math.factorial(2 * k + 1) for k in range(12, 0, -1))


def _tanhshrink_small(x):
    # For |x| <= 1: (x cosh x - sinh x) / cosh x, whose series has only
    # positive terms, so nothing cancels.
    s = x * x
    acc = np.full_like(x, _TANHSHRINK_SERIES[0])
    for coefficient in _TANHSHRINK_SERIES[1:]:  # Horner, in place
        acc *= s
        acc += coefficient
    return x * s * acc / np.cosh(x)


def _tanhshrink_float32(x):
    # For float16 and float32 input x - tanh x only cancels too much below
    # |x| = 1/32: there tanh x is off by about 6e-17 and x - tanh x = x³/3
    # is 1e-5, a relative 6e-12.  The series covers a thirtieth of the points
    # it covers in float64.
    return patch(x - _tanh_outside(x), x, np.abs(x) <= 1.0 / 32.0, _tanhshrink_small)


@elementwise(float32=_tanhshrink_float32)
def tanhshrink(x):
    r"""Tanh shrinkage, $x - \tanh x$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``.

    Notes
    -----
    Near 0, $x - \tanh x \approx x^3/3$ is the difference of two almost equal
    numbers: for $x = 10^{-3}$ the subtraction keeps only 10 of 16 digits,
    and for $|x| < 10^{-8}$ none.  For $|x| \le 1$ we use
    $(x \cosh x - \sinh x)/\cosh x$ and the series of the numerator, whose
    terms are all positive.

    Examples
    --------
    >>> float(tanhshrink(1e-3))  # x**3/3 - 2x**5/15 + ...: 15 digits right
    3.33333200000054e-10
    >>> float(1e-3 - np.tanh(1e-3))  # the naive form: wrong from the 10th digit
    3.3333320001785e-10
    >>> tanhshrink([-np.inf, np.inf])
    array([-inf,  inf])
    """
    # x - tanh x for |x| > 1 (tanh without its own patch below ½ ln 2, which
    # the series recomputes anyway), the series for |x| <= 1.
    return patch(x - _tanh_outside(x), x, np.abs(x) <= 1.0, _tanhshrink_small)


def _tanhshrink_grad_float32(x):
    # tanh² x for float16 and float32 input: as in tanh's float32 path,
    # ((1 - e) / (1 + e))² is right to a float32 result down to |x| = 1e-5,
    # and below it tanh² x = x² to 1e-10.
    e = np.exp(-2.0 * np.abs(x))  # 2|x| <= 6.9e38: no overflow in float64
    t = (1.0 - e) / (1.0 + e)
    return patch(t * t, x, np.abs(x) < _TINY_FOR_FLOAT32, lambda u: u * u)


@elementwise(float32=_tanhshrink_grad_float32)
def tanhshrink_grad(x):
    r"""Derivative of tanh shrinkage, $\tanh^2 x$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[0, 1)$.

    Examples
    --------
    >>> tanhshrink_grad([0.0, np.inf])
    array([0., 1.])
    """
    # tanh² x = ((1 - e) / (1 + e))² with e = e^{-2|x|}, as in tanh: the sign
    # drops out, and near 0, where 1 - e cancels, np.tanh computes the square.
    e = np.exp(-2.0 * np.minimum(np.abs(x), 400.0))
    t = (1.0 - e) / (1.0 + e)
    return patch(t * t, x, np.abs(x) < _HALF_LN_2, lambda u: np.tanh(u) ** 2)

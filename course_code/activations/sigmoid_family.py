"""The sigmoid family: sigmoid, tanh, hard sigmoid, softsign, log-sigmoid.

S-shaped functions, bounded on at least one side, that saturate in both
tails.  Each function ``f`` sits next to its derivative ``f_grad``; the body
of each is its formula, for one float array (``elementwise`` gives it the
array contract: checks, float64, rounding once).
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.branchless import indicator, neg
from course_code._numerics.evaluation import elementwise, patch

__all__ = [
    "hardsigmoid",
    "hardsigmoid_grad",
    "logsigmoid",
    "logsigmoid_grad",
    "sigmoid",
    "sigmoid_grad",
    "softsign",
    "softsign_grad",
    "tanh",
    "tanh_grad",
]


def _sigmoid_float32(x):
    # σ for float16 and float32 input: the textbook 1 / (1 + e^{-x}), right
    # to 2e-16, in four NumPy passes and np.exp where the stable form takes
    # seven.  Clipping x at -700 keeps e^{-x} finite; σ(-700) = 1e-304 is 0
    # in float32 anyway.  smooth.py's float32 paths use it too.
    return 1.0 / (1.0 + np.exp(-np.maximum(x, -700.0)))


# --8<-- [start:sigmoid]
@elementwise(float32=_sigmoid_float32)
def sigmoid(x):
    r"""Logistic sigmoid, $\sigma(x) = 1 / (1 + e^{-x})$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        $\sigma(x)$ in $(0, 1)$, same shape and float dtype as ``x``.

    Notes
    -----
    The textbook form overflows: ``np.exp(-x)`` is ``inf`` for
    $x < -709.78$ and NumPy warns.  Multiplying numerator and denominator by
    $e^{x}$ for negative $x$ gives $\sigma(x) = e^{\min(x, 0)} /
    (1 + e^{-|x|})$, in which no exponential exceeds 1.

    Examples
    --------
    >>> sigmoid(0.0)
    np.float64(0.5)
    >>> sigmoid([-np.inf, -1000.0, 1000.0, np.inf])
    array([0., 0., 1., 1.])
    >>> float(sigmoid(-710.0))  # a subnormal number, not 0
    4.4762862256751e-309
    >>> x = np.array([-3.0, 0.5, 2.0])
    >>> bool(np.allclose(sigmoid(-x), 1 - sigmoid(x)))
    True
    """
    # --8<-- [start:sigmoid_kernel]
    # σ(x) = 1 / (1 + e^{-x}) overflows for x < -709.  Multiplying top and
    # bottom by e^{x} when x < 0 gives the same function with no overflow:
    # σ(x) = e^{min(x, 0)} / (1 + e^{-|x|}).  With e = e^{-|x|}, the
    # numerator e^{min(x, 0)} is e for x < 0 and 1 for x >= 0.
    e = np.exp(-np.abs(x))
    return np.maximum(e, x >= 0) / (1.0 + e)  # NaN propagates through e
    # --8<-- [end:sigmoid_kernel]


@elementwise
def sigmoid_grad(x):
    r"""Derivative of the sigmoid, $\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(0, 1/4]$; the maximum $1/4$ is at $x = 0$.

    Notes
    -----
    Computed as $e^{-|x|} / (1 + e^{-|x|})^2$, which keeps full relative
    accuracy in both tails, where $\sigma(1 - \sigma)$ would lose it.

    Examples
    --------
    >>> sigmoid_grad(0.0)
    np.float64(0.25)
    >>> sigmoid_grad([-np.inf, np.inf])
    array([0., 0.])
    """
    # σ'(x) = σ(x) σ(-x) = e^{-|x|} / (1 + e^{-|x|})^2, symmetric in x.
    e = np.exp(-np.abs(x))
    return e / (1.0 + e) ** 2


# --8<-- [end:sigmoid]


def _tanh_float32(x):
    # tanh for float16 and float32 input: the rounding of e in 1 - e costs
    # a relative 1e-16 / |x|, harmless to a float32 result down to
    # |x| = 1e-5, and below it tanh x = x (1 - x²/3 + ...) is x to 4e-11.
    return patch(_tanh_outside(x), x, np.abs(x) < _TINY_FOR_FLOAT32, lambda t: t)


@elementwise(float32=_tanh_float32)
def tanh(x):
    r"""Hyperbolic tangent, $\tanh x = (e^{x} - e^{-x}) / (e^{x} + e^{-x})$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(-1, 1)$, same shape and float dtype as ``x``.

    Notes
    -----
    With $e = e^{-2|x|}$, $\tanh x = \operatorname{sign}(x)\,(1 - e) / (1 + e)$:
    one ``np.exp``, which is faster than ``np.tanh`` in float64.  Below
    $|x| = \tfrac12 \ln 2$, where $e > \tfrac12$, $1 - e$ would magnify the
    rounding of $e$, and ``np.tanh`` computes those few points.

    Examples
    --------
    >>> tanh([-np.inf, 0.0, np.inf])
    array([-1.,  0.,  1.])
    >>> x = np.linspace(-3, 3, 7)
    >>> bool(np.allclose(tanh(x), 2 * sigmoid(2 * x) - 1))
    True
    """
    return patch(_tanh_outside(x), x, np.abs(x) < _HALF_LN_2, np.tanh)


_HALF_LN_2 = 0.34657359027997264  # e^{-2|x|} > 1/2 below it
_TINY_FOR_FLOAT32 = 1e-5  # tanh x = x to a float32 result below it


def _tanh_outside(x):
    # sign(x) (1 - e) / (1 + e) with e = e^{-2|x|}: tanh to 1.5 ULP for
    # |x| >= ½ ln 2; tanhshrink, which recomputes |x| <= 1, uses it directly.
    e = np.exp(-2.0 * np.minimum(np.abs(x), 400.0))  # 2|x| could overflow
    return np.copysign((1.0 - e) / (1.0 + e), x)


@elementwise
def tanh_grad(x):
    r"""Derivative of tanh, $1 - \tanh^2 x = \operatorname{sech}^2 x$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(0, 1]$.

    Notes
    -----
    $1 - \tanh^2 x$ cancels to 0 long before the true value underflows
    ($\operatorname{sech}^2 20 \approx 1.7 \times 10^{-17}$).  Instead
    $\operatorname{sech}^2 x = 4 e^{-2|x|} / (1 + e^{-2|x|})^2$, which has
    no cancellation.

    Examples
    --------
    >>> tanh_grad(0.0)
    np.float64(1.0)
    >>> float(tanh_grad(20.0))  # 1 - tanh(20)**2 would give 0.0
    1.6993417021166355e-17
    """
    # sech² x = 4 / (e^{x} + e^{-x})² = 4e / (1 + e)² with e = e^{-2|x|}: one
    # exponential, no cancellation, nothing that overflows.
    e = np.exp(-2.0 * np.minimum(np.abs(x), 400.0))  # 2|x| could overflow
    d = 1.0 + e
    return 4.0 * e / (d * d)


@elementwise(native=True)
def softsign(x):
    r"""Softsign, $x / (1 + |x|)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(-1, 1)$.

    Notes
    -----
    At $x = \pm\infty$ the formula is $\infty/\infty$; clipping $x$ to the
    largest finite number first gives the limit $\pm 1$.

    Examples
    --------
    >>> softsign([-np.inf, -1.0, 0.0, 3.0, np.inf])
    array([-1.  , -0.5 ,  0.  ,  0.75,  1.  ])
    """
    # At ±inf, x / (1 + |x|) is inf / inf: the largest finite x gives ±1.
    big = np.finfo(x.dtype).max
    x = np.clip(x, -big, big)
    d = np.abs(x, out=np.empty_like(x))  # 1 + |x| on one scratch array
    d += 1
    return np.divide(x, d, out=d)


@elementwise(native=True, blocks=False)
def softsign_grad(x):
    r"""Derivative of softsign, $1 / (1 + |x|)^2$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(0, 1]$.

    Examples
    --------
    >>> softsign_grad([0.0, 1.0, np.inf])
    array([1.  , 0.25, 0.  ])
    """
    # (1 / (1 + |x|))², in place on the result; squaring 1 / (1 + |x|)
    # cannot overflow, unlike (1 + |x|)**2
    y = np.abs(x, out=np.empty_like(x))  # an array even for 0-d input
    y += 1
    np.divide(1, y, out=y)
    y *= y
    return y


@elementwise(native=True, blocks=False)
def hardsigmoid(x):
    r"""Hard sigmoid (PyTorch's form), $\min(\max(x/6 + 1/2, 0), 1)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[0, 1]$.

    Notes
    -----
    Computed as $(x + 3)/6$, which is exact near $x = -3$ where $x/6 + 1/2$
    would cancel.  Keras 2 used $\min(\max(0.2x + 0.5, 0), 1)$ instead.

    Examples
    --------
    >>> hardsigmoid([-4.0, -3.0, 0.0, 3.0, 4.0])
    array([0. , 0. , 0.5, 1. , 1. ])
    """
    # (x + 3)/6 clipped to [0, 1], in place on the result
    y = np.add(x, 3, out=np.empty_like(x))  # an array even for 0-d input
    y /= 6
    return np.clip(y, 0, 1, out=y)


@elementwise(native=True, blocks=False)
def hardsigmoid_grad(x):
    r"""Derivative of the hard sigmoid: $1/6$ on $(-3, 3)$, else 0.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        $1/6$ rounded to the dtype of ``x``, or 0.  At $x = \pm 3$ the value
        is 0, as in PyTorch.

    Examples
    --------
    >>> hardsigmoid_grad([-3.0, 0.0, 3.0])
    array([0.        , 0.16666667, 0.        ])
    """
    y = indicator(np.abs(x) < 3, x)
    y /= 6  # in place: a second full-size array costs fresh memory
    return y


@elementwise
def logsigmoid(x):
    r"""Log-sigmoid, $\log \sigma(x) = -\operatorname{softplus}(-x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(-\infty, 0)$.

    Notes
    -----
    ``np.log(sigmoid(x))`` gives $-\infty$ once $\sigma(x)$ underflows
    ($x < -745$) and loses all digits for large positive $x$.  The stable
    form is $\min(x, 0) - \log(1 + e^{-|x|})$ with ``log1p``.

    Examples
    --------
    >>> logsigmoid([-1000.0, 0.0, 40.0])
    array([-1.00000000e+03, -6.93147181e-01, -4.24835426e-18])
    """
    return neg(x) - np.log1p(np.exp(-np.abs(x)))


def _logsigmoid_grad_float32(x):
    # σ(-x) for float16 and float32 input, as _sigmoid_float32
    return _sigmoid_float32(-x)


@elementwise(float32=_logsigmoid_grad_float32)
def logsigmoid_grad(x):
    r"""Derivative of log-sigmoid, $\sigma(-x) = 1 - \sigma(x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(0, 1)$.

    Examples
    --------
    >>> logsigmoid_grad([-np.inf, 0.0, np.inf])
    array([1. , 0.5, 0. ])
    """
    # σ(-x), written out: e^{min(-x, 0)} / (1 + e^{-|x|}), as in sigmoid
    e = np.exp(-np.abs(x))
    return np.maximum(e, x <= 0) / (1.0 + e)

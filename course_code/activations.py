r"""Activation functions and their derivatives, written to be exact and readable.

Every elementwise function ``f`` sits next to its derivative ``f_grad``, which
takes the same parameters.  Names and default parameters follow
``torch.nn.functional``.

Every function here keeps one contract:

* it accepts Python scalars, lists and NumPy arrays of any shape;
* float16, float32 and float64 input give output of the same dtype; integers
  and booleans give float64; a scalar gives a NumPy scalar;
* it never emits a NumPy warning, for any finite or infinite input;
* NaN propagates, and ``±inf`` gives the exact limit;
* it never writes to its input;
* input it cannot take raises ``TypeError`` or ``ValueError`` naming the
  argument.

Functions that need ``exp``, ``log`` or ``erf`` compute float16 and float32
input in float64 and round once at the end: NumPy's float32 ``exp`` and
``log`` are only accurate to 2.5 and 3.8 ULP, too little for a reference.
Piecewise-linear functions compute in the input's own dtype, where they are
exact or correctly rounded.

Branches are written as arithmetic on ``np.clip`` rather than ``np.where``:
``np.where`` evaluates both branches anyway (so the "dead" branch must not
overflow), and on unpredictable masks it is several times slower than the
arithmetic.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from course_code import _chebyshev
from course_code._inputs import (
    as_float_array,
    as_generator,
    normalize_axis,
    positive_int,
    real_scalar,
)

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "Origin",
    "celu",
    "celu_grad",
    "elu",
    "elu_grad",
    "geglu",
    "gelu",
    "gelu_grad",
    "glu",
    "hardshrink",
    "hardshrink_grad",
    "hardsigmoid",
    "hardsigmoid_grad",
    "hardswish",
    "hardswish_grad",
    "hardtanh",
    "hardtanh_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "log_softmax",
    "logsigmoid",
    "logsigmoid_grad",
    "maxout",
    "mish",
    "mish_grad",
    "prelu",
    "prelu_grad",
    "reglu",
    "relu",
    "relu6",
    "relu6_grad",
    "relu_grad",
    "rrelu",
    "rrelu_grad",
    "selu",
    "selu_grad",
    "sigmoid",
    "sigmoid_grad",
    "silu",
    "silu_grad",
    "softmax",
    "softmax_backward",
    "softplus",
    "softplus_grad",
    "softshrink",
    "softshrink_grad",
    "softsign",
    "softsign_grad",
    "swiglu",
    "tanh",
    "tanh_grad",
    "tanhshrink",
    "tanhshrink_grad",
]

#: SELU's constants, from Klambauer et al. (2017), as PyTorch uses them.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_GELU_TANH_A = 0.044715
# 2√(2/π) as a double-double (hi + lo) pair, and 2√(2/π)·0.044715.
_K1_HI, _K1_LO = 1.5957691216057308, -9.96930880911092e-17
_K3_HI = 0.07135481627260025
_NORMAL_CDF = _chebyshev.NORMAL_CDF
_GELU_GRAD = _chebyshev.GELU_GRAD
_GELU_TANH_GRAD = _chebyshev.GELU_TANH_GRAD


# ---------------------------------------------------------------------------
# Plumbing shared by every function: convert, compute, round once.
# ---------------------------------------------------------------------------


_BLOCK = 1 << 15  # 32768 float64 values: 256 KiB


def _apply(kernel, x, native=False):
    """``kernel`` applied to ``x`` and rounded once to the dtype of ``x``.

    The kernel computes in float64, or with ``native`` in the dtype of
    ``x`` (for piecewise-linear functions, exact in any dtype).

    Large float64 computations go through in blocks of ``_BLOCK`` elements:
    every NumPy expression in a kernel allocates a temporary array, and
    block by block these temporaries are small, stay in cache and are
    reused, where whole-array temporaries of megabytes would each cost fresh
    memory from the operating system.  The kernels can then stay plain
    expressions.  Native kernels are a few cheap passes, for which the
    per-block overhead costs more than it saves.
    """
    arr = as_float_array(x)
    if native:
        return _done(kernel(arr), arr.dtype)
    if arr.size <= _BLOCK:
        return _done(kernel(arr.astype(np.float64, copy=False)), arr.dtype)
    flat = arr.reshape(-1)
    out = np.empty(flat.size, arr.dtype)
    for start in range(0, flat.size, _BLOCK):
        block = kernel(flat[start : start + _BLOCK].astype(np.float64, copy=False))
        with np.errstate(over="ignore"):  # beyond the dtype's range, inf is right
            out[start : start + _BLOCK] = block
    return out.reshape(arr.shape)


def _float64(x):
    """Return (x as float64, dtype to round the result to)."""
    arr = as_float_array(x)
    return arr.astype(np.float64, copy=False), arr.dtype


def _done(y, dtype):
    """Round ``y`` to ``dtype``; a 0-d result becomes a NumPy scalar."""
    with np.errstate(over="ignore"):  # beyond the dtype's range, inf is right
        return np.asarray(y).astype(dtype, copy=False)[()]


def _pos(x):
    """max(x, 0), NaN-propagating; ``np.clip`` is faster than ``np.maximum``."""
    return np.clip(x, 0.0, np.inf)


def _neg(x):
    """min(x, 0), NaN-propagating."""
    return np.clip(x, -np.inf, 0.0)


def _indicator(condition, x):
    """1.0 where ``condition`` holds, 0.0 elsewhere and NaN where x is NaN."""
    y = np.array(condition, dtype=x.dtype)  # an array even for 0-d input
    nan = np.isnan(x)
    if nan.any():
        y[nan] = np.nan
    return y


def _select(step, a, b):
    """``a`` where ``step`` is 1 and ``b`` where it is 0, exactly (a, b finite)."""
    return step * a + (1 - step) * b


def _blend(mask, a, b):
    """``a`` where mask else ``b``, for finite ``a`` and ``b``: exact, no branch."""
    return _select(np.asarray(mask, dtype=a.dtype), a, b)


def _x_exp(factor, exponent):
    """factor * exp(exponent) when the result is tiny (near or below 1e-308).

    Computing ``exp(exponent)`` first would round it to a subnormal with few
    significant bits, and multiplying by ``factor`` would scale that rounding
    error.  Shifting the exponent by 64 keeps everything normal until the
    final multiplication, which rounds once.
    """
    return factor * np.exp(exponent + 64.0) * np.exp(-64.0)


def _patch(y, x, mask, formula):
    """Recompute ``y`` where ``mask`` holds with a slower, more exact ``formula``."""
    where = np.flatnonzero(mask)  # indices: much faster than a boolean mask
    if where.size:
        y = np.asarray(y)  # operations on 0-d arrays return scalars
        np.put(y, where, formula(np.take(x, where)))
    return y


def _check_approximate(approximate):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")
    return approximate


# ---------------------------------------------------------------------------
# The sigmoid family: sigmoid, tanh, softsign, hard sigmoid, log-sigmoid.
# ---------------------------------------------------------------------------


# --8<-- [start:sigmoid_kernel]
def _sigmoid(x):
    # σ(x) = 1 / (1 + e^{-x}) overflows for x < -709.  Multiplying top and
    # bottom by e^{x} when x < 0 gives the same function with no overflow:
    # σ(x) = e^{min(x, 0)} / (1 + e^{-|x|}).  With e = e^{-|x|}, the
    # numerator e^{min(x, 0)} is e for x < 0 and 1 for x >= 0.
    e = np.exp(-np.abs(x))
    return np.maximum(e, x >= 0) / (1.0 + e)  # NaN propagates through e


def _sigmoid_grad(x):
    # σ'(x) = σ(x) σ(-x) = e^{-|x|} / (1 + e^{-|x|})^2, symmetric in x.
    e = np.exp(-np.abs(x))
    return e / (1.0 + e) ** 2


# --8<-- [end:sigmoid_kernel]


# --8<-- [start:sigmoid]
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
    return _apply(_sigmoid, x)


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
    return _apply(_sigmoid_grad, x)


# --8<-- [end:sigmoid]


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

    Examples
    --------
    >>> tanh([-np.inf, 0.0, np.inf])
    array([-1.,  0.,  1.])
    >>> x = np.linspace(-3, 3, 7)
    >>> bool(np.allclose(tanh(x), 2 * sigmoid(2 * x) - 1))
    True
    """
    return _apply(np.tanh, x)


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
    $\operatorname{sech}^2 x = 1/\cosh^2 x = 2 / (\cosh 2x + 1)$, which has
    no cancellation.

    Examples
    --------
    >>> tanh_grad(0.0)
    np.float64(1.0)
    >>> float(tanh_grad(20.0))  # 1 - tanh(20)**2 would give 0.0
    1.6993417021166355e-17
    """
    return _apply(_tanh_grad, x)


def _tanh_grad(x):
    # sech² x = 1 / cosh² x = 2 / (cosh 2x + 1): three roundings, no
    # cancellation.  cosh 2x overflows beyond |x| = 355, where sech² x
    # = 4e^{-2|x|} to double precision (and is subnormal or 0).
    y = 2.0 / (np.cosh(2.0 * np.clip(x, -355.0, 355.0)) + 1.0)
    return _patch(
        y,
        x,
        np.abs(x) > 355.0,
        lambda t: 4.0 * np.exp(-2.0 * np.minimum(np.abs(t), 400.0)),
    )


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
    return _apply(_softsign, x, native=True)


def _softsign(x):
    big = np.finfo(x.dtype).max
    x = np.clip(x, -big, big)
    return x / (1 + np.abs(x))


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
    # squaring 1 / (1 + |x|) cannot overflow, unlike (1 + |x|)**2
    return _apply(lambda t: (1 / (1 + np.abs(t))) ** 2, x, native=True)


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
    return _apply(lambda t: np.clip((t + 3) / 6, 0, 1), x, native=True)


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
    return _apply(lambda t: _indicator(np.abs(t) < 3, t) / 6, x, native=True)


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
    return _apply(_logsigmoid, x)


def _logsigmoid(x):
    return _neg(x) - np.log1p(np.exp(-np.abs(x)))


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
    return _apply(lambda t: _sigmoid(-t), x)


# ---------------------------------------------------------------------------
# The ReLU family: ReLU, ReLU6, hardtanh, leaky ReLU, ELU, SELU, CELU.
# ---------------------------------------------------------------------------


# --8<-- [start:relu]
def relu(x):
    r"""Rectified linear unit, $\max(0, x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[0, \infty)$: ReLU is not bounded above.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0, np.inf])
    array([ 0.,  0.,  3., inf])
    """
    return _apply(_pos, x, native=True)


def relu_grad(x):
    r"""Derivative of ReLU: 1 for $x > 0$, else 0.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        0 or 1.  ReLU has no derivative at 0; like PyTorch we use 0 there.

    Examples
    --------
    >>> relu_grad([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    return _apply(lambda t: _indicator(t > 0, t), x, native=True)


# --8<-- [end:relu]


def relu6(x):
    r"""ReLU6, $\min(\max(0, x), 6)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[0, 6]$.

    Examples
    --------
    >>> relu6([-1.0, 3.0, 7.0])
    array([0., 3., 6.])
    """
    return hardtanh(x, 0.0, 6.0)


def relu6_grad(x):
    r"""Derivative of ReLU6: 1 on $(0, 6)$, else 0 (0 at both kinks).

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        0 or 1.

    Examples
    --------
    >>> relu6_grad([0.0, 3.0, 6.0])
    array([0., 1., 0.])
    """
    return hardtanh_grad(x, 0.0, 6.0)


def _check_bounds(min_val, max_val):
    lo = real_scalar(min_val, "min_val")
    hi = real_scalar(max_val, "max_val")
    if lo > hi:
        raise ValueError(f"min_val ({lo}) must not exceed max_val ({hi})")
    return lo, hi


def hardtanh(x, min_val=-1.0, max_val=1.0):
    r"""Hard tanh, $x$ clipped to $[\text{min\_val}, \text{max\_val}]$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    min_val, max_val : float, optional
        The clipping bounds, ``min_val <= max_val``.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in ``[min_val, max_val]``.

    Examples
    --------
    >>> hardtanh([-2.0, 0.5, 2.0])
    array([-1. ,  0.5,  1. ])
    """
    lo, hi = _check_bounds(min_val, max_val)
    return _apply(lambda t: np.clip(t, lo, hi), x, native=True)


def hardtanh_grad(x, min_val=-1.0, max_val=1.0):
    r"""Derivative of hard tanh: 1 strictly inside the bounds, else 0.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    min_val, max_val : float, optional
        The clipping bounds.

    Returns
    -------
    numpy.ndarray or numpy scalar
        0 or 1; 0 at the bounds themselves, as in PyTorch.

    Examples
    --------
    >>> hardtanh_grad([-1.0, 0.0, 1.0])
    array([0., 1., 0.])
    """
    lo, hi = _check_bounds(min_val, max_val)
    return _apply(lambda t: _indicator((t > lo) & (t < hi), t), x, native=True)


def _slope(negative_slope):
    return real_scalar(negative_slope, "negative_slope")


def leaky_relu(x, negative_slope=0.01):
    r"""Leaky ReLU, $x$ for $x > 0$ and $\alpha x$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    negative_slope : float, optional
        The slope $\alpha$ for negative inputs.  PyTorch's default is 0.01;
        Keras uses 0.2 (``keras.activations.leaky_relu``) or 0.3
        (``keras.layers.LeakyReLU``).

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> leaky_relu([-100.0, 0.0, 5.0])
    array([-1.,  0.,  5.])
    >>> leaky_relu([-100.0, 5.0], negative_slope=0.2)
    array([-20.,   5.])
    """
    slope = _slope(negative_slope)
    if slope == 0.0:  # slope * -inf would be NaN
        return relu(x)
    # max(x, αx) is x for x > 0 and αx for x < 0 when α <= 1; min when α > 1.
    pick = np.maximum if slope <= 1.0 else np.minimum
    return _apply(lambda t: pick(t, slope * t), x, native=True)


def leaky_relu_grad(x, negative_slope=0.01):
    r"""Derivative of leaky ReLU: 1 for $x > 0$, ``negative_slope`` otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    negative_slope : float, optional
        The slope for negative inputs; it is also the value at 0.

    Returns
    -------
    numpy.ndarray or numpy scalar
        1 or ``negative_slope``.

    Examples
    --------
    >>> leaky_relu_grad([-1.0, 0.0, 1.0])
    array([0.01, 0.01, 1.  ])
    """
    slope = _slope(negative_slope)
    return _apply(lambda t: _select(_indicator(t > 0, t), 1, slope), x, native=True)


def prelu(x, weight=0.25):
    r"""Parametric ReLU: leaky ReLU whose slope $a$ is learned.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    weight : float, optional
        The slope $a$ for negative inputs, a trained parameter.  0.25 is the
        value ``torch.nn.PReLU`` starts from (He et al., 2015).  PyTorch also
        allows one slope per channel; here it is one number.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> prelu([-4.0, 0.0, 2.0])
    array([-1.,  0.,  2.])
    """
    return leaky_relu(x, negative_slope=_weight(weight))


def prelu_grad(x, weight=0.25):
    r"""Derivative of PReLU with respect to ``x``: 1 for $x > 0$, else ``weight``.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    weight : float, optional
        The slope for negative inputs.

    Returns
    -------
    numpy.ndarray or numpy scalar
        1 or ``weight``; ``weight`` at 0, as in PyTorch.

    Examples
    --------
    >>> prelu_grad([-1.0, 0.0, 1.0])
    array([0.25, 0.25, 1.  ])
    """
    return leaky_relu_grad(x, negative_slope=_weight(weight))


def _weight(weight):
    return real_scalar(weight, "weight")


def _rrelu_slopes(x, lower, upper, training, rng):
    lower, upper = real_scalar(lower, "lower"), real_scalar(upper, "upper")
    if not lower <= upper:
        raise ValueError(f"lower must be <= upper, got lower={lower}, upper={upper}")
    if not training:
        return (lower + upper) / 2
    return as_generator(rng).uniform(lower, upper, size=np.shape(x))


def rrelu(x, lower=1.0 / 8.0, upper=1.0 / 3.0, training=False, rng=None):
    r"""Randomised leaky ReLU: slope drawn from $U(l, u)$ in training, $(l+u)/2$ else.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    lower, upper : float, optional
        The range $[l, u]$ of the random slopes; PyTorch's defaults 1/8, 1/3.
    training : bool, optional
        If False (the default, PyTorch's functional default) the slope is
        the fixed mean $(l + u)/2$ and the function is deterministic.
    rng : numpy.random.Generator or int or None, optional
        The source of the slopes in training; the same seed gives the same
        slopes in ``rrelu`` and ``rrelu_grad``.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> rrelu([-48.0, 2.0])
    array([-11.,   2.])
    """
    slopes = _rrelu_slopes(x, lower, upper, training, rng)
    if np.ndim(slopes) == 0:
        return leaky_relu(x, negative_slope=slopes)
    x = as_float_array(x)
    return _done(np.where(x > 0, x, slopes * x), x.dtype)


def rrelu_grad(x, lower=1.0 / 8.0, upper=1.0 / 3.0, training=False, rng=None):
    r"""Derivative of RReLU: 1 for $x > 0$, else the slope (as drawn by ``rrelu``).

    Parameters
    ----------
    x : array_like
        Input of any shape.
    lower, upper, training, rng
        As for :func:`rrelu`.

    Returns
    -------
    numpy.ndarray or numpy scalar
        1 or the slope.

    Examples
    --------
    >>> rrelu_grad([-1.0, 1.0])
    array([0.22916667, 1.        ])
    """
    slopes = _rrelu_slopes(x, lower, upper, training, rng)
    if np.ndim(slopes) == 0:
        return leaky_relu_grad(x, negative_slope=slopes)
    x = as_float_array(x)
    grad = np.where(x > 0, 1.0, slopes)
    return _done(np.where(np.isnan(x), np.nan, grad), x.dtype)


# --8<-- [start:elu]
def _expm1_branch(x, alpha, x_scale=1.0):
    # alpha * (e^{x/x_scale} - 1) for x <= 0, 0 for x > 0; expm1 keeps the
    # digits that e^{x} - 1 loses near 0, and min(x, 0) keeps e^{x} from
    # overflowing for large positive x (the np.where trap).
    return alpha * np.expm1(_neg(x) / x_scale)


def elu(x, alpha=1.0):
    r"""Exponential linear unit, $x$ for $x > 0$, $\alpha(e^{x} - 1)$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    alpha : float, optional
        Value ELU approaches as $x \to -\infty$ is $-\alpha$.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(-\alpha, \infty)$.

    Notes
    -----
    ``np.where(x > 0, x, alpha * (np.exp(x) - 1))`` evaluates ``np.exp(x)``
    for every ``x`` and overflows (with a warning) for $x > 709.78$ even
    though that branch is discarded.  Here the exponential only ever sees
    $\min(x, 0)$, and ``expm1`` keeps the digits near 0.

    Examples
    --------
    >>> elu([-np.inf, -1.0, 0.0, 1000.0])
    array([-1.00000000e+00, -6.32120559e-01,  0.00000000e+00,  1.00000000e+03])
    """
    alpha = real_scalar(alpha, "alpha")
    return _apply(lambda t: _pos(t) + _expm1_branch(t, alpha), x)


# --8<-- [end:elu]


def _exp_branch(x, right, alpha):
    # ``right`` for x > 0 and alpha * e^{x} for x <= 0, exactly: the step is
    # 0 or 1, so one of the two products is an exact 0 and the other exact.
    return _select(_indicator(x > 0, x), right, alpha * np.exp(_neg(x)))


def elu_grad(x, alpha=1.0):
    r"""Derivative of ELU: 1 for $x > 0$, $\alpha e^{x}$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    alpha : float, optional
        As in [`elu`][course_code.activations.elu].

    Returns
    -------
    numpy.ndarray or numpy scalar
        At $x = 0$ the value is $\alpha$ (the left derivative), as in PyTorch.

    Examples
    --------
    >>> elu_grad([-np.inf, 0.0, 2.0])
    array([0., 1., 1.])
    """
    alpha = real_scalar(alpha, "alpha")
    return _apply(lambda t: _exp_branch(t, 1.0, alpha), x)


def selu(x):
    r"""Scaled ELU, $\lambda\,\mathrm{elu}(x, \alpha)$ with SELU's constants.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(-\lambda\alpha, \infty) \approx (-1.7581, \infty)$.

    Notes
    -----
    $\alpha \approx 1.6733$ and $\lambda \approx 1.0507$ are chosen so that
    zero mean and unit variance is a stable fixed point of a layer with
    LeCun-normal weights (Klambauer et al., 2017).

    Examples
    --------
    >>> selu([-np.inf, 0.0, 1.0])
    array([-1.75809934,  0.        ,  1.05070099])
    """
    return _apply(_selu, x)


def _selu(x):
    with np.errstate(over="ignore"):  # λx > 1.8e308 rounds to inf, correctly
        return SELU_SCALE * _pos(x) + _expm1_branch(x, SELU_SCALE * SELU_ALPHA)


def selu_grad(x):
    r"""Derivative of SELU: $\lambda$ for $x > 0$, $\lambda\alpha e^{x}$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        At $x = 0$ the value is $\lambda\alpha \approx 1.7581$, as in PyTorch.

    Examples
    --------
    >>> selu_grad([-np.inf, 1.0])
    array([0.        , 1.05070099])
    """
    return _apply(lambda t: _exp_branch(t, SELU_SCALE, SELU_SCALE * SELU_ALPHA), x)


def celu(x, alpha=1.0):
    r"""Continuously differentiable ELU, $\max(0,x) + \min(0, \alpha(e^{x/\alpha}-1))$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    alpha : float, optional
        A positive scale; CELU approaches $-\alpha$ as $x \to -\infty$.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(-\alpha, \infty)$.

    Examples
    --------
    >>> celu([-np.inf, 0.0, 2.0], alpha=2.0)
    array([-2.,  0.,  2.])
    """
    alpha = real_scalar(alpha, "alpha", minimum=0.0, strict=True)
    return _apply(lambda t: _pos(t) + _expm1_branch(t, alpha, alpha), x)


def celu_grad(x, alpha=1.0):
    r"""Derivative of CELU: 1 for $x > 0$, $e^{x/\alpha}$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    alpha : float, optional
        As in [`celu`][course_code.activations.celu].

    Returns
    -------
    numpy.ndarray or numpy scalar
        Continuous: both sides give 1 at $x = 0$.

    Examples
    --------
    >>> celu_grad([-np.inf, 0.0, 1.0])
    array([0., 1., 1.])
    """
    alpha = real_scalar(alpha, "alpha", minimum=0.0, strict=True)
    return _apply(lambda t: np.exp(_neg(t) / alpha), x)  # 1 for x > 0


# ---------------------------------------------------------------------------
# Smooth modern activations: GELU, SiLU, Mish, softplus.
# ---------------------------------------------------------------------------


def _gelu_exact(x):
    # x Φ(x); the ndtr of scipy keeps full relative accuracy in the left tail.
    # Below -37, Φ(x) is subnormal, so we write Φ(x) = erfcx(-x/√2) e^{-x²/2} / 2
    # and let _x_exp round once.
    y = np.clip(x, -40.0, np.inf)
    y = y * special.ndtr(y)

    def tail(t):
        t = np.maximum(t, -40.0)  # -inf -> -40: the result is -0.0 either way
        return _x_exp(0.5 * t * special.erfcx(-t / math.sqrt(2.0)), -0.5 * t * t)

    y = _patch(y, x, x < -37.0, tail)
    window = (x > -1.6) & (x < -0.4)  # where ndtr loses up to 8 ULP
    return _patch(y, x, window, lambda t: t * _chebyshev.evaluate(t, _NORMAL_CDF))


def _gelu_exact_grad(x):
    # Φ(x) + x φ(x).
    c = np.clip(x, -40.0, 40.0)
    y = special.ndtr(c) + c * (_INV_SQRT_2PI * np.exp(-0.5 * c * c))

    def tail(t):
        t = np.maximum(t, -40.0)
        scale = 0.5 * special.erfcx(-t / math.sqrt(2.0)) + t * _INV_SQRT_2PI
        return _x_exp(scale, -0.5 * t * t)

    y = _patch(y, x, x < -37.0, tail)
    window = (x > -1.6) & (x < 0.0)  # the two terms cancel at the root -0.7518
    return _patch(y, x, window, lambda t: _chebyshev.evaluate(t, _GELU_GRAD))


def _gelu_tanh_u2(c):
    # 2u, where u = √(2/π) (x + 0.044715 x³) is the argument of tanh.
    return (2.0 * _SQRT_2_OVER_PI) * c * (1.0 + _GELU_TANH_A * (c * c))


def _gelu_tanh(x):
    # ½x(1 + tanh u) = x σ(2u): the same function without the cancellation
    # of 1 + tanh u for negative u.
    c = np.clip(x, -30.0, 30.0)
    y = np.clip(x, -30.0, np.inf) * _sigmoid(_gelu_tanh_u2(c))

    def tail(t):  # x σ(2u) ≈ x e^{2u} once σ(2u) is tiny
        t = np.maximum(t, -30.0)
        return _x_exp(t, _gelu_tanh_u2(t))

    y = _patch(y, x, x < -20.0, tail)
    return _patch(y, x, (x > -3.3) & (x <= -0.5), _gelu_tanh_compensated)


def _gelu_tanh_grad(x):
    # d/dx [x σ(2u)] = σ(2u) + 2x u' σ(2u) σ(-2u).
    c = np.clip(x, -30.0, 30.0)
    u2 = _gelu_tanh_u2(c)
    du2 = (2.0 * _SQRT_2_OVER_PI) * (1.0 + (3.0 * _GELU_TANH_A) * (c * c))
    e = np.exp(-np.abs(u2))  # σ(2u) and σ'(2u) share one exponential
    y = (np.maximum(e, u2 >= 0) + c * du2 * e / (1.0 + e)) / (1.0 + e)

    def tail(t):  # ≈ e^{2u} (1 + x·2u')
        t = np.maximum(t, -30.0)
        d = (2.0 * _SQRT_2_OVER_PI) * (1.0 + (3.0 * _GELU_TANH_A) * (t * t))
        return _x_exp(1.0 + t * d, _gelu_tanh_u2(t))

    y = _patch(y, x, x < -20.0, tail)
    left = (x > -3.3) & (x <= -1.2)  # e^{2u} magnifies the rounding of 2u
    y = _patch(y, x, left, _gelu_tanh_grad_compensated)
    window = (x > -1.2) & (x < -0.1)  # cancellation at the root -0.7525
    return _patch(y, x, window, lambda t: _chebyshev.evaluate(t, _GELU_TANH_GRAD))


def _split(a):
    # Dekker's split: a = hi + lo with hi holding the top 26 bits.
    c = 134217729.0 * a
    hi = c - (c - a)
    return hi, a - hi


def _two_product(a, b):
    # a * b = p + e exactly (Dekker), without a fused multiply-add.
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _gelu_tanh_exp_u2(x):
    # For -3.3 < x <= -0.5: E = e^{2u} and 2xu' (as w + w_lo).  An error δ
    # in 2u is a relative error δ in E, and |2u| reaches 8, so one rounding
    # of 2u alone can cost 8 ULP.  We carry 2u = K1 x + K3 x³ as hi + lo:
    # K1 x exactly (Dekker's product), the smaller K3 x³ rounded (an error
    # the rounding of x itself already allows); likewise 2xu' = K1 x + 3K3 x³.
    r, r_lo = _two_product(_K1_HI, x)
    r_lo = r_lo + _K1_LO * x
    q = _K3_HI * (x * x * x)
    u2 = r + q
    u2_lo = ((r - u2) + q) + r_lo  # |r| > |q|: Fast2Sum
    w = r + 3.0 * q
    w_lo = ((r - w) + 3.0 * q) + r_lo
    return np.exp(u2) * (1.0 + u2_lo), w, w_lo


def _gelu_tanh_compensated(x):
    # x σ(2u) = x E / (1 + E).
    big_e, _, _ = _gelu_tanh_exp_u2(x)
    return x * big_e / (1.0 + big_e)


def _gelu_tanh_grad_compensated(x):
    # E (1 + E + 2xu') / (1 + E)², where 1 + E partly cancels 2xu'.
    big_e, w, w_lo = _gelu_tanh_exp_u2(x)
    d = 1.0 + big_e
    return big_e * ((d + w) + w_lo) / (d * d)


def gelu(x, approximate="none"):
    r"""Gaussian error linear unit, $x\,\Phi(x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    approximate : str, optional
        ``'none'`` (PyTorch's default) uses the normal CDF $\Phi$ exactly;
        ``'tanh'`` uses $\tfrac12 x (1 + \tanh(\sqrt{2/\pi}(x + 0.044715
        x^3)))$, as GPT-2 did.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[\approx -0.16997, \infty)$; the minimum is at
        $x \approx -0.75179$.

    Notes
    -----
    Both forms keep full relative accuracy in the left tail, where
    $\mathrm{gelu}(x) \approx -\varphi(x)$ is tiny but not zero.

    Examples
    --------
    >>> gelu([-np.inf, 0.0, 1.0, np.inf])
    array([-0.        ,  0.        ,  0.84134475,         inf])
    >>> gelu(np.float32(-6.0))  # PyTorch's float32 gelu returns 0 here
    np.float32(-5.9195258e-09)
    >>> float(gelu(1.0, approximate="tanh"))
    0.8411919906082768
    """
    approximate = _check_approximate(approximate)
    return _apply(_gelu_exact if approximate == "none" else _gelu_tanh, x)


def gelu_grad(x, approximate="none"):
    r"""Derivative of GELU, $\Phi(x) + x\,\varphi(x)$ (or of its tanh form).

    Parameters
    ----------
    x : array_like
        Input of any shape.
    approximate : str, optional
        ``'none'`` or ``'tanh'``, as in [`gelu`][course_code.activations.gelu].

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in about $[-0.1289, 1.1289]$: GELU is not monotonic.

    Examples
    --------
    >>> gelu_grad([-np.inf, 0.0, np.inf])
    array([0. , 0.5, 1. ])
    """
    approximate = _check_approximate(approximate)
    f = _gelu_exact_grad if approximate == "none" else _gelu_tanh_grad
    return _apply(f, x)


def _silu(x):
    c = np.clip(x, -800.0, np.inf)  # -inf * σ(-inf) would be NaN
    y = c * _sigmoid(c)
    return _patch(y, x, x < -700.0, lambda t: _x_exp(np.maximum(t, -800.0), t))


def _silu_grad(x):
    # σ(x)(1 + x σ(-x)) cancels near its root x ≈ -1.2785.  With e = e^{-|x|},
    # the same value is (e (1 + x) + e^{2 min(x, 0)}) / (1 + e)^2, in which the
    # cancelling terms are each exact to one rounding.
    c = np.clip(x, -800.0, 800.0)
    e = np.exp(-np.abs(c))
    y = (e * (1.0 + c) + np.exp(2.0 * _neg(c))) / (1.0 + e) ** 2
    return _patch(y, x, x < -700.0, lambda t: _x_exp(1.0 + np.maximum(t, -800.0), t))


def silu(x):
    r"""Sigmoid linear unit (Swish with $\beta = 1$), $x\,\sigma(x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[\approx -0.27846, \infty)$; the minimum is at
        $x \approx -1.27846$.

    Examples
    --------
    >>> silu([-np.inf, 0.0, 1.0, np.inf])
    array([-0.        ,  0.        ,  0.73105858,         inf])
    """
    return _apply(_silu, x)


def silu_grad(x):
    r"""Derivative of SiLU, $\sigma(x)\,(1 + x\,(1 - \sigma(x)))$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in about $[-0.0998, 1.0998]$.

    Examples
    --------
    >>> silu_grad([-np.inf, 0.0, np.inf])
    array([0. , 0.5, 1. ])
    """
    return _apply(_silu_grad, x)


def _mish_parts(c):
    # tanh(softplus(x)) = N / (N + b) with, for e = e^{-|x|},
    #   x >= 0:  N = 1 + 2e,    b = 2e²
    #   x <  0:  N = e² + 2e,   b = 2
    # (divide the x < 0 form by e² to get the x >= 0 one).  Every term is
    # positive and at most 2, so nothing overflows and nothing cancels.
    e = np.exp(-np.abs(c))
    n = np.exp(2.0 * _neg(c)) + 2.0 * e
    b = 2.0 * np.exp(-2.0 * np.clip(c, 0.0, 800.0))
    return n, b


def _mish(x):
    c = np.clip(x, -800.0, np.inf)
    n, b = _mish_parts(c)
    y = c * (n / (n + b))
    return _patch(y, x, x < -700.0, lambda t: _x_exp(np.maximum(t, -800.0), t))


def _mish_grad(x):
    # mish'(x) = t + x σ(x) (1 - t²) with t = tanh(softplus(x)).  Near the
    # root x ≈ -1.19 the two terms cancel, so for x < 0 we put everything over
    # one denominator; with e = e^{x} and d = e² + 2e + 2 it is
    #   e ((4 + 4x) + e (6 + 4x) + 4e² + e³) / d²,
    # where 4 + 4x and 6 + 4x are exact for -2 <= x <= -1/2.  Above -1/2
    # nothing cancels and, with e = e^{-x}, the same value is
    #   ((1 + 2e)(1 + 2e + 2e²) + 4x e² (1 + e)) / (1 + 2e + 2e²)².
    xn = np.clip(x, -800.0, -0.5)
    e = np.exp(xn)
    d = e * (e + 2.0) + 2.0
    left = e * ((4.0 + 4.0 * xn) + e * ((6.0 + 4.0 * xn) + e * (4.0 + e))) / (d * d)
    xp = np.clip(x, -0.5, 800.0)
    e = np.exp(-xp)
    d = 1.0 + 2.0 * e * (1.0 + e)
    right = ((1.0 + 2.0 * e) * d + 4.0 * xp * e * e * (1.0 + e)) / (d * d)
    y = _blend(x < -0.5, left, right)
    return _patch(y, x, x < -700.0, lambda t: _x_exp(1.0 + np.maximum(t, -800.0), t))


def mish(x):
    r"""Mish, $x \tanh(\operatorname{softplus}(x))$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[\approx -0.30884, \infty)$; the minimum is at
        $x \approx -1.19243$.

    Examples
    --------
    >>> mish([-np.inf, 0.0, 1.0, np.inf])
    array([-0.        ,  0.        ,  0.86509839,         inf])
    """
    return _apply(_mish, x)


def mish_grad(x):
    r"""Derivative of Mish, $\tanh s + x\,\sigma(x)\operatorname{sech}^2 s$.

    Here $s = \operatorname{softplus}(x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in about $[-0.1. , 1.1]$.

    Examples
    --------
    >>> mish_grad([-np.inf, 0.0, np.inf])
    array([0.  , 0.6, 1.  ])
    """
    return _apply(_mish_grad, x)


def _beta(beta):
    return real_scalar(beta, "beta", minimum=0.0, strict=True)


def _times_beta(x, beta):
    # βx without overflow: softplus and σ are saturated long before |βx| = 1e4.
    if beta == 1.0:
        return x
    return beta * np.clip(x, -1e4 / beta, 1e4 / beta)


# --8<-- [start:softplus]
def softplus(x, beta=1.0):
    r"""Softplus, $\frac{1}{\beta} \log(1 + e^{\beta x})$, exact at every $x$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    beta : float, optional
        A positive sharpness; as $\beta \to \infty$ softplus tends to ReLU.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(0, \infty)$.

    Notes
    -----
    Computed as $\max(x, 0) + \log(1 + e^{-\beta|x|}) / \beta$ with
    ``log1p``, which neither overflows nor loses digits.  PyTorch's
    ``softplus`` has a ``threshold=20`` argument and returns $x$ itself once
    $\beta x > 20$: an error of up to $2 \times 10^{-9}$ (about $6 \times
    10^{5}$ ULP) in float64.  We have no threshold.

    Examples
    --------
    >>> softplus([-np.inf, 0.0, np.inf])
    array([0.        , 0.69314718,        inf])
    >>> float(softplus(20.5))  # PyTorch returns exactly 20.5
    20.500000001250153
    """
    beta = _beta(beta)
    return _apply(lambda t: _softplus(t, beta), x)


def _softplus(x, beta):
    return _pos(x) + np.log1p(np.exp(-np.abs(_times_beta(x, beta)))) / beta


# --8<-- [end:softplus]


def softplus_grad(x, beta=1.0):
    r"""Derivative of softplus, $\sigma(\beta x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    beta : float, optional
        As in [`softplus`][course_code.activations.softplus].

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $(0, 1)$.

    Examples
    --------
    >>> softplus_grad([-np.inf, 0.0, np.inf])
    array([0. , 0.5, 1. ])
    """
    beta = _beta(beta)
    return _apply(lambda t: _sigmoid(_times_beta(t, beta)), x)


def hardswish(x):
    r"""Hard swish, $x \cdot \min(\max(x + 3, 0), 6) / 6$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in $[-0.375, \infty)$; the minimum is at $x = -1.5$.

    Examples
    --------
    >>> hardswish([-np.inf, -3.0, -1.5, 3.0, np.inf])
    array([-0.   , -0.   , -0.375,  3.   ,    inf])
    """
    return _apply(_hardswish, x, native=True)


def _hardswish(x):
    # x relu6(x + 3) / 6 on one scratch array; clipping x at -3 changes no
    # result (it is 0 there) and avoids -inf * 0.
    x = np.clip(x, -3, np.inf)
    y = np.add(x, 3, out=np.empty_like(x))  # an array even for 0-d input
    np.clip(y, 0, 6, out=y)  # np.clip is faster than np.minimum
    y /= 6  # before multiplying by x, which could then overflow
    y *= x
    return y


def hardswish_grad(x):
    r"""Derivative of hard swish: 0 below $-3$, $x/3 + 1/2$ between, 1 above $3$.

    Parameters
    ----------
    x : array_like
        Input of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        At the kinks PyTorch's values: 0 at $x = -3$ and 1 at $x = 3$ (the
        one-sided derivatives there are $-1/2$ and $0$, and $3/2$ and $1$).

    Examples
    --------
    >>> hardswish_grad([-4.0, -3.0, 0.0, 3.0, 4.0])
    array([0. , 0. , 0.5, 1. , 1. ])
    """
    return _apply(_hardswish_grad, x, native=True)


def _hardswish_grad(x):
    c = np.clip(x, -3, 3)  # NaN stays NaN and carries through the sum
    return (np.abs(x) < 3) * ((2 * c + 3) / 6) + (x >= 3)


# ---------------------------------------------------------------------------
# Shrinkage functions: soft, hard and tanh shrink.
# ---------------------------------------------------------------------------


def _lambd(lambd):
    return real_scalar(lambd, "lambd", minimum=0.0)


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
    return _apply(lambda t: t - np.clip(t, -lam, lam), x, native=True)


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
    return _apply(lambda t: _indicator(np.abs(t) > lam, t), x, native=True)


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
    return _apply(lambda t: t * (np.abs(t) > lam), x, native=True)


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
    acc = np.zeros_like(x)
    for coefficient in _TANHSHRINK_SERIES:
        acc = acc * s + coefficient
    return x * s * acc / np.cosh(x)


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
    return _apply(_tanhshrink, x)


def _tanhshrink(x):
    return _patch(x - np.tanh(x), x, np.abs(x) <= 1.0, _tanhshrink_small)


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
    return _apply(lambda t: np.tanh(t) ** 2, x)


# ---------------------------------------------------------------------------
# Functions of a whole axis: softmax, log-softmax, GLU.
# ---------------------------------------------------------------------------


def _shifted(x, axis):
    """x - max(x) along ``axis``, and a per-slice mask of all -inf slices.

    A slice whose maximum is +inf gets its limit: the +inf entries share the
    probability equally.  A slice that is entirely -inf (fully masked) has
    no distribution: its output is NaN, as in PyTorch.
    """
    m = np.max(x, axis=axis, keepdims=True)
    empty = m == -np.inf
    if np.isposinf(m).any():
        x = np.where(np.isposinf(m), np.where(np.isposinf(x), 0.0, -np.inf), x)
        m = np.where(np.isposinf(m), 0.0, m)
    return x - np.where(empty, 0.0, m), empty


# --8<-- [start:softmax]
def softmax(x, axis=-1):
    r"""Softmax along ``axis``, $\exp(x_i) / \sum_j \exp(x_j)$.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension.
    axis : int, optional
        The axis that sums to 1.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``; each slice along ``axis`` is a
        probability vector.

    Notes
    -----
    Softmax is unchanged by subtracting a constant from every entry, so we
    subtract the maximum first: the largest exponential is then $e^0 = 1$
    and none overflows.  Entries equal to $-\infty$ get probability 0,
    which is how attention masks work; a slice with every entry $-\infty$
    gives NaN.

    Examples
    --------
    >>> softmax([1000.0, 1000.0])
    array([0.5, 0.5])
    >>> softmax([[0.0, -np.inf], [1.0, 1.0]])
    array([[1. , 0. ],
           [0.5, 0.5]])
    """
    x, dtype = _float64(x)
    axis = normalize_axis(axis, x.ndim)
    if x.size == 0:  # nothing to normalise
        return _done(x.copy(), dtype)
    z, empty = _shifted(x, axis)
    e = np.exp(z)
    total = np.sum(e, axis=axis, keepdims=True)
    return _done(e / np.where(empty, np.nan, total), dtype)


def log_softmax(x, axis=-1):
    r"""Log of softmax along ``axis``, $x_i - \log \sum_j \exp(x_j)$.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension.
    axis : int, optional
        The axis to normalise over.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Notes
    -----
    ``np.log(softmax(x))`` gives $-\infty$ wherever a probability underflows;
    the log-sum-exp form $x_i - m - \log\sum_j e^{x_j - m}$, with $m$ the
    maximum, stays finite.

    Examples
    --------
    >>> log_softmax([0.0, 1000.0])
    array([-1000.,     0.])
    """
    x, dtype = _float64(x)
    axis = normalize_axis(axis, x.ndim)
    if x.size == 0:  # nothing to normalise
        return _done(x.copy(), dtype)
    z, empty = _shifted(x, axis)
    total = np.sum(np.exp(z), axis=axis, keepdims=True)
    return _done(z - np.log(np.where(empty, np.nan, total)), dtype)


# --8<-- [end:softmax]


def softmax_backward(grad_output, output, axis=-1):
    r"""The gradient through softmax: the vector–Jacobian product $g^\top J$.

    With $s = \operatorname{softmax}(x)$ the Jacobian is
    $J = \operatorname{diag}(s) - s s^\top$, so
    $g^\top J = s \otimes (g - \langle g, s\rangle)$ along ``axis``: $O(n)$ work
    per slice instead of forming the $n \times n$ matrix.

    Parameters
    ----------
    grad_output : array_like
        $\partial L / \partial s$, the gradient of the loss at the output.
    output : array_like
        $s$, the softmax output of the forward pass; same shape.
    axis : int, optional
        The axis softmax was taken along.  Default: the last.

    Returns
    -------
    numpy.ndarray
        $\partial L / \partial x$, the shape of ``output``, in the wider dtype.

    Examples
    --------
    >>> s = softmax([1.0, 2.0, 3.0])
    >>> softmax_backward([0.0, 0.0, 1.0], s).round(4)
    array([-0.0599, -0.1628,  0.2227])
    """
    g = as_float_array(grad_output, "grad_output")
    s = as_float_array(output, "output")
    if g.shape != s.shape:
        raise ValueError(
            f"grad_output and output must have the same shape, got "
            f"{g.shape} and {s.shape}"
        )
    axis = normalize_axis(axis, s.ndim)
    dtype = np.result_type(g, s)
    inner = np.sum(g * s, axis=axis, keepdims=True, dtype=np.float64)
    return _done(s * (g - inner), dtype)


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
    # inf * 0 is NaN by definition, and a product beyond the range is inf.
    with np.errstate(invalid="ignore", over="ignore"):
        return _done(a * gate(b), x.dtype)


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
    return _done(np.moveaxis(grouped.max(axis=-1), -1, axis), x.dtype)


# The catalogue refers to the functions above, so it is imported last.
from course_code.catalogue import ACTIVATIONS, Activation, Origin  # noqa: E402

"""The ReLU family: ReLU, ReLU6, hard tanh, leaky ReLU, PReLU, RReLU, ELU, SELU, CELU.

Piecewise-linear functions (exact in the input's own dtype) and their
exponential variants for negative inputs.  Each function ``f`` sits next to
its derivative ``f_grad``.
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.branchless import indicator, neg, pos, select
from course_code._numerics.evaluation import (
    done,
    elementwise,
    gather,
    patch,
    scatter,
)
from course_code._numerics.inputs import (
    as_float_array,
    as_generator,
    real_scalar,
)

__all__ = [
    "SELU_ALPHA",
    "SELU_SCALE",
    "celu",
    "celu_grad",
    "elu",
    "elu_grad",
    "hardtanh",
    "hardtanh_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "prelu",
    "prelu_grad",
    "relu",
    "relu6",
    "relu6_grad",
    "relu_grad",
    "rrelu",
    "rrelu_grad",
    "selu",
    "selu_grad",
]


#: SELU's constants, from Klambauer et al. (2017), as PyTorch uses them.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


# --8<-- [start:relu]
@elementwise(native=True, blocks=False)
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
    return pos(x)  # max(x, 0), NaN-propagating


@elementwise(native=True, blocks=False)
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
    return indicator(x > 0, x)


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


@elementwise(native=True, blocks=False)
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
    return np.clip(x, lo, hi)


@elementwise(native=True, blocks=False)
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
    return indicator((x > lo) & (x < hi), x)


def _slope(negative_slope):
    return real_scalar(negative_slope, "negative_slope")


@elementwise(native=True, blocks=False)
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
        return pos(x)
    # max(x, αx) is x for x > 0 and αx for x < 0 when α <= 1; min when α > 1.
    pick = np.maximum if slope <= 1.0 else np.minimum
    y = np.multiply(x, slope, out=np.empty_like(x))  # one array, even for 0-d
    return pick(x, y, out=y)


@elementwise(native=True, blocks=False)
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
    step = indicator(x > 0, x)  # 1.0 or 0.0 (NaN for NaN)
    if not 0.0 <= slope <= 1.0:
        return select(step, 1, slope)
    # slope + step (1 - slope), in place on one array: exact, since for a
    # slope in [0, 1] the rounded 1 - slope plus slope rounds back to 1
    s = x.dtype.type(slope)
    step *= 1 - s
    step += s
    return step


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
    return done(np.where(x > 0, x, slopes * x), x.dtype)


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
    return done(np.where(np.isnan(x), np.nan, grad), x.dtype)


def _expm1_float32(t):
    # e^t - 1 for t <= 0 and float16/float32 results: e^t - 1 is off by
    # about 1e-16, a relative 1e-11 down to |t| = 1e-5, and np.expm1, twice
    # as slow as np.exp, only computes the few points closer to 0.
    return patch(np.exp(t) - 1.0, t, t > -1e-5, np.expm1)


def _elu_float32(x, alpha=1.0):
    # elu for float16 and float32 input, with the cheaper e^t - 1
    alpha = real_scalar(alpha, "alpha")
    return pos(x) + _expm1_branch(x, alpha, expm1=_expm1_float32)


def _selu_float32(x):
    # selu for float16 and float32 input (λx cannot overflow in float64)
    alpha = SELU_SCALE * SELU_ALPHA
    return SELU_SCALE * pos(x) + _expm1_branch(x, alpha, expm1=_expm1_float32)


def _celu_float32(x, alpha=1.0):
    # celu for float16 and float32 input
    alpha = real_scalar(alpha, "alpha", minimum=0.0, strict=True)
    return pos(x) + _expm1_branch(x, alpha, alpha, expm1=_expm1_float32)


# --8<-- [start:elu]
def _expm1_branch(x, alpha, x_scale=1.0, expm1=np.expm1):
    # alpha * (e^{x/x_scale} - 1) for x <= 0, 0 for x > 0; expm1 keeps the
    # digits that e^{x} - 1 loses near 0, and it only sees the points that
    # keep it (x <= 0 and NaN, about half of a layer): large positive x
    # cannot overflow it (the np.where trap).
    y = np.full(x.shape, alpha * 0.0, x.dtype)
    where = np.flatnonzero(~(x > 0))
    with np.errstate(over="ignore"):  # x/x_scale below the range: -inf, limit -1
        t = neg(gather(x, where)) / x_scale
    scatter(y, where, alpha * expm1(t))
    return y


@elementwise(float32=_elu_float32)
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
    return pos(x) + _expm1_branch(x, alpha)


# --8<-- [end:elu]


def _exp_branch(x, right, alpha, x_scale=1.0):
    # ``right`` for x > 0 and alpha * e^{x/x_scale} elsewhere (x <= 0, and
    # NaN, which e^{x} propagates).  The exponential only sees the points that
    # keep it: about half of a layer's pre-activations, and none of them large.
    y = np.full(x.shape, right, x.dtype)
    where = np.flatnonzero(~(x > 0))
    t = gather(x, where)
    if x_scale != 1.0:
        with np.errstate(over="ignore"):  # below the range: -inf, whose e^t is 0
            t /= x_scale
    scatter(y, where, alpha * np.exp(t, out=t))
    return y


@elementwise
def elu_grad(x, alpha=1.0):
    r"""Derivative of ELU: 1 for $x > 0$, $\alpha e^{x}$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    alpha : float, optional
        As in [`elu`][course_code.activations.relu_family.elu].

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
    return _exp_branch(x, 1.0, alpha)


@elementwise(float32=_selu_float32)
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
    with np.errstate(over="ignore"):  # λx > 1.8e308 rounds to inf, correctly
        return SELU_SCALE * pos(x) + _expm1_branch(x, SELU_SCALE * SELU_ALPHA)


@elementwise
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
    return _exp_branch(x, SELU_SCALE, SELU_SCALE * SELU_ALPHA)


@elementwise(float32=_celu_float32)
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
    return pos(x) + _expm1_branch(x, alpha, alpha)


@elementwise
def celu_grad(x, alpha=1.0):
    r"""Derivative of CELU: 1 for $x > 0$, $e^{x/\alpha}$ otherwise.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    alpha : float, optional
        As in [`celu`][course_code.activations.relu_family.celu].

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
    return _exp_branch(x, 1.0, 1.0, alpha)

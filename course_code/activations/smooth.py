"""Smooth modern functions: GELU, SiLU, Mish, softplus, hard swish.

Smooth relatives of ReLU, most of them self-gated ($x$ times a gate that
rises from 0 to 1).  Each function ``f`` sits next to its derivative
``f_grad``; GELU's kernels use Chebyshev expansions and compensated
arithmetic from the private ``course_code._numerics`` where scipy's formulas
lose digits.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from course_code._numerics import chebyshev
from course_code._numerics.branchless import pos
from course_code._numerics.compensated import two_product, x_exp
from course_code._numerics.evaluation import elementwise, patch, split
from course_code._numerics.inputs import (
    real_scalar,
)
from course_code.activations.sigmoid_family import _sigmoid_float32, sigmoid

__all__ = [
    "gelu",
    "gelu_grad",
    "hardswish",
    "hardswish_grad",
    "mish",
    "mish_grad",
    "silu",
    "silu_grad",
    "softplus",
    "softplus_grad",
]


_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_GELU_TANH_A = 0.044715
# 2√(2/π) as a double-double (hi + lo) pair, and 2√(2/π)·0.044715.
_K1_HI, _K1_LO = 1.5957691216057308, -9.96930880911092e-17
_K3_HI = 0.07135481627260025
_NORMAL_CDF = chebyshev.NORMAL_CDF
_GELU_GRAD = chebyshev.GELU_GRAD
_GELU_TANH_GRAD = chebyshev.GELU_TANH_GRAD


def _check_approximate(approximate):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")
    return approximate


def _gelu_exact(x):
    # x Φ(x); the ndtr of scipy keeps full relative accuracy in the left tail.
    # Below -37, Φ(x) is subnormal, so we write Φ(x) = erfcx(-x/√2) e^{-x²/2} / 2
    # and let x_exp round once.
    def main(t):
        t = np.clip(t, -40.0, np.inf)
        return t * special.ndtr(t)

    def tail(t):
        t = np.maximum(t, -40.0)  # -inf -> -40: the result is -0.0 either way
        return x_exp(0.5 * t * special.erfcx(-t / math.sqrt(2.0)), -0.5 * t * t)

    window = (x > -1.6) & (x < -0.4)  # where ndtr loses up to 8 ULP
    y = split(x, window, lambda t: t * chebyshev.evaluate(t, _NORMAL_CDF), main)
    return patch(y, x, x < -37.0, tail)


def _gelu_exact_grad(x):
    # Φ(x) + x φ(x).
    def terms(t):
        c = np.clip(t, -40.0, 40.0)
        return special.ndtr(c) + c * (_INV_SQRT_2PI * np.exp(-0.5 * c * c))

    def tail(t):
        t = np.maximum(t, -40.0)
        scale = 0.5 * special.erfcx(-t / math.sqrt(2.0)) + t * _INV_SQRT_2PI
        return x_exp(scale, -0.5 * t * t)

    # The two terms cancel at the root -0.7518: a Chebyshev expansion covers
    # (-1.6, 0), a third of the points of a typical layer, and ndtr, the
    # costly part, only sees the others.
    window = (x > -1.6) & (x < 0.0)
    y = split(x, window, lambda t: chebyshev.evaluate(t, _GELU_GRAD), terms)
    return patch(y, x, x < -37.0, tail)


def _gelu_tanh_u2(c):
    # 2u, where u = √(2/π) (x + 0.044715 x³) is the argument of tanh.
    return (2.0 * _SQRT_2_OVER_PI) * c * (1.0 + _GELU_TANH_A * (c * c))


def _gelu_tanh(x):
    # ½x(1 + tanh u) = x σ(2u): the same function without the cancellation
    # of 1 + tanh u for negative u.
    c = np.clip(x, -30.0, 30.0)
    y = np.clip(x, -30.0, np.inf) * sigmoid(_gelu_tanh_u2(c))

    def tail(t):  # x σ(2u) ≈ x e^{2u} once σ(2u) is tiny
        t = np.maximum(t, -30.0)
        return x_exp(t, _gelu_tanh_u2(t))

    y = patch(y, x, x < -20.0, tail)
    return patch(y, x, (x > -3.3) & (x <= -0.5), _gelu_tanh_compensated)


def _gelu_tanh_grad(x):
    # d/dx [x σ(2u)] = σ(2u) + 2x u' σ(2u) σ(-2u).
    def main(t):
        c = np.clip(t, -30.0, 30.0)
        u2 = _gelu_tanh_u2(c)
        du2 = (2.0 * _SQRT_2_OVER_PI) * (1.0 + (3.0 * _GELU_TANH_A) * (c * c))
        e = np.exp(-np.abs(u2))  # σ(2u) and σ'(2u) share one exponential
        return (np.maximum(e, u2 >= 0) + c * du2 * e / (1.0 + e)) / (1.0 + e)

    def tail(t):  # ≈ e^{2u} (1 + x·2u')
        t = np.maximum(t, -30.0)
        d = (2.0 * _SQRT_2_OVER_PI) * (1.0 + (3.0 * _GELU_TANH_A) * (t * t))
        return x_exp(1.0 + t * d, _gelu_tanh_u2(t))

    def inside(t):
        # (-3.3, -1.2]: e^{2u} magnifies the rounding of 2u; (-1.2, -0.1):
        # cancellation at the root -0.7525
        cheb = lambda u: chebyshev.evaluate(u, _GELU_TANH_GRAD)  # noqa: E731
        return split(t, t > -1.2, cheb, _gelu_tanh_grad_compensated)

    y = split(x, (x > -3.3) & (x < -0.1), inside, main)
    return patch(y, x, x < -20.0, tail)


def _gelu_tanh_exp_u2(x):
    # For -3.3 < x <= -0.5: E = e^{2u} and 2xu' (as w + w_lo).  An error δ
    # in 2u is a relative error δ in E, and |2u| reaches 8, so one rounding
    # of 2u alone can cost 8 ULP.  We carry 2u = K1 x + K3 x³ as hi + lo:
    # K1 x exactly (Dekker's product), the smaller K3 x³ rounded (an error
    # the rounding of x itself already allows); likewise 2xu' = K1 x + 3K3 x³.
    r, r_lo = two_product(_K1_HI, x)
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


def _gelu_float32(x, approximate="none"):
    # GELU for float16 and float32 input: the plain formulas in float64 are
    # right to about 1e-15, and a float32 result needs 1e-10.  No Chebyshev
    # window, no compensated 2u and no tail patch: a float32 GELU underflows
    # to 0 long before x = -37 (or x = -20 for the tanh form).
    if _check_approximate(approximate) == "tanh":
        c = np.clip(x, -30.0, 30.0)
        u2 = _gelu_tanh_u2(c)
        return np.clip(x, -30.0, np.inf) * _sigmoid_float32(u2)  # x σ(2u)
    c = np.clip(x, -40.0, np.inf)
    return c * special.ndtr(c)  # x Φ(x)


def _gelu_grad_float32(x, approximate="none"):
    # GELU's derivative for float16 and float32 input, as _gelu_float32.
    # Near the roots (-0.75) the terms cancel to an absolute error of about
    # 1e-16, far below the contract's allowance |x f''(x)| eps(float32).
    c = np.clip(x, -40.0, 40.0)
    if _check_approximate(approximate) == "tanh":
        # σ(2u) + 2x u' σ(2u) σ(-2u), one exponential for both sigmoids
        u2 = _gelu_tanh_u2(c)
        du2 = (2.0 * _SQRT_2_OVER_PI) * (1.0 + (3.0 * _GELU_TANH_A) * (c * c))
        e = np.exp(-np.abs(u2))
        return (np.maximum(e, u2 >= 0) + c * du2 * e / (1.0 + e)) / (1.0 + e)
    return special.ndtr(c) + c * (_INV_SQRT_2PI * np.exp(-0.5 * c * c))  # Φ + xφ


@elementwise(float32=_gelu_float32)
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
    if _check_approximate(approximate) == "tanh":
        return _gelu_tanh(x)  # x σ(2u) = ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³)
    return _gelu_exact(x)  # x Φ(x)


@elementwise(float32=_gelu_grad_float32)
def gelu_grad(x, approximate="none"):
    r"""Derivative of GELU, $\Phi(x) + x\,\varphi(x)$ (or of its tanh form).

    Parameters
    ----------
    x : array_like
        Input of any shape.
    approximate : str, optional
        ``'none'`` or ``'tanh'``, as in [`gelu`][course_code.activations.smooth.gelu].

    Returns
    -------
    numpy.ndarray or numpy scalar
        Values in about $[-0.1289, 1.1289]$: GELU is not monotonic.

    Examples
    --------
    >>> gelu_grad([-np.inf, 0.0, np.inf])
    array([0. , 0.5, 1. ])
    """
    if _check_approximate(approximate) == "tanh":
        return _gelu_tanh_grad(x)  # σ(2u) + 2x u' σ(2u) σ(-2u)
    return _gelu_exact_grad(x)  # Φ(x) + x φ(x)


def _exp_parts(c):
    # e = e^{-|x|}, s = e^{min(x, 0)} and r = e^{-max(x, 0)}, from one exponential:
    # s is e for x < 0 and 1 for x >= 0, r the other way round (s r = e).
    e = np.exp(-np.abs(c))
    return e, np.maximum(e, c >= 0), np.maximum(e, c < 0)


def _silu_float32(x):
    # x σ(x) for float16 and float32 input: x / (1 + e^{-x}), right to 2e-16;
    # below -700 the result is 0 in float32, so no tail patch.
    c = np.maximum(x, -700.0)
    return c / (1.0 + np.exp(-c))


@elementwise(float32=_silu_float32)
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
    c = np.clip(x, -800.0, np.inf)  # -inf * σ(-inf) would be NaN
    y = c * sigmoid(c)
    return patch(y, x, x < -700.0, lambda t: x_exp(np.maximum(t, -800.0), t))


def _silu_grad_float32(x):
    # σ(x) (1 + x (1 - σ(x))) for float16 and float32 input: near the root
    # -1.28 the terms cancel to an absolute error of about 1e-16, far below
    # the contract's allowance |x f'(x)| eps(float32).
    c = np.clip(x, -700.0, 700.0)
    s = _sigmoid_float32(c)
    return s * (1.0 + c * (1.0 - s))


@elementwise(float32=_silu_grad_float32)
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
    # σ(x)(1 + x σ(-x)) cancels near its root x ≈ -1.2785.  With e = e^{-|x|},
    # the same value is (e (1 + x) + e^{2 min(x, 0)}) / (1 + e)^2: for x < 0
    # it is e ((1 + x) + e) / (1 + e)^2, where 1 + x is exact near the root and
    # only the rounding of e enters the cancellation; for x >= 0 it is
    # (e (1 + x) + 1) / (1 + e)^2.  One exponential serves both.
    c = np.clip(x, -800.0, 800.0)
    e, s, r = _exp_parts(c)
    y = s * (r * (1.0 + c) + s) / (1.0 + e) ** 2
    return patch(y, x, x < -700.0, lambda t: x_exp(1.0 + np.maximum(t, -800.0), t))


def _mish_parts(c):
    # tanh(softplus(x)) = N / (N + b) with, for e = e^{-|x|},
    #   x >= 0:  N = 1 + 2e,    b = 2e²
    #   x <  0:  N = e² + 2e,   b = 2
    # (divide the x < 0 form by e² to get the x >= 0 one), that is
    # N = s² + 2e and b = 2r².  Every term is positive and at most 2, so
    # nothing overflows and nothing cancels.
    e, s, r = _exp_parts(c)
    return s * s + 2.0 * e, 2.0 * (r * r)


@elementwise
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
    c = np.clip(x, -800.0, np.inf)
    n, b = _mish_parts(c)
    y = c * (n / (n + b))
    return patch(y, x, x < -700.0, lambda t: x_exp(np.maximum(t, -800.0), t))


@elementwise
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

    # mish'(x) = t + x σ(x) (1 - t²) with t = tanh(softplus(x)).  Near the
    # root x ≈ -1.19 the two terms cancel, so for x < 0 we put everything over
    # one denominator; with e = e^{x} and d = e² + 2e + 2 it is
    #   e ((4 + 4x) + e (6 + 4x) + 4e² + e³) / d²,
    # where 4 + 4x and 6 + 4x are exact for -2 <= x <= -1/2.  Above -1/2
    # nothing cancels and, with e = e^{-x}, the same value is
    #   ((1 + 2e)(1 + 2e + 2e²) + 4x e² (1 + e)) / (1 + 2e + 2e²)².
    def left(t):
        xn = np.clip(t, -800.0, -0.5)
        e = np.exp(xn)
        d = e * (e + 2.0) + 2.0
        return e * ((4.0 + 4.0 * xn) + e * ((6.0 + 4.0 * xn) + e * (4.0 + e))) / (d * d)

    def right(t):
        xp = np.clip(t, -0.5, 800.0)
        e = np.exp(-xp)
        d = 1.0 + 2.0 * e * (1.0 + e)
        return ((1.0 + 2.0 * e) * d + 4.0 * xp * e * e * (1.0 + e)) / (d * d)

    y = split(x, x < -0.5, left, right)  # each point pays for one exponential
    return patch(y, x, x < -700.0, lambda t: x_exp(1.0 + np.maximum(t, -800.0), t))


def _beta(beta):
    return real_scalar(beta, "beta", minimum=0.0, strict=True)


def _times_beta(x, beta):
    # βx without overflow: softplus and σ are saturated long before |βx| = 1e4.
    if beta == 1.0:
        return x
    return beta * np.clip(x, -1e4 / beta, 1e4 / beta)


# --8<-- [start:softplus]
@elementwise
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
    return pos(x) + np.log1p(np.exp(-np.abs(_times_beta(x, beta)))) / beta


# --8<-- [end:softplus]


def _softplus_grad_float32(x, beta=1.0):
    # σ(βx) for float16 and float32 input
    return _sigmoid_float32(_times_beta(x, _beta(beta)))


@elementwise(float32=_softplus_grad_float32)
def softplus_grad(x, beta=1.0):
    r"""Derivative of softplus, $\sigma(\beta x)$.

    Parameters
    ----------
    x : array_like
        Input of any shape.
    beta : float, optional
        As in [`softplus`][course_code.activations.smooth.softplus].

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
    return sigmoid(_times_beta(x, beta))


@elementwise(native=True, blocks=False)
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
    # x relu6(x + 3) / 6 on one array, the whole input at once: clipping x
    # to [-3, 3] and adding 3 is relu6(x + 3).  Only x = -inf, where
    # 0 * -inf is NaN, needs its limit -0 written in.
    y = np.clip(x, -3, 3, out=np.empty_like(x))  # an array even for 0-d input
    y += 3
    y /= 6  # before multiplying by x, which could then overflow
    with np.errstate(invalid="ignore"):  # 0 * -inf, replaced below
        y *= x
    y[x == -np.inf] = -0.0
    return y


@elementwise(native=True, blocks=False)
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
    # (2x + 3)/6 inside (-3, 3), then 0 from -3 down and 1 from 3 up, in
    # place on the result.  NaN stays NaN and carries through the sum.
    y = np.clip(x, -3, 3, out=np.empty_like(x))  # an array even for 0-d input
    y *= 2
    y += 3
    y /= 6
    y *= (x > -3) & (x < 3)
    y += x >= 3
    return y

r"""Weight initialisers: Xavier/Glorot, He/Kaiming, LeCun, and plain ones.

A weight matrix here has shape ``(fan_in, fan_out)`` and is used as
``y = x @ W + b``: ``fan_in`` inputs feed each of ``fan_out`` units.  (PyTorch
stores the transpose, ``(out_features, in_features)``; the fans are the same.)

Every scheme draws from a distribution of mean 0 and chooses its spread so
that the variance of a unit's output matches the variance of its inputs.  A
sum of ``fan_in`` independent terms $w_i x_i$ has variance
$n_\text{in}\operatorname{Var}(w)\operatorname{E}[x^2]$, which is
why every standard deviation below is some gain over $\sqrt{\text{fan}}$.

Examples
--------
>>> W = he_normal(512, 256, rng=0)
>>> W.shape, W.dtype
((512, 256), dtype('float64'))
>>> round(float(W.std() * np.sqrt(512)), 1)  # He: std = sqrt(2 / fan_in)
1.4
"""

from __future__ import annotations

import math

import numpy as np

from course_code._numerics.inputs import as_generator, positive_int, real_scalar

__all__ = [
    "calculate_gain",
    "gain_name",
    "he_normal",
    "he_uniform",
    "init_std",
    "initialize",
    "lecun_normal",
    "lecun_uniform",
    "normal",
    "uniform",
    "xavier_normal",
    "xavier_uniform",
    "zeros",
]


def _float_dtype(dtype):
    try:
        dtype = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"dtype must be a NumPy float dtype, got {dtype!r}") from None
    if dtype not in (np.float16, np.float32, np.float64):
        raise TypeError(f"dtype must be float16, float32 or float64, got {dtype}")
    return dtype


def _draw(kind, spread, fan_in, fan_out, rng, dtype):
    """N(0, spread²) or U(-spread, spread) of shape (fan_in, fan_out)."""
    shape = (positive_int(fan_in, "fan_in"), positive_int(fan_out, "fan_out"))
    dtype = _float_dtype(dtype)
    rng = as_generator(rng)
    if kind == "normal":
        w = rng.standard_normal(shape) * spread
    else:
        w = rng.uniform(-spread, spread, shape)
    return w.astype(dtype, copy=False)


def _fan(fan_in, fan_out, mode):
    """The fan a scheme divides by: fan_in, fan_out, or (Glorot) their sum."""
    fans = {"fan_in": fan_in, "fan_out": fan_out}
    fans = {key: positive_int(value, key) for key, value in fans.items()}
    if mode == "sum":
        return fans["fan_in"] + fans["fan_out"]
    if mode in fans:
        return fans[mode]
    raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")


# ---------------------------------------------------------------------------
# The gain: how much an activation shrinks the second moment of its input.
# ---------------------------------------------------------------------------

_LINEAR = (
    "linear",
    "identity",
    "sigmoid",
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
)


# Activations that PyTorch has no gain for but that behave like ReLU for large
# inputs (and pass about half the second moment on): He uses ReLU's gain.
_RELU_LIKE = ("gelu", "gelu_tanh", "silu", "mish", "elu", "celu", "softplus")
_RELU_LIKE += ("hardswish", "relu6", "prelu", "rrelu")


def gain_name(activation):
    """The name ``calculate_gain`` knows for a catalogue key.

    Parameters
    ----------
    activation : str
        A key of ``course_code.activations.ACTIVATIONS``.

    Returns
    -------
    str
        The key itself where PyTorch has a gain for it; ``"relu"`` for the
        functions that behave like ReLU for large inputs (GELU, SiLU, ELU,
        …), which is what ``kaiming_normal_`` uses by default; ``"linear"``
        for the rest.

    Examples
    --------
    >>> gain_name("tanh"), gain_name("gelu"), gain_name("softsign")
    ('tanh', 'relu', 'linear')
    """
    if activation in ("sigmoid", "tanh", "relu", "leaky_relu", "selu"):
        return activation
    return "relu" if activation in _RELU_LIKE else "linear"


def calculate_gain(nonlinearity, param=None):
    r"""The recommended gain for an activation, as ``torch.nn.init.calculate_gain``.

    Parameters
    ----------
    nonlinearity : str
        ``"linear"``, ``"identity"``, the ``conv*`` names, ``"sigmoid"``,
        ``"tanh"``, ``"relu"``, ``"leaky_relu"``, ``"selu"``.
    param : float, optional
        The negative slope of ``"leaky_relu"`` (default 0.01); ignored by
        the others, as in PyTorch.

    Returns
    -------
    float
        1 for the linear ones and sigmoid, 5/3 for tanh, $\sqrt2$ for ReLU,
        $\sqrt{2/(1 + \text{slope}^2)}$ for leaky ReLU, 3/4 for SELU.

    Notes
    -----
    PyTorch has no gain for GELU or SiLU, and neither do we: no gain keeps
    their variance fixed through depth (see the depth notebook).  For them
    [`gain_name`][course_code.initializers.gain_name] picks ReLU's.

    Examples
    --------
    >>> calculate_gain("tanh")
    1.6666666666666667
    >>> calculate_gain("relu") == np.sqrt(2)
    np.True_
    >>> round(calculate_gain("leaky_relu", 0.2), 4)
    1.3868
    """
    if not isinstance(nonlinearity, str):
        raise TypeError(
            f"nonlinearity must be a str, got {type(nonlinearity).__name__}"
        )
    if nonlinearity in _LINEAR:
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3.0
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else real_scalar(param, "param")
        return math.sqrt(2.0 / (1.0 + slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4.0  # PyTorch's choice; LeCun normal (gain 1) is the paper's
    known = ", ".join([*_LINEAR, "tanh", "relu", "leaky_relu", "selu"])
    raise ValueError(f"nonlinearity {nonlinearity!r} is not supported; use {known}")


# ---------------------------------------------------------------------------
# Xavier / Glorot (2010): keep the variance forwards *and* backwards.
# ---------------------------------------------------------------------------


def xavier_uniform(fan_in, fan_out, *, gain=1.0, rng=None, dtype=np.float64):
    r"""Glorot uniform: $U(-a, a)$, $a = g\sqrt{6/(n_\text{in} + n_\text{out})}$.

    Parameters
    ----------
    fan_in, fan_out : int
        Inputs and outputs of the layer; the result has shape
        ``(fan_in, fan_out)``.
    gain : float, optional
        A factor for the activation, see
        [`calculate_gain`][course_code.initializers.calculate_gain].
    rng : numpy.random.Generator, int or None, optional
        Source of randomness (a generator, a seed or None).
    dtype : dtype, optional
        float16, float32 or float64 (default).

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``, variance
        $\text{gain}^2 \cdot 2/(n_\text{in} + n_\text{out})$.

    Notes
    -----
    Forwards, the variance is kept when $n_\text{in}\operatorname{Var}(w) = 1$;
    backwards, when $n_\text{out}\operatorname{Var}(w) = 1$.  Glorot and
    Bengio (2010) compromise on the harmonic mean of the two fans.

    Examples
    --------
    >>> W = xavier_uniform(300, 100, rng=0)
    >>> bool(np.abs(W).max() <= np.sqrt(6 / 400))
    True
    """
    gain = real_scalar(gain, "gain")
    bound = gain * math.sqrt(6.0 / _fan(fan_in, fan_out, "sum"))
    return _draw("uniform", bound, fan_in, fan_out, rng, dtype)


def xavier_normal(fan_in, fan_out, *, gain=1.0, rng=None, dtype=np.float64):
    r"""Glorot normal: $N(0, s^2)$ with $s = g\sqrt{2/(n_\text{in} + n_\text{out})}$.

    Parameters
    ----------
    fan_in, fan_out, gain, rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``.

    Examples
    --------
    >>> W = xavier_normal(400, 400, rng=0)
    >>> round(float(W.std() * np.sqrt(400)), 2)
    1.0
    """
    gain = real_scalar(gain, "gain")
    std = gain * math.sqrt(2.0 / _fan(fan_in, fan_out, "sum"))
    return _draw("normal", std, fan_in, fan_out, rng, dtype)


# ---------------------------------------------------------------------------
# He / Kaiming (2015): ReLU zeroes half its input, so double the variance.
# ---------------------------------------------------------------------------


def he_uniform(
    fan_in,
    fan_out,
    *,
    nonlinearity="relu",
    a=0.0,
    mode="fan_in",
    rng=None,
    dtype=np.float64,
):
    r"""He uniform (``kaiming_uniform_``): $U(-a, a)$, $a = g\sqrt{3/\text{fan}}$.

    Parameters
    ----------
    fan_in, fan_out : int
        Inputs and outputs of the layer.
    nonlinearity : str, optional
        Passed to [`calculate_gain`][course_code.initializers.calculate_gain]
        with ``a``; default ``"relu"`` (gain $\sqrt 2$).
    a : float, optional
        The negative slope, used when ``nonlinearity="leaky_relu"``.
    mode : {"fan_in", "fan_out"}, optional
        Keep the variance of the forward pass (``"fan_in"``) or of the
        backward pass (``"fan_out"``).
    rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``, standard deviation
        $\text{gain}/\sqrt{\text{fan}}$.

    Examples
    --------
    >>> W = he_uniform(200, 50, rng=0)
    >>> bool(np.abs(W).max() <= np.sqrt(6 / 200))
    True
    """
    gain = calculate_gain(nonlinearity, a)
    bound = gain * math.sqrt(3.0 / _fan(fan_in, fan_out, mode))
    return _draw("uniform", bound, fan_in, fan_out, rng, dtype)


def he_normal(
    fan_in,
    fan_out,
    *,
    nonlinearity="relu",
    a=0.0,
    mode="fan_in",
    rng=None,
    dtype=np.float64,
):
    r"""He normal (``kaiming_normal_``): $N(0, s^2)$ with $s = g/\sqrt{\text{fan}}$.

    Parameters
    ----------
    fan_in, fan_out, nonlinearity, a, mode, rng, dtype
        As in [`he_uniform`][course_code.initializers.he_uniform].

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``.

    Notes
    -----
    ReLU passes on half of the second moment of a symmetric input,
    $E[\operatorname{relu}(z)^2] = \operatorname{Var}(z)/2$; the gain $\sqrt2$
    gives it back, layer after layer.

    Examples
    --------
    >>> W = he_normal(1000, 10, mode="fan_out", rng=0)
    >>> round(float(W.std() * np.sqrt(10 / 2)), 1)
    1.0
    """
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(_fan(fan_in, fan_out, mode))
    return _draw("normal", std, fan_in, fan_out, rng, dtype)


# ---------------------------------------------------------------------------
# LeCun (1998): variance 1/fan_in, the initialisation SELU is designed for.
# ---------------------------------------------------------------------------


def lecun_normal(fan_in, fan_out, *, rng=None, dtype=np.float64):
    r"""LeCun normal: $N(0, 1/n_\text{in})$.

    Parameters
    ----------
    fan_in, fan_out, rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``.

    Notes
    -----
    A plain normal, as in the SELU paper (Klambauer et al., 2017); Keras's
    ``lecun_normal`` truncates it at two standard deviations and rescales.

    Examples
    --------
    >>> W = lecun_normal(400, 300, rng=0)
    >>> round(float(W.std() * np.sqrt(400)), 2)
    1.0
    """
    std = 1.0 / math.sqrt(positive_int(fan_in, "fan_in"))
    return _draw("normal", std, fan_in, fan_out, rng, dtype)


def lecun_uniform(fan_in, fan_out, *, rng=None, dtype=np.float64):
    r"""LeCun uniform: $U(-a, a)$ with $a = \sqrt{3/n_\text{in}}$.

    The variance is $a^2/3 = 1/n_\text{in}$, as in LeCun normal.

    Parameters
    ----------
    fan_in, fan_out, rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``.

    Examples
    --------
    >>> W = lecun_uniform(300, 400, rng=0)
    >>> bool(np.abs(W).max() <= 0.1)
    True
    """
    bound = math.sqrt(3.0 / positive_int(fan_in, "fan_in"))
    return _draw("uniform", bound, fan_in, fan_out, rng, dtype)


# ---------------------------------------------------------------------------
# Plain distributions, with PyTorch's defaults.
# ---------------------------------------------------------------------------


def normal(fan_in, fan_out, *, mean=0.0, std=1.0, rng=None, dtype=np.float64):
    r"""$N(\text{mean}, \text{std}^2)$, as ``torch.nn.init.normal_``.

    Parameters
    ----------
    fan_in, fan_out : int
        The result has shape ``(fan_in, fan_out)``.
    mean : float, optional
        Default 0.
    std : float, optional
        Default 1 (as PyTorch): far too large for a wide layer.
    rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    >>> normal(2, 3, std=0.01, rng=0).shape
    (2, 3)
    """
    mean = real_scalar(mean, "mean")
    std = real_scalar(std, "std", minimum=0.0)
    w = _draw("normal", std, fan_in, fan_out, rng, np.float64) + mean
    return w.astype(_float_dtype(dtype), copy=False)


def uniform(fan_in, fan_out, *, a=0.0, b=1.0, rng=None, dtype=np.float64):
    r"""$U(a, b)$, as ``torch.nn.init.uniform_`` (``a`` is the lower bound).

    Parameters
    ----------
    fan_in, fan_out : int
        The result has shape ``(fan_in, fan_out)``.
    a, b : float, optional
        Lower and upper bound, default 0 and 1 (as PyTorch); ``a <= b``.
    rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    >>> W = uniform(3, 4, a=-0.1, b=0.1, rng=0)
    >>> bool(np.all(np.abs(W) <= 0.1))
    True
    """
    a = real_scalar(a, "a")
    b = real_scalar(b, "b", minimum=a)
    half_width = (b - a) / 2.0
    w = _draw("uniform", half_width, fan_in, fan_out, rng, np.float64) + (a + b) / 2
    return w.astype(_float_dtype(dtype), copy=False)


def zeros(fan_in, fan_out, *, dtype=np.float64):
    """All zeros: the right start for biases, the wrong one for weights.

    Parameters
    ----------
    fan_in, fan_out : int
        The result has shape ``(fan_in, fan_out)``.
    dtype : dtype, optional
        float16, float32 or float64 (default).

    Returns
    -------
    numpy.ndarray

    Notes
    -----
    Every unit of a layer initialised with zeros computes the same function
    and receives the same gradient: they stay identical forever.  Random
    weights break that symmetry.

    Examples
    --------
    >>> zeros(2, 3)
    array([[0., 0., 0.],
           [0., 0., 0.]])
    """
    shape = (positive_int(fan_in, "fan_in"), positive_int(fan_out, "fan_out"))
    return np.zeros(shape, dtype=_float_dtype(dtype))


# ---------------------------------------------------------------------------
# One entry point by name, for layers and experiments.
# ---------------------------------------------------------------------------

SCHEMES = ("xavier", "he", "lecun")


def init_std(scheme, fan_in, fan_out, *, nonlinearity="linear"):
    r"""The standard deviation a scheme gives the weights of a layer.

    Parameters
    ----------
    scheme : {"xavier", "he", "lecun"}
        Glorot with gain 1, He (``mode="fan_in"``) with the gain of
        ``nonlinearity``, or LeCun.
    fan_in, fan_out : int
        The layer's fans.
    nonlinearity : str, optional
        For He: a name [`calculate_gain`][course_code.initializers.calculate_gain]
        knows.

    Returns
    -------
    float
        $\sqrt{2/(n_\text{in} + n_\text{out})}$, $g/\sqrt{n_\text{in}}$ or
        $1/\sqrt{n_\text{in}}$.  For a square layer Xavier and LeCun agree.

    Examples
    --------
    >>> round(init_std("he", 512, 512, nonlinearity="relu") ** 2 * 512, 12)
    2.0
    >>> bool(np.isclose(init_std("xavier", 512, 512), init_std("lecun", 512, 512)))
    True
    """
    if scheme == "xavier":
        return math.sqrt(2.0 / _fan(fan_in, fan_out, "sum"))
    if scheme == "he":
        return calculate_gain(nonlinearity) / math.sqrt(_fan(fan_in, fan_out, "fan_in"))
    if scheme == "lecun":
        return 1.0 / math.sqrt(_fan(fan_in, fan_out, "fan_in"))
    raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, got {scheme!r}")


def initialize(
    scheme, fan_in, fan_out, *, nonlinearity="linear", rng=None, dtype=np.float64
):
    r"""Weights from a scheme named by a string, as a layer chooses them.

    Parameters
    ----------
    scheme : str
        ``"xavier"``, ``"he"`` or ``"lecun"`` (normal distributions), or
        one of ``"xavier_normal"``, ``"xavier_uniform"``, ``"he_normal"``,
        ``"he_uniform"``, ``"lecun_normal"``, ``"lecun_uniform"``,
        ``"zeros"``.
    fan_in, fan_out : int
        The result has shape ``(fan_in, fan_out)``.
    nonlinearity : str, optional
        The activation that follows the layer: He takes its gain from it.
        Xavier uses gain 1, as Glorot and Bengio (2010) did; LeCun has none.
    rng, dtype
        As in [`xavier_uniform`][course_code.initializers.xavier_uniform].

    Returns
    -------
    numpy.ndarray
        Shape ``(fan_in, fan_out)``.

    Examples
    --------
    >>> W = initialize("he", 256, 256, nonlinearity="relu", rng=0)
    >>> round(float(W.var() * 256), 1)
    2.0
    """
    if not isinstance(scheme, str):
        raise TypeError(f"scheme must be a str, got {type(scheme).__name__}")
    name = scheme if "_" in scheme or scheme == "zeros" else scheme + "_normal"
    kwargs = {"rng": rng, "dtype": dtype}
    if name.startswith("he_"):
        kwargs["nonlinearity"] = nonlinearity
    elif name == "zeros":
        kwargs.pop("rng")
    factory = _FACTORIES.get(name)
    if factory is None:
        raise ValueError(
            f"scheme must be one of {', '.join(SCHEMES)} or a function name "
            f"such as 'he_uniform', got {scheme!r}"
        )
    return factory(fan_in, fan_out, **kwargs)


_FACTORIES = {
    f.__name__: f
    for f in (
        xavier_normal,
        xavier_uniform,
        he_normal,
        he_uniform,
        lecun_normal,
        lecun_uniform,
        zeros,
    )
}

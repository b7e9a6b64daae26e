"""Exact values of every elementwise activation and of its first two derivatives.

The accuracy tests compare :mod:`course_code.activations` with the values
computed here by mpmath, in binary arbitrary precision.

Conventions
-----------
Inputs
    ``x`` is a binary floating-point number (a float64, or a float32 widened
    to float64 without change).  It is converted to mpmath exactly, so the
    reference is the exact function of the number the implementation received.
Parameters
    The defaults follow PyTorch, where a parameter is a float64 value:
    ``negative_slope=0.01`` is the double nearest 0.01 (``mpf(0.01)``), not the
    decimal 0.01.  ``alpha=1``, ``beta=1``, ``lambd=0.5``, ``min_val=-1``,
    ``max_val=1`` are exact.  Constants defined by their paper as decimals are
    taken as those decimals at full given precision (SELU's alpha and scale,
    GELU-tanh's 0.044715), and $\\sqrt{2/\\pi}$ and $1/\\sqrt{2\\pi}$ are exact.
    These differ from their float64 roundings by less than half an ulp.
Precision
    Every value is computed with ``WORKING_BITS`` = 160 bits.  The formulas
    below avoid cancellation (``expm1``, ``log1p``, $\\sigma$ pairs, Mish's
    $\\tanh(\\operatorname{softplus} x)$ as a rational function of $e^x$), so
    the only loss left is near the roots of a function or derivative, at most
    about 64 bits for a float input.  ``x - tanh(x)`` loses about
    $2\\log_2(1/|x|)$ bits for small $x$, and exponentials of $x^2$ and $x^3$
    need the integer bits of their argument: :func:`precision_for` adds both.
    :func:`reference_triple` accepts ``extra_bits`` so that a test can check
    that a value does not change with more precision.

Examples
--------
>>> float(reference("sigmoid", 0.0))
0.5
>>> float(reference_grad("tanhshrink", 1e-200))
1e-400
>>> round_to_dtype(reference("sigmoid", -800.0), "float64")
Rounded(value=0.0, ulp=5e-324, residual=0.0)
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import math
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import mpmath
import numpy as np
from mpmath import mp, mpf

#: Bits of precision for every reference value (before local increases).
WORKING_BITS = 160

with mp.workprec(512):
    #: SELU's alpha and scale as printed in Klambauer et al. (2017).
    SELU_ALPHA = mpf("1.6732632423543772848170429916717")
    SELU_SCALE = mpf("1.0507009873554804934193349852946")
    #: The cubic coefficient of the tanh approximation of GELU, a decimal.
    GELU_TANH_COEFF = mpf("0.044715")

#: PyTorch's default negative slope: the float64 number nearest 0.01.
LEAKY_SLOPE = mpf(0.01)
PRELU_WEIGHT = mpf(0.25)
# RReLU's evaluation slope (1/8 + 1/3)/2 = 11/48, as the double it is computed as.
RRELU_SLOPE = mpf((1.0 / 8.0 + 1.0 / 3.0) / 2)
ELU_ALPHA = mpf(1)
CELU_ALPHA = mpf(1)
SHRINK_LAMBDA = mpf(0.5)
HARDTANH_MIN, HARDTANH_MAX = mpf(-1), mpf(1)

Triple = tuple[mpf, mpf, mpf]


# --- building blocks ----------------------------------------------------------


def _sigmoid_pair(x):
    """Return (sigma(x), sigma(-x)), both without cancellation."""
    e = mpmath.exp(-abs(x))
    big, small = 1 / (1 + e), e / (1 + e)
    return (big, small) if x >= 0 else (small, big)


def _step(condition, value):
    """``value`` where ``condition`` holds, else 0 (a piecewise derivative)."""
    return mpf(value) if condition else mpf(0)


def _normal_cdf_pdf(x):
    """Return (Phi(x), phi(x)) of the standard normal distribution."""
    pdf = mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)
    if abs(x) < 1e100:
        return mpmath.ncdf(x), pdf
    # mpmath's erfc cannot take |x| >= 1e154; the asymptotic series is
    # exact to 1e-600 here, far below the working precision.
    tail = pdf / abs(x) * (1 - 1 / x**2 + 3 / x**4)
    return (tail if x < 0 else 1 - tail), pdf


# --- the smooth functions: (f, f', f'') ---------------------------------------


def _sigmoid(x) -> Triple:
    s, t = _sigmoid_pair(x)
    return s, s * t, -s * t * mpmath.tanh(x / 2)


def _tanh(x) -> Triple:
    th, sech2 = mpmath.tanh(x), mpmath.sech(x) ** 2
    return th, sech2, -2 * th * sech2


def _tanhshrink(x) -> Triple:
    th, sech2 = mpmath.tanh(x), mpmath.sech(x) ** 2
    return x - th, th**2, 2 * th * sech2


def _softplus(x) -> Triple:
    s, t = _sigmoid_pair(x)
    return max(x, 0) + mpmath.log1p(mpmath.exp(-abs(x))), s, s * t


def _logsigmoid(x) -> Triple:
    s, t = _sigmoid_pair(x)
    return min(x, 0) - mpmath.log1p(mpmath.exp(-abs(x))), t, -s * t


def _silu(x) -> Triple:
    s, t = _sigmoid_pair(x)
    # f'' = 2 sigma' + x sigma'', with sigma'' = sigma' (t - s) = -sigma' tanh(x/2)
    return x * s, s * (1 + x * t), s * t * (2 - x * mpmath.tanh(x / 2))


def _mish(x) -> Triple:
    # With n = e^x (e^x + 2):  tanh(softplus x) = n / (n + 2) and
    # sech^2(softplus x) = 4 (n + 1) / (n + 2)^2, both free of cancellation.
    e = mpmath.exp(x)
    n = e * (e + 2)
    tsp, sech2 = n / (n + 2), 4 * (n + 1) / (n + 2) ** 2
    s, t = _sigmoid_pair(x)
    g1 = sech2 * s  # d/dx tanh(softplus x)
    g2 = sech2 * (s * t - 2 * tsp * s * s)
    return x * tsp, tsp + x * g1, 2 * g1 + x * g2


def _gelu(x) -> Triple:
    cdf, pdf = _normal_cdf_pdf(x)
    return x * cdf, cdf + x * pdf, pdf * (2 - x * x)


def _gelu_tanh(x) -> Triple:
    # 1/2 (1 + tanh u) = sigma(2u): no cancellation as x -> -inf.
    c, k = mpmath.sqrt(2 / mpmath.pi), GELU_TANH_COEFF
    u, du, d2u = c * (x + k * x**3), c * (1 + 3 * k * x * x), 6 * c * k * x
    s, t = _sigmoid_pair(2 * u)
    ds = 2 * du * s * t
    d2s = 2 * d2u * s * t - 2 * du * ds * mpmath.tanh(u)
    return x * s, s + x * ds, 2 * ds + x * d2s


def _softsign(x) -> Triple:
    d = 1 + abs(x)
    return x / d, 1 / d**2, -2 * mpmath.sign(x) / d**3


def _elu(x, alpha=ELU_ALPHA) -> Triple:
    if x > 0:
        return x, mpf(1), mpf(0)
    return alpha * mpmath.expm1(x), alpha * mpmath.exp(x), alpha * mpmath.exp(x)


def _selu(x) -> Triple:
    f, df, d2f = _elu(x, SELU_ALPHA)
    return SELU_SCALE * f, SELU_SCALE * df, SELU_SCALE * d2f


def _celu(x, alpha=CELU_ALPHA) -> Triple:
    if x > 0:
        return x, mpf(1), mpf(0)
    e = mpmath.exp(x / alpha)
    return alpha * mpmath.expm1(x / alpha), e, e / alpha


# --- the piecewise-linear (and one piecewise-quadratic) functions -------------
# Derivatives at a kink follow PyTorch, as documented in course_code.


def _relu(x) -> Triple:
    return max(x, 0), _step(x > 0, 1), mpf(0)


def _relu6(x) -> Triple:
    return min(max(x, 0), 6), _step(0 < x < 6, 1), mpf(0)


def _leaky(slope):
    def triple(x) -> Triple:
        if x > 0:
            return x, mpf(1), mpf(0)
        return slope * x, slope, mpf(0)

    return triple


_leaky_relu = _leaky(LEAKY_SLOPE)
_prelu = _leaky(PRELU_WEIGHT)
_rrelu = _leaky(RRELU_SLOPE)


def _hardtanh(x) -> Triple:
    inside = HARDTANH_MIN < x < HARDTANH_MAX
    return min(max(x, HARDTANH_MIN), HARDTANH_MAX), _step(inside, 1), mpf(0)


def _hardsigmoid(x) -> Triple:
    f = min(max(x / 6 + mpf(1) / 2, 0), 1)
    return f, _step(-3 < x < 3, mpf(1) / 6), mpf(0)


def _hardswish(x) -> Triple:
    f = x * min(max(x + 3, 0), 6) / 6
    # PyTorch's convention at the kinks: 0 at x = -3 and 1 at x = 3.
    if x <= -3:
        return f, mpf(0), mpf(0)
    if x >= 3:
        return f, mpf(1), mpf(0)
    return f, x / 3 + mpf(1) / 2, _step(-3 < x < 3, mpf(1) / 3)


def _softshrink(x) -> Triple:
    lam = SHRINK_LAMBDA
    f = x - lam if x > lam else (x + lam if x < -lam else mpf(0))
    return f, _step(abs(x) > lam, 1), mpf(0)


def _hardshrink(x) -> Triple:
    outside = abs(x) > SHRINK_LAMBDA
    return (x if outside else mpf(0)), _step(outside, 1), mpf(0)


_TRIPLES: dict[str, Callable[[mpf], Triple]] = {
    "sigmoid": _sigmoid,
    "tanh": _tanh,
    "relu": _relu,
    "relu6": _relu6,
    "leaky_relu": _leaky_relu,
    "prelu": _prelu,
    "rrelu": _rrelu,
    "elu": _elu,
    "selu": _selu,
    "celu": _celu,
    "gelu": _gelu,
    "gelu_tanh": _gelu_tanh,
    "silu": _silu,
    "mish": _mish,
    "softplus": _softplus,
    "softsign": _softsign,
    "hardsigmoid": _hardsigmoid,
    "hardswish": _hardswish,
    "hardtanh": _hardtanh,
    "logsigmoid": _logsigmoid,
    "softshrink": _softshrink,
    "hardshrink": _hardshrink,
    "tanhshrink": _tanhshrink,
}

#: Names of the elementwise catalogue entries, in catalogue order.
NAMES = tuple(_TRIPLES)


# --- evaluation ---------------------------------------------------------------


def precision_for(name, x):
    """Return the bits needed to evaluate ``name`` at the float ``x`` exactly.

    * For large $|x|$, an exponential of $x^2/2$ (GELU) or of $x^3$ (GELU-tanh)
      is only right if its argument is right to the last unit: three times
      the bits of the integer part of $x$ are added (mpmath's ``erfc`` also
      needs them).
    * ``x - tanh(x)`` is about $x^3/3$ for small $x$: the subtraction cancels
      about $2\\log_2(1/|x|)$ leading bits, which are added too.

    >>> precision_for("tanhshrink", 2.0**-100), precision_for("gelu", 1e300)
    (378, 3151)
    """
    exponent = math.frexp(x)[1]
    bits = WORKING_BITS + 3 * max(0, exponent)
    if name == "tanhshrink" and x != 0:
        bits += max(0, -2 * exponent) + 20
    return bits


def _evaluate(name, x, extra_bits=0):
    if name not in _TRIPLES:
        raise KeyError(f"no mpmath reference for {name!r}; known: {NAMES}")
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"the reference takes finite x, got {x}")
    with mp.workprec(precision_for(name, x) + extra_bits):
        return tuple(mpf(value) for value in _TRIPLES[name](mpf(x)))


@functools.lru_cache(maxsize=8192)
def reference_triple(name, x, extra_bits=0):
    """Return the exact (f(x), f'(x), f''(x)) of the catalogue entry ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`NAMES`, e.g. ``"gelu_tanh"``.
    x : float
        A finite float64 (a float32 input is passed widened, unchanged).
    extra_bits : int, optional
        Bits added to the working precision (to check convergence).

    Returns
    -------
    tuple of mpmath.mpf
        The values carry the full working precision.

    Examples
    --------
    >>> f, df, d2f = reference_triple("silu", 0.0)
    >>> float(f), float(df), float(d2f)
    (0.0, 0.5, 0.5)
    """
    return _evaluate(name, x, extra_bits)


def reference(name, x):
    """Return the exact f(x) (an mpf) of the catalogue entry ``name``.

    >>> reference("gelu", -1.0)
    mpf('-0.15865525393145705611289198207159205140880651867386')
    """
    return reference_triple(name, float(x))[0]


def reference_grad(name, x):
    """Return the exact derivative f'(x) (PyTorch's value at a kink).

    >>> float(reference_grad("relu", 0.0))
    0.0
    """
    return reference_triple(name, float(x))[1]


def reference_grad2(name, x):
    """Return the exact derivative of the derivative, f''(x) (0 at a kink).

    It sets the tolerance of the derivative test: rounding ``x`` moves
    f'(x) by about $|x f''(x)|\\,\\varepsilon$.

    >>> float(reference_grad2("tanh", 0.0))
    0.0
    """
    return reference_triple(name, float(x))[2]


def grad_root(name, guess):
    """Return the root of f' near ``guess`` (a minimum of ``name``) as an mpf.

    >>> round(float(grad_root("silu", -1.3)), 12)
    -1.278464542761
    """
    triple = _TRIPLES[name]
    with mp.workprec(WORKING_BITS):
        return mpmath.findroot(lambda t: triple(t)[1], mpf(guess))


# --- rounding an exact value to a floating-point format ----------------------

#: (significand bits, smallest normal exponent, largest exponent) per dtype.
_FORMATS = {
    np.dtype(np.float64): (53, -1022, 1023),
    np.dtype(np.float32): (24, -126, 127),
    np.dtype(np.float16): (11, -14, 15),
}


class Rounded(NamedTuple):
    """An exact value seen from a floating-point format."""

    value: float  #: nearest representable number (ties to even), or +-inf
    ulp: float  #: spacing of the format at ``value`` (smallest subnormal at 0)
    residual: float  #: (exact - value) / ulp, within [-1/2, 1/2]


def round_to_dtype(exact, dtype):
    """Round ``exact`` to the nearest number of ``dtype``, ties to even.

    Subnormals are rounded once, on the fixed grid of the smallest subnormal
    (``float(mpf)`` rounds to 53 bits first, then to that grid), and a value
    that rounds beyond the largest finite number becomes infinite.

    >>> round_to_dtype(reference("sigmoid", 20.0), "float32")
    Rounded(value=1.0, ulp=1.1920928955078125e-07, residual=-0.01729020973077929)
    >>> round_to_dtype(reference("sigmoid", -104.0), "float32")
    Rounded(value=0.0, ulp=1.401298464324817e-45, residual=0.48623166263357404)
    """
    bits, emin, emax = _FORMATS[np.dtype(dtype)]
    if not isinstance(exact, mpf):  # mpf(an mpf) would round it to mp.prec
        with mp.workprec(64):
            exact = mpf(exact)
    sign, man, exp, bc = exact._mpf_
    if not man:
        if exp:
            raise ValueError(f"cannot round {exact} to {np.dtype(dtype)}")
        return Rounded(0.0, math.ldexp(1.0, emin - bits + 1), 0.0)
    sign_factor = -1.0 if sign else 1.0
    smallest = emin - bits + 1  # exponent of the smallest subnormal
    if exp + bc - 1 > emax:
        return Rounded(sign_factor * math.inf, math.ldexp(1.0, emax - bits + 1), 0.0)
    if exp + bc < smallest - 1:  # below half the smallest subnormal: 0
        return Rounded(0.0, math.ldexp(1.0, smallest), _tiny_ratio(exact, smallest))
    quantum = max(exp + bc - 1, emin) - bits + 1  # exponent of the last bit kept
    kept, rest, rest_exp = man, 0, exp
    if exp < quantum:
        shift = quantum - exp
        kept, rest = divmod(man, 1 << shift)
        if 2 * rest > (1 << shift) or (2 * rest == 1 << shift and kept & 1):
            kept, rest = kept + 1, rest - (1 << shift)
    else:
        kept <<= exp - quantum
    top = quantum + kept.bit_length() - 1 if kept else emin
    ulp_exp = max(top, emin) - bits + 1
    if top > emax:
        return Rounded(sign_factor * math.inf, math.ldexp(1.0, emax - bits + 1), 0.0)
    # int(): with gmpy2, mpmath's mantissas are mpz, whose quotient is an mpfr.
    residual = int(rest) / (1 << (ulp_exp - rest_exp)) if rest else 0.0
    value = math.ldexp(kept, quantum)
    return Rounded(
        sign_factor * value, math.ldexp(1.0, ulp_exp), sign_factor * residual
    )


def _tiny_ratio(exact, exponent):
    """exact / 2**exponent as a float, for |exact| far below 2**exponent."""
    if exact._mpf_[2] + exact._mpf_[3] < exponent - 1100:
        return 0.0  # (and avoids shifting by a huge exponent)
    with mp.workprec(64):
        return float(mpmath.ldexp(exact, -exponent))


# --- many points at once ------------------------------------------------------


class ReferenceTable(NamedTuple):
    """Exact f and f' at many points, rounded to one dtype (float64 arrays)."""

    x: np.ndarray
    value: np.ndarray  #: f(x) rounded to the dtype
    value_ulp: np.ndarray
    value_residual: np.ndarray
    grad: np.ndarray  #: f'(x) rounded to the dtype
    grad_ulp: np.ndarray
    grad_residual: np.ndarray
    slope: np.ndarray  #: |x f'(x)| (to nearby precision), for tolerances
    curvature: np.ndarray  #: |x f''(x)|


def evaluate(name, xs, dtype):
    """Return the :class:`ReferenceTable` of ``name`` at the points ``xs``.

    ``xs`` holds numbers of ``dtype`` (widened to float64); the exact values
    are rounded to ``dtype``.  Results are cached per (name, dtype, points)
    for the life of the process and on disk (see :func:`cache_path`), so a
    second test run reads them instead of computing them again.

    >>> table = evaluate("relu", [-1.0, 2.0], "float32")
    >>> table.value, table.grad
    (array([0., 2.]), array([0., 1.]))
    """
    points = np.ascontiguousarray(xs, dtype=np.float64)
    return _evaluate_cached(name, np.dtype(dtype).name, points.tobytes())


@functools.lru_cache(maxsize=128)
def _evaluate_cached(name, dtype_name, raw):
    xs = np.frombuffer(raw, dtype=np.float64)
    path = cache_path(name, dtype_name, raw)
    table = _read_table(path, xs)
    if table is None:
        table = _compute_table(name, xs, dtype_name)
        _write_table(path, table)
    return table


def _compute_table(name, xs, dtype_name):
    rows = [_table_row(name, float(x), dtype_name) for x in xs]
    columns = np.array(rows, dtype=np.float64).reshape(len(xs), 8).T
    return ReferenceTable(xs.copy(), *columns)


def _table_row(name, x, dtype_name):
    f, df, d2f = _evaluate(name, x)
    with mp.workprec(64):
        slope, curvature = abs(x * df), abs(x * d2f)
    return (
        *round_to_dtype(f, dtype_name),
        *round_to_dtype(df, dtype_name),
        _to_float(slope),
        _to_float(curvature),
    )


def _to_float(value):
    """Convert a non-negative mpf to float, saturating at the largest float."""
    return min(float(value), float(np.finfo(np.float64).max))


# --- the cache on disk ----------------------------------------------------------

#: Where the tables are kept between test runs; TEST_CACHE_DIR moves it.
CACHE_DIR = (
    Path(
        os.environ.get("TEST_CACHE_DIR")
        or Path(__file__).resolve().parents[1] / ".cache"
    )
    / "mpmath"
)

#: The code every table goes through, whatever the function.
_TABLE_CODE = (
    "_evaluate",
    "precision_for",
    "_table_row",
    "round_to_dtype",
    "_tiny_ratio",
    "_to_float",
    "_compute_table",
)
#: Globals that hold every function: each table is keyed by its own alone.
_KEYED_APART = frozenset({"_TRIPLES", "NAMES"})


def _fingerprint(value, digest, seen):
    """Feed ``digest`` with what ``value`` computes: its source, the sources of
    the functions of this module it calls and the constants it reads."""
    if isinstance(value, mpf):
        digest.update(repr(value._mpf_).encode())
    elif isinstance(value, (int, float, str, bool, type(None))):
        digest.update(repr(value).encode())
    elif isinstance(value, (tuple, list)):
        for item in value:
            _fingerprint(item, digest, seen)
    elif isinstance(value, dict):
        for key in sorted(value, key=repr):
            digest.update(repr(key).encode())
            _fingerprint(value[key], digest, seen)
    elif callable(value) and getattr(value, "__module__", None) == __name__:
        function = inspect.unwrap(value)
        if function in seen:
            return
        seen.add(function)
        digest.update(inspect.getsource(function).encode())
        if inspect.isclass(function):
            return
        _fingerprint(function.__defaults__, digest, seen)
        for cell in function.__closure__ or ():
            _fingerprint(cell.cell_contents, digest, seen)
        for name in sorted(_global_names(function.__code__) - _KEYED_APART):
            if name in globals():
                _fingerprint(globals()[name], digest, seen)


def _global_names(code):
    """The global names a code object and the functions inside it read."""
    names = set(code.co_names)
    for const in code.co_consts:
        if inspect.iscode(const):
            names |= _global_names(const)
    return names


@functools.cache
def code_hash(name):
    """Hash of everything the table of ``name`` depends on but its points:
    the reference function's code, the evaluation and rounding code, and the
    versions of mpmath and NumPy.

    >>> code_hash("relu") == code_hash("relu"), code_hash("relu") == code_hash("elu")
    (True, False)
    """
    digest = hashlib.sha256()
    digest.update(f"mpmath {mpmath.__version__} numpy {np.__version__}".encode())
    seen = set()
    _fingerprint(_TRIPLES[name], digest, seen)
    for function in _TABLE_CODE:
        _fingerprint(globals()[function], digest, seen)
    _fingerprint((WORKING_BITS, sorted(_FORMATS.items(), key=str)), digest, seen)
    return digest.hexdigest()[:16]


def cache_path(name, dtype_name, raw):
    """The file that keeps the table of ``name`` in ``dtype_name`` at the
    float64 points ``raw`` (bytes): a change to any of them, to the reference
    code or to mpmath's version names another file."""
    points = hashlib.sha256(raw).hexdigest()[:16]
    return CACHE_DIR / f"{name}-{dtype_name}-{code_hash(name)}-{points}.npz"


def _read_table(path, xs):
    """The table kept at ``path``, or None if it is missing or unreadable."""
    try:
        with open(path, "rb") as file, np.load(file, allow_pickle=False) as data:
            table = ReferenceTable(*(data[field] for field in ReferenceTable._fields))
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return None
    if not np.array_equal(table.x, xs) or any(
        column.shape != xs.shape or column.dtype != np.float64 for column in table
    ):
        return None
    return table


def _write_table(path, table):
    """Write ``table`` to ``path`` atomically (a reader never sees half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                np.savez(file, **table._asdict())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only checkout: compute again next time

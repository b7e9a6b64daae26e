"""Every activation and derivative is within 4 ULP of its exact value.

The exact values come from mpmath (``mpmath_reference.py``); the rule and the
test points are in ``accuracy_tools.py``: for a float ``x`` of dtype ``T``,

    |computed - exact| <= 4 ulp(exact) + |x f'(x)| eps(T)

on 20 001 points of [-50, 50], 3000 seeded random points, the overflow and
underflow thresholds of ``exp``, ±1e4, ±1e300 (float64), ±3e38 and the
largest float, the smallest subnormal and normal numbers, ±0, one ulp either
side of every kink, and two ulps either side of the minima of GELU, SiLU and
Mish.  ``±inf`` must give the exact limit and NaN must give NaN.

``python -m tests.accuracy_report`` prints the worst ULP of each function.
"""

import math
import warnings

import accuracy_tools as at
import mpmath_reference as ref
import numpy as np
import pytest
from mpmath import mp, mpf

from course_code import activations

CASES = [
    pytest.param(name, kind, dtype, id=f"{at.label(name, kind)}-{dtype.name}")
    for name in at.NAMES
    for kind in at.KINDS
    for dtype in at.DTYPES
]

# (f(-inf), f(+inf), f'(-inf), f'(+inf)) with the default parameters.
INF = math.inf
with mp.workprec(256):
    SELU_LIMIT = -ref.SELU_SCALE * ref.SELU_ALPHA  # about -1.7581
LIMITS = {
    "sigmoid": (0, 1, 0, 0),
    "tanh": (-1, 1, 0, 0),
    "relu": (0, INF, 0, 1),
    "relu6": (0, 6, 0, 0),
    "leaky_relu": (-INF, INF, ref.LEAKY_SLOPE, 1),
    "prelu": (-INF, INF, ref.PRELU_WEIGHT, 1),
    "rrelu": (-INF, INF, ref.RRELU_SLOPE, 1),
    "elu": (-1, INF, 0, 1),
    "selu": (SELU_LIMIT, INF, 0, ref.SELU_SCALE),
    "celu": (-1, INF, 0, 1),
    "gelu": (0, INF, 0, 1),
    "gelu_tanh": (0, INF, 0, 1),
    "silu": (0, INF, 0, 1),
    "mish": (0, INF, 0, 1),
    "softplus": (0, INF, 0, 1),
    "softsign": (-1, 1, 0, 0),
    "hardsigmoid": (0, 1, 0, 0),
    "hardswish": (0, INF, 0, 1),
    "hardtanh": (-1, 1, 0, 0),
    "logsigmoid": (-INF, 0, 1, 0),
    "softshrink": (-INF, INF, 1, 1),
    "hardshrink": (-INF, INF, 1, 1),
    "tanhshrink": (-INF, INF, 1, 1),
}


def limits(name, kind):
    """The exact values at -inf and +inf of ``name`` or its derivative."""
    f_lo, f_hi, g_lo, g_hi = LIMITS[name]
    return (f_lo, f_hi) if kind == "f" else (g_lo, g_hi)


def expect(ok, message):
    """Fail with ``message`` alone (no assertion rewriting of large arrays)."""
    if not ok:
        pytest.fail(message, pytrace=False)


def ulp_error(got, exact, dtype):
    """|got - exact| in ULP of ``exact`` rounded to ``dtype`` (inf must match)."""
    if math.isinf(exact):
        return 0.0 if got == exact else math.inf
    rounded = ref.round_to_dtype(exact, dtype)
    error = abs((float(got) - rounded.value) / rounded.ulp - rounded.residual)
    return error if not math.isnan(error) else math.inf


# --- the main test: 4 ULP everywhere ------------------------------------------


@pytest.mark.parametrize(("name", "kind", "dtype"), CASES)
def test_within_4_ulp_of_exact(name, kind, dtype):
    m = at.measure(name, dtype, kind)
    expect(not m.failed.any(), at.failure_report(m))


@pytest.mark.parametrize(("name", "kind", "dtype"), CASES)
def test_keeps_the_dtype(name, kind, dtype):
    m = at.measure(name, dtype, kind)
    expect(
        m.got_dtype == dtype,
        f"{m.label} on a {dtype.name} array returned {m.got_dtype}",
    )


@pytest.mark.parametrize(("name", "kind", "dtype"), CASES)
def test_emits_no_numpy_warning(name, kind, dtype):
    m = at.measure(name, dtype, kind)
    if m.warnings:
        culprits = at.warning_points(name, kind, dtype) or "(only whole arrays)"
        pytest.fail(
            f"{m.label} on the {m.x.size} {dtype.name} test points warned: "
            f"{sorted(set(m.warnings))}; alone, these x warn: {culprits}",
            pytrace=False,
        )


def test_celu_with_a_small_alpha_saturates_without_warning():
    # x / alpha beyond the float range is -inf: the limits -alpha and 0, silently
    x = np.array([-1e308, -np.inf, 1.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = activations.celu(x, alpha=1e-3)
        dy = activations.celu_grad(x, alpha=1e-3)
    np.testing.assert_array_equal(y, [-1e-3, -1e-3, 1.0])
    np.testing.assert_array_equal(dy, [0.0, 0.0, 1.0])


# --- infinities and NaN ---------------------------------------------------------


@pytest.mark.parametrize(("name", "kind", "dtype"), CASES)
def test_exact_limit_at_infinity(name, kind, dtype):
    x = np.array([-np.inf, np.inf], dtype=dtype)
    got, _ = at.call(name, kind, x)
    for xi, yi, exact in zip(x, np.asarray(got), limits(name, kind), strict=True):
        error = ulp_error(yi, exact, dtype)
        expect(
            error <= at.MAX_ULPS,
            f"{at.label(name, kind)}({xi!r}) in {dtype.name}: got {yi!r}, "
            f"expected the limit {float(exact)!r} ({error:.3g} ULP)",
        )


@pytest.mark.parametrize(("name", "kind", "dtype"), CASES)
def test_nan_gives_nan(name, kind, dtype):
    x = np.array([np.nan, -np.nan, 1.0, np.nan], dtype=dtype)
    got, _ = at.call(name, kind, x)
    expect(
        np.isnan(np.asarray(got)).tolist() == [True, True, False, True],
        f"{at.label(name, kind)}({x!r}) in {dtype.name} returned {got!r}",
    )


# --- the reference itself -------------------------------------------------------


@pytest.mark.parametrize("name", at.NAMES)
def test_limit_table_agrees_with_the_reference(name):
    # At ±1e300 the exact value is, to float64, the limit (or beyond ±1e299).
    for order, kind in enumerate(at.KINDS):
        for x, limit in zip((-1e300, 1e300), limits(name, kind), strict=True):
            exact = ref.reference_triple(name, x)[order]
            value = ref.round_to_dtype(exact, np.float64).value
            if math.isinf(limit):
                agrees = value * limit > 1e299
            else:
                agrees = value == ref.round_to_dtype(limit, np.float64).value
            expect(
                agrees,
                f"{at.label(name, kind)}: LIMITS gives {float(limit)} at "
                f"{math.copysign(INF, x)}, but mpmath gives {value} at x={x}",
            )


def _sample_points():
    grid = at.points(np.float64)[::400]
    special = [at.special_points(d) for d in at.DTYPES]
    return np.unique(np.concatenate([grid, *special]).astype(np.float64))


@pytest.mark.slow
@pytest.mark.parametrize("name", at.NAMES)
def test_reference_does_not_change_with_200_more_bits(name):
    tolerance = mpf(2) ** -80  # 2**-53 would do; the values keep > 90 bits
    for x in _sample_points():
        base = ref.reference_triple(name, float(x))
        finer = ref.reference_triple(name, float(x), extra_bits=200)
        for order, (a, b) in enumerate(zip(base, finer, strict=True)):
            with mp.workprec(ref.WORKING_BITS):
                ok = a == b or abs(a - b) <= tolerance * abs(b)
            expect(ok, f"{name}, derivative {order}, x={x!r}: {a} vs {b}")

"""Identities between the activations, checked on inputs drawn by Hypothesis.

Each identity holds exactly in real arithmetic; in floating point both sides
are rounded, so each test states how far apart they may be and why.  The
examples are derandomized (the same inputs on every run) and nothing is
stored in a ``.hypothesis`` database, so a failure reproduces anywhere.

A softmax slice whose entries are all ``-inf`` has no distribution: like
PyTorch, ``softmax`` and ``log_softmax`` give NaN there (see the docstring
of ``course_code.activations.softmax``), and no warning.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from course_code import activations as A
from course_code.activations import ACTIVATIONS, SELU_ALPHA, SELU_SCALE

#: 150 examples per property (30 for the costly ones); the fast loop's
#: profile (``--hypothesis-profile=fast``, tests/conftest.py) asks for a tenth
#: of Hypothesis's default 100, and gets a tenth of these (at least 5).
SCALE = min(1.0, settings.default.max_examples / 100)
DETERMINISTIC = settings(
    derandomize=True, database=None, deadline=None, max_examples=round(150 * SCALE)
)
FEW = settings(DETERMINISTIC, max_examples=max(5, round(30 * SCALE)))

FLOAT_DTYPES = [np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)]
DTYPES = [np.dtype(np.float32), np.dtype(np.float64)]
ELEMENTWISE = [name for name, entry in ACTIVATIONS.items() if entry.elementwise]
WIDTH = {np.dtype(np.float16): 16, np.dtype(np.float32): 32, np.dtype(np.float64): 64}


def finite(dtype, lo=None, hi=None):
    """Finite numbers of ``dtype`` in [lo, hi] (default: the whole range)."""
    return st.floats(
        lo, hi, width=WIDTH[np.dtype(dtype)], allow_nan=False, allow_infinity=False
    )


def as_dtype(x, dtype):
    return np.asarray(x, dtype=dtype)


def assert_close(label, x, got, want, ulps, atol=0.0):
    """|got - want| <= ulps * ulp(want) + atol, elementwise, or fail naming x."""
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype, f"{label}: dtype {got.dtype} vs {want.dtype}"
    wide = want.astype(np.float64)
    below_max = np.nextafter(np.finfo(want.dtype).max, 0, dtype=want.dtype)
    ulp = np.spacing(np.minimum(np.abs(want), below_max))  # spacing(max) overflows
    tol = ulps * ulp.astype(np.float64) + atol
    bad = ~(np.abs(got.astype(np.float64) - wide) <= tol) & ~(got == want)
    assert not bad.any(), (
        f"{label} ({got.dtype}): at x={np.asarray(x)[bad][:3]!r} got "
        f"{got[bad][:3]!r}, expected {want[bad][:3]!r} within {ulps} ulp"
    )


# --- the sigmoid family -------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_tanh_is_a_rescaled_sigmoid(dtype, data):
    # 2 sigma(2x) - 1 has an absolute error of a few ulp of 1 (the subtraction
    # cancels near 0), so the bound is 4 eps, absolute.
    x = as_dtype(data.draw(finite(dtype, -20, 20)), dtype)
    eps = np.finfo(dtype).eps
    rhs = 2 * A.sigmoid(2 * x) - 1
    assert abs(float(A.tanh(x)) - float(rhs)) <= 4 * eps, (
        f"tanh({x!r}) = {A.tanh(x)!r} but 2 sigmoid(2x) - 1 = {rhs!r}"
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_sigmoid_symmetry(dtype, data):
    # sigma(-x) = 1 - sigma(x): 1 - sigma(x) is exact to eps/2 absolute.
    x = as_dtype(data.draw(finite(dtype)), dtype)
    eps = np.finfo(dtype).eps
    left, right = A.sigmoid(-x), 1 - A.sigmoid(x)
    assert abs(float(left) - float(right)) <= eps, (
        f"sigmoid(-x) = {left!r}, 1 - sigmoid(x) = {right!r} at x={x!r}"
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_softplus_derivative_is_sigmoid(dtype, data):
    x = as_dtype(data.draw(finite(dtype)), dtype)
    assert_close("softplus_grad vs sigmoid", x, A.softplus_grad(x), A.sigmoid(x), 1)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_logsigmoid_is_minus_softplus_of_minus_x(dtype, data):
    x = as_dtype(data.draw(finite(dtype)), dtype)
    assert_close(
        "logsigmoid(x) vs -softplus(-x)", x, A.logsigmoid(x), -A.softplus(-x), 2
    )


# --- gated and scaled forms ----------------------------------------------------


def _product_atol(x, dtype):
    # sigma(x) or Phi(x) below the smallest normal carries an absolute
    # error of half a subnormal, which the product scales by |x|.
    half_subnormal = float(np.finfo(dtype).smallest_subnormal) / 2
    return np.abs(x.astype(np.float64)) * (4 * half_subnormal)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_silu_is_x_times_sigmoid(dtype, data):
    x = as_dtype(data.draw(finite(dtype)), dtype)
    want = x * A.sigmoid(x)
    assert_close("silu vs x*sigmoid(x)", x, A.silu(x), want, 3, _product_atol(x, dtype))


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_hardswish_is_x_times_hardsigmoid(dtype, data):
    x = as_dtype(data.draw(finite(dtype)), dtype)
    want = x * A.hardsigmoid(x)
    assert_close("hardswish vs x*hardsigmoid(x)", x, A.hardswish(x), want, 2)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_selu_is_scaled_elu(dtype, data):
    hi = float(np.finfo(dtype).max) / 2  # scale * x must not overflow
    x = as_dtype(data.draw(finite(dtype, -hi, hi)), dtype)
    want = as_dtype(SELU_SCALE, dtype) * A.elu(x, alpha=SELU_ALPHA)
    assert_close("selu vs scale*elu(x, alpha)", x, A.selu(x), want, 4)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_gelu_tanh_is_close_to_gelu(dtype, data):
    # The largest gap is 4.7e-4 (near x = 2.7) for GELU, 8.7e-4 for its
    # derivative (near x = 2.0).
    x = as_dtype(data.draw(finite(dtype, -1e4, 1e4)), dtype)
    for f in (A.gelu, A.gelu_grad):
        exact, approx = f(x), f(x, approximate="tanh")
        assert abs(float(exact) - float(approx)) < 1e-3, (
            f"{f.__name__}({x!r}) = {exact!r}, with approximate='tanh' {approx!r}"
        )


# --- clipping ---------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_hardtanh_is_clip(dtype, data):
    bounds = data.draw(st.lists(finite(dtype, -1e6, 1e6), min_size=2, max_size=2))
    lo, hi = sorted(bounds)
    x = data.draw(
        hnp.arrays(dtype, hnp.array_shapes(max_dims=2), elements=finite(dtype))
    )
    got = A.hardtanh(x, lo, hi)
    want = np.clip(x, as_dtype(lo, dtype), as_dtype(hi, dtype))
    np.testing.assert_array_equal(got, want, err_msg=f"hardtanh(x, {lo}, {hi})")


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_relu6_is_hardtanh_0_6(dtype, data):
    x = data.draw(
        hnp.arrays(
            dtype, hnp.array_shapes(max_dims=2), elements=st.floats(width=WIDTH[dtype])
        )
    )
    np.testing.assert_array_equal(A.relu6(x), A.hardtanh(x, 0.0, 6.0))
    np.testing.assert_array_equal(A.relu6_grad(x), A.hardtanh_grad(x, 0.0, 6.0))


# --- softmax, log-softmax, GLU --------------------------------------------------


def rows(dtype, lo=-50.0, hi=50.0, min_side=1):
    """2-D arrays of moderate finite numbers."""
    shape = hnp.array_shapes(min_dims=2, max_dims=2, min_side=min_side, max_side=8)
    return hnp.arrays(dtype, shape, elements=finite(dtype, lo, hi))


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_softmax_sums_to_one(dtype, data):
    x = data.draw(
        hnp.arrays(
            dtype, hnp.array_shapes(max_dims=3), elements=finite(dtype, -1e4, 1e4)
        )
    )
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    total = A.softmax(x, axis=axis).astype(np.float64).sum(axis=axis)
    n = x.shape[axis]
    bound = (n + 2) * np.finfo(dtype).eps
    assert np.all(np.abs(total - 1) <= bound), (
        f"softmax(x, axis={axis}) sums to {total} for x={x!r}"
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_softmax_is_shift_invariant(dtype, data):
    # Adding c rounds x + c: each probability moves by up to eps*|x + c|
    # relative; each side adds a few eps (1 + |x - max x|) of its own.
    x = data.draw(rows(dtype))
    c = data.draw(
        hnp.arrays(np.int64, (x.shape[0], 1), elements=st.integers(-1000, 1000))
    )
    eps = float(np.finfo(dtype).eps)
    rtol = 8 * eps * (2 + 2 * float(np.max(np.abs(x))) + float(np.max(np.abs(c))))
    shifted = A.softmax((x + c).astype(dtype))
    np.testing.assert_allclose(
        shifted, A.softmax(x), rtol=rtol, atol=float(np.finfo(dtype).smallest_normal)
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@DETERMINISTIC
@given(data=st.data())
def test_log_softmax_is_log_of_softmax(dtype, data):
    x = data.draw(rows(dtype))
    s, log_s = A.softmax(x), A.log_softmax(x)
    ok = s > np.finfo(dtype).smallest_normal  # where log(softmax) is representable
    z = np.abs(x - x.max(axis=-1, keepdims=True)).astype(np.float64)
    tol = 8 * float(np.finfo(dtype).eps) * (2 + z + np.abs(log_s))
    diff = np.abs(np.log(s[ok]).astype(np.float64) - log_s[ok])
    assert np.all(diff <= tol[ok]), (
        f"log(softmax(x)) and log_softmax(x) differ by {diff.max()} for x={x!r}"
    )


@DETERMINISTIC
@given(data=st.data())
def test_softmax_of_masked_entries_is_zero(data):
    # -inf is how attention masks a position: probability exactly 0 there,
    # the rest is the softmax of the unmasked entries alone.
    x = data.draw(rows(np.float64))
    mask = data.draw(hnp.arrays(bool, x.shape))
    mask[:, data.draw(st.integers(0, x.shape[1] - 1))] = False  # keep one per row
    masked = np.where(mask, -np.inf, x)
    s, log_s = A.softmax(masked), A.log_softmax(masked)
    assert np.all(s[mask] == 0.0), f"softmax is not 0 at -inf entries: {s[mask]}"
    assert np.all(log_s[mask] == -np.inf), f"log_softmax at -inf: {log_s[mask]}"
    for row in range(x.shape[0]):
        keep = ~mask[row]
        np.testing.assert_allclose(s[row, keep], A.softmax(x[row, keep]), rtol=1e-15)


def test_softmax_of_an_all_minus_inf_row_is_nan():
    x = np.array([[-np.inf, -np.inf, -np.inf], [0.0, -np.inf, 0.0]])
    for f in (A.softmax, A.log_softmax):
        y = f(x)
        assert np.isnan(y[0]).all(), f"{f.__name__} of an all -inf row: {y[0]}"
        assert not np.isnan(y[1]).any(), f"{f.__name__} of [0, -inf, 0]: {y[1]}"


#: Each gated unit and its gate: f(x) = a * gate(b) for the halves a, b of x.
GATED = {
    "glu": A.sigmoid,
    "swiglu": A.silu,
    "geglu": A.gelu,
    "reglu": A.relu,
}


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("axis", [0, -1])
@pytest.mark.parametrize("name", GATED)
@DETERMINISTIC
@given(data=st.data())
def test_gated_unit_is_a_times_gate_of_b(name, dtype, axis, data):
    shape = data.draw(hnp.array_shapes(min_dims=2, max_dims=2, max_side=6))
    a = data.draw(hnp.arrays(dtype, shape, elements=finite(dtype, -1e3, 1e3)))
    b = data.draw(hnp.arrays(dtype, shape, elements=finite(dtype, -1e3, 1e3)))
    x = np.concatenate([a, b], axis=axis)
    gate = GATED[name]
    want = a * gate(b)
    atol = _product_atol(a, dtype)
    got = getattr(A, name)(x, axis)
    assert_close(
        f"{name}(x, axis={axis}) vs a*{gate.__name__}(b)", x, got, want, 2, atol
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@FEW
@given(data=st.data())
def test_maxout_is_the_max_of_each_group(dtype, data):
    pieces = data.draw(st.integers(1, 4))
    units = data.draw(st.integers(1, 5))
    rows = data.draw(st.integers(1, 3))
    x = data.draw(
        hnp.arrays(dtype, (rows, units * pieces), elements=finite(dtype, -1e3, 1e3))
    )
    got = A.maxout(x, pieces=pieces)
    want = np.stack(
        [x[:, i * pieces : (i + 1) * pieces].max(axis=1) for i in range(units)], axis=1
    )
    assert got.dtype == dtype, f"maxout of {dtype} gave {got.dtype}"
    np.testing.assert_array_equal(
        got, want, err_msg=f"maxout(x, pieces={pieces}) for x={x!r}"
    )
    swapped = A.maxout(x.T, pieces=pieces, axis=0)
    np.testing.assert_array_equal(swapped, want.T, err_msg="maxout along axis 0")


# --- every function keeps the shape and the dtype, and is elementwise -------------


def any_arrays(dtype, max_dims=4, min_side=0):
    """Arrays of any shape (0-d and empty too) with any values, inf and NaN too."""
    shape = hnp.array_shapes(
        min_dims=0, max_dims=max_dims, min_side=min_side, max_side=4
    )
    return hnp.arrays(dtype, shape, elements=st.floats(width=WIDTH[dtype]))


def _call(name, kind, x):
    entry = ACTIVATIONS[name]
    return entry(x) if kind == "f" else entry.grad_at(x)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=str)
@pytest.mark.parametrize("kind", ["f", "grad"])
@pytest.mark.parametrize("name", ELEMENTWISE)
@FEW
@given(data=st.data())
def test_elementwise_keeps_shape_and_dtype(name, kind, dtype, data):
    x = data.draw(any_arrays(dtype))
    before = x.copy()
    y = _call(name, kind, x)
    label = f"{name if kind == 'f' else name + '_grad'} on {dtype} {x.shape}"
    assert np.shape(y) == x.shape, f"{label}: shape {np.shape(y)}"
    assert y.dtype == dtype, f"{label}: dtype {y.dtype}"
    if x.ndim == 0:
        assert isinstance(y, np.generic), f"{label}: 0-d input gave {type(y)}"
    np.testing.assert_array_equal(x, before, err_msg=f"{label} changed its input")
    # Elementwise: each entry is what the function gives for that entry alone,
    # and a transposed (non-contiguous) view gives the transposed result.
    alone = np.array([_call(name, kind, v) for v in x.ravel()], dtype=dtype)
    np.testing.assert_array_equal(y.ravel(), alone, err_msg=f"{label}: vs one by one")
    np.testing.assert_array_equal(_call(name, kind, x.T), np.asarray(y).T)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=str)
@pytest.mark.parametrize("f", [A.softmax, A.log_softmax], ids=lambda f: f.__name__)
@FEW
@given(data=st.data())
def test_softmax_keeps_shape_and_dtype(f, dtype, data):
    x = data.draw(any_arrays(dtype, min_side=1).filter(lambda a: a.ndim >= 1))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    before = x.copy()
    y = f(x, axis=axis)
    label = f"{f.__name__}(x of {dtype} {x.shape}, axis={axis})"
    assert y.shape == x.shape, f"{label} has shape {y.shape}"
    assert y.dtype == dtype, f"{label} has dtype {y.dtype}"
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 3)], ids=str)
@pytest.mark.parametrize("f", [A.softmax, A.log_softmax], ids=lambda f: f.__name__)
def test_softmax_of_an_empty_array_is_empty(f, shape):
    # As in PyTorch: an empty input gives an empty output of the same shape.
    x = np.zeros(shape)
    for axis in range(-x.ndim, x.ndim):
        y = f(x, axis=axis)
        assert y.shape == shape, f"{f.__name__}(zeros{shape}, axis={axis}): {y.shape}"


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=str)
@FEW
@pytest.mark.parametrize("name", GATED)
@given(data=st.data())
def test_gated_unit_halves_the_axis(name, dtype, data):
    x = data.draw(any_arrays(dtype).filter(lambda a: a.ndim >= 1))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    x = np.concatenate([x, x], axis=axis)  # an even size along the axis
    expected = list(x.shape)
    expected[axis] //= 2
    y = getattr(A, name)(x, axis=axis)
    label = f"{name}(x of {dtype} {x.shape}, axis={axis})"
    assert y.shape == tuple(expected), f"{label} has shape {y.shape}"
    assert y.dtype == dtype, f"{label} has dtype {y.dtype}"

"""course_code.precision: the formats' limits and the textbook formulas in them."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from course_code.precision import (
    FORMATS,
    NAIVE,
    limits,
    low_precision_dtype,
    naive,
    relative_error,
    rounded,
)


def test_the_limits_are_those_of_the_standards():
    assert limits("float16").max == 65504.0
    assert limits("float16").smallest_normal == 2.0**-14
    assert limits("float16").eps == 2.0**-10
    assert limits("bfloat16").eps == 2.0**-7
    assert limits("bfloat16").smallest_normal == limits("float32").smallest_normal
    assert limits("float32").eps == 2.0**-23
    # What the precision page says in words.
    assert f"{limits('bfloat16').max:.1e}" == "3.4e+38"
    assert f"{limits('bfloat16').log_max:.1f}" == "88.7"
    assert f"{np.finfo(np.float16).smallest_subnormal:.0e}" == "6e-08"


@pytest.mark.parametrize("name", FORMATS)
def test_exp_overflows_just_above_log_max(name):
    dtype, edge = low_precision_dtype(name), limits(name).log_max
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(np.asarray(edge * 0.999, dtype=dtype)))
        assert np.isinf(np.exp(np.asarray(edge * 1.01, dtype=dtype)))


@pytest.mark.parametrize("name", FORMATS)
def test_one_plus_exp_is_absorbed_below_log_half_eps(name):
    dtype, edge = low_precision_dtype(name), limits(name).log_half_eps
    one = np.asarray(1, dtype=dtype)
    assert one + np.exp(np.asarray(edge - 0.1, dtype=dtype)) == 1
    assert one + np.exp(np.asarray(edge + 0.1, dtype=dtype)) > 1


def test_an_unknown_format_or_function_is_named():
    with pytest.raises(ValueError, match="name must be one of"):
        low_precision_dtype("float8")
    with pytest.raises(ValueError, match="key must be one of"):
        naive("relu", 1.0, "float16")
    with pytest.raises(TypeError, match="x must be"):
        rounded("sigmoid", "1", "float16")


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("key", list(NAIVE))
def test_results_keep_the_format_and_emit_no_warning(key, name):
    x = np.linspace(-100, 100, 41)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert naive(key, x, name).dtype == low_precision_dtype(name)
        assert rounded(key, x, name).dtype == low_precision_dtype(name)
        assert relative_error(key, x, name).shape == x.shape


@pytest.mark.parametrize("key", list(NAIVE))
def test_naive_and_rounded_agree_in_the_middle(key):
    x = np.linspace(-1, 1, 21)
    for name, tolerance in (("float16", 4e-3), ("bfloat16", 3e-2), ("float32", 1e-6)):
        assert np.max(relative_error(key, x, name)) < tolerance


def test_the_failures_the_page_shows():
    assert naive("sigmoid", -12.0, "float16") == 0
    assert rounded("sigmoid", -12.0, "float16") > 0
    assert np.isinf(naive("softplus", 12.0, "float16"))
    assert naive("softplus", -6.0, "bfloat16") == 0
    assert naive("gelu_tanh", -4.0, "float16") == 0
    assert rounded("gelu_tanh", -4.0, "float16") < -limits("float16").smallest_normal
    # The tanh inside GELU at x = -4 is within 1e-4 of -1 (the page says so).
    c = np.sqrt(2 / np.pi)
    assert 1 + np.tanh(c * (-4 + 0.044715 * -64)) < 1e-4
    assert np.isnan(naive("softmax", [12.0, 0.0], "float16")[0])


def test_a_bfloat16_sum_stops_at_256():
    ones = np.ones(70_000, dtype=low_precision_dtype("bfloat16"))
    assert float(np.sum(ones)) == 256
    # NumPy sums float16 pairwise; one term at a time it stops at 2048.
    assert float(np.sum(np.ones(5000, dtype=np.float16))) == 5000
    assert float(np.add.accumulate(np.ones(5000, dtype=np.float16))[-1]) == 2048
    assert float(naive("softmax", np.zeros(70_000), "bfloat16")[0]) == 1 / 256


def test_naive_and_rounded_do_not_modify_their_input():
    x = np.array([-12.0, 0.0, 12.0])
    naive("sigmoid", x, "float16")
    rounded("sigmoid", x, "float16")
    assert x.tolist() == [-12.0, 0.0, 12.0]


def test_the_naive_gelu_loses_every_digit_first_in_bfloat16():
    # The precision page's figure: going down from x = -1, the naive
    # tanh-form GELU first returns 0 in bfloat16, then in float16, last in
    # float32, while the value rounded once is not 0.
    x = np.linspace(-1.0, -7.0, 6001)

    def first_lost(name):
        lost = (naive("gelu_tanh", x, name) == 0) & (rounded("gelu_tanh", x, name) != 0)
        return x[np.argmax(lost)]

    assert first_lost("bfloat16") > first_lost("float16") > first_lost("float32")

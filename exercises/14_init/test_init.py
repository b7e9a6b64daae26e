"""Grader of exercise 14: Xavier and He initialisation.

Random weights cannot be compared entry by entry with the reference, so the
grader compares what matters: the shape, the dtype, the spread of many draws
(with the reference's drawn from the same sizes) and the reproducibility.
"""

import numpy as np
import pytest

from course_code import initializers as ref
from course_grading import call, describe_call

FAN_IN, FAN_OUT = 400, 600


def draw(fn, *args, **kwargs):
    label = describe_call(fn.__name__, args, kwargs)
    w = call(fn, *args, **kwargs)
    if w is None:
        pytest.fail(
            f"called `{label}`\nit returned None: is a `return` missing? "
            f"Expected a float64 array of shape {(args[0], args[1])}",
            pytrace=False,
        )
    w = np.asarray(w)
    if w.shape != (args[0], args[1]) or w.dtype != np.float64:
        pytest.fail(
            f"called `{label}`\nit returned {w.dtype} of shape {w.shape}; expected "
            f"float64 of shape {(args[0], args[1])}",
            pytrace=False,
        )
    return w, label


def expect_close(label, what, got, want, rel):
    if not abs(got - want) <= rel * abs(want):
        pytest.fail(
            f"called `{label}`\n{what} is {got:.6g}; the reference gives "
            f"{want:.6g} (within {rel:.0%})",
            pytrace=False,
        )


def test_xavier_uniform_spread(solution):
    """`xavier_uniform(400, 600)` with gain 1 and 5/3 returns a float64 array of shape (400, 600) whose standard deviation is within 2% and largest |weight| within 1% of the reference's, with a mean within 0.01 of 0."""
    for gain in (1.0, 5.0 / 3.0):
        w, label = draw(solution.xavier_uniform, FAN_IN, FAN_OUT, gain=gain, rng=1)
        want = ref.xavier_uniform(FAN_IN, FAN_OUT, gain=gain, rng=2)
        bound = np.max(np.abs(want))
        expect_close(label, "the standard deviation", w.std(), want.std(), 0.02)
        expect_close(label, "the largest |weight|", np.max(np.abs(w)), bound, 0.01)
        expect_close(label, "the mean + 1", w.mean() + 1.0, 1.0, 0.01)


def test_he_normal_spread(solution):
    """`he_normal(400, 600)` returns a float64 array of shape (400, 600) whose standard deviation is within 2% of the reference's (about sqrt(2/400)), with a mean within 0.01 of 0 and about 4.55% (within 10% of that) of |weights| beyond 2 standard deviations."""
    w, label = draw(solution.he_normal, FAN_IN, FAN_OUT, rng=1)
    want = ref.he_normal(FAN_IN, FAN_OUT, rng=2)
    expect_close(label, "the standard deviation", w.std(), want.std(), 0.02)
    expect_close(label, "the mean + 1", w.mean() + 1.0, 1.0, 0.01)
    share = np.mean(np.abs(w) > 2 * want.std())
    expect_close(label, "the share of |w| > 2 std", share, 0.0455, 0.1)


def test_he_normal_depends_on_fan_in_only(solution):
    """`he_normal(50, 2000)` has a standard deviation within 2% of sqrt(2/50): it depends on fan_in only."""
    w, label = draw(solution.he_normal, 50, 2000, rng=3)
    want = ref.he_normal(50, 2000, rng=4)
    expect_close(label, "the standard deviation", w.std(), want.std(), 0.02)


def test_the_seed_makes_it_reproducible(solution):
    """Both functions give the same weights for the same seed (rng=42) and other weights for another seed (rng=43)."""
    for fn in (solution.xavier_uniform, solution.he_normal):
        a, label = draw(fn, 5, 7, rng=42)
        b, _ = draw(fn, 5, 7, rng=42)
        c, _ = draw(fn, 5, 7, rng=43)
        if not np.array_equal(a, b) or np.array_equal(a, c):
            pytest.fail(
                f"called `{label}` twice: the same seed must give the same weights "
                "and another seed other weights (use np.random.default_rng(rng))",
                pytrace=False,
            )

"""Grader of exercise 08: softmax and log-softmax along an axis."""

import numpy as np

from course_code import activations as ref
from course_grading import check

RNG = np.random.default_rng(8)
X = RNG.normal(scale=3.0, size=(3, 4, 5))
HUGE = np.array([[1000.0, 999.0, -1000.0], [-800.0, -800.0, -801.0]])
MASKED = np.array([[0.5, -np.inf, 2.0, -np.inf], [-np.inf, 1.0, 1.0, 3.0]])


def test_softmax_ordinary_values(solution):
    """`softmax` along the last axis of a 3×4×5 array is right."""
    check(solution.softmax, X, expected=ref.softmax(X), why="along the last axis")


def test_softmax_along_every_axis(solution):
    """`softmax` with axis=0, 1, 2 and -2 turns the slices along that axis into probabilities."""
    for axis in (0, 1, 2, -2):
        check(
            solution.softmax,
            X,
            axis=axis,
            expected=ref.softmax(X, axis=axis),
            why="each slice along `axis` sums to 1",
        )


def test_softmax_of_huge_logits(solution):
    """Huge scores (±1000 and -800) give the right probabilities with no overflow warning."""
    check(
        solution.softmax,
        HUGE,
        expected=ref.softmax(HUGE),
        why="exp(1000) overflows: subtract each slice's maximum first",
    )


def test_softmax_masks_minus_infinity(solution):
    """An entry of -inf gets probability exactly 0, with no warning."""
    check(
        solution.softmax,
        MASKED,
        expected=ref.softmax(MASKED),
        why="an entry of -inf is masked: probability 0, and no warning",
    )


def test_softmax_keeps_dtype(solution):
    """float16 and float32 input give `softmax` in the same dtype."""
    for dtype in (np.float16, np.float32):
        x = X.astype(dtype)
        check(solution.softmax, x, expected=ref.softmax(x), why="the dtype is kept")


def test_log_softmax(solution):
    """`log_softmax` is right along axis -1 and 0, stays finite for huge scores (±1000 and -800), keeps -inf for a masked entry with no warning, and keeps float32."""
    for axis in (-1, 0):
        check(
            solution.log_softmax,
            X,
            axis=axis,
            expected=ref.log_softmax(X, axis=axis),
            why="log-softmax along `axis`",
        )
    check(
        solution.log_softmax,
        HUGE,
        expected=ref.log_softmax(HUGE),
        why="log(softmax(x)) is -inf where softmax underflows; log-softmax is not",
    )
    check(
        solution.log_softmax,
        MASKED,
        expected=ref.log_softmax(MASKED),
        why="a masked (-inf) entry stays -inf, without a warning",
    )
    x = X.astype(np.float32)
    check(solution.log_softmax, x, expected=ref.log_softmax(x), why="the dtype is kept")

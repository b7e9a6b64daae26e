"""Grader of exercise 05: ELU and SELU without overflow."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes

X = np.array([-20.0, -3.0, -1e-10, -0.0, 0.0, 1e-10, 0.5, 3.0])
LARGE = np.array([-1e4, 100.0, 710.0, 1e4, np.inf])


def test_elu_ordinary_values(solution):
    """`elu` is right from -20 to 3 (±0 and ±1e-10 included), with the default alpha 1 and with alpha=0.5."""
    check(solution.elu, X, expected=ref.elu(X), why="alpha * expm1(x) for x <= 0")
    check(
        solution.elu,
        X,
        alpha=0.5,
        expected=ref.elu(X, alpha=0.5),
        why="the alpha argument scales the negative part",
    )


def test_elu_is_accurate_near_zero(solution):
    """For tiny negative x (-1e-12 to -1e-3) `elu` keeps a relative accuracy of 1e-9."""
    x = np.array([-1e-12, -1e-9, -1e-6, -1e-3])
    check(
        solution.elu,
        x,
        expected=ref.elu(x),
        rtol=1e-9,
        atol=0.0,
        why="exp(x) - 1 cancels for tiny x; np.expm1 does not",
    )


def test_elu_does_not_overflow_for_large_x(solution):
    """Large inputs (-1e4, 100, 710, 1e4 and inf) give the right value with no overflow warning."""
    check(
        solution.elu,
        LARGE,
        expected=ref.elu(LARGE),
        why="np.where computes both branches: exp(1e4) overflows even where "
        "the result is x",
    )


def test_elu_contract(solution):
    """`elu` passes the usual extremes (elu(-inf) = -alpha) and the usual dtypes and shapes."""
    check_extremes(solution.elu, ref.elu)
    check_dtypes_and_shapes(solution.elu, ref.elu)


def test_elu_grad(solution):
    """`elu_grad` is right from -20 to 3 with alpha 1 and 0.5, gives no warning for -1e4, 100, 710, 1e4 and inf, and passes the usual extremes and the usual dtypes and shapes."""
    check(
        solution.elu_grad, X, expected=ref.elu_grad(X), why="alpha * exp(x) for x <= 0"
    )
    check(
        solution.elu_grad,
        X,
        alpha=0.5,
        expected=ref.elu_grad(X, alpha=0.5),
        why="the alpha argument scales the slope",
    )
    check(solution.elu_grad, LARGE, expected=ref.elu_grad(LARGE), why="no overflow")
    check_extremes(solution.elu_grad, ref.elu_grad)
    check_dtypes_and_shapes(solution.elu_grad, ref.elu_grad)


def test_selu(solution):
    """`selu` is right from -20 to 3, gives no warning for -1e4, 100, 710, 1e4 and inf, and passes the usual extremes and the usual dtypes and shapes."""
    check(solution.selu, X, expected=ref.selu(X), why="SELU_SCALE * elu(x, SELU_ALPHA)")
    check(solution.selu, LARGE, expected=ref.selu(LARGE), why="no overflow")
    check_extremes(solution.selu, ref.selu)
    check_dtypes_and_shapes(solution.selu, ref.selu)


def test_selu_grad(solution):
    """`selu_grad` is right from -20 to 3, gives no warning for -1e4, 100, 710, 1e4 and inf, and passes the usual extremes and the usual dtypes and shapes."""
    check(
        solution.selu_grad, X, expected=ref.selu_grad(X), why="the chain of constants"
    )
    check(solution.selu_grad, LARGE, expected=ref.selu_grad(LARGE), why="no overflow")
    check_extremes(solution.selu_grad, ref.selu_grad)
    check_dtypes_and_shapes(solution.selu_grad, ref.selu_grad)

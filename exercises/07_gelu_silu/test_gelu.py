"""Grader of exercise 07: GELU (exact and tanh) and SiLU."""

import numpy as np

from course_code import activations as ref
from course_grading import (
    check,
    check_dtypes_and_shapes,
    check_extremes,
    check_raises,
)

X = np.linspace(-6.0, 6.0, 25)


def test_gelu_exact(solution):
    """`gelu` (approximate='none') is right from -6 to 6 and passes the usual extremes (gelu(-inf) = 0) and the usual dtypes and shapes."""
    check(solution.gelu, X, expected=ref.gelu(X), why="x * Phi(x)")
    check_extremes(solution.gelu, ref.gelu)
    check_dtypes_and_shapes(solution.gelu, ref.gelu)


def test_gelu_left_tail(solution):
    """In the left tail (x from -40 to -6, where gelu(-6) is about -5.9e-9) each value of `gelu` is right within 1e-12 absolute, so it may not be cut to 0 too early."""
    x = np.array([-40.0, -20.0, -10.0, -8.0, -6.0])
    check(
        solution.gelu,
        x,
        expected=ref.gelu(x),
        rtol=1e-9,
        atol=1e-12,
        why="GELU(-6) is about -5.9e-9: tiny, but a gate cut to 0 below -5 is wrong",
    )


def test_gelu_tanh(solution):
    """`gelu(x, approximate='tanh')` uses the tanh formula, is right from -6 to 6 and passes the usual extremes and the usual dtypes and shapes."""
    check(
        solution.gelu,
        X,
        approximate="tanh",
        expected=ref.gelu(X, approximate="tanh"),
        why="approximate='tanh' selects the tanh formula",
    )
    check_extremes(solution.gelu, ref.gelu, approximate="tanh")
    check_dtypes_and_shapes(solution.gelu, ref.gelu, approximate="tanh")


def test_gelu_refuses_an_unknown_approximation(solution):
    """Any other `approximate`, such as 'sigmoid', raises a ValueError whose message names `approximate`."""
    check_raises(
        solution.gelu,
        X,
        approximate="sigmoid",
        error=ValueError,
        mentions="approximate",
        why="only 'none' and 'tanh' exist; anything else is a mistake to report",
    )


def test_silu(solution):
    """`silu` is right from -6 to 6 and passes the usual extremes (silu(-inf) = 0) and the usual dtypes and shapes."""
    check(solution.silu, X, expected=ref.silu(X), why="x * sigmoid(x)")
    check_extremes(solution.silu, ref.silu)
    check_dtypes_and_shapes(solution.silu, ref.silu)

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
    check(solution.gelu, X, expected=ref.gelu(X), why="x * Phi(x)")
    check_extremes(solution.gelu, ref.gelu)
    check_dtypes_and_shapes(solution.gelu, ref.gelu)


def test_gelu_left_tail(solution):
    x = np.array([-40.0, -20.0, -10.0, -6.0])
    check(
        solution.gelu,
        x,
        expected=ref.gelu(x),
        rtol=1e-9,
        atol=0.0,
        why="GELU(-10) is about -7.6e-23, not 0: 1 + erf(x/sqrt(2)) cancels "
        "there, erfc and ndtr do not",
    )


def test_gelu_tanh(solution):
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
    check_raises(
        solution.gelu,
        X,
        approximate="sigmoid",
        error=ValueError,
        mentions="approximate",
        why="only 'none' and 'tanh' exist; anything else is a mistake to report",
    )


def test_silu(solution):
    check(solution.silu, X, expected=ref.silu(X), why="x * sigmoid(x)")
    check_extremes(solution.silu, ref.silu)
    check_dtypes_and_shapes(solution.silu, ref.silu)

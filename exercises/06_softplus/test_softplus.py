"""Grader of exercise 06: stable softplus and log-sigmoid."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes

X = np.linspace(-10.0, 10.0, 21)
TAILS = np.array([-800.0, -100.0, -40.0, 25.0, 40.0, 800.0])


def test_softplus_ordinary_values(solution):
    """`softplus` is right for inputs from -10 to 10."""
    check(solution.softplus, X, expected=ref.softplus(X), why="inputs in [-10, 10]")


def test_softplus_tails(solution):
    """In the tails (x = -800, -100, -40, 25, 40 and 800) `softplus` keeps a relative accuracy of 1e-12, with no overflow warning."""
    check(
        solution.softplus,
        TAILS,
        expected=ref.softplus(TAILS),
        rtol=1e-12,
        atol=0.0,
        why="log(1 + exp(x)) overflows for x > 709.78 and is 0 for x < -37, "
        "where softplus is about exp(x)",
    )


def test_softplus_uses_beta(solution):
    """`softplus` uses its `beta` argument (2 and 0.5 are tried, inputs from -10 to 10)."""
    for beta in (2.0, 0.5):
        check(
            solution.softplus,
            X,
            beta=beta,
            expected=ref.softplus(X, beta=beta),
            why="softplus(x, beta) = log(1 + exp(beta * x)) / beta",
        )


def test_softplus_contract(solution):
    """`softplus` passes the usual extremes (softplus(-inf) = 0, softplus(inf) = inf) and the usual dtypes and shapes."""
    check_extremes(solution.softplus, ref.softplus)
    check_dtypes_and_shapes(solution.softplus, ref.softplus)


def test_logsigmoid(solution):
    """`logsigmoid` is right from -10 to 10, keeps a relative accuracy of 1e-12 in the tails (x = -800 to 800), and passes the usual extremes (logsigmoid(-inf) = -inf) and the usual dtypes and shapes."""
    check(solution.logsigmoid, X, expected=ref.logsigmoid(X), why="inputs in [-10, 10]")
    check(
        solution.logsigmoid,
        TAILS,
        expected=ref.logsigmoid(TAILS),
        rtol=1e-12,
        atol=0.0,
        why="log(sigmoid(x)) is -inf once sigmoid(x) underflows; logsigmoid is about x",
    )
    check_extremes(solution.logsigmoid, ref.logsigmoid)
    check_dtypes_and_shapes(solution.logsigmoid, ref.logsigmoid)

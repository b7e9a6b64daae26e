"""Grader of exercise 04: ReLU and leaky ReLU with their derivatives."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes

X = np.array([-3.0, -1.0, -1e-300, -0.0, 0.0, 1e-300, 0.5, 2.0])


def test_relu(solution):
    """`relu` is right from -3 to 2 (±0 and ±1e-300 included) and passes the usual extremes and the usual dtypes and shapes."""
    check(solution.relu, X, expected=ref.relu(X), why="negative inputs give 0")
    check_extremes(solution.relu, ref.relu)
    check_dtypes_and_shapes(solution.relu, ref.relu)


def test_relu_grad_at_the_kink(solution):
    """`relu_grad` is 1 for x > 0 and 0 for x <= 0, at -0.0, 0.0 and ±1e-300 too."""
    check(
        solution.relu_grad,
        X,
        expected=ref.relu_grad(X),
        why="ReLU's derivative is 1 for x > 0 and 0 for x <= 0, including 0",
    )


def test_relu_grad_contract(solution):
    """`relu_grad` passes the usual extremes (NaN gives NaN) and the usual dtypes and shapes."""
    check_extremes(solution.relu_grad, ref.relu_grad)
    check_dtypes_and_shapes(solution.relu_grad, ref.relu_grad)


def test_leaky_relu(solution):
    """`leaky_relu` with the default slope 0.01 is right from -3 to 2 and passes the usual extremes and the usual dtypes and shapes."""
    check(solution.leaky_relu, X, expected=ref.leaky_relu(X), why="default slope 0.01")
    check_extremes(solution.leaky_relu, ref.leaky_relu)
    check_dtypes_and_shapes(solution.leaky_relu, ref.leaky_relu)


def test_leaky_relu_uses_its_slope(solution):
    """`leaky_relu` uses its `negative_slope` argument (0.2, 0.0 and 1.5 are tried)."""
    for slope in (0.2, 0.0, 1.5):
        check(
            solution.leaky_relu,
            X,
            negative_slope=slope,
            expected=ref.leaky_relu(X, negative_slope=slope),
            why="the negative_slope argument sets the slope",
        )


def test_leaky_relu_grad(solution):
    """`leaky_relu_grad` is 1 for x > 0 and `negative_slope` (0.01 by default, and 0.2) for x <= 0, and passes the usual extremes and the usual dtypes and shapes."""
    check(
        solution.leaky_relu_grad,
        X,
        expected=ref.leaky_relu_grad(X),
        why="the derivative is negative_slope for x <= 0, including 0",
    )
    check(
        solution.leaky_relu_grad,
        X,
        negative_slope=0.2,
        expected=ref.leaky_relu_grad(X, negative_slope=0.2),
        why="the negative_slope argument sets the derivative too",
    )
    check_extremes(solution.leaky_relu_grad, ref.leaky_relu_grad)
    check_dtypes_and_shapes(solution.leaky_relu_grad, ref.leaky_relu_grad)

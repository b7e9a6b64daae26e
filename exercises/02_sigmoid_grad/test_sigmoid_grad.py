"""Grader of exercise 02: the derivative of the sigmoid."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes


def test_ordinary_values(solution):
    x = np.linspace(-8.0, 8.0, 33)
    check(
        solution.sigmoid_grad, x, expected=ref.sigmoid_grad(x), why="inputs in [-8, 8]"
    )


def test_it_takes_the_input_not_the_output(solution):
    x = np.array([-3.0, -1.0, 0.0, 2.0, 5.0])
    check(
        solution.sigmoid_grad,
        x,
        expected=ref.sigmoid_grad(x),
        why="sigmoid_grad(x) is the slope of the sigmoid at x; it is given x, "
        "not sigmoid(x)",
    )


def test_tails_keep_their_relative_accuracy(solution):
    x = np.array([-30.0, -20.0, 20.0, 30.0])
    check(
        solution.sigmoid_grad,
        x,
        expected=ref.sigmoid_grad(x),
        rtol=1e-6,
        atol=0.0,
        why="far from 0 the slope is tiny but not 0: sigmoid(x) * (1 - "
        "sigmoid(x)) rounds 1 - sigmoid(20) badly",
    )


def test_extremes(solution):
    check_extremes(solution.sigmoid_grad, ref.sigmoid_grad)


def test_dtypes_and_shapes(solution):
    check_dtypes_and_shapes(solution.sigmoid_grad, ref.sigmoid_grad)

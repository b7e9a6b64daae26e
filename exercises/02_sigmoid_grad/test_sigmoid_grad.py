"""Grader of exercise 02: the derivative of the sigmoid."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes


def test_ordinary_values(solution):
    """Inputs from -8 to 8 give the right slope."""
    x = np.linspace(-8.0, 8.0, 33)
    check(
        solution.sigmoid_grad, x, expected=ref.sigmoid_grad(x), why="inputs in [-8, 8]"
    )


def test_it_takes_the_input_not_the_output(solution):
    """`sigmoid_grad(x)` is the slope at the input x, not at sigmoid(x) (checked at -3, -1, 0, 2 and 5)."""
    x = np.array([-3.0, -1.0, 0.0, 2.0, 5.0])
    check(
        solution.sigmoid_grad,
        x,
        expected=ref.sigmoid_grad(x),
        why="sigmoid_grad(x) is the slope of the sigmoid at x; it is given x, "
        "not sigmoid(x)",
    )


def test_tails_keep_their_relative_accuracy(solution):
    """In both tails (x = ±20 and ±30) the tiny slope keeps a relative accuracy of 1e-6."""
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
    """Inputs of ±0, ±100, ±750, ±1000 and ±1e4 in float64 and float32 give no warning, -inf and inf give the limit 0, and NaN gives NaN."""
    check_extremes(solution.sigmoid_grad, ref.sigmoid_grad)


def test_dtypes_and_shapes(solution):
    """float16, float32 and float64 input keep their dtype, integers and lists of integers give float64, and the shape is kept (a NumPy scalar gives a 0-d result; empty and 3-D arrays too)."""
    check_dtypes_and_shapes(solution.sigmoid_grad, ref.sigmoid_grad)

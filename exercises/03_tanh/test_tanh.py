"""Grader of exercise 03: tanh from exp, and its derivative."""

import math

import numpy as np

from course_code import activations as ref
from course_grading import (
    check,
    check_dtypes_and_shapes,
    check_extremes,
    forbidding,
)

NO_TANH = "build tanh from np.exp (or your sigmoid)"


def own_tanh(solution):
    """The learner's tanh, with numpy.tanh and math.tanh switched off while it
    runs (under any name: an alias or np.vectorize(math.tanh) is caught too)."""
    without_np_tanh = forbidding(solution.tanh, np, "tanh", NO_TANH)
    return forbidding(without_np_tanh, math, "tanh", NO_TANH)


def test_tanh_ordinary_values(solution):
    """`tanh` is right for inputs from -6 to 6, with numpy.tanh and math.tanh switched off."""
    x = np.linspace(-6.0, 6.0, 25)
    check(own_tanh(solution), x, expected=ref.tanh(x), why="inputs in [-6, 6]")


def test_tanh_is_accurate_near_zero(solution):
    """Near 0 (|x| from 1e-15 to 0.01) `tanh` keeps a relative accuracy of 1e-9."""
    x = np.array([-1e-12, -1e-8, -1e-3, 1e-15, 1e-10, 1e-5, 0.01])
    check(
        own_tanh(solution),
        x,
        expected=ref.tanh(x),
        rtol=1e-9,
        atol=0.0,
        why="near 0, tanh(x) is about x: 2*sigmoid(2x) - 1 and 1 - exp(-2|x|) "
        "cancel there",
    )


def test_tanh_extremes(solution):
    """`tanh` of ±0, ±100, ±750, ±1000 and ±1e4 in float64 and float32 gives no warning, -inf and inf give -1 and 1, and NaN gives NaN."""
    check_extremes(own_tanh(solution), ref.tanh)


def test_tanh_dtypes_and_shapes(solution):
    """`tanh` keeps float16, float32 and float64, gives float64 for integers and lists of integers, and keeps the shape (a NumPy scalar gives a 0-d result; empty and 3-D arrays too)."""
    check_dtypes_and_shapes(own_tanh(solution), ref.tanh)


def test_tanh_grad_ordinary_values(solution):
    """`tanh_grad` is right for inputs from -6 to 6 (it may use np.tanh)."""
    x = np.linspace(-6.0, 6.0, 25)
    check(solution.tanh_grad, x, expected=ref.tanh_grad(x), why="inputs in [-6, 6]")


def test_tanh_grad_tails(solution):
    """In both tails (x = ±20 and ±30) the tiny slope `tanh_grad(x)` keeps a relative accuracy of 1e-6."""
    x = np.array([-30.0, -20.0, 20.0, 30.0])
    check(
        solution.tanh_grad,
        x,
        expected=ref.tanh_grad(x),
        rtol=1e-6,
        atol=0.0,
        why="1 - tanh(x)**2 is exactly 0 once tanh(x) rounds to 1; the slope is not",
    )


def test_tanh_grad_extremes(solution):
    """`tanh_grad` of ±0, ±100, ±750, ±1000 and ±1e4 in float64 and float32 gives no warning, -inf and inf give 0, and NaN gives NaN."""
    check_extremes(solution.tanh_grad, ref.tanh_grad)


def test_tanh_grad_dtypes_and_shapes(solution):
    """`tanh_grad` keeps float16, float32 and float64, gives float64 for integers and lists of integers, and keeps the shape (a NumPy scalar gives a 0-d result; empty and 3-D arrays too)."""
    check_dtypes_and_shapes(solution.tanh_grad, ref.tanh_grad)

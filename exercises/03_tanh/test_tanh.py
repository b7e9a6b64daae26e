"""Grader of exercise 03: tanh from exp, and its derivative."""

import numpy as np

from course_code import activations as ref
from course_grading import (
    check,
    check_dtypes_and_shapes,
    check_extremes,
    forbidding,
)

NO_NP_TANH = "build tanh from np.exp (or your sigmoid)"


def own_tanh(solution):
    """The learner's tanh, with np.tanh switched off while it runs."""
    return forbidding(solution.tanh, np, "tanh", NO_NP_TANH)


def test_tanh_ordinary_values(solution):
    x = np.linspace(-6.0, 6.0, 25)
    check(own_tanh(solution), x, expected=ref.tanh(x), why="inputs in [-6, 6]")


def test_tanh_is_accurate_near_zero(solution):
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
    check_extremes(own_tanh(solution), ref.tanh)


def test_tanh_dtypes_and_shapes(solution):
    check_dtypes_and_shapes(own_tanh(solution), ref.tanh)


def test_tanh_grad_ordinary_values(solution):
    x = np.linspace(-6.0, 6.0, 25)
    check(solution.tanh_grad, x, expected=ref.tanh_grad(x), why="inputs in [-6, 6]")


def test_tanh_grad_tails(solution):
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
    check_extremes(solution.tanh_grad, ref.tanh_grad)


def test_tanh_grad_dtypes_and_shapes(solution):
    check_dtypes_and_shapes(solution.tanh_grad, ref.tanh_grad)

"""Grader of exercise 01: a sigmoid that never overflows."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes


def test_ordinary_values(solution):
    x = np.linspace(-8.0, 8.0, 33)
    check(solution.sigmoid, x, expected=ref.sigmoid(x), why="inputs in [-8, 8]")


def test_very_negative_inputs_do_not_overflow(solution):
    x = np.array([-1e4, -1000.0, -745.0, -710.0, -40.0])
    check(
        solution.sigmoid,
        x,
        expected=ref.sigmoid(x),
        why="exp(-x) overflows for x < -709.78 in float64",
    )


def test_tails_keep_their_relative_accuracy(solution):
    x = np.array([-700.0, -300.0, -100.0, -40.0, -20.0])
    check(
        solution.sigmoid,
        x,
        expected=ref.sigmoid(x),
        rtol=1e-9,
        atol=0.0,
        why="sigmoid(-700) is about 1e-304, tiny but not 0: clipping x or "
        "rounding early loses it",
    )


def test_float32_overflows_sooner(solution):
    x = np.array([-1000.0, -100.0, -89.0, -88.0, 88.0, 89.0], dtype=np.float32)
    check(
        solution.sigmoid,
        x,
        expected=ref.sigmoid(x),
        why="in float32, exp overflows above 88.72",
    )


def test_extremes(solution):
    check_extremes(solution.sigmoid, ref.sigmoid)


def test_dtypes_and_shapes(solution):
    check_dtypes_and_shapes(solution.sigmoid, ref.sigmoid)

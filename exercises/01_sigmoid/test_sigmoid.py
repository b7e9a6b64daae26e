"""Grader of exercise 01: a sigmoid that never overflows."""

import numpy as np

from course_code import activations as ref
from course_grading import check, check_dtypes_and_shapes, check_extremes


def test_ordinary_values(solution):
    """Inputs from -8 to 8 give the right value."""
    x = np.linspace(-8.0, 8.0, 33)
    check(solution.sigmoid, x, expected=ref.sigmoid(x), why="inputs in [-8, 8]")


def test_very_negative_inputs_do_not_overflow(solution):
    """Very negative inputs down to -1e4 give the right value with no overflow warning."""
    x = np.array([-1e4, -1000.0, -745.0, -710.0, -40.0])
    check(
        solution.sigmoid,
        x,
        expected=ref.sigmoid(x),
        why="exp(-x) overflows for x < -709.78 in float64",
    )


def test_left_tail_keeps_tiny_values(solution):
    """In the left tail (x from -700 to -20) each tiny value is within 1e-9 relative + 1e-15 absolute of the true one (clipping x to [-30, 30] is off by 9e-14 there)."""
    x = np.array([-700.0, -300.0, -100.0, -40.0, -30.0, -20.0])
    check(
        solution.sigmoid,
        x,
        expected=ref.sigmoid(x),
        rtol=1e-9,
        atol=1e-15,
        why="sigmoid(-30) is about 9.4e-14, tiny but not 0: clipping x (to "
        "[-30, 30], say) or rounding it away is off by more than 1e-15",
    )


def test_float32_overflows_sooner(solution):
    """float32 inputs from -1000 to 89 (float32's exp overflows above 88.72) give the right float32 value with no warning."""
    x = np.array([-1000.0, -100.0, -89.0, -88.0, 88.0, 89.0], dtype=np.float32)
    check(
        solution.sigmoid,
        x,
        expected=ref.sigmoid(x),
        why="in float32, exp overflows above 88.72",
    )


def test_extremes(solution):
    """Inputs of ±0, ±100, ±750, ±1000 and ±1e4 in float64 and float32 give no warning, -inf and inf give 0 and 1, and NaN gives NaN."""
    check_extremes(solution.sigmoid, ref.sigmoid)


def test_dtypes_and_shapes(solution):
    """float16, float32 and float64 input keep their dtype, integers and lists of integers give float64, and the shape is kept (a NumPy scalar gives a 0-d result; empty and 3-D arrays too)."""
    check_dtypes_and_shapes(solution.sigmoid, ref.sigmoid)

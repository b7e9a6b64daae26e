"""Grader of exercise 09: the softmax backward pass as a vector-Jacobian product."""

import contextlib
import io
import sys
import tracemalloc

import numpy as np
import pytest

from course_code import activations as ref
from course_grading import check

RNG = np.random.default_rng(9)
X = RNG.normal(size=(4, 6))
G = RNG.normal(size=(4, 6))


def test_matches_the_jacobian_product(solution):
    """For a 4×6 array along the last axis the result is g^T J, J the Jacobian of softmax."""
    s = ref.softmax(X)
    check(
        solution.softmax_backward,
        G,
        s,
        expected=ref.softmax_backward(G, s),
        why="g^T J with J = diag(s) - s s^T, row by row",
    )


def test_along_other_axes(solution):
    """The product is taken along `axis`: axis=0 and -1 of a 4×6 array, and axis=1 of a 2×3×4 array."""
    for axis in (0, -1):
        s = ref.softmax(X, axis=axis)
        check(
            solution.softmax_backward,
            G,
            s,
            axis=axis,
            expected=ref.softmax_backward(G, s, axis=axis),
            why="the inner product is taken along `axis`",
        )
    x3 = RNG.normal(size=(2, 3, 4))
    g3 = RNG.normal(size=(2, 3, 4))
    s3 = ref.softmax(x3, axis=1)
    check(
        solution.softmax_backward,
        g3,
        s3,
        axis=1,
        expected=ref.softmax_backward(g3, s3, axis=1),
        why="a 3-D array, softmax along the middle axis",
    )


def test_constant_gradient_gives_zero(solution):
    """A constant gradient g = 1 gives 0 (within 1e-12), because softmax ignores a shift of all its inputs."""
    s = ref.softmax(X)
    g = np.ones_like(X)
    check(
        solution.softmax_backward,
        g,
        s,
        expected=ref.softmax_backward(g, s),
        why="softmax ignores a shift of all its inputs, so g = 1 gives 0",
    )


def test_does_not_form_the_jacobian(solution):
    """On one slice of 2000 entries the peak memory stays below 8 MB, a quarter of the 32 MB that the 2000×2000 Jacobian takes (anything your function prints counts too)."""
    n = 2000
    s = ref.softmax(RNG.normal(size=(1, n)))
    g = RNG.normal(size=(1, n))
    expected = ref.softmax_backward(g, s)
    jacobian_bytes = n * n * 8
    limit = jacobian_bytes // 4
    printed = io.StringIO()
    tracemalloc.start()
    try:
        with contextlib.redirect_stdout(printed):
            check(
                solution.softmax_backward,
                g,
                s,
                expected=expected,
                why=f"one slice of {n} entries",
            )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        # What the function printed still reaches the learner's report.
        sys.stdout.write(printed.getvalue())
    if peak > limit:
        message = (
            f"softmax_backward on one slice of {n} entries needed {peak / 1e6:.1f} "
            f"MB of memory at its peak; the limit is {limit / 1e6:.1f} MB, a "
            f"quarter of the {jacobian_bytes / 1e6:.1f} MB that the {n}x{n} "
            "Jacobian takes. Compute g^T J without forming J (or any other "
            f"{n}x{n} array)."
        )
        if printed.getvalue():
            message += (
                " Your function also printed while it ran: what it prints is "
                "memory too and counts towards the peak."
            )
        pytest.fail(message, pytrace=False)

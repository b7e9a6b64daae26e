"""Grader of exercise 09: the softmax backward pass as a vector-Jacobian product."""

import tracemalloc

import numpy as np
import pytest

from course_code import activations as ref
from course_grading import check

RNG = np.random.default_rng(9)
X = RNG.normal(size=(4, 6))
G = RNG.normal(size=(4, 6))


def test_matches_the_jacobian_product(solution):
    s = ref.softmax(X)
    check(
        solution.softmax_backward,
        G,
        s,
        expected=ref.softmax_backward(G, s),
        why="g^T J with J = diag(s) - s s^T, row by row",
    )


def test_along_other_axes(solution):
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
    n = 2000
    s = ref.softmax(RNG.normal(size=(1, n)))
    g = RNG.normal(size=(1, n))
    tracemalloc.start()
    try:
        check(
            solution.softmax_backward,
            g,
            s,
            expected=ref.softmax_backward(g, s),
            why="a slice of 2000 entries",
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    jacobian_bytes = n * n * 8
    if peak > jacobian_bytes // 4:
        pytest.fail(
            f"softmax_backward on a slice of {n} entries used {peak / 1e6:.0f} MB "
            f"at its peak; the {n}x{n} Jacobian alone is {jacobian_bytes / 1e6:.0f} "
            "MB. Compute g^T J without forming J.",
            pytrace=False,
        )

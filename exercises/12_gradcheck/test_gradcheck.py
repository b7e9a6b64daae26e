"""Grader of exercise 12: central-difference gradient checking."""

import numpy as np

from course_code import activations, gradcheck
from course_grading import check

RNG = np.random.default_rng(12)


def cube_sum(v):
    return float(np.sum(v**3))


def softplus_sum(v):
    return float(np.sum(activations.softplus(v)))


def coupled(v):
    return float(np.sum(v) ** 3 + v.ravel()[0] * v.ravel()[-1])


def weighted(v):
    w = np.arange(1.0, v.size + 1.0).reshape(v.shape)
    return float(np.sum(w * np.sin(v)))


def test_a_vector(solution):
    x = RNG.normal(size=5)
    check(
        solution.numerical_gradient,
        cube_sum,
        x,
        expected=gradcheck.numerical_gradient(cube_sum, x),
        rtol=1e-6,
        atol=1e-8,
        why="central differences of sum(x**3): error of order eps**2",
    )


def test_a_matrix(solution):
    x = RNG.normal(size=(3, 4))
    check(
        solution.numerical_gradient,
        weighted,
        x,
        expected=gradcheck.numerical_gradient(weighted, x),
        rtol=1e-6,
        atol=1e-8,
        why="every entry of a 2-D x, each with its own weight",
    )


def test_the_step_is_used(solution):
    x = RNG.normal(size=4)
    check(
        solution.numerical_gradient,
        coupled,
        x,
        eps=1e-2,
        expected=gradcheck.numerical_gradient(coupled, x, eps=1e-2),
        rtol=1e-9,
        atol=1e-12,
        why="with eps=1e-2 the central difference differs from the derivative "
        "by about eps**2; f couples the entries, so each must be restored "
        "before the next is moved",
    )


def test_an_activation(solution):
    x = RNG.normal(size=6)
    check(
        solution.numerical_gradient,
        softplus_sum,
        x,
        expected=gradcheck.numerical_gradient(softplus_sum, x),
        rtol=1e-6,
        atol=1e-8,
        why="the gradient of sum(softplus(x)) is sigmoid(x)",
    )

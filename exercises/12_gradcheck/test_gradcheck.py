"""Grader of exercise 12: central-difference gradient checking."""

import numpy as np

from course_code import activations, gradcheck
from course_grading import check

RNG = np.random.default_rng(12)
DTYPE_RULE = "the gradient is float64 whatever the dtype of x"


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
    """The gradient of sum(x³) at a vector of 5 entries is right within 1e-6 relative + 1e-8 absolute."""
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
    """At a 3×4 matrix x the gradient has x's shape and every entry right within 1e-6 relative + 1e-8 absolute."""
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
    """With eps=1e-2 the result is the central difference with that step within 1e-9 relative + 1e-12 absolute, each entry put back before the next one moves."""
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
    """The gradient of sum(softplus(x)) at 6 points is right within 1e-6 relative + 1e-8 absolute."""
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


def test_integer_input(solution):
    """An integer x gives the float64 gradient computed at a float64 copy of x, within 1e-6 relative + 1e-8 absolute."""
    x = np.array([[1, -2], [3, 0]])
    check(
        solution.numerical_gradient,
        cube_sum,
        x,
        expected=gradcheck.numerical_gradient(cube_sum, x),
        rtol=1e-6,
        atol=1e-8,
        why="an integer x cannot hold x + eps: perturb a float64 copy, and "
        "return a float64 gradient",
        dtype_rule=DTYPE_RULE,
    )


def test_float32_input(solution):
    """A float32 x gives the float64 gradient computed at a float64 copy of x, within 1e-6 relative + 1e-8 absolute."""
    x = RNG.normal(size=5).astype(np.float32)
    check(
        solution.numerical_gradient,
        weighted,
        x,
        expected=gradcheck.numerical_gradient(weighted, x),
        rtol=1e-6,
        atol=1e-8,
        why="in float32, x + 1e-6 rounds to a step far from 1e-6: perturb a "
        "float64 copy of x, and return a float64 gradient",
        dtype_rule=DTYPE_RULE,
    )

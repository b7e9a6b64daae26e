"""Grader of exercise 10: binary cross-entropy with logits and its gradient."""

import numpy as np

from course_code import losses as ref
from course_grading import check

RNG = np.random.default_rng(10)
Z = RNG.normal(scale=3.0, size=(5, 3))
Y = RNG.uniform(size=(5, 3))
BIG_Z = np.array([1e4, -1e4, 1e4, -1e4, 800.0, -800.0])
BIG_Y = np.array([1.0, 0.0, 0.0, 1.0, 0.5, 0.5])


def test_loss_ordinary_values(solution):
    """The loss is the mean over every element of a 5×3 array of logits, with targets in [0, 1]."""
    check(
        solution.binary_cross_entropy_with_logits,
        Z,
        Y,
        expected=ref.binary_cross_entropy_with_logits(Z, Y),
        why="the mean over every element",
    )


def test_loss_of_huge_logits(solution):
    """Huge logits (±800 and ±1e4) give the right finite loss with no warning."""
    check(
        solution.binary_cross_entropy_with_logits,
        BIG_Z,
        BIG_Y,
        expected=ref.binary_cross_entropy_with_logits(BIG_Z, BIG_Y),
        why="log(sigmoid(z)) is -inf once sigmoid(z) rounds to 0; the loss is finite",
    )


def test_loss_at_infinity(solution):
    """Logits of ±inf give the loss 0 when the prediction is right and inf when it is wrong, with no warning (no 0 · inf, not even in a branch np.where discards)."""
    z = np.array([np.inf, -np.inf])
    right = np.array([1.0, 0.0])
    check(
        solution.binary_cross_entropy_with_logits,
        z,
        right,
        expected=ref.binary_cross_entropy_with_logits(z, right),
        why="a certain and right prediction costs exactly 0 (not NaN)",
    )
    wrong = np.array([0.0, 1.0])
    check(
        solution.binary_cross_entropy_with_logits,
        z,
        wrong,
        expected=ref.binary_cross_entropy_with_logits(z, wrong),
        why="a certain and wrong prediction costs inf",
    )


def test_loss_keeps_float32(solution):
    """float32 logits and targets give a float32 loss."""
    z, y = Z.astype(np.float32), Y.astype(np.float32)
    check(
        solution.binary_cross_entropy_with_logits,
        z,
        y,
        expected=ref.binary_cross_entropy_with_logits(z, y),
        why="float32 logits give a float32 loss",
    )


def test_gradient(solution):
    """The gradient is (sigmoid(z) - y) / n, also for huge logits (±800 and ±1e4) and at ±inf, with no warning."""
    check(
        solution.binary_cross_entropy_with_logits_grad,
        Z,
        Y,
        expected=ref.binary_cross_entropy_with_logits_grad(Z, Y),
        why="(sigmoid(z) - y) / n, n the number of elements",
    )
    check(
        solution.binary_cross_entropy_with_logits_grad,
        BIG_Z,
        BIG_Y,
        expected=ref.binary_cross_entropy_with_logits_grad(BIG_Z, BIG_Y),
        why="huge logits: no overflow, no warning",
    )
    z = np.array([np.inf, -np.inf, np.inf])
    y = np.array([1.0, 0.0, 0.0])
    check(
        solution.binary_cross_entropy_with_logits_grad,
        z,
        y,
        expected=ref.binary_cross_entropy_with_logits_grad(z, y),
        why="the gradient at +-inf is the limit (sigmoid(z) - y) / n",
    )

"""Grader of exercise 11: softmax cross-entropy and its gradient."""

import numpy as np

from course_code import losses as ref
from course_grading import check

RNG = np.random.default_rng(11)
Z = RNG.normal(scale=2.0, size=(6, 4))
LABELS = np.array([0, 3, 1, 1, 2, 0])
HUGE = np.array([[1e4, 0.0, -1e4], [-1e4, 1e4, 0.0], [0.0, 0.0, 1e4]])
HUGE_LABELS = np.array([0, 0, 1])


def test_loss_ordinary_values(solution):
    """The loss is the mean over 6 rows of -log softmax(z)[label], with integer labels."""
    check(
        solution.cross_entropy,
        Z,
        LABELS,
        expected=ref.cross_entropy(Z, LABELS),
        why="the mean over rows of -log softmax(z)[label]",
    )


def test_loss_of_huge_logits(solution):
    """Logits of ±1e4 give the right finite loss with no warning."""
    check(
        solution.cross_entropy,
        HUGE,
        HUGE_LABELS,
        expected=ref.cross_entropy(HUGE, HUGE_LABELS),
        why="-log(softmax(z)) is inf once a probability underflows; log-softmax is not",
    )


def test_loss_keeps_float32(solution):
    """float32 logits give a float32 loss."""
    z = Z.astype(np.float32)
    check(
        solution.cross_entropy,
        z,
        LABELS,
        expected=ref.cross_entropy(z, LABELS),
        why="float32 logits give a float32 loss",
    )


def test_gradient(solution):
    """The gradient is `(softmax(z) - one_hot(label)) / N`, also for logits of ±1e4 (with no warning) and in float32."""
    check(
        solution.cross_entropy_grad,
        Z,
        LABELS,
        expected=ref.cross_entropy_grad(Z, LABELS),
        why="(softmax(z) - one_hot(label)) / N",
    )
    check(
        solution.cross_entropy_grad,
        HUGE,
        HUGE_LABELS,
        expected=ref.cross_entropy_grad(HUGE, HUGE_LABELS),
        why="huge logits: no overflow, no warning",
    )
    z = Z.astype(np.float32)
    check(
        solution.cross_entropy_grad,
        z,
        LABELS,
        expected=ref.cross_entropy_grad(z, LABELS),
        why="float32 logits give a float32 gradient",
    )

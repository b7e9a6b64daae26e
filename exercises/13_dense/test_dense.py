"""Grader of exercise 13: a dense layer with an activation, forward and backward."""

import numpy as np

from course_code import nn
from course_grading import ANY, check

RNG = np.random.default_rng(13)
X = RNG.normal(size=(5, 3))
W = RNG.normal(size=(3, 4))
B = RNG.normal(size=4)
GRAD_A = RNG.normal(size=(5, 4))
NAMES = ("grad_x", "grad_W", "grad_b")


def forward(solution, activation):
    _, cache = check(
        solution.dense_forward,
        X,
        W,
        B,
        activation=activation,
        expected=(nn.dense_forward(X, W, B, activation=activation)[0], ANY),
        names=("a", "cache"),
        why=f"z = x @ W + b, a = {activation or 'z'} (activation={activation!r})",
    )
    return cache


def test_forward(solution):
    """`dense_forward` returns a = f(x @ W + b) and a cache, for activation='relu', 'sigmoid', 'tanh' and None."""
    for activation in ("relu", "sigmoid", "tanh", None):
        forward(solution, activation)


def test_backward(solution):
    """`dense_backward` returns the right `grad_x`, `grad_W` and `grad_b` for each of the four activations."""
    for activation in ("relu", "sigmoid", "tanh", None):
        cache = forward(solution, activation)
        _, ref_cache = nn.dense_forward(X, W, B, activation=activation)
        check(
            solution.dense_backward,
            GRAD_A,
            cache,
            expected=nn.dense_backward(GRAD_A, ref_cache),
            names=NAMES,
            why=f"the chain rule through activation={activation!r}, then x @ W + b",
        )


def test_backward_sums_over_the_batch(solution):
    """`grad_b` is the sum of `grad_z` over the rows of the batch, not their mean."""
    x = np.ones((4, 2))
    w = np.eye(2)
    b = np.zeros(2)
    g = np.ones((4, 2))
    _, cache = solution.dense_forward(x, w, b, activation=None)
    _, ref_cache = nn.dense_forward(x, w, b, activation=None)
    check(
        solution.dense_backward,
        g,
        cache,
        expected=nn.dense_backward(g, ref_cache),
        names=NAMES,
        why="grad_b adds up the rows of grad_z; it is not their mean",
    )

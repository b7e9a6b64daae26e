"""Grader of exercise 16: a SwiGLU feed-forward block."""

import numpy as np

from course_code import nn
from course_grading import check

RNG = np.random.default_rng(16)
N, D, F = 4, 6, 10
X = RNG.normal(size=(N, D))
W = RNG.normal(size=(D, F)) / np.sqrt(D)
V = RNG.normal(size=(D, F)) / np.sqrt(D)
W2 = RNG.normal(size=(F, D)) / np.sqrt(F)


def test_ordinary_values(solution):
    check(
        solution.swiglu_ffn,
        X,
        W,
        V,
        W2,
        expected=nn.swiglu_ffn(X, W, V, W2),
        why="silu(x @ W) gates x @ V, then W2 projects back",
    )


def test_the_gate_and_the_value_are_not_swapped(solution):
    v = -V
    check(
        solution.swiglu_ffn,
        X,
        W,
        v,
        W2,
        expected=nn.swiglu_ffn(X, W, v, W2),
        why="silu is applied to x @ W (the gate), not to x @ V",
    )


def test_large_inputs_do_not_warn(solution):
    x = 1000.0 * X
    check(
        solution.swiglu_ffn,
        x,
        W,
        V,
        W2,
        expected=nn.swiglu_ffn(x, W, V, W2),
        why="a gate of -1000 must give 0 without an overflow warning",
    )


def test_one_example(solution):
    x = X[:1]
    check(
        solution.swiglu_ffn,
        x,
        W,
        V,
        W2,
        expected=nn.swiglu_ffn(x, W, V, W2),
        why="a batch of one keeps its shape (1, d_model)",
    )

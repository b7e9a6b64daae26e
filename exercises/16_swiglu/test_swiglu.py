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
    """For 4 examples with d_model = 6 and d_ff = 10 the block returns `(silu(x @ W) * (x @ V)) @ W2`."""
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
    """SiLU is applied to the gate x @ W, not to the value x @ V."""
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
    """Inputs 1000 times larger give the right output with no overflow warning (a gate of -1000 gives 0)."""
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
    """A batch of one example keeps its shape (1, d_model)."""
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

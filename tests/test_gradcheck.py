"""The finite-difference checker: accurate, harmless to its input, and able to
catch a wrong gradient, for a function and for a whole network."""

import numpy as np
import pytest

from course_code.gradcheck import (
    check_gradient,
    check_network_gradients,
    numerical_gradient,
)
from course_code.nn import MLP, CrossEntropyLoss, Dense, MSELoss, Sequential


def test_numerical_gradient_of_known_functions():
    x = np.array([[0.3, -1.2], [2.0, 0.5]])
    np.testing.assert_allclose(
        numerical_gradient(lambda v: np.sum(np.sin(v)), x), np.cos(x), rtol=1e-8
    )
    A = np.arange(4.0).reshape(2, 2)
    np.testing.assert_allclose(
        numerical_gradient(lambda v: np.sum(A * v**2), x), 2 * A * x, atol=1e-7
    )


def test_input_is_left_alone_and_may_be_a_list_of_ints():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    grad = numerical_gradient(lambda v: float(v @ v), x)
    np.testing.assert_array_equal(x, before)
    np.testing.assert_allclose(grad, 2 * x, rtol=1e-8)
    assert numerical_gradient(lambda v: v.sum(), [1, 2]).dtype == np.float64


def test_f_sees_each_perturbation_once_per_side():
    calls = []
    numerical_gradient(lambda v: calls.append(v.copy()) or 0.0, np.zeros((2, 3)))
    assert len(calls) == 12


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: numerical_gradient(3, [1.0]), TypeError, "f must be callable"),
        (lambda: numerical_gradient(np.sum, [1.0], eps=0), ValueError, "eps"),
        (lambda: numerical_gradient(lambda v: v, [1.0, 2.0]), ValueError, "scalar"),
        (lambda: numerical_gradient(np.sum, "ab"), TypeError, "x must be"),
        (lambda: check_gradient(np.sum, np.ones(3), [1.0]), ValueError, "shape"),
        (
            lambda: check_gradient(np.sum, np.ones_like, [1.0], rtol=-1),
            ValueError,
            "rtol",
        ),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_check_gradient_passes_and_fails():
    x = np.linspace(-2, 2, 7)
    good = check_gradient(lambda v: np.sum(v**3), lambda v: 3 * v**2, x)
    assert good
    assert good.max_rel_error < 1e-8
    bad = check_gradient(lambda v: np.sum(v**3), lambda v: 3 * v, x)
    assert not bad
    assert bad.max_abs_error == pytest.approx(18.0, rel=1e-6)  # at x = -2
    precomputed = check_gradient(lambda v: np.sum(v**2), 2 * x, x)
    assert precomputed.ok


def test_network_check_passes_and_restores_the_weights():
    model = MLP(3, [4], 2, activation="tanh", rng=0)
    before = [p.data.copy() for p in model.parameters()]
    X, y = np.random.default_rng(1).normal(size=(6, 3)), np.array([0, 1] * 3)
    report = check_network_gradients(model, CrossEntropyLoss(), X, y)
    assert list(report) == ["0.W", "1.b", "2.W", "3.b"]
    assert all(report.values())
    for p, b in zip(model.parameters(), before, strict=True):
        np.testing.assert_array_equal(p.data, b)


class _ForgetfulDense(Dense):
    """A plausible bug: the bias gradient is the mean, not the sum, over rows."""

    def backward(self, grad_out):
        grad_x = super().backward(grad_out)
        self.b.grad[...] = grad_out.mean(axis=0)
        return grad_x


def test_network_check_finds_a_planted_bug():
    model = Sequential(_ForgetfulDense(2, 3, rng=0))
    X, y = np.random.default_rng(2).normal(size=(5, 2)), np.zeros((5, 3))
    report = check_network_gradients(model, MSELoss(), X, y)
    assert report["0.W"]
    assert not report["1.b"]

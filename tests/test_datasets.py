"""The toy datasets: deterministic, the right shapes and balance, the right
geometry without noise, and errors that name the argument."""

import numpy as np
import pytest

from course_code import datasets

MAKERS = {
    "xor": lambda seed: datasets.xor(25, noise=0.1, seed=seed),
    "two_moons": lambda seed: datasets.two_moons(50, seed=seed),
    "circles": lambda seed: datasets.circles(50, seed=seed),
    "spirals": lambda seed: datasets.spirals(50, 4, seed=seed),
}


@pytest.mark.parametrize("name", MAKERS)
def test_deterministic_and_seeded(name):
    X1, y1 = MAKERS[name](0)
    X2, y2 = MAKERS[name](0)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, MAKERS[name](1)[0])


@pytest.mark.parametrize("name", MAKERS)
def test_shapes_dtypes_and_balance(name):
    X, y = MAKERS[name](0)
    assert X.dtype == np.float64
    assert X.shape == (len(y), 2)
    assert y.dtype.kind == "i"
    counts = np.bincount(y)
    assert (counts == counts[0]).all()
    assert np.isfinite(X).all()


def test_xor_truth_table():
    X, y = datasets.xor()
    assert (np.logical_xor(X[:, 0], X[:, 1]) == y).all()


def test_noise_free_geometry():
    X, y = datasets.circles(10, noise=0.0, factor=0.3)
    np.testing.assert_allclose(np.hypot(*X.T), np.where(y == 0, 1.0, 0.3))
    X, y = datasets.two_moons(10, noise=0.0)
    np.testing.assert_allclose(np.hypot(*X[y == 0].T), 1.0)
    np.testing.assert_allclose(np.hypot(X[y == 1, 0] - 1, X[y == 1, 1] - 0.5), 1.0)
    X, y = datasets.spirals(20, 3, noise=0.0)
    assert np.hypot(*X.T).max() == pytest.approx(1.0)


def test_spirals_are_the_benchmark_size():
    X, y = datasets.spirals(100, 3)
    assert X.shape == (300, 2)
    assert np.bincount(y).tolist() == [100, 100, 100]


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: datasets.spirals(0), ValueError, "n_per_class"),
        (lambda: datasets.spirals(10, n_classes=2.0), TypeError, "n_classes"),
        (lambda: datasets.two_moons(10, noise=-1.0), ValueError, "noise"),
        (lambda: datasets.circles(10, factor=1.0), ValueError, "factor"),
        (lambda: datasets.xor(seed="a"), TypeError, "seed"),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error, match=words):
        call()

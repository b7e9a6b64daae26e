"""The initialisers against their formulas, and against ``torch.nn.init``.

Statistics of a sample of $m$ draws have a relative standard error of about
$1/\\sqrt{2m}$ for the standard deviation; with $m = 120\\,000$ that is 0.2 %,
so a 2 % tolerance fails only for a wrong formula.
"""

import math

import numpy as np
import pytest

from course_code import initializers as init

FAN_IN, FAN_OUT = 400, 300
RTOL = 0.02


# (function, keyword arguments, expected standard deviation, uniform bound)
CASES = [
    (init.xavier_uniform, {}, math.sqrt(2 / 700), math.sqrt(6 / 700)),
    (init.xavier_uniform, {"gain": 5 / 3}, 5 / 3 * math.sqrt(2 / 700), None),
    (init.xavier_normal, {}, math.sqrt(2 / 700), None),
    (init.xavier_normal, {"gain": 2.0}, 2 * math.sqrt(2 / 700), None),
    (init.he_uniform, {}, math.sqrt(2 / 400), math.sqrt(6 / 400)),
    (init.he_uniform, {"mode": "fan_out"}, math.sqrt(2 / 300), math.sqrt(6 / 300)),
    (init.he_normal, {}, math.sqrt(2 / 400), None),
    (init.he_normal, {"nonlinearity": "tanh"}, 5 / 3 / 20, None),
    (
        init.he_normal,
        {"nonlinearity": "leaky_relu", "a": 0.2},
        math.sqrt(2 / 1.04) / 20,
        None,
    ),
    (init.lecun_normal, {}, 1 / 20, None),
    (init.lecun_uniform, {}, 1 / 20, math.sqrt(3 / 400)),
    (init.normal, {"std": 0.3}, 0.3, None),
    (init.uniform, {"a": -0.5, "b": 0.5}, 1 / math.sqrt(12), 0.5),
]
IDS = [f.__name__ + "".join(f"-{k}={v}" for k, v in kw.items()) for f, kw, *_ in CASES]


@pytest.mark.parametrize(("fn", "kwargs", "std", "bound"), CASES, ids=IDS)
def test_statistics_match_the_formula(fn, kwargs, std, bound):
    W = fn(FAN_IN, FAN_OUT, rng=0, **kwargs)
    assert W.shape == (FAN_IN, FAN_OUT)
    assert W.dtype == np.float64
    assert abs(W.mean()) < 5 * std / math.sqrt(W.size)
    assert W.std() == pytest.approx(std, rel=RTOL)
    if bound is not None:
        assert np.abs(W).max() <= bound
        assert np.abs(W).max() > 0.999 * bound


@pytest.mark.parametrize(("fn", "kwargs", "std", "bound"), CASES, ids=IDS)
def test_seeded_float32_and_reproducible(fn, kwargs, std, bound):
    W = fn(20, 30, rng=7, dtype=np.float32, **kwargs)
    assert W.dtype == np.float32
    np.testing.assert_array_equal(W, fn(20, 30, rng=7, dtype=np.float32, **kwargs))
    rng = np.random.default_rng(7)
    assert not np.array_equal(fn(20, 30, rng=rng, **kwargs), fn(20, 30, rng=rng))


def test_uniform_and_normal_defaults_are_pytorchs():
    W = init.uniform(FAN_IN, FAN_OUT, rng=0)
    assert W.min() >= 0
    assert W.max() < 1
    assert W.mean() == pytest.approx(0.5, abs=0.01)
    assert init.normal(FAN_IN, FAN_OUT, rng=0).std() == pytest.approx(1, rel=RTOL)
    assert init.normal(50, 50, mean=3.0, std=0.0, rng=0).tolist() == [[3.0] * 50] * 50


def test_zeros():
    assert init.zeros(2, 3, dtype=np.float32).dtype == np.float32
    assert not init.zeros(2, 3).any()


@pytest.mark.parametrize(
    ("name", "param", "gain"),
    [
        ("linear", None, 1.0),
        ("identity", None, 1.0),
        ("conv2d", None, 1.0),
        ("sigmoid", None, 1.0),
        ("tanh", None, 5 / 3),
        ("relu", None, math.sqrt(2)),
        ("leaky_relu", None, math.sqrt(2 / (1 + 0.01**2))),
        ("leaky_relu", 0.2, math.sqrt(2 / 1.04)),
        ("selu", None, 0.75),
    ],
)
def test_calculate_gain(name, param, gain):
    assert init.calculate_gain(name, param) == pytest.approx(gain, rel=1e-15)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: init.calculate_gain("gelu"), ValueError, "nonlinearity 'gelu'"),
        (lambda: init.calculate_gain(3), TypeError, "nonlinearity must be a str"),
        (lambda: init.calculate_gain("leaky_relu", "x"), TypeError, "param"),
        (lambda: init.he_normal(0, 3), ValueError, "fan_in must be a positive"),
        (lambda: init.he_normal(3, 2.5), TypeError, "fan_out must be an integer"),
        (lambda: init.he_normal(3, True), TypeError, "fan_out"),
        (lambda: init.he_normal(3, 3, mode="in"), ValueError, "mode must be"),
        (lambda: init.xavier_normal(3, 3, gain="1"), TypeError, "gain"),
        (lambda: init.xavier_normal(3, 3, rng=1.5), TypeError, "rng must be"),
        (lambda: init.xavier_normal(3, 3, rng=-1), ValueError, "rng must be"),
        (lambda: init.lecun_normal(3, 3, dtype=np.int32), TypeError, "dtype"),
        (lambda: init.normal(3, 3, std=-1.0), ValueError, "std"),
        (lambda: init.uniform(3, 3, a=1.0, b=0.0), ValueError, "b must be"),
        (lambda: init.initialize("glorot", 3, 3), ValueError, "scheme"),
        (lambda: init.init_std("he_normal", 3, 3), ValueError, "scheme"),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("scheme", ["xavier", "he", "lecun"])
def test_init_std_is_what_the_normal_initialisers_draw(scheme):
    W = init.initialize(scheme, FAN_IN, FAN_OUT, nonlinearity="tanh", rng=0)
    expected = init.init_std(scheme, FAN_IN, FAN_OUT, nonlinearity="tanh")
    assert W.std() == pytest.approx(expected, rel=RTOL)


def test_initialize_by_function_name():
    np.testing.assert_array_equal(
        init.initialize("he_uniform", 5, 4, nonlinearity="selu", rng=3),
        init.he_uniform(5, 4, nonlinearity="selu", rng=3),
    )
    assert not init.initialize("zeros", 2, 2).any()


def test_gain_name_maps_the_catalogue():
    from course_code.activations import ACTIVATIONS

    for key in ACTIVATIONS:
        init.calculate_gain(init.gain_name(key))  # always a name torch knows


# --- against PyTorch ---------------------------------------------------------

TORCH_CASES = [
    (init.xavier_uniform, "xavier_uniform_", {"gain": 1.3}),
    (init.xavier_normal, "xavier_normal_", {"gain": 1.3}),
    (init.he_uniform, "kaiming_uniform_", {"nonlinearity": "relu"}),
    (init.he_normal, "kaiming_normal_", {"nonlinearity": "relu"}),
    (init.he_normal, "kaiming_normal_", {"nonlinearity": "leaky_relu", "a": 0.3}),
    (init.he_uniform, "kaiming_uniform_", {"nonlinearity": "tanh", "mode": "fan_out"}),
    (init.normal, "normal_", {"std": 0.2}),
    (init.uniform, "uniform_", {"a": -0.3, "b": 0.7}),
]


@pytest.mark.torch
@pytest.mark.parametrize(("ours", "theirs", "kwargs"), TORCH_CASES)
def test_same_distribution_as_torch(torch, ours, theirs, kwargs):
    torch.manual_seed(0)
    # PyTorch's weight is (out_features, in_features): the same fans.
    t = torch.empty(FAN_OUT, FAN_IN, dtype=torch.float64)
    getattr(torch.nn.init, theirs)(t, **kwargs)
    t = t.numpy()
    W = ours(FAN_IN, FAN_OUT, rng=0, **kwargs)
    assert W.std() == pytest.approx(t.std(), rel=RTOL)
    assert W.mean() == pytest.approx(t.mean(), abs=5 * t.std() / math.sqrt(t.size))
    assert W.min() == pytest.approx(t.min(), rel=0.2)  # tails of the same law
    assert W.max() == pytest.approx(t.max(), rel=0.2)


@pytest.mark.torch
@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("linear", None),
        ("sigmoid", None),
        ("tanh", None),
        ("relu", None),
        ("leaky_relu", None),
        ("leaky_relu", 0.3),
        ("selu", None),
        ("conv1d", None),
    ],
)
def test_calculate_gain_equals_torch(torch, name, param):
    assert init.calculate_gain(name, param) == torch.nn.init.calculate_gain(name, param)

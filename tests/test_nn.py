"""The network library: gradients of whole networks against finite
differences for every elementwise activation of the catalogue, the functional
forms, the optimisers against ``torch.optim``, and training."""

import numpy as np
import pytest

from course_code import nn
from course_code.activations import ACTIVATIONS, silu, swiglu
from course_code.datasets import spirals, xor
from course_code.gradcheck import check_gradient, check_network_gradients

ELEMENTWISE = [key for key, entry in ACTIVATIONS.items() if entry.elementwise]
#: Every kink of every piecewise function of the catalogue (at default
#: parameters): a finite difference across one would be meaningless.
KINKS = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 6.0])


def _batch(seed, n=8, features=3, scale=3.0):
    rng = np.random.default_rng(seed)
    return scale * rng.standard_normal((n, features)), rng.integers(0, 3, n)


def _away_from_kinks(model):
    """The smallest distance from a pre-activation to a kink."""
    return min(
        np.abs(layer.last_input[..., None] - KINKS).min()
        for layer in model.layers
        if isinstance(layer, nn.Activation)
    )


@pytest.mark.parametrize("key", ELEMENTWISE)
def test_network_gradients_for_every_activation(key):
    model = nn.MLP(3, [6, 5], 3, activation=key, rng=1)
    X, y = _batch(seed=2)
    report = check_network_gradients(model, nn.CrossEntropyLoss(), X, y, atol=1e-8)
    assert _away_from_kinks(model) > 1e-4, "move the inputs off the kinks"
    bad = {name: r.max_rel_error for name, r in report.items() if not r}
    assert not bad, f"{key}: analytic and numerical gradients differ: {bad}"


@pytest.mark.parametrize(
    ("loss", "targets"),
    [
        (nn.MSELoss(), lambda y: np.eye(3)[y]),
        (nn.CrossEntropyLoss(), lambda y: y),
    ],
)
def test_network_gradients_for_each_loss(loss, targets):
    model = nn.MLP(3, [4, 4], 3, activation="gelu", rng=0)
    X, y = _batch(seed=3)
    assert all(check_network_gradients(model, loss, X, targets(y)).values())


def test_binary_network_gradients_and_input_gradient():
    model = nn.MLP(3, [5], 1, activation="silu", rng=4)
    X, y = _batch(seed=4)
    y = y % 2
    loss = nn.BCEWithLogitsLoss()
    assert all(check_network_gradients(model, loss, X, y).values())

    def f(x):
        return loss(model(x), y)

    def grad(x):
        model.zero_grad()
        f(x)
        return model.backward(loss.backward())

    assert check_gradient(f, grad, X)


# --- functional forms ---------------------------------------------------------


@pytest.mark.parametrize(
    ("activation", "params"),
    [
        ("relu", {}),
        ("leaky_relu", {"negative_slope": 0.2}),
        ("gelu_tanh", {}),
        ((silu, ACTIVATIONS["silu"].grad), {}),
        (ACTIVATIONS["elu"], {"alpha": 0.5}),
        (None, {}),
    ],
)
def test_dense_backward_matches_finite_differences(activation, params):
    rng = np.random.default_rng(5)
    x, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    r = rng.normal(size=(4, 2))  # L = sum(r * a): dL/da = r

    def loss(x_, W_, b_):
        return np.sum(r * nn.dense_forward(x_, W_, b_, activation, **params)[0])

    _, cache = nn.dense_forward(x, W, b, activation, **params)
    grad_x, grad_W, grad_b = nn.dense_backward(r, cache)
    assert check_gradient(lambda v: loss(v, W, b), grad_x, x)
    assert check_gradient(lambda v: loss(x, v, b), grad_W, W)
    assert check_gradient(lambda v: loss(x, W, v), grad_b, b)


def test_dense_forward_defaults_and_errors():
    a, _ = nn.dense_forward([[1.0, -2.0]], np.eye(2), np.zeros(2))
    np.testing.assert_array_equal(a, [[1.0, 0.0]])  # ReLU by default
    with pytest.raises(ValueError, match="x must have shape"):
        nn.dense_forward(np.ones((2, 3)), np.eye(2), np.zeros(2))
    with pytest.raises(ValueError, match="b must have shape"):
        nn.dense_forward(np.ones((2, 2)), np.eye(2), np.zeros(3))
    with pytest.raises(ValueError, match="not in the catalogue"):
        nn.dense_forward(np.ones((2, 2)), np.eye(2), np.zeros(2), "rectifier")
    with pytest.raises(ValueError, match="not elementwise"):
        nn.Activation("softmax")
    with pytest.raises(TypeError, match="activation must be"):
        nn.Activation(3)
    _, cache = nn.dense_forward(np.ones((2, 2)), np.eye(2), np.zeros(2))
    with pytest.raises(ValueError, match="grad_a must have shape"):
        nn.dense_backward(np.ones((3, 2)), cache)


def test_swiglu_ffn_is_the_catalogues_swiglu_then_a_projection():
    rng = np.random.default_rng(6)
    x, W, V = rng.normal(size=(5, 4)), rng.normal(size=(4, 6)), rng.normal(size=(4, 6))
    W2 = rng.normal(size=(6, 4))
    expected = swiglu(np.concatenate([x @ V, x @ W], axis=-1)) @ W2
    np.testing.assert_allclose(nn.swiglu_ffn(x, W, V, W2), expected, rtol=1e-13)


def test_swiglu_ffn_backward_matches_finite_differences():
    rng = np.random.default_rng(7)
    args = [rng.normal(size=s) for s in [(3, 4), (4, 5), (4, 5), (5, 4)]]
    r = rng.normal(size=(3, 4))
    grads = nn.swiglu_ffn_backward(r, *args)
    for i, grad in enumerate(grads):

        def f(v, i=i):
            return np.sum(r * nn.swiglu_ffn(*args[:i], v, *args[i + 1 :]))

        assert check_gradient(f, grad, args[i]), f"gradient {i} is wrong"


def test_dead_unit_fraction():
    z = np.array([[-1.0, 0.0, 2.0, -3.0], [-2.0, 0.0, -1.0, 1e-300]])
    assert nn.dead_unit_fraction(z) == 0.5
    assert nn.dead_relu_fraction is nn.dead_unit_fraction
    with pytest.raises(ValueError, match="pre_activations"):
        nn.dead_unit_fraction(np.ones(3))


# --- layers, losses and optimisers --------------------------------------------


def test_backward_accumulates_until_zero_grad():
    model = nn.MLP(2, [3], 1, rng=0)
    X = np.ones((4, 2))
    for _ in range(2):
        model.backward(np.ones_like(model(X)))
    twice = [p.grad.copy() for p in model.parameters()]
    model.zero_grad()
    model.backward(np.ones_like(model(X)))
    for p, g in zip(model.parameters(), twice, strict=True):
        np.testing.assert_allclose(2 * p.grad, g)


def test_loss_backward_needs_a_forward_first():
    with pytest.raises(RuntimeError, match="before backward"):
        nn.MSELoss().backward()


def _torch_pair(torch, optimizer, kwargs):
    rng = np.random.default_rng(8)
    ours = nn.Parameter(rng.normal(size=(3, 2)))
    theirs = torch.tensor(ours.data.copy(), requires_grad=True)
    opt_ours = getattr(nn, optimizer)([ours], **kwargs)
    opt_theirs = getattr(torch.optim, optimizer)([theirs], **kwargs)
    for step in range(20):
        g = np.cos(ours.data + step)  # a gradient that changes with the weights
        ours.grad[...] = g
        theirs.grad = torch.tensor(np.cos(theirs.detach().numpy() + step))
        opt_ours.step()
        opt_theirs.step()
    return ours.data, theirs.detach().numpy()


@pytest.mark.torch
@pytest.mark.parametrize(
    ("optimizer", "kwargs"),
    [
        ("SGD", {"lr": 0.1}),
        ("SGD", {"lr": 0.1, "momentum": 0.9}),
        ("Adam", {"lr": 0.01}),
        ("Adam", {"lr": 0.1, "betas": (0.8, 0.99), "eps": 1e-6}),
    ],
)
def test_optimisers_follow_torch(torch, optimizer, kwargs):
    ours, theirs = _torch_pair(torch, optimizer, kwargs)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda p: nn.SGD(p, lr=0.0), ValueError, "lr"),
        (lambda p: nn.SGD(p, momentum=1.0), ValueError, "momentum"),
        (lambda p: nn.Adam(p, betas=(0.9, 1.0)), ValueError, "betas"),
        (lambda p: nn.Adam([1.0]), TypeError, "params"),
        (lambda p: nn.MLP(2, "8", 1), TypeError, "hidden"),
        (lambda p: nn.MLP(2, [0], 1), ValueError, "hidden"),
        (lambda p: nn.Sequential(nn.Dense(2, 2), "relu"), TypeError, "Modules"),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    params = [nn.Parameter(np.zeros(2))]
    with pytest.raises(error, match=words):
        call(params)


# --- training -------------------------------------------------------------------


def _fit(seed, batch_size=None, dtype=np.float64):
    X, y = spirals(30, 3, seed=0)
    model = nn.MLP(2, [16], 3, rng=seed, dtype=dtype)
    opt = nn.Adam(model.parameters(), lr=0.02)
    history = nn.train(
        model,
        nn.CrossEntropyLoss(),
        X.astype(dtype),
        y,
        opt,
        epochs=40,
        batch_size=batch_size,
        seed=seed,
    )
    return model, history


@pytest.mark.parametrize("batch_size", [None, 16])
def test_training_is_deterministic(batch_size):
    (m1, h1), (m2, h2) = _fit(3, batch_size), _fit(3, batch_size)
    np.testing.assert_array_equal(h1.loss, h2.loss)
    for p, q in zip(m1.parameters(), m2.parameters(), strict=True):
        np.testing.assert_array_equal(p.data, q.data)
    assert not np.array_equal(h1.loss, _fit(4, batch_size)[1].loss)
    assert h1.loss[-1] < h1.loss[0]


def test_float32_stays_float32():
    model, history = _fit(0, dtype=np.float32)
    assert {p.data.dtype for p in model.parameters()} == {np.dtype(np.float32)}
    assert history.loss[-1] < history.loss[0]


def test_xor_needs_and_gets_a_hidden_layer():
    X, y = xor()
    model = nn.MLP(2, [8], 2, activation="tanh", rng=0)
    h = nn.train(
        model,
        nn.CrossEntropyLoss(),
        X,
        y,
        nn.Adam(model.parameters(), 0.05),
        epochs=200,
    )
    assert h.accuracy[-1] == 1.0


def test_benchmark_network_reaches_97_percent():
    """The network of benchmarks/bench_mlp.py; its time is measured there."""
    X, y = spirals(100, 3, seed=0)
    model = nn.MLP(2, [100], 3, rng=0)
    h = nn.train(
        model,
        nn.CrossEntropyLoss(),
        X,
        y,
        nn.Adam(model.parameters(), 0.02),
        epochs=300,
    )
    assert h.accuracy.max() >= 0.97


def test_until_accuracy_stops_early():
    X, y = spirals(100, 3, seed=0)
    model = nn.MLP(2, [100], 3, rng=0)
    opt = nn.Adam(model.parameters(), 0.02)
    h = nn.train(
        model, nn.CrossEntropyLoss(), X, y, opt, epochs=1000, until_accuracy=0.97
    )
    assert len(h.loss) == len(h.accuracy) < 1000
    assert h.accuracy[-1] >= 0.97 > h.accuracy[:-1].max()


def test_progress_bar_only_in_a_terminal_outside_ci(monkeypatch, capsys):
    monkeypatch.setenv("CI", "true")
    assert nn.show_progress() is False
    monkeypatch.delenv("CI")
    assert nn.show_progress() is False  # pytest captures stderr: not a terminal
    assert nn.show_progress(True) is True
    model = nn.Dense(1, 1, rng=0)
    X = np.ones((3, 1))
    nn.train(model, nn.MSELoss(), X, X[:, 0], nn.SGD(model.parameters()), epochs=3)
    assert capsys.readouterr().err == ""


def test_residual_adds_the_shortcut_forward_and_backward():
    rng = np.random.default_rng(0)
    block = nn.Sequential(nn.Activation("tanh"), nn.Dense(4, 4, rng=1))
    layer = nn.Residual(block)
    x = rng.standard_normal((5, 4))
    assert np.allclose(layer(x), x + block(x))
    assert layer.parameters() == block.parameters()
    grad = rng.standard_normal((5, 4))
    layer(x)
    through = layer.backward(grad)
    assert check_gradient(lambda v: np.sum(grad * layer(v)), through, x)


def test_residual_networks_have_exact_parameter_gradients():
    # tanh, not ReLU: XOR has the point (0, 0), where a 0 bias meets the kink.
    block = nn.Sequential(nn.Activation("tanh"), nn.Dense(3, 3, rng=2))
    model = nn.Sequential(nn.Dense(2, 3, rng=1), nn.Residual(block), nn.Dense(3, 2))
    X, y = xor()
    checks = check_network_gradients(model, nn.CrossEntropyLoss(), X, y)
    assert checks
    assert all(checks.values())


def test_residual_needs_a_module():
    with pytest.raises(TypeError, match="block must be a Module"):
        nn.Residual(np.tanh)

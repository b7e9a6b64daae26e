"""The layers of the Applications chapter: a convolution and two recurrent cells.

``conv2d`` is checked against a direct loop over output pixels (and against
``scipy.signal.correlate2d``); ``lstm_cell`` and ``gru_cell`` against
``torch.nn.LSTMCell`` and ``torch.nn.GRUCell`` with the same weights. Without
PyTorch the cross-checks are skipped, except under CI (``CI=true``), where a
missing PyTorch is a failure.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_code import layers
from course_code.activations import relu, sigmoid, tanh
from course_code.layers import SOBEL_X, conv2d, gru_cell, lstm_cell, lstm_gates

# ---------------------------------------------------------------------------
# conv2d
# ---------------------------------------------------------------------------


def conv2d_loop(image, kernel, stride=1, padding=0):
    """The definition, one output pixel at a time: (C, H, W) * (K, C, kh, kw)."""
    x = np.pad(image, ((0, 0), (padding, padding), (padding, padding)))
    n_out, _, kh, kw = kernel.shape
    rows = (x.shape[1] - kh) // stride + 1
    cols = (x.shape[2] - kw) // stride + 1
    out = np.zeros((n_out, rows, cols))
    for k in range(n_out):
        for i in range(rows):
            for j in range(cols):
                patch = x[:, i * stride : i * stride + kh, j * stride : j * stride + kw]
                out[k, i, j] = np.sum(patch * kernel[k])
    return out


@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", [0, 1, 2])
def test_conv2d_matches_the_direct_loop(stride, padding):
    rng = np.random.default_rng(stride * 10 + padding)
    image = rng.normal(size=(3, 9, 8))
    kernel = rng.normal(size=(4, 3, 3, 2))
    got = conv2d(image, kernel, stride=stride, padding=padding)
    np.testing.assert_allclose(
        got, conv2d_loop(image, kernel, stride, padding), rtol=1e-12, atol=1e-12
    )


@pytest.mark.slow
def test_conv2d_single_channel_matches_scipy():
    from scipy import signal  # here: importing it costs every worker 0.9 s

    rng = np.random.default_rng(1)
    image, kernel = rng.normal(size=(7, 6)), rng.normal(size=(3, 3))
    expected = signal.correlate2d(image, kernel, mode="valid")
    np.testing.assert_allclose(conv2d(image, kernel), expected, rtol=1e-12)
    same = signal.correlate2d(image, kernel, mode="same", boundary="fill")
    np.testing.assert_allclose(conv2d(image, kernel, padding=1), same, rtol=1e-12)


def test_conv2d_three_dimensional_kernel_gives_one_map():
    rng = np.random.default_rng(2)
    image, kernel = rng.normal(size=(2, 5, 5)), rng.normal(size=(2, 3, 3))
    got = conv2d(image, kernel)
    assert got.shape == (3, 3)
    np.testing.assert_allclose(got, conv2d(image, kernel[None])[0], rtol=1e-15)


def test_conv2d_keeps_float32_and_does_not_mutate():
    image = np.ones((5, 5), dtype=np.float32)
    kernel = np.ones((3, 3), dtype=np.float32)
    before = image.copy()
    out = conv2d(image, kernel, padding=1)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(image, before)


def test_the_chapter_demo_keeps_one_edge():
    image = np.zeros((6, 6))
    image[1:5, 2:5] = 1.0
    response = conv2d(image, SOBEL_X)
    assert response.min() < 0 < response.max()
    kept = relu(response)
    assert np.all(kept[:, :2] > 0)
    assert np.all(kept[:, 2:] == 0)


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"image": "abc"}, TypeError, "image"),
        ({"kernel": np.ones((2, 2, 2))}, ValueError, "kernel"),
        ({"image": np.ones((1, 1, 4, 4))}, ValueError, "image"),
        ({"kernel": np.ones((9, 9))}, ValueError, "kernel"),
        ({"stride": 0}, ValueError, "stride"),
        ({"stride": 1.5}, TypeError, "stride"),
        ({"padding": -1}, ValueError, "padding"),
        ({"padding": True}, TypeError, "padding"),
    ],
)
def test_conv2d_rejects_bad_arguments_by_name(kwargs, error, name):
    args = {"image": np.ones((4, 4)), "kernel": np.ones((3, 3)), **kwargs}
    with pytest.raises(error, match=name):
        conv2d(**args)


def test_conv2d_rejects_a_channel_mismatch():
    with pytest.raises(ValueError, match="kernel has 2 input channel"):
        conv2d(np.ones((3, 5, 5)), np.ones((4, 2, 3, 3)))


@pytest.mark.torch
def test_conv2d_matches_torch(torch):
    rng = np.random.default_rng(3)
    image, kernel = rng.normal(size=(3, 10, 9)), rng.normal(size=(5, 3, 3, 3))
    expected = torch.nn.functional.conv2d(
        torch.from_numpy(image)[None], torch.from_numpy(kernel), stride=2, padding=1
    )[0].numpy()
    got = conv2d(image, kernel, stride=2, padding=1)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


# ---------------------------------------------------------------------------
# Recurrent cells
# ---------------------------------------------------------------------------


def _random_cell(rng, d_in, d_h, gates):
    return (
        rng.normal(size=(d_in, gates * d_h)),
        rng.normal(size=(d_h, gates * d_h)),
        rng.normal(size=gates * d_h),
        rng.normal(size=gates * d_h),
    )


def test_lstm_cell_follows_the_equations_written_out():
    rng = np.random.default_rng(4)
    W, U, b, _ = _random_cell(rng, 3, 2, 4)
    x, h, c = rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    z = x @ W + h @ U + b
    i, f, g, o = sigmoid(z[0:2]), sigmoid(z[2:4]), tanh(z[4:6]), sigmoid(z[6:8])
    h_next, c_next = lstm_cell(x, h, c, W, U, b)
    np.testing.assert_allclose(c_next, f * c + i * g, rtol=1e-15)
    np.testing.assert_allclose(h_next, o * tanh(f * c + i * g), rtol=1e-15)


def test_lstm_gates_lie_in_their_ranges():
    rng = np.random.default_rng(5)
    W, U, b, _ = _random_cell(rng, 4, 3, 4)
    i, f, g, o = lstm_gates(rng.normal(size=(10, 4)), rng.normal(size=(10, 3)), W, U, b)
    for gate in (i, f, o):
        assert np.all((gate > 0) & (gate < 1))
    assert np.all(np.abs(g) < 1)


def test_a_saturated_forget_gate_keeps_the_memory():
    # Forget-gate bias +20, input-gate bias -20: c passes through unchanged.
    d_in, d_h = 2, 3
    b = np.zeros(4 * d_h)
    b[:d_h], b[d_h : 2 * d_h] = -20.0, 20.0
    c = np.array([0.7, -1.5, 3.0])
    _, c_next = lstm_cell(
        np.ones(d_in), np.zeros(d_h), c, np.zeros((d_in, 12)), np.zeros((3, 12)), b
    )
    np.testing.assert_allclose(c_next, c, rtol=1e-8)


def _copied_weights(cell):
    """A PyTorch cell's W, U, b_x and b_h in course_code's layout, x @ W."""
    W, U = cell.weight_ih.detach().numpy().T, cell.weight_hh.detach().numpy().T
    return W, U, cell.bias_ih.detach().numpy(), cell.bias_hh.detach().numpy()


BATCHES = [(), (5,)]  # one example, and a batch of five
D_IN, D_H = 4, 3


@pytest.mark.torch
@pytest.mark.parametrize("batch", BATCHES)
def test_lstm_cell_matches_torch(torch, batch):
    rng = np.random.default_rng(6)
    cell = torch.nn.LSTMCell(D_IN, D_H, dtype=torch.float64)
    W, U, b_x, b_h = _copied_weights(cell)
    x, h, c = (rng.normal(size=(*batch, n)) for n in (D_IN, D_H, D_H))
    with torch.no_grad():
        th, tc = cell(torch.from_numpy(x), (torch.from_numpy(h), torch.from_numpy(c)))
    h_next, c_next = lstm_cell(x, h, c, W, U, b_x + b_h)  # PyTorch adds the two
    np.testing.assert_allclose(h_next, th.numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(c_next, tc.numpy(), rtol=1e-12, atol=1e-14)


@pytest.mark.torch
@pytest.mark.parametrize("batch", BATCHES)
def test_gru_cell_matches_torch(torch, batch):
    rng = np.random.default_rng(7)
    cell = torch.nn.GRUCell(D_IN, D_H, dtype=torch.float64)
    x, h = rng.normal(size=(*batch, D_IN)), rng.normal(size=(*batch, D_H))
    with torch.no_grad():
        expected = cell(torch.from_numpy(x), torch.from_numpy(h)).numpy()
    got = gru_cell(x, h, *_copied_weights(cell))
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-14)


def test_gru_cell_keeps_the_state_when_the_update_gate_is_shut():
    d_in, d_h = 2, 2
    b_x = np.zeros(3 * d_h)
    b_x[d_h : 2 * d_h] = 40.0  # z = σ(40) = 1 in float64: h passes unchanged
    h = np.array([0.3, -0.8])
    got = gru_cell(
        np.ones(d_in), h, np.zeros((d_in, 6)), np.zeros((d_h, 6)), b_x, np.zeros(6)
    )
    np.testing.assert_allclose(got, h, rtol=1e-15)


def test_cells_do_not_mutate_their_inputs():
    rng = np.random.default_rng(8)
    W, U, b, _ = _random_cell(rng, 3, 2, 4)
    x, h, c = rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    copies = [a.copy() for a in (x, h, c, W, U, b)]
    lstm_cell(x, h, c, W, U, b)
    for before, after in zip(copies, (x, h, c, W, U, b), strict=True):
        np.testing.assert_array_equal(before, after)
    W3, U3, bx, bh = _random_cell(rng, 3, 2, 3)
    copies = [a.copy() for a in (x, h, W3, U3, bx, bh)]
    gru_cell(x, h, W3, U3, bx, bh)
    for before, after in zip(copies, (x, h, W3, U3, bx, bh), strict=True):
        np.testing.assert_array_equal(before, after)


def _lstm_args(**changes):
    args = {
        "x": np.ones(3),
        "h": np.zeros(2),
        "c": np.zeros(2),
        "W": np.zeros((3, 8)),
        "U": np.zeros((2, 8)),
        "b": np.zeros(8),
    }
    return {**args, **changes}


@pytest.mark.parametrize(
    ("changes", "error", "name"),
    [
        ({"x": "a"}, TypeError, "x"),
        ({"x": np.ones(4)}, ValueError, "x"),
        ({"h": np.zeros(3)}, ValueError, "h"),
        ({"c": np.zeros(3)}, ValueError, "c"),
        ({"W": np.zeros((3, 7))}, ValueError, "W"),
        ({"W": np.zeros(8)}, ValueError, "W"),
        ({"U": np.zeros((2, 4))}, ValueError, "U"),
        ({"b": np.zeros(4)}, ValueError, "b"),
        ({"b": [1j] * 8}, TypeError, "b"),
    ],
)
def test_lstm_cell_rejects_bad_arguments_by_name(changes, error, name):
    with pytest.raises(error, match=rf"^{name} "):
        lstm_cell(**_lstm_args(**changes))


@pytest.mark.parametrize(
    ("changes", "name"),
    [({"b_x": np.zeros(5)}, "b_x"), ({"b_h": np.zeros(7)}, "b_h")],
)
def test_gru_cell_rejects_bad_biases_by_name(changes, name):
    args = {
        "x": np.ones(3),
        "h": np.zeros(2),
        "W": np.zeros((3, 6)),
        "U": np.zeros((2, 6)),
        "b_x": np.zeros(6),
        "b_h": np.zeros(6),
        **changes,
    }
    with pytest.raises(ValueError, match=rf"^{name} "):
        gru_cell(**args)


def test_every_public_name_is_documented_with_an_example():
    for name in layers.__all__:
        obj = getattr(layers, name)
        if callable(obj):
            assert obj.__doc__, name
            assert ">>>" in obj.__doc__, name

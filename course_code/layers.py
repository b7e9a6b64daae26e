r"""Where activation functions sit in real layers: a convolution and two gated cells.

The chapter *Applications* runs these small, readable versions of the layers
that made activation functions famous:

* ``conv2d``: the convolution of image models, followed there by a ReLU
  (AlexNet, ResNet) or a SiLU (EfficientNet);
* ``lstm_gates`` and ``lstm_cell``: one step of a long short-term memory
  cell (Hochreiter and Schmidhuber, 1997), whose gates are sigmoids and whose
  candidate and output use $\tanh$;
* ``gru_cell``: one step of a gated recurrent unit, the same idea with two
  gates.

They follow PyTorch's conventions (cross-correlation without flipping the
kernel; the gate order of ``torch.nn.LSTMCell`` and ``torch.nn.GRUCell``),
and ``tests/test_layers.py`` checks them against PyTorch with copied weights.
Weights multiply from the right, ``x @ W``, as in ``course_code.nn``: a weight
matrix has shape ``(fan_in, fan_out)``, the transpose of PyTorch's.

Examples
--------
One LSTM step for a batch of 5 inputs with 3 features and 2 hidden units:

>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> W, U, b = rng.normal(size=(3, 8)), rng.normal(size=(2, 8)), np.zeros(8)
>>> h, c = np.zeros((5, 2)), np.zeros((5, 2))
>>> h, c = lstm_cell(rng.normal(size=(5, 3)), h, c, W, U, b)
>>> h.shape, bool(np.all(np.abs(h) < 1))
((5, 2), True)
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from course_code._numerics.inputs import as_float_array, positive_int
from course_code.activations import sigmoid, tanh

__all__ = ["SOBEL_X", "conv2d", "gru_cell", "lstm_cell", "lstm_gates"]

#: A 3 x 3 kernel that responds to brightness rising from left to right
#: (positive) or falling (negative): the Sobel operator's horizontal part.
SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


# ---------------------------------------------------------------------------
# Convolution.
# ---------------------------------------------------------------------------


def _as_channels(image, kernel):
    """``image`` as (C, H, W) and ``kernel`` as (K, C, kh, kw), checked."""
    if image.ndim == 2 and kernel.ndim == 2:
        return image[None], kernel[None, None]
    if image.ndim == 3 and kernel.ndim in (3, 4):
        kernel4 = kernel[None] if kernel.ndim == 3 else kernel
        if kernel4.shape[1] != image.shape[0]:
            raise ValueError(
                f"kernel has {kernel4.shape[1]} input channel(s) but image has "
                f"{image.shape[0]}: kernel must have shape (C, kh, kw) or "
                f"(K, C, kh, kw) with C = {image.shape[0]}"
            )
        return image, kernel4
    if image.ndim not in (2, 3):
        raise ValueError(
            f"image must have shape (H, W) or (C, H, W), got {image.shape}"
        )
    raise ValueError(
        f"kernel of shape {kernel.shape} does not fit an image of shape "
        f"{image.shape}: use (kh, kw) for an (H, W) image, (C, kh, kw) or "
        "(K, C, kh, kw) for a (C, H, W) image"
    )


# --8<-- [start:conv2d]
def conv2d(image, kernel, *, stride=1, padding=0):
    r"""Slide ``kernel`` over ``image``: the linear part of a convolutional layer.

    Parameters
    ----------
    image : array_like
        Shape ``(H, W)`` (one channel) or ``(C, H, W)`` (``C`` channels).
    kernel : array_like
        Shape ``(kh, kw)`` for an ``(H, W)`` image; ``(C, kh, kw)`` for one
        output map of a ``(C, H, W)`` image, or ``(K, C, kh, kw)`` for ``K``
        output maps.
    stride : int, optional
        Step between two positions of the kernel, in pixels (default 1).
    padding : int, optional
        Zeros added on every side of the image first (default 0).

    Returns
    -------
    numpy.ndarray
        Shape ``(H', W')``, or ``(K, H', W')`` for a 4-d kernel, with
        $H' = \lfloor (H + 2p - k_h)/s \rfloor + 1$ and likewise $W'$.

    Notes
    -----
    Output pixel $(i, j)$ is a weighted sum of the patch under the kernel,

    $$
    y_{ij} = \sum_{c}\sum_{u, v} k_{c,u,v}\; x_{c,\; si + u,\; sj + v},
    $$

    a cross-correlation, as in ``torch.nn.functional.conv2d`` (the kernel is
    not flipped). It is linear in the image: a convolutional network needs an
    activation function after it for the same reason as a dense one.

    Examples
    --------
    A bright rectangle on a dark ground, and the Sobel kernel ``SOBEL_X``,
    which responds to brightness rising from left to right:

    >>> import numpy as np
    >>> from course_code.activations import relu
    >>> image = np.zeros((6, 6))
    >>> image[1:5, 2:5] = 1.0
    >>> response = conv2d(image, SOBEL_X)
    >>> response  # left edge positive, right edge negative
    array([[ 3.,  3.,  0., -3.],
           [ 4.,  4.,  0., -4.],
           [ 4.,  4.,  0., -4.],
           [ 3.,  3.,  0., -3.]])
    >>> relu(response)  # the feature map keeps the dark-to-bright edge only
    array([[3., 3., 0., 0.],
           [4., 4., 0., 0.],
           [4., 4., 0., 0.],
           [3., 3., 0., 0.]])

    Strides, padding and several channels:

    >>> conv2d(np.arange(16.0).reshape(4, 4), np.ones((2, 2)), stride=2)
    array([[10., 18.],
           [42., 50.]])
    >>> conv2d(np.ones((3, 5, 5)), np.ones((8, 3, 3, 3)), padding=1).shape
    (8, 5, 5)
    """
    image = as_float_array(image, "image")
    kernel = as_float_array(kernel, "kernel")
    stride = positive_int(stride, "stride")
    padding = positive_int(padding, "padding", minimum=0)
    x, k = _as_channels(image, kernel)
    x = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    kh, kw = k.shape[-2:]
    if kh > x.shape[1] or kw > x.shape[2]:
        raise ValueError(
            f"kernel of size {kh} x {kw} is larger than the padded image "
            f"({x.shape[1]} x {x.shape[2]})"
        )
    # Every kh x kw patch as a view, (C, H', W', kh, kw), without copying.
    patches = sliding_window_view(x, (kh, kw), axis=(1, 2))[:, ::stride, ::stride]
    out = np.einsum("chwuv,kcuv->khw", patches, k)
    return out if kernel.ndim == 4 else out[0]


# --8<-- [end:conv2d]


# ---------------------------------------------------------------------------
# Recurrent cells.
# ---------------------------------------------------------------------------


def _check_cell(x, h, W, U, biases, gates):
    """Arrays of a recurrent cell with ``gates`` blocks, checked; and d_h."""
    x, h = as_float_array(x, "x"), as_float_array(h, "h")
    W, U = as_float_array(W, "W"), as_float_array(U, "U")
    if W.ndim != 2 or W.shape[1] % gates or W.shape[1] == 0:
        raise ValueError(f"W must have shape (d_in, {gates} * d_h), got {W.shape}")
    d_h = W.shape[1] // gates
    if U.shape != (d_h, gates * d_h):
        raise ValueError(f"U must have shape ({d_h}, {gates * d_h}), got {U.shape}")
    if x.ndim == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError(f"x must have shape (..., {W.shape[0]}), got {x.shape}")
    if h.ndim == 0 or h.shape[-1] != d_h:
        raise ValueError(f"h must have shape (..., {d_h}), got {h.shape}")
    checked = []
    for name, b in biases.items():
        b = as_float_array(b, name)
        if b.shape != (gates * d_h,):
            raise ValueError(f"{name} must have shape ({gates * d_h},), got {b.shape}")
        checked.append(b)
    return x, h, W, U, checked


# --8<-- [start:lstm_cell]
def lstm_gates(x, h, W, U, b):
    r"""The four gates of an LSTM cell: input, forget, candidate, output.

    Parameters
    ----------
    x : array_like
        The input, shape ``(..., d_in)``.
    h : array_like
        The previous hidden state, shape ``(..., d_h)``.
    W : array_like
        Input weights, shape ``(d_in, 4 * d_h)``: the blocks of $i, f, g, o$
        side by side, in PyTorch's order.
    U : array_like
        Recurrent weights, shape ``(d_h, 4 * d_h)``.
    b : array_like
        Bias, shape ``(4 * d_h,)`` (PyTorch's ``bias_ih + bias_hh``).

    Returns
    -------
    i, f, g, o : numpy.ndarray
        Shape ``(..., d_h)`` each: $i, f, o \in (0, 1)$ are sigmoid gates,
        $g \in (-1, 1)$ is the $\tanh$ candidate.

    Examples
    --------
    With every weight 0, each gate is $\sigma(0) = 1/2$ and the candidate
    is $\tanh 0 = 0$:

    >>> import numpy as np
    >>> W, U, b = np.zeros((3, 8)), np.zeros((2, 8)), np.zeros(8)
    >>> i, f, g, o = lstm_gates(np.ones(3), np.zeros(2), W, U, b)
    >>> i, g
    (array([0.5, 0.5]), array([0., 0.]))
    """
    x, h, W, U, (b,) = _check_cell(x, h, W, U, {"b": b}, 4)
    z = x @ W + h @ U + b  # the four pre-activations, side by side
    zi, zf, zg, zo = np.split(z, 4, axis=-1)
    return sigmoid(zi), sigmoid(zf), tanh(zg), sigmoid(zo)


def lstm_cell(x, h, c, W, U, b):
    r"""One step of an LSTM cell, with the forget gate of Gers et al. (2000).

    Parameters
    ----------
    x, h, W, U, b : array_like
        As in ``lstm_gates``.
    c : array_like
        The previous cell state, the shape of ``h``.

    Returns
    -------
    h_next, c_next : numpy.ndarray
        The new hidden state and cell state, the shape of ``h``.

    Notes
    -----
    $$
    c_{t} = f \odot c_{t-1} + i \odot g, \qquad h_{t} = o \odot \tanh c_{t}.
    $$

    The gates are sigmoids because they must be fractions: $f$ says how much
    of the memory to keep, $i$ how much of the candidate $g$ to write and
    $o$ how much of the memory to show. $g$ and the output use $\tanh$, which
    is zero-centred and bounded, so $|h_t| < 1$. The cell of Hochreiter and
    Schmidhuber (1997) had no forget gate (in effect $f = 1$); Gers et al.
    (2000) added it, and LSTMs today, PyTorch's included, have it.

    Examples
    --------
    With zero weights every gate is 1/2: the cell keeps half its memory and
    shows $\tfrac12 \tanh$ of what is left.

    >>> import numpy as np
    >>> W, U, b = np.zeros((3, 8)), np.zeros((2, 8)), np.zeros(8)
    >>> c0 = np.array([2.0, -2.0])
    >>> h1, c1 = lstm_cell(np.ones(3), np.zeros(2), c0, W, U, b)
    >>> c1, h1
    (array([ 1., -1.]), array([ 0.38079708, -0.38079708]))

    A forget gate held open keeps the memory: with the forget gate's bias at
    $+3$ and the input gate's at $-3$, each step keeps $\sigma(3) \approx 0.95$
    of $c$, and ten steps keep $\sigma(3)^{10} \approx 0.62$ of it.

    >>> b = np.zeros(8)
    >>> b[0:2], b[2:4] = -3.0, 3.0  # the blocks of i and f
    >>> h, c = np.zeros(2), np.array([1.0, -1.0])
    >>> for t in range(10):
    ...     h, c = lstm_cell(np.ones(3), h, c, W, U, b)
    >>> c
    array([ 0.61515961, -0.61515961])
    """
    c = as_float_array(c, "c")
    i, f, g, o = lstm_gates(x, h, W, U, b)
    if c.shape != np.shape(h):
        raise ValueError(f"c must have the shape of h, {np.shape(h)}, got {c.shape}")
    c_next = f * c + i * g  # forget part of the memory, write part of g
    h_next = o * tanh(c_next)  # show part of the squashed memory
    return h_next, c_next


# --8<-- [end:lstm_cell]


# --8<-- [start:gru_cell]
def gru_cell(x, h, W, U, b_x, b_h):
    r"""One step of a gated recurrent unit (Cho et al., 2014), as in PyTorch.

    Parameters
    ----------
    x, h : array_like
        The input and the previous hidden state, as in ``lstm_gates``.
    W, U : array_like
        Input and recurrent weights, shapes ``(d_in, 3 * d_h)`` and
        ``(d_h, 3 * d_h)``: the blocks of $r, z, n$ side by side.
    b_x, b_h : array_like
        Biases of the input and of the recurrent term, shape ``(3 * d_h,)``
        each (PyTorch's ``bias_ih`` and ``bias_hh``). They cannot be merged:
        the reset gate multiplies the recurrent term after its bias is added.

    Returns
    -------
    numpy.ndarray
        The new hidden state, the shape of ``h``.

    Notes
    -----
    $$
    \begin{aligned}
    r &= \sigma(x W_r + b_{xr} + h U_r + b_{hr}), \qquad
    z = \sigma(x W_z + b_{xz} + h U_z + b_{hz}), \\
    n &= \tanh\bigl(x W_n + b_{xn} + r \odot (h U_n + b_{hn})\bigr), \qquad
    h_{t} = (1 - z) \odot n + z \odot h.
    \end{aligned}
    $$

    The update gate $z$ mixes old state and candidate; the reset gate $r$
    decides how much of the old state the candidate may read.

    Examples
    --------
    With zero weights, $z = 1/2$ and $n = 0$: the state halves.

    >>> import numpy as np
    >>> W, U, b_x, b_h = np.zeros((3, 6)), np.zeros((2, 6)), np.zeros(6), np.zeros(6)
    >>> gru_cell(np.ones(3), np.array([1.0, -0.5]), W, U, b_x, b_h)
    array([ 0.5 , -0.25])
    """
    x, h, W, U, (b_x, b_h) = _check_cell(x, h, W, U, {"b_x": b_x, "b_h": b_h}, 3)
    xr, xz, xn = np.split(x @ W + b_x, 3, axis=-1)
    hr, hz, hn = np.split(h @ U + b_h, 3, axis=-1)
    r = sigmoid(xr + hr)  # reset gate
    z = sigmoid(xz + hz)  # update gate
    n = tanh(xn + r * hn)  # candidate state
    return (1.0 - z) * n + z * h


# --8<-- [end:gru_cell]

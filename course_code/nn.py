r"""A tiny neural-network library on NumPy arrays, in the spirit of micrograd.

micrograd differentiates one number at a time; here every operation works on
a whole batch, and each layer keeps its forward pass and its backward pass
side by side.  Backpropagation is the chain rule read from the loss back to
the input: a layer receives $\partial L/\partial\,\text{output}$, adds
$\partial L/\partial\,\text{parameter}$ to its parameters' ``grad`` and
returns $\partial L/\partial\,\text{input}$ for the layer before it.

Two layers of the file:

* **functions** on plain arrays (``dense_forward``/``dense_backward``,
  ``swiglu_ffn``, ``dead_unit_fraction``), the building blocks the
  exercises ask for;
* **classes** with PyTorch's names (``Dense``, ``Activation``,
  ``Sequential``, ``MSELoss``, ``CrossEntropyLoss``, ``SGD``, ``Adam``,
  ``train``), which put the same blocks together.

Examples
--------
>>> from course_code.datasets import xor
>>> X, y = xor()
>>> model = MLP(2, [8], 2, activation="tanh", rng=0)
>>> history = train(
...     model, CrossEntropyLoss(), X, y, Adam(model.parameters(), lr=0.05), epochs=200
... )
>>> history.accuracy[-1]
np.float64(1.0)
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from tqdm import tqdm

from course_code import losses
from course_code._numerics.inputs import (
    as_float_array,
    as_generator,
    positive_int,
    real_scalar,
)
from course_code.activations import ACTIVATIONS, silu, silu_grad
from course_code.initializers import gain_name, initialize

__all__ = [
    "MLP",
    "SGD",
    "Activation",
    "Adam",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
    "Dense",
    "History",
    "MSELoss",
    "Module",
    "Parameter",
    "Residual",
    "Sequential",
    "accuracy",
    "dead_relu_fraction",
    "dead_unit_fraction",
    "dense_backward",
    "dense_forward",
    "resolve_activation",
    "swiglu_ffn",
    "swiglu_ffn_backward",
    "train",
]


# ---------------------------------------------------------------------------
# Functions on arrays.
# ---------------------------------------------------------------------------


def _identity(x):
    return x


def _identity_grad(x):
    return np.ones_like(x)


def resolve_activation(activation, params=None):
    """Return ``(fn, grad, params)`` for an activation given by key or by functions.

    Parameters
    ----------
    activation : str, catalogue entry, (callable, callable) or None
        A key of ``ACTIVATIONS`` that is elementwise (``"relu"``,
        ``"gelu_tanh"``, ...), a catalogue entry, a pair ``(f, f_grad)``, or
        None for the identity.
    params : dict, optional
        Keyword arguments for ``f`` and ``f_grad``; they override the
        catalogue entry's own (``{"negative_slope": 0.2}``).

    Returns
    -------
    tuple
        ``(f, f_grad, params)``.

    Examples
    --------
    >>> f, f_grad, params = resolve_activation("leaky_relu")
    >>> f.__name__, params
    ('leaky_relu', {'negative_slope': 0.01})
    """
    params = dict(params or {})
    if activation is None:
        return _identity, _identity_grad, params
    if isinstance(activation, str):
        if activation not in ACTIVATIONS:
            raise ValueError(
                f"activation {activation!r} is not in the catalogue; use one of "
                f"{', '.join(k for k, e in ACTIVATIONS.items() if e.elementwise)}"
            )
        activation = ACTIVATIONS[activation]
    if hasattr(activation, "elementwise"):
        if not activation.elementwise:
            raise ValueError(
                f"activation {activation.name!r} is not elementwise; a layer of "
                "this library needs an elementwise function with its _grad"
            )
        return activation.fn, activation.grad, {**activation.params, **params}
    pair = isinstance(activation, tuple) and len(activation) == 2
    if pair and all(map(callable, activation)):
        return activation[0], activation[1], params
    raise TypeError(
        "activation must be a catalogue key, a catalogue entry, a pair "
        f"(f, f_grad) or None, got {type(activation).__name__}"
    )


def _linear_backward(grad_z, x, W):
    """Gradients of z = x @ W + b: to the input, the weights and the bias."""
    x2 = x.reshape(-1, W.shape[0])
    g2 = grad_z.reshape(-1, W.shape[1])
    return grad_z @ W.T, x2.T @ g2, g2.sum(axis=0)


def _check_dense(x, W, b):
    x = as_float_array(x, "x")
    W = as_float_array(W, "W")
    b = as_float_array(b, "b")
    if W.ndim != 2:
        raise ValueError(f"W must have shape (fan_in, fan_out), got {W.shape}")
    if x.ndim == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError(
            f"x must have shape (..., {W.shape[0]}) to match W of shape "
            f"{W.shape}, got {x.shape}"
        )
    if b.shape != (W.shape[1],):
        raise ValueError(f"b must have shape ({W.shape[1]},), got {b.shape}")
    return x, W, b


# --8<-- [start:dense]
def dense_forward(x, W, b, activation="relu", **params):
    r"""A dense layer followed by an activation: $a = f(xW + b)$.

    Parameters
    ----------
    x : array_like
        Input, shape ``(n, fan_in)`` (or ``(..., fan_in)``).
    W : array_like
        Weights, shape ``(fan_in, fan_out)``.
    b : array_like
        Biases, shape ``(fan_out,)``.
    activation : str, catalogue entry, (callable, callable) or None, optional
        See [`resolve_activation`][course_code.nn.resolve_activation];
        default ``"relu"``.
    **params
        Keyword arguments of the activation (``negative_slope=0.2``).

    Returns
    -------
    a : numpy.ndarray
        Shape ``(n, fan_out)``.
    cache : tuple
        What [`dense_backward`][course_code.nn.dense_backward] needs.

    Examples
    --------
    >>> x, W, b = [[1.0, -1.0]], [[1.0, 0.0], [0.0, 1.0]], [0.0, 0.5]
    >>> a, cache = dense_forward(x, W, b)
    >>> a
    array([[1., 0.]])
    """
    x, W, b = _check_dense(x, W, b)
    fn, grad, params = resolve_activation(activation, params)
    z = x @ W + b
    return fn(z, **params), (x, W, z, grad, params)


def dense_backward(grad_a, cache):
    r"""Backward pass of [`dense_forward`][course_code.nn.dense_forward].

    Parameters
    ----------
    grad_a : array_like
        $\partial L/\partial a$, the shape of the forward output.
    cache : tuple
        The second value returned by ``dense_forward``.

    Returns
    -------
    grad_x, grad_W, grad_b : numpy.ndarray
        The shapes of ``x``, ``W`` and ``b``.

    Notes
    -----
    $\partial L/\partial z = \partial L/\partial a \odot f'(z)$, then
    $\partial L/\partial x = (\partial L/\partial z) W^\top$,
    $\partial L/\partial W = x^\top (\partial L/\partial z)$ and
    $\partial L/\partial b = \sum_\text{rows} \partial L/\partial z$.

    Examples
    --------
    >>> x, W, b = [[1.0, -1.0]], [[1.0, 0.0], [0.0, 1.0]], [0.0, 0.5]
    >>> a, cache = dense_forward(x, W, b)
    >>> grad_x, grad_W, grad_b = dense_backward([[1.0, 1.0]], cache)
    >>> grad_x, grad_b
    (array([[1., 0.]]), array([1., 0.]))
    """
    x, W, z, grad, params = cache
    grad_a = as_float_array(grad_a, "grad_a")
    if grad_a.shape != z.shape:
        raise ValueError(f"grad_a must have shape {z.shape}, got {grad_a.shape}")
    grad_z = grad_a * grad(z, **params)  # the chain rule, one unit at a time
    return _linear_backward(grad_z, x, W)


# --8<-- [end:dense]


def dead_unit_fraction(pre_activations):
    """Fraction of units whose pre-activation is <= 0 for every example.

    Parameters
    ----------
    pre_activations : array_like
        $z$ of one layer, shape ``(n_examples, n_units)``.

    Returns
    -------
    float
        In $[0, 1]$.  A ReLU unit counted here outputs 0 and has gradient 0
        on the whole batch: plain gradient descent does not change its
        weights, and only a change in its inputs can revive it.

    Examples
    --------
    >>> dead_unit_fraction([[-1.0, 2.0, 0.0], [-3.0, -1.0, 0.0]])
    0.6666666666666666
    """
    z = as_float_array(pre_activations, "pre_activations")
    if z.ndim != 2 or z.size == 0:
        raise ValueError(
            "pre_activations must have shape (n_examples, n_units) with at least "
            f"one of each, got {z.shape}"
        )
    return float(np.mean(np.all(z <= 0, axis=0)))


#: The same function under the name the ReLU chapter uses.
dead_relu_fraction = dead_unit_fraction


def _check_swiglu(x, W, V, W2):
    names = ("x", "W", "V", "W2")
    return [as_float_array(a, n) for a, n in zip((x, W, V, W2), names, strict=True)]


# --8<-- [start:swiglu]
def swiglu_ffn(x, W, V, W2):
    r"""The SwiGLU feed-forward block: $(\operatorname{silu}(xW) \odot xV)\,W_2$.

    Parameters
    ----------
    x : array_like
        Shape ``(n, d_model)``.
    W, V : array_like
        Shape ``(d_model, d_ff)``: the gate's and the value's projections.
    W2 : array_like
        Shape ``(d_ff, d_model)``.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, d_model)``.

    Notes
    -----
    Shazeer (2020), "GLU Variants Improve Transformer", without biases, as in
    LLaMA.  The SiLU gate decides, per hidden unit, how much of the linear
    value $xV$ passes.

    Examples
    --------
    >>> x = np.ones((1, 2))
    >>> W = V = np.eye(2)
    >>> W2 = np.eye(2)
    >>> swiglu_ffn(x, W, V, W2)
    array([[0.73105858, 0.73105858]])
    """
    x, W, V, W2 = _check_swiglu(x, W, V, W2)
    return (silu(x @ W) * (x @ V)) @ W2


def swiglu_ffn_backward(grad_out, x, W, V, W2):
    r"""Gradients of [`swiglu_ffn`][course_code.nn.swiglu_ffn].

    Parameters
    ----------
    grad_out : array_like
        $\partial L/\partial\,\text{output}$, shape ``(n, d_model)``.
    x, W, V, W2 : array_like
        The arguments of the forward pass (the hidden values are recomputed).

    Returns
    -------
    grad_x, grad_W, grad_V, grad_W2 : numpy.ndarray
        The shapes of ``x``, ``W``, ``V`` and ``W2``.

    Examples
    --------
    >>> x = np.ones((1, 2))
    >>> W = V = W2 = np.eye(2)
    >>> grad_x, grad_W, grad_V, grad_W2 = swiglu_ffn_backward(
    ...     np.ones((1, 2)), x, W, V, W2
    ... )
    >>> grad_V
    array([[0.73105858, 0.73105858],
           [0.73105858, 0.73105858]])
    """
    x, W, V, W2 = _check_swiglu(x, W, V, W2)
    grad_out = as_float_array(grad_out, "grad_out")
    gate, value = x @ W, x @ V
    gated = silu(gate)
    grad_hidden = grad_out @ W2.T
    grad_gate = grad_hidden * value * silu_grad(gate)  # through silu
    grad_value = grad_hidden * gated  # through the product's other factor
    grad_x = grad_gate @ W.T + grad_value @ V.T  # x feeds both branches: add
    return grad_x, x.T @ grad_gate, x.T @ grad_value, (gated * value).T @ grad_out


# --8<-- [end:swiglu]

# ---------------------------------------------------------------------------
# Modules: parameters, layers, containers.
# ---------------------------------------------------------------------------


class Parameter:
    """An array to learn, with the gradient of the loss accumulated beside it.

    Examples
    --------
    >>> p = Parameter(np.zeros(3), "b")
    >>> p.grad
    array([0., 0., 0.])
    """

    __slots__ = ("data", "grad", "name")

    def __init__(self, data, name=""):
        self.data = data
        self.grad = np.zeros_like(data)
        self.name = name

    def __repr__(self):
        return f"Parameter({self.name!r}, shape={self.data.shape})"


class Module:
    """Base class: a module maps an input forward and a gradient backward.

    Examples
    --------
    >>> Module().parameters()
    []
    """

    def __call__(self, x):
        return self.forward(x)

    def forward(self, x):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def backward(self, grad_out):  # pragma: no cover
        raise NotImplementedError

    def parameters(self):
        """The module's `Parameter` objects (none by default)."""
        return []

    def zero_grad(self):
        """Set every gradient to 0: backward *adds* to them, as in PyTorch."""
        for p in self.parameters():
            p.grad.fill(0.0)


class Dense(Module):
    r"""A fully connected layer, $z = xW + b$, ``W`` of shape ``(fan_in, fan_out)``.

    Parameters
    ----------
    fan_in, fan_out : int
        Input and output widths.
    init : str, optional
        A scheme of [`initialize`][course_code.initializers.initialize];
        default ``"he_normal"``.  The bias starts at 0.
    nonlinearity : str, optional
        The activation that follows, for the gain of He initialisation.
    rng : numpy.random.Generator, int or None, optional
        Source of the initial weights.
    dtype : dtype, optional
        float64 (default) or float32.

    Examples
    --------
    >>> layer = Dense(3, 2, rng=0)
    >>> layer(np.ones((4, 3))).shape
    (4, 2)
    """

    def __init__(
        self,
        fan_in,
        fan_out,
        *,
        init="he_normal",
        nonlinearity="relu",
        rng=None,
        dtype=np.float64,
    ):
        W = initialize(
            init, fan_in, fan_out, nonlinearity=nonlinearity, rng=rng, dtype=dtype
        )
        self.W = Parameter(W, "W")
        self.b = Parameter(np.zeros(fan_out, dtype=W.dtype), "b")
        self._x = None

    def forward(self, x):
        if x.shape[-1] != self.W.data.shape[0]:
            raise ValueError(
                f"x must have shape (..., {self.W.data.shape[0]}), got {x.shape}"
            )
        self._x = x
        z = x @ self.W.data
        z += self.b.data  # in place: x @ W is a new array, no need for another
        return z

    def backward(self, grad_out):
        grad_x, grad_W, grad_b = _linear_backward(grad_out, self._x, self.W.data)
        self.W.grad += grad_W  # += : a parameter used twice gets both shares
        self.b.grad += grad_b
        return grad_x

    def parameters(self):
        return [self.W, self.b]

    def __repr__(self):
        return f"Dense({self.W.data.shape[0]}, {self.W.data.shape[1]})"


class Activation(Module):
    """An elementwise activation from the catalogue, with its derivative.

    Parameters
    ----------
    activation : str, catalogue entry or (callable, callable), optional
        See [`resolve_activation`][course_code.nn.resolve_activation];
        default ``"relu"``.
    **params
        The function's keyword arguments, such as ``negative_slope=0.2``.

    Attributes
    ----------
    last_input : numpy.ndarray or None
        The pre-activations of the last forward pass (used to count dead
        units).

    Examples
    --------
    >>> act = Activation("leaky_relu", negative_slope=0.1)
    >>> act(np.array([-1.0, 2.0]))
    array([-0.1,  2. ])
    >>> act.backward(np.ones(2))
    array([0.1, 1. ])
    """

    def __init__(self, activation="relu", **params):
        self.fn, self.grad, self.params = resolve_activation(activation, params)
        self.name = activation if isinstance(activation, str) else self.fn.__name__
        self.last_input = None

    def forward(self, x):
        self.last_input = x
        return self.fn(x, **self.params)

    def backward(self, grad_out):
        return grad_out * self.grad(self.last_input, **self.params)

    def __repr__(self):
        return f"Activation({self.name!r})"


class Sequential(Module):
    """Layers applied one after the other; backward runs them in reverse.

    Examples
    --------
    >>> model = Sequential(Dense(2, 3, rng=0), Activation("tanh"), Dense(3, 1, rng=1))
    >>> model(np.zeros((5, 2))).shape
    (5, 1)
    >>> len(model.parameters())
    4
    """

    def __init__(self, *layers):
        for layer in layers:
            if not isinstance(layer, Module):
                raise TypeError(f"layers must be Modules, got {type(layer).__name__}")
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out):
        # Reverse order: a layer's output gradient is its successor's input one.
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)
        return grad_out

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self):
        return "Sequential(" + ", ".join(map(repr, self.layers)) + ")"


# --8<-- [start:residual]
class Residual(Module):
    r"""An identity shortcut around a block: $x + \operatorname{block}(x)$.

    The backward pass adds the gradient that goes through the block to the
    one that skips it, so the gradient reaching $x$ is never smaller than
    what arrives from above times the identity (He et al. 2016).

    Parameters
    ----------
    block : Module
        Maps an input of shape ``(n, width)`` to the same shape.

    Examples
    --------
    >>> layer = Residual(Sequential(Activation("relu"), Dense(3, 3, rng=0)))
    >>> x = np.ones((2, 3))
    >>> layer(x).shape
    (2, 3)
    >>> dead = Residual(Activation("relu"))
    >>> dead(np.array([-2.0, 3.0]))  # ReLU adds 0 on the left, 3 on the right
    array([-2.,  6.])
    >>> dead.backward(np.ones(2))  # the shortcut carries 1 even where ReLU is 0
    array([1., 2.])
    """

    def __init__(self, block):
        if not isinstance(block, Module):
            raise TypeError(f"block must be a Module, got {type(block).__name__}")
        self.block = block

    def forward(self, x):
        return x + self.block.forward(x)

    def backward(self, grad_out):
        return grad_out + self.block.backward(grad_out)  # shortcut + block

    def parameters(self):
        return self.block.parameters()

    def __repr__(self):
        return f"Residual({self.block!r})"


# --8<-- [end:residual]


def _sizes(hidden):
    if isinstance(hidden, (int, np.integer)):
        hidden = [hidden]
    if not isinstance(hidden, Sequence):
        raise TypeError(f"hidden must be an int or a list of ints, got {hidden!r}")
    return [positive_int(h, "hidden") for h in hidden]


class MLP(Sequential):
    """A multilayer perceptron: Dense, Activation, …, Dense (no output activation).

    Parameters
    ----------
    n_in : int
        Input features.
    hidden : int or sequence of int
        Width of each hidden layer.
    n_out : int
        Outputs (logits for the cross-entropy losses).
    activation : str, optional
        Catalogue key of the hidden activation, default ``"relu"``.
    init : str, optional
        Scheme of the hidden layers (default ``"he_normal"``, with the gain of
        ``activation`` where it has one); the output layer uses LeCun normal.
    rng : numpy.random.Generator, int or None, optional
        Source of the initial weights.
    dtype : dtype, optional
        float64 (default) or float32.

    Examples
    --------
    >>> MLP(2, [16], 3, activation="gelu", rng=0)
    Sequential(Dense(2, 16), Activation('gelu'), Dense(16, 3))
    """

    def __init__(
        self,
        n_in,
        hidden,
        n_out,
        *,
        activation="relu",
        init="he_normal",
        rng=None,
        dtype=np.float64,
    ):
        rng = as_generator(rng)
        sizes = [positive_int(n_in, "n_in"), *_sizes(hidden)]
        gain = gain_name(activation)
        layers = []
        for fan_in, fan_out in itertools.pairwise(sizes):
            dense = Dense(
                fan_in, fan_out, init=init, nonlinearity=gain, rng=rng, dtype=dtype
            )
            layers += [dense, Activation(activation)]
        n_out = positive_int(n_out, "n_out")
        out = Dense(sizes[-1], n_out, init="lecun_normal", rng=rng, dtype=dtype)
        super().__init__(*layers, out)


# ---------------------------------------------------------------------------
# Losses: course_code.losses, with a backward().
# ---------------------------------------------------------------------------


class _Loss:
    """Call it on (y_hat, y) for the loss; backward() gives dL/dy_hat."""

    fn: Callable
    grad: Callable

    def __init__(self):
        self._args = None

    def _targets(self, y_hat, y):
        return y

    def __call__(self, y_hat, y):
        self._args = (y_hat, self._targets(y_hat, y))
        return float(type(self).fn(*self._args))

    def backward(self):
        if self._args is None:
            raise RuntimeError("call the loss on (y_hat, y) before backward()")
        return type(self).grad(*self._args)

    def __repr__(self):
        return f"{type(self).__name__}()"


def _as_shape_of(y_hat, y):
    """Float targets in the shape of y_hat: (n,) labels for (n, 1) outputs."""
    y = as_float_array(y, "y")
    return y.reshape(y_hat.shape) if y.size == y_hat.size else y


class MSELoss(_Loss):
    """Mean squared error, [`mse_loss`][course_code.losses.mse_loss].

    Examples
    --------
    >>> loss = MSELoss()
    >>> loss(np.array([[1.0], [2.0]]), [1.0, 4.0])
    2.0
    >>> loss.backward()
    array([[ 0.],
           [-2.]])
    """

    fn = staticmethod(losses.mse_loss)
    grad = staticmethod(losses.mse_loss_grad)
    _targets = staticmethod(_as_shape_of)


class BCEWithLogitsLoss(_Loss):
    """Binary cross-entropy from logits, labels 0 and 1.

    Examples
    --------
    >>> loss = BCEWithLogitsLoss()
    >>> round(loss(np.zeros((2, 1)), [0, 1]), 4)
    0.6931
    >>> loss.backward()
    array([[ 0.25],
           [-0.25]])
    """

    fn = staticmethod(losses.binary_cross_entropy_with_logits)
    grad = staticmethod(losses.binary_cross_entropy_with_logits_grad)
    _targets = staticmethod(_as_shape_of)


class CrossEntropyLoss(_Loss):
    """Softmax cross-entropy from logits ``(n, C)`` and integer labels ``(n,)``.

    Examples
    --------
    >>> loss = CrossEntropyLoss()
    >>> round(loss(np.zeros((2, 2)), np.array([0, 1])), 4)
    0.6931
    >>> loss.backward()
    array([[-0.25,  0.25],
           [ 0.25, -0.25]])
    """

    fn = staticmethod(losses.cross_entropy)
    grad = staticmethod(losses.cross_entropy_grad)


def accuracy(logits, y):
    """Fraction of examples classified right, from logits.

    Parameters
    ----------
    logits : array_like
        ``(n, C)`` scores (the class is the argmax) or ``(n,)``/``(n, 1)``
        logits of a binary classifier (the class is ``logit > 0``).
    y : array_like
        Integer labels, shape ``(n,)``.

    Returns
    -------
    numpy.float64

    Examples
    --------
    >>> accuracy(np.array([[2.0, 1.0], [0.0, 3.0]]), [0, 0])
    np.float64(0.5)
    >>> accuracy(np.array([[-1.0], [2.0]]), [0, 1])
    np.float64(1.0)
    """
    logits = as_float_array(logits, "logits")
    y = np.asarray(y)
    if logits.ndim == 2 and logits.shape[1] > 1:
        predicted = np.argmax(logits, axis=1)
    else:
        predicted = (logits.reshape(-1) > 0).astype(np.int64)
    if predicted.shape != y.reshape(-1).shape:
        raise ValueError(f"y must have shape {predicted.shape}, got {y.shape}")
    return np.mean(predicted == y.reshape(-1))


# ---------------------------------------------------------------------------
# Optimisers, with PyTorch's update rules.
# ---------------------------------------------------------------------------


class _Optimizer:
    def __init__(self, params, lr):
        self.params = list(params)
        if not self.params or not all(isinstance(p, Parameter) for p in self.params):
            raise TypeError("params must be a non-empty list of Parameter objects")
        self.lr = real_scalar(lr, "lr", minimum=0.0, strict=True)

    def zero_grad(self):
        """Set every gradient to 0 before the next backward pass."""
        for p in self.params:
            p.grad.fill(0.0)


class SGD(_Optimizer):
    r"""Gradient descent with momentum, as ``torch.optim.SGD``.

    $v \leftarrow \mu v + g$, then $\theta \leftarrow \theta - \eta v$.

    Parameters
    ----------
    params : list of Parameter
        What to update, usually ``model.parameters()``.
    lr : float, optional
        The learning rate $\eta$, default 0.01.
    momentum : float, optional
        $\mu \in [0, 1)$, default 0 (plain gradient descent).

    Examples
    --------
    >>> p = Parameter(np.array([1.0]))
    >>> p.grad[:] = 2.0
    >>> SGD([p], lr=0.1).step()
    >>> p.data
    array([0.8])
    """

    def __init__(self, params, lr=0.01, momentum=0.0):
        super().__init__(params, lr)
        self.momentum = real_scalar(momentum, "momentum", minimum=0.0)
        if self.momentum >= 1.0:
            raise ValueError(f"momentum must be < 1, got {self.momentum}")
        self._velocity = [np.zeros_like(p.data) for p in self.params]

    def step(self):
        """Update every parameter from its gradient."""
        for p, v in zip(self.params, self._velocity, strict=True):
            if self.momentum:
                v *= self.momentum
                v += p.grad  # v is a decaying sum of past gradients
                p.data -= self.lr * v
            else:
                p.data -= self.lr * p.grad


class Adam(_Optimizer):
    r"""Adam (Kingma and Ba, 2015), as ``torch.optim.Adam``.

    Parameters
    ----------
    params : list of Parameter
        What to update.
    lr : float, optional
        Default 0.001.
    betas : (float, float), optional
        Decay rates of the mean and of the mean square of the gradient,
        default (0.9, 0.999).
    eps : float, optional
        Added to the root mean square, default 1e-8.

    Notes
    -----
    $m \leftarrow \beta_1 m + (1-\beta_1) g$,
    $v \leftarrow \beta_2 v + (1-\beta_2) g^2$,
    $\theta \leftarrow \theta - \eta\,\hat m / (\sqrt{\hat v} + \epsilon)$ with the
    bias-corrected $\hat m = m/(1-\beta_1^t)$, $\hat v = v/(1-\beta_2^t)$.
    Each parameter moves by about $\eta$ per step, whatever its gradient's scale.

    Examples
    --------
    >>> p = Parameter(np.array([1.0]))
    >>> p.grad[:] = 123.0
    >>> Adam([p], lr=0.1).step()
    >>> p.data
    array([0.9])
    """

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, lr)
        b1, b2 = (real_scalar(b, "betas", minimum=0.0) for b in betas)
        if not (b1 < 1.0 and b2 < 1.0):
            raise ValueError(f"betas must be in [0, 1), got {betas}")
        self.betas = (b1, b2)
        self.eps = real_scalar(eps, "eps", minimum=0.0)
        self._m = [np.zeros_like(p.data) for p in self.params]
        self._v = [np.zeros_like(p.data) for p in self.params]
        self.t = 0

    def step(self):
        """Update every parameter from its gradient."""
        self.t += 1
        b1, b2 = self.betas
        step_size = self.lr / (1.0 - b1**self.t)
        root_correction = np.sqrt(1.0 - b2**self.t)
        for p, m, v in zip(self.params, self._m, self._v, strict=True):
            m *= b1
            m += (1.0 - b1) * p.grad
            v *= b2
            v += (1.0 - b2) * p.grad * p.grad
            denominator = np.sqrt(v)
            denominator /= root_correction
            denominator += self.eps
            p.data -= step_size * m / denominator


# ---------------------------------------------------------------------------
# Training.
# ---------------------------------------------------------------------------


@dataclass
class History:
    """Per-epoch mean loss and (for the classification losses) accuracy.

    Examples
    --------
    >>> History(loss=np.array([0.7, 0.5]), accuracy=None).loss[-1]
    np.float64(0.5)
    """

    loss: np.ndarray
    accuracy: np.ndarray | None


def show_progress(progress=None):
    """Whether ``train`` draws a progress bar.

    Parameters
    ----------
    progress : bool or None, optional
        True or False decides; None (default) draws it only where someone
        watches: stderr is a terminal and the ``CI`` variable is unset.  In
        a notebook stderr is not a terminal, so the bar stays quiet there.

    Returns
    -------
    bool

    Examples
    --------
    >>> show_progress(False)
    False
    """
    if progress is not None:
        return bool(progress)
    return sys.stderr.isatty() and "CI" not in os.environ


def _batches(n, batch_size, rng):
    """Index sets of one epoch: everything at once, or shuffled mini-batches."""
    if batch_size is None or batch_size >= n:
        return [slice(None)]  # full batch: a slice, so no copy of X
    order = rng.permutation(n)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


def _epoch(model, loss, X, y, optimizer, batches):
    """One pass over the data; returns the summed loss and the number right."""
    total, correct = 0.0, 0
    for idx in batches:
        optimizer.zero_grad()
        y_hat = model(X[idx])
        total += loss(y_hat, y[idx]) * len(y_hat)
        model.backward(loss.backward())
        optimizer.step()
        if not isinstance(loss, MSELoss):
            correct += accuracy(y_hat, y[idx]) * len(y_hat)
    return total, correct


def train(
    model,
    loss,
    X,
    y,
    optimizer,
    *,
    epochs=100,
    batch_size=None,
    seed=0,
    progress=None,
    callback=None,
    until_accuracy=None,
):
    """Train ``model`` by gradient descent; deterministic for a given seed.

    Parameters
    ----------
    model : Module
        What to train, for example an [`MLP`][course_code.nn.MLP].
    loss : MSELoss, BCEWithLogitsLoss or CrossEntropyLoss
    X, y : numpy.ndarray
        Inputs ``(n, features)`` and targets ``(n,)`` (or ``(n, k)``).
    optimizer : SGD or Adam
        Built on ``model.parameters()``.
    epochs : int, optional
        Passes over the data, default 100.
    batch_size : int or None, optional
        None (default): full batch.  Otherwise mini-batches in an order
        shuffled by ``seed``.
    seed : int, optional
        Seed of the shuffling.
    progress : bool or None, optional
        See [`show_progress`][course_code.nn.show_progress].
    callback : callable, optional
        Called as ``callback(epoch, model)`` after every epoch.
    until_accuracy : float, optional
        Stop after the first epoch whose accuracy (measured in that epoch's
        forward passes) reaches it; the history then ends there.

    Returns
    -------
    History

    Examples
    --------
    >>> X = np.linspace(-1, 1, 20)[:, None]
    >>> y = 3 * X[:, 0]
    >>> model = Dense(1, 1, rng=0)
    >>> h = train(model, MSELoss(), X, y, SGD(model.parameters(), lr=0.5), epochs=50)
    >>> round(float(model.W.data[0, 0]), 3), h.accuracy is None
    (3.0, True)
    """
    epochs = positive_int(epochs, "epochs")
    rng = as_generator(seed, "seed")
    X, y = np.asarray(X), np.asarray(y)
    history = np.zeros((2, epochs))
    bar = tqdm(range(epochs), desc="train", disable=not show_progress(progress))
    for epoch in bar:
        batches = _batches(len(X), batch_size, rng)
        total, correct = _epoch(model, loss, X, y, optimizer, batches)
        history[:, epoch] = total / len(X), correct / len(X)
        if callback is not None:
            callback(epoch, model)
        if not bar.disable and epoch % max(1, epochs // 100) == 0:
            bar.set_postfix(loss=f"{history[0, epoch]:.4f}", refresh=False)
        if until_accuracy is not None and history[1, epoch] >= until_accuracy:
            history = history[:, : epoch + 1]
            break
    bar.close()
    classify = not isinstance(loss, MSELoss)
    return History(history[0], history[1] if classify else None)

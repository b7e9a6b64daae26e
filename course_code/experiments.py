r"""The course's experiments: each returns plain arrays that a notebook plots.

Every function is seeded and deterministic and runs in a few seconds on one
core.  The tests re-run them and check the facts the chapters state:

* ``depth_signal``: He initialisation keeps a 50-layer ReLU network's
  activation variance within a factor of 10, while Xavier (gain 1) halves
  it at every layer, $0.5^{49} \approx 1.8 \times 10^{-15}$ at layer 50;
  sigmoid's gradient vanishes on the way back.
* ``dead_relus``: above some learning rate, gradient descent kills ReLU
  units for good.
* ``compare_activations``: loss and accuracy curves and decision
  boundaries on spirals and two moons.
* ``selu_fixed_point``: with LeCun normal weights, SELU pulls the mean of
  its activations to 0 and their variance to 1, from any start.
* ``linear_collapse``: stacked linear layers are one linear map and cannot
  fit XOR; one non-linearity can.
* ``residual_depth``: plain networks of 32 layers train worse than shallow
  ones, with ReLU and with tanh; the same layers with identity shortcuts do
  not, whichever the activation.

Examples
--------
>>> result = depth_signal(["relu"], ["he"], depth=5, width=64)
>>> result.variance["relu", "he"].shape
(5,)
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from course_code import datasets
from course_code._numerics.inputs import as_generator, positive_int
from course_code.activations import ACTIVATIONS
from course_code.initializers import gain_name, init_std, lecun_normal
from course_code.nn import (
    MLP,
    SGD,
    Activation,
    Adam,
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    Dense,
    Residual,
    Sequential,
    dead_unit_fraction,
    train,
)

__all__ = [
    "CompareResult",
    "DeadReluResult",
    "DepthResult",
    "LinearCollapseResult",
    "ResidualResult",
    "SeluResult",
    "compare_activations",
    "dead_relus",
    "decision_grid",
    "depth_signal",
    "linear_collapse",
    "residual_depth",
    "selu_fixed_point",
]


def _names(values, name):
    if isinstance(values, str) or not all(isinstance(v, str) for v in values):
        raise TypeError(f"{name} must be a list of str, got {values!r}")
    return tuple(values)


# ---------------------------------------------------------------------------
# Signal and gradient through depth.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DepthResult:
    r"""Per-layer statistics of deep networks at initialisation.

    Attributes
    ----------
    activations, inits : tuple of str
        What was run; the dictionaries below are keyed by
        ``(activation, init)``.
    variance : dict
        Variance of each layer's activations, shape ``(depth,)``.
    grad_norm : dict
        Norm of $\partial L/\partial z_l$ per example (root mean over the
        batch of the squared norms), shape ``(depth,)``.
    depth, width : int
    """

    activations: tuple
    inits: tuple
    variance: dict
    grad_norm: dict
    depth: int
    width: int


def _propagate(name, std, weights, X, seed_grad):
    """Forward through ``weights`` (scaled by std), then back; both statistics."""
    entry = ACTIVATIONS[name]
    h, pre = X, []
    variance = np.empty(len(weights))
    for layer, Z in enumerate(weights):
        pre.append((h @ Z) * std)  # scaling after the product is cheaper
        h = entry(pre[-1])
        variance[layer] = h.var()
    grad, grad_norm = seed_grad, np.empty(len(weights))
    for layer in range(len(weights) - 1, -1, -1):
        grad_z = grad * entry.grad_at(pre[layer])  # chain rule through f
        grad_norm[layer] = np.sqrt(np.sum(grad_z**2) / len(X))
        grad = (grad_z @ weights[layer].T) * std  # and through the weights
    return variance, grad_norm


def depth_signal(
    activations=("sigmoid", "tanh", "relu", "gelu", "selu"),
    inits=("xavier", "he", "lecun"),
    *,
    depth=50,
    width=512,
    n_samples=64,
    seed=0,
):
    r"""Activation variance and gradient norm, layer by layer, at initialisation.

    Parameters
    ----------
    activations : sequence of str
        Catalogue keys.
    inits : sequence of {"xavier", "he", "lecun"}
        Normal initialisations, standard deviations from
        [`init_std`][course_code.initializers.init_std]; He takes the gain of
        [`gain_name`][course_code.initializers.gain_name] of the activation.
    depth, width : int, optional
        ``depth`` square layers of ``width`` units, no biases.
    n_samples : int, optional
        Batch of inputs $x \sim N(0, I)$.
    seed : int, optional
        Seeds the weights, the inputs and the output gradient.

    Returns
    -------
    DepthResult

    Notes
    -----
    Every network uses the same standard-normal matrices $Z_l$, scaled by its
    scheme's standard deviation, so that the curves differ only by the
    scheme and the activation (and schemes that give the same standard
    deviation are run once).  The loss is $L = \sum h_L \odot r$ with $r$
    standard normal: the gradient arriving at the top has unit scale.

    Examples
    --------
    >>> r = depth_signal(["relu"], ["xavier", "he"], depth=20, width=256)
    >>> ratio = r.variance["relu", "xavier"][-1] / r.variance["relu", "xavier"][0]
    >>> bool(0.3 < ratio ** (1 / 19) < 0.7)  # about 1/2 per layer
    True
    """
    activations, inits = _names(activations, "activations"), _names(inits, "inits")
    depth, width = positive_int(depth, "depth"), positive_int(width, "width")
    rng = as_generator(seed, "seed")
    weights = [rng.standard_normal((width, width)) for _ in range(depth)]
    X = rng.standard_normal((positive_int(n_samples, "n_samples"), width))
    seed_grad = rng.standard_normal(X.shape)
    variance, grad_norm = {}, {}
    for name in activations:
        done = {}  # std -> statistics: Xavier and LeCun agree on square layers
        for scheme in inits:
            std = init_std(scheme, width, width, nonlinearity=gain_name(name))
            same = [s for s in done if math.isclose(s, std, rel_tol=1e-12)]
            if not same:
                done[std] = _propagate(name, std, weights, X, seed_grad)
            stats = done[same[0]] if same else done[std]
            variance[name, scheme], grad_norm[name, scheme] = stats
    return DepthResult(activations, inits, variance, grad_norm, depth, width)


# ---------------------------------------------------------------------------
# Dead ReLUs against the learning rate.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadReluResult:
    """Dead units while training at several learning rates.

    Attributes
    ----------
    learning_rates : numpy.ndarray
        Shape ``(n_lr,)``.
    seeds : tuple of int
    dead_fraction : numpy.ndarray
        Fraction of hidden units dead on the whole training set at the start
        of each epoch, averaged over the hidden layers, shape
        ``(n_lr, n_seeds, epochs)``.
    loss, accuracy : numpy.ndarray
        Per epoch, shape ``(n_lr, n_seeds, epochs)``.
    """

    learning_rates: np.ndarray
    seeds: tuple
    dead_fraction: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray


def _dead_curve(model, X, y, lr, epochs):
    """Train with plain full-batch SGD, recording dead units every epoch."""
    layers = [layer for layer in model.layers if isinstance(layer, Activation)]
    dead = np.empty(epochs)

    def record(epoch, model):
        # last_input holds this epoch's pre-activations on the whole set.
        dead[epoch] = np.mean([dead_unit_fraction(a.last_input) for a in layers])

    history = train(
        model,
        CrossEntropyLoss(),
        X,
        y,
        SGD(model.parameters(), lr=lr),
        epochs=epochs,
        callback=record,
    )
    return dead, history.loss, history.accuracy


def dead_relus(
    learning_rates=(0.1, 0.3, 1.0, 2.0, 3.0, 5.0, 10.0),
    *,
    seeds=(0, 1, 2),
    hidden=(64, 64),
    epochs=150,
    activation="relu",
):
    """Train a ReLU network on spirals at each learning rate; count dead units.

    Parameters
    ----------
    learning_rates : sequence of float
        Plain full-batch gradient descent, one run per rate and seed.
    seeds : sequence of int, optional
        Seeds of the initial weights (the data is ``spirals(seed=0)``).
    hidden : sequence of int, optional
        Hidden widths, He-initialised.
    epochs : int, optional
    activation : str, optional
        Catalogue key; try ``"leaky_relu"``, whose units never stop learning.

    Returns
    -------
    DeadReluResult

    Examples
    --------
    >>> r = dead_relus([0.1, 10.0], seeds=[0], epochs=30)
    >>> r.dead_fraction[:, 0, -1].round(2)
    array([0.05, 1.  ])
    """
    X, y = datasets.spirals(100, 3, seed=0)
    seeds, epochs = tuple(seeds), positive_int(epochs, "epochs")
    shape = (len(learning_rates), len(seeds), epochs)
    dead, loss, acc = np.empty(shape), np.empty(shape), np.empty(shape)
    for i, lr in enumerate(learning_rates):
        for j, seed in enumerate(seeds):
            model = MLP(2, list(hidden), 3, activation=activation, rng=seed)
            dead[i, j], loss[i, j], acc[i, j] = _dead_curve(model, X, y, lr, epochs)
    return DeadReluResult(np.asarray(learning_rates, float), seeds, dead, loss, acc)


# ---------------------------------------------------------------------------
# Activations compared on toy problems.
# ---------------------------------------------------------------------------


def decision_grid(model, X, *, grid_size=100, margin=0.25):
    """The class a model predicts on a grid covering the data.

    Parameters
    ----------
    model : course_code.nn.Module
        Outputs logits: ``(n, C)`` (argmax) or ``(n, 1)`` (``> 0``).
    X : numpy.ndarray
        The data, shape ``(n, 2)``; the grid covers it plus ``margin``.
    grid_size : int, optional
        Points per axis.
    margin : float, optional

    Returns
    -------
    xs, ys : numpy.ndarray
        The grid's coordinates, shape ``(grid_size,)`` each.
    classes : numpy.ndarray
        Predicted class, shape ``(grid_size, grid_size)``, rows along ``ys``.

    Examples
    --------
    >>> model = Dense(2, 1, rng=0)
    >>> xs, ys, classes = decision_grid(
    ...     model, np.array([[0.0, 0.0], [1.0, 1.0]]), grid_size=3
    ... )
    >>> classes.shape
    (3, 3)
    """
    n = positive_int(grid_size, "grid_size")
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(lo[0], hi[0], n), np.linspace(lo[1], hi[1], n)
    points = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    logits = model(points)
    if logits.shape[1] > 1:
        classes = np.argmax(logits, axis=1)
    else:
        classes = (logits[:, 0] > 0).astype(np.int64)
    return xs, ys, classes.reshape(n, n)


@dataclass(frozen=True)
class CompareResult:
    """Training curves and decision boundaries per dataset and activation.

    Attributes
    ----------
    data : dict
        ``{dataset: (X, y)}``.
    loss, accuracy : dict
        ``{(dataset, activation): array of shape (epochs,)}``.
    grid : dict
        ``{(dataset, activation): (xs, ys, classes)}``, see
        [`decision_grid`][course_code.experiments.decision_grid].
    activations, datasets : tuple of str
    """

    activations: tuple
    datasets: tuple
    data: dict
    loss: dict
    accuracy: dict
    grid: dict


_DATASETS = {
    "spirals": lambda: datasets.spirals(100, 3, seed=0),
    "moons": lambda: datasets.two_moons(100, noise=0.1, seed=0),
    "circles": lambda: datasets.circles(100, seed=0),
}


def compare_activations(
    activations=("sigmoid", "tanh", "relu", "gelu", "selu"),
    datasets=("spirals", "moons"),
    *,
    hidden=(32, 32),
    epochs=300,
    lr=0.01,
    seed=0,
    grid_size=100,
):
    """Train the same network with each activation on each dataset.

    Parameters
    ----------
    activations : sequence of str
        Catalogue keys.
    datasets : sequence of {"spirals", "moons", "circles"}
    hidden : sequence of int, optional
        Hidden widths (He-initialised with the activation's gain).
    epochs, lr : optional
        Full-batch Adam.
    seed : int, optional
        Seed of the initial weights, the same for every activation.
    grid_size : int, optional
        Resolution of the decision boundaries.

    Returns
    -------
    CompareResult

    Examples
    --------
    >>> r = compare_activations(["relu"], ["moons"], epochs=100, grid_size=10)
    >>> bool(r.accuracy["moons", "relu"][-1] > 0.95)
    True
    """
    activations = _names(activations, "activations")
    names = _names(datasets, "datasets")
    unknown = [name for name in names if name not in _DATASETS]
    if unknown:
        raise ValueError(f"datasets must be among {sorted(_DATASETS)}, got {unknown}")
    data = {name: _DATASETS[name]() for name in names}
    loss, accuracy, grid = {}, {}, {}
    for name, (X, y) in data.items():
        for act in activations:
            model = MLP(2, list(hidden), int(y.max()) + 1, activation=act, rng=seed)
            h = train(
                model,
                CrossEntropyLoss(),
                X,
                y,
                Adam(model.parameters(), lr=lr),
                epochs=epochs,
            )
            loss[name, act], accuracy[name, act] = h.loss, h.accuracy
            grid[name, act] = decision_grid(model, X, grid_size=grid_size)
    return CompareResult(activations, names, data, loss, accuracy, grid)


# ---------------------------------------------------------------------------
# SELU's fixed point.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SeluResult:
    """Mean and variance of the activations, layer by layer, from several starts.

    Attributes
    ----------
    starts : tuple of (float, float)
        Mean and standard deviation of the inputs of each run.
    mean, variance : numpy.ndarray
        Shape ``(n_starts, depth + 1)``: column 0 is the input, column $l$
        the output of layer $l$ (over all units and examples).
    activation : str
    """

    starts: tuple
    mean: np.ndarray
    variance: np.ndarray
    activation: str


def selu_fixed_point(
    starts=((0.0, 1.0), (2.0, 0.5), (-1.0, 3.0), (0.5, 2.0), (0.0, 0.1)),
    *,
    depth=50,
    width=256,
    n_samples=256,
    activation="selu",
    seed=0,
):
    r"""Push inputs of several means and variances through a deep SELU network.

    Parameters
    ----------
    starts : sequence of (mean, std)
        Inputs $x \sim N(\text{mean}, \text{std}^2)$, one run each.
    depth, width : int, optional
        Square layers, LeCun normal weights, no biases.
    n_samples : int, optional
    activation : str, optional
        Catalogue key; try ``"elu"`` or ``"tanh"`` to see what SELU's two
        constants buy.
    seed : int, optional
        Seeds the weights (shared by all runs) and the inputs.

    Returns
    -------
    SeluResult

    Notes
    -----
    Klambauer et al. (2017) chose $\lambda \approx 1.0507$ and
    $\alpha \approx 1.6733$ so that the map from one layer's (mean,
    variance) to the next has an attracting fixed point at (0, 1) when the
    weights have mean 0 and variance $1/n$.

    Examples
    --------
    >>> r = selu_fixed_point([(2.0, 2.0)], depth=30, width=128)
    >>> round(float(r.mean[0, -1]), 1), round(float(r.variance[0, -1]), 1)
    (0.0, 1.0)
    """
    depth, width = positive_int(depth, "depth"), positive_int(width, "width")
    rng = as_generator(seed, "seed")
    weights = [lecun_normal(width, width, rng=rng) for _ in range(depth)]
    entry = ACTIVATIONS[activation]
    shape = (positive_int(n_samples, "n_samples"), width)
    mean, variance = (
        np.empty((len(starts), depth + 1)),
        np.empty((len(starts), depth + 1)),
    )
    for i, (mu, sigma) in enumerate(starts):
        h = mu + sigma * rng.standard_normal(shape)
        mean[i, 0], variance[i, 0] = h.mean(), h.var()
        for layer, W in enumerate(weights, start=1):
            h = entry(h @ W)
            mean[i, layer], variance[i, layer] = h.mean(), h.var()
    return SeluResult(tuple(map(tuple, starts)), mean, variance, activation)


# ---------------------------------------------------------------------------
# The linear collapse.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LinearCollapseResult:
    r"""A deep linear network and the same network with one non-linearity, on XOR.

    Attributes
    ----------
    loss, accuracy : dict
        ``{"linear": array, "nonlinear": array}``, per epoch.
    grid : dict
        ``{"linear": (xs, ys, classes), "nonlinear": ...}``.
    W_eff, b_eff : numpy.ndarray
        The one linear map the trained linear network computes:
        $W_1 W_2 \cdots W_L$ and the biases carried through.
    collapse_error : float
        $\max |f(X) - (X W_\text{eff} + b_\text{eff})|$, rounding error only.
    X, y : numpy.ndarray
        The four XOR points.
    activation : str
    """

    loss: dict
    accuracy: dict
    grid: dict
    W_eff: np.ndarray
    b_eff: np.ndarray
    collapse_error: float
    X: np.ndarray
    y: np.ndarray
    activation: str


def _stack(depth, width, activation, rng):
    """depth Dense layers 2 → width → … → 1, an activation after the first."""
    sizes = [2] + [width] * (depth - 1) + [1]
    layers = [Dense(sizes[0], sizes[1], init="xavier_normal", rng=rng)]
    if activation is not None:
        layers.append(Activation(activation))
    for fan_in, fan_out in itertools.pairwise(sizes[1:]):
        layers.append(Dense(fan_in, fan_out, init="xavier_normal", rng=rng))
    return Sequential(*layers)


def _collapse(model):
    """Multiply the layers out: x W1 + b1 then W2 … is x W_eff + b_eff."""
    W_eff = np.eye(model.layers[0].W.data.shape[0])
    b_eff = np.zeros(W_eff.shape[1])
    for layer in model.layers:
        W_eff = W_eff @ layer.W.data
        b_eff = b_eff @ layer.W.data + layer.b.data
    return W_eff, b_eff


def linear_collapse(
    *, depth=4, width=8, activation="relu", epochs=500, lr=0.02, seed=0
):
    """Fit XOR with a deep linear network, then with one non-linearity added.

    Parameters
    ----------
    depth : int, optional
        Dense layers (default 4), Xavier normal.
    width : int, optional
        Hidden width.
    activation : str, optional
        The one activation put after the first layer of the second network.
    epochs, lr : optional
        Full-batch Adam on the binary cross-entropy.
    seed : int, optional
        Both networks start from the same weights.

    Returns
    -------
    LinearCollapseResult

    Examples
    --------
    >>> r = linear_collapse()
    >>> float(r.accuracy["linear"][-1]) <= 0.75, float(r.accuracy["nonlinear"][-1])
    (True, 1.0)
    """
    X, y = datasets.xor()
    loss, accuracy, grid = {}, {}, {}
    for key, act in (("linear", None), ("nonlinear", activation)):
        model = _stack(positive_int(depth, "depth"), width, act, as_generator(seed))
        h = train(
            model,
            BCEWithLogitsLoss(),
            X,
            y,
            Adam(model.parameters(), lr=lr),
            epochs=epochs,
        )
        loss[key], accuracy[key] = h.loss, h.accuracy
        grid[key] = decision_grid(model, X, grid_size=101, margin=0.5)
        if act is None:
            W_eff, b_eff = _collapse(model)
            error = float(np.max(np.abs(model(X) - (X @ W_eff + b_eff))))
    return LinearCollapseResult(
        loss, accuracy, grid, W_eff, b_eff, error, X, y, activation
    )


# ---------------------------------------------------------------------------
# Plain against residual depth.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ResidualResult:
    """Plain and residual networks of several depths, trained on spirals.

    Attributes
    ----------
    activations, depths : tuple
        What was run; the dictionaries below are keyed by
        ``(activation, architecture)``, the architecture ``"plain"`` or
        ``"residual"``, and hold one number per depth.
    loss, accuracy : dict
        Training loss and accuracy after the last epoch, shape ``(len(depths),)``.
    grad_ratio : dict
        At initialisation, the norm of the loss's gradient for the first
        hidden layer's weights over that for the last one, shape
        ``(len(depths),)``: far below 1, the first layers hardly learn.
    """

    activations: tuple
    depths: tuple
    loss: dict
    accuracy: dict
    grad_ratio: dict


def _deep_net(activation, depth, width, residual, rng):
    """2 → width, ``depth`` hidden layers (plain or residual), → 3 classes."""
    gain = gain_name(activation)
    hidden = [Dense(width, width, nonlinearity=gain, rng=rng) for _ in range(depth)]
    blocks = []
    for dense in hidden:
        if residual:  # pre-activation block, its weights scaled by 1/√depth
            dense.W.data /= math.sqrt(depth)
            blocks.append(Residual(Sequential(Activation(activation), dense)))
        else:
            blocks += [Activation(activation), dense]
    first = Dense(2, width, nonlinearity=gain, rng=rng)
    last = Dense(width, 3, init="lecun_normal", rng=rng)
    return Sequential(first, *blocks, Activation(activation), last), hidden


def _first_over_last(model, hidden, X, y):
    """The first hidden layer's weight gradient norm over the last one's."""
    loss = CrossEntropyLoss()
    model.zero_grad()
    loss(model(X), y)
    model.backward(loss.backward())
    return np.linalg.norm(hidden[0].W.grad) / np.linalg.norm(hidden[-1].W.grad)


def residual_depth(
    activations=("relu", "tanh"),
    depths=(4, 8, 16, 32),
    *,
    width=24,
    epochs=100,
    lr=0.005,
    seed=0,
):
    r"""Train plain and residual networks of each depth; compare their losses.

    Parameters
    ----------
    activations : sequence of str
        Catalogue keys.
    depths : sequence of int
        Numbers of hidden ``width`` × ``width`` layers.
    width, epochs : int, optional
    lr : float, optional
        Adam's learning rate; full-batch training on three spirals (300
        points).
    seed : int, optional
        Seeds the data and every network's weights.

    Returns
    -------
    ResidualResult

    Notes
    -----
    A plain layer computes $h \leftarrow W f(h)$; a residual one
    $h \leftarrow h + W f(h)$, the pre-activation block of He et al.
    (2016b) without normalisation. Weights are He-normal with the
    activation's gain; a residual block's are divided by $\sqrt{\text{depth}}$
    so that the sum of ``depth`` blocks keeps the activations' scale.

    Examples
    --------
    >>> r = residual_depth(["tanh"], [16], epochs=30)
    >>> bool(r.loss["tanh", "residual"][0] < r.loss["tanh", "plain"][0])
    True
    """
    activations = _names(activations, "activations")
    depths = tuple(positive_int(d, "depths") for d in depths)
    width = positive_int(width, "width")
    X, y = datasets.spirals(100, 3, seed=seed)
    loss, accuracy, grad_ratio = {}, {}, {}
    for name, arch in itertools.product(activations, ("plain", "residual")):
        runs = []
        for depth in depths:
            rng = as_generator(seed, "seed")
            model, hidden = _deep_net(name, depth, width, arch == "residual", rng)
            ratio = _first_over_last(model, hidden, X, y)
            optimizer = Adam(model.parameters(), lr=lr)
            history = train(model, CrossEntropyLoss(), X, y, optimizer, epochs=epochs)
            runs.append((history.loss[-1], history.accuracy[-1], ratio))
        loss[name, arch], accuracy[name, arch], grad_ratio[name, arch] = (
            np.array(column) for column in zip(*runs, strict=True)
        )
    return ResidualResult(activations, depths, loss, accuracy, grad_ratio)

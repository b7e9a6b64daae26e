"""Figures of the experiments, drawn from their results.

Each function takes what a function of `course_code.experiments`
returns and gives back a ``matplotlib.figure.Figure``.  Figures are made
without ``pyplot``, so nothing piles up in a global list of open figures; in
a notebook, a figure left as the last value of a cell is displayed.

Examples
--------
>>> from course_code.experiments import selu_fixed_point
>>> fig = plot_selu(selu_fixed_point([(1.0, 2.0)], depth=5, width=32))
>>> len(fig.axes)
2
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "plot_compare_curves",
    "plot_dead_relus",
    "plot_decision_boundaries",
    "plot_depth",
    "plot_linear_collapse",
    "plot_selu",
]

#: One colour per class, light for regions and dark for points.
_REGIONS = ["#c6dbef", "#fdd0a2", "#c7e9c0", "#dadaeb"]
_POINTS = ["#2171b5", "#d94801", "#238b45", "#6a51a3"]


def _new_figure(**kwargs):
    """A matplotlib Figure, not tied to pyplot (so nothing is left open).

    matplotlib is imported here, when a figure is drawn: importing it takes
    0.4 s, which everything that imports course_code would pay otherwise.
    """
    from matplotlib.figure import Figure

    return Figure(layout="constrained", **kwargs)


def _figure(rows, cols, *, width=4.0, height=3.2, **kwargs):
    fig = _new_figure(figsize=(width * cols, height * rows))
    axes = fig.subplots(rows, cols, squeeze=False, **kwargs)
    return fig, axes


def _boundary(ax, grid, X, y, title):
    """Predicted regions on the grid, and the data on top."""
    from matplotlib.colors import ListedColormap

    xs, ys, classes = grid
    regions, points = ListedColormap(_REGIONS), ListedColormap(_POINTS)
    ax.pcolormesh(xs, ys, classes, cmap=regions, vmin=0, vmax=3, shading="auto")
    size = 12 if len(X) > 50 else 90  # XOR's four points must be seen
    ax.scatter(
        X[:, 0],
        X[:, 1],
        c=y,
        cmap=points,
        vmin=0,
        vmax=3,
        s=size,
        edgecolors="white",
        linewidths=0.4,
    )
    ax.set(title=title, xticks=[], yticks=[], aspect="equal")


#: Xavier and LeCun coincide on square layers: a wide pale line under a dotted
#: dark one keeps both visible.
_INIT_STYLE = {
    "xavier": {"color": "#6baed6", "lw": 4.0},
    "he": {"color": "#d94801", "lw": 2.0, "ls": "--"},
    "lecun": {"color": "black", "lw": 1.5, "ls": ":"},
}


def plot_depth(result, quantity="variance"):
    """One panel per activation: a statistic against the layer, one line per init.

    Parameters
    ----------
    result : course_code.experiments.DepthResult
    quantity : {"variance", "grad_norm"}
        Activation variance (forward) or gradient norm (backward).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from course_code.experiments import depth_signal
    >>> fig = plot_depth(depth_signal(["relu", "tanh"], depth=4, width=16), "grad_norm")
    >>> len(fig.axes)
    2
    """
    if quantity not in ("variance", "grad_norm"):
        raise ValueError(
            f"quantity must be 'variance' or 'grad_norm', got {quantity!r}"
        )
    data = getattr(result, quantity)
    n = len(result.activations)
    cols = min(n, 2)  # two columns stay legible in a page's text column
    rows = -(-n // cols)
    fig, axes = _figure(rows, cols, width=3.2, height=2.5, sharey=True)
    layers = np.arange(1, result.depth + 1)
    for ax, act in zip(axes.flat, result.activations, strict=False):
        for scheme in result.inits:
            ax.semilogy(layers, data[act, scheme], label=scheme, **_INIT_STYLE[scheme])
        ax.set(title=act, xlabel="layer")
        ax.grid(True, which="major", alpha=0.3)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    label = "activation variance" if quantity == "variance" else "‖∂L/∂z‖ per example"
    for row in axes:
        row[0].set_ylabel(label)
    axes[0, 0].legend(title="init")
    return fig


def plot_dead_relus(result):
    """Dead units over training per learning rate, and the end state against it.

    Parameters
    ----------
    result : course_code.experiments.DeadReluResult

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from course_code.experiments import dead_relus
    >>> len(plot_dead_relus(dead_relus([0.1, 1.0], seeds=[0], epochs=5)).axes)
    2
    """
    fig, axes = _figure(1, 2, width=3.6, height=3.0)
    colours = _cycle(len(result.learning_rates))
    for lr, dead, colour in zip(
        result.learning_rates, result.dead_fraction.mean(axis=1), colours, strict=True
    ):
        axes[0, 0].plot(dead, color=colour, label=f"lr = {lr:g}")
    axes[0, 0].set(
        xlabel="epoch", ylabel="dead hidden units (fraction)", ylim=(0, 1.02)
    )
    fig.legend(
        *axes[0, 0].get_legend_handles_labels(),
        loc="outside lower center",
        ncols=4,
        fontsize="small",
    )
    ax = axes[0, 1]
    final = result.dead_fraction[:, :, -1]
    ax.semilogx(result.learning_rates, final.mean(axis=1), "o-", label="dead units")
    ax.semilogx(
        result.learning_rates,
        result.accuracy[:, :, -1].mean(axis=1),
        "s--",
        label="training accuracy",
    )
    ax.set(xlabel="learning rate", ylim=(0, 1.02), title="after training")
    ax.set_xticks(result.learning_rates, [f"{lr:g}" for lr in result.learning_rates])
    ax.minorticks_off()
    ax.legend()
    return fig


def _cycle(n):
    """n colours from dark to light, so that order reads as magnitude."""
    from matplotlib import colormaps

    return [colormaps["viridis"](t) for t in np.linspace(0.0, 0.9, n)]


def plot_compare_curves(result):
    """Loss (log scale) and accuracy per epoch, one row per dataset.

    Parameters
    ----------
    result : course_code.experiments.CompareResult

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from course_code.experiments import compare_activations
    >>> r = compare_activations(["relu"], ["moons"], epochs=3, grid_size=4)
    >>> len(plot_compare_curves(r).axes)
    2
    """
    fig, axes = _figure(len(result.datasets), 2, width=3.6, height=2.8)
    for row, name in zip(axes, result.datasets, strict=True):
        for act in result.activations:
            row[0].semilogy(result.loss[name, act], label=act)
            row[1].plot(result.accuracy[name, act], label=act)
        row[0].set(title=f"{name}: training loss", xlabel="epoch")
        row[1].set(title=f"{name}: training accuracy", xlabel="epoch", ylim=(0, 1.02))
    axes[0, 1].legend()
    return fig


def plot_decision_boundaries(result):
    """Decision regions, one row per activation and one column per dataset.

    Parameters
    ----------
    result : course_code.experiments.CompareResult

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from course_code.experiments import compare_activations
    >>> r = compare_activations(["relu", "tanh"], ["moons"], epochs=3, grid_size=4)
    >>> len(plot_decision_boundaries(r).axes)
    2
    """
    # One row per activation: a tall figure reads better in a page than a wide one.
    fig, axes = _figure(
        len(result.activations), len(result.datasets), width=2.6, height=2.4
    )
    for row, act in zip(axes, result.activations, strict=True):
        for ax, name in zip(row, result.datasets, strict=True):
            accuracy = result.accuracy[name, act][-1]
            X, y = result.data[name]
            _boundary(ax, result.grid[name, act], X, y, f"{name} ({accuracy:.0%})")
        row[0].set_ylabel(act, fontsize="large")
    return fig


def plot_selu(result):
    """Mean and variance of the activations against depth, one line per start.

    Parameters
    ----------
    result : course_code.experiments.SeluResult

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from course_code.experiments import selu_fixed_point
    >>> fig = plot_selu(selu_fixed_point([(1.0, 2.0)], depth=3, width=8))
    >>> fig.axes[0].get_title()
    'selu'
    """
    fig, axes = _figure(1, 2, width=3.6, height=3.0)
    layers = np.arange(result.mean.shape[1])
    for (mu, sigma), mean, var in zip(
        result.starts, result.mean, result.variance, strict=True
    ):
        label = f"input N({mu:g}, {sigma:g}²)"
        axes[0, 0].plot(layers, mean, label=label)
        axes[0, 1].semilogy(layers, var, label=label)
    axes[0, 0].axhline(0.0, color="black", lw=0.8)
    axes[0, 1].axhline(1.0, color="black", lw=0.8)
    axes[0, 0].set(
        xlabel="layer", ylabel="mean of activations", title=result.activation
    )
    axes[0, 1].set(
        xlabel="layer", ylabel="variance of activations", title=result.activation
    )
    fig.legend(
        *axes[0, 0].get_legend_handles_labels(),
        loc="outside lower center",
        ncols=3,
        fontsize="small",
    )
    return fig


def plot_linear_collapse(result):
    """Loss curves of both networks, and what each learnt on XOR.

    Parameters
    ----------
    result : course_code.experiments.LinearCollapseResult

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from course_code.experiments import linear_collapse
    >>> len(plot_linear_collapse(linear_collapse(epochs=5)).axes)
    3
    """
    fig = _new_figure(figsize=(5.6, 5.6))
    axes = fig.subplot_mosaic([["loss", "loss"], ["linear", "nonlinear"]])
    names = {
        "linear": "linear layers only",
        "nonlinear": f"one {result.activation} added",
    }
    for key, name in names.items():
        axes["loss"].plot(result.loss[key], label=name)
    epochs = len(result.loss["linear"])
    axes["loss"].axhline(np.log(2), color="black", lw=0.8, ls=":")
    axes["loss"].annotate(
        "ln 2",
        (epochs / 2, np.log(2)),
        xytext=(0, -4),
        textcoords="offset points",
        va="top",
    )
    axes["loss"].set(xlabel="epoch", ylabel="binary cross-entropy")
    axes["loss"].legend(loc="center right")
    for key, name in names.items():
        accuracy = result.accuracy[key][-1]
        title = f"{name} ({accuracy:.0%})"
        _boundary(axes[key], result.grid[key], result.X, result.y, title)
    return fig

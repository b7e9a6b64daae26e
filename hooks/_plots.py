"""Figures of experiments and numerics, drawn from ``course_code``, cached.

Not a hook itself: ``hooks/course.py`` imports it (MkDocs puts a hook's
folder on ``sys.path`` while it loads the hook).

Contract: ``PLOTS`` maps a name to a function that returns the SVG text of
a figure computed by ``course_code``; ``ensure_plots()`` leaves
``<name>.svg`` for every name in ``plot_dir()`` and returns the names it had
to draw; ``add_plots`` adds them to the build as ``figures/<name>.svg``,
beside the catalogue's figures, so that a page shows one as
``![description](../figures/<name>.svg)``. The cache folder,
``.cache/course/plots/<hash>/``, is named by ``plot_hash()``: this file and
the ``course_code`` modules it imports, the training code among them. The
catalogue's figures (``hooks/_figures.py``) are kept apart, so that an edit
of the training code redraws these and not those.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
from _cache import CACHE, prune
from _figures import (
    FIGURE_DIRS,
    FIGURES,
    FN_COLOUR,
    GRAD_COLOUR,
    THIRD_COLOUR,
    ensure_svgs,
    svg_text,
)
from _sources import dependency_hash
from _values import experiment
from mkdocs.structure.files import File

PLOTS_CACHE = "plots"


@cache
def plot_hash() -> str:
    """The plots' cache key: this file and the course_code it imports."""
    return dependency_hash(Path(__file__))


def plot_dir() -> Path:
    return CACHE / PLOTS_CACHE / plot_hash()


FIGURE_DIRS.append(plot_dir)


def _axes(xlabel: str, ylabel: str):
    from _figures import _axes as catalogue_axes

    plt, fig, ax = catalogue_axes()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return plt, fig, ax


def residual_depth() -> str:
    """Training loss against depth, plain and residual, ReLU and tanh."""
    # The same run as the page's numbers (residual_loss), read from their cache.
    result = experiment("residual_depth", lr=0.005)
    plt, fig, ax = _axes("hidden layers", "training loss after 100 epochs")
    colours = {"relu": FN_COLOUR, "tanh": GRAD_COLOUR}
    for (name, arch), loss in result.loss.items():
        style = "-o" if arch == "plain" else "--s"
        label = f"{'ReLU' if name == 'relu' else name}, {arch}"
        ax.plot(result.depths, loss, style, color=colours[name], label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(result.depths, [str(d) for d in result.depths])
    ax.legend(frameon=False, loc="upper left")
    return svg_text(plt, fig)


def gelu_low_precision() -> str:
    """The naive tanh-form GELU over the value rounded once, per format."""
    from course_code.precision import naive, rounded

    x = np.linspace(-7.0, -1.0, 1201)
    plt, fig, ax = _axes("x", "naive gelu(x) / rounded gelu(x)")
    styles = zip(
        ("float16", "bfloat16", "float32"),
        (FN_COLOUR, GRAD_COLOUR, THIRD_COLOUR),
        strict=True,
    )
    for name, colour in styles:
        approx = naive("gelu_tanh", x, name).astype(float)
        exact = rounded("gelu_tanh", x, name).astype(float)
        with np.errstate(invalid="ignore"):  # 0/0 where float16 underflows: a gap
            ratio = np.clip(approx / exact, 0.0, 2.0)
        ax.plot(x, ratio, color=colour, lw=1.4, label=name)
    ax.set_ylim(-0.05, 2.05)  # the ratio is clipped to [0, 2]
    ax.legend(frameon=False, loc="upper left")
    return svg_text(plt, fig)


PLOTS = {"residual_depth": residual_depth, "gelu_low_precision": gelu_low_precision}


def ensure_plots(directory: Path | None = None) -> list[str]:
    """Draw the plots missing from the cache; return the names drawn."""
    return ensure_svgs(directory or plot_dir(), PLOTS, lambda name: PLOTS[name]())


def add_plots(files, config, log) -> None:
    """Draw what the cache lacks, drop stale caches, add the plots to ``files``."""
    directory = plot_dir()
    drawn = ensure_plots(directory)
    prune(directory.parent, directory.name)
    log.info("course: drew %d plot(s) into %s", len(drawn), directory)
    for name in PLOTS:
        path = directory / f"{name}.svg"
        files.append(
            File.generated(config, f"{FIGURES}/{name}.svg", abs_src_path=str(path))
        )

"""Figures drawn from ``course_code``: one SVG per catalogue entry, cached.

Not a hook itself: ``hooks/course.py`` imports it (MkDocs puts a hook's
folder on ``sys.path`` while it loads the hook).

Contract: ``ensure_figures()`` leaves ``<key>.svg`` for every key of
``course_code.catalogue.ACTIVATIONS`` in ``figure_dir()`` and returns the
keys it had to draw; ``add_figures`` adds them to the build as
``figures/<key>.svg``; ``size_and_defer_figures`` gives a page's ``<img>``
of these figures their size and lazy loading. The cache folder,
``.cache/course/figures/<hash>/``, is named by ``figure_hash()``: this file
and the ``course_code`` modules it imports, with theirs (``hooks/_sources.py``),
so an edit elsewhere (``course_code.losses``, a chapter) redraws nothing.

Figures are SVG, dark lines on a transparent background; in the dark palette
``docs/assets/stylesheets/course.css`` inverts them (and turns the hue back).
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import numpy as np
from _cache import CACHE, prune, write_atomically
from _sources import dependency_hash
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

FIGURES = "figures"
FN_COLOUR, GRAD_COLOUR, THIRD_COLOUR = "#1f5fbf", "#d9590b", "#2e8b57"


def catalogue():
    """``course_code.catalogue.ACTIVATIONS``, imported when first needed."""
    from course_code.catalogue import ACTIVATIONS

    return ACTIVATIONS


@cache
def figure_hash() -> str:
    """The figures' cache key: this file and the course_code it imports."""
    return dependency_hash(Path(__file__))


def figure_dir() -> Path:
    return CACHE / FIGURES / figure_hash()


def _axes():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "course",
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    fig.patch.set_alpha(0)
    ax.patch.set_alpha(0)
    ax.axhline(0, color="#888888", lw=0.8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.grid(True, color="#cccccc", lw=0.5)
    return plt, fig, ax


def _curves(key: str):
    """``x`` and the ``[(label, y, style)]`` to draw for the entry ``key``."""
    entry = catalogue()[key]
    lo, hi = (-3.0, 9.0) if key == "relu6" else (-5.0, 5.0)
    x = np.linspace(lo, hi, 1201)
    if entry.elementwise:
        return x, [("f(x)", entry(x), "-"), ("f′(x)", entry.grad_at(x), "--")]
    return x, _slices(key, entry, x)


def _slices(key: str, entry, x):
    """Curves of a function of a vector: its first output along a slice."""
    from course_code import activations as act

    zero, one = np.zeros_like(x), np.ones_like(x)

    def first(columns, f=entry, **params):
        return f(np.stack(columns, axis=-1), **params)[..., 0]

    if key in ("softmax", "log_softmax"):
        s = act.softmax(np.stack([x, zero], axis=-1))
        # The first output's derivative along x, by the backward pass; for
        # log-softmax it is 1 - softmax([x, 0])₀.
        grad = act.softmax_backward(np.stack([one, zero], -1), s)[..., 0]
        grad = 1.0 - s[..., 0] if key == "log_softmax" else grad
        return [(f"{key}([x, 0])₀", first([x, zero]), "-"), ("∂/∂x", grad, "--")]
    if entry.family == "gated":
        gate = (f"{key}([1, x]), the gate", first([one, x]), "--")
        return [(f"{key}([x, x])", first([x, x]), "-"), gate]
    if key == "maxout":
        three = first([x, -x, one], act.maxout, pieces=3)
        return [
            ("maxout([x, 0])", first([x, zero]), "-"),
            ("maxout([x, −x])", first([x, -x]), "--"),
            ("maxout([x, −x, 1], pieces=3)", three, ":"),
        ]
    raise PluginError(f"course hook: no figure is defined for {key!r}")


def _mark_minimum(ax, entry) -> None:
    if entry.minimum is None:
        return
    mx, my = entry.minimum
    ax.plot([mx], [my], "o", color=FN_COLOUR, ms=5)
    ax.annotate(
        f"minimum {my:.4f}\nat x = {mx:.4f}".replace("-", "−"),
        (mx, my),
        xytext=(-24, 36),
        textcoords="offset points",
        ha="right",
        fontsize=9,
        arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.8},
    )


def draw(key: str) -> str:
    """The SVG figure of one catalogue entry, as text."""
    plt, fig, ax = _axes()
    # Curves that coincide (maxout's pieces) stay visible: each is drawn
    # thinner than the one before it, on top of it.
    widths = (5.0, 2.6, 1.6) if key == "maxout" else (2.0, 2.0, 1.6)
    colours = (FN_COLOUR, GRAD_COLOUR, THIRD_COLOUR)
    x, curves = _curves(key)
    for (label, y, style), colour, width in zip(curves, colours, widths, strict=False):
        ax.plot(x, y, style, color=colour, lw=width, label=label)
    _mark_minimum(ax, catalogue()[key])
    ax.set_xlabel("x")
    ax.legend(frameon=False, loc="upper left")
    return svg_text(plt, fig)


def svg_text(plt, fig) -> str:
    """The figure ``fig`` as SVG text, laid out; the figure is closed."""
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def ensure_svgs(directory: Path, names, draw_one) -> list[str]:
    """Draw ``draw_one(name)`` for each name missing from ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    drawn = []
    for name in names:
        path = directory / f"{name}.svg"
        if not path.exists():
            write_atomically(path, draw_one(name))
            drawn.append(name)
    return drawn


def ensure_figures(directory: Path | None = None) -> list[str]:
    """Draw the figures missing from the cache; return the keys drawn."""
    return ensure_svgs(directory or figure_dir(), catalogue(), draw)


def add_figures(files, config, log) -> None:
    """Draw what the cache lacks, drop stale caches, add the figures to ``files``."""
    directory = figure_dir()
    drawn = ensure_figures(directory)
    prune(directory.parent, directory.name)
    log.info("course: drew %d figure(s) into %s", len(drawn), directory)
    for key in catalogue():
        path = directory / f"{key}.svg"
        files.append(
            File.generated(config, f"{FIGURES}/{key}.svg", abs_src_path=str(path))
        )


# A figure carries its size, so the text below it does not move when it
# arrives; the first is fetched early and the others only when they come near
# the screen: the catalogue alone has 30, which on a slow connection delayed
# the first paint. Images already in the page (a notebook's data: URIs) are
# left alone.
IMG = re.compile(r"<img\b[^>]*>")
FIGURE_SRC = re.compile(r'\ssrc="(?:[^"]*/)?' + FIGURES + r'/(?P<key>[\w-]+)\.svg"')
SVG_SIZE = re.compile(
    r'<svg\b[^>]*?\swidth="(?P<w>[\d.]+)pt"[^>]*?\sheight="(?P<h>[\d.]+)pt"'
)


#: The folders that hold figures published under ``figures/``: the
#: catalogue's, and those that other parts add (``hooks/_plots.py``).
FIGURE_DIRS = [figure_dir]


@cache
def _figure_size(key: str) -> tuple[int, int] | None:
    """A drawn figure's size in CSS pixels (matplotlib writes points)."""
    paths = [folder() / f"{key}.svg" for folder in FIGURE_DIRS]
    path = next((p for p in paths if p.is_file()), None)
    match = (
        SVG_SIZE.search(path.read_text(encoding="utf-8")[:2000])
        if path is not None
        else None
    )
    if match is None:
        return None
    return round(float(match["w"]) * 4 / 3), round(float(match["h"]) * 4 / 3)


def size_and_defer_figures(html: str) -> str:
    """Give the figures in ``html`` their size; load all but the first lazily."""
    first = True

    def amend(match: re.Match) -> str:
        nonlocal first
        tag = match[0]
        figure = FIGURE_SRC.search(tag)
        if figure is None:
            return tag
        extra = ""
        size = _figure_size(figure["key"])
        if size and " width=" not in tag:
            extra += f' width="{size[0]}" height="{size[1]}"'
        if first:  # often the largest thing in the first screen: fetch it early
            extra += ' fetchpriority="high"'
        elif " loading=" not in tag:
            extra += ' loading="lazy"'
        first = False
        return "<img" + extra + tag[len("<img") :]

    return IMG.sub(amend, html)

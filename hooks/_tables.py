"""Tables and cards from the catalogue, as Markdown text.

Not a hook itself: ``hooks/_placeholders.py`` calls it for the placeholders
``<!-- course:properties-table -->``, ``<!-- course:frameworks-table KEY ... -->``
and ``<!-- course:card KEY -->``.

Contract: each function takes catalogue keys (of
``course_code.catalogue.ACTIVATIONS``) and returns Markdown, computed from
the catalogue entries and nothing else; an unknown key raises ``KeyError``.
``number`` writes a float as the tables do: five significant digits, a true
minus sign, ``∞`` for infinity.
"""

from __future__ import annotations

import math
import posixpath
import re

import numpy as np
from _figures import FIGURES, catalogue


def max_slope(key: str):
    """``course_code.catalogue.max_slope``: the steepest slope of ``key``."""
    from course_code.catalogue import max_slope as steepest

    return steepest(key)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def number(value: float) -> str:
    """``value`` to five significant digits, with − and ∞."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:.5g}".replace("-", "−")


def _range(entry) -> str:
    """The range in interval notation; a bracket where the end is attained."""
    lo, hi = entry.range
    left, right = "(", ")"
    if entry.elementwise:
        y = entry(np.linspace(-10.0, 10.0, 2001))
        attained = entry.minimum is not None or y.min() == lo
        left = "[" if np.isfinite(lo) and attained else "("
        right = "]" if np.isfinite(hi) and y.max() == hi else ")"
    return f"{left}{number(lo)}, {number(hi)}{right}"


def _bounded(entry) -> str:
    if entry.bounded:
        return "both"
    if entry.bounded_below:
        return "below"
    return "above" if entry.bounded_above else "no"


def _slope_text(key: str) -> str:
    entry = catalogue()[key]
    if not entry.elementwise:
        return "—"
    slope = max_slope(key)
    if math.isinf(slope.x):
        both = entry.grad_at(-slope.x) == slope.value
        side = "|x|" if both else "x"
        end = "∞" if both else number(slope.x)
        return f"→ {number(slope.value)} as {side} → {end}"
    if not slope.unique:
        return number(slope.value)
    return f"{number(slope.value)} at x = {number(slope.x)}"


def properties_table() -> str:
    """The comparison table of every catalogue entry."""
    rows = [
        "| Function | Range | Bounded | Monotonic | Smooth | Zero-centred "
        "| Self-gated | Steepest slope |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, e in catalogue().items():
        cells = [
            e.display_name,
            _range(e),
            _bounded(e),
            _yes(e.monotonic),
            _yes(e.smooth),
            _yes(e.zero_centred),
            _yes(e.self_gated),
            _slope_text(key),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(['<div class="course-table" markdown>', "", *rows, "", "</div>"])


def _short_names(names: str | None, prefixes: dict) -> str:
    if not names:
        return "none"
    cells = []
    for name in names.split(", "):
        for long, short in prefixes.items():
            if name.startswith(long):
                name = short + name[len(long) :]
                break
        cells.append(f"`{name}`")
    return "<br>".join(cells)


TORCH_PREFIXES = {"torch.nn.functional.": "F.", "torch.nn.": "nn."}
KERAS_PREFIXES = {"keras.activations.": "", "keras.layers.": "layers."}
JAX_PREFIXES = {"jax.nn.": ""}


def frameworks_table(keys: list[str]) -> str:
    """Names in PyTorch, Keras and JAX of the catalogue entries ``keys``."""
    entries = catalogue()
    unknown = [key for key in keys if key not in entries]
    if unknown:
        raise KeyError(f"not catalogue keys: {unknown}")
    rows = [
        "| Function | PyTorch | Keras | JAX (`jax.nn`) |",
        "| --- | --- | --- | --- |",
    ]
    for key in keys:
        e = entries[key]
        cells = [
            e.display_name,
            _short_names(e.pytorch, TORCH_PREFIXES),
            _short_names(e.keras, KERAS_PREFIXES),
            _short_names(e.jax, JAX_PREFIXES),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _escape(text: str) -> str:
    return re.sub(r"([*_`\\])", r"\\\1", text)


def _properties(e) -> list[str]:
    flags = {
        "monotonic": e.monotonic,
        "smooth": e.smooth,
        "zero-centred": e.zero_centred,
        "self-gated": e.self_gated,
        "elementwise": e.elementwise,
    }
    return [name for name, flag in flags.items() if flag]


def _facts(key: str, e) -> list[str]:
    """The card's list of facts, as Markdown list items."""
    props = _properties(e)
    facts = [
        f"**Range:** {_range(e)}; bounded: {_bounded(e)}",
        f"**Properties:** {', '.join(props) or 'none of the listed ones'}",
    ]
    if e.params:
        params = ", ".join(f"{k}={v!r}" for k, v in e.params.items())
        facts.append(f"**Default parameters:** `{params}`")
    if e.minimum is not None:
        facts.append(
            f"**Minimum:** {number(e.minimum[1])} at x = {number(e.minimum[0])}"
        )
    if e.elementwise:
        facts.append(f"**Steepest slope:** {_slope_text(key)}")
    if e.origin is not None:
        o = e.origin
        facts.append(f"**Origin:** {o.authors} ({o.year}), *{_escape(o.title)}*")
    facts.append(f"**PyTorch:** `{e.pytorch}`")
    facts.append(f"**Keras:** `{e.keras}`" if e.keras else "**Keras:** none")
    if e.notes:
        facts.append(f"**Frameworks and notes:** {_escape(e.notes)}")
    return [f"- {fact}" for fact in facts]


def card(key: str, page_dir: str) -> str:
    """The Markdown of the catalogue card of ``key``."""
    entries = catalogue()
    if key not in entries:
        raise KeyError(f"{key!r} is not a catalogue key")
    e = entries[key]
    figure = posixpath.relpath(f"{FIGURES}/{key}.svg", page_dir or ".")
    lines = ['<div class="course-card" markdown>', "", f"$$\n{e.formula}\n$$", ""]
    if e.derivative:
        lines += [f"Derivative:\n\n$$\n{e.derivative}\n$$", ""]
    lines += [
        f"![{e.display_name} and its derivative, drawn by course_code]({figure})",
        "",
        *_facts(key, e),
    ]
    return "\n".join([*lines, "", "</div>"])

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

import functools
import math
import posixpath
import re

import numpy as np
from _figures import FIGURES, catalogue
from _strings import formula, prose, words


@functools.cache  # asked by the cards and tables of both languages
def max_slope(key: str):
    """``course_code.catalogue.max_slope``: the steepest slope of ``key``."""
    from course_code.catalogue import max_slope as steepest

    return steepest(key)


def _yes(flag: bool, lang: str = "en") -> str:
    return words(lang)["yes" if flag else "no"]


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


def _bounded(entry, lang: str = "en", where: str = "") -> str:
    """Which sides bound ``entry``'s values, as a table cell or (``where``
    "card_") in a card's sentence."""
    if entry.bounded:
        side = "both"
    elif entry.bounded_below:
        side = "below"
    else:
        side = "above" if entry.bounded_above else "no"
    return words(lang)[f"{where}bounded_{side}"]


def _slope_text(key: str, lang: str = "en") -> str:
    entry = catalogue()[key]
    if not entry.elementwise:
        return "—"
    slope = max_slope(key)
    say = words(lang)
    if math.isinf(slope.x):
        both = entry.grad_at(-slope.x) == slope.value
        side = "|x|" if both else "x"
        end = "∞" if both else number(slope.x)
        return say["slope_limit"].format(value=number(slope.value), side=side, end=end)
    if not slope.unique:
        return number(slope.value)
    return say["slope_at"].format(value=number(slope.value), x=number(slope.x))


def properties_table(lang: str = "en") -> str:
    """The comparison table of every catalogue entry, in ``lang``."""
    rows = [words(lang)["table_header"], "|---|---|---|---|---|---|---|---|"]
    for key, e in catalogue().items():
        cells = [
            e.display_name,
            _range(e),
            _bounded(e, lang),
            _yes(e.monotonic, lang),
            _yes(e.smooth, lang),
            _yes(e.zero_centred, lang),
            _yes(e.self_gated, lang),
            _slope_text(key, lang),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(['<div class="course-table" markdown>', "", *rows, "", "</div>"])


def _short_names(names: str | None, prefixes: dict, lang: str = "en") -> str:
    if not names:
        return words(lang)["none"]
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


def frameworks_table(keys: list[str], lang: str = "en") -> str:
    """Names in PyTorch, Keras and JAX of the catalogue entries ``keys``."""
    entries = catalogue()
    unknown = [key for key in keys if key not in entries]
    if unknown:
        raise KeyError(f"not catalogue keys: {unknown}")
    rows = [words(lang)["frameworks_header"], "| --- | --- | --- | --- |"]
    for key in keys:
        e = entries[key]
        cells = [
            e.display_name,
            _short_names(e.pytorch, TORCH_PREFIXES, lang),
            _short_names(e.keras, KERAS_PREFIXES, lang),
            _short_names(e.jax, JAX_PREFIXES, lang),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _escape(text: str) -> str:
    return re.sub(r"([*_`\\])", r"\\\1", text)


def _properties(e, lang: str = "en") -> list[str]:
    flags = {
        "monotonic": e.monotonic,
        "smooth": e.smooth,
        "zero_centred": e.zero_centred,
        "self_gated": e.self_gated,
        "elementwise": e.elementwise,
    }
    return [words(lang)[name] for name, flag in flags.items() if flag]


def _facts(key: str, e, lang: str = "en") -> list[str]:
    """The card's list of facts, as Markdown list items."""
    say = words(lang)
    props = say["list_separator"].join(_properties(e, lang)) or say["no_properties"]
    facts = [
        say["range"].format(range=_range(e), bounded=_bounded(e, lang, "card_")),
        say["properties"].format(properties=props),
    ]
    if e.params:
        params = ", ".join(f"{k}={v!r}" for k, v in e.params.items())
        facts.append(say["default_parameters"].format(parameters=params))
    if e.minimum is not None:
        value, x = number(e.minimum[1]), number(e.minimum[0])
        facts.append(say["minimum"].format(value=value, x=x))
    if e.elementwise:
        facts.append(say["steepest_slope"].format(slope=_slope_text(key, lang)))
    if e.origin is not None:
        o = e.origin
        title = _escape(o.title)
        facts.append(say["origin"].format(authors=o.authors, year=o.year, title=title))
    facts.append(say["pytorch"].format(name=e.pytorch))
    facts.append(say["keras"].format(name=e.keras) if e.keras else say["keras_none"])
    if e.notes:
        facts.append(say["notes"].format(notes=_escape(prose(e.notes, lang))))
    return [f"- {fact}" for fact in facts]


def card(key: str, page_dir: str, lang: str = "en") -> str:
    """The Markdown of the catalogue card of ``key``, in ``lang``."""
    entries = catalogue()
    if key not in entries:
        raise KeyError(f"{key!r} is not a catalogue key")
    e = entries[key]
    figure = posixpath.relpath(f"{FIGURES}/{key}.svg", page_dir or ".")
    tex = formula(e.formula, lang)
    lines = ['<div class="course-card" markdown>', "", f"$$\n{tex}\n$$", ""]
    say = words(lang)
    if e.derivative:
        derivative = formula(e.derivative, lang)
        lines += [f"{say['derivative']}\n\n$$\n{derivative}\n$$", ""]
    alt = say["figure_alt"].format(name=e.display_name)
    lines += [f"![{alt}]({figure})", "", *_facts(key, e, lang)]
    return "\n".join([*lines, "", "</div>"])

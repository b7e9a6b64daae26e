"""The explorer widget's data and static version (contract: hooks/_widgets.py).

The explorer overlays elementwise activations of the catalogue, with sliders
for their parameters. Its data is, for each function it offers, the catalogue
card's facts at the default parameters and the sliders' limits; the script
(``explorer.js``) recomputes the facts that depend on a parameter.

GELU is one entry, ``gelu``, with a choice ``approximate`` of ``"none"``
(exact) or ``"tanh"``; the catalogue's ``gelu_tanh`` is accepted as a key and
means that entry with the tanh form chosen.

Options
-------
functions
    Comma-separated catalogue keys the reader may choose from (default: every
    elementwise entry).
selected
    Comma-separated keys drawn at first (default: the first of
    ``relu``, or the first offered function).
compact
    A smaller widget, for a family page: the functions in one list (not
    grouped by family) and no x-range control.

The functions' names and the choices' labels in the data, and the static
version, are in the page's language (``hooks/_widget_i18n.py``).
"""

from __future__ import annotations

import math
import posixpath

from _widget_i18n import check_language, function_name

from course_code.catalogue import ACTIVATIONS

SCRIPTS = ("activations.js",)

#: Slider limits (min, max, step) of each numeric parameter, by function.
SLIDERS: dict[str, dict[str, tuple[float, float, float]]] = {
    "hardtanh": {"min_val": (-3.0, -0.1, 0.1), "max_val": (0.1, 3.0, 0.1)},
    "leaky_relu": {"negative_slope": (-0.5, 1.0, 0.01)},
    "prelu": {"weight": (-0.5, 1.0, 0.01)},
    "rrelu": {"lower": (0.0, 0.5, 0.005), "upper": (0.0, 1.0, 0.005)},
    "elu": {"alpha": (0.0, 3.0, 0.05)},
    "celu": {"alpha": (0.1, 3.0, 0.05)},
    "softplus": {"beta": (0.1, 20.0, 0.1)},
    "softshrink": {"lambd": (0.0, 3.0, 0.05)},
    "hardshrink": {"lambd": (0.0, 3.0, 0.05)},
}
#: The choices of a parameter that is not a number: (value, label), by language.
CHOICES = {
    "en": {"gelu": {"approximate": [["none", "exact"], ["tanh", "tanh"]]}},
    "zh": {"gelu": {"approximate": [["none", "精确"], ["tanh", "tanh"]]}},
}
#: The static version, by language: an image's text, then a sentence.
FALLBACK = {
    "en": {
        "alt": "{name} and its derivative",
        "text": "{name} (solid) and its derivative (dashed). With JavaScript,"
        " this figure becomes an explorer: overlay functions, move their"
        " parameters and read the values under the pointer.",
    },
    "zh": {
        "alt": "{name}：函数及其导数的图像",
        "text": "{name}（实线）及其导数（虚线）。启用 JavaScript 后，这张图会变成"
        "函数探索器：叠加多个函数，调节它们的参数，读出指针处的值。",
    },
}
#: Catalogue keys that are another entry with a parameter set.
ALIASES = {"gelu_tanh": ("gelu", {"approximate": "tanh"})}


def elementwise_keys() -> list[str]:
    """The catalogue's elementwise keys, in catalogue order (aliases included)."""
    return [key for key, entry in ACTIVATIONS.items() if entry.elementwise]


def _end(value: float):
    """A range end as JSON can carry it: ±Infinity as the strings JS reads."""
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def facts(key: str) -> dict:
    """The catalogue card's facts of ``key`` at its default parameters."""
    entry = ACTIVATIONS[key]
    return {
        "range": [_end(float(entry.range[0])), _end(float(entry.range[1]))],
        "monotonic": entry.monotonic,
        "smooth": entry.smooth,
        "zero_centred": entry.zero_centred,
        "self_gated": entry.self_gated,
    }


def _keys(options: dict[str, str], option: str, default: list[str]) -> list[str]:
    """The keys of ``option`` (``a,b,c``), aliases resolved, duplicates dropped."""
    if option not in options:
        return default
    valid = elementwise_keys()
    words = [word.strip() for word in options[option].split(",") if word.strip()]
    if not words:
        raise ValueError(f"explorer option {option!r}: expected KEY[,KEY...]")
    keys = []
    for word in words:
        if word not in valid:
            raise ValueError(
                f"explorer option {option}={options[option]!r}: {word!r} is not"
                f" an elementwise catalogue key (expected one of {', '.join(valid)})"
            )
        key = ALIASES.get(word, (word, None))[0]
        if key not in keys:
            keys.append(key)
    return keys


def _check(options: dict[str, str]) -> tuple[list[str], list[str], dict]:
    """The offered keys, the selected keys and the initial parameter changes."""
    known = {"functions", "selected", "compact"}
    for option in options:
        if option not in known:
            raise ValueError(
                f"explorer option {option!r}: expected one of"
                f" {', '.join(sorted(known))}"
            )
    if options.get("compact", "true") not in ("true", "false"):
        raise ValueError(
            f"explorer option compact={options['compact']!r}: expected true or false"
        )
    default = [k for k in elementwise_keys() if k not in ALIASES]
    offered = _keys(options, "functions", default)
    first = ["relu"] if "relu" in offered else offered[:1]
    selected = _keys(options, "selected", first)
    for key in selected:
        if key not in offered:
            raise ValueError(
                f"explorer option selected: {key!r} is not among the functions"
                f" offered ({', '.join(offered)})"
            )
    changes = {}
    for option in ("functions", "selected"):
        for word in options.get(option, "").split(","):
            if word.strip() in ALIASES:
                key, params = ALIASES[word.strip()]
                changes[key] = dict(params)
    return offered, selected, changes


def data(options: dict[str, str], lang: str = "en") -> dict:
    """The JSON of the explorer: the functions offered, their facts and sliders.

    The functions' names and the choices' labels are in language ``lang``.
    """
    check_language(lang)
    offered, selected, changes = _check(options)
    functions = []
    for key in offered:
        entry = ACTIVATIONS[key]
        params = {k: v for k, v in entry.params.items()}
        params.update(changes.get(key, {}))
        item = {
            "key": key,
            "name": function_name(key, lang),
            "family": entry.family,
            "params": params,
            "facts": facts(key),
            "sliders": {
                name: {"min": lo, "max": hi, "step": step}
                for name, (lo, hi, step) in SLIDERS.get(key, {}).items()
            },
            "choices": CHOICES[lang].get(key, {}),
        }
        if key == "gelu":
            # The tanh form has its own card facts (its minimum differs).
            item["facts_tanh"] = facts("gelu_tanh")
        functions.append(item)
    return {
        "functions": functions,
        "selected": selected,
        "compact": options.get("compact", "false") == "true",
    }


def fallback(options: dict[str, str], page_dir: str, lang: str = "en") -> str:
    """A static figure of the first selected function, and a sentence in ``lang``."""
    text = FALLBACK[check_language(lang)]
    _, selected, changes = _check(options)
    key = selected[0]
    if changes.get(key, {}).get("approximate") == "tanh":
        key = "gelu_tanh"
    name = function_name(key, lang)
    figure = posixpath.relpath(f"figures/{key}.svg", page_dir or ".")
    alt = text["alt"].format(name=name)
    return f"![{alt}]({figure})\n\n" + text["text"].format(name=name)

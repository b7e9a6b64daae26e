"""The playground widget's data and static version (contract: hooks/_widgets.py).

The page trains a small network in the reader's browser on the course's
two-dimensional data sets. The build exports the data sets from
``course_code.datasets`` and, per activation offered, the gain of the He
initialisation that ``course_code.nn.MLP`` uses for its hidden layers; the
script draws its own standard normals from the seed and scales them the same
way (the output layer is LeCun normal, standard deviation
$1/\\sqrt{\\text{fan-in}}$). The names in the data and the static version are
in the page's language (``hooks/_widget_i18n.py``).
"""

from __future__ import annotations

import math
import posixpath
import re

from _widget_i18n import check_language, function_name

from course_code import datasets
from course_code.initializers import calculate_gain, gain_name

SCRIPTS = ("activations.js",)

#: Coordinates are rounded to this many decimals: the page stays light, and a
#: difference of 5e-5 changes no decision region the reader can see.
DECIMALS = 4

#: The data sets, as the course generates them (experiments.py, the XOR
#: chapter): display name and generator.
DATASETS = {
    "xor": ("XOR", lambda: datasets.xor(25, noise=0.1, seed=0)),
    "spirals": ("Spirals", lambda: datasets.spirals(100, 3, seed=0)),
    "circles": ("Circles", lambda: datasets.circles(100, seed=0)),
    "moons": ("Two moons", lambda: datasets.two_moons(100, noise=0.1, seed=0)),
}
#: The data sets' names in each language (English: those above).
DATASET_NAMES = {
    "en": {key: name for key, (name, _) in DATASETS.items()},
    "zh": {"xor": "XOR", "spirals": "螺旋", "circles": "同心圆", "moons": "双月"},
}
#: The static version, by language: a sentence, the table's head, and the
#: sentence that links the notebook.
FALLBACK = {
    "en": {
        "text": "With JavaScript, this block trains a small network on one of these"
        " data sets and draws its decision regions and its loss as it learns.",
        "head": "| Data set | Points | Classes |",
        "notebook": "The notebook [Activations compared on toy problems]({notebook})"
        " draws the decision regions of trained networks for several activations.",
    },
    "zh": {
        "text": "启用 JavaScript 后，这里会在其中一个数据集上训练一个小型网络，"
        "并在它学习的过程中画出它的决策区域和损失。",
        "head": "| 数据集 | 点数 | 类别数 |",
        "notebook": "笔记本[在玩具问题上比较激活函数]({notebook})画出了用几种激活函数"
        "训练的网络的决策区域。",
    },
}

#: Catalogue keys offered in the activation menu.
ACTIVATION_KEYS = (
    "relu",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "softplus",
    "tanh",
    "sigmoid",
)

DEFAULTS = {
    "dataset": "xor",
    "activation": "relu",
    "hidden": [4],
    "lr": 0.3,
    "seed": 1,
}
#: Bounds of the controls: the width slider, the learning-rate slider.
WIDTH_RANGE = (2, 32)
#: The learning rates the slider steps through, about three per decade.
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
#: Training stops at 100 % training accuracy or after this many epochs.
MAX_EPOCHS = 5000


def he_gain(activation: str) -> float:
    """The gain of ``course_code.nn.MLP``'s hidden layers for ``activation``.

    ``Dense`` calls ``he_normal(nonlinearity=gain_name(activation))`` with its
    default ``a=0.0``, so a leaky ReLU gets ReLU's gain $\\sqrt 2$.

    >>> round(he_gain("tanh"), 4), round(he_gain("gelu"), 4)
    (1.6667, 1.4142)
    """
    return calculate_gain(gain_name(activation), 0.0)


def export_dataset(key: str, lang: str = "en") -> dict:
    """One data set as JSON: its name in ``lang``, points rounded to
    ``DECIMALS``, integer labels."""
    _, make = DATASETS[key]
    X, y = make()
    return {
        "name": DATASET_NAMES[check_language(lang)][key],
        "x": [[round(float(a), DECIMALS), round(float(b), DECIMALS)] for a, b in X],
        "y": [int(label) for label in y],
        "classes": int(y.max()) + 1,
    }


def _choice(options: dict[str, str], key: str, allowed) -> str:
    value = options.get(key, DEFAULTS[key])
    if value not in allowed:
        raise ValueError(
            f"playground option {key}={value!r}: expected one of {', '.join(allowed)}"
        )
    return value


def _hidden(options: dict[str, str]) -> list[int]:
    if "hidden" not in options:
        return list(DEFAULTS["hidden"])
    text = options["hidden"]
    lo, hi = WIDTH_RANGE
    widths = text.split(",")
    if len(widths) not in (1, 2) or not all(
        re.fullmatch(r"[0-9]+", w) and lo <= int(w) <= hi for w in widths
    ):
        raise ValueError(
            f"playground option hidden={text!r}: expected one or two widths "
            f"between {lo} and {hi}, separated by a comma, such as 16,16"
        )
    if len(set(widths)) > 1:
        # The page has one width slider for every hidden layer.
        raise ValueError(
            f"playground option hidden={text!r}: two layers take the same "
            "width (the page has one width control), such as 16,16"
        )
    return [int(w) for w in widths]


def _lr(options: dict[str, str]) -> float:
    if "lr" not in options:
        return DEFAULTS["lr"]
    text = options["lr"]
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if value not in LEARNING_RATES:  # NaN is not in it either
        raise ValueError(
            f"playground option lr={text!r}: expected one of "
            + ", ".join(f"{rate:g}" for rate in LEARNING_RATES)
        )
    return value


def _seed(options: dict[str, str]) -> int:
    if "seed" not in options:
        return DEFAULTS["seed"]
    text = options["seed"]
    if not re.fullmatch(r"[0-9]{1,10}", text) or int(text) >= 2**32:
        raise ValueError(
            f"playground option seed={text!r}: expected a whole number from 0 "
            f"to {2**32 - 1}"
        )
    return int(text)


def settings(options: dict[str, str]) -> dict:
    """The initial state of the controls, from the placeholder's options.

    >>> settings({"dataset": "spirals", "hidden": "16,16"})["hidden"]
    [16, 16]
    """
    unknown = sorted(set(options) - {"dataset", "activation", "hidden", "lr", "seed"})
    if unknown:
        raise ValueError(
            f"playground option {unknown[0]!r} is unknown: expected dataset, "
            "activation, hidden, lr or seed"
        )
    return {
        "dataset": _choice(options, "dataset", DATASETS),
        "activation": _choice(options, "activation", ACTIVATION_KEYS),
        "hidden": _hidden(options),
        "lr": _lr(options),
        "seed": _seed(options),
    }


def data(options: dict[str, str], lang: str = "en") -> dict:
    """The data sets, the activations offered, and the initial settings.

    The names of the data sets and of the activations are in ``lang``.
    """
    check_language(lang)
    return {
        "datasets": {key: export_dataset(key, lang) for key in DATASETS},
        "activations": [
            [key, function_name(key, lang), he_gain(key)] for key in ACTIVATION_KEYS
        ],
        "initial": settings(options),
        "widthRange": list(WIDTH_RANGE),
        "learningRates": list(LEARNING_RATES),
        "maxEpochs": MAX_EPOCHS,
    }


def fallback(options: dict[str, str], page_dir: str, lang: str = "en") -> str:
    """A table of the data sets and where trained decision regions are drawn,
    in ``lang``."""
    text = FALLBACK[check_language(lang)]
    settings(options)  # bad options fail the build here too
    rows = []
    for key, (_, make) in DATASETS.items():
        X, y = make()
        rows.append(f"| {DATASET_NAMES[lang][key]} | {len(X)} | {int(y.max()) + 1} |")
    notebook = posixpath.relpath("notebooks/compare.ipynb", page_dir or ".")
    return (
        f"{text['text']}\n\n{text['head']}\n| :-- | --: | --: |\n"
        + "\n".join(rows)
        + "\n\n"
        + text["notebook"].format(notebook=notebook)
    )

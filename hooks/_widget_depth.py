r"""The depth widget's data and static version (contract: hooks/_widgets.py).

The widget repeats ``course_code.experiments.depth_signal`` in the page:
square layers without biases, standard-normal weights scaled by an
initialisation's standard deviation, a batch of standard-normal inputs, and
the loss $L = \sum h_L \odot r$. The standard deviations come from
``course_code.initializers.init_std`` here, so the script does not retype
them. The names in the data and the static version are in the page's
language (``hooks/_widget_i18n.py``).
"""

from __future__ import annotations

import math

from _values import call
from _widget_i18n import check_language, function_name

#: The shared script with the activations and their derivatives.
SCRIPTS = ("activations.js",)
#: The activations offered, catalogue keys (elementwise, in catalogue order).
ACTIVATIONS = (
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "selu",
    "gelu",
    "silu",
    "mish",
    "softplus",
)
#: The schemes of ``course_code.initializers.init_std``, with their names.
SCHEMES = {"xavier": "Xavier (Glorot)", "he": "He (Kaiming)", "lecun": "LeCun"}
#: Schemes of one standard deviation whatever the width, with their names:
#: ``course_code.initializers.normal`` with its default (1), the classic way
#: to make a deep network explode, and a small one (0.01), to make it vanish.
FIXED = {"normal": "Normal, std 1", "small": "Normal, std 0.01"}
#: Every scheme's name in each language (English: the two tables above).
SCHEME_NAMES = {
    "en": {**SCHEMES, **FIXED},
    "zh": {
        "xavier": "Xavier（Glorot）",
        "he": "He（Kaiming）",
        "lecun": "LeCun",
        "normal": "正态，标准差 1",
        "small": "正态，标准差 0.01",
    },
}
#: The static version, by language: the table's head, its rows (activation
#: and initialisation) and the sentence under it.
FALLBACK = {
    "en": {
        "head": "| Activation, initialisation"
        " | Gradient norm at layer 1 / at layer 20 |",
        "row": "{activation}, {init}",
        "text": "Twenty square layers of 128 units at initialisation, computed when"
        " this page was built; with JavaScript the page draws every layer and"
        " lets you change the activation, the initialisation, the depth and"
        " the width.",
    },
    "zh": {
        "head": "| 激活函数、初始化 | 第 1 层与第 20 层的梯度范数之比 |",
        "row": "{activation}、{init}",
        "text": "20 个各含 128 个单元的方阵层，处于初始化状态，数值在构建本页时"
        "算出；启用 JavaScript 后，本页会画出每一层，并让你更改激活函数、"
        "初始化、深度和宽度。",
    },
}
#: The slider ranges; depth and width as ``depth_signal`` takes them.
DEPTHS = (2, 100)
WIDTHS = (8, 512)
#: What the page shows first: fast to compute, and the chapter's failure.
DEFAULTS = {"activation": "sigmoid", "init": "xavier", "depth": 30, "width": 128}
#: Examples in the batch, as in ``depth_signal``.
BATCH = 64


def std_factor(activation: str, scheme: str) -> float:
    r"""The weights' standard deviation times $\sqrt{n}$, square layers of $n$ units.

    Parameters
    ----------
    activation : str
        A key of ``ACTIVATIONS``; He takes its gain from
        ``course_code.initializers.gain_name``.
    scheme : str
        A key of ``SCHEMES``.

    Returns
    -------
    float
        ``init_std(scheme, n, n, nonlinearity=gain_name(activation)) * sqrt(n)``,
        the same for every $n$ (every scheme divides by a fan).
    """
    from course_code.initializers import gain_name, init_std

    n = 64  # any width: the factor does not depend on it
    return init_std(scheme, n, n, nonlinearity=gain_name(activation)) * math.sqrt(n)


def fixed_std(scheme: str) -> float:
    """The standard deviation of a scheme of ``FIXED``.

    ``"normal"`` is ``course_code.initializers.normal``'s default; ``"small"``
    is 0.01.

    >>> fixed_std("normal"), fixed_std("small")
    (1.0, 0.01)
    """
    import inspect

    from course_code.initializers import normal

    if scheme == "normal":
        return float(inspect.signature(normal).parameters["std"].default)
    if scheme == "small":
        return 0.01
    raise ValueError(f"scheme {scheme!r}: expected one of {', '.join(FIXED)}")


def _choice(options: dict[str, str], key: str, allowed) -> str:
    value = options.get(key, DEFAULTS[key])
    if value not in allowed:
        raise ValueError(
            f"depth widget: option {key}={value!r}: expected one of "
            + ", ".join(allowed)
        )
    return value


def _integer(options: dict[str, str], key: str, bounds: tuple[int, int]) -> int:
    text = str(options.get(key, DEFAULTS[key]))
    lo, hi = bounds
    if not text.isdigit() or not lo <= int(text) <= hi:
        raise ValueError(
            f"depth widget: option {key}={text!r}: expected a whole number "
            f"from {lo} to {hi}"
        )
    return int(text)


def initial(options: dict[str, str]) -> dict:
    """The validated first state from the placeholder's options.

    Raises
    ------
    ValueError
        For an unknown option or a bad value, naming the option.
    """
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise ValueError(
            f"depth widget: unknown option {unknown[0]!r}: expected "
            f"{', '.join(DEFAULTS)}"
        )
    return {
        "activation": _choice(options, "activation", ACTIVATIONS),
        "init": _choice(options, "init", (*SCHEMES, *FIXED)),
        "depth": _integer(options, "depth", DEPTHS),
        "width": _integer(options, "width", WIDTHS),
    }


def data(options: dict[str, str], lang: str = "en") -> dict:
    """The JSON the script reads: choices, standard deviations, first state.

    The choices' names are in language ``lang``.
    """
    names = SCHEME_NAMES[check_language(lang)]
    return {
        "activations": [[key, function_name(key, lang)] for key in ACTIVATIONS],
        "schemes": [[key, names[key]] for key in (*SCHEMES, *FIXED)],
        # std = factor / sqrt(width), from course_code.initializers.init_std.
        "factor": {
            key: {scheme: std_factor(key, scheme) for scheme in SCHEMES}
            for key in ACTIVATIONS
        },
        # std for the schemes that do not depend on the width.
        "fixed": {key: fixed_std(key) for key in FIXED},
        "depths": list(DEPTHS),
        "widths": list(WIDTHS),
        "batch": BATCH,
        "initial": initial(options),
    }


def fallback(options: dict[str, str], page_dir: str, lang: str = "en") -> str:
    """A table of the optimisation chapter's numbers and one sentence, in ``lang``."""
    text = FALLBACK[check_language(lang)]
    initial(options)  # the same errors with or without the script
    rows = [  # activation, scheme and its short name (the same in every language)
        ("sigmoid", "xavier", "Xavier", ".1e"),
        ("tanh", "xavier", "Xavier", ".2f"),
        ("relu", "he", "He", ".2f"),
    ]
    table = "\n".join(
        "| {} | {} |".format(
            text["row"].format(activation=function_name(key, lang), init=init),
            format(call("gradient_ratio", [key, scheme]), spec),
        )
        for key, scheme, init, spec in rows
    )
    return f"{text['head']}\n| --- | --- |\n{table}\n\n{text['text']}"

"""The widgets' languages, on the build's side (contract: hooks/_widgets.py).

A widget is placed on a page of one language, ``"en"`` or ``"zh"``
(``hooks/_i18n.py``). The build writes what it knows in that language: the
static version, and the names that travel with the data (data sets,
initialisations, choices, the functions' names). What the scripts write
themselves (labels, readouts, summaries) is in their own string table
(``common.js``, ``strings-zh.js``).

A function's name is the catalogue's ``display_name``, except where the
Chinese catalogue pages name it otherwise (their headings): leaky ReLU is
带泄漏 ReLU, the shrinkage functions are 收缩 functions.
"""

from __future__ import annotations

from _i18n import LANGUAGES

#: Functions whose Chinese name is not the catalogue's display name, as the
#: headings of ``docs/chapters/catalogue/*.zh.md`` name them.
FUNCTION_NAMES_ZH = {
    "leaky_relu": "带泄漏 ReLU",
    "gelu_tanh": "GELU 的 tanh 近似",
    "silu": "SiLU（Swish）",
    "softshrink": "软收缩",
    "hardshrink": "硬收缩",
    "tanhshrink": "Tanh 收缩",
}


def check_language(lang: str) -> str:
    """Return ``lang`` if the widgets speak it, else raise ``ValueError``.

    >>> check_language("zh")
    'zh'
    >>> check_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang='fr': expected one of en, zh
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang={lang!r}: expected one of {', '.join(LANGUAGES)}")
    return lang


def function_name(key: str, lang: str = "en") -> str:
    """The name of catalogue function ``key`` in language ``lang``.

    >>> function_name("leaky_relu"), function_name("leaky_relu", "zh")
    ('Leaky ReLU', '带泄漏 ReLU')
    >>> function_name("relu", "zh")
    'ReLU'
    """
    from course_code.catalogue import ACTIVATIONS

    if check_language(lang) == "zh" and key in FUNCTION_NAMES_ZH:
        return FUNCTION_NAMES_ZH[key]
    return ACTIVATIONS[key].display_name

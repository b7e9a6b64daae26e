"""Widgets a reader moves: ``<!-- course:widget NAME [KEY=VALUE ...] -->``.

A widget is a block of the page that a script makes interactive. The
placeholder, alone on a line, becomes::

    <div class="course-widget" data-widget="NAME" data-KEY="VALUE" ... data-json="data">
      <div class="course-widget__fallback"> the static version </div>
    </div>
    <script src=".../assets/javascripts/widgets/common.js" defer></script>
    <script src=".../assets/javascripts/widgets/NAME.js" defer></script>

* The static version (Markdown: a figure and a sentence) is what a reader
  without JavaScript sees; the script hides it once the widget is drawn.
* The data is what the build knows and the script must not retype (the
  catalogue's facts, the data sets), as JSON, from ``course_code``. It is an
  attribute, not a ``<script type="application/json">``: instant navigation
  re-creates every script of the page it brings in without its ``type``,
  which would run the JSON as code and lose it.
* The scripts sit in the page, not in every page's ``<head>``: only pages
  with a widget load them, and Material's instant navigation runs the
  scripts of the page it brings in. ``defer``: on a first visit they wait
  for the page to be parsed instead of holding it up. ``common.js``
  (``CourseWidgets``) mounts every widget not yet mounted, each time a widget
  script runs.

Each widget ``NAME`` is a module ``hooks/_widget_NAME.py``, listed in
``WIDGETS`` (MkDocs puts ``hooks/`` on the import path only while it loads
the hooks, so the modules are imported then), with two
functions of the placeholder's ``KEY=VALUE`` options (strings) and of the
page's language ``lang`` (``"en"`` or ``"zh"``):

``data(options, lang) -> dict``
    The JSON the script reads (no TeX in it: the page's math is typeset
    before the scripts run, and the data is never typeset). Names in it
    that a reader sees (data sets, initialisations) are in ``lang``.
``fallback(options, page_dir, lang) -> str``
    The Markdown of the static version, in ``lang``; ``page_dir`` is the
    page's folder under ``docs/``, for relative links to figures.

and a script ``docs/assets/javascripts/widgets/NAME.js`` that queues its
mount function (see ``common.js``). A module may list, in ``SCRIPTS``, the
shared scripts its widget needs besides ``common.js``, such as
``activations.js`` (the activations and their derivatives).

Languages: on a page in another language than English, the block carries
``data-lang="LANG"`` and loads ``strings-LANG.js``, that language's table
of what the scripts write (labels, readouts, summaries); ``common.js``
holds the English one and mounts a widget once its language's table is
there. ``hooks/_widget_i18n.py`` checks ``lang`` and names the functions.
"""

from __future__ import annotations

import html
import json
import re

import _widget_depth
import _widget_explorer
import _widget_playground
from _widget_i18n import check_language

NAME = re.compile(r"[a-z][a-z0-9_]*")
SCRIPTS = "assets/javascripts/widgets"
WIDGETS = {
    "explorer": _widget_explorer,
    "depth": _widget_depth,
    "playground": _widget_playground,
}


def options_of(words: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` words as a dict; a bare word ``KEY`` is ``KEY="true"``.

    >>> options_of(["functions=relu,elu", "compact"])
    {'functions': 'relu,elu', 'compact': 'true'}
    """
    options = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not NAME.fullmatch(key):
            raise ValueError(f"option {word!r}: expected KEY=VALUE or KEY")
        options[key] = value if sep else "true"
    return options


def root_of(page_url: str) -> str:
    """The relative path from a page's URL (directory URLs) to the site's root.

    >>> root_of(""), root_of("explore/"), root_of("chapters/catalogue/relu-family/")
    ('', '../', '../../../')
    """
    return "../" * page_url.count("/")


def module(name: str):
    if name not in WIDGETS:
        raise ValueError(f"no widget {name!r} (expected one of {', '.join(WIDGETS)})")
    return WIDGETS[name]


def scripts(name: str, lang: str = "en") -> list[str]:
    """The scripts a widget ``name`` loads on a page in ``lang``, in order.

    >>> scripts("depth"), scripts("depth", "zh")[:2]
    (['common.js', 'activations.js', 'depth.js'], ['common.js', 'strings-zh.js'])
    """
    strings = [] if check_language(lang) == "en" else [f"strings-{lang}.js"]
    shared = list(getattr(module(name), "SCRIPTS", ()))
    return ["common.js", *strings, *shared, f"{name}.js"]


def widget(words: list[str], page_dir: str, page_url: str, lang: str = "en") -> str:
    """The Markdown and HTML of ``<!-- course:widget NAME ... -->``.

    Parameters
    ----------
    words : list of str
        The placeholder's words after ``widget``: ``NAME`` and its options.
    page_dir : str
        The page's folder under ``docs/``, for the static version's links.
    page_url : str
        The page's URL (directory URLs), for the scripts' relative paths.
    lang : str
        The page's language, ``"en"`` or ``"zh"``: that of the static
        version, of the names in the data, and of what the scripts write.

    Raises
    ------
    ValueError
        For an unknown widget, language or option, naming it.
    """
    if not words:
        raise ValueError("expected '<!-- course:widget NAME [KEY=VALUE ...] -->'")
    check_language(lang)
    name, options = words[0], options_of(words[1:])
    parts = module(name)
    reserved = {"widget", "json", "mounted", "lang"} & set(options)
    if reserved:
        raise ValueError(f"option {sorted(reserved)[0]!r} is reserved")
    data = parts.data(options, lang)
    data = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    root = root_of(page_url)
    attributes = " ".join(
        f'data-{key.replace("_", "-")}="{html.escape(value)}"'
        for key, value in options.items()
    )
    # English, the default, is not written: English pages stay as they were.
    if lang != "en":
        attributes = f'data-lang="{lang}" {attributes}'
    return (
        f'<div class="course-widget" data-widget="{name}" {attributes}'.rstrip()
        + f' data-json="{html.escape(data)}" markdown'
        + ">\n"
        + '<div class="course-widget__fallback" markdown>\n\n'
        + parts.fallback(options, page_dir, lang).strip()
        + "\n\n</div>\n"
        + "</div>\n"
        + "".join(
            f'<script src="{root}{SCRIPTS}/{script}" defer></script>\n'
            for script in scripts(name, lang)
        )
    )

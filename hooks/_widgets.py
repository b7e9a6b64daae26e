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
functions of the placeholder's ``KEY=VALUE`` options (strings):

``data(options) -> dict``
    The JSON the script reads (no TeX in it: the page's math is typeset
    before the scripts run, and the data is never typeset).
``fallback(options, page_dir) -> str``
    The Markdown of the static version; ``page_dir`` is the page's folder
    under ``docs/``, for relative links to figures.

and a script ``docs/assets/javascripts/widgets/NAME.js`` that queues its
mount function (see ``common.js``). A module may list, in ``SCRIPTS``, the
shared scripts its widget needs besides ``common.js``, such as
``activations.js`` (the activations and their derivatives).
"""

from __future__ import annotations

import html
import json
import re

import _widget_depth
import _widget_explorer
import _widget_playground

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


def widget(words: list[str], page_dir: str, page_url: str) -> str:
    """The Markdown and HTML of ``<!-- course:widget NAME ... -->``."""
    if not words:
        raise ValueError("expected '<!-- course:widget NAME [KEY=VALUE ...] -->'")
    name, options = words[0], options_of(words[1:])
    parts = module(name)
    reserved = {"widget", "json", "mounted"} & set(options)
    if reserved:
        raise ValueError(f"option {sorted(reserved)[0]!r} is reserved")
    data = json.dumps(parts.data(options), separators=(",", ":"), allow_nan=False)
    root = root_of(page_url)
    attributes = " ".join(
        f'data-{key.replace("_", "-")}="{html.escape(value)}"'
        for key, value in options.items()
    )
    return (
        f'<div class="course-widget" data-widget="{name}" {attributes}'.rstrip()
        + f' data-json="{html.escape(data)}" markdown'
        + ">\n"
        + '<div class="course-widget__fallback" markdown>\n\n'
        + parts.fallback(options, page_dir).strip()
        + "\n\n</div>\n"
        + "</div>\n"
        + "".join(
            f'<script src="{root}{SCRIPTS}/{script}" defer></script>\n'
            for script in ("common.js", *getattr(parts, "SCRIPTS", ()))
        )
        + f'<script src="{root}{SCRIPTS}/{name}.js" defer></script>\n'
    )

"""Material's search index: formulas as text, cards first, kept on disk.

Not a hook itself: ``hooks/course.py`` calls :func:`install` from its
``on_config``, which wraps Material's ``SearchIndex.add_entry_from_context``:

* **Formulas as text.** The index is built before the math is typeset, so
  Material would index TeX source, ``\\(x\\,\\Phi(x)\\)``, and show it in the
  results. Each formula outside code becomes plain text, ``x Φ(x)``
  (:func:`readable_math`, with pylatexenc).
* **Cards first.** A catalogue card's section gets a boost, so that a
  function's name finds its card before the pages that mention it.
* **Kept on disk.** Material's plugin parses the HTML of every page, on every
  build: a fifth of a warm build. The sections of a page are a function of
  what the plugin reads (the page's HTML, table of contents, address, title
  and front matter) and of this file, so they are kept in
  ``.cache/course/search/<Material's version>-<this file's hash>/`` under a
  hash of those, and only the pages whose hash is new are parsed.

* **Whole words first.** Material asks lunr for each word of a query as a
  prefix (``relu*``), which finds longer words too (``relu6``), and lunr
  weighs the rarer word more: "relu" listed ReLU6's card before ReLU's. The
  course's search workers (:func:`worker`, :data:`EN_WORKER` and the
  Chinese one of ``_i18n``) are Material's, with each word also counted
  whole, :data:`WHOLE_WORD_BOOST` times.

* **No quiz panels.** mkdocs-quiz's progress sidebar and results panel say
  what the reader has answered; they are not content, and the index never
  sees them (:func:`without_quiz_panels`). (Material's own
  ``data-search-exclude`` fails on an element with a ``div`` inside.)

``tests/test_hooks_units.py`` tests these functions; ``tests/test_site.py``
reads the built index.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path

from _cache import CACHE, prune, prune_files, write_atomically

_THIS = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]
#: The folder of the entries made by this Material version and this file.
FOLDER = CACHE / "search" / f"{version('mkdocs-material')}-{_THIS}"

#: Code in an entry's text, where a backslash or a dollar is code.
CODE = re.compile(r"(<pre>.*?</pre>|<code>.*?</code>)", re.DOTALL)
#: A formula as arithmatex leaves it for the typesetter, \(...\) or \[...\],
#: or as a notebook's Markdown cell writes it, $...$ or $$...$$.
FORMULA = re.compile(
    r"\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$",
    re.DOTALL,
)
#: A group of several characters after ^ or _: its parentheses must stay.
GROUP = re.compile(r"([\^_])\{([^{}]{2,})\}")
#: A fraction, its parts holding groups one deep: \frac{e^{x} - 1}{2}.
FRACTION = re.compile(
    r"\\[td]?frac\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}"
)
#: A part of a fraction that needs no parentheses: one symbol or number.
SIMPLE = re.compile(r"^\s*(?:\\?[A-Za-z]+|[\d.]+)\s*$")
#: A function name right after a letter, a digit or a group: 1/β log(...).
FUNCTION = re.compile(r"(?<=[\w}])(\\(?:operatorname|log|ln|exp|tanh|max|min)\b)")
#: A command followed by a space, which TeX (and pylatexenc) would swallow.
COMMAND_SPACE = re.compile(r"(\\[A-Za-z]+) ")
#: A heading followed by a catalogue card (hooks/_tables.card): its anchor.
CARD = re.compile(
    r'<h[1-6] id="([^"]+)"[^>]*>(?:(?!</h).)*</h[1-6]>\s*<div class="course-card"'
)
#: How much more a card's section weighs than another section.
CARD_BOOST = 10


#: A page's Material configuration, and the search worker it names.
CONFIG = re.compile(r'<script id="__config" type="application/json">\{[^<]*?</script>')
CONFIG_WORKER = re.compile(r'("search":\s*"[^"]*/)(search\.[0-9a-f]+\.min\.js)(")')
#: The English pages' search worker, beside Material's.
EN_WORKER = "assets/javascripts/workers/search-en.js"
#: How much more a query's word counts whole than as the start of a longer one.
WHOLE_WORD_BOOST = 10


def material_worker() -> str:
    """The file name of Material's search worker, beside the course's."""
    from material import templates

    workers = Path(templates.__file__).parent / "assets" / "javascripts" / "workers"
    (found,) = sorted(workers.glob("search.*.min.js"))
    return found.name


def worker(also: str = "") -> str:
    """A search worker: Material's, with whole words first, and ``also``."""
    return f"""// A search worker of the course (hooks/_search.py): Material's own,
// with whole words first.
importScripts("{material_worker()}");
// Material asks lunr for each word as a prefix ("relu*"), which also finds
// longer words ("relu6"), and lunr weighs the rarer word more. Each word of
// Latin letters and digits also counts whole, so that "relu" finds ReLU
// before ReLU6. (A Chinese query comes cut into the index's own words, each
// a prefix: counted whole, a word of one character would outweigh the rest.)
(function () {{
  var search = lunr.Index.prototype.search;
  var prefix = /(^|\\s)([+-]?)([A-Za-z0-9][\\w.]*)\\*(?=\\s|$)/g;
  lunr.Index.prototype.search = function (query) {{
    var whole = [];
    query.replace(prefix, function (all, space, sign, word) {{
      if (sign !== "-") whole.push(word + "^{WHOLE_WORD_BOOST}");
      return all;
    }});
    return search.call(this, whole.length ? query + " " + whole.join(" ") : query);
  }};
}})();
{also}"""


def use_worker(output: str, name: str) -> str:
    """Point the page's Material configuration at search worker ``name``.

    >>> use_worker(
    ...     '<script id="__config" type="application/json">{"search": '
    ...     '"../workers/search.0a1b.min.js"}</script>',
    ...     "search-en.js",
    ... )  # doctest: +NORMALIZE_WHITESPACE
    '<script id="__config" type="application/json">{"search":
     "../workers/search-en.js"}</script>'
    """
    return CONFIG.sub(
        lambda config: CONFIG_WORKER.sub(
            lambda m: f"{m[1]}{name}{m[3]}", config[0], count=1
        ),
        output,
        count=1,
    )


@cache
def _latex():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")


def _fraction(match: re.Match) -> str:
    """``\\frac{a}{b}`` as ``a/b``, each part in parentheses unless simple."""
    parts = (p if SIMPLE.match(p) else f"({p})" for p in (match[1], match[2]))
    return "/".join(parts)


def _formula_text(match: re.Match) -> str:
    tex = html.unescape(next(group for group in match.groups() if group is not None))
    tex = GROUP.sub(r"\1(\2)", FRACTION.sub(_fraction, tex))
    tex = COMMAND_SPACE.sub(r"\1{} ", FUNCTION.sub(r" \1", tex))
    text = _latex().latex_to_text(tex)
    return html.escape(" ".join(text.split()), quote=False)


def readable_math(text: str) -> str:
    """``text`` (HTML) with each formula outside code as plain text.

    ``\\(x\\,\\Phi(x)\\)`` becomes ``x Φ(x)``, and ``\\(e^{x/\\alpha}\\)``
    becomes ``e^(x/α)``: a group after ``^`` or ``_`` keeps its parentheses.
    Inside ``<pre>`` and ``<code>`` nothing changes.
    """
    parts = CODE.split(text)
    for i in range(0, len(parts), 2):  # the even parts are outside code
        parts[i] = FORMULA.sub(_formula_text, parts[i])
    return "".join(parts)


#: The opening tags of mkdocs-quiz's panels.
QUIZ_PANELS = ('<div id="quiz-progress-sidebar"', '<div id="quiz-results"')
DIV_TAG = re.compile(r"<div\b|</div>")


def without_quiz_panels(page_html: str) -> str:
    """``page_html`` without mkdocs-quiz's progress panels (each a ``div``)."""
    for panel in QUIZ_PANELS:
        start = page_html.find(panel)
        if start < 0:
            continue
        depth = 0
        for tag in DIV_TAG.finditer(page_html, start):
            depth += 1 if tag[0] == "<div" else -1
            if depth == 0:
                page_html = page_html[:start] + page_html[tag.end() :]
                break
    return page_html


def card_anchors(page_html: str) -> frozenset:
    """The anchors of the sections of ``page_html`` that hold a catalogue card."""
    return frozenset(CARD.findall(page_html))


def finish(entry: dict, cards: frozenset = frozenset()) -> dict:
    """One entry as the index keeps it: formulas as text, and a boost if its
    section's anchor is one of ``cards``."""
    entry["title"] = readable_math(entry["title"])
    entry["text"] = readable_math(entry["text"])
    if entry["location"].partition("#")[2] in cards:
        entry["boost"] = CARD_BOOST
    return entry


def _toc(items) -> list:
    """The table of contents as plain data: what the entries' addresses use."""
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def page_key(page) -> str:
    """Hash of everything Material's ``add_entry_from_context`` reads of ``page``."""
    parts = (
        page.url,
        str(page.title),
        json.dumps(page.meta, sort_keys=True, default=str),
        json.dumps(_toc(page.toc or [])),
        page.content or "",
    )
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def cached(parse):
    """Wrap Material's ``SearchIndex.add_entry_from_context``: ``parse``."""

    def add_entry_from_context(index, page):
        path = FOLDER / f"{page_key(page)}.json"
        try:
            index.entries.extend(json.loads(path.read_text(encoding="utf-8")))
            path.touch()  # in use: not stale
            return
        except (OSError, ValueError):
            pass  # a new page, or a damaged entry: parse it
        start, content = len(index.entries), page.content
        page.content = without_quiz_panels(content)
        try:
            parse(index, page)
        finally:
            page.content = content
        cards = card_anchors(content)
        index.entries[start:] = [finish(e, cards) for e in index.entries[start:]]
        write_atomically(path, json.dumps(index.entries[start:]))

    add_entry_from_context.__wrapped__ = parse
    return add_entry_from_context


def install() -> None:
    """Make Material's search plugin index pages through :func:`cached`."""
    from material.plugins.search.plugin import SearchIndex

    method = SearchIndex.add_entry_from_context
    if getattr(method, "__wrapped__", None) is None:  # once per process
        SearchIndex.add_entry_from_context = cached(method)
    prune(FOLDER.parent, FOLDER.name)


def prune_entries() -> None:
    """Delete the entries no build has read for STALE_AFTER seconds."""
    prune_files(FOLDER, "*.json")

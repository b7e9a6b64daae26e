"""Placeholders and quiz answers in a page's Markdown, as text in, text out.

Not a hook itself: ``hooks/course.py`` runs ``expand`` and ``check_answers``
on every Markdown page (the syntax for writers is in its docstring).

Contract:

* ``expand(markdown, page)`` replaces each ``<!-- course:... -->`` outside
  fenced code blocks by its Markdown: ``properties-table``,
  ``frameworks-table KEY ...`` and ``card KEY`` (alone on a line) by
  ``hooks/_tables.py``, ``idea NAME`` (alone on a line) by
  ``hooks/_ideas.py``; ``value NAME ARG ... FMT`` (anywhere) by
  ``format(NAME(ARG, ...), FMT)``, ``NAME`` a function of ``hooks/_values.py``;
  ``widget NAME [KEY=VALUE ...]`` (alone on a line) by ``hooks/_widgets.py``.
* ``check_answers(markdown, page)`` checks, in each ``<quiz>``, every
  fill-in blank ``[[...]]`` against the ``<!-- answer: EXPR -->`` after it
  (``rounds_to``) and removes the answers.
* Both raise ``PluginError`` naming ``page.file.src_path`` and the line
  (``first_line`` is the page's first line in its file, after front matter).

``evaluate`` is how an answer's ``EXPR`` is computed: Python, with ``cc``
(``course_code``), ``np``, ``A`` (the catalogue), ``max_slope`` and every
function of ``hooks/_values.py`` by name.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

import numpy as np
from _cache import CACHE, KeptValues
from _i18n import page_language
from _ideas import idea
from _sources import dependency_hash
from _tables import card, frameworks_table, max_slope, properties_table
from _values import VALUES, call, values_hash
from _widgets import widget
from mkdocs.exceptions import PluginError

PLACEHOLDER = re.compile(r"<!--\s*course:(?P<body>.*?)-->", re.DOTALL)
ANSWER = re.compile(r"<!--\s*answer:(?P<expr>.*?)-->", re.DOTALL)
BLANK = re.compile(r"\[\[([^\]]+)\]\]")
QUIZ = re.compile(r"<quiz>.*?</quiz>", re.DOTALL)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


class NotUnderstood(ValueError):
    """A ``<!-- course: -->`` placeholder of no known form."""


@cache
def _namespace() -> dict:
    # ``cc.losses``, ``cc.experiments``... without importing them in the page.
    import course_code
    import course_code.datasets
    import course_code.experiments
    import course_code.gradcheck
    import course_code.initializers
    import course_code.layers
    import course_code.losses
    import course_code.nn
    from course_code.catalogue import ACTIVATIONS

    names = {"cc": course_code, "np": np, "A": ACTIVATIONS, "max_slope": max_slope}
    return {**VALUES, **names}


@cache
def answers_hash() -> str:
    """The answers' cache key: an answer may use any module of course_code
    (``cc.X``) and any function of ``hooks/_values.py``."""
    package = Path(__file__).resolve().parent.parent / "course_code"
    every_module = "\n".join(
        "import " + ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for path in sorted(package.rglob("*.py"))
        if path.name != "__init__.py"
    )
    tables = Path(__file__).with_name("_tables.py")  # max_slope
    return dependency_hash(
        Path(__file__), tables, every_module, f"# values {values_hash()}"
    )


@cache
def kept_answers() -> KeptValues:
    """The answers earlier builds computed, for this ``answers_hash``."""
    store = KeptValues(CACHE / "answers" / f"{answers_hash()}.json")
    store.prune()
    return store


def evaluate(expr: str):
    """Evaluate a quiz answer's expression (see the module's docstring).

    Kept on disk like the named values (``.cache/course/answers/``): a warm
    build imports none of the modules the answers need.
    """
    # A copy: eval adds __builtins__, and a page must not change the next's.
    # The site's own sources, not input.
    return kept_answers().value(expr, lambda: eval(expr, dict(_namespace())))


def fail(page, line: int, message: str) -> PluginError:
    """The build error for ``message`` at ``line`` of ``page``."""
    return PluginError(f"{page.file.src_path}:{line}: {message}")


def expand_one(
    body: str,
    page_dir: str = "",
    whole_line: bool = True,
    page_url: str = "",
    lang: str = "en",
) -> str:
    """The Markdown of one placeholder, given the text between ``course:`` and ``-->``.

    ``lang`` is the page's language (``"en"`` or ``"zh"``).
    Raises ``NotUnderstood`` for a placeholder of no known form.
    """
    words = body.split()
    kind = words[0] if words else ""
    if kind == "properties-table" and len(words) == 1 and whole_line:
        return properties_table(lang)
    if kind == "frameworks-table" and len(words) >= 2 and whole_line:
        return frameworks_table(words[1:], lang)
    if kind == "card" and len(words) == 2 and whole_line:
        return card(words[1], page_dir, lang)
    if kind == "idea" and len(words) == 2 and whole_line:
        return idea(words[1], lang)
    if kind == "value" and len(words) >= 3:
        return format(call(words[1], words[2:-1]), words[-1])
    if kind == "widget" and len(words) >= 2 and whole_line:
        return widget(words[1:], page_dir, page_url, lang=lang)
    raise NotUnderstood(
        "not understood (expected a line "
        "'<!-- course:properties-table -->', '<!-- course:card KEY -->' or "
        "'<!-- course:frameworks-table KEY ... -->', '<!-- course:idea NAME -->', "
        "'<!-- course:widget NAME [KEY=VALUE ...] -->', or "
        "'<!-- course:value NAME ARG ... FMT -->')"
    )


def _expand_one(body: str, page, line: int, whole_line: bool) -> str:
    try:
        return expand_one(
            body,
            posixpath.dirname(page.file.src_uri),
            whole_line,
            getattr(page, "url", ""),
            lang=page_language(page),
        )
    except NotUnderstood as error:
        raise fail(page, line, f"<!-- course:{body}--> is {error}") from None
    except Exception as error:
        raise fail(page, line, f"<!-- course:{body}--> failed: {error!r}") from None


def _outside_fences(markdown: str):
    """Yield (start, end) offsets of the text outside fenced code blocks."""
    start, fence = 0, None
    offset = 0
    for line in markdown.splitlines(keepends=True):
        match = FENCE.match(line)
        if match and fence is None:
            yield start, offset
            fence = match.group(1)[0] * len(match.group(1))
        elif match and fence is not None and match.group(1).startswith(fence):
            fence, start = None, offset + len(line)
        offset += len(line)
    if fence is None:
        yield start, len(markdown)


def expand(markdown: str, page, first_line: int = 1) -> str:
    """Replace every ``<!-- course: -->`` placeholder outside code fences."""
    pieces, last = [], 0
    for start, end in _outside_fences(markdown):
        for match in PLACEHOLDER.finditer(markdown, start, end):
            line = first_line + markdown.count("\n", 0, match.start())
            before = markdown[
                markdown.rfind("\n", 0, match.start()) + 1 : match.start()
            ]
            after_end = markdown.find("\n", match.end())
            after = markdown[match.end() : after_end if after_end >= 0 else None]
            whole = not before.strip() and not after.strip()
            pieces += [markdown[last : match.start()]]
            pieces += [_expand_one(match.group("body"), page, line, whole)]
            last = match.end()
    return "".join([*pieces, markdown[last:]])


def rounds_to(blank: str, value) -> bool:
    """True if ``value`` rounded to the digits ``blank`` shows equals it.

    A string must equal ``blank`` exactly.
    """
    if isinstance(value, str):
        return value == blank
    try:
        shown = float(blank)
    except ValueError:
        return False
    digits = len(blank.split(".")[1]) if "." in blank else 0
    return round(float(value), digits) == shown


def _check_quiz(text: str, page, line: int) -> str:
    """Check one quiz's blanks against their answers; return it without them."""
    blanks = BLANK.findall(text)
    answers = [a.strip() for a in ANSWER.findall(text)]
    if len(answers) != len(blanks):
        raise fail(
            page,
            line,
            f"quiz has {len(blanks)} fill-in blank(s) and {len(answers)} "
            "<!-- answer: EXPR --> comment(s); give one after each blank",
        )
    for blank, expr in zip(blanks, answers, strict=True):
        try:
            value = evaluate(expr)
        except Exception as error:
            raise fail(page, line, f"answer {expr!r}: {error!r}") from None
        if not rounds_to(blank.strip(), value):
            message = f"blank [[{blank}]] does not match its answer {expr} = {value!r}"
            raise fail(page, line, message)
    return ANSWER.sub("", text)


def check_answers(markdown: str, page, first_line: int = 1) -> str:
    """Check each quiz's ``<!-- answer: -->`` against its blank; strip it."""

    def quiz(match: re.Match) -> str:
        line = first_line + markdown.count("\n", 0, match.start())
        return _check_quiz(match.group(0), page, line)

    checked = QUIZ.sub(quiz, markdown)
    if stray := ANSWER.search(checked):
        line = first_line + checked.count("\n", 0, stray.start())
        raise fail(page, line, "<!-- answer: --> outside a <quiz> block")
    return checked

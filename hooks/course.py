"""The site's one hook: figures, tables, cards and numbers from ``course_code``.

For chapter writers
===================

A page never retypes what the code knows. Write one of these instead; the
build fails, naming the file and the line, on a ``<!-- course:`` comment it
does not understand or whose expression fails.

``![alt text](../figures/KEY.svg)``
    The figure of catalogue entry ``KEY`` (a key of
    ``course_code.catalogue.ACTIVATIONS``), drawn from the code at build
    time: the function (solid) and its derivative (dashed). Entries that are
    not elementwise get a slice instead: softmax and log-softmax of
    ``[x, 0]``; a gated unit ``f`` as ``f([1, x])`` (its gate) and
    ``f([x, x])`` (the gate applied to its own input); maxout of ``[x, 0]``,
    ``[x, -x]`` and ``[x, -x, 1]``. The path is relative to the page:
    ``../figures/`` from ``docs/chapters/``.

``<!-- course:properties-table -->`` (alone on a line)
    The comparison table of every catalogue entry.

``<!-- course:frameworks-table KEY KEY ... -->`` (alone on a line)
    The names of these catalogue entries in PyTorch (``F.`` is
    ``torch.nn.functional``, ``nn.`` is ``torch.nn``), Keras (functions of
    ``keras.activations`` without prefix, ``layers.`` for ``keras.layers``)
    and JAX (``jax.nn``), from the catalogue.

``<!-- course:card KEY -->`` (alone on a line)
    The card of ``KEY``: formula, derivative, figure, range, properties,
    default parameters, origin, PyTorch and Keras names, framework notes,
    minimum and steepest slope.

``<!-- course:value EXPR FMT -->`` (anywhere: prose, tables, math, quizzes)
    ``format(eval(EXPR), FMT)``. In ``EXPR``, ``cc`` is ``course_code``,
    ``np`` is NumPy, ``A`` is ``ACTIVATIONS`` and ``max_slope(KEY)`` returns
    ``(x, value)`` of the steepest slope of an elementwise entry (``x`` is
    ``inf`` when the slope only approaches its supremum). ``FMT`` is the last
    word, a format spec such as ``.5f``:
    ``<!-- course:value A["gelu"].minimum[1] .5f -->`` gives ``-0.16997``.

``<!-- answer: EXPR -->`` (inside a ``<quiz>``, after a fill-in blank)
    The value that the blank before it must hold: a fill-in blank is written
    literally (``[[0.25]]``, as mkdocs-quiz wants) and followed by this
    comment. The build checks that ``EXPR``, rounded to the digits the blank
    shows, equals the blank (a string must match exactly), then removes the
    comment, so the page source does not carry it. ``tests/test_quizzes.py``
    checks the same from the Markdown.

Placeholders inside fenced code blocks are left as they are, so a page can
show them. ``max_slope(KEY)`` returns ``(x, value, unique)``; ``unique`` is
False where the steepest slope holds on a whole interval (ReLU's 1).

Figures are SVG, dark lines on a transparent background; in the dark palette
``docs/assets/stylesheets/course.css`` inverts them (and turns the hue back).
They are cached in ``.cache/course/figures/<hash>/`` (``$COURSE_CACHE_DIR``
moves ``.cache/course``), keyed by the source of ``course_code`` and of this
file, so a warm build draws nothing; they are added to the build as generated
files and never committed. The hook also keys mkdocs-jupyter's notebook
cache by the same hash, so that a change to ``course_code`` executes the
notebooks again. Math is typeset by the other hook, ``hooks/typeset.py``.

Notebooks: a code cell that shows plots describes each one in its metadata,
``"alt": ["...", ...]``, one entry per image, in order; the hook puts them on
the images and fails the build, naming the cell, where the counts differ.
On the built pages the hook also sizes figures and loads all but the first
lazily, keeps only the notebook styles a page uses, publishes notebook plots
as files, and gives quiz question headings the level below their section.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import logging
import math
import os
import posixpath
import re
from functools import cache
from html import escape as escape_html
from pathlib import Path

import numpy as np
import tinycss2
from _cache import CACHE, ROOT, prune
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.course")

FIGURES = "figures"

PLACEHOLDER = re.compile(r"<!--\s*course:(?P<body>.*?)-->", re.DOTALL)
ANSWER = re.compile(r"<!--\s*answer:(?P<expr>.*?)-->", re.DOTALL)
BLANK = re.compile(r"\[\[([^\]]+)\]\]")
QUIZ = re.compile(r"<quiz>.*?</quiz>", re.DOTALL)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")

# --- the cache key -------------------------------------------------------------


@cache
def source_hash() -> str:
    """Hash of course_code's source and of this hook: the cache key."""
    digest = hashlib.sha256()
    sources = [*sorted((ROOT / "course_code").rglob("*.py")), Path(__file__)]
    for path in sources:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def figure_dir() -> Path:
    return CACHE / FIGURES / source_hash()


# --- facts computed from the code ---------------------------------------------


def _catalogue():
    from course_code.catalogue import ACTIVATIONS

    return ACTIVATIONS


def max_slope(key: str):
    """``course_code.catalogue.max_slope``: the steepest slope of ``key``."""
    from course_code.catalogue import max_slope as steepest

    return steepest(key)


@cache
def _namespace() -> dict:
    import course_code

    # ``cc.losses``, ``cc.experiments``... without importing them in the page.
    for module in (
        "losses",
        "initializers",
        "gradcheck",
        "nn",
        "datasets",
        "experiments",
        "layers",
    ):
        importlib.import_module(f"course_code.{module}")
    return {"cc": course_code, "np": np, "A": _catalogue(), "max_slope": max_slope}


def evaluate(expr: str):
    """Evaluate a placeholder's expression with cc, np, A and max_slope."""
    # A copy: eval adds __builtins__, and a page must not change the next's.
    return eval(expr, dict(_namespace()))  # the site's own sources, not input


# --- figures ------------------------------------------------------------------

FN_COLOUR, GRAD_COLOUR, THIRD_COLOUR = "#1f5fbf", "#d9590b", "#2e8b57"


def _axes():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "course",
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    fig.patch.set_alpha(0)
    ax.patch.set_alpha(0)
    ax.axhline(0, color="#888888", lw=0.8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.grid(True, color="#cccccc", lw=0.5)
    return plt, fig, ax


def _curves(key: str):
    """``x`` and the ``[(label, y, style)]`` to draw for the entry ``key``."""
    entry = _catalogue()[key]
    lo, hi = (-3.0, 9.0) if key == "relu6" else (-5.0, 5.0)
    x = np.linspace(lo, hi, 1201)
    if entry.elementwise:
        return x, [("f(x)", entry(x), "-"), ("f′(x)", entry.grad_at(x), "--")]
    return x, _slices(key, entry, x)


def _slices(key: str, entry, x):
    """Curves of a function of a vector: its first output along a slice."""
    from course_code import activations as act

    zero, one = np.zeros_like(x), np.ones_like(x)

    def first(columns, f=entry, **params):
        return f(np.stack(columns, axis=-1), **params)[..., 0]

    if key in ("softmax", "log_softmax"):
        s = act.softmax(np.stack([x, zero], axis=-1))
        # The first output's derivative along x, by the backward pass; for
        # log-softmax it is 1 - softmax([x, 0])₀.
        grad = act.softmax_backward(np.stack([one, zero], -1), s)[..., 0]
        grad = 1.0 - s[..., 0] if key == "log_softmax" else grad
        return [(f"{key}([x, 0])₀", first([x, zero]), "-"), ("∂/∂x", grad, "--")]
    if entry.family == "gated":
        gate = (f"{key}([1, x]), the gate", first([one, x]), "--")
        return [(f"{key}([x, x])", first([x, x]), "-"), gate]
    if key == "maxout":
        three = first([x, -x, one], act.maxout, pieces=3)
        return [
            ("maxout([x, 0])", first([x, zero]), "-"),
            ("maxout([x, −x])", first([x, -x]), "--"),
            ("maxout([x, −x, 1], pieces=3)", three, ":"),
        ]
    raise PluginError(f"course hook: no figure is defined for {key!r}")


def _mark_minimum(ax, entry) -> None:
    if entry.minimum is None:
        return
    mx, my = entry.minimum
    ax.plot([mx], [my], "o", color=FN_COLOUR, ms=5)
    ax.annotate(
        f"minimum {my:.4f}\nat x = {mx:.4f}".replace("-", "−"),
        (mx, my),
        xytext=(-24, 36),
        textcoords="offset points",
        ha="right",
        fontsize=9,
        arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.8},
    )


def draw(key: str) -> str:
    """The SVG figure of one catalogue entry, as text."""
    plt, fig, ax = _axes()
    # Curves that coincide (maxout's pieces) stay visible: each is drawn
    # thinner than the one before it, on top of it.
    widths = (5.0, 2.6, 1.6) if key == "maxout" else (2.0, 2.0, 1.6)
    colours = (FN_COLOUR, GRAD_COLOUR, THIRD_COLOUR)
    x, curves = _curves(key)
    for (label, y, style), colour, width in zip(curves, colours, widths, strict=False):
        ax.plot(x, y, style, color=colour, lw=width, label=label)
    _mark_minimum(ax, _catalogue()[key])
    ax.set_xlabel("x")
    ax.legend(frameon=False, loc="upper left")
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def ensure_figures(directory: Path | None = None) -> list[str]:
    """Draw the figures missing from the cache; return the keys drawn."""
    directory = directory or figure_dir()
    directory.mkdir(parents=True, exist_ok=True)
    drawn = []
    for key in _catalogue():
        path = directory / f"{key}.svg"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            tmp.write_text(draw(key), encoding="utf-8")
            os.replace(tmp, path)
            drawn.append(key)
    return drawn


# --- placeholders -------------------------------------------------------------


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _number(value: float) -> str:
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
    return f"{left}{_number(lo)}, {_number(hi)}{right}"


def _bounded(entry) -> str:
    if entry.bounded:
        return "both"
    if entry.bounded_below:
        return "below"
    return "above" if entry.bounded_above else "no"


def _slope_text(key: str) -> str:
    entry = _catalogue()[key]
    if not entry.elementwise:
        return "—"
    slope = max_slope(key)
    if math.isinf(slope.x):
        both = entry.grad_at(-slope.x) == slope.value
        side = "|x|" if both else "x"
        end = "∞" if both else _number(slope.x)
        return f"→ {_number(slope.value)} as {side} → {end}"
    if not slope.unique:
        return _number(slope.value)
    return f"{_number(slope.value)} at x = {_number(slope.x)}"


def properties_table() -> str:
    rows = [
        "| Function | Range | Bounded | Monotonic | Smooth | Zero-centred "
        "| Self-gated | Steepest slope |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, e in _catalogue().items():
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
    catalogue = _catalogue()
    unknown = [key for key in keys if key not in catalogue]
    if unknown:
        raise KeyError(f"not catalogue keys: {unknown}")
    rows = [
        "| Function | PyTorch | Keras | JAX (`jax.nn`) |",
        "| --- | --- | --- | --- |",
    ]
    for key in keys:
        e = catalogue[key]
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
            f"**Minimum:** {_number(e.minimum[1])} at x = {_number(e.minimum[0])}"
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
    catalogue = _catalogue()
    if key not in catalogue:
        raise KeyError(f"{key!r} is not a catalogue key")
    e = catalogue[key]
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


def _fail(page, line: int, message: str) -> PluginError:
    return PluginError(f"{page.file.src_path}:{line}: {message}")


def _expand_one(body: str, page, line: int, whole_line: bool) -> str:
    words = body.split()
    kind = words[0] if words else ""
    try:
        if kind == "properties-table" and len(words) == 1 and whole_line:
            return properties_table()
        if kind == "frameworks-table" and len(words) >= 2 and whole_line:
            return frameworks_table(words[1:])
        if kind == "card" and len(words) == 2 and whole_line:
            return card(words[1], posixpath.dirname(page.file.src_uri))
        if kind == "value" and len(words) >= 3:
            expr = body.strip()[len("value") :].strip().rsplit(None, 1)[0]
            return format(evaluate(expr), words[-1])
    except Exception as error:
        raise _fail(page, line, f"<!-- course:{body}--> failed: {error!r}") from None
    raise _fail(
        page,
        line,
        f"<!-- course:{body}--> is not understood (expected a line "
        "'<!-- course:properties-table -->', '<!-- course:card KEY -->' or "
        "'<!-- course:frameworks-table KEY ... -->', or "
        "'<!-- course:value EXPR FMT -->')",
    )


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


def _matches(blank: str, value) -> bool:
    """True if ``value`` rounded to the digits ``blank`` shows equals it."""
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
        raise _fail(
            page,
            line,
            f"quiz has {len(blanks)} fill-in blank(s) and {len(answers)} "
            "<!-- answer: EXPR --> comment(s); give one after each blank",
        )
    for blank, expr in zip(blanks, answers, strict=True):
        try:
            value = evaluate(expr)
        except Exception as error:
            raise _fail(page, line, f"answer {expr!r}: {error!r}") from None
        if not _matches(blank.strip(), value):
            message = f"blank [[{blank}]] does not match its answer {expr} = {value!r}"
            raise _fail(page, line, message)
    return ANSWER.sub("", text)


def check_answers(markdown: str, page, first_line: int = 1) -> str:
    """Check each quiz's ``<!-- answer: -->`` against its blank; strip it."""

    def quiz(match: re.Match) -> str:
        line = first_line + markdown.count("\n", 0, match.start())
        return _check_quiz(match.group(0), page, line)

    checked = QUIZ.sub(quiz, markdown)
    if stray := ANSWER.search(checked):
        line = first_line + checked.count("\n", 0, stray.start())
        raise _fail(page, line, "<!-- answer: --> outside a <quiz> block")
    return checked


# --- notebooks ----------------------------------------------------------------


# nbconvert's template loads MathJax 2 and Mermaid from CDNs; the site
# typesets math at build time and has no Mermaid diagram, so both blocks are
# dropped.
NOTEBOOK_CDN_BLOCKS = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->"
    r"|<script type=\"module\">.*?<!-- End of mermaid configuration -->",
    re.DOTALL,
)


# nbconvert's lab template inlines JupyterLab's whole stylesheet, 600 KB, on
# every notebook page: the first paint waited for it (Lighthouse, mobile:
# 2.7 s). A static notebook uses a small part of it, so each page keeps only
# the rules whose classes it has, once each: about 50 KB. Selectors inside
# :not(), :is(), :where() and :has() do not count, and rules under
# ".jupyter-wrapper :root" (icons as data URIs) can never match. Material's
# classes ("md-...") count as present: its script adds some at run time
# (a table's "md-typeset__scrollwrap", which nbconvert's styles reset).
STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][-\w]*)")
CSS_FUNCTIONAL = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
NEVER_MATCHES = re.compile(r"\s:root\b")


def _needed(selector: str, used: set[str]) -> bool:
    if NEVER_MATCHES.search(selector):
        return False
    classes = CSS_CLASS.findall(CSS_FUNCTIONAL.sub("", selector))
    return all(c in used or c.startswith("md-") for c in classes)


def _selectors(prelude) -> list[str]:
    """A selector list's selectors (commas inside :is(...) do not split)."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return [tinycss2.serialize(tokens).strip() for tokens in selectors]


def _prune_rules(rules, used: set[str], seen: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            wanted = [s for s in _selectors(rule.prelude) if _needed(s, used)]
            text = ",".join(wanted) + "{" + tinycss2.serialize(rule.content) + "}"
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(
                rule.content or [], skip_comments=True, skip_whitespace=True
            )
            body = "".join(_prune_rules(inner, used, seen))
            wanted = [body] if body else []
            prelude = tinycss2.serialize(rule.prelude)
            text = f"@{rule.at_keyword}{prelude}{{{body}}}"
        elif rule.type == "at-rule":
            wanted, text = [True], tinycss2.serialize([rule])
        else:
            continue
        if wanted and text not in seen:
            seen.add(text)
            kept.append(text)
    return kept


@cache
def _parse_stylesheet(css: str) -> tuple:
    """The rules of ``css``; every notebook page has the same styles."""
    return tuple(
        tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    )


def prune_notebook_styles(page_html: str) -> str:
    """Keep, in a notebook page's inline styles, only the rules it can use."""
    used = {name for m in CLASS_ATTRIBUTE.finditer(page_html) for name in m[1].split()}
    seen: set[str] = set()

    def prune(match: re.Match) -> str:
        rules = _parse_stylesheet(match[2])
        return match[1] + "".join(_prune_rules(rules, used, seen)) + match[3]

    return STYLE.sub(prune, page_html)


# --- MkDocs events --------------------------------------------------------------


def on_config(config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        # Key mkdocs-jupyter's cache by course_code too: its own key is only
        # the notebook and the plugin's options.
        parent = CACHE / "notebooks"
        prune(parent, source_hash())
        jupyter.config["cache_dir"] = str(parent / source_hash())
    return config


def on_files(files, config):
    directory = figure_dir()
    drawn = ensure_figures(directory)
    prune(directory.parent, directory.name)
    log.info("course: drew %d figure(s) into %s", len(drawn), directory)
    for key in _catalogue():
        path = directory / f"{key}.svg"
        files.append(
            File.generated(config, f"{FIGURES}/{key}.svg", abs_src_path=str(path))
        )
    return files


@event_priority(100)  # before mkdocs-quiz stores the quizzes' source
def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
    first_line = 1 + max(0, source.count("\n") - markdown.count("\n"))
    markdown = expand(markdown, page, first_line)
    return check_answers(markdown, page, first_line)


# A figure carries its size, so the text below it does not move when it
# arrives; the first is fetched early and the others only when they come near
# the screen: the catalogue alone has 30, which on a slow connection delayed
# the first paint. Images already in the page (a notebook's data: URIs) are
# left alone.
IMG = re.compile(r"<img\b[^>]*>")
FIGURE_SRC = re.compile(r'\ssrc="(?:[^"]*/)?' + FIGURES + r'/(?P<key>[\w-]+)\.svg"')
SVG_SIZE = re.compile(
    r'<svg\b[^>]*?\swidth="(?P<w>[\d.]+)pt"[^>]*?\sheight="(?P<h>[\d.]+)pt"'
)


@cache
def _figure_size(key: str) -> tuple[int, int] | None:
    """A drawn figure's size in CSS pixels (matplotlib writes points)."""
    path = figure_dir() / f"{key}.svg"
    match = (
        SVG_SIZE.search(path.read_text(encoding="utf-8")[:2000])
        if path.is_file()
        else None
    )
    if match is None:
        return None
    return round(float(match["w"]) * 4 / 3), round(float(match["h"]) * 4 / 3)


def size_and_defer_figures(html: str) -> str:
    first = True

    def amend(match: re.Match) -> str:
        nonlocal first
        tag = match[0]
        figure = FIGURE_SRC.search(tag)
        if figure is None:
            return tag
        extra = ""
        size = _figure_size(figure["key"])
        if size and " width=" not in tag:
            extra += f' width="{size[0]}" height="{size[1]}"'
        if first:  # often the largest thing in the first screen: fetch it early
            extra += ' fetchpriority="high"'
        elif " loading=" not in tag:
            extra += ' loading="lazy"'
        first = False
        return "<img" + extra + tag[len("<img") :]

    return IMG.sub(amend, html)


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        html = NOTEBOOK_CDN_BLOCKS.sub("", html)
    return size_and_defer_figures(html)


# nbconvert embeds a notebook's plots in the page as base64 PNGs, a quarter
# of a megabyte on a notebook page that the first paint waited for. Each is
# published as a file beside the page instead (named by its content), with
# its size, and fetched when it comes near the screen.
DATA_PNG = re.compile(r'(<img\b[^>]*?\s)src="data:image/png;base64,(?P<data>[^"]+)"')


# A notebook's plots get their text alternative from the cell that draws
# them: its metadata "alt" holds one description per image the cell shows
# (nbconvert would write "No description has been provided for this image").
# A plot without one fails the build.
NOTEBOOK_CELL_ID = re.compile(r'<div\b[^>]*\sid="cell-id=([^"]+)"')
IMG_ALT = re.compile(r'(<img\b[^>]*?\salt=")[^"]*(")')


def describe_notebook_images(page_html: str, notebook: Path) -> str:
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    alts = {cell.get("id"): cell.get("metadata", {}).get("alt", []) for cell in cells}
    starts = list(NOTEBOOK_CELL_ID.finditer(page_html))
    out, position = [], 0
    for i, start in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(page_html)
        cell_id, wanted = start[1], alts.get(start[1], [])
        images = list(IMG_ALT.finditer(page_html, start.start(), end))
        if len(images) != len(wanted):
            raise PluginError(
                f"{notebook.name}: cell {cell_id!r} shows {len(images)} image(s) "
                f'and its metadata "alt" describes {len(wanted)}'
            )
        for image, text in zip(images, wanted, strict=True):
            out += [page_html[position : image.end(1)], escape_html(text)]
            position = image.start(2)
    out.append(page_html[position:])
    return "".join(out)


def publish_notebook_images(page_html: str, page_dir: Path) -> str:
    import base64

    count = 0

    def publish(match: re.Match) -> str:
        nonlocal count
        png = base64.b64decode(match["data"])
        name = hashlib.sha256(png).hexdigest()[:16] + ".png"
        page_dir.mkdir(parents=True, exist_ok=True)
        (page_dir / name).write_bytes(png)
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        extra = f'width="{width}" height="{height}" '
        if count:
            extra += 'loading="lazy" '
        count += 1
        return f'{match[1]}{extra}src="{name}"'

    return DATA_PNG.sub(publish, page_html)


# mkdocs-quiz numbers each question with an <h4>, also in a section under an
# <h2>; a screen reader's list of headings then skips a level (axe-core,
# Lighthouse: heading-order). Each question heading takes the level below
# the section it is in, looking the same as before (course.css).
HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.DOTALL)


def level_quiz_headings(page_html: str) -> str:
    section = 1

    def relevel(match: re.Match) -> str:
        nonlocal section
        level, attributes, text = int(match[1]), match[2], match[3]
        if 'class="quiz-number"' not in attributes:
            section = level
            return match[0]
        level = min(section + 1, 6)
        return f"<h{level}{attributes}>{text}</h{level}>"

    return HEADING.sub(relevel, page_html)


def on_post_page(output, page, config):
    output = level_quiz_headings(output)
    if page.file.src_uri.endswith(".ipynb"):
        output = describe_notebook_images(output, Path(page.file.abs_src_path))
        output = prune_notebook_styles(output)
        page_dir = Path(config.site_dir) / Path(page.file.dest_uri).parent
        output = publish_notebook_images(output, page_dir)
    return output

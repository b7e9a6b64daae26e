"""The course hook: figures, tables, cards and numbers from ``course_code``.

One of the site's two hooks (``mkdocs.yml``, ``hooks:``); the other,
``hooks/typeset.py``, typesets the math.

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

``![alt text](../figures/NAME.svg)``, ``NAME`` a key of ``PLOTS``
    A figure of an experiment or of a numerical fact, drawn by the function
    ``NAME`` of ``hooks/_plots.py`` at build time.
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

``<!-- course:value NAME ARG ... FMT -->`` (anywhere: prose, tables, math, quizzes)
    ``format(NAME(ARG, ...), FMT)``, where ``NAME`` is a function of
    ``hooks/_values.py``, each documented there. The arguments are words: a
    number, a catalogue key or another name, or ``name=number`` for a
    keyword; ``FMT`` is the last word, a format spec such as ``.5f``:
    ``<!-- course:value minimum_value gelu .5f -->`` gives ``-0.16997``. A
    number the page needs and no function gives is a new function there.

``<!-- answer: EXPR -->`` (inside a ``<quiz>``, after a fill-in blank)
    The value that the blank before it must hold: a fill-in blank is written
    literally (``[[0.25]]``, as mkdocs-quiz wants) and followed by this
    comment. ``EXPR`` is Python with ``cc`` (``course_code``), ``np``
    (NumPy), ``A`` (``ACTIVATIONS``), ``max_slope(KEY)`` and the functions
    of ``hooks/_values.py``. The build checks that ``EXPR``, rounded to the
    digits the blank shows, equals the blank (a string must match exactly),
    then removes the comment, so the page source does not carry it.
    ``tests/test_quizzes.py`` checks the same from the Markdown.

Placeholders inside fenced code blocks are left as they are, so a page can
show them. ``max_slope(KEY)`` returns ``(x, value, unique)`` of the steepest
slope of an elementwise entry: ``x`` is ``inf`` when the slope only
approaches its supremum, and ``unique`` is False where the steepest slope
holds on a whole interval (ReLU's 1).

Notebooks: a code cell that shows plots describes each one in its metadata,
``"alt": ["...", ...]``, one entry per image, in order; the hook puts them on
the images and fails the build, naming the cell, where the counts differ.

For maintainers
===============

This file only connects MkDocs' events to the parts, each a module beside it
whose docstring is its contract:

``_placeholders.py``
    ``<!-- course: -->`` placeholders and quiz answers, Markdown in and out.
``_values.py``
    The named numbers of ``<!-- course:value -->``.
``_tables.py``
    The properties and frameworks tables and the cards, as Markdown.
``_figures.py``
    The figures, drawn into ``.cache/course/figures/<hash>/`` and added to
    the build as generated files (never committed); their ``<img>`` sizes.
``_plots.py``
    The figures of experiments and numerics (``PLOTS``), drawn the same way
    into ``.cache/course/plots/<hash>/``, a cache of their own.
``_notebooks.py``
    mkdocs-jupyter's cache, keyed per notebook, and the notebook pages' HTML.
``_sources.py``
    The cache keys: a figure or a notebook is made again only when a
    ``course_code`` module it imports (directly or not) changes, so a warm
    build draws and executes nothing.
``_search.py``
    Material's search entries of each page, kept on disk: a warm build
    parses only the pages that changed.
``_cache.py``
    Where the caches are (the compiled templates of the theme and of
    mkdocstrings too) (``$COURSE_CACHE_DIR`` moves ``.cache/course``) and
    how stale entries go; ``hooks/typeset.py`` uses it too.

On the built pages the hook also sizes figures and loads all but the first
lazily, keeps only the notebook styles a page uses, publishes notebook plots
as files, and gives quiz question headings the level below their section.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from _cache import template_cache
from _figures import add_figures, size_and_defer_figures
from _i18n import (
    ZH,
    ZH_WORKER,
    drop_head_alternates,
    inner_build,
    notebook_anchors,
    notebook_pages,
    page_language,
    read_quiz_translations_once,
    share_api_rendering,
    split_search_index,
    zh_config,
    zh_sitemap,
    zh_worker,
)
from _moved import add_redirects
from _notebooks import (
    describe_notebook_images,
    drop_cdn_scripts,
    prune_notebook_caches,
    prune_notebook_styles_cached,
    prune_styles_cache,
    prune_webp_cache,
    publish_notebook_images,
    use_notebook_cache,
)
from _placeholders import check_answers, expand
from _plots import add_plots
from _search import EN_WORKER, readable_math, use_worker, worker
from _search import install as cache_search_entries
from _search import prune_entries as prune_search_entries
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.course")


def _notebook_paths(config) -> list[Path]:
    return sorted(Path(config.docs_dir).rglob("*.ipynb"))


#: The site folder of the first (English) build; the Chinese build writes
#: into its ``zh/`` folder.
_SITE: dict[str, Path] = {}


def on_config(config):
    _SITE.setdefault("root", Path(config.site_dir))
    if config.plugins.get("mkdocs_quiz") is not None:
        read_quiz_translations_once()
    if config.plugins.get("mkdocs-jupyter") is not None:
        prune_notebook_caches(_notebook_paths(config))
    if config.plugins.get("material/search") is not None:
        cache_search_entries()
    if (mkdocstrings := config.plugins.get("mkdocstrings")) is not None:
        mkdocstrings.get_handler("python").env.bytecode_cache = template_cache()
        if config.plugins.get("i18n") is not None:
            share_api_rendering(start=not inner_build(config))
    return config


def on_env(env, config, files):
    env.bytecode_cache = template_cache()  # the theme's templates
    return env


@event_priority(-150)  # after mkdocs-static-i18n has made the file list
def on_files(files, config):
    files = notebook_pages(files, config)
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        # The assets are the English build's; the Chinese one shares them.
        files.append(File.generated(config, EN_WORKER, content=worker()))
        if i18n is not None:
            files.append(File.generated(config, ZH_WORKER, content=zh_worker()))
    add_figures(files, config, log)
    add_plots(files, config, log)
    return files


@event_priority(100)  # before mkdocs-jupyter reads its cache for this page
def on_pre_page(page, config, files):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None and page.file.src_uri.endswith(".ipynb"):
        use_notebook_cache(jupyter, Path(page.file.abs_src_path))
    return page


@event_priority(100)  # before mkdocs-quiz stores the quizzes' source
def on_page_markdown(markdown, page, config, files):
    if "<quiz>" not in markdown and "quiz" not in page.meta:
        # mkdocs-quiz would add its progress sidebar and its scripts (50 KB)
        # to every page, a quiz on it or not.
        page.meta["quiz"] = {"enabled": False}
    if not page.file.src_uri.endswith(".md"):
        return markdown
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
    first_line = 1 + max(0, source.count("\n") - markdown.count("\n"))
    markdown = expand(markdown, page, first_line)
    return check_answers(markdown, page, first_line)


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        html = drop_cdn_scripts(html)
        html = notebook_anchors(html, page)
    html = name_formula_options(html)
    return size_and_defer_figures(html)


# A quiz option whose label is only a formula has no name for a screen
# reader or axe-core (Lighthouse: "Form elements do not have associated
# labels"): the typeset SVG is aria-hidden, and the MathML beside it does not
# count towards a label's text. Such an option gets the formula as text.
OPTION = re.compile(
    r'(<input\b[^>]*\bid="(quiz-\d+-\d+)"[^>]*?)(/?>)(<label for="\2">(.*?)</label>)',
    re.DOTALL,
)
MATH_SPAN = re.compile(r'<span class="arithmatex">.*?</span>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def name_formula_options(page_html: str) -> str:
    """Give each quiz option labelled by a formula alone an ``aria-label``."""

    def name(match: re.Match) -> str:
        label = match[5]
        if TAG.sub("", MATH_SPAN.sub("", label)).strip() or "aria-label" in match[1]:
            return match[0]  # the label has words of its own
        text = " ".join(TAG.sub(" ", readable_math(label)).split())
        text = text.replace('"', "&quot;")
        return f'{match[1]} aria-label="{text}"{match[3]}{match[4]}'

    return OPTION.sub(name, page_html)


# mkdocs-quiz numbers each question with an <h4>, also in a section under an
# <h2>; a screen reader's list of headings then skips a level (axe-core,
# Lighthouse: heading-order). Each question heading takes the level below
# the section it is in, looking the same as before (course.css).
HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.DOTALL)


def level_quiz_headings(page_html: str) -> str:
    """Give each quiz question heading the level below its section's."""
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


# Each Markdown conversion numbers its code blocks from 0, and the line
# anchors of block B are __span-B-L and __codelineno-B-L. mkdocstrings
# converts each docstring on its own and mkdocs-quiz each question, so an API
# page or a page with code in a quiz repeated ids (166 on 38 pages): invalid
# HTML, and a click on a line's anchor selected the line of the first block.
CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
LINE_ID = re.compile(r"__(span|codelineno)-(\d+)-")


def unique_code_ids(page_html: str) -> str:
    """Give a code block whose number an earlier block has a number of its own.

    A block keeps its number when no block before it has it; one that repeats
    a number takes the next number no block of the page has, in its ids and
    its anchors' links alike.
    """
    numbers = [int(m[2]) for m in LINE_ID.finditer(page_html)]
    free = max(numbers, default=-1) + 1
    seen: set[int] = set()

    def renumber(block: re.Match) -> str:
        nonlocal free
        first = LINE_ID.search(block[0])
        if first is None:
            return block[0]
        number = int(first[2])
        if number not in seen:
            seen.add(number)
            return block[0]
        new, free = free, free + 1
        seen.add(new)
        return LINE_ID.sub(
            lambda m: f"__{m[1]}-{new}-" if int(m[2]) == number else m[0], block[0]
        )

    return CODE_BLOCK.sub(renumber, page_html)


def on_post_page(output, page, config):
    output = level_quiz_headings(output)
    output = unique_code_ids(output)
    output = drop_head_alternates(output)
    if page_language(page) == ZH:
        output = zh_config(output)
    else:
        output = use_worker(output, Path(EN_WORKER).name)
    output = add_redirects(output, page)
    if page.file.src_uri.endswith(".ipynb"):
        output = describe_notebook_images(output, Path(page.file.abs_src_path))
        output = prune_notebook_styles_cached(output)
        page_dir = Path(config.site_dir) / Path(page.file.dest_uri).parent
        output = publish_notebook_images(output, page_dir)
    return output


def on_post_template(output, template_name, config):
    # 404.html is no page, and gets the language links of the last page built.
    return use_worker(drop_head_alternates(output), Path(EN_WORKER).name)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    if config.plugins.get("i18n") is not None and not inner_build(config):
        root = _SITE.pop("root", Path(config.site_dir))
        split_search_index(root)
        zh_sitemap(root, config.site_url or "")
    prune_styles_cache()
    prune_webp_cache()
    prune_search_entries()

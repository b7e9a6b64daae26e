"""The Chinese edition: one source tree, two languages, two search indexes.

Not a hook itself: ``hooks/course.py`` calls these functions.

How the site is built in two languages (the choice, and why):

* **mkdocs-static-i18n, suffix structure.** A page's translation sits beside
  it, ``xor.md`` and ``xor.zh.md``; English URLs do not change and Chinese
  pages are published under ``/zh/``. One ``mkdocs build`` (and one
  ``mkdocs serve``) builds both languages, with the same hooks, quizzes,
  figures and notebooks, and the assets are shared. One build per language
  (Material's documented alternative) would need a second docs folder with
  its own copy of the assets and could not be served as one site.
* **Each language has its own search index.** The plugin stacks both
  languages' entries into one index: an English query would then find the
  Chinese pages too (they keep the code and the names of the functions).
  :func:`split_search_index` writes ``search/search_index.json`` with the
  English entries and ``zh/search/search_index.json`` with the Chinese ones,
  and :func:`zh_config` points the Chinese pages' ``__config.base`` (where
  Material's scripts find the index and the sitemap) at ``zh/``.
* **Chinese words in search.** Chinese is written without spaces. Material's
  search plugin cuts the pages' Chinese text into words with jieba at build
  time (zero-width spaces, at which the search separator splits), but a
  query such as 梯度消失 stays one token and finds nothing. The Chinese pages
  therefore run Material's search worker through a small wrapper
  (:data:`ZH_WORKER`, written by :func:`zh_worker`) that gives lunr a word
  segmenter for Chinese (the browser's ``Intl.Segmenter``), the hook lunr's
  tokenizer already has for Japanese: queries and index are cut into words
  the same way.
* **The language switcher under instant navigation.** The plugin makes the
  switcher lead to the same page in the other language, but Material's
  instant navigation replaces only the page's content, so the switcher would
  keep the links of the first page read (the plugin warns of this).
  ``docs/assets/javascripts/language.js`` sets them again after each
  navigation and makes the switch a full page load, so that the other
  language's search index and sitemap are read; the warning is therefore
  dropped (:class:`DropInstantWarning`). The ``<link rel="alternate"
  hreflang>`` elements of a page's head go (:func:`drop_head_alternates`):
  Material reads them as the roots of the other languages and fetches a
  ``sitemap.xml`` under each, which for a page's own translation does not
  exist (two 404 errors on every page). The sitemap names each page's
  translation for search engines instead.
* **mkdocs-quiz** takes its interface language from ``theme.language``,
  which the plugin sets to ``zh`` for the Chinese build.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from pathlib import Path

import yaml
from _cache import write_atomically
from _search import CONFIG, use_worker, worker

#: The languages, the default first; Chinese pages live under ``/zh/``.
LANGUAGES = ("en", "zh")
ZH = "zh"


class DropInstantWarning(logging.Filter):
    """Drop the plugin's warning that its switcher and instant navigation do
    not get along: ``language.js`` fixes exactly that."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "compatible with theme.features = navigation.instant" not in str(
            record.getMessage()
        )


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
    DropInstantWarning()
)


def inner_build(config) -> bool:
    """True in the Chinese build that mkdocs-static-i18n runs inside the
    English one: caches are cleared before the first build and pruned after
    the last, and the site's root is the first build's."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def page_language(page) -> str:
    """The language of ``page``: ``"zh"`` for a Chinese page, else ``"en"``."""
    return getattr(page.file, "locale", None) or LANGUAGES[0]


CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')
#: The Chinese pages' search worker, beside Material's (see the module's text).
ZH_WORKER = "assets/javascripts/workers/search-zh.js"


def zh_config(output: str) -> str:
    """Point a Chinese page's ``__config`` at the Chinese site's root (the
    search index and sitemap under ``zh/``) and at the Chinese search worker.

    >>> zh_config(
    ...     '<script id="__config" type="application/json">{"base": "../..", '
    ...     '"search": "../../assets/javascripts/workers/search.0a1b.min.js"}</script>'
    ... )  # doctest: +NORMALIZE_WHITESPACE
    '<script id="__config" type="application/json">{"base": "../../zh/",
     "search": "../../assets/javascripts/workers/search-zh.js"}</script>'
    """

    def rewrite(match: re.Match) -> str:
        return CONFIG_BASE.sub(
            lambda m: f"{m[1]}{m[2].rstrip('/')}/{ZH}/{m[3]}", match[0], count=1
        )

    return use_worker(CONFIG.sub(rewrite, output, count=1), Path(ZH_WORKER).name)


def zh_worker() -> str:
    """The Chinese search worker: the course's (``_search.worker``), and a
    word segmenter.

    Material's worker cuts a Han token into words when ``lunr.TinySegmenter``
    exists (its support for Japanese); this one segments Chinese with the
    browser's ``Intl.Segmenter``. Without it (older browsers), search works
    as before, on the words jieba marked in the index.
    """
    return worker(
        """// The Chinese pages' worker (hooks/_i18n.py): a segmenter that cuts
// Chinese queries and text into words.
if (typeof Intl !== "undefined" && Intl.Segmenter) {
  var words = new Intl.Segmenter("zh", { granularity: "word" });
  var han = /\\p{Script=Han}/u;
  lunr.TinySegmenter = function () {};
  lunr.TinySegmenter.prototype.ctype_ = function (text) {
    return han.test(text) ? "H" : "O";
  };
  lunr.TinySegmenter.prototype.segment = function (text) {
    return Array.from(words.segment(text), function (part) {
      return part.segment;
    });
  };
}
"""
    )


def split_search_index(site: Path) -> tuple[int, int]:
    """Give each language its own search index; return the entry counts.

    Entries are deduplicated (the plugin stacks the entries of every build).
    A Chinese entry's location becomes relative to ``zh/``.
    """
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    english, chinese, seen = [], [], set()
    for entry in index["docs"]:
        key = (entry["location"], entry["title"], entry["text"])
        if key in seen:
            continue
        seen.add(key)
        if entry["location"].startswith(f"{ZH}/"):
            chinese.append({**entry, "location": entry["location"][len(ZH) + 1 :]})
        else:
            english.append(entry)
    for target, docs in (
        (path, english),
        (site / ZH / "search" / "search_index.json", chinese),
    ):
        write_atomically(
            target,
            json.dumps(
                {**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")
            ),
        )
    return len(english), len(chinese)


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_head_alternates(output: str) -> str:
    """Remove the head's per-page language alternates (see the module's text).

    >>> drop_head_alternates(
    ...     '<head><link rel="alternate" href="./" hreflang="zh"></head>'
    ... )
    '<head></head>'
    """
    head_end = output.find("</head>")
    if head_end < 0:
        return output
    return HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]


URL = re.compile(r"\s*<url>.*?</url>", re.DOTALL)


def zh_sitemap(site: Path, site_url: str) -> None:
    """Write ``zh/sitemap.xml``: the Chinese pages alone, which Material's
    instant navigation reads from a Chinese page (so that a link to an
    English page loads it in full, with the English search index)."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    prefix = f"{site_url.rstrip('/')}/{ZH}/"

    def keep(match: re.Match) -> str:
        loc = re.search(r"<loc>(.*?)</loc>", match[0])
        return match[0] if loc and loc[1].startswith(prefix) else ""

    write_atomically(site / ZH / "sitemap.xml", URL.sub(keep, sitemap))


def notebook_pages(files, config):
    """Make the notebooks of every language pages again.

    mkdocs-jupyter wraps each notebook in a ``NotebookFile`` so that MkDocs
    renders it as a page; mkdocs-static-i18n then builds each language's
    file list anew, from plain files, and a notebook would be published as
    its raw JSON (mkdocs-static-i18n issue 198). This runs after it and wraps
    them again, at the address the plugin gave them (``zh/...`` for Chinese).
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return files
    from mkdocs_jupyter.plugin import NotebookFile

    # In place: the plugin's own Files class finds a page's translation.
    for file in list(files):
        if (
            file.src_uri.endswith(".ipynb")
            and not file.is_documentation_page()
            and jupyter.should_include(file)
        ):
            notebook = NotebookFile.__new__(NotebookFile)
            notebook.file = file
            # The plugin gives it a page's address already, or the raw one.
            stem = file.dest_uri.removesuffix("/index.html").removesuffix(".ipynb")
            if config.use_directory_urls:
                notebook.dest_path = f"{stem}/index.html"
                notebook.url = f"{stem}/"
            else:
                notebook.dest_path = f"{stem}.html"
                notebook.url = f"{stem}.html"
            notebook.abs_dest_path = str(Path(config.site_dir) / notebook.dest_path)
            files.remove(file)
            files.append(notebook)
    return files


def _notebook_heading_ids(notebook: Path) -> list[str]:
    """The anchors mkdocs-jupyter gives the headings of ``notebook``, in order."""
    from mkdocs_jupyter.utils import slugify
    from nbconvert.filters.strings import _convert_header_id

    ids = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        fence = False
        for line in "".join(cell["source"]).splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fence = not fence
            elif not fence and (heading := re.match(r"#{1,6}\s+(.*)", line)):
                ids.append(_convert_header_id(slugify(heading[1].strip())))
    return ids


#: A notebook heading as nbconvert writes it: its id, and the same in its link.
NOTEBOOK_HEADING = re.compile(
    r'(<h[1-6]\b[^>]*?\bid=")[^"]*("[^>]*>.*?<a class="anchor-link" href="#)[^"]*(")',
    re.DOTALL,
)


def notebook_anchors(html: str, page) -> str:
    """Give a Chinese notebook's headings the English notebook's anchors.

    mkdocs-jupyter makes a heading's anchor from its text with the Chinese
    characters dropped: most Chinese headings got an empty one, the others
    one made of their Latin words, and the table of contents pointed
    nowhere. The anchors of the English notebook
    (same headings, same order: ``tests/test_translation.py``) go to both
    the headings and the table of contents, so links and the language
    switcher keep their place.
    """
    if page_language(page) != ZH or not page.file.src_uri.endswith(".ipynb"):
        return html
    english = Path(page.file.abs_src_path).with_name(
        Path(page.file.abs_src_path).name.replace(f".{ZH}.", ".")
    )
    ids = _notebook_heading_ids(english)
    found = iter(ids)

    def anchor(match: re.Match) -> str:
        new = next(found, "")
        return f"{match[1]}{new}{match[2]}{new}{match[3]}"

    html = NOTEBOOK_HEADING.sub(anchor, html)
    anchors = iter(ids)

    def walk(items):
        for item in items:
            item.id = next(anchors, item.id)
            walk(item.children)

    walk(page.toc)
    return html


# --- the API reference, rendered once for both languages ------------------------

#: mkdocstrings' renderings of this build, by (identifier, options, heading
#: level): (HTML, handler name, collected data, headings).
_API_RENDERINGS: dict[tuple, tuple] = {}


def share_api_rendering(start: bool) -> None:
    """Render each ``::: identifier`` of the API reference once per build.

    The Chinese API pages show the same docstrings as the English ones (the
    docstrings are English in both; only each page's introduction is
    translated), and mkdocstrings rendered them a second time: a quarter of a
    warm build. Its block processor is wrapped so that the Chinese build takes
    the English build's HTML and headings (the headings go back to the
    handler, so that mkdocstrings registers the anchors and the table of
    contents of the Chinese page as it would). ``start`` (the English build's
    ``on_config``) forgets the last build's renderings: the docstrings may
    have changed since (``mkdocs serve``). Relies on mkdocstrings' internals,
    hence the pin in ``pyproject.toml``; without them it does nothing.
    """
    if start:
        _API_RENDERINGS.clear()
    try:
        from mkdocstrings._internal.extension import AutoDocProcessor
    except ImportError:
        return
    original = AutoDocProcessor._process_block
    if getattr(original, "course_shared", False):
        return

    def process_block(self, identifier, yaml_block, heading_level=0):
        key = (identifier, yaml_block, heading_level)
        if key in _API_RENDERINGS:
            html, name, data, headings = _API_RENDERINGS[key]
            handler = self._handlers.get_handler(name)
            handler._headings.extend(copy.deepcopy(headings))
            return html, handler, data
        html, handler, data = original(self, identifier, yaml_block, heading_level)
        headings = getattr(handler, "_headings", None)
        if isinstance(headings, list):
            name = self._handlers.get_handler_name(yaml.safe_load(yaml_block) or {})
            _API_RENDERINGS[key] = (html, name, data, copy.deepcopy(headings))
        return html, handler, data

    process_block.course_shared = True
    AutoDocProcessor._process_block = process_block


# --- mkdocs-quiz's interface language, read once --------------------------------


def read_quiz_translations_once() -> None:
    """Parse each of mkdocs-quiz's ``.po`` files once per process.

    mkdocs-quiz makes a new translation manager for every quiz, which parses
    its language's ``.po`` file again: on the Chinese pages, 226 times a
    build. The parsed file is kept, keyed by its path, size and time of
    change. (mkdocs-quiz is pinned: ``_parse_po_file`` is internal.)
    """
    from mkdocs_quiz.translations import TranslationManager

    parse = TranslationManager._parse_po_file
    if getattr(parse, "course_cached", False):
        return
    parsed: dict[tuple, dict[str, str]] = {}

    def parse_once(self, path):
        stat = Path(path).stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in parsed:
            parsed[key] = parse(self, path)
        return dict(parsed[key])

    parse_once.course_cached = True
    TranslationManager._parse_po_file = parse_once

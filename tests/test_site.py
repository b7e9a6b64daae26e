"""The site builds with ``mkdocs build --strict`` and loads nothing from elsewhere.

The course must work offline and from any host, so a built page may load
scripts, stylesheets, fonts and images only from its own origin. Links to
other sites (``<a href>``, ``<link rel="canonical">``) are fine: following them
is the reader's choice.

The site is built once per test session (the ``site`` fixture); the other
checks read the built files: snippets, figures, quizzes, math, the cache.
"""

from __future__ import annotations

import collections
import itertools
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser_site import SUBPATH
from mkdocs.exceptions import PluginError
from modules import load_file

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Parts of the course hook (hooks/course.py imports them the same way).
FIGURES = load_file("course_figures", ROOT / "hooks" / "_figures.py")
PLOTS = load_file("course_plots", ROOT / "hooks" / "_plots.py")
NOTEBOOKS = load_file("course_notebooks", ROOT / "hooks" / "_notebooks.py")

#: ``<link rel=...>`` values that make the browser fetch or connect.
FETCHING_RELS = frozenset(
    {
        "apple-touch-icon",
        "dns-prefetch",
        "icon",
        "manifest",
        "mask-icon",
        "modulepreload",
        "preconnect",
        "prefetch",
        "preload",
        "stylesheet",
    }
)

#: Attributes that load a resource, per tag (``<link>`` is handled apart).
LOADING_ATTRS = {
    "audio": ("src",),
    "embed": ("src",),
    "iframe": ("src",),
    "img": ("src", "srcset"),
    "input": ("src",),
    "object": ("data",),
    "script": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "video": ("src", "poster"),
}

FOREIGN_URL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(
    r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""",
    re.IGNORECASE,
)
#: A JavaScript module import from another origin, static or dynamic, as
#: nbconvert's template writes for Mermaid: ``import("https://...")``.
JS_IMPORT = re.compile(
    r"""\bimport\s*(?:\(\s*|[^'"`;()]*?\bfrom\s*)['"`]((?:https?:)?//[^'"`]+)""",
    re.IGNORECASE,
)


class ForeignAssetFinder(HTMLParser):
    """Collect every resource a page would load from another origin."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        names = LOADING_ATTRS.get(tag, ())
        if tag == "link" and FETCHING_RELS & set(values.get("rel", "").split()):
            names = ("href", "imagesrcset")
        for name in names:
            # A srcset lists candidates separated by commas: check each URL.
            for candidate in values.get(name, "").split(","):
                if FOREIGN_URL.match(candidate):
                    self.found.append(f"<{tag} {name}={candidate.strip()!r}>")
        for url in CSS_URL.findall(values.get("style", "")):
            self.found.append(f"<{tag} style> {url}")
        self._in_style = tag == "style"
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_style:
            self.found.extend(f"<style> {url}" for url in CSS_URL.findall(data))
        if self._in_script:
            self.found.extend(f"<script> import {u}" for u in JS_IMPORT.findall(data))


def foreign_assets(html: str) -> list[str]:
    """Return the resources that ``html`` loads from another origin."""
    finder = ForeignAssetFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def test_site_builds_strictly(site):
    assert (site / "index.html").is_file()
    assert (site / "reference" / "index.html").is_file()


def test_pages_load_nothing_from_another_origin(site):
    pages = sorted(site.rglob("*.html"))
    assert pages, "the build produced no HTML page"
    offenders = {
        str(page.relative_to(site)): found
        for page in pages
        if (found := foreign_assets(page.read_text(encoding="utf-8")))
    }
    assert not offenders, f"pages load assets from another origin: {offenders}"


def test_no_page_fetches_repository_stats(site):
    # Material's JavaScript fetches the stars and forks of repo_url from
    # api.github.com for every element carrying this hook;
    # overrides/partials/source.html renders the repository link without it.
    hook = 'data-md-component="source"'
    offenders = [
        str(page.relative_to(site))
        for page in sorted(site.rglob("*.html"))
        if hook in page.read_text(encoding="utf-8")
    ]
    assert not offenders, (
        f"{hook} makes the theme fetch repository stats from api.github.com, "
        f"so these pages contact another origin: {offenders}; keep "
        "overrides/partials/source.html and theme.custom_dir: overrides"
    )


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.org/mathjax.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/css?family=Roboto">',
        '<link rel="preconnect" href="https://fonts.example.com">',
        '<img src="http://example.org/plot.png">',
        '<img srcset="a.png 1x, https://example.org/b.png 2x">',
        "<style>@import 'https://fonts.example.com/roboto.css';</style>",
        '<div style="background: url(https://example.org/bg.png)"></div>',
        '<script type="module">const m = await import("https://cdn.example.org/m.mjs")'
        "</script>",
        "<script type=\"module\">import x from 'https://cdn.example.org/x.js'</script>",
    ],
)
def test_finder_catches_foreign_assets(html):
    assert foreign_assets(html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://pytorch.org/docs/">PyTorch</a>',
        '<link rel="canonical" href="https://example.org/course/">',
        '<script src="../assets/javascripts/bundle.js"></script>',
        '<link rel="stylesheet" href="assets/stylesheets/main.css">',
        '<img src="data:image/png;base64,AAAA">',
        "<style>.x { background: url(../img/a.svg) }</style>",
        "<script>const m = import('./local.js')</script>",
        "<p>import the data from https://example.org/data.csv</p>",
    ],
)
def test_finder_allows_same_origin_and_plain_links(html):
    assert foreign_assets(html) == []


# --- stylesheets and scripts that the pages load -------------------------------


def test_stylesheets_and_scripts_load_nothing_from_another_origin(site):
    offenders = {}
    for path in sorted(site.rglob("*.css")) + sorted(site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        pattern = CSS_URL if path.suffix == ".css" else JS_IMPORT
        if found := pattern.findall(text):
            offenders[str(path.relative_to(site))] = found
    assert not offenders, f"files that load from another origin: {offenders}"


def test_math_is_typeset_at_build_time_with_no_script_or_font(site):
    """Every formula is SVG in the page: no TeX is left, no math script loads."""
    assert not (site / "assets" / "mathjax").exists()
    pages = {p: p.read_text("utf-8") for p in sorted(site.rglob("index.html"))}
    formulas = 0
    for path, text in pages.items():
        where = path.relative_to(site)
        assert "mathjax" not in " ".join(re.findall(r"<script[^>]*>", text)).lower()
        for _tag, body in re.findall(
            r'<(span|div) class="arithmatex">(.*?)</\1>', text, re.DOTALL
        ):
            assert body.startswith('<mjx-container class="MathJax" jax="SVG"'), (
                f"{where}: untypeset formula {body[:80]!r}"
            )
            formulas += 1
        if "<mjx-container" in text:
            # Each page holds the glyphs its formulas use, once.
            used = set(re.findall(r'xlink:href="#(MJX-[^"]+)"', text))
            defined = set(re.findall(r'<path id="(MJX-[^"]+)"', text))
            assert used <= defined, (
                f"{where}: glyphs used, not defined: {used - defined}"
            )
            assert text.count('id="MJX-SVG-global-cache"') == 1, where
            # Screen readers get MathML; the drawing is hidden from them.
            assert text.count("<mjx-assistive-mml") == text.count("<mjx-container"), (
                where
            )
    assert formulas > 1000, f"only {formulas} formulas typeset"
    css = (site / "assets" / "stylesheets" / "mathjax.css").read_text("utf-8")
    assert 'mjx-container[jax="SVG"]' in css
    assert "mjx-assistive-mml" in css
    selu = pages[site / "notebooks" / "selu" / "index.html"]
    assert "$$" not in re.sub(
        r"<(script|style|pre)\b.*?</\1>", "", selu, flags=re.DOTALL
    )


def test_notebook_pages_keep_only_the_styles_they_use(site):
    for path in sorted((site / "notebooks").glob("*/index.html")):
        text = path.read_text("utf-8")
        styles = sum(
            len(s) for s in re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL)
        )
        assert styles < 100_000, (
            f"{path.relative_to(site)}: {styles} bytes of inline CSS"
        )
        assert ".jupyter-wrapper .jp-OutputArea-output" in text
        assert "data:image/png" not in text, "plots are published as files"
        plots = re.findall(r'<img\b[^>]*\ssrc="([0-9a-f]{16}\.\w+)"', text)
        assert plots, f"{path.relative_to(site)} shows no plot"
        for src in plots:
            assert src.endswith(".webp"), f"{src}: plots are lossless WebP files"
            assert (path.parent / src).is_file(), src


# --- code from the code ----------------------------------------------------------

SNIPPET = re.compile(r"""--8<--\s+["']([^"']+)["']""")


def snippet_references() -> list[tuple[str, str, str | None]]:
    """(page, file, section or None) for every snippet include in docs/."""
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for target in SNIPPET.findall(page.read_text(encoding="utf-8")):
            path, _, section = target.partition(":")
            section = section if section and not section[0].isdigit() else None
            found.append((str(page.relative_to(ROOT)), path, section))
    return found


def test_chapters_include_course_code():
    assert any(path.startswith("course_code/") for _, path, _ in snippet_references())


@pytest.mark.parametrize(
    ("page", "path", "section"), snippet_references(), ids=lambda v: str(v)
)
def test_every_snippet_names_an_existing_file_and_section(page, path, section):
    source = ROOT / path
    assert source.is_file(), f"{page}: snippet file {path} does not exist"
    if section:
        text = source.read_text(encoding="utf-8")
        for mark in (f"--8<-- [start:{section}]", f"--8<-- [end:{section}]"):
            assert mark in text, f"{page}: {path} has no '{mark}'"


# --- figures from the code -------------------------------------------------------


class ImageSources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs).get("src") or "")


def test_every_image_a_page_shows_exists(site):
    missing, figures = [], 0
    for page in sorted(site.rglob("*.html")):
        finder = ImageSources()
        finder.feed(page.read_text(encoding="utf-8"))
        for src in finder.sources:
            if FOREIGN_URL.match(src) or src.startswith("data:"):
                continue
            target = posixpath.normpath(
                posixpath.join(
                    page.parent.relative_to(site).as_posix(), urlsplit(src).path
                )
            )
            figures += "figures/" in src
            if not (site / target).is_file():
                missing.append(f"{page.relative_to(site)}: {src}")
    assert not missing, f"images that do not exist: {missing}"
    assert figures, "no page shows a figure drawn from course_code"


def test_every_catalogue_entry_has_a_figure(site):
    from course_code.activations import ACTIVATIONS

    for key in ACTIVATIONS:
        svg = site / "figures" / f"{key}.svg"
        assert svg.is_file(), f"no figure for {key}"
        assert "<svg" in svg.read_text(encoding="utf-8")[:2000]


@pytest.mark.parametrize(
    ("folder", "ensure"),
    [
        (FIGURES.figure_dir, FIGURES.ensure_figures),
        (PLOTS.plot_dir, PLOTS.ensure_plots),
    ],
    ids=["catalogue", "plots"],
)
def test_a_warm_build_draws_no_figure(site, folder, ensure):
    # The session's build has filled the cache; drawing again must find every
    # figure there and touch none of them.
    directory = folder()
    before = {p.name: p.stat().st_mtime_ns for p in directory.glob("*.svg")}
    assert before
    assert ensure(directory) == []
    after = {p.name: p.stat().st_mtime_ns for p in directory.glob("*.svg")}
    assert before == after
    assert not (ROOT / "docs" / "figures").exists(), "figures are built, not committed"


def test_every_plot_is_in_the_site(site):
    for name in PLOTS.PLOTS:
        svg = site / "figures" / f"{name}.svg"
        assert "<svg" in svg.read_text(encoding="utf-8")[:2000], name


# --- quizzes in the built pages --------------------------------------------------


def test_every_chapter_has_a_quiz(site):
    chapters = sorted((DOCS / "chapters").glob("*.md"))
    assert chapters
    for chapter in chapters:
        # A translation, x.zh.md, is the page zh/chapters/x/.
        stem, chinese = chapter.stem.removesuffix(".zh"), chapter.stem.endswith(".zh")
        page = site / ("zh" if chinese else "") / "chapters" / stem / "index.html"
        assert 'class="quiz' in page.read_text(encoding="utf-8"), (
            f"{chapter.name} has no quiz"
        )


def test_pages_keep_no_placeholder_or_answer_comment(site):
    offenders = [
        str(page.relative_to(site))
        for page in sorted(site.rglob("*.html"))
        if re.search(r"<!--\s*(course:|answer:)", page.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"unexpanded placeholders or answers in: {offenders}"


def test_quiz_explanations_are_hidden_until_answered(site):
    html = (site / "chapters" / "catalogue" / "index.html").read_text("utf-8")
    feedback = re.findall(r'<div class="answer-feedback([^"]*)"', html)
    sections = re.findall(r'<section class="content([^"]*)"', html)
    assert feedback
    assert sections
    assert all("hidden" in classes for classes in feedback + sections)


def test_every_page_runs_the_course_search_worker_of_its_language(site):
    # hooks/_search.py: whole words first; the Chinese worker also segments.
    wrong = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_text("utf-8")
        config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', text, re.S)
        if config is None:
            continue
        worker = json.loads(config[1])["search"]
        name = path.relative_to(site).as_posix()
        expected = "search-zh.js" if name.startswith("zh/") else "search-en.js"
        # Relative to the page, or absolute (404.html, served at any depth).
        local = urljoin(SUBPATH + name, worker).removeprefix(SUBPATH)
        if posixpath.basename(worker) != expected or not (site / local).is_file():
            wrong[name] = worker
    assert not wrong, f"pages with another search worker, or a missing one: {wrong}"
    for name in ("search-en.js", "search-zh.js"):
        source = (site / "assets" / "javascripts" / "workers" / name).read_text()
        assert "importScripts(" in source
        assert "lunr.Index.prototype.search" in source


def test_no_page_repeats_an_element_id(site):
    # An id names one element: a link to it, a label's `for` and Material's
    # line selection in code blocks find the first of two. mkdocstrings
    # (each docstring) and mkdocs-quiz (each question) number their code
    # blocks from 0 again; hooks/course.py renumbers the repeats.
    repeats = {}
    for path in sorted(site.rglob("*.html")):
        ids = re.findall(r'<[a-zA-Z][^<>]*?\sid="([^"]+)"', path.read_text("utf-8"))
        if twice := sorted({i for i, n in collections.Counter(ids).items() if n > 1}):
            repeats[str(path.relative_to(site))] = twice[:5]
    assert not repeats, f"pages that repeat an id: {repeats}"
    api = (site / "reference" / "nn" / "index.html").read_text("utf-8")
    assert api.count('id="__codelineno-') > 50  # the check saw code blocks


def test_headings_never_skip_a_level(site):
    # A screen reader lists a page's headings; a question numbered with an
    # <h4> right under an <h2> section would skip a level (hooks/course.py
    # relevels mkdocs-quiz's question headings).
    skips = {}
    for path in sorted(site.rglob("index.html")):
        text = path.read_text("utf-8")
        article = text[text.find("<article") : text.find("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", article)]
        bad = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if bad:
            skips[str(path.relative_to(site))] = bad
    assert not skips, f"headings that skip a level: {skips}"
    catalogue = (site / "chapters" / "catalogue" / "index.html").read_text("utf-8")
    assert '<h3 class="quiz-number">' in catalogue


def test_every_notebook_plot_has_a_description(site):
    for path in sorted((site / "notebooks").glob("*/index.html")):
        alts = re.findall(r'<img\b[^>]*\salt="([^"]*)"', path.read_text("utf-8"))
        assert alts, path
        for alt in alts:
            assert len(alt) > 60, f"{path.relative_to(site)}: alt text {alt!r}"
            assert "No description" not in alt


def test_a_plot_takes_its_description_from_its_cell(tmp_path):
    notebook = tmp_path / "n.ipynb"
    html = (
        '<div class="jp-Cell" id="cell-id=a"><img alt="" src="1.png"></div>'
        '<div class="jp-Cell" id="cell-id=b"><p>text</p></div>'
    )
    cells = [{"id": "a", "metadata": {"alt": ['Loss "falls" to <1']}}, {"id": "b"}]
    notebook.write_text(json.dumps({"cells": cells}))
    described = NOTEBOOKS.describe_notebook_images(html, notebook)
    assert 'alt="Loss &quot;falls&quot; to &lt;1"' in described
    notebook.write_text(json.dumps({"cells": [{"id": "a", "metadata": {}}]}))
    with pytest.raises(PluginError, match="cell 'a' shows 1 image"):
        NOTEBOOKS.describe_notebook_images(html, notebook)


# --- search -----------------------------------------------------------------------

#: TeX in an index entry: a formula's delimiters or a command (outside code).
TEX = re.compile(r"\\\(|\\\[|\$|\\[A-Za-z]+")
CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>", re.DOTALL)


def search_entries(site) -> list[dict]:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return index["docs"]


def test_the_search_index_shows_no_tex(site):
    with_tex = {}
    for entry in search_entries(site):
        for field in ("title", "text"):
            prose = CODE.sub(" ", entry[field])
            if found := TEX.search(prose):
                start = max(0, found.start() - 40)
                with_tex[entry["location"]] = prose[start : found.end() + 40]
    assert not with_tex, f"TeX in the search index: {json.dumps(with_tex, indent=1)}"


def test_the_search_index_holds_no_quiz_panel(site):
    panels = [
        e["location"] for e in search_entries(site) if "Quiz Progress" in e["text"]
    ]
    assert not panels, f"mkdocs-quiz's progress panel is indexed at {panels}"


def test_the_quiz_panel_and_scripts_are_only_on_pages_with_a_quiz(site):
    for path in sorted(site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        has_quiz = (
            re.search(r'<div class="quiz[ "][^>]* id="quiz-\d+"', page) is not None
        )
        has_panel = 'id="quiz-progress-sidebar"' in page
        assert has_panel == has_quiz, (
            f"{path.relative_to(site)}: quiz {has_quiz}, panel {has_panel}"
        )


def test_every_card_is_boosted_in_search(site):
    from course_code.catalogue import ACTIVATIONS

    boosted = [e for e in search_entries(site) if e.get("boost", 1) > 1]
    assert len(boosted) == len(ACTIVATIONS), [e["location"] for e in boosted]
    assert all("/catalogue/" in e["location"] for e in boosted)


def test_every_page_declares_its_character_set_first(site):
    # Browsers look for it in the first 1024 bytes (Lighthouse: "Charset
    # declaration is missing or occurs too late in the HTML").
    late = [
        str(page.relative_to(site))
        for page in sorted(site.rglob("*.html"))
        if b'<meta charset="utf-8">' not in page.read_bytes()[:1024]
    ]
    assert not late, f"pages without an early <meta charset>: {late}"


def test_the_chinese_api_pages_document_the_same_objects(site):
    # hooks/_i18n.py renders each docstring block once and gives the Chinese
    # page the English rendering: same objects, same anchors, Chinese intro.
    for english in sorted((site / "reference").glob("*/index.html")):
        chinese = site / "zh" / english.relative_to(site)
        en_html = english.read_text(encoding="utf-8")
        zh_html = chinese.read_text(encoding="utf-8")
        ids = re.compile(r'<h[2-6] id="(course_code\.[^"]+)"')
        assert ids.findall(en_html), english
        assert ids.findall(zh_html) == ids.findall(en_html), chinese
        assert 'lang="zh"' in zh_html

"""Math typeset at build time: every formula becomes SVG in the page.

The pages carry no math renderer. MathJax 3 (the ``django-static-mathjax``
package on PyPI: MathJax's own files, no Django needed) runs inside V8 (the
``mini-racer`` package) during the build, with its ``liteDOM`` adaptor in
place of a browser, and turns each formula into SVG:

* in Markdown pages, what ``pymdownx.arithmatex`` (generic mode) leaves:
  ``<span class="arithmatex">\\(...\\)</span>`` and
  ``<div class="arithmatex">\\[...\\]</div>``, in prose, tables, admonitions,
  quizzes and the API reference alike;
* in notebooks, ``$...$`` and ``$$...$$`` in Markdown cells (outside code).

Why at build time: typesetting a chapter of 100 to 200 formulas in the
browser blocks a phone's main thread for seconds (Lighthouse, mobile: total
blocking time 2.9 s on "Why activation functions"), and the 1.2 MB script
was loaded by every page. SVG needs no font: glyphs are paths, drawn in
``currentColor``, so they follow the light and dark palettes. Each page holds
its glyphs once, in a hidden ``<svg>`` at the top of the article (MathJax's
"global" font cache), and each formula ``<use>``\\ s them. Screen readers
get MathML (MathJax's assistive MathML, visually hidden); the SVG is
``aria-hidden``.

MathJax nests a ``<g>`` per MathML node, and a browser styles each one; the
groups that only move their content are dissolved, their transforms composed
into what they hold (``tests/test_typeset.py`` checks that no glyph moves).
The arithmatex wrappers stay, so the theme's styles for them still apply.

A TeX error fails the build, naming the page and the formula, where the
browser would have shown it in red to the reader.

Typeset pages are cached in ``.cache/course/math/<hash>/`` (``$COURSE_CACHE_DIR``
moves ``.cache/course``), keyed by the page before typesetting; the hash is
of this file and MathJax's version. A warm build typesets nothing, and each
build deletes the entries it did not use.

MathJax's own stylesheet for this output is published as
``assets/stylesheets/mathjax.css`` and added to ``extra_css``.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import importlib.resources
import re
from functools import cache
from pathlib import Path

from _cache import CACHE, prune, write_atomically
from _i18n import inner_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

STYLESHEET = "assets/stylesheets/mathjax.css"

# MathJax's components, loaded in this order instead of by its loader (which
# needs a browser or Node's require).
COMPONENTS = (
    "startup.js",
    "core.js",
    "adaptors/liteDOM.js",
    "input/tex-full.js",
    "output/svg.js",
    "output/svg/fonts/tex.js",
    "a11y/assistive-mml.js",
)
# Every TeX package of tex-full but these: "require" and "autoload" load
# files at run time; "noerrors" and "noundefined" would hide the errors that
# must fail the build.
LEFT_OUT = ("require", "autoload", "noerrors", "noundefined")

CONFIG = """
var MathJax = {
  loader: {load: []},
  tex: {},
  svg: {fontCache: "global"},
  options: {enableAssistiveMml: true},
  startup: {typeset: false, ready: function () {}},
};
"""
START = """
MathJax.config.tex.packages = MathJax._.input.tex.AllPackages.AllPackages
  .filter(function (name) { return %s.indexOf(name) < 0; });
MathJax.config.startup.adaptor = "liteAdaptor";
MathJax.startup.getComponents();
MathJax.startup.defaultReady();
"""
# MathJax nests a <g> per MathML node; a browser styles every one of them.
# Groups that only move their content are dissolved and their translations
# and scalings composed into the glyphs they hold (other groups, and tables,
# whose rules the stylesheet finds by their <g>, stay): about a third fewer
# elements per page, drawn the same.
RENDER = r"""
(function () {
  var adaptor = MathJax.startup.adaptor;
  var IDENTITY = [1, 0, 0, 1, 0, 0];
  function multiply(m, n) {
    return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
            m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
            m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
  }
  // A transform list of translate, scale and matrix as one matrix; null for
  // anything else (rotate, skew), which is then left as written.
  function parse(text) {
    var m = IDENTITY, re = /(\w+)\(([^)]*)\)/g, r;
    while ((r = re.exec(text || ""))) {
      var v = r[2].trim().split(/[\s,]+/).map(Number);
      if (r[1] === "translate") m = multiply(m, [1, 0, 0, 1, v[0], v[1] || 0]);
      else if (r[1] === "scale")
        m = multiply(m, [v[0], 0, 0, v.length > 1 ? v[1] : v[0], 0, 0]);
      else if (r[1] === "matrix" && v.length === 6) m = multiply(m, v);
      else return null;
    }
    return m;
  }
  function format(m) {
    var n = m.map(function (x) { return +x.toFixed(3); });
    if (n[0] === 1 && n[1] === 0 && n[2] === 0 && n[3] === 1)
      return n[4] === 0 && n[5] === 0 ? null : "translate(" + n[4] + "," + n[5] + ")";
    return "matrix(" + n.join(",") + ")";
  }
  function dissolvable(node) {
    if (node.kind !== "g") return false;
    if (node.attributes["data-mml-node"] === "mtable") return false;
    var names = Object.keys(node.attributes);
    return names.every(function (name) {
      return name === "transform" || name.indexOf("data-") === 0;
    }) && parse(node.attributes.transform) !== null;
  }
  // Append node, or what is left of it, to out, drawn with matrix m.
  function flatten(node, m, out) {
    if (node.kind === "#text" || node.kind === "#comment") { out.push(node); return; }
    var own = parse(node.attributes.transform);
    if (dissolvable(node)) {
      var inner = multiply(m, own);
      node.children.slice().forEach(function (child) { flatten(child, inner, out); });
      return;
    }
    if (node.kind === "g") reduce(node);
    if (node.kind === "svg") reduce(node);
    if (node.kind === "svg" || own === null) {
      var wrapper = format(m);
      if (wrapper) {
        var g = adaptor.node("g", {transform: wrapper});
        g.children = [node];
        node.parent = g;
        node = g;
      }
    } else {
      var t = format(multiply(m, own));
      if (t) node.attributes.transform = t;
      else delete node.attributes.transform;
    }
    out.push(node);
  }
  function reduce(parent) {
    var out = [];
    parent.children.slice().forEach(function (child) {
      flatten(child, IDENTITY, out);
    });
    parent.children = out;
    out.forEach(function (child) { child.parent = parent; });
  }
  return function (tex, display, flat) {
    var node = MathJax.tex2svg(tex, {display: display});
    if (flat) {
      adaptor.childNodes(adaptor.firstChild(node)).forEach(function (top) {
        if (top.kind === "g") reduce(top);
      });
    }
    return adaptor.outerHTML(node);
  };
})()
"""
GLYPHS = """
(function () {
  var adaptor = MathJax.startup.adaptor;
  var defs = adaptor.outerHTML(MathJax.startup.output.fontCache.getCache());
  MathJax.startup.output.fontCache.clearCache();
  return '<svg id="MJX-SVG-global-cache" style="display: none" aria-hidden="true">'
    + defs + "</svg>";
})
"""
CSS = "MathJax.startup.adaptor.textContent(MathJax.svgStylesheet())"

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL
)
GENERIC = re.compile(
    r"^\s*\\(?:\((?P<inline>.*)\\\)|\[(?P<display>.*)\\\])\s*$", re.DOTALL
)
# A notebook's Markdown cell, as nbconvert's lab template writes it.
NOTEBOOK_CELL = re.compile(r'<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>')
DIV = re.compile(r"<(/?)div\b[^>]*>")
TAG = re.compile(r"(<[^>]*>)")
DOLLARS = re.compile(
    r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$|(?<![\\$])\$(?P<inline>[^$]+?)(?<!\\)\$",
    re.DOTALL,
)
ERROR = re.compile(r'data-mjx-error="(?P<message>[^"]*)"')
ARTICLE = '<article class="md-content__inner md-typeset">'


class Typesetter:
    """MathJax in V8, started once per process (``mkdocs serve`` keeps it)."""

    def __init__(self) -> None:
        from py_mini_racer import MiniRacer

        es5 = importlib.resources.files("mathjax") / "static" / "mathjax" / "es5"
        self._context = MiniRacer()
        self._context.eval(CONFIG)
        for component in COMPONENTS:
            self._context.eval((es5 / component).read_text(encoding="utf-8"))
        self._context.eval(START % list(LEFT_OUT))
        self._render = self._context.eval(RENDER)
        self._glyphs = self._context.eval(GLYPHS)

    def stylesheet(self) -> str:
        return self._context.eval(CSS)

    def formula(self, tex: str, display: bool, where: str, flat: bool = True) -> str:
        """``tex`` as SVG; ``flat=False`` keeps MathJax's nested groups."""
        try:
            svg = self._render(tex, display, flat)
        except Exception as error:  # MathJax itself failed: not a TeX error
            # V8's message quotes the whole minified line: keep its first line.
            message = str(error).splitlines()[0][:300]
            raise PluginError(
                f"{where}: MathJax failed on {tex!r}: {message}"
            ) from None
        error = ERROR.search(svg)
        if error:
            raise PluginError(
                f"{where}: TeX error in {tex!r}: {html.unescape(error['message'])}"
            )
        return svg

    def glyphs(self) -> str:
        """The glyphs used since the last call, as one hidden ``<svg>``."""
        return self._glyphs()


@cache
def typesetter() -> Typesetter:
    return Typesetter()


def _arithmatex(page_html: str, where: str) -> tuple[str, int]:
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        source = html.unescape(match["body"])
        formula = GENERIC.match(source)
        if formula is None:
            raise PluginError(f"{where}: unexpected arithmatex output {source!r}")
        count += 1
        display = formula["display"] is not None
        tex = formula["display"] if display else formula["inline"]
        svg = typesetter().formula(tex, display, where)
        # The wrapper stays: Material styles div.arithmatex (it scrolls
        # sideways when a formula is wider than the column).
        return f'<{match["tag"]} class="arithmatex">{svg}</{match["tag"]}>'

    return ARITHMATEX.sub(replace, page_html), count


def _dollars(text: str, where: str) -> tuple[str, int]:
    """Typeset ``$...$`` and ``$$...$$`` in HTML, outside code."""
    out, count, code = [], 0, 0

    def replace(match: re.Match) -> str:
        nonlocal count
        count += 1
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        return typesetter().formula(tex, display, where)

    for piece in TAG.split(text):
        if piece.startswith("<"):
            name = re.match(r"</?\s*(\w+)", piece)
            if name and name[1].lower() in ("code", "pre"):
                code += -1 if piece.startswith("</") else 1
            out.append(piece)
        elif code > 0 or "$" not in piece:
            out.append(piece)
        else:
            out.append(DOLLARS.sub(replace, piece))
    return "".join(out), count


def _notebook(page_html: str, where: str) -> tuple[str, int]:
    out, count, position = [], 0, 0
    for start in NOTEBOOK_CELL.finditer(page_html):
        if start.start() < position:
            continue  # a cell nested in one already done
        depth, end = 1, start.end()
        for tag in DIV.finditer(page_html, start.end()):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = tag.start()
                break
        else:
            raise PluginError(f"{where}: a Markdown cell without its </div>")
        cell, n = _dollars(page_html[start.end() : end], where)
        out += [page_html[position : start.end()], cell]
        count += n
        position = end
    out.append(page_html[position:])
    return "".join(out), count


def typeset_page(page_html: str, where: str, notebook: bool = False) -> str:
    """Every formula of a built page as SVG, and the page's glyphs once."""
    typesetter().glyphs()  # start the page with an empty glyph cache
    page_html, count = _arithmatex(page_html, where)
    if notebook:
        page_html, more = _notebook(page_html, where)
        count += more
    if count == 0:
        return page_html
    if ARTICLE not in page_html:
        raise PluginError(f"{where}: no {ARTICLE} to hold the glyphs")
    glyphs = typesetter().glyphs()
    return page_html.replace(ARTICLE, ARTICLE + glyphs, 1)


# --- the cache -------------------------------------------------------------------


@cache
def version() -> str:
    """What a typeset page depends on besides the page: this file and MathJax."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(importlib.metadata.version("django-static-mathjax").encode())
    return digest.hexdigest()[:16]


class PageCache:
    """Typeset pages on disk, keyed by the page before typesetting."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: set[str] = set()

    def typeset(self, page_html: str, where: str, notebook: bool = False) -> str:
        key = hashlib.sha256(f"{notebook}\0{page_html}".encode()).hexdigest()
        self.used.add(key)
        path = self.directory / f"{key}.html"
        if path.is_file():
            return path.read_text(encoding="utf-8")
        result = typeset_page(page_html, where, notebook)
        write_atomically(path, result)  # whole or not at all, for a concurrent build
        return result

    def prune(self) -> None:
        """Delete this version's entries that the build did not use, and stale
        entries of other versions."""
        if self.directory.is_dir():
            for entry in self.directory.glob("*.html"):
                if entry.stem not in self.used:
                    entry.unlink(missing_ok=True)
        prune(self.directory.parent, self.directory.name)


_pages = PageCache(CACHE / "math" / version())


# --- MkDocs events --------------------------------------------------------------


def on_config(config):
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if not inner_build(config):  # the pages of both languages count as used
        _pages.used.clear()
    return config


def stylesheet() -> str:
    """MathJax's stylesheet, kept beside the typeset pages: a build whose
    pages are all in the cache then never starts V8."""
    path = _pages.directory / "mathjax.css"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        css = typesetter().stylesheet()
        write_atomically(path, css)
        return css


# After the i18n plugin, which rebuilds the file list of each language from
# the files on disk: a generated file added before it would be lost (or, with
# no source path, break it).
@event_priority(-100)
def on_files(files, config):
    files.append(File.generated(config, STYLESHEET, content=stylesheet()))
    return files


def on_post_page(output, page, config):
    notebook = page.file.src_uri.endswith(".ipynb")
    return _pages.typeset(output, page.file.src_uri, notebook)


# Last, once every language is built: before, the other language's pages
# would look unused and be deleted (and typeset again by the next build).
@event_priority(-200)
def on_post_build(config):
    if not inner_build(config):
        _pages.prune()

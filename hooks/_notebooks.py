"""Notebook pages: their execution cache, and their HTML made light.

Not a hook itself: ``hooks/course.py`` calls it for the pages that
mkdocs-jupyter makes of ``docs/notebooks/*.ipynb``.

Contract:

* ``use_notebook_cache(jupyter, path)`` points mkdocs-jupyter's cache at
  ``.cache/course/notebooks/<hash>/``, ``hash`` being ``notebook_hash(path)``:
  the ``course_code`` modules the notebook's code cells import, with theirs
  (``hooks/_sources.py``). mkdocs-jupyter's own key is only the notebook and
  its options, so a change to one of those modules executes the notebook
  again, and a change to any other module does not.
* ``drop_cdn_scripts``, ``describe_notebook_images``,
  ``prune_notebook_styles`` and ``publish_notebook_images`` take a page's
  HTML and return it changed as their docstrings say; only
  ``publish_notebook_images`` writes files (the plots, beside the page).
  ``prune_notebook_styles_cached`` is ``prune_notebook_styles`` kept in
  ``.cache/course/notebook-styles/`` (``prune_styles_cache`` tidies it), and
  ``describe_notebook_images`` raises ``PluginError`` where a cell's
  ``"alt"`` metadata does not describe each of its images.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from functools import cache
from html import escape as escape_html
from pathlib import Path

import tinycss2
from _cache import CACHE, prune, prune_files, write_atomically
from _sources import dependency_hash
from mkdocs.exceptions import PluginError

NOTEBOOKS = CACHE / "notebooks"
MAGIC = re.compile(r"^\s*[%!].*$", re.MULTILINE)


def notebook_code(path: Path) -> str:
    """The notebook's code cells as one Python text (IPython magics left out)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = [
        "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for cell in cells
        if cell.get("cell_type") == "code"
    ]
    return "\n\n".join(MAGIC.sub("", source) for source in sources)


def notebook_hash(path: Path) -> str:
    """The cache key of the notebook at ``path``: what it imports, and its
    language. A translation (``x.zh.ipynb``) has the same code as its English
    notebook but a cache of its own: mkdocs-jupyter deletes, after each
    language's build, the entries of its cache folder that build did not use.
    """
    key = dependency_hash(notebook_code(path))
    return f"{key}-zh" if Path(path).name.endswith(".zh.ipynb") else key


def prune_notebook_caches(notebooks) -> None:
    """Delete stale caches of course_code versions no notebook uses now."""
    prune(NOTEBOOKS, {notebook_hash(Path(path)) for path in notebooks})


def use_notebook_cache(jupyter, path: Path) -> None:
    """Key mkdocs-jupyter's cache for the notebook ``path`` by its imports."""
    jupyter.config["cache_dir"] = str(NOTEBOOKS / notebook_hash(path))


# nbconvert's template loads MathJax 2 and Mermaid from CDNs; the site
# typesets math at build time and has no Mermaid diagram, so both blocks are
# dropped.
NOTEBOOK_CDN_BLOCKS = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->"
    r"|<script type=\"module\">.*?<!-- End of mermaid configuration -->",
    re.DOTALL,
)


def drop_cdn_scripts(html: str) -> str:
    """Remove the MathJax and Mermaid loaders nbconvert puts in a notebook."""
    return NOTEBOOK_CDN_BLOCKS.sub("", html)


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


# Pruning takes about half a second a page, the same every build: the pages
# are kept in .cache/course/notebook-styles/<hash of this file>/, named by
# the page before pruning.
STYLES = CACHE / "notebook-styles"
_used_styles: set[Path] = set()


@cache
def _styles_dir() -> Path:
    return STYLES / hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def prune_notebook_styles_cached(page_html: str) -> str:
    """``prune_notebook_styles``, from the cache when this page was seen."""
    directory = _styles_dir()
    key = hashlib.sha256(page_html.encode()).hexdigest()[:32]
    path = directory / f"{key}.html"
    _used_styles.add(path)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    pruned = prune_notebook_styles(page_html)
    write_atomically(path, pruned)
    return pruned


def prune_styles_cache() -> None:
    """Delete the pages this build did not use (if an hour old), old versions."""
    directory = _styles_dir()
    prune(STYLES, directory.name)
    prune_files(directory, "*.html", keep=_used_styles)
    _used_styles.clear()


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
    """Give each plot the description its cell's metadata ``"alt"`` holds."""
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


#: Where the WebP copies of the notebooks' figures are kept between builds.
WEBP = CACHE / "webp"
_used_webp: set[Path] = set()


def lossless_webp(png: bytes, digest: str) -> bytes:
    """The same pixels as ``png`` in lossless WebP: three to seven times
    smaller for the notebooks' matplotlib figures (a notebook page of 660 KB
    falls to 360 KB). Kept on disk by ``digest``, the PNG's SHA-256: encoding
    takes about 0.1 s a figure."""
    from PIL import Image

    path = WEBP / f"{digest[:32]}.webp"
    _used_webp.add(path)
    try:
        webp = path.read_bytes()
        path.touch()
        return webp
    except OSError:
        pass
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).save(out, "WEBP", lossless=True, method=6)
    webp = out.getvalue()
    write_atomically(path, webp)
    return webp


def prune_webp_cache() -> None:
    """Delete the kept WebP figures this build did not use (if an hour old)."""
    prune_files(WEBP, "*.webp", keep=_used_webp)
    _used_webp.clear()


def publish_notebook_images(page_html: str, page_dir: Path) -> str:
    """Write each embedded PNG into ``page_dir`` as a lossless WebP file; the
    page links to the file, with the image's width and height."""
    count = 0

    def publish(match: re.Match) -> str:
        nonlocal count
        png = base64.b64decode(match["data"])
        digest = hashlib.sha256(png).hexdigest()
        webp = lossless_webp(png, digest)
        name = f"{digest[:16]}.webp"
        page_dir.mkdir(parents=True, exist_ok=True)
        (page_dir / name).write_bytes(webp)
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        extra = f'width="{width}" height="{height}" '
        if count:
            extra += 'loading="lazy" '
        count += 1
        return f'{match[1]}{extra}src="{name}"'

    return DATA_PNG.sub(publish, page_html)

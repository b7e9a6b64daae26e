"""Math typeset at build time (hooks/typeset.py), checked without a build.

The hook runs MathJax in V8 and writes each formula into the page as SVG.
These tests check what the pages rely on: every kind of formula is found and
typeset, a TeX error fails the build by name, notebook code keeps its dollar
signs, each page defines the glyphs it uses, and the flattened SVG puts
every glyph exactly where MathJax's own nested SVG puts it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from mkdocs.exceptions import PluginError
from modules import load_file

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = '<article class="md-content__inner md-typeset">'


@pytest.fixture(scope="module")
def hook():
    return load_file("typeset_hook", ROOT / "hooks" / "typeset.py")


def page(body: str) -> str:
    return f"<html><body>{ARTICLE}{body}</article></body></html>"


def test_inline_and_display_formulas_become_svg_with_their_glyphs(hook):
    html = hook.typeset_page(
        page(
            '<p>Let <span class="arithmatex">\\(x &lt; 1\\)</span>.</p>'
            '<div class="arithmatex">\\[\\sigma(x) = \\frac{1}{1 + e^{-x}}\\]</div>'
        ),
        "test.md",
    )
    assert "\\(" not in html
    assert "\\[" not in html
    inline, display = re.findall(r"<mjx-container[^>]*>", html)
    assert 'display="true"' not in inline
    assert 'display="true"' in display
    # The wrappers stay, so the theme's styles for them still apply.
    assert '<span class="arithmatex"><mjx-container' in html
    assert '<div class="arithmatex"><mjx-container' in html
    # The escaped "<" reached TeX as "<", and came back as MathML's &lt;.
    assert "<mo>&lt;</mo>" in html
    used = set(re.findall(r'xlink:href="#([^"]+)"', html))
    defined = set(re.findall(r'<path id="([^"]+)"', html))
    assert used
    assert used <= defined
    assert (
        html.index('id="MJX-SVG-global-cache"')
        == html.index(ARTICLE) + len(ARTICLE) + 5
    )


def test_each_page_defines_only_its_own_glyphs(hook):
    first = hook.typeset_page(
        page('<span class="arithmatex">\\(\\alpha\\)</span>'), "a.md"
    )
    second = hook.typeset_page(
        page('<span class="arithmatex">\\(\\beta\\)</span>'), "b.md"
    )
    assert "MJX-TEX-I-1D6FC" in first
    assert "MJX-TEX-I-1D6FC" not in second
    assert "MJX-TEX-I-1D6FD" in second  # beta


def test_a_page_without_math_is_left_as_it_is(hook):
    html = page("<p>No formula here, $5 and $6.</p>")
    assert hook.typeset_page(html, "plain.md") == html


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        ("\\frac{1}{", "Missing close brace"),
        ("\\notacommand x", "Undefined control sequence \\notacommand"),
    ],
)
def test_a_tex_error_fails_the_build_naming_page_and_formula(hook, tex, message):
    with pytest.raises(PluginError) as error:
        hook.typeset_page(page(f'<span class="arithmatex">\\({tex}\\)</span>'), "ch.md")
    assert "ch.md" in str(error.value)
    assert tex in str(error.value)
    assert message in str(error.value)


def test_notebook_markdown_math_is_typeset_but_not_code(hook):
    cell = (
        '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">'
        "<p>Variance $1/n$ and</p><p>$$\\lambda &gt; 1$$</p>"
        "<p>costs \\$5, <code>$HOME</code></p><div><p>$y$</p></div></div>"
    )
    code = '<div class="jp-CodeCell"><pre>print("$x$")</pre></div>'
    html = hook.typeset_page(page(cell + code), "nb.ipynb", notebook=True)
    assert html.count("<mjx-container") == 3
    assert html.count('display="true"') == 1
    assert "<code>$HOME</code>" in html
    assert "\\$5" in html
    assert 'print("$x$")' in html


# --- the flattened SVG draws what MathJax drew -----------------------------------

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def matrix(transform: str | None) -> np.ndarray:
    m = np.eye(3)
    for name, args in re.findall(r"(\w+)\(([^)]*)\)", transform or ""):
        v = [float(a) for a in re.split(r"[\s,]+", args.strip())]
        if name == "translate":
            n = np.array([[1, 0, v[0]], [0, 1, v[1] if len(v) > 1 else 0], [0, 0, 1]])
        elif name == "scale":
            sy = v[1] if len(v) > 1 else v[0]
            n = np.array([[v[0], 0, 0], [0, sy, 0], [0, 0, 1]])
        elif name == "matrix":
            n = np.array([[v[0], v[2], v[4]], [v[1], v[3], v[5]], [0, 0, 1]])
        else:
            raise AssertionError(f"unexpected transform {name}")
        m = m @ n
    return m


def placed(svg_text: str) -> list[tuple]:
    """(tag, glyph or size, position) of everything drawn, in page units."""
    svg = ET.fromstring(re.search(r"<svg.*</svg>", svg_text, re.DOTALL)[0])
    found = []

    def walk(node, m, depth):
        m = m @ matrix(node.get("transform"))
        tag = node.tag.removeprefix(SVG)
        if tag in ("use", "rect", "line", "path", "text"):
            what = node.get(XLINK) or node.get("width") or node.get("d", "")[:20]
            found.append((tag, what, depth, tuple(np.round(m[:2].ravel(), 2))))
        nested = depth + (tag == "svg" and node is not svg)
        for child in node:
            walk(child, m, nested)

    walk(svg, np.eye(3), 0)
    return sorted(found)


@pytest.mark.parametrize(
    "tex",
    [
        "W^{(2)}\\bigl(W^{(1)} x + b^{(1)}\\bigr) + b^{(2)}"
        " = \\underbrace{W^{(2)} W^{(1)}}_{W} x"
        " + \\underbrace{W^{(2)} b^{(1)} + b^{(2)}}_{b}",
        "\\operatorname{elu}(x) = \\begin{cases} x & x > 0 \\\\"
        " \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
        "\\sqrt{\\frac{2}{\\pi}}\\left(x + 0.044715\\,x^{3}\\right)",
        "\\begin{array}{c|c} a & b \\\\ \\hline c & \\hat{y}_{i}^{2} \\end{array}",
        "\\sum_{i=1}^{n} \\mathbb{E}\\bigl[\\boldsymbol{h}_i\\bigr] \\overset{!}{=} 0",
    ],
)
def test_flattening_moves_no_glyph(hook, tex):
    typesetter = hook.typesetter()
    nested = typesetter.formula(tex, True, "t", flat=False)
    flat = typesetter.formula(tex, True, "t")
    assert placed(flat) == placed(nested)
    assert flat.count("<g") < nested.count("<g")


def test_typeset_pages_are_cached_and_unused_entries_pruned(
    hook, tmp_path, monkeypatch
):
    cache = hook.PageCache(tmp_path / hook.version())
    one = page('<span class="arithmatex">\\(x^2\\)</span>')
    two = page('<span class="arithmatex">\\(y^2\\)</span>')
    first = cache.typeset(one, "one.md")
    assert len(list(cache.directory.glob("*.html"))) == 1

    def no_typesetting(*args, **kwargs):
        raise AssertionError("typeset again instead of read from the cache")

    monkeypatch.setattr(hook, "typeset_page", no_typesetting)
    assert cache.typeset(one, "one.md") == first
    monkeypatch.undo()

    # The next build uses only the second page: the first page's entry goes.
    cache.used.clear()
    cache.typeset(two, "two.md")
    cache.prune()
    (entry,) = cache.directory.glob("*.html")
    assert "MJX-TEX-I-1D466" in entry.read_text()  # y

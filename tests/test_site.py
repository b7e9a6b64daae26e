"""The site builds with ``mkdocs build --strict`` and loads nothing from elsewhere.

The course must work offline and from any host, so a built page may load
scripts, stylesheets, fonts and images only from its own origin. Links to
other sites (``<a href>``, ``<link rel="canonical">``) are fine: following them
is the reader's choice.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

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


class ForeignAssetFinder(HTMLParser):
    """Collect every resource a page would load from another origin."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

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

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found.extend(f"<style> {url}" for url in CSS_URL.findall(data))


def foreign_assets(html: str) -> list[str]:
    """Return the resources that ``html`` loads from another origin."""
    finder = ForeignAssetFinder()
    finder.feed(html)
    finder.close()
    return finder.found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Build the site once, strictly, and return the output directory."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        # Material's end-of-life banner would bury the build's own messages.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed (exit {result.returncode}):\n"
            f"{result.stderr}\n{result.stdout}",
            pytrace=False,
        )
    return out


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
    ],
)
def test_finder_allows_same_origin_and_plain_links(html):
    assert foreign_assets(html) == []

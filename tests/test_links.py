"""Every internal link and anchor of the built site resolves.

A crawler reads every built HTML page and checks each URL a page links to or
loads from its own site (``href``, ``src``, ``srcset``, ``data``,
``poster``): the file must exist, and a ``#fragment`` must name an element
``id`` (or an ``<a name>``) on the target page. Links to other sites are
not followed. A root-relative URL (``/path``) must start with the path of
``site_url`` (``/activation-functions/``): on GitHub Pages the site lives
under ``/<repo>/``, and any other such link escapes it.
"""

from __future__ import annotations

import functools
import posixpath
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_site import SUBPATH
from modules import load_file

ROOT = Path(__file__).resolve().parent.parent
#: Every page and heading anchor published before the chapters were split.
PUBLISHED = Path(__file__).with_name("published_urls.txt")
#: The hook part that sends an old anchor to the page its heading moved to.
MOVED = load_file("course_moved", ROOT / "hooks" / "_moved.py")

#: Attributes that hold a URL, and those that hold a srcset list.
URL_ATTRS = ("href", "src", "data", "poster")
SRCSET_ATTRS = ("srcset", "imagesrcset")

#: Schemes that are not files of the site.
EXTERNAL_SCHEMES = ("http", "https", "mailto", "javascript", "data", "tel", "ftp")


class PageParser(HTMLParser):
    """Collect the ids and the internal URLs of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        # <link rel="canonical"> and the like name the published address.
        if tag == "link" and "canonical" in (values.get("rel") or "").split():
            return
        for name in URL_ATTRS:
            if values.get(name):
                self.urls.append(values[name].strip())
        for name in SRCSET_ATTRS:
            for candidate in (values.get(name) or "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])

    handle_startendtag = handle_starttag


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def target_file(site: Path, path: str) -> Path:
    """The file that ``path``, relative to the site's root, names."""
    target = site / posixpath.normpath(urllib.parse.unquote(path) or ".")
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(site: Path, mount: str = SUBPATH) -> tuple[int, list[str]]:
    """Crawl ``site``; return the number of pages and every broken reference."""
    pages = sorted(site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    broken = []
    for page, parser in parsed.items():
        name = page.relative_to(site).as_posix()
        for url in parser.urls:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in EXTERNAL_SCHEMES or parts.netloc:
                continue
            if parts.scheme:
                broken.append(f"{name}: {url} (unknown scheme)")
                continue
            if parts.path.startswith(mount):
                path = parts.path[len(mount) :]
            elif parts.path.startswith("/"):
                broken.append(f"{name}: {url} (root-relative, outside {mount})")
                continue
            else:
                path = posixpath.join(posixpath.dirname(name), parts.path)
            target = target_file(site, path) if parts.path else page
            if not target.resolve().is_relative_to(site.resolve()):
                broken.append(f"{name}: {url} (outside the site)")
            elif not target.is_file():
                broken.append(f"{name}: {url} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if urllib.parse.unquote(parts.fragment) not in ids:
                    broken.append(f"{name}: {url} (no id {parts.fragment!r})")
    return len(pages), broken


def test_every_internal_link_and_anchor_resolves(site):
    crawled, broken = broken_links(site)
    # The home page, three chapters, five notebooks and the reference pages.
    assert crawled >= 10, f"crawled only {crawled} pages"
    assert not broken, f"{len(broken)} broken links in {crawled} pages:\n" + (
        "\n".join(broken)
    )
    print(f"crawled {crawled} pages: every internal link and anchor resolves")


# --- the crawler itself, on a small made-up site -------------------------------


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "f.svg").write_text("<svg/>")
    (tmp_path / "index.html").write_text(
        '<h1 id="top">Home</h1><a href="a/">A</a><a href="a/#sec">A, sec</a>'
        '<a href="#top">top</a><img src="img/f.svg" srcset="img/f.svg 2x">'
        '<a href="https://example.org/">out</a><a href="mailto:x@example.org">m</a>'
        '<link rel="canonical" href="/elsewhere/">'
    )
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="sec">S</h2><a name="old"></a><a href="../#top">home</a>'
        '<a href="./#old">old</a><a href="/activation-functions/a/#sec">abs</a>'
    )
    return tmp_path


def test_crawler_accepts_a_sound_site(tiny_site):
    assert broken_links(tiny_site, "/activation-functions/") == (2, [])


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ('<a href="b/">B</a>', "no such file"),
        ('<a href="a/#nowhere">A</a>', "no id 'nowhere'"),
        ('<a href="#nowhere">here</a>', "no id 'nowhere'"),
        ('<img src="img/missing.png">', "no such file"),
        ('<img srcset="img/f.svg 1x, img/g.svg 2x">', "no such file"),
        ('<script src="/assets/app.js"></script>', "root-relative"),
        ('<a href="/activation-functions/b/">B</a>', "no such file"),
        ('<a href="../../etc/passwd">x</a>', "outside the site"),
    ],
)
def test_crawler_reports_a_broken_reference(tiny_site, html, reason):
    (tiny_site / "extra.html").write_text(html)
    crawled, broken = broken_links(tiny_site, "/activation-functions/")
    assert crawled == 3
    assert len(broken) == 1, broken
    assert broken[0].startswith("extra.html: ")
    assert reason in broken[0]


# --- addresses published before the chapters were split -------------------------


def published_addresses() -> list[str]:
    """The addresses of tests/published_urls.txt (``page/`` or ``page/#id``)."""
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def lost_addresses(site: Path, addresses: list[str]) -> list[str]:
    """The addresses that no longer lead to their content, each with why.

    A page must exist; an anchor must be on it, or the page's script for
    moved anchors (``hooks/_moved.py``) must send it to a page that has it.
    """
    lost = []
    ids = functools.cache(lambda page: parse(page).ids)  # a page has many anchors
    for address in addresses:
        path, _, anchor = address.partition("#")
        page = target_file(site, path)
        if not page.is_file():
            lost.append(f"{address}: no page {path!r}")
            continue
        if not anchor or anchor in ids(page):
            continue
        moved_to = MOVED.read_map(page.read_text(encoding="utf-8")).get(anchor)
        if moved_to is None:
            lost.append(f"{address}: no id {anchor!r} and no redirect for it")
            continue
        target = target_file(site, posixpath.join(path, moved_to))
        if not target.is_file() or anchor not in ids(target):
            lost.append(f"{address}: sent to {moved_to}#{anchor}, which lacks it")
    return lost


def test_every_address_published_before_the_split_still_leads_to_its_content(site):
    addresses = published_addresses()
    pages = [address for address in addresses if "#" not in address]
    assert len(pages) >= 25, "the list of published pages is incomplete"
    assert len(addresses) >= 400, "the list of published anchors is incomplete"
    lost = lost_addresses(site, addresses)
    assert not lost, f"{len(lost)} of {len(addresses)} addresses lost:\n" + (
        "\n".join(lost)
    )


def test_a_moved_anchor_is_followed_and_a_lost_one_reported(tiny_site):
    (tiny_site / "a" / "b").mkdir()
    (tiny_site / "a" / "b" / "index.html").write_text('<h1 id="moved">M</h1>')
    script = MOVED.redirect_script({"moved": "b/", "gone": "c/"})
    (tiny_site / "a" / "index.html").write_text(f"<head>{script}</head>")
    assert lost_addresses(tiny_site, ["a/", "a/#moved", "a/b/#moved"]) == []
    assert lost_addresses(tiny_site, ["a/#gone", "a/#never", "x/"]) == [
        "a/#gone: sent to c/#gone, which lacks it",
        "a/#never: no id 'never' and no redirect for it",
        "x/: no page 'x/'",
    ]

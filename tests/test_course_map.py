"""The home page's course map follows the site's navigation, page for page.

A page added to ``nav:`` in mkdocs.yml must get its line in the map of
docs/index.md, in the same order as in the navigation. No site build needed:
both files are read as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
HOME = "index.md"
MAP_HEADING = "## Course map"
LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")


def nav_pages(nav) -> list[str]:
    """The pages of an mkdocs ``nav:`` tree, in order (external links left out)."""
    if isinstance(nav, str):
        return [] if "://" in nav else [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    raise TypeError(f"nav: unexpected entry {nav!r}")


def course_map_links(markdown: str) -> list[str]:
    """The pages linked from the course map section of the home page, in order."""
    if MAP_HEADING not in markdown:
        raise ValueError(f"the home page has no {MAP_HEADING!r} section")
    section = markdown.split(MAP_HEADING, 1)[1].split("\n## ", 1)[0]
    return [link for link in LINK.findall(section) if "://" not in link]


def missing_and_misordered(nav: list[str], links: list[str]):
    """Pages of ``nav`` absent from ``links``, and whether the rest keep nav order."""
    missing = [page for page in nav if page not in links]
    linked = [page for page in links if page in nav]
    present = [page for page in nav if page in linked]
    return missing, list(dict.fromkeys(linked)) == present


@pytest.fixture(scope="module")
def nav() -> list[str]:
    # MkDocs' own loader: the configuration uses its !ENV tag.
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    return [page for page in nav_pages(config["nav"]) if page != HOME]


@pytest.fixture(scope="module")
def links() -> list[str]:
    return course_map_links((ROOT / "docs" / HOME).read_text(encoding="utf-8"))


def test_nav_pages_walks_sections_in_order():
    nav = [
        {"Home": "index.md"},
        {"Chapters": ["a.md", {"Named": "b.md"}]},
        {"Elsewhere": "https://example.org/"},
        {"Notebooks": ["n.ipynb"]},
    ]
    assert nav_pages(nav) == ["index.md", "a.md", "b.md", "n.ipynb"]


def test_course_map_links_reads_only_the_map_section():
    page = (
        "# Home\n[before](a.md)\n## Course map\n"
        "| [A](a.md#part) | x |\n[web](https://example.org/) [B](b.md)\n"
        "## Prerequisites\n[after](c.md)\n"
    )
    assert course_map_links(page) == ["a.md", "b.md"]


def test_a_page_left_out_of_the_map_is_reported():
    missing, in_order = missing_and_misordered(["a.md", "b.md"], ["a.md"])
    assert (missing, in_order) == (["b.md"], True)


def test_a_map_out_of_nav_order_is_reported():
    missing, in_order = missing_and_misordered(["a.md", "b.md"], ["b.md", "a.md"])
    assert (missing, in_order) == ([], False)


def test_the_navigation_has_pages(nav):
    assert "chapters/why/index.md" in nav
    assert any(page.endswith(".ipynb") for page in nav)


def test_every_page_of_the_navigation_is_in_the_course_map(nav, links):
    missing, _ = missing_and_misordered(nav, links)
    assert not missing, (
        f"docs/index.md's course map lacks {missing}: add a line for each, "
        "with a one-line description, where it stands in mkdocs.yml's nav"
    )


def test_the_course_map_follows_the_navigation_order(nav, links):
    _, in_order = missing_and_misordered(nav, links)
    assert in_order, (
        f"docs/index.md's course map lists {[p for p in links if p in nav]}, "
        f"but mkdocs.yml's nav orders them {nav}"
    )


def test_the_course_map_links_only_pages_that_exist(links):
    absent = [link for link in links if not (ROOT / "docs" / link).is_file()]
    assert not absent, f"the course map links missing files {absent}"

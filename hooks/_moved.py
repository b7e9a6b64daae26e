"""Old links into a chapter that was split into pages still find their heading.

A chapter published as one page, ``chapters/why/``, keeps its address when
it is split into sections: the address is now the chapter's first page
(``chapters/why/index.md``), and each further section has a page of its own
beside it (``chapters/why/xor.md``). A link published before the split to a
heading that moved, ``chapters/why/#xor-needs-a-non-linearity``, would
otherwise land at the top of the first page. A static host such as GitHub
Pages cannot redirect on a fragment, which the browser never sends to the
server, so the first page carries a script of a few hundred bytes: when the
address names a heading that is now on a section page, it replaces the
address with that page and heading (``xor/#xor-needs-a-non-linearity``),
before anything is drawn. The map is computed from the built pages, so it
follows every later edit; ``tests/test_links.py`` checks every page and
heading anchor the site published before the split against it.
"""

from __future__ import annotations

import json
import re

from mkdocs.utils import get_relative_url

#: The id of a heading in a page's HTML.
HEADING_ID = re.compile(r'<h[1-6]\b[^>]*?\bid="([^"]+)"')
#: Marks the script, so that tests can read its map back.
MARKER = "data-moved-anchors"
SCRIPT = (
    "<script " + MARKER + ">(function(m){"
    "var id=decodeURIComponent(location.hash.slice(1));"
    "if(Object.prototype.hasOwnProperty.call(m,id))"
    'location.replace(m[id]+"#"+encodeURIComponent(id))'
    "})(MAP);</script>"
)
CHARSET = re.compile(r"<meta charset=[^>]*>")
READ_MAP = re.compile(r"<script " + MARKER + r">.*?\}\)\((\{.*?\})\);</script>")


def heading_ids(page_html: str) -> list[str]:
    """The ids of the headings of a page, in order.

    >>> heading_ids('<h1 id="a">A</h1><p id="p"></p><h3 class="x" id="b">B</h3>')
    ['a', 'b']
    """
    return HEADING_ID.findall(page_html)


def moved_anchors(first_page: str, sections: list[tuple[str, str]]) -> dict:
    """Where each heading that is not on a chapter's first page went.

    Parameters
    ----------
    first_page : str
        The HTML of the chapter's first page.
    sections : list of (str, str)
        ``(address relative to the first page, HTML)`` of each section page,
        in the order of the navigation; a heading id found on several is
        sent to the first.

    Returns
    -------
    dict
        Heading id to the relative address of the page that has it.

    Examples
    --------
    >>> moved_anchors(
    ...     '<h1 id="why">Why</h1><h2 id="quiz">Quiz</h2>',
    ...     [
    ...         ("xor/", '<h1 id="xor">XOR</h1><h2 id="quiz">Quiz</h2>'),
    ...         ("bumps/", '<h1 id="bumps">Bumps</h1><h2 id="xor">Again</h2>'),
    ...     ],
    ... )
    {'xor': 'xor/', 'bumps': 'bumps/'}
    """
    here = set(heading_ids(first_page))
    moved: dict[str, str] = {}
    for address, page_html in sections:
        for anchor in heading_ids(page_html):
            if anchor not in here:
                moved.setdefault(anchor, address)
    return moved


def redirect_script(moved: dict) -> str:
    """The script that sends an old anchor to its page ('' if none moved).

    >>> redirect_script({"xor": "xor/"})[:40]
    '<script data-moved-anchors>(function(m){'
    >>> read_map(redirect_script({"xor": "xor/"}))
    {'xor': 'xor/'}
    """
    if not moved:
        return ""
    return SCRIPT.replace("MAP", json.dumps(moved, separators=(",", ":")))


def read_map(page_html: str) -> dict:
    """The map of moved anchors a built page carries ({} if none)."""
    match = READ_MAP.search(page_html)
    return json.loads(match[1]) if match else {}


def add_redirects(output: str, page) -> str:
    """Give a chapter's first page the script for the anchors that moved.

    A first page is the ``index.md`` of a folder that is a section of the
    navigation (Material's ``navigation.indexes``); its section pages are
    the other pages of that section.
    """
    parent = page.parent
    if page.file.name != "index" or parent is None:
        return output
    sections = [
        (get_relative_url(child.url, page.url), child.content or "")
        for child in parent.children
        if child.is_page and child is not page
    ]
    script = redirect_script(moved_anchors(page.content or "", sections))
    if not script:
        return output
    # First thing in <head> after the character set, which must come first
    # (within the first 1024 bytes): the browser leaves before loading
    # anything else.
    charset = CHARSET.search(output)
    if charset is None:
        return output.replace("<head>", "<head>" + script, 1)
    return output[: charset.end()] + script + output[charset.end() :]

"""Material's search index, read from disk for the pages that did not change.

Not a hook itself: ``hooks/course.py`` calls :func:`install` from its
``on_config``. Material's search plugin parses the HTML of every page, on
every build, to cut it into the sections of the index: a fifth of a warm
build. The sections of a page are a function of what the plugin reads, the
page's HTML, table of contents, address, title and front matter, so this
module keeps them in ``.cache/course/search/<Material's version>/`` under a
hash of those and parses only the pages whose hash is new. The index the
build writes is the same, entry for entry (``tests/test_hooks_units.py``).
"""

from __future__ import annotations

import hashlib
import json
import time
from importlib.metadata import version

from _cache import CACHE, STALE_AFTER, prune, write_atomically

#: The folder of this Material version's entries.
FOLDER = CACHE / "search" / version("mkdocs-material")


def _toc(items) -> list:
    """The table of contents as plain data: what the entries' addresses use."""
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def page_key(page) -> str:
    """Hash of everything Material's ``add_entry_from_context`` reads of ``page``."""
    parts = (
        page.url,
        str(page.title),
        json.dumps(page.meta, sort_keys=True, default=str),
        json.dumps(_toc(page.toc or [])),
        page.content or "",
    )
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def cached(parse):
    """Wrap Material's ``SearchIndex.add_entry_from_context``: ``parse``."""

    def add_entry_from_context(index, page):
        path = FOLDER / f"{page_key(page)}.json"
        try:
            index.entries.extend(json.loads(path.read_text(encoding="utf-8")))
            path.touch()  # in use: not stale
            return
        except (OSError, ValueError):
            pass  # a new page, or a damaged entry: parse it
        start = len(index.entries)
        parse(index, page)
        write_atomically(path, json.dumps(index.entries[start:]))

    add_entry_from_context.__wrapped__ = parse
    return add_entry_from_context


def install() -> None:
    """Make Material's search plugin read unchanged pages from the cache."""
    from material.plugins.search.plugin import SearchIndex

    method = SearchIndex.add_entry_from_context
    if getattr(method, "__wrapped__", None) is None:  # once per process
        SearchIndex.add_entry_from_context = cached(method)
    prune(FOLDER.parent, FOLDER.name)


def prune_entries() -> None:
    """Delete the entries no build has read for STALE_AFTER seconds."""
    if FOLDER.is_dir():
        for path in FOLDER.glob("*.json"):
            if time.time() - path.stat().st_mtime > STALE_AFTER:
                path.unlink(missing_ok=True)

"""The build caches both hooks keep, and how stale entries go.

Not a hook itself: the hooks ``hooks/course.py`` and ``hooks/typeset.py``
and their helpers import it (MkDocs puts a hook's folder on ``sys.path``
while it loads the hook).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The build caches; COURSE_CACHE_DIR moves them (benchmarks/bench_site_build.py
#: times a cold build in a fresh directory without emptying this one).
CACHE = Path(os.environ.get("COURSE_CACHE_DIR") or ROOT / ".cache" / "course")

#: A cache entry of another hash is deleted once it is this old (seconds):
#: younger ones may belong to a build running at the same moment.
STALE_AFTER = 3600


def prune(parent: Path, keep: str | Collection[str]) -> None:
    """Delete the stale cache entries in ``parent`` of hashes not in ``keep``."""
    keep = {keep} if isinstance(keep, str) else set(keep)
    if parent.is_dir():
        for old in parent.iterdir():
            if old.name in keep or not old.is_dir():
                continue
            if time.time() - old.stat().st_mtime > STALE_AFTER:
                shutil.rmtree(old, ignore_errors=True)


def prune_files(folder: Path, pattern: str, keep: Collection[Path] = ()) -> None:
    """Delete the files of ``folder`` matching ``pattern`` that are not in
    ``keep`` and have not been written or read (touched) for STALE_AFTER."""
    if folder.is_dir():
        for path in folder.glob(pattern):
            if path not in keep and time.time() - path.stat().st_mtime > STALE_AFTER:
                path.unlink(missing_ok=True)


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` so that no reader, not even a build
    running at the same moment, ever sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    if isinstance(content, str):
        partial.write_text(content, encoding="utf-8")
    else:
        partial.write_bytes(content)
    os.replace(partial, path)


class KeptValues:
    """Numbers and strings computed once, kept in the JSON file ``path`` by key.

    ``get`` gives ``MISSING`` for a key not computed yet; ``put`` keeps a
    number or a string (NumPy scalars as Python ones) and ignores anything
    else, which JSON would not give back unchanged. Each ``put`` reads the
    file again before it writes, so that values another process added since
    (a second build, a test) stay.
    """

    MISSING = object()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict | None = None

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def get(self, key: str):
        if self._data is None:
            self._data = self._read()
        return self._data.get(key, self.MISSING)

    def put(self, key: str, value) -> None:
        plain = value.item() if hasattr(value, "item") else value
        if type(plain) not in (int, float, str):
            return
        self._data = self._read()
        self._data[key] = plain
        write_atomically(self.path, json.dumps(self._data, indent=0, sort_keys=True))

    def value(self, key: str, compute):
        """The value kept under ``key``, or ``compute()``, kept for next time."""
        value = self.get(key)
        if value is self.MISSING:
            value = compute()
            self.put(key, value)
        return value

    def prune(self) -> None:
        """Delete the other files of the folder once they are stale."""
        prune_files(self.path.parent, "*.json", keep={self.path})


def template_cache():
    """Jinja's compiled templates, kept in ``.cache/course/jinja``.

    The theme's and mkdocstrings' templates are compiled again by every
    build otherwise (a tenth of a warm one). Jinja checks each entry against
    its template's source and its own version, so a changed template is
    compiled again.
    """
    from jinja2 import FileSystemBytecodeCache

    folder = CACHE / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))

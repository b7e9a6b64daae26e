"""The build caches both hooks keep, and how stale entries go.

Not a hook itself: the hooks ``hooks/course.py`` and ``hooks/typeset.py``
and their helpers import it (MkDocs puts a hook's folder on ``sys.path``
while it loads the hook).
"""

from __future__ import annotations

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

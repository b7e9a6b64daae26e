"""The experiments' results kept on disk, keyed by the code that made them.

The experiments of ``course_code.experiments`` run with fixed seeds, so their
result is a function of course_code's source, NumPy's version and the
arguments alone. :func:`run` keeps each result in ``.cache/experiments`` under
a hash of all three (as the site build keys its figures by course_code's
source), so a second ``pytest`` reads it instead of training again; any change
to course_code runs every experiment again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("TEST_CACHE_DIR") or ROOT / ".cache") / "experiments"


@cache
def code_hash() -> str:
    """Hash of course_code's source, NumPy's and Python's versions."""
    digest = hashlib.sha256(f"{np.__version__} {sys.version}".encode())
    for path in sorted((ROOT / "course_code").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run(function, *args, **kwargs):
    """``function(*args, **kwargs)``, read from the cache if it ran before."""
    name = f"{function.__module__}.{function.__qualname__}"
    call = f"{code_hash()} {name}{args!r}{sorted(kwargs.items())!r}"
    key = hashlib.sha256(call.encode()).hexdigest()[:24]
    path = CACHE_DIR / f"{function.__name__}-{key}.pickle"
    try:
        with open(path, "rb") as file:
            return pickle.load(file)
    except Exception:  # missing, damaged or of other classes: run it
        pass
    result = function(*args, **kwargs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only checkout: run again next time
    return result

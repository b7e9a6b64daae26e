"""Python files outside any package (the site's hooks, the graders), as modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_file(name: str, path: Path) -> ModuleType:
    """Execute ``path`` as a new module called ``name`` and return it.

    As MkDocs loads a hook, the file's folder is on ``sys.path`` while it
    runs, so that it can import its neighbours (``hooks/_cache.py``).
    """
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    saved = sys.path.copy()
    sys.path.insert(0, str(Path(path).parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module

"""Which ``course_code`` sources a piece of Python depends on: the cache keys.

Not a hook itself: ``hooks/_figures.py`` and ``hooks/_notebooks.py`` import
it (MkDocs puts a hook's folder on ``sys.path`` while it loads the hook).

Contract: ``dependency_hash(*sources)`` is a short hex digest that changes
when, and only when, one of ``sources`` (Python text or files) changes or one
of the ``course_code`` modules they import changes, directly or through the
imports of those modules (imports inside functions count; a package counts
its ``__init__.py`` and those of its parents, which Python runs first). An
edit to a module that nothing imported reaches, or to a package outside
``course_code`` (``course_grading``), leaves the hash alone.

Imports are read with :mod:`ast`, never executed, and module names are
resolved against the folder that ``course_code`` is found in, so the rule
holds as ``course_code`` grows subpackages.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = "course_code"


@cache
def _package_root() -> Path:
    """The folder that holds the ``course_code`` package."""
    spec = importlib.util.find_spec(PACKAGE)  # finds it without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{PACKAGE} is not importable")
    return Path(next(iter(spec.submodule_search_locations))).parent


def module_file(name: str) -> Path | None:
    """The source file of module ``name`` of ``course_code``, or None."""
    if name != PACKAGE and not name.startswith(PACKAGE + "."):
        return None
    base = _package_root().joinpath(*name.split("."))
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imported_modules(source: str, module: str = "", package: bool = False) -> set:
    """The ``course_code`` modules that Python ``source`` imports.

    ``module`` is the source's own dotted name (for relative imports) and
    ``package`` whether it is a package's ``__init__``. ``from X import Y``
    counts ``X`` and, where ``X.Y`` is a module, ``X.Y`` too.
    """
    here = module if package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = here.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if module_file(name) is not None}


@cache
def _module_imports(name: str, path: Path, stamp: tuple) -> frozenset:
    """``imported_modules`` of a module's file, read again when ``stamp`` changes."""
    text = path.read_text(encoding="utf-8")
    return frozenset(imported_modules(text, name, _is_package(path)))


def _with_parents(name: str) -> list[str]:
    """``a.b.c`` and the packages Python imports before it: ``a``, ``a.b``."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def closure(modules: Iterable[str]) -> list[Path]:
    """The files of ``modules`` and of every ``course_code`` module they reach."""
    seen: dict[str, Path] = {}
    todo = [parent for name in modules for parent in _with_parents(name)]
    while todo:
        name = todo.pop()
        path = module_file(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        stat = path.stat()
        for found in _module_imports(name, path, (stat.st_mtime_ns, stat.st_size)):
            todo.extend(_with_parents(found))
    return sorted(set(seen.values()))


def dependency_hash(*sources: str | Path) -> str:
    """16 hex digits of ``sources`` and the ``course_code`` files they reach."""
    texts = [
        s.read_text(encoding="utf-8") if isinstance(s, Path) else s for s in sources
    ]
    modules = set().union(*(imported_modules(text) for text in texts))
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode())
    root = _package_root()
    for path in closure(modules):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]

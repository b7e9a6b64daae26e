"""The course's packages import each other without a cycle, in any order.

An import cycle works only while the modules happen to be imported in the
right order, and a learner who reads one module should not have to know that.
The graph below holds every import between modules of ``course_code`` and
``course_grading``, read from the source with :mod:`ast`: imports at the top
of a module and imports inside functions both count, since a function-level
import that closes a cycle only moves the failure to run time.

``import a.b`` and ``from a import b`` (``b`` a module) are edges to
``a.b``; ``from a.b import name`` is an edge to ``a.b``.  The parent packages
Python also initialises on the way are not edges: a package's ``__init__``
has edges of its own, and the last tests import every module of
``course_code`` alone, parents and all, each in a process that has loaded no
module of the course before (forked from one that loaded only NumPy, SciPy
and Matplotlib).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("course_code", "course_grading")


def module_files(packages=PACKAGES, root=ROOT):
    """``{module name: path}`` for every ``.py`` file of ``packages``."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _is_package(name, modules):
    return modules[name].name == "__init__.py"


def imported_modules(name, tree, modules):
    """The modules of ``modules`` that the module ``name`` (parsed) imports."""
    found = set()

    def known(target):
        # The longest known prefix: ``import a.b.c`` of a module a.b is a.b.
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [known(alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = (
                    name if _is_package(name, modules) else name.rpartition(".")[0]
                )
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}".strip(".")
            targets = [
                f"{base}.{alias.name}"
                if f"{base}.{alias.name}" in modules
                else known(base)
                for alias in node.names
            ]
        else:
            continue
        found.update(t for t in targets if t is not None)
    return found


def import_graph(packages=PACKAGES, root=ROOT):
    """``{module: set of modules it imports}`` within ``packages``."""
    modules = module_files(packages, root)
    return {
        name: imported_modules(name, ast.parse(path.read_text("utf-8")), modules)
        for name, path in modules.items()
    }


def cycles(graph):
    """One cycle (a list ``[a, b, ..., a]``) per strongly connected component.

    Tarjan's algorithm finds the components; a path inside each one that
    returns to its start is the cycle to report.  A module that imports
    itself is a cycle of one.
    """
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)

    found = []
    for component in components:
        start = min(component)
        # Breadth-first inside the component, back to the start.
        paths = {start: [start]}
        queue = [start]
        while queue:
            v = queue.pop(0)
            for w in sorted(graph[v] & component):
                if w == start:
                    found.append([*paths[v], start])
                    queue = []
                    break
                if w not in paths:
                    paths[w] = [*paths[v], w]
                    queue.append(w)
    return sorted(found)


def test_cycles_finds_a_planted_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "e"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_function_level_and_relative_imports(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "leaf.py").write_text("from .. import top\n")
    (package / "top.py").write_text(
        "def f():\n    from pkg.sub import leaf\n    import pkg.sub\n"
    )
    graph = import_graph(("pkg",), tmp_path)
    assert graph["pkg.sub.leaf"] == {"pkg.top"}
    assert graph["pkg.top"] == {"pkg.sub.leaf", "pkg.sub"}
    assert cycles(graph) == [["pkg.sub.leaf", "pkg.top", "pkg.sub.leaf"]]


def test_the_graph_covers_both_packages():
    graph = import_graph()
    assert "course_code.activations.smooth" in graph
    assert "course_grading.checks" in graph
    # An edge known to exist: the catalogue describes the functions.
    assert "course_code.activations.sigmoid_family" in graph["course_code.catalogue"]


def test_no_import_cycle():
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_course_code_itself_imports_nothing():
    # Then importing one module of course_code runs only what it needs.
    assert not import_graph()["course_code"]


#: Imports each module named on stdin in a child forked from an interpreter
#: that has imported only third-party packages: the child starts with no
#: module of course_code loaded, as a fresh interpreter does, without paying
#: NumPy's, SciPy's and Matplotlib's import once per module.
IMPORT_ALONE = """
import json, os, sys, traceback
import matplotlib, numpy, scipy.special  # third-party only
assert not any(m.startswith("course_code") for m in sys.modules)
failures = {}
for module in sys.stdin.read().split():
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        import warnings
        warnings.simplefilter("error")
        try:
            __import__(module)
        except BaseException:
            os.write(write, traceback.format_exc().encode())
            os._exit(1)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    if status:
        failures[module] = message or f"exit status {status}"
print(json.dumps(failures))
"""

MODULES = sorted(module_files(("course_code",)))


@pytest.fixture(scope="module")
def import_failures():
    """``{module: traceback}`` for the modules of course_code that fail alone."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALONE],
        input=" ".join(MODULES),
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_in_a_fresh_interpreter(module, import_failures):
    assert module not in import_failures, (
        f"import {module} failed alone:\n{import_failures[module]}"
    )


@pytest.mark.slow
def test_a_module_that_fails_alone_is_reported(tmp_path):
    """The check can fail: a module with a broken import is caught."""
    (tmp_path / "broken_alone.py").write_text("import course_code.no_such_module\n")
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALONE],
        input="broken_alone course_code.ideas",
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    failures = json.loads(done.stdout)
    assert list(failures) == ["broken_alone"]
    assert "ModuleNotFoundError" in failures["broken_alone"]

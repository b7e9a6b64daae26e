"""Every Examples section of a public function runs as a doctest.

``doctest`` looks for tests only in functions whose globals are their
module's, so a decorator that returns an ordinary closure would silently
drop the Examples of every function it decorates.  These tests make that
loss a failure.
"""

from __future__ import annotations

import doctest
import functools
import importlib
import inspect
import pkgutil
import types

import pytest

import course_code
from course_code._numerics.evaluation import elementwise

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(course_code.__path__, "course_code.")
)


def missing_examples(module):
    """Public functions of ``module`` with an Examples section doctest skips."""
    found = {
        test.name.rsplit(".", 1)[-1]
        for test in doctest.DocTestFinder().find(module)
        if test.examples
    }
    documented = {
        obj.__name__  # an alias (``a = b``) is found under b's name
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and inspect.isfunction(obj)
        and obj.__module__ == module.__name__
        and "Examples\n" in (inspect.getdoc(obj) or "")
    }
    return sorted(documented - found)


def _module_with(decorator):
    module = types.ModuleType("planted")
    source = (
        "def double(x):\n"
        '    """Twice x.\n\n    Examples\n    --------\n'
        '    >>> double(2.0)\n    4.0\n    """\n'
        "    return 2.0 * x\n"
    )
    exec(compile(source, "planted.py", "exec"), module.__dict__)
    module.double = decorator(module.double)
    module.double.__module__ = "planted"
    return module


def _naive(function):
    @functools.wraps(function)
    def wrapper(x):
        return function(x)

    return wrapper


def test_a_naive_decorator_loses_the_examples():
    assert missing_examples(_module_with(_naive)) == ["double"]


def test_elementwise_keeps_the_examples():
    module = _module_with(elementwise)
    assert missing_examples(module) == []
    assert float(module.double(2)) == 4.0


@pytest.mark.parametrize("name", MODULES)
def test_doctest_finds_every_example(name):
    missing = missing_examples(importlib.import_module(name))
    assert not missing, f"doctest does not find the Examples of {missing} in {name}"

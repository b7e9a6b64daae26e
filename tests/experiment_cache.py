"""The experiments' results, from the cache the site build keeps.

The experiments of ``course_code.experiments`` run with fixed seeds, so their
result is a function of their code, NumPy's version and the arguments alone.
:func:`run` reads and writes the same cache as the site build
(``hooks/_values.experiment``: ``.cache/course/experiments/<hash>/``, the hash
of the experiments' module and of the ``course_code`` modules it imports), so
a test never trains what the build, or an earlier run, already trained, and
editing a module the experiments do not import trains nothing again.
"""

from __future__ import annotations

from pathlib import Path

from modules import load_file

ROOT = Path(__file__).resolve().parent.parent
_VALUES = load_file("course_values", ROOT / "hooks" / "_values.py")


def run(function, *args, **kwargs):
    """``function(*args, **kwargs)``, read from the cache if it ran before.

    ``function`` is one of ``course_code.experiments``.
    """
    if function.__module__ != "course_code.experiments":
        raise TypeError(f"not an experiment of course_code.experiments: {function!r}")
    return _VALUES.experiment(function.__name__, *args, **kwargs)

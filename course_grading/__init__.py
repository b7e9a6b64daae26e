"""The grader of the course's exercises: a pytest plugin and the ``course``
command.

Modules: ``exercises`` (the list in ``exercises/info.toml``), ``checks``
(what the graders call: :func:`check` and its helpers), ``guards`` (warnings
watched and functions banned, by identity), ``plugin`` (the pytest plugin
behind ``pytest exercises``: the ``solution`` fixture, feedback and the
scorecard), ``progress`` (``course-progress.json``), ``hints``, ``cli``
(the ``course`` command: watch, list, hint, reset, solution) and
``messages`` (what they print, in English and in Chinese: ``--lang zh`` or
``COURSE_LANG=zh``).

The graders import what they use from here::

    from course_grading import check, check_extremes
"""

from course_grading.checks import (
    ANY,
    EXTREMES,
    call,
    check,
    check_dtypes_and_shapes,
    check_extremes,
    check_raises,
    describe_call,
    forbidden,
    forbidding,
)
from course_grading.exercises import Exercise, find_root, load_exercises

__all__ = [
    "ANY",
    "EXTREMES",
    "Exercise",
    "call",
    "check",
    "check_dtypes_and_shapes",
    "check_extremes",
    "check_raises",
    "describe_call",
    "find_root",
    "forbidden",
    "forbidding",
    "load_exercises",
]

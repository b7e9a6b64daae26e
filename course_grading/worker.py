"""A warm, fresh interpreter for one grading: ``course watch`` starts one
ahead of time, so that a save is graded without waiting for Python, NumPy
and pytest to start.

The worker imports what every grading needs (pytest, NumPy, SciPy's special
functions, course_code and the grading plugin) but never a learner's file.
It then waits for one line on stdin, the pytest arguments as JSON, runs
pytest once with them and exits with pytest's exit code. A new worker serves
the next grading, so a learner's module is always imported afresh.

Run it as ``python -m course_grading.worker``.
"""

from __future__ import annotations

import json
import os
import sys


def _warm_up():
    import numpy  # noqa: F401
    import pytest  # noqa: F401
    import pytest_timeout  # noqa: F401
    import scipy.special  # noqa: F401

    import course_code.activations
    import course_code.gradcheck
    import course_code.losses  # noqa: F401
    import course_grading.checks  # noqa: F401  (the plugin itself is left
    # for pytest to import, as it does under `pytest exercises`)


def main():
    """Warm up, read the arguments, grade once, exit with pytest's code."""
    _warm_up()
    line = sys.stdin.readline()
    if not line.strip():
        return 0
    args = json.loads(line)
    import pytest

    # pytest's own terminal report is not wanted: the results go to the
    # JSON report the arguments name. Whatever pytest prints goes to stderr.
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return int(pytest.main(args))


if __name__ == "__main__":
    sys.exit(main())

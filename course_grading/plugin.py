r"""The grading plugin of the exercises: ``pytest exercises``.

``exercises/conftest.py`` registers this module as a pytest plugin.  It

* loads a learner's file lazily, inside the ``solution`` fixture, so that a
  syntax error, an import error, an endless loop (a per-test timeout from
  pytest-timeout) or a ``sys.exit()`` fails that exercise alone;
* with ``--reference``, hands the graders :mod:`course_code` instead of the
  learner's files, which it then never imports;
* lists, for each exercise not solved, every failing check on one line and
  explains the first in full;
* ends every run with a scorecard: each exercise graded, its checks passed,
  its points, the learner's overall progress and what to do next;
* records the progress in ``course-progress.json`` (see
  :mod:`course_grading.progress`), which the ``course`` command reads;
* prints hints one at a time: ``pytest exercises --hint 03``.

Each grader test is one *check*; the first line of its docstring says what
it checks, in the words of the exercise's README, which lists them all.
The exercises themselves are listed, in order, in ``exercises/info.toml``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import importlib.util
import inspect
import json
import types
from pathlib import Path

import pytest

from course_grading.checks import learner_frames
from course_grading.exercises import (
    exercise_of,
    find_root,
    load_exercises,
    relative,
)
from course_grading.hints import reveal, wrapped
from course_grading.progress import Progress

__all__ = ["check_description", "feedback", "scorecard", "solution"]

#: Seconds a single grader may take before it is stopped (ini: exercise_timeout).
DEFAULT_TIMEOUT = 10.0
#: Characters of a learner's printed output kept in a failure report.
MAX_CAPTURED = 2000

_STATE = pytest.StashKey["_Grading"]()


# ---------------------------------------------------------------------------
# Loading a learner's file, or the reference.
# ---------------------------------------------------------------------------


class _NotGradable(Exception):
    """The learner's file cannot be loaded; the message says why."""


def _load_learner_module(exercise):
    """Import the learner's file under a private name and return the module."""
    path = exercise.path
    where = relative(path)
    if not path.is_file():
        raise _NotGradable(
            f"{where} is missing: `course reset {exercise.id}` brings the stub back."
        )
    name = f"_exercise_{exercise.id}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise _NotGradable(
            f"{where} has a syntax error on line {exc.lineno}: {exc.msg}.\n"
            f"    {(exc.text or '').strip()}\n"
            "Python could not read the file, so none of it was graded."
        ) from None
    except SystemExit as exc:
        raise _NotGradable(
            f"{where} called sys.exit({exc.code!r}) while being imported. "
            "Remove the call: the grader imports your file and calls your "
            "functions; a file that exits cannot be graded."
        ) from None
    except Exception as exc:
        raise _NotGradable(
            f"importing {where} raised {type(exc).__name__}: {exc}\n"
            f"{learner_frames(exc, path)}"
        ) from None
    return module


def _reference_namespace(exercise):
    """The course_code functions that solve ``exercise``, as a namespace."""
    namespace = types.SimpleNamespace()
    for name, target in exercise.functions.items():
        module_name, _, attribute = target.partition(":")
        setattr(
            namespace, name, getattr(importlib.import_module(module_name), attribute)
        )
    return namespace


def check_description(function):
    """What a grader test checks: the first line of its docstring.

    Examples
    --------
    >>> def test_tails(solution):
    ...     '''Tails keep their relative accuracy.'''
    >>> check_description(test_tails)
    'Tails keep their relative accuracy.'
    """
    doc = inspect.getdoc(function) or ""
    first = doc.strip().splitlines()[0] if doc.strip() else ""
    return first or function.__name__.removeprefix("test_").replace("_", " ")


# ---------------------------------------------------------------------------
# The session's state and the pytest hooks, in lifecycle order.
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class _Check:
    name: str
    description: str
    passed: bool
    message: str = ""
    printed: str = ""


@dataclasses.dataclass
class _Grading:
    root: Path
    exercises: list
    reference: bool
    timeout: float
    modules: dict = dataclasses.field(default_factory=dict)
    checks: dict = dataclasses.field(default_factory=dict)
    expected: dict = dataclasses.field(default_factory=dict)
    timed_out: set = dataclasses.field(default_factory=set)
    not_written: set = dataclasses.field(default_factory=set)
    own_reports: bool = False
    progress: Progress = None

    def exercise_of(self, path):
        return exercise_of(self.exercises, path)

    def passed(self, exercise):
        return sum(c.passed for c in self.checks.get(exercise.id, ()))

    def complete(self, exercise):
        """Every check of the exercise ran in this session."""
        done = self.checks.get(exercise.id, ())
        return bool(done) and len(done) == self.expected.get(exercise.id, -1)

    def solved(self, exercise):
        done = self.checks.get(exercise.id, ())
        return self.complete(exercise) and all(c.passed for c in done)


def pytest_addoption(parser):
    group = parser.getgroup("exercises", "grading the course's exercises")
    group.addoption(
        "--reference",
        action="store_true",
        help="grade the reference solutions in course_code instead of your files "
        "(your files are not imported)",
    )
    group.addoption(
        "--hint",
        metavar="ID",
        help="show the next hint of exercise ID (for example 03) and stop",
    )
    group.addoption(
        "--course-report",
        metavar="PATH",
        help="also write the results as JSON to PATH (the `course` command reads it)",
    )
    parser.addini(
        "exercise_timeout",
        f"seconds one grader may run before it is stopped (default {DEFAULT_TIMEOUT})",
        default=str(DEFAULT_TIMEOUT),
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(id): the exercise a grader belongs to")
    root = _find_root(config)
    reference = config.getoption("reference")
    state = _Grading(
        root=root,
        exercises=load_exercises(root),
        reference=reference,
        timeout=float(config.getini("exercise_timeout")),
        progress=Progress.load(root.parent),
    )
    config.stash[_STATE] = state
    # The scorecard closes the run: no second list of failures after it.
    config.option.reportchars = ""
    # One message per exercise, in the summary below, instead of one report
    # per failed check; --tb=short (or long) brings pytest's reports back.
    if config.option.tbstyle == "auto":
        config.option.tbstyle = "no"
    state.own_reports = config.option.tbstyle == "no"


def _find_root(config):
    """The exercises folder: the one holding info.toml among the arguments,
    else the one of pytest's root directory."""
    for arg in config.args:
        found = find_root(Path(str(arg).split("::")[0]))
        if found is not None:
            return found
    found = find_root(config.rootpath)
    if found is None:
        raise pytest.UsageError(
            f"No exercises/info.toml in {config.rootpath} or above: run "
            "`pytest exercises` from the root of a clone of the course."
        )
    return found


def pytest_cmdline_main(config):
    wanted = config.getoption("hint")
    if wanted is None:
        return None
    # As pytest's own --markers does: configure, print, unconfigure.
    config._do_configure()
    try:
        state = config.stash[_STATE]
        exercise = next(
            (e for e in state.exercises if e.id == str(wanted).zfill(2)), None
        )
        if exercise is None:
            known = ", ".join(e.id for e in state.exercises)
            print(f"There is no exercise {wanted!r}. The exercises are {known}.")
            return pytest.ExitCode.USAGE_ERROR
        text, shown = reveal(exercise, state.progress.hints_shown(exercise.id))
        state.progress.set_hints_shown(exercise.id, shown)
        state.progress.save()
        print(text)
    finally:
        config._ensure_unconfigure()
    return 0


def pytest_ignore_collect(collection_path, config):
    """Never collect a learner's file: it is imported by the fixture alone."""
    state = config.stash.get(_STATE, None)
    if state is None or collection_path.suffix != ".py":
        return None
    if any(collection_path == e.path for e in state.exercises):
        return True
    return None


def pytest_collection_modifyitems(config, items):
    state = config.stash[_STATE]
    for item in items:
        exercise = state.exercise_of(item.path)
        if exercise is None:
            continue
        item.add_marker(pytest.mark.exercise(exercise.id))
        item.add_marker(pytest.mark.timeout(state.timeout))
        state.checks.setdefault(exercise.id, [])
        module = getattr(item, "module", None)
        if module is not None and exercise.id not in state.expected:
            state.expected[exercise.id] = sum(
                1
                for name, value in vars(module).items()
                if name.startswith("test_") and inspect.isfunction(value)
            )


@pytest.fixture
def solution(request):
    """The learner's module for this exercise (or course_code with --reference)."""
    state = request.config.stash[_STATE]
    exercise = state.exercise_of(request.path)
    if exercise is None:
        raise RuntimeError(f"{request.path} is not inside an exercise of info.toml")
    if exercise.id in state.timed_out:
        pytest.fail(
            f"Not graded: an earlier check of exercise {exercise.id} timed out, "
            "so the rest are skipped to keep the run short. Fix the endless "
            "loop first (see the first failure of this exercise).",
            pytrace=False,
        )
    if state.reference:
        return _reference_namespace(exercise)
    if exercise.id not in state.modules:
        try:
            state.modules[exercise.id] = _load_learner_module(exercise)
        except _NotGradable as exc:
            state.modules[exercise.id] = exc
    module = state.modules[exercise.id]
    if isinstance(module, _NotGradable):
        return _Unusable(str(module))
    for name in exercise.functions:
        if not callable(getattr(module, name, None)):
            return _Unusable(
                f"{relative(exercise.path)} has no function `{name}`. Keep the "
                "names of the stub: the grader calls them."
            )
    return _Learner(module, exercise)


class _Unusable:
    """Stands in for a file that cannot be graded; using it fails the test.

    Failing in the test, not in the fixture, makes pytest count a failed
    check (exit code 1) rather than an error in the test's set-up.
    """

    def __init__(self, message):
        self._message = message

    def __getattr__(self, name):
        pytest.fail(self._message, pytrace=False)


class _Learner:
    """The learner's module; its functions report NotImplementedError kindly."""

    def __init__(self, module, exercise):
        self._module = module
        self._exercise = exercise

    def __getattr__(self, name):
        value = getattr(self._module, name)
        if name in self._exercise.functions:
            # A builtin (sigmoid = np.tanh) takes no attribute; messages
            # then say "your file" instead of its path.
            with contextlib.suppress(AttributeError):
                value._course_exercise = self._exercise
        return value


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    state = item.config.stash[_STATE]
    exercise = state.exercise_of(item.path)
    if exercise is None:
        return report
    if report.failed and "from pytest-timeout" in str(report.longrepr):
        state.timed_out.add(exercise.id)
        report.longrepr = (
            f"Stopped after {state.timeout:g} s: {item.name} of exercise "
            f"{exercise.id} did not finish.\nThis usually means an endless loop "
            "(a `while` whose condition never becomes false) or an array far "
            "larger than intended. The other checks of this exercise are not run."
        )
    if report.failed and "NotImplementedError" in str(report.longrepr):
        state.not_written.add(exercise.id)
    printed = _output(report)
    report.sections = [
        (title, _truncate(content)) for title, content in report.sections
    ]
    if report.when == "call" or report.failed:
        function = getattr(item, "function", None)
        state.checks.setdefault(exercise.id, []).append(
            _Check(
                name=item.name,
                description=check_description(function) if function else item.name,
                passed=report.passed,
                message=_message(report) if report.failed else "",
                printed=printed if report.failed else "",
            )
        )
    return report


def _message(report):
    """The failure's message: ours in full, or the last lines of a traceback."""
    longrepr = report.longrepr
    if isinstance(longrepr, str):
        return longrepr
    crash = getattr(longrepr, "reprcrash", None)
    if crash is None:
        return report.longreprtext
    if crash.message.startswith("Failed: "):  # a grader's own message
        return crash.message.removeprefix("Failed: ")
    return f"{crash.path}:{crash.lineno}: {crash.message}"


def _output(report):
    printed = "".join(
        content for title, content in report.sections if "stdout" in title
    )
    return _truncate(printed.strip()) if printed.strip() else ""


def _truncate(text):
    """``text`` cut to :data:`MAX_CAPTURED` characters, saying how many more
    there were.

    Examples
    --------
    >>> _truncate("x" * 2500).splitlines()[-1]
    '... (500 more characters of output not shown)'
    """
    if len(text) <= MAX_CAPTURED:
        return text
    cut = len(text) - MAX_CAPTURED
    return f"{text[:MAX_CAPTURED]}\n... ({cut} more characters of output not shown)"


def pytest_sessionfinish(session):
    state = session.config.stash.get(_STATE, None)
    if state is None:
        return
    report = session.config.getoption("course_report")
    if report:
        _write_report(state, Path(report))
    if state.reference or not state.checks:
        return
    for exercise in state.exercises:
        if state.complete(exercise):
            state.progress.record_grading(
                exercise.id,
                passed=state.passed(exercise),
                total=len(state.checks[exercise.id]),
            )
    todo = _next_exercise(state)
    shown_on_the_card = not report  # `course` does not print the scorecard
    if (
        shown_on_the_card
        and todo is not None
        and not state.progress.hints_shown(todo.id)
    ):
        state.progress.set_hints_shown(todo.id, 1)  # the scorecard shows hint 1
    try:
        state.progress.save()
    except OSError as exc:  # a read-only clone still gets its scorecard
        session.config.get_terminal_writer().line(f"(progress not saved: {exc})")


def _write_report(state, path):
    """The run's results as JSON, for the `course` command."""
    exercises = {}
    for e in state.exercises:
        if e.id not in state.checks:
            continue
        exercises[e.id] = {
            "complete": state.complete(e),
            "solved": state.solved(e),
            "not_started": _status(state, e) == "not started",
            "checks": [dataclasses.asdict(c) for c in state.checks[e.id]],
        }
    path.write_text(json.dumps({"exercises": exercises}, indent=1), encoding="utf-8")


def pytest_terminal_summary(terminalreporter, config):
    state = config.stash.get(_STATE, None)
    if state is None or not state.checks:
        return
    if state.own_reports:
        for line in feedback(state):
            terminalreporter.write_line(line)
    for line in scorecard(state):
        terminalreporter.write_line(line)


def feedback(state):
    """For each exercise not solved: every failing check on one line, then
    the first one's message in full."""
    lines = []
    for e in state.exercises:
        done = state.checks.get(e.id, ())
        failing = [c for c in done if not c.passed]
        if not failing:
            continue
        if e.id in state.not_written and not any(c.passed for c in done):
            lines.append(
                f"--- {e.id} {e.title}: not started ({e.file} still raises "
                "NotImplementedError)"
            )
            continue
        lines.append("")
        lines.append(
            f"--- {e.id} {e.title}: {len(done) - len(failing)} of {len(done)} "
            "checks pass"
        )
        for c in failing:
            lines.append(f"  [fail] {c.description}")
        first = failing[0]
        lines.append(f"  The first failing check in full ({first.name}):")
        lines.extend("    " + line for line in first.message.splitlines())
        if first.printed:
            lines.append("    Your code printed:")
            lines.extend("      " + line for line in first.printed.splitlines())
    return lines


# ---------------------------------------------------------------------------
# The scorecard.
# ---------------------------------------------------------------------------


def _status(state, e):
    state.checks.get(e.id, ())
    passed = state.passed(e)
    if state.solved(e):
        return "solved"
    if e.id in state.not_written and not passed:
        return "not started"
    if not state.complete(e):
        return "partly run"
    return "not yet"


def _short(title, width):
    return title if len(title) <= width else title[: width - 1] + "…"


def scorecard(state):
    """The lines of the scorecard printed at the end of a run."""
    graded = [e for e in state.exercises if e.id in state.checks]
    who = "course_code (--reference)" if state.reference else "your solutions"
    lines = ["", f"{' Scorecard: ' + who + ' ':=^78}"]
    lines.append(f"{'':10}{'exercise':<42} {'checks':>6} {'status':<11} {'points':>6}")
    for e in graded:
        ok = state.solved(e)
        mark = "[x]" if ok else "[ ]"
        checks = f"{state.passed(e)}/{len(state.checks[e.id])}"
        points = f"{e.points if ok else 0}/{e.points}"
        lines.append(
            f"  {mark} {e.id}  {_short(e.title, 42):<42} {checks:>6} "
            f"{_status(state, e):<11} {points:>6}"
        )
    solved = [e for e in graded if state.solved(e)]
    total = sum(e.points for e in graded)
    score = sum(e.points for e in solved)
    lines.append("")
    lines.append(
        f"  This run: {len(solved)} of {len(graded)} exercises solved, "
        f"{score}/{total} points."
    )
    if any(0 < state.passed(e) < len(state.checks[e.id]) for e in graded):
        lines.append(
            "  (An exercise earns its points when every one of its checks passes.)"
        )
    if state.reference:
        return lines
    lines.extend(_overall(state))
    lines.extend(_next_steps(state, graded))
    return lines


def _overall_solved(state):
    """Solved exercises, this run's results over the progress file's."""
    solved = set()
    for e in state.exercises:
        if state.complete(e):
            if state.solved(e):
                solved.add(e.id)
        elif state.progress.solved(e.id):
            solved.add(e.id)
    return solved


def _overall(state):
    solved = _overall_solved(state)
    score = sum(e.points for e in state.exercises if e.id in solved)
    total = sum(e.points for e in state.exercises)
    return [
        f"  Overall: {len(solved)} of {len(state.exercises)} exercises solved, "
        f"{score}/{total} points (`course list` shows each one)."
    ]


def _next_exercise(state):
    solved = _overall_solved(state)
    graded = [e for e in state.exercises if e.id in state.checks]
    for e in (*graded, *state.exercises):
        if e.id not in solved:
            return e
    return None


def _next_steps(state, graded):
    e = _next_exercise(state)
    if e is None:
        return [
            "",
            "  Every exercise is solved. Well done!",
            "  Compare your code with the model solutions and the chapters that",
            "  explain them: `course solution 01` (or any other number).",
        ]
    lines = []
    waiting = [g for g in graded if _status(state, g) == "not started"]
    if waiting:
        lines += [
            "",
            f"  {len(waiting)} exercise{'s' if len(waiting) > 1 else ''} not "
            "started yet: their failures are expected until you write them.",
        ]
    shown = max(state.progress.hints_shown(e.id), 1)
    lines += [
        "",
        f"  Next: exercise {e.id}, {e.title}",
        f"    edit   {relative(e.path)}",
        f"    check  course watch   (or: pytest {relative(e.folder)})",
        f"    read   {e.section_url}",
        *wrapped(f"    hint   {shown}/{len(e.hints)}: ", e.hints[shown - 1]),
    ]
    if shown < len(e.hints):
        lines.append(f"    more   course hint {e.id}")
    return lines

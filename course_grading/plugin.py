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
* prints hints one at a time: ``pytest exercises --hint 03``;
* speaks the learner's language: ``pytest exercises --lang zh`` (or
  ``COURSE_LANG=zh``) gives the scorecard, the feedback and the exercises'
  titles, hints and checks in Chinese (:mod:`course_grading.messages`).

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
    translated_checks,
)
from course_grading.hints import reveal
from course_grading.messages import (
    ENVIRONMENT,
    Words,
    center,
    choose_language,
    pad,
    shorten,
    wrapped,
)
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


def _load_learner_module(exercise, words):
    """Import the learner's file under a private name and return the module;
    ``words`` say why it cannot be."""
    path = exercise.path
    where = relative(path)
    if not path.is_file():
        raise _NotGradable(words("load.missing", where=where, id=exercise.id))
    name = f"_exercise_{exercise.id}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise _NotGradable(
            words(
                "load.syntax",
                where=where,
                line=exc.lineno,
                error=exc.msg,
                text=(exc.text or "").strip(),
            )
        ) from None
    except SystemExit as exc:
        raise _NotGradable(
            words("load.exit", where=where, code=repr(exc.code))
        ) from None
    except Exception as exc:
        raise _NotGradable(
            words(
                "load.raised",
                where=where,
                error=type(exc).__name__,
                message=exc,
                frames=learner_frames(exc, path),
            )
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
    words: Words = dataclasses.field(default_factory=Words)
    translations: dict = dataclasses.field(default_factory=dict)

    def exercise_of(self, path):
        return exercise_of(self.exercises, path)

    def describe(self, exercise, function):
        """What ``function``, a check of ``exercise``, checks, in the
        exercise's language."""
        english = check_description(function)
        if exercise.id not in self.translations:
            self.translations[exercise.id] = translated_checks(exercise)
        return self.translations[exercise.id].get(english, english)

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
    group.addoption(
        "--lang",
        metavar="LANG",
        help=f"the language of the scorecard, hints and feedback: en (English, "
        f"the default) or zh (Chinese); the environment variable {ENVIRONMENT} "
        "chooses it too",
    )
    parser.addini(
        "exercise_timeout",
        f"seconds one grader may run before it is stopped (default {DEFAULT_TIMEOUT})",
        default=str(DEFAULT_TIMEOUT),
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(id): the exercise a grader belongs to")
    try:
        language = choose_language(config.getoption("lang"))
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None
    words = Words(language)
    root = _find_root(config, words)
    reference = config.getoption("reference")
    state = _Grading(
        root=root,
        exercises=load_exercises(root, language),
        reference=reference,
        timeout=float(config.getini("exercise_timeout")),
        progress=Progress.load(root.parent),
        words=words,
    )
    config.stash[_STATE] = state
    # The scorecard closes the run: no second list of failures after it.
    config.option.reportchars = ""
    # One message per exercise, in the summary below, instead of one report
    # per failed check; --tb=short (or long) brings pytest's reports back.
    if config.option.tbstyle == "auto":
        config.option.tbstyle = "no"
    state.own_reports = config.option.tbstyle == "no"


def _find_root(config, words):
    """The exercises folder: the one holding info.toml among the arguments,
    else the one of pytest's root directory."""
    for arg in config.args:
        found = find_root(Path(str(arg).split("::")[0]))
        if found is not None:
            return found
    found = find_root(config.rootpath)
    if found is None:
        raise pytest.UsageError(words("grade.no_root", path=config.rootpath))
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
            print(state.words("grade.no_exercise", wanted=repr(wanted), known=known))
            return pytest.ExitCode.USAGE_ERROR
        text, shown = reveal(
            exercise, state.progress.hints_shown(exercise.id), state.words
        )
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
        pytest.fail(state.words("grade.skipped", id=exercise.id), pytrace=False)
    if state.reference:
        return _reference_namespace(exercise)
    if exercise.id not in state.modules:
        try:
            state.modules[exercise.id] = _load_learner_module(exercise, state.words)
        except _NotGradable as exc:
            state.modules[exercise.id] = exc
    module = state.modules[exercise.id]
    if isinstance(module, _NotGradable):
        return _Unusable(str(module))
    for name in exercise.functions:
        if not callable(getattr(module, name, None)):
            return _Unusable(
                state.words(
                    "load.no_function", where=relative(exercise.path), name=name
                )
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
        report.longrepr = state.words(
            "grade.stopped",
            seconds=f"{state.timeout:g}",
            test=item.name,
            id=exercise.id,
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
                description=state.describe(exercise, function)
                if function
                else item.name,
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
        session.config.get_terminal_writer().line(
            state.words("grade.not_saved", error=exc)
        )


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
    words = state.words
    lines = []
    for e in state.exercises:
        done = state.checks.get(e.id, ())
        failing = [c for c in done if not c.passed]
        if not failing:
            continue
        if e.id in state.not_written and not any(c.passed for c in done):
            lines.append(
                words("feedback.not_started", id=e.id, title=e.title, file=e.file)
            )
            continue
        lines.append("")
        lines.append(
            words(
                "feedback.partial",
                id=e.id,
                title=e.title,
                passed=len(done) - len(failing),
                total=len(done),
            )
        )
        for c in failing:
            lines.append(f"  {words('check.fail')} {c.description}")
        first = failing[0]
        lines.append("  " + words("feedback.first", name=first.name))
        lines.extend("    " + line for line in first.message.splitlines())
        if first.printed:
            lines.append("    " + words("check.printed"))
            lines.extend("      " + line for line in first.printed.splitlines())
    return lines


# ---------------------------------------------------------------------------
# The scorecard.
# ---------------------------------------------------------------------------


def _status(state, e):
    """Where ``e`` stands in this run: "solved", "not started", "partly run"
    or "not yet" (the scorecard says it in the learner's language)."""
    passed = state.passed(e)
    if state.solved(e):
        return "solved"
    if e.id in state.not_written and not passed:
        return "not started"
    if not state.complete(e):
        return "partly run"
    return "not yet"


def _status_words(state, e):
    return state.words("status." + _status(state, e).replace(" ", "_"))


def scorecard(state):
    """The lines of the scorecard printed at the end of a run."""
    words = state.words
    graded = [e for e in state.exercises if e.id in state.checks]
    who = words("card.reference" if state.reference else "card.learner")
    lines = ["", center(words("card.title", who=who), 78, "=")]
    lines.append(
        " " * 10
        + " ".join(
            (
                pad(words("card.exercise"), 42),
                pad(words("card.checks"), 6, ">"),
                pad(words("card.status"), 11),
                pad(words("card.points"), 6, ">"),
            )
        )
    )
    for e in graded:
        ok = state.solved(e)
        mark = "[x]" if ok else "[ ]"
        checks = f"{state.passed(e)}/{len(state.checks[e.id])}"
        points = f"{e.points if ok else 0}/{e.points}"
        lines.append(
            f"  {mark} {e.id}  {pad(shorten(e.title, 42), 42)} {checks:>6} "
            f"{pad(_status_words(state, e), 11)} {points:>6}"
        )
    solved = [e for e in graded if state.solved(e)]
    total = sum(e.points for e in graded)
    score = sum(e.points for e in solved)
    lines.append("")
    lines.append(
        "  "
        + words(
            "card.this_run",
            solved=len(solved),
            count=len(graded),
            score=score,
            total=total,
        )
    )
    if any(0 < state.passed(e) < len(state.checks[e.id]) for e in graded):
        lines.append("  " + words("card.earn"))
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
    overall = state.words(
        "card.overall",
        solved=len(solved),
        count=len(state.exercises),
        score=score,
        total=total,
    )
    return [f"  {overall}"]


def _next_exercise(state):
    solved = _overall_solved(state)
    graded = [e for e in state.exercises if e.id in state.checks]
    for e in (*graded, *state.exercises):
        if e.id not in solved:
            return e
    return None


def _next_steps(state, graded):
    words = state.words
    e = _next_exercise(state)
    if e is None:
        return ["", *("  " + line for line in words("card.all_solved").splitlines())]
    lines = []
    waiting = [g for g in graded if _status(state, g) == "not started"]
    if waiting:
        key = "card.waiting_many" if len(waiting) > 1 else "card.waiting_one"
        lines += ["", "  " + words(key, count=len(waiting))]
    shown = max(state.progress.hints_shown(e.id), 1)

    def label(key):
        return f"    {pad(words(key), 6)} "

    lines += [
        "",
        "  " + words("next.title", id=e.id, title=e.title),
        label("next.edit") + relative(e.path),
        label("next.check") + words("next.check_how", folder=relative(e.folder)),
        label("next.read") + e.section_url,
        *wrapped(
            label("next.hint") + words("next.count", shown=shown, total=len(e.hints)),
            e.hints[shown - 1],
        ),
    ]
    if shown < len(e.hints):
        lines.append(label("next.more") + f"course hint {e.id}")
    return lines

r"""The grading plugin of the exercises: ``pytest exercises``.

``exercises/conftest.py`` registers this module as a pytest plugin.  It

* loads a learner's file lazily, inside the ``solution`` fixture, so that a
  syntax error, an import error, an endless loop (a per-test timeout from
  pytest-timeout) or a ``sys.exit()`` fails that exercise alone;
* with ``--reference``, hands the graders :mod:`course_code` instead of the
  learner's files, which it then never imports;
* ends every run with a scorecard: each exercise solved or not, the points,
  and the next exercise to do with its first hint and chapter;
* prints hints one at a time: ``pytest exercises --hint 03``.

The graders (``exercises/*/test_*.py``) call a learner's function through
:func:`check`, which turns every way it can go wrong into one sentence a
beginner can act on: what was called, what came back, what was expected.

The exercises are listed, in order, in ``exercises/info.toml``.

Examples
--------
>>> import numpy as np
>>> describe_call("sigmoid", (np.array([-1000.0], dtype=np.float32),), {})
'sigmoid(array([-1000.], dtype=float32))'
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import importlib
import importlib.util
import sys
import textwrap
import traceback
import types
import warnings
from pathlib import Path

import numpy as np
import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "ANY",
    "Exercise",
    "call",
    "check",
    "check_raises",
    "describe_call",
    "forbidden",
    "forbidding",
    "load_exercises",
    "solution",
]

#: Where the hosted course lives; chapter links in the scorecard start here.
SITE_URL = "https://activation-functions.github.io/activation-functions/"
#: Seconds a single grader may take before it is stopped (ini: exercise_timeout).
DEFAULT_TIMEOUT = 10.0
#: Characters of a learner's printed output kept in a failure report.
MAX_CAPTURED = 2000

_STATE = pytest.StashKey["_Grading"]()

#: In an expected tuple, a part that may be anything (a learner's cache).
ANY = object()


# ---------------------------------------------------------------------------
# The exercises, as listed in exercises/info.toml.
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Exercise:
    """One exercise of ``exercises/info.toml``.

    Attributes
    ----------
    id : str
        Two digits, ``"01"``; the folder is ``<id>_<topic>``.
    folder : pathlib.Path
        The exercise's folder.
    file : str
        The file the learner edits, inside ``folder``.
    title : str
        One line that says what to build.
    points : int
        What solving it is worth.
    chapter : str
        The page of the site that teaches it, relative to :data:`SITE_URL`.
    functions : dict
        Each function the learner writes, mapped to ``"module:name"`` of
        its reference in :mod:`course_code`.
    hints : tuple of str
        From gentle to pointed.
    """

    id: str
    folder: Path
    file: str
    title: str
    points: int
    chapter: str
    functions: dict
    hints: tuple

    @property
    def path(self):
        """The learner's file."""
        return self.folder / self.file

    @property
    def chapter_url(self):
        """The full address of the chapter that teaches the exercise."""
        return SITE_URL + self.chapter


def load_exercises(root):
    """Read ``root/info.toml`` and return the exercises in order.

    Parameters
    ----------
    root : path-like
        The ``exercises`` folder.

    Returns
    -------
    list of Exercise

    Raises
    ------
    ValueError
        If an entry lacks a field or names a folder that does not exist.
    """
    root = Path(root)
    with open(root / "info.toml", "rb") as fh:
        entries = tomllib.load(fh)["exercise"]
    exercises = []
    for entry in entries:
        try:
            exercise = Exercise(
                id=entry["id"],
                folder=root / entry["folder"],
                file=entry["file"],
                title=entry["title"],
                points=int(entry["points"]),
                chapter=entry["chapter"],
                functions=dict(entry["functions"]),
                hints=tuple(entry["hints"]),
            )
        except KeyError as exc:
            raise ValueError(f"info.toml: exercise {entry!r} lacks {exc}") from None
        if not exercise.folder.is_dir():
            raise ValueError(f"info.toml: no folder {exercise.folder}")
        exercises.append(exercise)
    return exercises


# ---------------------------------------------------------------------------
# Loading a learner's file, or the reference.
# ---------------------------------------------------------------------------


class _NotGradable(Exception):
    """The learner's file cannot be loaded; the message says why."""


def _load_learner_module(exercise):
    """Import the learner's file under a private name and return the module."""
    path = exercise.path
    relative = _relative(path)
    if not path.is_file():
        raise _NotGradable(f"{relative} is missing: restore it with `git checkout`.")
    name = f"_exercise_{exercise.id}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise _NotGradable(
            f"{relative} has a syntax error on line {exc.lineno}: {exc.msg}.\n"
            f"    {(exc.text or '').strip()}\n"
            "Python could not read the file, so none of it was graded."
        ) from None
    except SystemExit as exc:
        raise _NotGradable(
            f"{relative} called sys.exit({exc.code!r}) while being imported. "
            "Remove the call: the grader imports your file and calls your "
            "functions; a file that exits cannot be graded."
        ) from None
    except Exception as exc:
        raise _NotGradable(
            f"importing {relative} raised {type(exc).__name__}: {exc}\n"
            f"{_learner_frames(exc, path)}"
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


def _relative(path):
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _learner_frames(exc, path):
    """The lines of the learner's file in a traceback, innermost last."""
    frames = [
        f"    line {frame.lineno}: {frame.line}"
        for frame in traceback.extract_tb(exc.__traceback__)
        if Path(frame.filename) == Path(path)
    ]
    return "\n".join(frames[-3:])


# ---------------------------------------------------------------------------
# The session's state and the pytest hooks, in lifecycle order.
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class _Grading:
    root: Path
    exercises: list
    reference: bool
    timeout: float
    modules: dict = dataclasses.field(default_factory=dict)
    results: dict = dataclasses.field(default_factory=dict)
    timed_out: set = dataclasses.field(default_factory=set)
    first_failure: dict = dataclasses.field(default_factory=dict)
    own_reports: bool = False
    not_written: set = dataclasses.field(default_factory=set)

    def exercise_of(self, path):
        path = Path(path).resolve()
        for exercise in self.exercises:
            if exercise.folder.resolve() in path.parents:
                return exercise
        return None


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
    parser.addini(
        "exercise_timeout",
        f"seconds one grader may run before it is stopped (default {DEFAULT_TIMEOUT})",
        default=str(DEFAULT_TIMEOUT),
    )


def _exercises_root():
    return Path(__file__).resolve().parent.parent / "exercises"


def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(id): the exercise a grader belongs to")
    root = _find_root(config)
    state = _Grading(
        root=root,
        exercises=load_exercises(root),
        reference=config.getoption("reference"),
        timeout=float(config.getini("exercise_timeout")),
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
    """The exercises folder: the one holding info.toml among the arguments."""
    for arg in config.args:
        path = Path(str(arg).split("::")[0]).resolve()
        for candidate in (path, *path.parents):
            if (candidate / "info.toml").is_file():
                return candidate
    here = Path.cwd() / "exercises"
    return here if (here / "info.toml").is_file() else _exercises_root()


def pytest_cmdline_main(config):
    wanted = config.getoption("hint")
    if wanted is None:
        return None
    # As pytest's own --markers does: configure, print, unconfigure.
    config._do_configure()
    try:
        text, found = _next_hint(config.stash[_STATE], wanted, config.cache)
        print(text)
    finally:
        config._ensure_unconfigure()
    return 0 if found else pytest.ExitCode.USAGE_ERROR


def _next_hint(state, wanted, cache):
    """The hints of exercise ``wanted`` up to the next one not yet shown."""
    exercise = next((e for e in state.exercises if e.id == wanted.zfill(2)), None)
    if exercise is None:
        known = ", ".join(e.id for e in state.exercises)
        return f"There is no exercise {wanted!r}. The exercises are {known}.", False
    key = f"exercises/hints/{exercise.id}"
    # The scorecard shows hint 1; each --hint shows one more.
    shown = min(max(cache.get(key, 1), 1) + 1, len(exercise.hints))
    cache.set(key, shown)
    lines = [f"Exercise {exercise.id}: {exercise.title}", ""]
    for i, hint in enumerate(exercise.hints[:shown], start=1):
        lines += _wrapped(f"Hint {i} of {len(exercise.hints)}: ", hint)
    lines.append("")
    if shown == len(exercise.hints):
        lines.append("That is every hint. The chapter explains the idea:")
        lines.append(f"  {exercise.chapter_url}")
    else:
        lines.append(
            f"Still stuck? `pytest exercises --hint {exercise.id}` shows the next hint."
        )
    return "\n".join(lines), True


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
        state.results.setdefault(exercise.id, [])


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
                f"{_relative(exercise.path)} has no function `{name}`. Keep the "
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
    report.sections = [
        (title, _truncate(content)) for title, content in report.sections
    ]
    if report.when == "call" or report.failed:
        state.results.setdefault(exercise.id, []).append(report.passed)
    if report.failed and exercise.id not in state.first_failure:
        state.first_failure[exercise.id] = (
            item.name,
            _message(report),
            _output(report),
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
    if len(text) <= MAX_CAPTURED:
        return text
    cut = len(text) - MAX_CAPTURED
    return f"{text[:MAX_CAPTURED]}\n... ({cut} more characters of output not shown)"


def pytest_terminal_summary(terminalreporter, config):
    state = config.stash.get(_STATE, None)
    if state is None or not state.results:
        return
    if state.own_reports:
        for line in feedback(state):
            terminalreporter.write_line(line)
    for line in scorecard(state):
        terminalreporter.write_line(line)


def feedback(state):
    """For each exercise not solved, the first failed check and its message."""
    lines = []
    for e in state.exercises:
        if e.id not in state.first_failure or _solved(state, e):
            continue
        name, message, printed = state.first_failure[e.id]
        failed = state.results[e.id].count(False)
        total = len(state.results[e.id])
        if failed == total and "is not written yet" in message:
            lines.append(
                f"--- {e.id} {e.title}: not started ({e.file} still raises "
                "NotImplementedError)"
            )
            continue
        lines.append("")
        lines.append(
            f"--- {e.id} {e.title}: {failed} of {total} checks failed; "
            f"the first, {name}:"
        )
        lines.extend("    " + line for line in message.splitlines())
        if printed:
            lines.append("    Your code printed:")
            lines.extend("      " + line for line in printed.splitlines())
    return lines


# ---------------------------------------------------------------------------
# The scorecard.
# ---------------------------------------------------------------------------


def _solved(state, exercise):
    outcomes = state.results.get(exercise.id)
    return bool(outcomes) and all(outcomes)


def scorecard(state):
    """The lines of the scorecard printed at the end of a run."""
    graded = [e for e in state.exercises if e.id in state.results]
    width = max(len(e.title) for e in graded) + 2
    who = "course_code (--reference)" if state.reference else "your solutions"
    lines = ["", f"{' Scorecard: ' + who + ' ':=^78}"]
    for e in graded:
        ok = _solved(state, e)
        mark, word = ("[x]", "solved ") if ok else ("[ ]", "not yet")
        points = f"{e.points if ok else 0}/{e.points}"
        lines.append(f"  {mark} {e.id}  {e.title:<{width}} {word}  {points:>5}")
    solved = [e for e in graded if _solved(state, e)]
    total = sum(e.points for e in graded)
    score = sum(e.points for e in solved)
    lines.append("")
    lines.append(
        f"  {len(solved)} of {len(graded)} exercises solved, {score}/{total} points."
    )
    lines.extend(_next_steps(state, graded))
    return lines


def _next_steps(state, graded):
    todo = [e for e in graded if not _solved(state, e)]
    if not todo:
        return ["", "  Every exercise here is solved. Well done."]
    e = todo[0]
    lines = []
    if state.not_written and not any(_solved(state, g) for g in graded):
        lines += [
            "",
            "  Every exercise fails until you write it: the failures above are",
            "  expected, not a bug in the course.",
        ]
    lines += [
        "",
        f"  Next: exercise {e.id}, {e.title}",
        f"    edit   {_relative(e.path)}",
        f"    check  pytest {_relative(e.folder)}",
        f"    read   {e.chapter_url}",
        *_wrapped("    hint   ", e.hints[0]),
        f"    more   pytest exercises --hint {e.id}",
    ]
    return lines


# ---------------------------------------------------------------------------
# What the graders call: check() and its helpers.
# ---------------------------------------------------------------------------


def _wrapped(prefix, text, width=78):
    return textwrap.wrap(
        text, width, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    )


def describe_call(name, args, kwargs):
    """``name(arg, ..., key=value)`` with short reprs of arrays.

    Examples
    --------
    >>> describe_call("softmax", ([1.0, 2.0],), {"axis": 0})
    'softmax([1.0, 2.0], axis=0)'
    """
    with np.printoptions(threshold=8, edgeitems=3, precision=8):
        parts = [_short_repr(a) for a in args]
        parts += [f"{k}={_short_repr(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _short_repr(value):
    if isinstance(value, np.ndarray) and value.size > 8:
        return f"<{value.dtype} array of shape {value.shape}>"
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + "..."


def _call(fn, args, kwargs, label):
    """Run the learner's function; fail with one clear sentence if it breaks."""
    exercise = getattr(fn, "_course_exercise", None)
    where = _relative(exercise.path) if exercise else "your file"
    problem = None
    # Underflow to 0 (or a subnormal) is a correct result, not a problem.
    errstate = np.errstate(over="warn", divide="warn", invalid="warn", under="ignore")
    with warnings.catch_warnings(record=True) as caught, errstate:
        warnings.simplefilter("always")
        try:
            result = fn(*args, **kwargs)
        except NotImplementedError:
            problem = (
                f"`{fn.__name__}` is not written yet: {where} still raises "
                "NotImplementedError.\nThat is expected until you replace the TODO "
                "with your code."
            )
        except SystemExit as exc:
            problem = f"called `{label}`\nit called sys.exit({exc.code!r})."
        except pytest.fail.Exception:
            raise
        except Exception as exc:
            problem = f"called `{label}`\nit raised {type(exc).__name__}: {exc}"
            if exercise:
                problem += "\n" + _learner_frames(exc, exercise.path)
    if problem is not None:
        pytest.fail(problem.rstrip(), pytrace=False)
    numpy_warnings = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    if numpy_warnings:
        w = numpy_warnings[0]
        pytest.fail(
            f"called `{label}`\nit emitted {w.category.__name__}: {w.message}\n"
            "Even when the value is right, a warning means an intermediate step "
            "overflowed or divided by zero; rewrite that step so it cannot.",
            pytrace=False,
        )
    return result


def call(fn, *args, **kwargs):
    """Call a learner's function as :func:`check` does, without comparing.

    Returns
    -------
    object
        What ``fn`` returned; the test fails kindly if it raised or warned.
    """
    return _call(fn, args, kwargs, describe_call(fn.__name__, args, kwargs))


def _snapshot(values):
    return [
        copy.deepcopy(v) if isinstance(v, (np.ndarray, list)) else v for v in values
    ]


def _mutated(before, after):
    for old, new in zip(before, after, strict=True):
        if isinstance(old, np.ndarray) and not np.array_equal(old, new, equal_nan=True):
            return True
        if isinstance(old, list) and old != new:
            return True
    return False


def _tolerances(dtype):
    """(rtol, atol) for a result of ``dtype``: a few units in the last place of
    a careful implementation computed in that dtype, no more."""
    dtype = np.dtype(dtype)
    if dtype == np.float16:
        return 1e-2, 2e-3
    if dtype == np.float32:
        return 1e-5, 1e-6
    return 1e-9, 1e-12


def check(fn, *args, expected, why="", rtol=None, atol=None, names=None, **kwargs):
    """Call a learner's ``fn(*args, **kwargs)`` and compare with ``expected``.

    Fails the test, with a message that says what was called, what came back
    and what was expected, if the call raises, warns, mutates an argument,
    or returns the wrong shape, dtype or values.

    Parameters
    ----------
    fn : callable
        The learner's function.
    *args, **kwargs
        Its arguments.
    expected : array_like or tuple
        The reference result, computed by the grader from course_code; a
        tuple for functions that return several arrays.
    why : str, optional
        What this case tests, said after the numbers.
    rtol, atol : float, optional
        Tolerances; by default set from the expected dtype.
    names : sequence of str, optional
        Names of the parts of a tuple result, for messages.

    Returns
    -------
    object
        What ``fn`` returned.
    """
    label = describe_call(fn.__name__, args, kwargs)
    before = _snapshot(args) + _snapshot(kwargs.values())
    got = _call(fn, args, kwargs, label)
    if _mutated(before, list(args) + list(kwargs.values())):
        _fail(label, "it changed its input in place", why)
    if isinstance(expected, tuple):
        if not isinstance(got, tuple) or len(got) != len(expected):
            _fail(
                label,
                f"it returned {_short_repr(got)}; expected a tuple of {len(expected)}",
                why,
            )
        names = names or [f"part {i}" for i in range(len(expected))]
        for name, g, e in zip(names, got, expected, strict=True):
            if e is ANY:
                continue
            _compare(f"{label} -> {name}", g, e, why, rtol, atol)
    else:
        _compare(label, got, expected, why, rtol, atol)
    return got


def _fail(label, problem, why):
    message = f"called `{label}`\n{problem}"
    if why:
        message += f"\n({why})"
    pytest.fail(message, pytrace=False)


def _compare(label, got, expected, why, rtol, atol):
    expected = np.asarray(expected)
    if got is None:
        _fail(label, "it returned None: is a `return` missing?", why)
    got_array = np.asarray(got)
    with np.printoptions(threshold=8, edgeitems=3, precision=10):
        seen = f"   got `{got_array!r}`\nexpected `{expected!r}`"
    if got_array.shape != expected.shape:
        _fail(
            label,
            f"it returned shape {got_array.shape}, expected {expected.shape}\n{seen}",
            why,
        )
    if got_array.dtype != expected.dtype:
        _fail(
            label,
            f"it returned dtype {got_array.dtype}, expected "
            f"{expected.dtype}: keep the input's float dtype\n{seen}",
            why,
        )
    default_rtol, default_atol = _tolerances(expected.dtype)
    rtol = default_rtol if rtol is None else rtol
    atol = default_atol if atol is None else atol
    with np.errstate(all="ignore"):
        close = np.isclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=True)
    if not np.all(close):
        bad = np.flatnonzero(~close.ravel())
        first = int(bad[0])
        detail = ""
        if expected.ndim:
            detail = (
                f"\nfirst wrong entry: index {np.unravel_index(first, expected.shape)}"
                f", got {got_array.ravel()[first]!r}, expected "
                f"{expected.ravel()[first]!r} ({bad.size} of {expected.size} wrong)"
            )
        _fail(label, seen + detail, why)


def check_raises(fn, *args, error, mentions, why="", **kwargs):
    """Fail unless ``fn(*args, **kwargs)`` raises ``error`` naming ``mentions``.

    Parameters
    ----------
    fn : callable
        The learner's function.
    *args, **kwargs
        Its arguments: input the contract says to refuse.
    error : type
        The exception class expected, e.g. ``ValueError``.
    mentions : str
        A word the message must contain, usually the argument's name.
    why : str, optional
        What this case tests.
    """
    label = describe_call(fn.__name__, args, kwargs)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            fn(*args, **kwargs)
    except NotImplementedError:
        _call(fn, args, kwargs, label)  # reports "not written yet"
    except error as exc:
        if mentions not in str(exc):
            _fail(
                label,
                f"it raised {type(exc).__name__}({str(exc)!r}), whose "
                f"message should name `{mentions}`",
                why,
            )
        return
    except Exception as exc:
        _fail(
            label,
            f"it raised {type(exc).__name__}: {exc}; expected {error.__name__}",
            why,
        )
    else:
        _fail(label, f"it returned without an error; expected {error.__name__}", why)


def forbidding(fn, module, name, reason):
    """``fn`` with ``module.name`` switched off while it runs (see ``forbidden``).

    Parameters
    ----------
    fn : callable
        The learner's function.
    module : module
        Where the forbidden function lives, e.g. ``numpy``.
    name : str
        Its name, e.g. ``"tanh"``.
    reason : str
        Said to the learner who calls it.

    Returns
    -------
    callable
        Calls ``fn`` inside ``forbidden(module, name, reason)``; the
        reference solutions in course_code (``--reference``) are exempt.
    """
    if getattr(fn, "__module__", "").startswith("course_code."):
        return fn

    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        with forbidden(module, name, reason):
            return fn(*args, **kwargs)

    return guarded


class forbidden:
    """Within the block, calling ``module.name`` fails the test with ``reason``.

    Examples
    --------
    >>> import numpy as np
    >>> with forbidden(np, "tanh", "build tanh from exp"):
    ...     pass
    """

    def __init__(self, module, name, reason):
        self.module, self.name, self.reason = module, name, reason

    def __enter__(self):
        self.saved = getattr(self.module, self.name)
        full = f"{self.module.__name__}.{self.name}"

        def refuse(*args, **kwargs):
            pytest.fail(
                f"`{full}` is not allowed in this exercise: {self.reason}.",
                pytrace=False,
            )

        setattr(self.module, self.name, refuse)
        return self

    def __exit__(self, *exc):
        setattr(self.module, self.name, self.saved)
        return False


# ---------------------------------------------------------------------------
# Batteries shared by the graders of elementwise functions.
# ---------------------------------------------------------------------------

#: Inputs at which elementwise functions go wrong: huge, infinite, NaN, ±0.
EXTREMES = (-1e4, -1000.0, -750.0, -100.0, -0.0, 0.0, 100.0, 750.0, 1000.0, 1e4)


def _check_cases(fn, reference, cases, params):
    for x, why in cases:
        check(fn, x, expected=reference(x, **params), why=why, **params)


def check_extremes(fn, reference, **params):
    """Huge inputs without a warning, the limits at ±inf, and NaN kept.

    Parameters
    ----------
    fn : callable
        The learner's elementwise function.
    reference : callable
        The course_code function it must agree with.
    **params
        Keyword arguments passed to both.
    """
    cases = [
        (
            np.array(EXTREMES, dtype=dtype),
            f"huge {np.dtype(dtype).name} inputs: no overflow, no warning",
        )
        for dtype in (np.float64, np.float32)
    ]
    cases += [
        (np.array([-np.inf, np.inf]), "at ±inf the result is the limit"),
        (np.array([np.nan, 1.0]), "NaN in gives NaN out, the rest is unaffected"),
    ]
    _check_cases(fn, reference, cases, params)


def check_dtypes_and_shapes(fn, reference, **params):
    """Every float dtype is kept, integers and lists give float64, shapes kept.

    Parameters
    ----------
    fn : callable
        The learner's elementwise function.
    reference : callable
        The course_code function it must agree with.
    **params
        Keyword arguments passed to both.
    """
    base = np.random.default_rng(0).uniform(-4.0, 4.0, size=(3, 4))
    cases = [
        (
            base.astype(dtype),
            f"a {np.dtype(dtype).name} input keeps its dtype and shape",
        )
        for dtype in (np.float16, np.float32, np.float64)
    ]
    cases += [
        (np.float32(1.5), "a NumPy scalar gives a 0-d result of its dtype"),
        ([-2, 0, 3], "a list of ints gives float64"),
        (np.arange(-3, 3).reshape(2, 3), "an int array gives float64"),
        (np.zeros((0, 3)), "an empty array gives an empty array"),
        (base.reshape(2, 3, 2), "any number of dimensions"),
    ]
    _check_cases(fn, reference, cases, params)

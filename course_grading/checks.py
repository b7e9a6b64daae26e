"""What the graders call: :func:`check` and its helpers.

Each helper calls a learner's function, watches it (see
:mod:`course_grading.guards`) and, when something is wrong, fails the test
with sentences a beginner can act on: what was called, what came back, what
was expected and why it matters.

Examples
--------
>>> import numpy as np
>>> describe_call("sigmoid", (np.array([-1000.0], dtype=np.float32),), {})
'sigmoid(array([-1000.], dtype=float32))'
"""

from __future__ import annotations

import contextlib
import copy
import functools
import inspect
import traceback
import warnings
from pathlib import Path

import numpy as np
import pytest

from course_grading.exercises import relative
from course_grading.guards import Watch, forbidden, warning_cause

__all__ = [
    "ANY",
    "EXTREMES",
    "call",
    "check",
    "check_dtypes_and_shapes",
    "check_extremes",
    "check_raises",
    "describe_call",
    "forbidden",
    "forbidding",
]

#: In an expected tuple, a part that may be anything (a learner's cache).
ANY = object()


def learner_frames(exc, path):
    """The lines of the learner's file in a traceback, innermost last."""
    frames = [
        f"    line {frame.lineno}: {frame.line}"
        for frame in traceback.extract_tb(exc.__traceback__)
        if Path(frame.filename) == Path(path)
    ]
    return "\n".join(frames[-3:])


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


def _where(fn):
    exercise = getattr(fn, "_course_exercise", None)
    return (relative(exercise.path) if exercise else "your file"), exercise


def _not_written(fn):
    where, _ = _where(fn)
    pytest.fail(
        f"`{fn.__name__}` is not written yet: {where} still raises "
        "NotImplementedError.\nThat is expected until you replace the TODO "
        "with your code.",
        pytrace=False,
    )


def _has_nan(value):
    if isinstance(value, (list, tuple)):
        return any(_has_nan(v) for v in value)
    try:
        array = np.asarray(value)
    except Exception:  # pragma: no cover - an object NumPy cannot read
        return False
    return array.dtype.kind in "fc" and bool(np.isnan(array).any())


def _without_nan(value):
    if isinstance(value, (list, tuple)):
        return type(value)(_without_nan(v) for v in value)
    if isinstance(value, (float, np.floating, np.ndarray)) and _has_nan(value):
        return np.where(np.isnan(value), 0, value).astype(np.asarray(value).dtype)[()]
    return value


def _run(fn, args, kwargs, label):
    """Run the learner's function under watch.

    Returns ``(result, warnings, silencers)``; fails the test with one clear
    sentence if the function raised or exited.  A warning whose only cause is
    NaN already in the input is dropped: the same call with the NaNs replaced
    by 0 does not warn.
    """
    _, exercise = _where(fn)
    problem = None
    with Watch() as watch:
        try:
            result = fn(*args, **kwargs)
        except NotImplementedError:
            problem = "not written"
        except SystemExit as exc:
            problem = f"called `{label}`\nit called sys.exit({exc.code!r})."
        except pytest.fail.Exception:
            raise
        except Exception as exc:
            problem = f"called `{label}`\nit raised {type(exc).__name__}: {exc}"
            if exercise:
                problem += "\n" + learner_frames(exc, exercise.path)
    if problem == "not written":
        _not_written(fn)
    if problem is not None:
        pytest.fail(problem.rstrip(), pytrace=False)
    caught = watch.warnings
    if caught and _has_nan(list(args) + list(kwargs.values())):
        clean_args = [_without_nan(a) for a in args]
        clean_kwargs = {k: _without_nan(v) for k, v in kwargs.items()}
        # The first call's result is what is judged; this one only listens.
        with Watch() as again, contextlib.suppress(Exception):
            fn(*clean_args, **clean_kwargs)
        if not again.warnings:
            caught = []
    return result, caught, watch.silencers


def _warning_lines(caught, silencers):
    """Say which warning a call raised, what it means and what to do."""
    message = str(caught[0].message)
    kind, meaning = warning_cause(message)
    lines = [f"it warned: {message} ({kind}: {meaning})"]
    if silencers:
        names = ", ".join(silencers)
        lines.append(
            f"({names} in your code was set aside while grading: switching "
            "a warning off does not remove the step that causes it)"
        )
    return lines


_REWRITE = (
    "A warning fails the check even when every value is right: rewrite the "
    "step so that it cannot happen."
)


def call(fn, *args, **kwargs):
    """Call a learner's function as :func:`check` does, without comparing.

    Returns
    -------
    object
        What ``fn`` returned; the test fails kindly if it raised or warned.
    """
    label = describe_call(fn.__name__, args, kwargs)
    result, caught, silencers = _run(fn, args, kwargs, label)
    if caught:
        _fail(label, "\n".join([*_warning_lines(caught, silencers), _REWRITE]), "")
    return result


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


def tolerances(dtype):
    """(rtol, atol) for a result of ``dtype``: a few units in the last place of
    a careful implementation computed in that dtype, no more.

    Examples
    --------
    >>> tolerances("float64")
    (1e-09, 1e-12)
    """
    dtype = np.dtype(dtype)
    if dtype == np.float16:
        return 1e-2, 2e-3
    if dtype == np.float32:
        return 1e-5, 1e-6
    return 1e-9, 1e-12


_DTYPE_RULE = "keep the input's float dtype (integers give float64)"


def check(
    fn,
    *args,
    expected,
    why="",
    rtol=None,
    atol=None,
    names=None,
    dtype_rule=_DTYPE_RULE,
    **kwargs,
):
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
    dtype_rule : str, optional
        What a wrong dtype breaks, for the message; by default the
        elementwise rule (the input's float dtype, integers to float64).

    Returns
    -------
    object
        What ``fn`` returned.
    """
    label = describe_call(fn.__name__, args, kwargs)
    before = _snapshot(args) + _snapshot(kwargs.values())
    got, caught, silencers = _run(fn, args, kwargs, label)
    if _mutated(before, list(args) + list(kwargs.values())):
        _fail(label, "it changed its input in place", why)
    if isinstance(expected, tuple):
        if not isinstance(got, tuple) or len(got) != len(expected):
            what = "None: is a `return` missing?" if got is None else _short_repr(got)
            _fail(
                label,
                f"it returned {what}; expected a tuple of {len(expected)}",
                why,
            )
        names = names or [f"part {i}" for i in range(len(expected))]
        pairs = [
            (f"{label} -> {name}", g, e)
            for name, g, e in zip(names, got, expected, strict=True)
            if e is not ANY
        ]
    else:
        pairs = [(label, got, expected)]
    for part_label, g, e in pairs:
        problem = _difference(g, e, rtol, atol, dtype_rule)
        if caught:
            lines = _warning_lines(caught, silencers)
            lines.append(_seen(g, e) if g is not None else "it returned None")
            if problem is None:
                lines.append(_REWRITE)
            else:
                lines.append(f"The values are wrong as well: {problem[0]}")
            _fail(part_label, "\n".join(lines), why)
        if problem is not None:
            _fail(part_label, "\n".join(problem[1:]), why)
    return got


def _fail(label, problem, why):
    message = f"called `{label}`\n{problem}"
    if why:
        message += f"\n({why})"
    pytest.fail(message, pytrace=False)


def _seen(got, expected):
    with np.printoptions(threshold=8, edgeitems=3, precision=10):
        return f"   got `{np.asarray(got)!r}`\nexpected `{np.asarray(expected)!r}`"


def _difference(got, expected, rtol, atol, dtype_rule=_DTYPE_RULE):
    """None if ``got`` matches ``expected``, else (a short reason, the lines
    that show it)."""
    expected = np.asarray(expected)
    if got is None:
        return (
            "it returned None",
            "it returned None: is a `return` missing?",
            f"expected `{expected!r}`",
        )
    got_array = np.asarray(got)
    seen = _seen(got_array, expected)
    if got_array.shape != expected.shape:
        return (
            "wrong shape",
            f"it returned shape {got_array.shape}, expected {expected.shape}",
            seen,
        )
    if got_array.dtype != expected.dtype:
        return (
            "wrong dtype",
            f"it returned dtype {got_array.dtype}, expected {expected.dtype}: "
            + dtype_rule,
            seen,
        )
    default_rtol, default_atol = tolerances(expected.dtype)
    rtol = default_rtol if rtol is None else rtol
    atol = default_atol if atol is None else atol
    with np.errstate(all="ignore"):
        close = np.isclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=True)
    if np.all(close):
        return None
    bad = np.flatnonzero(~close.ravel())
    first = int(bad[0])
    lines = ["wrong values", seen]
    if expected.ndim:
        lines.append(
            f"first wrong entry: index {np.unravel_index(first, expected.shape)}"
            f", got {got_array.ravel()[first]!r}, expected "
            f"{expected.ravel()[first]!r} ({bad.size} of {expected.size} wrong)"
        )
    lines.append(f"(allowed difference: {atol:g} + {rtol:g} * |expected|)")
    return tuple(lines)


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
        _not_written(fn)
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
        Calls ``fn`` inside ``forbidden(module, name, reason)``, with the
        learner's own globals searched too; the reference solutions in
        course_code (``--reference``) are exempt.
    """
    if getattr(fn, "__module__", "").startswith("course_code."):
        return fn
    # A function already wrapped (two bans) is searched in the learner's
    # own globals, not in the wrapper's.
    inner = inspect.unwrap(fn)
    namespaces = [inner.__globals__] if hasattr(inner, "__globals__") else []

    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        with forbidden(module, name, reason, namespaces):
            return fn(*args, **kwargs)

    return guarded


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

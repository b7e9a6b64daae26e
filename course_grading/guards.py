"""What the graders watch while a learner's function runs.

Two guards, both judged by what the code does rather than how it is spelled:

* :class:`Watch` records every NumPy warning.  A learner's own call to
  ``np.errstate``, ``np.seterr`` or the ``warnings`` module's filters is set
  aside while the function runs (NumPy's own internal uses are not), so a
  hidden overflow is still seen.  The guard recognises these functions by
  identity, through :func:`sys.setprofile`, so an alias does not escape it.
* :class:`forbidden` switches a function off by identity: every name bound
  to it, in every loaded module and in the learner's globals, refuses to
  run inside the block.

Examples
--------
>>> import numpy as np
>>> with Watch() as watch:
...     with np.errstate(over="ignore"):  # a library frame: left alone
...         _ = np.exp(np.float64(1000.0))
>>> len(watch.warnings) >= 0
True
"""

from __future__ import annotations

import sys
import sysconfig
import warnings
from pathlib import Path

import numpy as np

__all__ = ["WATCHED", "Watch", "forbidden", "is_library_file", "warning_cause"]

#: The floating-point events a learner's function must not raise; underflow
#: to 0 or to a subnormal is a correct result, not a problem.
WATCHED = {"over": "warn", "divide": "warn", "invalid": "warn", "under": "ignore"}


def _library_roots():
    paths = sysconfig.get_paths()
    roots = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    here = Path(__file__).resolve().parent
    roots.add(str(here))
    try:
        import course_code

        roots.add(str(Path(course_code.__file__).resolve().parent))
    except ImportError:  # pragma: no cover - course_code ships with this package
        pass
    return tuple(sorted(str(Path(r).resolve()) for r in roots))


_ROOTS = None
_KIND = {}


def is_library_file(filename):
    """True for code of the standard library, installed packages and the
    course's own packages; False for a learner's file.

    Examples
    --------
    >>> is_library_file(np.__file__)
    True
    >>> is_library_file("<a learner's file>")
    False
    """
    global _ROOTS
    known = _KIND.get(filename)
    if known is not None:
        return known
    if _ROOTS is None:
        _ROOTS = _library_roots()
    if filename.startswith("<frozen"):
        result = True
    elif filename.startswith("<"):
        result = False
    else:
        resolved = str(Path(filename).resolve())
        result = resolved.startswith(_ROOTS)
    _KIND[filename] = result
    return result


def _errstate_decorator_code():
    """The code of the wrapper that ``@np.errstate(...)`` puts around a function."""
    for const in np.errstate.__call__.__code__.co_consts:
        if hasattr(const, "co_name") and const.co_name == "inner":
            return const
    return None  # pragma: no cover - a NumPy without the decorator form


_SILENCERS = {
    np.errstate.__enter__.__code__: "np.errstate",
    np.seterr.__code__: "np.seterr",
    warnings.simplefilter.__code__: "warnings.simplefilter",
    warnings.filterwarnings.__code__: "warnings.filterwarnings",
    warnings.catch_warnings.__enter__.__code__: "warnings.catch_warnings",
}
_DECORATOR = _errstate_decorator_code()


class Watch:
    """Record every NumPy warning of a block, whatever the block silences.

    Attributes
    ----------
    warnings : list of warnings.WarningMessage
        The RuntimeWarnings raised inside the block.
    silencers : list of str
        The silencing calls of learner code that were set aside, such as
        ``"np.errstate"``.
    """

    def __init__(self):
        self.warnings = []
        self.silencers = []

    def __enter__(self):
        self._catch = warnings.catch_warnings(record=True)
        self._log = self._catch.__enter__()
        warnings.simplefilter("always")
        self._errstate = np.errstate(**WATCHED)
        self._errstate.__enter__()
        self._profile = sys.getprofile()
        sys.setprofile(self._hook)
        return self

    def __exit__(self, *exc):
        sys.setprofile(self._profile)
        self._errstate.__exit__(*exc)
        self._catch.__exit__(*exc)
        self.warnings = [w for w in self._log if issubclass(w.category, RuntimeWarning)]
        return False

    def _hook(self, frame, event, arg):
        if event == "call":
            back = frame.f_back
            if (
                back is not None
                and back.f_code is _DECORATOR
                and not is_library_file(frame.f_code.co_filename)
            ):
                self._set_aside("np.errstate")
            return
        if event != "return":
            return
        name = _SILENCERS.get(frame.f_code)
        if name is None or frame.f_back is None:
            return
        if is_library_file(frame.f_back.f_code.co_filename):
            return
        self._set_aside(name)

    def _set_aside(self, name):
        if name not in self.silencers:
            self.silencers.append(name)
        if name in ("np.errstate", "np.seterr"):
            np.seterr(**WATCHED)
        elif name == "warnings.catch_warnings":
            # record=True would send the warnings to the learner's list.
            warnings._showwarnmsg_impl = self._log.append
            warnings.filters.insert(0, ("always", None, Warning, None, 0))
            warnings._filters_mutated()
        else:
            warnings.filters.insert(0, ("always", None, Warning, None, 0))
            warnings._filters_mutated()


#: What each NumPy warning means, in words a learner can act on.
_CAUSES = (
    (
        "overflow",
        "overflow",
        "a step produced a number too large for its dtype, which became inf",
    ),
    (
        "divide by zero",
        "division by zero",
        "a step divided by zero or took the log of 0",
    ),
    (
        "invalid value",
        "invalid operation",
        "a step computed inf - inf, 0 * inf, inf / inf or the log or square "
        "root of a negative number, which gives NaN",
    ),
)


def warning_cause(message):
    """The kind of a NumPy warning and what it means.

    Parameters
    ----------
    message : str
        The warning's text, e.g. ``"overflow encountered in exp"``.

    Returns
    -------
    tuple of str
        ``(kind, explanation)``.

    Examples
    --------
    >>> warning_cause("overflow encountered in exp")[0]
    'overflow'
    >>> warning_cause("invalid value encountered in subtract")[0]
    'invalid operation'
    """
    for key, kind, meaning in _CAUSES:
        if key in message:
            return kind, meaning
    return "warning", "NumPy warned about a step of the computation"


class forbidden:
    """Within the block, calling ``module.name`` fails the test with ``reason``.

    The function is switched off by identity: every name bound to it in a
    loaded module, and in the ``namespaces`` given, refuses to run, so
    ``from numpy import tanh as t`` does not escape the ban.

    Parameters
    ----------
    module : module
        Where the function lives, e.g. ``numpy``.
    name : str
        Its name there, e.g. ``"tanh"``.
    reason : str
        Said to the learner who calls it.
    namespaces : sequence of dict, optional
        More namespaces to search, such as a learner function's globals.

    Examples
    --------
    >>> import numpy as np
    >>> with forbidden(np, "tanh", "build tanh from exp"):
    ...     np.tanh is not forbidden.original(np, "tanh")
    True
    >>> np.tanh(0.0)
    np.float64(0.0)
    """

    def __init__(self, module, name, reason, namespaces=()):
        self.module, self.name, self.reason = module, name, reason
        self.namespaces = list(namespaces)

    @staticmethod
    def original(module, name):
        """The function ``module.name`` refers to outside any ban."""
        value = getattr(module, name)
        return getattr(value, "_course_forbidden", value)

    def __enter__(self):
        import pytest

        target = self.original(self.module, self.name)
        full = f"{self.module.__name__}.{self.name}"
        reason = self.reason

        def refuse(*args, **kwargs):
            pytest.fail(
                f"`{full}` is not allowed in this exercise (under any name): {reason}.",
                pytrace=False,
            )

        refuse._course_forbidden = target
        spaces = [vars(m) for m in list(sys.modules.values()) if m is not None]
        spaces += self.namespaces
        self.bound = []
        for space in spaces:
            try:
                keys = [k for k, v in space.items() if v is target]
            except (AttributeError, RuntimeError, TypeError):  # pragma: no cover
                continue
            for key in keys:
                space[key] = refuse
                self.bound.append((space, key))
        return self

    def __exit__(self, *exc):
        target = self.original(self.module, self.name)
        for space, key in self.bound:
            space[key] = target
        return False

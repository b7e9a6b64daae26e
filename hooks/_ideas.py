"""The idea of a function on a page: its plain-NumPy code and where it holds.

Not a hook itself: ``<!-- course:idea NAME -->`` (alone on a line) becomes
the code of ``course_code.ideas.NAME``, included by pymdownx.snippets, and a
note that says where it agrees with the reference and where it breaks, from
the record ``course_code.ideas.IDEAS[NAME]`` that ``tests/test_ideas.py``
checks.
"""

from __future__ import annotations

import math
import sys

BIG = sys.float_info.max  # the largest float64: "no bound" in a record


def _number(v: float) -> str:
    r"""A number in TeX: ``-1e-09`` is ``-10^{-9}``, ``709.78`` stays.

    >>> _number(-1e-9), _number(709.78), _number(-BIG)
    ('-10^{-9}', '709.78', '-\\infty')
    """
    if abs(v) >= BIG:
        return r"\infty" if v > 0 else r"-\infty"
    if v == 0 or 1e-3 <= abs(v) < 1e5:
        return f"{v:g}"
    exponent = math.floor(math.log10(abs(v)))
    mantissa = v / 10**exponent
    sign = "-" if mantissa < 0 else ""
    if math.isclose(abs(mantissa), 1.0):
        return f"{sign}10^{{{exponent}}}"
    return f"{mantissa:g} \\times 10^{{{exponent}}}"


def interval(low: float, high: float, x: str = "x") -> str:
    """An interval of x as the page writes it, in TeX.

    >>> interval(-math.inf, -709.79), interval(0.0, 709.78)
    ('$x < -709.79$', '$0 < x < 709.78$')
    """
    if abs(low) >= BIG and abs(high) >= BIG:
        return f"every ${x}$"
    if abs(low) >= BIG:
        return f"${x} < {_number(high)}$"
    if abs(high) >= BIG:
        return f"${x} > {_number(low)}$"
    return f"${_number(low)} < {x} < {_number(high)}$"


def _tolerance(rtol: float) -> str:
    if rtol == 0:
        return "exactly, bit for bit,"
    exponent = math.floor(math.log10(rtol))
    mantissa = round(rtol / 10**exponent)
    scale = f"10^{{{exponent}}}"
    return f"to a relative error of ${mantissa} \\times {scale}$ or less"


def idea(name: str) -> str:
    """The Markdown of the idea ``name``: its code and where it holds."""
    from course_code.ideas import IDEAS

    if name not in IDEAS:
        raise KeyError(f"{name!r} is not in course_code.ideas.IDEAS")
    entry = IDEAS[name]
    where = " and ".join(interval(*i, entry.variable) for i in entry.agrees_on)
    lines = [
        "```python",
        f'--8<-- "course_code/ideas.py:{name}"',
        "```",
        "",
        '!!! note "Where the idea holds"',
        "",
        f"    It agrees with `{entry.reference_name}` {_tolerance(entry.rtol)}"
        f" for {where}{' ' + entry.where_said if entry.where_said else ''},"
        " without a warning.",
    ]
    if entry.breaks:
        lines += ["    It breaks:", ""]
        x = entry.variable
        lines += [f"    - for {interval(*b.where, x)}, {b.says}" for b in entry.breaks]
    else:
        lines[-1] += " The idea is already exact."
    return "\n".join(lines)

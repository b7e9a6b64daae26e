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

from _strings import prose, words

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


def interval(low: float, high: float, x: str = "x", lang: str = "en") -> str:
    """An interval of x as the page writes it, in TeX.

    >>> interval(-math.inf, -709.79), interval(0.0, 709.78)
    ('$x < -709.79$', '$0 < x < 709.78$')
    >>> interval(-BIG, BIG, lang="zh")
    '所有 $x$'
    """
    if abs(low) >= BIG and abs(high) >= BIG:
        return words(lang)["idea_every"].format(x=x)
    if abs(low) >= BIG:
        return f"${x} < {_number(high)}$"
    if abs(high) >= BIG:
        return f"${x} > {_number(low)}$"
    return f"${_number(low)} < {x} < {_number(high)}$"


def _tolerance(rtol: float, lang: str = "en") -> str:
    if rtol == 0:
        return words(lang)["idea_exactly"]
    exponent = math.floor(math.log10(rtol))
    mantissa = round(rtol / 10**exponent)
    bound = f"{mantissa} \\times 10^{{{exponent}}}"
    return words(lang)["idea_relative"].format(bound=bound)


def idea(name: str, lang: str = "en") -> str:
    """The Markdown of the idea ``name``: its code and where it holds, in ``lang``."""
    from course_code.ideas import IDEAS

    if name not in IDEAS:
        raise KeyError(f"{name!r} is not in course_code.ideas.IDEAS")
    entry = IDEAS[name]
    say = words(lang)
    x = entry.variable
    where = say["idea_and"].join(interval(*i, x, lang) for i in entry.agrees_on)
    if lang != "en" and where.startswith("$"):
        where = " " + where  # a space between Chinese and a formula
    said = prose(entry.where_said, lang)
    if said and lang == "en":
        said = " " + said
    agrees = say["idea_agrees"].format(
        reference=entry.reference_name,
        tolerance=_tolerance(entry.rtol, lang),
        where=where,
        where_said=said,
    )
    lines = [
        "```python",
        f'--8<-- "course_code/ideas.py:{name}"',
        "```",
        "",
        f'!!! note "{say["idea_title"]}"',
        "",
        f"    {agrees}",
    ]
    if entry.breaks:
        lines += [f"    {say['idea_breaks']}", ""]
        lines += [
            "    - "
            + say["idea_break"].format(
                where=interval(*b.where, x, lang), says=prose(b.says, lang)
            )
            for b in entry.breaks
        ]
    else:
        lines[-1] += say["idea_exact"]
    return "\n".join(lines)

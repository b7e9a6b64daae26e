"""Hints, one at a time: what ``course hint NN`` and ``pytest exercises
--hint NN`` print.

Examples
--------
>>> from course_grading.exercises import Exercise
>>> from pathlib import Path
>>> e = Exercise("01", Path("."), "f.py", "T", 1, "c/", {}, ("one", "two"))
>>> text, shown = reveal(e, already=0)
>>> shown, text.splitlines()[2]
(1, 'Hint 1 of 2: one')
>>> reveal(e, already=1)[1]
2
"""

from __future__ import annotations

import textwrap

__all__ = ["reveal", "wrapped"]


def wrapped(prefix, text, width=78):
    """``text`` wrapped to ``width`` after ``prefix``, continued under it."""
    return textwrap.wrap(
        text, width, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    )


def reveal(exercise, already):
    """The next hint of ``exercise`` after ``already`` were shown.

    Parameters
    ----------
    exercise : Exercise
    already : int
        How many hints were shown before.

    Returns
    -------
    (str, int)
        The text to print and the number of hints shown after it.
    """
    total = len(exercise.hints)
    shown = min(already + 1, total)
    lines = [f"Exercise {exercise.id}: {exercise.title}", ""]
    if already >= total:
        lines.append("That was every hint; here is the last one again.")
    lines += wrapped(f"Hint {shown} of {total}: ", exercise.hints[shown - 1])
    lines.append("")
    if shown < total:
        lines.append(
            f"Still stuck? `course hint {exercise.id}` shows hint {shown + 1}."
        )
    else:
        lines.append("The chapter explains the idea:")
        lines.append(f"  {exercise.section_url}")
        lines.append(
            "To see the hints from the first again: "
            f"`course hint {exercise.id} --reset`."
        )
    return "\n".join(lines), shown

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
>>> reveal(e, already=0, words=Words("zh"))[0].splitlines()[2]
'提示 1/2：one'
"""

from __future__ import annotations

from course_grading.messages import Words, wrapped

__all__ = ["reveal", "wrapped"]


def reveal(exercise, already, words=None):
    """The next hint of ``exercise`` after ``already`` were shown.

    Parameters
    ----------
    exercise : Exercise
    already : int
        How many hints were shown before.
    words : Words, optional
        The language to say it in; English by default.

    Returns
    -------
    (str, int)
        The text to print and the number of hints shown after it.
    """
    words = words or Words()
    total = len(exercise.hints)
    shown = min(already + 1, total)
    lines = [words("hint.heading", id=exercise.id, title=exercise.title), ""]
    if already >= total:
        lines.append(words("hint.all_seen"))
    lines += wrapped(
        words("hint.label", shown=shown, total=total), exercise.hints[shown - 1]
    )
    lines.append("")
    if shown < total:
        lines.append(words("hint.more", id=exercise.id, next=shown + 1))
    else:
        lines.append(words("hint.chapter"))
        lines.append(f"  {exercise.section_url}")
        lines.append(words("hint.again", id=exercise.id))
    return "\n".join(lines), shown

"""The exercises as listed in ``exercises/info.toml``, and where they live.

Examples
--------
>>> from pathlib import Path
>>> root = find_root(Path.cwd())
>>> [e.id for e in load_exercises(root)][:3]
['01', '02', '03']
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "SITE_URL",
    "Exercise",
    "exercise_of",
    "find_root",
    "load_exercises",
    "relative",
]

#: Where the hosted course lives; chapter links start here.
SITE_URL = "https://activation-functions.github.io/activation-functions/"


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
        The page (and section) of the site that teaches it, relative to
        :data:`SITE_URL`.
    functions : dict
        Each function the learner writes, mapped to ``"module:name"`` of
        its reference in :mod:`course_code`.
    hints : tuple of str
        From gentle to pointed.
    section : str
        The anchor of the section of ``chapter`` that explains it, or "".
    """

    id: str
    folder: Path
    file: str
    title: str
    points: int
    chapter: str
    functions: dict
    hints: tuple
    section: str = ""

    @property
    def path(self):
        """The learner's file."""
        return self.folder / self.file

    @property
    def stub(self):
        """The untouched stub, which ``course reset`` copies back."""
        return self.folder.parent / ".stubs" / self.folder.name / self.file

    @property
    def model_solution(self):
        """The model solution, which ``course solution`` shows once solved."""
        return self.folder.parent / ".solutions" / self.folder.name / self.file

    @property
    def chapter_url(self):
        """The full address of the chapter that teaches the exercise."""
        return SITE_URL + self.chapter

    @property
    def section_url(self):
        """The full address of the section that explains the exercise."""
        return self.chapter_url + (f"#{self.section}" if self.section else "")


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
                section=entry.get("section", ""),
            )
        except KeyError as exc:
            raise ValueError(f"info.toml: exercise {entry!r} lacks {exc}") from None
        if not exercise.folder.is_dir():
            raise ValueError(f"info.toml: no folder {exercise.folder}")
        exercises.append(exercise)
    return exercises


def find_root(start):
    """The ``exercises`` folder seen from ``start``: the nearest folder that
    holds ``info.toml``, looking in ``start``, its ancestors and each one's
    ``exercises`` subfolder.

    Parameters
    ----------
    start : path-like
        A folder or file inside a clone of the course (or the clone itself).

    Returns
    -------
    pathlib.Path or None
        The folder holding ``info.toml``, or None when there is none.
    """
    start = Path(start).resolve()
    for candidate in (start, *start.parents):
        for folder in (candidate, candidate / "exercises"):
            if (folder / "info.toml").is_file():
                return folder
    return None


def exercise_of(exercises, path):
    """The exercise whose folder holds ``path``, or None."""
    path = Path(path).resolve()
    for exercise in exercises:
        if exercise.folder.resolve() in path.parents:
            return exercise
    return None


def relative(path, base=None):
    """``path`` relative to ``base`` (the working directory by default) when
    it is inside it, else unchanged.

    Examples
    --------
    >>> relative("/a/b/c.py", "/a")
    'b/c.py'
    >>> relative("/x/c.py", "/a")
    '/x/c.py'
    """
    try:
        return str(Path(path).relative_to(Path.cwd() if base is None else base))
    except ValueError:
        return str(path)

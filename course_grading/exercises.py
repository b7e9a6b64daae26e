"""The exercises as listed in ``exercises/info.toml``, and where they live.

In Chinese (``language="zh"``), each exercise's title and hints come from
``exercises/info.zh.toml``, which lists the same exercises in the same order
with as many hints each, and its README is ``README.zh.md``; the chapter
that teaches it is the Chinese page, under ``zh/`` on the site.

Examples
--------
>>> from pathlib import Path
>>> root = find_root(Path.cwd())
>>> [e.id for e in load_exercises(root)][:3]
['01', '02', '03']
>>> load_exercises(root, "zh")[0].title
'永不上溢的 sigmoid 函数'
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

from course_grading.messages import DEFAULT, LANGUAGES, translated_name

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
    "translated_checks",
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
    language : str
        The language of ``title`` and ``hints``, of the README and of the
        chapter's address: ``"en"`` or ``"zh"``.
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
    language: str = DEFAULT

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
    def readme(self):
        """The exercise's README in its language (``README.zh.md`` in
        Chinese)."""
        return self.folder / translated_name("README.md", self.language)

    @property
    def chapter_url(self):
        """The full address of the chapter that teaches the exercise, in its
        language (Chinese pages are under ``zh/``)."""
        language = "" if self.language == DEFAULT else f"{self.language}/"
        return SITE_URL + language + self.chapter

    @property
    def section_url(self):
        """The full address of the section that explains the exercise."""
        return self.chapter_url + (f"#{self.section}" if self.section else "")


def load_exercises(root, language=DEFAULT):
    """Read ``root/info.toml`` and return the exercises in order.

    Parameters
    ----------
    root : path-like
        The ``exercises`` folder.
    language : str, optional
        ``"en"`` (the default), or ``"zh"`` for the titles and hints of
        ``root/info.zh.toml``.

    Returns
    -------
    list of Exercise

    Raises
    ------
    ValueError
        If an entry lacks a field or names a folder that does not exist, or
        if the translation does not list the same exercises, in the same
        order, with as many hints each, or if ``language`` is not a language
        of the course.
    """
    if language not in LANGUAGES:
        raise ValueError(
            f"language must be one of {', '.join(LANGUAGES)}, not {language!r}"
        )
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
    if language == DEFAULT:
        return exercises
    path = root / translated_name("info.toml", language)
    return _translated(exercises, path, language)


def _translated(exercises, path, language):
    """``exercises`` with the titles and hints of ``path``, their
    translation into ``language``."""
    with open(path, "rb") as fh:
        entries = tomllib.load(fh).get("exercise", [])
    ids = [e.id for e in exercises]
    if [entry.get("id") for entry in entries] != ids:
        raise ValueError(f"{path.name} must list the exercises {', '.join(ids)}")
    translated = []
    for exercise, entry in zip(exercises, entries, strict=True):
        hints = tuple(entry.get("hints", ()))
        if "title" not in entry or len(hints) != len(exercise.hints):
            raise ValueError(
                f"{path.name}: exercise {exercise.id} needs a title and "
                f"{len(exercise.hints)} hints, as in info.toml"
            )
        translated.append(
            dataclasses.replace(
                exercise, title=entry["title"], hints=hints, language=language
            )
        )
    return translated


CHECKS_HEADING = re.compile(r"^## .*(?:What the grader checks|#what-the-grader-checks)")


def _checks_listed(readme):
    """The bullets of a README's section "What the grader checks"."""
    try:
        lines = Path(readme).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    start = next(
        (i for i, line in enumerate(lines) if CHECKS_HEADING.match(line)), None
    )
    if start is None:
        return []
    bullets = []
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        if line.startswith(("- ", "* ")):
            bullets.append(line[2:].strip())
    return bullets


def translated_checks(exercise):
    """What each check of ``exercise`` checks, in the exercise's language.

    Each grader test's docstring says what it checks, in the words of the
    README's list "What the grader checks" (a test keeps them equal); the
    translated README lists the same checks in the same order.

    Parameters
    ----------
    exercise : Exercise

    Returns
    -------
    dict
        Each line of the English list mapped to the translated line; empty
        in English, or when the translated list is not as long as the
        English one.

    Examples
    --------
    >>> root = find_root(Path.cwd())
    >>> checks = translated_checks(load_exercises(root, "zh")[0])
    >>> checks["Inputs from -8 to 8 give the right value."]
    '从 -8 到 8 的输入给出正确的值。'
    """
    if exercise.language == DEFAULT:
        return {}
    english = _checks_listed(exercise.folder / "README.md")
    translated = _checks_listed(exercise.readme)
    if len(english) != len(translated):
        return {}
    return dict(zip(english, translated, strict=True))


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

"""The learner's progress: one plain JSON file at the root of the clone.

``course-progress.json`` sits beside ``exercises/`` (git ignores it). Every
``pytest exercises`` run (and so every ``course`` command that grades)
updates the exercises it graded in full; ``course hint`` records the hints
shown. Nothing else reads or writes it, and deleting it only forgets the
progress (your files are untouched). Its shape::

    {
        "format": 1,
        "exercises": {
            "01": {
                "checks_passed": 6,
                "checks": 6,
                "solved": true,
                "graded": "2026-12-05T16:20:00+00:00",
                "hints_shown": 1,
            }
        },
    }

``checks_passed`` of ``checks`` is the last full grading of the exercise;
``solved`` is true when every check passed; ``first_solved`` (once present)
is when that first happened, which unlocks ``course solution``;
``hints_shown`` counts the hints revealed so far.

Examples
--------
>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> progress = Progress.load(root)
>>> progress.record_grading("01", passed=3, total=6)
>>> progress.save()
>>> Progress.load(root).entry("01")["checks_passed"]
3
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from pathlib import Path

__all__ = ["FILENAME", "Progress"]


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


#: The progress file's name, at the root of the clone (beside exercises/).
FILENAME = "course-progress.json"


class Progress:
    """The progress file of one clone: read, changed in memory, saved.

    Parameters
    ----------
    path : pathlib.Path
        The file; it need not exist yet.
    data : dict
        Its content.
    """

    def __init__(self, path, data):
        self.path = Path(path)
        self.data = data

    @classmethod
    def load(cls, folder):
        """Read ``folder/course-progress.json``; an absent or unreadable file
        is an empty progress (an unreadable one is kept aside, not lost)."""
        path = Path(folder) / FILENAME
        data = {"format": 1, "exercises": {}}
        if path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                path.replace(path.with_suffix(".json.unreadable"))
            else:
                if isinstance(loaded, dict) and isinstance(
                    loaded.get("exercises"), dict
                ):
                    data = loaded
        return cls(path, data)

    def entry(self, exercise_id):
        """The record of one exercise (an empty dict if never graded)."""
        return self.data["exercises"].setdefault(exercise_id, {})

    def record_grading(self, exercise_id, passed, total):
        """Store the result of a full grading of an exercise."""
        entry = self.entry(exercise_id)
        entry["checks_passed"] = int(passed)
        entry["checks"] = int(total)
        entry["solved"] = bool(total) and passed == total
        entry["graded"] = _now()
        if entry["solved"] and "first_solved" not in entry:
            entry["first_solved"] = entry["graded"]

    def ever_solved(self, exercise_id):
        """True once the exercise has been solved, even if its file changed
        (or was reset) since."""
        return "first_solved" in self.data["exercises"].get(exercise_id, {})

    def solved(self, exercise_id):
        """True if the last full grading of the exercise passed every check."""
        return bool(self.data["exercises"].get(exercise_id, {}).get("solved"))

    def hints_shown(self, exercise_id):
        """How many hints of the exercise have been revealed."""
        return int(self.data["exercises"].get(exercise_id, {}).get("hints_shown", 0))

    def set_hints_shown(self, exercise_id, count):
        """Record that ``count`` hints of the exercise have been revealed."""
        self.entry(exercise_id)["hints_shown"] = int(count)

    def save(self):
        """Write the file atomically: a crash never leaves half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.data, indent=2, sort_keys=True) + "\n"
        handle, temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=".course-progress-", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

"""The ``course`` command: the learner's front end on the grading plugin.

::

    course watch [NN]        grade on every save, move on when solved
    course list              every exercise: status, checks, points
    course hint NN [--reset] one more hint (or start the hints again)
    course reset NN [--yes]  back to the stub; your file is saved first
    course solution NN       the model solution, once you have solved it

Every grading is a ``pytest`` run of the plugin in :mod:`course_grading.plugin`
in a fresh interpreter (see :mod:`course_grading.worker`), so what ``course``
reports is exactly what ``pytest exercises`` reports. Progress lives in
``course-progress.json`` (:mod:`course_grading.progress`); ``course reset``
keeps the learner's file in ``.course-backups/``, which is never pruned.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from course_grading.exercises import (
    exercise_of,
    find_root,
    load_exercises,
    relative,
)
from course_grading.hints import reveal, wrapped
from course_grading.progress import Progress

__all__ = ["Grader", "main"]

#: Where ``course reset`` keeps the learner's files, beside exercises/.
BACKUPS = ".course-backups"
#: Seconds a whole grading may take before the worker is stopped.
GRADING_LIMIT = 300.0


class CourseError(Exception):
    """A mistake in how the command was called; the message says what to do."""


# ---------------------------------------------------------------------------
# The course on disk, and grading it.
# ---------------------------------------------------------------------------


class Course:
    """The exercises of one clone, and its progress file."""

    def __init__(self, root):
        self.root = Path(root)
        self.clone = self.root.parent
        self.exercises = load_exercises(self.root)

    @classmethod
    def here(cls, start=None):
        root = find_root(start or Path.cwd())
        if root is None:
            raise CourseError(
                "No exercises/info.toml here or above. Run `course` from inside "
                "a clone of the course (the folder that holds exercises/)."
            )
        return cls(root)

    def progress(self):
        return Progress.load(self.clone)

    def find(self, wanted):
        key = str(wanted).strip().zfill(2)
        for e in self.exercises:
            if e.id == key or e.folder.name == wanted:
                return e
        known = ", ".join(e.id for e in self.exercises)
        raise CourseError(
            f"There is no exercise {wanted!r}. The exercises are {known}."
        )

    def exercise_of(self, path):
        return exercise_of(self.exercises, path)

    def first_unsolved(self, progress, after=None):
        ids = [e.id for e in self.exercises]
        start = ids.index(after.id) + 1 if after is not None else 0
        for e in self.exercises[start:] + self.exercises[:start]:
            if not progress.solved(e.id):
                return e
        return None


class Result:
    """What one grading found: per exercise, its checks and verdict."""

    def __init__(self, data, code, log):
        self.exercises = data.get("exercises", {})
        self.code = code
        self.log = log

    def of(self, exercise):
        return self.exercises.get(exercise.id)


class Grader:
    """Grades exercises with pytest in a fresh interpreter each time.

    With ``warm=True`` the next interpreter is started (and has imported
    NumPy, pytest and the plugin) while the learner edits, which takes
    about a second off each grading.
    """

    def __init__(self, course, warm=False):
        self.course = course
        self.warm = warm
        self._ready = None
        if warm:
            self._ready = self._spawn()

    def _spawn(self):
        # Closed by grade() or close(), once the worker is done with it.
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        # Only the plugins grading needs: entry-point plugins (anyio's, for
        # one) can take longer to load than the grading itself.
        env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        env.pop("PYTEST_ADDOPTS", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "course_grading.worker"],
            cwd=self.course.clone,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=log,
            text=True,
            env=env,
        )
        return process, log

    def grade(self, exercises):
        """Grade ``exercises`` (a list); return a :class:`Result`."""
        process, log = self._ready or self._spawn()
        self._ready = None
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "report.json"
            args = [
                *(str(e.folder) for e in exercises),
                "-q",
                "-p",
                "pytest_timeout",
                "-p",
                "no:cacheprovider",
                # The graders explain their failures themselves.
                "--assert=plain",
                f"--course-report={report}",
            ]
            try:
                process.stdin.write(json.dumps(args) + "\n")
                process.stdin.close()
                code = process.wait(timeout=GRADING_LIMIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                code = None
            except BrokenPipeError:
                code = process.wait()
            if self.warm:
                self._ready = self._spawn()
            log.seek(0)
            text = log.read()
            log.close()
            data = json.loads(report.read_text()) if report.is_file() else {}
        return Result(data, code, text)

    def close(self):
        if self._ready is not None:
            process, log = self._ready
            process.kill()
            process.wait()
            log.close()
            self._ready = None


# ---------------------------------------------------------------------------
# Text: verdicts, goals, the list.
# ---------------------------------------------------------------------------


def goal(exercise):
    """The first paragraph of the exercise's README: what to build and why."""
    try:
        text = (exercise.folder / "README.md").read_text(encoding="utf-8")
    except OSError:
        return exercise.title
    paragraphs = [p.strip() for p in text.split("\n\n")]
    for p in paragraphs:
        if p and not p.startswith("#"):
            return " ".join(p.split())
    return exercise.title


def verdict_lines(exercise, entry, result):
    """The verdict of one exercise's grading, as plain lines."""
    if entry is None:
        lines = ["The grader could not run (no report came back)."]
        if result.code is not None:
            lines.append(f"pytest exited with code {result.code}; what it said:")
        else:
            lines.append(f"It was stopped after {GRADING_LIMIT:g} s.")
        lines += ["  " + line for line in result.log.strip().splitlines()[-15:]]
        return lines
    checks = entry["checks"]
    passed = sum(c["passed"] for c in checks)
    if entry["solved"]:
        return [f"Solved: all {len(checks)} checks pass."]
    if entry["not_started"]:
        return [
            f"Not started: {exercise.file} still raises NotImplementedError.",
            "Replace the TODO with your code and save; this screen grades it.",
        ]
    lines = [f"{passed} of {len(checks)} checks pass."]
    width = max(shutil.get_terminal_size((100, 24)).columns - 4, 60)
    for c in checks:
        mark = "pass" if c["passed"] else "fail"
        lines += wrapped(f"  [{mark}] ", c["description"], width)
    first = next(c for c in checks if not c["passed"])
    lines += ["", "The first failing check in full:"]
    lines += ["  " + line for line in first["message"].splitlines()]
    if first.get("printed"):
        lines.append("  Your code printed:")
        lines += ["    " + line for line in first["printed"].splitlines()]
    return lines


# ---------------------------------------------------------------------------
# The commands.
# ---------------------------------------------------------------------------


def show_progress(course, progress, out):
    """Print every exercise's status, checks and points, and a bar; return
    the rich console used."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    width = None if out.isatty() else 110
    console = Console(file=out, highlight=False, width=width)
    table = Table(title="Your progress", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    # What the other columns and the borders leave (a title is cut with …).
    room = max(console.width - 46, 20)
    table.add_column("Exercise", no_wrap=True, overflow="ellipsis", max_width=room)
    table.add_column("Status", no_wrap=True, min_width=11)
    table.add_column("Checks", justify="right", no_wrap=True)
    table.add_column("Points", justify="right", no_wrap=True)
    score = 0
    total = sum(e.points for e in course.exercises)
    solved = 0
    for e in course.exercises:
        entry = progress.data["exercises"].get(e.id, {})
        if "checks" not in entry:
            status, checks = "not graded", "-"
        elif entry.get("solved"):
            status, checks = (
                "[green]solved[/green]",
                f"{entry['checks']}/{entry['checks']}",
            )
        elif entry.get("checks_passed", 0) == 0:
            status = "not started"
            checks = f"0/{entry['checks']}"
        else:
            status = "[yellow]in progress[/yellow]"
            checks = f"{entry['checks_passed']}/{entry['checks']}"
        ok = bool(entry.get("solved"))
        score += e.points if ok else 0
        solved += ok
        table.add_row(
            e.id, e.title, status, checks, f"{e.points if ok else 0}/{e.points}"
        )
    console.print(table)
    filled = round(40 * score / total) if total else 0
    if console.is_terminal:
        done, rest = "━" * filled, "━" * (40 - filled)
        bar = f"[green]{done}[/green][bright_black]{rest}[/bright_black]"
    else:
        bar = escape(f"[{'#' * filled}{'-' * (40 - filled)}]")
    console.print(f"{bar} {score}/{total} points")
    console.print(
        f"{solved} of {len(course.exercises)} exercises solved, {score}/{total} points."
    )
    return console


def cmd_list(course, args, out):
    progress = course.progress()
    if not args.no_grade:
        out.write("Grading every exercise...\n")
        out.flush()
        result = Grader(course).grade(course.exercises)
        if not result.exercises:
            raise CourseError(
                "\n".join(verdict_lines(course.exercises[0], None, result))
            )
        progress = course.progress()  # the plugin has just written it
    console = show_progress(course, progress, out)
    nxt = course.first_unsolved(progress)
    if nxt is None:
        console.print(
            "Every exercise is solved. `course solution NN` shows each model."
        )
    else:
        console.print(f"Next: exercise {nxt.id}, {nxt.title}: `course watch`.")
    return 0


def cmd_hint(course, args, out):
    exercise = course.find(args.exercise)
    progress = course.progress()
    if args.reset:
        progress.set_hints_shown(exercise.id, 0)
        progress.save()
        out.write(
            f"Hints of exercise {exercise.id} start again: `course hint "
            f"{exercise.id}` shows hint 1.\n"
        )
        return 0
    text, shown = reveal(exercise, progress.hints_shown(exercise.id))
    progress.set_hints_shown(exercise.id, shown)
    progress.save()
    out.write(text + "\n")
    return 0


def _backup_path(course, exercise):
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = course.clone / BACKUPS / exercise.folder.name
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(exercise.file).stem, Path(exercise.file).suffix
    target = folder / f"{stem}-{stamp}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{stamp}-{n}{suffix}"
        n += 1
    return target


def cmd_reset(course, args, out):
    exercise = course.find(args.exercise)
    stub = exercise.stub
    if not stub.is_file():
        raise CourseError(f"The stub of exercise {exercise.id} is missing: {stub}.")
    path = exercise.path
    where = relative(path, course.clone)
    if path.is_file() and path.read_bytes() == stub.read_bytes():
        out.write(f"{where} is already the untouched stub; nothing to do.\n")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise CourseError(
                f"`course reset {exercise.id}` replaces {where} with the stub. "
                "Add --yes to confirm (your file is saved first)."
            )
        out.write(
            f"Replace {where} with the untouched stub? Your file is saved to "
            f"{BACKUPS}/ first. [y/N] "
        )
        out.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            out.write("Nothing changed.\n")
            return 1
    if path.is_file():
        backup = _backup_path(course, exercise)
        shutil.copy2(path, backup)
        out.write(f"Your file is saved as {relative(backup, course.clone)}.\n")
    shutil.copyfile(stub, path)
    progress = course.progress()
    entry = progress.entry(exercise.id)
    entry.pop("checks_passed", None)
    entry.pop("checks", None)
    entry["solved"] = False
    progress.save()
    out.write(f"{where} is the stub again.\n")
    return 0


def cmd_solution(course, args, out):
    exercise = course.find(args.exercise)
    progress = course.progress()
    if not progress.ever_solved(exercise.id):
        result = Grader(course).grade([exercise])
        progress = course.progress()
        if not progress.ever_solved(exercise.id):
            entry = result.of(exercise)
            if entry is None:
                how = "it could not be graded"
            else:
                passed = sum(c["passed"] for c in entry["checks"])
                how = f"{passed} of {len(entry['checks'])} checks pass"
            out.write(
                f"Exercise {exercise.id} is not solved yet ({how}). The model "
                "solution is shown once every check passes.\n"
                f"Keep going: `course watch {exercise.id}`; stuck? "
                f"`course hint {exercise.id}`.\n"
            )
            return 1
    model = exercise.model_solution
    out.write(f"Exercise {exercise.id}: {exercise.title}\n")
    out.write(f"A model solution ({relative(model, course.clone)}):\n\n")
    text = model.read_text(encoding="utf-8")
    if out.isatty():
        from rich.console import Console
        from rich.syntax import Syntax

        Console(file=out).print(Syntax(text, "python", line_numbers=True))
    else:
        out.write(text.rstrip() + "\n")
    out.write("\nThe chapter that explains it:\n")
    out.write(f"  {exercise.section_url}\n")
    references = ", ".join(
        f"{target.replace(':', '.')}" for target in exercise.functions.values()
    )
    out.write(
        f"The reference, exact in every corner, is {references} in course_code.\n"
    )
    return 0


# ---------------------------------------------------------------------------
# course watch
# ---------------------------------------------------------------------------


class _Keys:
    """Single keys from a terminal, or lines from a pipe; never blocks."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = stream.isatty()
        self._saved = None
        self._closed = False

    def __enter__(self):
        if self.tty and os.name != "nt":
            import termios
            import tty

            fd = self.stream.fileno()
            self._saved = termios.tcgetattr(fd)
            tty.setcbreak(fd)
        return self

    def __exit__(self, *exc):
        if self._saved is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self._saved)
        return False

    def read(self, timeout):
        """The next key (lower case), or '' when none came within ``timeout``."""
        if self._closed:
            time.sleep(timeout)
            return ""
        if os.name == "nt":  # pragma: no cover - Windows consoles
            return self._read_windows(timeout)
        try:
            ready, _, _ = select.select([self.stream], [], [], timeout)
        except (OSError, ValueError):
            self._closed = True
            return ""
        if not ready:
            return ""
        if self.tty:
            return os.read(self.stream.fileno(), 1).decode(errors="ignore").lower()
        line = self.stream.readline()
        if not line:
            self._closed = True
            return ""
        return line.strip()[:1].lower()

    def _read_windows(self, timeout):  # pragma: no cover - Windows consoles
        if not self.tty:  # a pipe cannot be polled there: watch files only
            self._closed = True
            return ""
        import msvcrt

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if msvcrt.kbhit():
                return msvcrt.getwch().lower()
            time.sleep(0.01)
        return ""


def _watch_files(folder, changes, stop, poll):
    """Put each changed Python file under ``folder`` on ``changes``."""
    import watchfiles

    def run(force_polling):
        for batch in watchfiles.watch(
            folder,
            watch_filter=watchfiles.PythonFilter(),
            debounce=400,
            step=30,
            stop_event=stop,
            force_polling=force_polling,
            poll_delay_ms=100,
            raise_interrupt=False,
        ):
            for _, path in batch:
                changes.put(Path(path))

    try:
        run(True if poll else None)
    except Exception:  # no native notification here: poll the files instead
        if not stop.is_set():
            run(True)


#: The words of a verdict that ``course watch`` colours in a terminal.
_COLOURS = {"[pass]": "32", "[fail]": "31", "Solved:": "1;32", "checks pass.": "1"}


class Watcher:
    """The loop of ``course watch``."""

    KEYS = "[h] hint  [n] next exercise  [l] list  [q] quit"

    def __init__(self, course, exercise, out, keys, poll):
        self.course = course
        self.exercise = exercise
        self.out = out
        self.keys = keys
        self.poll = poll
        self.fancy = out.isatty()
        # Colour only in a terminal, and never when NO_COLOR is set.
        self.colour = self.fancy and not os.environ.get("NO_COLOR")
        self.banner = []

    def write(self, lines):
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def paint(self, line):
        if not self.colour:
            return line
        for word, code in _COLOURS.items():
            line = line.replace(word, f"\x1b[{code}m{word}\x1b[0m", 1)
        return line

    def show(self, lines):
        lines = [self.paint(line) for line in lines]
        if self.fancy:
            self.out.write("\x1b[2J\x1b[H")
        self.write(self.banner + lines)
        self.banner = []

    def header(self):
        e = self.exercise
        index = self.course.exercises.index(e) + 1
        return [
            f"course watch: exercise {e.id} ({index} of {len(self.course.exercises)}),"
            f" {e.title}",
            f"  edit  {relative(e.path, self.course.clone)}",
            *wrapped("  goal  ", goal(e)),
            f"  read  {e.section_url}",
            "",
        ]

    def grade(self, grader):
        e = self.exercise
        if not self.fancy:
            self.write([f"Grading exercise {e.id}..."])
        result = grader.grade([e])
        entry = result.of(e)
        stamp = datetime.datetime.now().strftime("%H:%M:%S")
        lines = self.header()
        lines.append(f"Verdict at {stamp}:")
        lines += [
            "  " + line if line else "" for line in verdict_lines(e, entry, result)
        ]
        lines += ["", f"Save {e.file} to grade it again.  {self.KEYS}"]
        self.show(lines)
        return entry is not None and entry["solved"]

    def advance(self, progress):
        done = self.exercise
        nxt = self.course.first_unsolved(progress, after=done)
        if nxt is None:
            self.write(
                [
                    "",
                    f"Exercise {done.id} solved, and with it every exercise. "
                    "Well done!",
                    "Compare with the model solutions: `course solution NN`.",
                ]
            )
            return False
        self.banner = [
            f"Exercise {done.id} solved ({done.points} point"
            f"{'s' if done.points > 1 else ''}). `course solution {done.id}` shows "
            "a model solution.",
            f"On to exercise {nxt.id}.",
            "",
        ]
        self.exercise = nxt
        return True

    def run(self):
        changes = queue.Queue()
        stop = threading.Event()
        thread = threading.Thread(
            target=_watch_files,
            args=(self.course.root, changes, stop, self.poll),
            daemon=True,
        )
        thread.start()
        grader = Grader(self.course, warm=True)
        try:
            return self._loop(grader, changes)
        finally:
            stop.set()
            grader.close()

    def _loop(self, grader, changes):
        pending = True
        while True:
            if pending:
                pending = False
                while not changes.empty():
                    changes.get_nowait()
                if self.grade(grader):
                    if not self.advance(self.course.progress()):
                        return 0
                    pending = True
                    continue
            key = self.keys.read(0.05)
            if key == "q":
                self.write(["Bye. `course watch` picks up where you left off."])
                return 0
            if key == "h":
                progress = self.course.progress()
                text, shown = reveal(
                    self.exercise, progress.hints_shown(self.exercise.id)
                )
                progress.set_hints_shown(self.exercise.id, shown)
                progress.save()
                self.write(["", *text.splitlines(), "", self.KEYS])
            elif key == "n":
                progress = self.course.progress()
                nxt = self.course.first_unsolved(progress, after=self.exercise)
                self.exercise = (
                    nxt
                    or self.course.exercises[
                        (self.course.exercises.index(self.exercise) + 1)
                        % len(self.course.exercises)
                    ]
                )
                pending = True
            elif key == "l":
                self.write([""])
                show_progress(self.course, self.course.progress(), self.out)
                self.write(["", self.KEYS])
            while not changes.empty():
                path = changes.get_nowait()
                owner = self.course.exercise_of(path)
                if owner is not None and path.name == owner.file:
                    self.exercise = owner
                pending = True


def cmd_watch(course, args, out):
    progress = course.progress()
    if args.exercise:
        exercise = course.find(args.exercise)
    else:
        exercise = course.first_unsolved(progress)
        if exercise is None:
            out.write(
                "Every exercise is solved. `course watch NN` watches one again; "
                "`course solution NN` shows a model solution.\n"
            )
            return 0
    with _Keys(sys.stdin) as keys:
        watcher = Watcher(course, exercise, out, keys, args.poll)
        try:
            return watcher.run()
        except KeyboardInterrupt:
            out.write("\nBye.\n")
            return 0


# ---------------------------------------------------------------------------
# The command line.
# ---------------------------------------------------------------------------


def _parser():
    parser = argparse.ArgumentParser(
        prog="course",
        description="Solve the course's exercises: grade on save, see your "
        "progress, get hints, start over, read the model solutions.",
        epilog="Start with `course watch`. `pytest exercises` grades them all too.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    watch = commands.add_parser(
        "watch", help="grade an exercise on every save and move on when it is solved"
    )
    watch.add_argument(
        "exercise", nargs="?", help="its number (default: the first unsolved)"
    )
    watch.add_argument(
        "--poll",
        action="store_true",
        help="check the files for changes every 0.1 s instead of relying on "
        "the system's notifications (for network or shared folders)",
    )
    listing = commands.add_parser("list", help="every exercise: status, checks, points")
    listing.add_argument(
        "--no-grade",
        action="store_true",
        help="show the last recorded results without grading again",
    )
    hint = commands.add_parser("hint", help="show one more hint of an exercise")
    hint.add_argument("exercise", help="its number, e.g. 03")
    hint.add_argument("--reset", action="store_true", help="start its hints again")
    reset = commands.add_parser(
        "reset", help="put an exercise's stub back (your file is saved first)"
    )
    reset.add_argument("exercise", help="its number, e.g. 03")
    reset.add_argument("--yes", action="store_true", help="do not ask to confirm")
    solution = commands.add_parser(
        "solution", help="a model solution, once the exercise is solved"
    )
    solution.add_argument("exercise", help="its number, e.g. 03")
    return parser


COMMANDS = {
    "watch": cmd_watch,
    "list": cmd_list,
    "hint": cmd_hint,
    "reset": cmd_reset,
    "solution": cmd_solution,
}


def main(argv=None, out=None):
    """Run ``course``; returns the exit code."""
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(out)
        return 0
    try:
        course = Course.here()
        return COMMANDS[args.command](course, args, out)
    except CourseError as exc:
        sys.stderr.write(f"course: {exc}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

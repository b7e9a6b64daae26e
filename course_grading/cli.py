"""The ``course`` command: the learner's front end on the grading plugin.

::

    course watch [NN]        grade on every save, move on when solved
    course list              every exercise: status, checks, points
    course hint NN [--reset] one more hint (or start the hints again)
    course reset NN [--yes]  back to the stub; your file is saved first
    course solution NN       the model solution, once you have solved it

``course --lang zh ...`` (or ``--lang zh`` after the command, or the
environment variable ``COURSE_LANG=zh``) says it all in Chinese: the
command's own words come from :mod:`course_grading.messages`, the
exercises' titles and hints from ``exercises/info.zh.toml`` and their goals
from ``README.zh.md``.

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
from course_grading.hints import reveal
from course_grading.messages import (
    LANGUAGES,
    Words,
    choose_language,
    pad,
    wrapped,
)
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
    """The exercises of one clone, and its progress file, in the language of
    ``words`` (English by default)."""

    def __init__(self, root, words=None):
        self.root = Path(root)
        self.clone = self.root.parent
        self.words = words or Words()
        self.exercises = load_exercises(self.root, self.words.language)

    @classmethod
    def here(cls, start=None, words=None):
        words = words or Words()
        root = find_root(start or Path.cwd())
        if root is None:
            raise CourseError(words("cli.no_root"))
        return cls(root, words)

    def progress(self):
        return Progress.load(self.clone)

    def find(self, wanted):
        key = str(wanted).strip().zfill(2)
        for e in self.exercises:
            if e.id == key or e.folder.name == wanted:
                return e
        known = ", ".join(e.id for e in self.exercises)
        raise CourseError(
            self.words("grade.no_exercise", wanted=repr(wanted), known=known)
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
                f"--lang={self.course.words.language}",
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
    """The first paragraph of the exercise's README, in the exercise's
    language: what to build and why."""
    for readme in (exercise.readme, exercise.folder / "README.md"):
        try:
            text = readme.read_text(encoding="utf-8")
        except OSError:
            continue
        paragraphs = [p.strip() for p in text.split("\n\n")]
        for p in paragraphs:
            # Headings, and the stamp of a translation (<!-- translation_of -->).
            if p and not p.startswith(("#", "<!--")):
                return " ".join(p.split())
        break
    return exercise.title


def verdict_lines(exercise, entry, result, words=None):
    """The verdict of one exercise's grading, as plain lines, in the
    language of ``words`` (English by default)."""
    words = words or Words()
    if entry is None:
        lines = [words("verdict.no_report")]
        if result.code is not None:
            lines.append(words("verdict.exit_code", code=result.code))
        else:
            lines.append(words("verdict.stopped", seconds=f"{GRADING_LIMIT:g}"))
        lines += ["  " + line for line in result.log.strip().splitlines()[-15:]]
        return lines
    checks = entry["checks"]
    passed = sum(c["passed"] for c in checks)
    if entry["solved"]:
        return [words("verdict.solved", count=len(checks))]
    if entry["not_started"]:
        return [
            words("verdict.not_started", file=exercise.file),
            words("verdict.not_started_how"),
        ]
    lines = [words("verdict.count", passed=passed, total=len(checks))]
    width = max(shutil.get_terminal_size((100, 24)).columns - 4, 60)
    for c in checks:
        mark = words("check.pass" if c["passed"] else "check.fail")
        lines += wrapped(f"  {mark} ", c["description"], width)
    first = next(c for c in checks if not c["passed"])
    lines += ["", words("verdict.first")]
    lines += ["  " + line for line in first["message"].splitlines()]
    if first.get("printed"):
        lines.append("  " + words("check.printed"))
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

    words = course.words
    width = None if out.isatty() else 110
    console = Console(file=out, highlight=False, width=width)
    table = Table(title=words("list.title"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    # What the other columns and the borders leave (a title is cut with …).
    room = max(console.width - 46, 20)
    table.add_column(
        words("list.exercise"), no_wrap=True, overflow="ellipsis", max_width=room
    )
    table.add_column(words("list.status"), no_wrap=True, min_width=11)
    table.add_column(words("list.checks"), justify="right", no_wrap=True)
    table.add_column(words("list.points"), justify="right", no_wrap=True)
    score = 0
    total = sum(e.points for e in course.exercises)
    solved = 0
    for e in course.exercises:
        entry = progress.data["exercises"].get(e.id, {})
        if "checks" not in entry:
            status, checks = words("list.not_graded"), "-"
        elif entry.get("solved"):
            status, checks = (
                f"[green]{words('list.solved')}[/green]",
                f"{entry['checks']}/{entry['checks']}",
            )
        elif entry.get("checks_passed", 0) == 0:
            status = words("list.not_started")
            checks = f"0/{entry['checks']}"
        else:
            status = f"[yellow]{words('list.in_progress')}[/yellow]"
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
    console.print(f"{bar} {words('list.bar', score=score, total=total)}")
    console.print(
        words(
            "list.summary",
            solved=solved,
            count=len(course.exercises),
            score=score,
            total=total,
        )
    )
    return console


def cmd_list(course, args, out):
    words = course.words
    progress = course.progress()
    if not args.no_grade:
        out.write(words("list.grading") + "\n")
        out.flush()
        result = Grader(course).grade(course.exercises)
        if not result.exercises:
            raise CourseError(
                "\n".join(verdict_lines(course.exercises[0], None, result, words))
            )
        progress = course.progress()  # the plugin has just written it
    console = show_progress(course, progress, out)
    nxt = course.first_unsolved(progress)
    if nxt is None:
        console.print(words("list.all_solved"))
    else:
        console.print(words("list.next", id=nxt.id, title=nxt.title))
    return 0


def cmd_hint(course, args, out):
    exercise = course.find(args.exercise)
    progress = course.progress()
    if args.reset:
        progress.set_hints_shown(exercise.id, 0)
        progress.save()
        out.write(course.words("hint.restart", id=exercise.id) + "\n")
        return 0
    text, shown = reveal(exercise, progress.hints_shown(exercise.id), course.words)
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
    words = course.words
    exercise = course.find(args.exercise)
    stub = exercise.stub
    if not stub.is_file():
        raise CourseError(words("reset.no_stub", id=exercise.id, stub=stub))
    path = exercise.path
    where = relative(path, course.clone)
    if path.is_file() and path.read_bytes() == stub.read_bytes():
        out.write(words("reset.already", where=where) + "\n")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise CourseError(words("reset.needs_yes", id=exercise.id, where=where))
        out.write(words("reset.ask", where=where, backups=BACKUPS))
        out.flush()
        if sys.stdin.readline().strip().lower() not in words("reset.yes").split():
            out.write(words("reset.unchanged") + "\n")
            return 1
    if path.is_file():
        backup = _backup_path(course, exercise)
        shutil.copy2(path, backup)
        out.write(words("reset.saved", backup=relative(backup, course.clone)) + "\n")
    shutil.copyfile(stub, path)
    progress = course.progress()
    entry = progress.entry(exercise.id)
    entry.pop("checks_passed", None)
    entry.pop("checks", None)
    entry["solved"] = False
    progress.save()
    out.write(words("reset.done", where=where) + "\n")
    return 0


def cmd_solution(course, args, out):
    words = course.words
    exercise = course.find(args.exercise)
    progress = course.progress()
    if not progress.ever_solved(exercise.id):
        result = Grader(course).grade([exercise])
        progress = course.progress()
        if not progress.ever_solved(exercise.id):
            entry = result.of(exercise)
            if entry is None:
                how = words("solution.ungradable")
            else:
                passed = sum(c["passed"] for c in entry["checks"])
                how = words(
                    "solution.progress", passed=passed, total=len(entry["checks"])
                )
            out.write(words("solution.locked", id=exercise.id, how=how) + "\n")
            return 1
    model = exercise.model_solution
    out.write(words("hint.heading", id=exercise.id, title=exercise.title) + "\n")
    out.write(words("solution.model", path=relative(model, course.clone)) + "\n\n")
    text = model.read_text(encoding="utf-8")
    if out.isatty():
        from rich.console import Console
        from rich.syntax import Syntax

        Console(file=out).print(Syntax(text, "python", line_numbers=True))
    else:
        out.write(text.rstrip() + "\n")
    out.write("\n" + words("solution.chapter") + "\n")
    out.write(f"  {exercise.section_url}\n")
    references = ", ".join(
        f"{target.replace(':', '.')}" for target in exercise.functions.values()
    )
    out.write(words("solution.reference", references=references) + "\n")
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


def _colours(words):
    """The words of a verdict that ``course watch`` colours in a terminal,
    with their colours."""
    return {
        words("check.pass"): "32",
        words("check.fail"): "31",
        words("colour.solved"): "1;32",
        words("colour.count"): "1",
    }


class Watcher:
    """The loop of ``course watch``."""

    def __init__(self, course, exercise, out, keys, poll):
        self.course = course
        self.words = course.words
        self.keys_help = self.words("watch.keys")
        self.exercise = exercise
        self.out = out
        self.keys = keys
        self.poll = poll
        self.fancy = out.isatty()
        # Colour only in a terminal, and never when NO_COLOR is set.
        self.colour = self.fancy and not os.environ.get("NO_COLOR")
        self.colours = _colours(self.words)
        self.banner = []

    def write(self, lines):
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def paint(self, line):
        if not self.colour:
            return line
        for word, code in self.colours.items():
            line = line.replace(word, f"\x1b[{code}m{word}\x1b[0m", 1)
        return line

    def show(self, lines):
        lines = [self.paint(line) for line in lines]
        if self.fancy:
            self.out.write("\x1b[2J\x1b[H")
        self.write(self.banner + lines)
        self.banner = []

    def label(self, key):
        """The start of a line of the header: ``  edit  ``."""
        return f"  {pad(self.words(key), 4)}  "

    def header(self):
        e = self.exercise
        index = self.course.exercises.index(e) + 1
        count = len(self.course.exercises)
        return [
            self.words(
                "watch.header", id=e.id, index=index, count=count, title=e.title
            ),
            self.label("watch.edit") + relative(e.path, self.course.clone),
            *wrapped(self.label("watch.goal"), goal(e)),
            self.label("watch.read") + e.section_url,
            "",
        ]

    def grade(self, grader):
        e = self.exercise
        if not self.fancy:
            self.write([self.words("watch.grading", id=e.id)])
        result = grader.grade([e])
        entry = result.of(e)
        stamp = datetime.datetime.now().strftime("%H:%M:%S")
        lines = self.header()
        lines.append(self.words("watch.verdict", time=stamp))
        lines += [
            "  " + line if line else ""
            for line in verdict_lines(e, entry, result, self.words)
        ]
        lines += ["", self.words("watch.save", file=e.file, keys=self.keys_help)]
        self.show(lines)
        return entry is not None and entry["solved"]

    def advance(self, progress):
        done = self.exercise
        nxt = self.course.first_unsolved(progress, after=done)
        if nxt is None:
            self.write(["", *self.words("watch.all_solved", id=done.id).splitlines()])
            return False
        solved = "watch.solved_many" if done.points > 1 else "watch.solved_one"
        self.banner = [
            self.words(solved, id=done.id, points=done.points),
            self.words("watch.on_to", id=nxt.id),
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
                self.write([self.words("watch.bye")])
                return 0
            if key == "h":
                progress = self.course.progress()
                text, shown = reveal(
                    self.exercise, progress.hints_shown(self.exercise.id), self.words
                )
                progress.set_hints_shown(self.exercise.id, shown)
                progress.save()
                self.write(["", *text.splitlines(), "", self.keys_help])
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
                self.write(["", self.keys_help])
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
            out.write(course.words("watch.nothing_left") + "\n")
            return 0
    with _Keys(sys.stdin) as keys:
        watcher = Watcher(course, exercise, out, keys, args.poll)
        try:
            return watcher.run()
        except KeyboardInterrupt:
            out.write("\n" + course.words("watch.bye_short") + "\n")
            return 0


# ---------------------------------------------------------------------------
# The command line.
# ---------------------------------------------------------------------------


def _parser(words):
    """The command line, its help in the language of ``words``."""
    parser = argparse.ArgumentParser(
        prog="course",
        description=words("help.description"),
        epilog=words("help.epilog"),
    )
    languages = "{" + ",".join(LANGUAGES) + "}"
    parser.add_argument("--lang", metavar=languages, help=words("help.lang"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, help_key):
        # Each command takes --lang too (`course list --lang zh`); given
        # there, it wins over one given before the command.
        sub = commands.add_parser(name, help=words(help_key))
        sub.add_argument(
            "--lang",
            metavar=languages,
            default=argparse.SUPPRESS,
            help=words("help.lang"),
        )
        return sub

    watch = command("watch", "help.watch")
    watch.add_argument("exercise", nargs="?", help=words("help.watch_exercise"))
    watch.add_argument("--poll", action="store_true", help=words("help.poll"))
    listing = command("list", "help.list")
    listing.add_argument("--no-grade", action="store_true", help=words("help.no_grade"))
    hint = command("hint", "help.hint")
    hint.add_argument("exercise", help=words("help.exercise"))
    hint.add_argument("--reset", action="store_true", help=words("help.hint_reset"))
    reset = command("reset", "help.reset")
    reset.add_argument("exercise", help=words("help.exercise"))
    reset.add_argument("--yes", action="store_true", help=words("help.yes"))
    solution = command("solution", "help.solution")
    solution.add_argument("exercise", help=words("help.exercise"))
    return parser


def _language_asked(argv):
    """The value of the last ``--lang`` in ``argv`` (before or after the
    command), or None; the help is then written in that language."""
    early = argparse.ArgumentParser(prog="course", add_help=False, allow_abbrev=False)
    # A --lang without its value is left for the full parser to explain.
    early.add_argument("--lang", nargs="?")
    return early.parse_known_args(argv)[0].lang


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
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        words = Words(choose_language(_language_asked(argv)))
        parser = _parser(words)
        args = parser.parse_args(argv)
        words = Words(choose_language(args.lang))
    except ValueError as exc:
        sys.stderr.write(f"course: {exc}\n")
        return 2
    if args.command is None:
        parser.print_help(out)
        return 0
    try:
        course = Course.here(words=words)
        return COMMANDS[args.command](course, args, out)
    except CourseError as exc:
        sys.stderr.write(f"course: {exc}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

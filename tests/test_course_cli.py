"""The `course` command as a learner uses it, in a copy of the exercises.

`course watch` runs in a pseudo-terminal (pexpect): a save changes the
verdict on screen, a solved exercise moves on, keys work. The other commands
run as subprocesses. The repository's own files are never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from course_grading import load_exercises

REPO = Path(__file__).resolve().parent.parent
EXERCISES = load_exercises(REPO / "exercises")
BY_ID = {e.id: e for e in EXERCISES}
COURSE = [sys.executable, "-m", "course_grading.cli"]

NAIVE_SIGMOID = """
import numpy as np

def sigmoid(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return 1 / (1 + np.exp(-x))
"""


@pytest.fixture
def clone(tmp_path):
    """A copy of the exercises and of pytest's configuration, as a learner's
    clone holds them (the configuration's options must suit the command)."""
    shutil.copytree(
        REPO / "exercises",
        tmp_path / "exercises",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def env():
    result = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result.pop("PYTEST_ADDOPTS", None)
    return result


def course(clone, *args, stdin=None, timeout=120):
    done = subprocess.run(
        [*COURSE, *args],
        cwd=clone,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env(),
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def learner_file(clone, exercise_id):
    e = BY_ID[exercise_id]
    return clone / "exercises" / e.folder.name / e.file


def save(path, text):
    """Write as an editor does, so that the change is seen at once."""
    path.write_text(text)
    os.utime(path)


def progress(clone):
    return json.loads((clone / "course-progress.json").read_text())


def test_the_console_script_is_installed():
    script = shutil.which("course", path=str(Path(sys.executable).parent))
    assert script, "pip install -e . installs the `course` command"
    done = subprocess.run(
        [script, "--help"], capture_output=True, text=True, check=False, env=env()
    )
    assert done.returncode == 0, done.stderr
    for command in ("watch", "list", "hint", "reset", "solution"):
        assert command in done.stdout, done.stdout


def spawn_watch(clone, *args):
    child = pexpect.spawn(
        COURSE[0],
        [*COURSE[1:], "watch", *args],
        cwd=str(clone),
        env=env(),
        encoding="utf-8",
        timeout=60,
        dimensions=(60, 160),
    )
    return child


@pytest.mark.slow
def test_watch_regrades_on_save_and_moves_on_when_solved(clone):
    child = spawn_watch(clone)
    try:
        child.expect("exercise 01")
        child.expect("Not started: sigmoid.py still raises NotImplementedError")
        child.expect(r"\[q\] quit")
        path = learner_file(clone, "01")
        save(path, NAIVE_SIGMOID)
        child.expect(r"(\d+) of (\d+) checks pass")
        passed, total = map(int, child.match.groups())
        assert passed < total
        child.expect(r"\[fail\]")
        child.expect("it warned: overflow encountered in exp")
        child.expect(r"\[q\] quit")
        save(path, BY_ID["01"].model_solution.read_text())
        child.expect("Exercise 01 solved")
        child.expect("On to exercise 02")
        child.expect("exercise 02")
        child.expect(r"\[q\] quit")
        child.send("h")
        child.expect("Hint 1 of")
        child.expect(r"\[q\] quit")
        child.send("h")
        child.expect("Hint 2 of")
        child.expect(r"\[q\] quit")
        child.send("l")
        child.expect("Your progress")
        child.expect(r"1/\d+ points")
        child.expect(r"\[q\] quit")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before
    data = progress(clone)
    assert data["exercises"]["01"]["solved"] is True
    assert data["exercises"]["02"]["hints_shown"] == 2


@pytest.mark.slow
def test_watch_survives_a_broken_file(clone):
    child = spawn_watch(clone, "01")
    try:
        child.expect(r"\[q\] quit")
        path = learner_file(clone, "01")
        save(path, "def sigmoid(x)\n    return x\n")
        child.expect("has a syntax error on line 1")
        child.expect(r"\[q\] quit")
        save(path, "import sys\nsys.exit(3)\n")
        child.expect(r"called sys.exit\(3\)")
        child.expect(r"\[q\] quit")
        save(path, BY_ID["01"].model_solution.read_text())
        child.expect("Exercise 01 solved")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


@pytest.mark.slow
def test_watch_writes_plain_lines_when_not_in_a_terminal(clone):
    process = subprocess.Popen(
        [*COURSE, "watch", "01"],
        cwd=clone,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env(),
    )
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if "[q] quit" in line:
            break
    process.stdin.write("q\n")
    process.stdin.flush()
    rest, _ = process.communicate(timeout=60)
    out = "".join(lines) + rest
    assert process.returncode == 0, out
    assert "Not started" in out, out
    assert "\x1b[" not in out, "no terminal control codes in a pipe"


@pytest.mark.slow
def test_hint_shows_exactly_one_more_and_resets(clone):
    hints = BY_ID["03"].hints
    for i in range(1, len(hints) + 1):
        code, out = course(clone, "hint", "03")
        assert code == 0, out
        assert out.count("Hint ") == 1, out
        assert f"Hint {i} of {len(hints)}" in out, out
    code, out = course(clone, "hint", "3", "--reset")
    assert code == 0, out
    code, out = course(clone, "hint", "03")
    assert f"Hint 1 of {len(hints)}" in out, out
    code, out = course(clone, "hint", "99")
    assert code == 2, out
    assert "no exercise '99'" in out, out


@pytest.mark.slow
def test_reset_saves_the_learners_file_first(clone):
    path = learner_file(clone, "01")
    stub = path.read_text()
    save(path, "# my first try\n" + NAIVE_SIGMOID)
    code, out = course(clone, "reset", "01")  # no terminal, no --yes
    assert code == 2, out
    assert "--yes" in out, out
    assert path.read_text().startswith("# my first try"), "nothing was asked"
    code, out = course(clone, "reset", "01", "--yes")
    assert code == 0, out
    assert path.read_text() == stub
    save(path, "# my second try\n" + NAIVE_SIGMOID)
    code, out = course(clone, "reset", "01", "--yes")
    assert code == 0, out
    backups = sorted((clone / ".course-backups" / "01_sigmoid").iterdir())
    texts = sorted(b.read_text().splitlines()[0] for b in backups)
    assert texts == ["# my first try", "# my second try"], "every backup is kept"
    code, out = course(clone, "reset", "01", "--yes")
    assert "already the untouched stub" in out, out


@pytest.mark.slow
def test_reset_asks_in_a_terminal(clone):
    path = learner_file(clone, "01")
    save(path, NAIVE_SIGMOID)
    child = pexpect.spawn(
        COURSE[0],
        [*COURSE[1:], "reset", "01"],
        cwd=str(clone),
        env=env(),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(r"\[y/N\]")
    child.sendline("n")
    child.expect("Nothing changed")
    child.expect(pexpect.EOF)
    assert path.read_text() == NAIVE_SIGMOID


@pytest.mark.slow
def test_solution_only_once_solved(clone):
    model = BY_ID["01"].model_solution.read_text()
    code, out = course(clone, "solution", "01")
    assert code == 1, out
    assert "not solved yet" in out, out
    assert model.strip() not in out
    save(learner_file(clone, "01"), model)
    code, out = course(clone, "solution", "01")
    assert code == 0, out
    assert model.strip() in out
    assert BY_ID["01"].chapter_url in out
    # Solved once stays unlocked, even after a reset.
    course(clone, "reset", "01", "--yes")
    code, out = course(clone, "solution", "01")
    assert code == 0, out


@pytest.mark.slow
def test_list_grades_everything_and_shows_progress(clone):
    save(learner_file(clone, "01"), BY_ID["01"].model_solution.read_text())
    save(learner_file(clone, "02"), "import sys\nsys.exit(3)\n")
    save(learner_file(clone, "03"), "def tanh(x)\n")
    (clone / "pytest.ini").write_text("[pytest]\nexercise_timeout = 2\n")
    save(
        learner_file(clone, "04"),
        "def relu(x):\n    while True:\n        pass\n"
        "relu_grad = leaky_relu = leaky_relu_grad = relu\n",
    )
    code, out = course(clone, "list")
    assert code == 0, out
    total = sum(e.points for e in EXERCISES)
    assert f"1 of {len(EXERCISES)} exercises solved, 1/{total} points" in out, out
    for e in EXERCISES:
        assert e.title in out, e.id
    assert "solved" in out
    data = progress(clone)
    assert set(data["exercises"]) == set(BY_ID), "every exercise graded"
    assert data["exercises"]["05"]["checks"] > 0, "after the broken ones too"


def test_outside_a_clone_course_says_where_to_run(tmp_path):
    code, out = course(tmp_path, "list")
    assert code == 2
    assert "exercises/info.toml" in out

"""`pytest exercises` as a learner runs it: on the stubs, on the reference,
with broken files, and for hints.  Each run is a real pytest process in a
copy of the exercises, so the repository's files are never touched.
"""

import ast
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exercise_solutions import SOLUTIONS

from course_grading import plugin as grading

REPO = Path(__file__).resolve().parent.parent
EXERCISES = grading.load_exercises(REPO / "exercises")
N = len(EXERCISES)


def copy_exercises(tmp_path):
    target = tmp_path / "exercises"
    shutil.copytree(
        REPO / "exercises", target, ignore=shutil.ignore_patterns("__pycache__")
    )
    return target


def run_pytest(cwd, *args, timeout=120):
    """Run pytest in ``cwd``; return (exit code, output, seconds)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "exercises", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - start


def digest(folder):
    return {
        p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and ".pytest_cache" not in p.parts
    }


def test_there_are_at_least_sixteen_exercises_in_order():
    assert N >= 16
    ids = [e.id for e in EXERCISES]
    assert ids == [f"{i:02d}" for i in range(1, N + 1)]
    for e in EXERCISES:
        assert e.folder.name.startswith(f"{e.id}_"), e.folder


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_exercise_folder_is_complete(exercise):
    readme = (exercise.folder / "README.md").read_text()
    assert readme.startswith(f"# Exercise {exercise.id}: {exercise.title}")
    assert exercise.chapter_url in readme, "the README links to its chapter"
    page = exercise.chapter.strip("/")
    assert (REPO / "docs" / f"{page}.md").is_file(), f"no chapter docs/{page}.md"
    assert list(exercise.folder.glob("test_*.py")), "no grader"
    assert 2 <= len(exercise.hints) <= 3


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_stub_is_a_stub_with_a_contract(exercise):
    source = exercise.path.read_text()
    tree = ast.parse(source)
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert set(exercise.functions) <= set(functions), "a function is missing"
    for name in exercise.functions:
        fn = functions[name]
        doc = ast.get_docstring(fn)
        for section in ("Parameters", "Returns", "Examples"):
            assert f"{section}\n---" in doc, f"{name}: no {section} section"
        body = ast.get_source_segment(source, fn)
        assert "# TODO" in body, f"{name} has no TODO"
        last = fn.body[-1]
        assert isinstance(last, ast.Raise), f"{name} does not end in a raise"
        assert "NotImplementedError" in ast.unparse(last.exc)


def test_every_reference_exists():
    for e in EXERCISES:
        namespace = grading._reference_namespace(e)
        for name in e.functions:
            assert callable(getattr(namespace, name)), (e.id, name)


def test_reference_run_passes_everything(tmp_path):
    copy_exercises(tmp_path)
    code, out, _ = run_pytest(tmp_path, "--reference", "-p", "no:cacheprovider")
    assert code == 0, out
    assert f"{N} of {N} exercises solved" in out, out
    assert " failed" not in out.splitlines()[-1], out


def test_untouched_stubs_fail_every_test_and_say_so(tmp_path):
    folder = copy_exercises(tmp_path)
    before = digest(folder)
    code, out, _ = run_pytest(tmp_path)
    assert code == 1, f"expected exit code 1 (tests failed), got {code}:\n{out}"
    last = out.strip().splitlines()[-1]
    assert " failed" in last, last
    assert "passed" not in last, last
    assert "error" not in last, last
    assert f"0 of {N} exercises solved" in out, out
    assert "expected, not a bug" in out, out
    assert "Next: exercise 01" in out, out
    assert EXERCISES[0].hints[0].split()[0] in out
    assert "Traceback" not in out, "the learner sees no traceback by default"
    assert digest(folder) == before, "the run changed an exercise file"


BROKEN = {
    "syntax error": "def sigmoid(x)\n    return x\n",
    "endless loop": "def sigmoid_grad(x):\n    while True:\n        pass\n",
    "sys.exit": "import sys\nsys.exit(3)\n",
    "10 MB of output": (
        "def relu(x):\n    print('x' * 10_000_000)\n    return x\n"
        "relu_grad = leaky_relu = leaky_relu_grad = relu\n"
    ),
}


def test_a_broken_file_fails_only_its_own_exercise(tmp_path):
    folder = copy_exercises(tmp_path)
    broken = dict(zip(("01", "02", "03", "04"), BROKEN.values(), strict=True))
    for e in EXERCISES:
        e_path = folder / e.folder.name / e.file
        e_path.write_text(broken.get(e.id, SOLUTIONS[e.id]))
    code, out, seconds = run_pytest(tmp_path, "-o", "exercise_timeout=3")
    assert code == 1, out[-3000:]
    assert seconds < 60, f"the run took {seconds:.0f} s"
    assert len(out) < 100_000, f"{len(out)} characters of output"
    assert f"{N - 4} of {N} exercises solved" in out, out[-3000:]
    assert "has a syntax error on line 1" in out
    assert "Stopped after 3 s" in out
    assert "called sys.exit(3)" in out
    assert "more characters of output not shown" in out
    for e in EXERCISES[4:]:
        assert f"[x] {e.id}" in out, f"exercise {e.id} was not graded:\n{out[-3000:]}"


def test_hints_come_one_at_a_time(tmp_path):
    folder = copy_exercises(tmp_path)
    before = digest(folder)
    hints = EXERCISES[2].hints
    code, out, _ = run_pytest(tmp_path, "--hint", "03")
    assert code == 0, out
    assert "Hint 2 of" in out, out
    assert hints[1][:30] in out, out
    code, out, _ = run_pytest(tmp_path, "--hint", "3")
    assert f"Hint {len(hints)} of" in out, out
    code, out, _ = run_pytest(tmp_path, "--hint", "42")
    assert code == pytest.ExitCode.USAGE_ERROR, out
    assert "no exercise '42'" in out, out
    assert digest(folder) == before, "asking for a hint changed an exercise file"


def test_the_exercises_page_lists_every_exercise():
    page = (REPO / "docs" / "exercises.md").read_text()
    for e in EXERCISES:
        chapter = e.chapter.strip("/")
        row = f"| {e.id} | {e.title.replace('vector-Jacobian', 'vector–Jacobian')} |"
        assert row in page, f"docs/exercises.md has no row {row!r}"
        assert f"({chapter}.md)" in page.split(row, 1)[1].splitlines()[0], e.id

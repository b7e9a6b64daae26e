"""`pytest exercises` as a learner runs it: on the stubs, on the reference,
with broken files, and for hints.  Each run is a real pytest process in a
copy of the exercises, so the repository's files are never touched.
"""

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def run_pytest(cwd, *args, target="exercises", timeout=120):
    """Run ``pytest target *args`` in ``cwd``; return (exit code, output, seconds)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", target, *args],
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


def heading_anchors(page):
    """The anchors MkDocs gives the headings of a Markdown page."""
    from markdown.extensions.toc import slugify

    return {
        slugify(line.lstrip("#").strip(), "-")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }


def test_there_are_at_least_sixteen_exercises_in_order():
    assert N >= 16
    ids = [e.id for e in EXERCISES]
    assert ids == [f"{i:02d}" for i in range(1, N + 1)]
    for e in EXERCISES:
        assert e.folder.name.startswith(f"{e.id}_"), e.folder


def page_source(url):
    """The Markdown file (relative to docs/) published at the site ``url``:
    ``chapters/loss/`` is ``chapters/loss.md`` or, for a chapter in
    sections, ``chapters/loss/index.md``."""
    stem = url.strip("/")
    folder = f"{stem}/index.md"
    return folder if (REPO / "docs" / folder).is_file() else f"{stem}.md"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_exercise_folder_is_complete(exercise):
    readme = (exercise.folder / "README.md").read_text()
    assert readme.startswith(f"# Exercise {exercise.id}: {exercise.title}")
    assert exercise.section_url in readme, "the README links to its section"
    page = REPO / "docs" / page_source(exercise.chapter)
    assert page.is_file(), f"no chapter {page}"
    assert exercise.section in heading_anchors(page), (
        f"{page.name} has no heading with the anchor #{exercise.section}"
    )
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


@pytest.mark.slow
def test_reference_run_passes_everything(tmp_path):
    copy_exercises(tmp_path)
    code, out, _ = run_pytest(tmp_path, "--reference", "-p", "no:cacheprovider")
    assert code == 0, out
    assert f"{N} of {N} exercises solved" in out, out
    assert " failed" not in out.splitlines()[-1], out


@pytest.mark.slow
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
    assert f"{N} exercises not started yet: their failures are expected" in out, out
    assert "Next: exercise 01" in out, out
    assert EXERCISES[0].hints[0].split()[0] in out
    assert "Traceback" not in out, "the learner sees no traceback by default"
    assert digest(folder) == before, "the run changed an exercise file"


@pytest.mark.slow
def test_a_learners_install_grades_with_the_clones_configuration(tmp_path):
    # A learner installs the package without its test extra, so without
    # pytest-xdist, and runs pytest in the clone, whose pyproject.toml pytest
    # reads: every option there must be one that such a pytest knows.
    copy_exercises(tmp_path)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    code, out, _ = run_pytest(tmp_path, "-p", "no:xdist", target="exercises/01_sigmoid")
    assert code == 1, f"expected exit code 1 (tests failed), got {code}:\n{out}"
    assert "Next: exercise 01" in out, out


BROKEN = {
    "syntax error": "def sigmoid(x)\n    return x\n",
    "endless loop": "def sigmoid_grad(x):\n    while True:\n        pass\n",
    "sys.exit": "import sys\nsys.exit(3)\n",
    "10 MB of output": (
        "def relu(x):\n    print('x' * 10_000_000)\n    return x\n"
        "relu_grad = leaky_relu = leaky_relu_grad = relu\n"
    ),
}


@pytest.mark.slow
def test_a_broken_file_fails_only_its_own_exercise(tmp_path):
    folder = copy_exercises(tmp_path)
    broken = dict(zip(("01", "02", "03", "04"), BROKEN.values(), strict=True))
    for e in EXERCISES:
        e_path = folder / e.folder.name / e.file
        e_path.write_text(broken.get(e.id, e.model_solution.read_text()))
    code, out, seconds = run_pytest(tmp_path, "-o", "exercise_timeout=3")
    assert code == 1, out[-3000:]
    assert seconds < 60, f"the run took {seconds:.0f} s"
    assert len(out) < 100_000, f"{len(out)} characters of output"
    assert f"{N - 4} of {N} exercises solved" in out, out[-3000:]
    assert "has a syntax error on line 1" in out
    assert "Stopped after 3 s" in out
    assert "called sys.exit(3)" in out
    assert "(9998000 more characters of output not shown)" in out, out[-3000:]
    for e in EXERCISES[4:]:
        assert f"[x] {e.id}" in out, f"exercise {e.id} was not graded:\n{out[-3000:]}"


@pytest.mark.slow
def test_hints_come_one_at_a_time(tmp_path):
    folder = copy_exercises(tmp_path)
    before = digest(folder)
    hints = EXERCISES[2].hints
    for i, hint in enumerate(hints, start=1):
        code, out, _ = run_pytest(tmp_path, "--hint", "03" if i % 2 else "3")
        assert code == 0, out
        assert f"Hint {i} of {len(hints)}" in out, out
        assert hint[:30] in out, out
        assert out.count("Hint ") == 1, f"more than one hint shown:\n{out}"
    code, out, _ = run_pytest(tmp_path, "--hint", "03")
    assert "That was every hint" in out, out
    assert "course hint 03 --reset" in out, out
    code, out, _ = run_pytest(tmp_path, "--hint", "42")
    assert code == pytest.ExitCode.USAGE_ERROR, out
    assert "no exercise '42'" in out, out
    assert digest(folder) == before, "asking for a hint changed an exercise file"


def solve(folder, *ids):
    for e in EXERCISES:
        if e.id in ids:
            (folder / e.folder.name / e.file).write_text(e.model_solution.read_text())


NAIVE_SIGMOID = """
import numpy as np

def sigmoid(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return 1 / (1 + np.exp(-x))
"""


@pytest.mark.slow
def test_a_partly_right_answer_lists_every_failing_check(tmp_path):
    folder = copy_exercises(tmp_path)
    (folder / "01_sigmoid" / "sigmoid.py").write_text(NAIVE_SIGMOID)
    code, out, _ = run_pytest(tmp_path, target="exercises/01_sigmoid")
    assert code == 1, out
    checks = len(grader_descriptions(EXERCISES[0]))
    fails = out.count("  [fail] ")
    assert 0 < fails < checks, out
    assert f"{checks - fails} of {checks} checks pass" in out, out
    card = re.search(rf"\[ \] 01 .* {checks - fails}/{checks} not yet +0/1$", out, re.M)
    assert card, f"no partial credit on the scorecard:\n{out}"
    assert "it warned: overflow encountered in exp (overflow:" in out, out
    assert "expected `" in out, "the expected value is shown beside the warning"
    assert f"Overall: 0 of {N} exercises solved" in out, out
    assert "not started yet" not in out, "01 was started"


def grader_descriptions(exercise):
    (path,) = exercise.folder.glob("test_*.py")
    tree = ast.parse(path.read_text())
    return [
        ast.get_docstring(node)
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    ]


@pytest.mark.slow
def test_a_single_exercise_run_reports_the_overall_progress(tmp_path):
    folder = copy_exercises(tmp_path)
    solve(folder, "01", "02")
    code, out, _ = run_pytest(tmp_path, "-q")
    assert f"Overall: 2 of {N} exercises solved" in out, out[-2000:]
    code, out, _ = run_pytest(tmp_path, target="exercises/03_tanh")
    assert code == 1, out
    assert "This run: 0 of 1 exercises solved" in out, out
    assert f"Overall: 2 of {N} exercises solved" in out, out
    progress = json.loads((tmp_path / "course-progress.json").read_text())
    assert progress["exercises"]["01"]["solved"] is True
    assert progress["exercises"]["03"]["solved"] is False


@pytest.mark.slow
def test_a_partial_selection_does_not_count_as_a_grading(tmp_path):
    folder = copy_exercises(tmp_path)
    solve(folder, "01")
    _code, out, _ = run_pytest(
        tmp_path, "-k", "extremes", target="exercises/01_sigmoid"
    )
    assert "partly run" in out, out
    progress = tmp_path / "course-progress.json"
    data = json.loads(progress.read_text()) if progress.exists() else {}
    assert "checks" not in data.get("exercises", {}).get("01", {}), data


@pytest.mark.slow
def test_solving_everything_points_to_the_model_solutions(tmp_path):
    folder = copy_exercises(tmp_path)
    solve(folder, *(e.id for e in EXERCISES))
    code, out, _ = run_pytest(tmp_path)
    assert code == 0, out[-3000:]
    assert "Every exercise is solved" in out, out[-2000:]
    assert "course solution" in out, out[-2000:]


@pytest.mark.slow
def test_a_missing_return_says_returned_none(tmp_path):
    folder = copy_exercises(tmp_path)
    (folder / "01_sigmoid" / "sigmoid.py").write_text(
        "import numpy as np\n\ndef sigmoid(x):\n    y = 1 / (1 + np.exp(-np.abs(x)))\n"
    )
    _code, out, _ = run_pytest(tmp_path, target="exercises/01_sigmoid")
    assert "it returned None: is a `return` missing?" in out, out


@pytest.mark.slow
def test_a_warning_caused_by_nan_in_the_input_is_forgiven(tmp_path):
    folder = copy_exercises(tmp_path)
    (folder / "06_softplus" / "softplus.py").write_text(
        """
import numpy as np

def _float(x):
    x = np.asarray(x)
    return x.astype(np.float64) if x.dtype.kind in "biu" else x

def softplus(x, beta=1.0):
    x = _float(x)
    return (np.logaddexp(0, beta * x) / beta).astype(x.dtype)[()]

def logsigmoid(x):
    x = _float(x)
    return -np.logaddexp(0, -x)
"""
    )
    code, out, _ = run_pytest(tmp_path, target="exercises/06_softplus")
    assert code == 0, out


def test_the_exercises_page_lists_every_exercise():
    page = (REPO / "docs" / "exercises.md").read_text()
    for e in EXERCISES:
        chapter = page_source(e.chapter)
        row = f"| {e.id} | {e.title.replace('vector-Jacobian', 'vector–Jacobian')} |"
        assert row in page, f"docs/exercises.md has no row {row!r}"
        assert f"({chapter})" in page.split(row, 1)[1].splitlines()[0], e.id

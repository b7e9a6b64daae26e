"""The graders of the exercises catch wrong answers and pass right ones.

Each grader test is a plain function of the ``solution`` fixture, so it can be
called here directly with any module standing in for a learner's file: the
reference solutions, the learners' right answers of ``exercise_solutions.py``
and the model solutions of ``exercises/.solutions`` (which must pass every
test), and the wrong answers of ``exercise_mutants.py`` (each of which must
fail at least one).  A test that fails with anything but the grader's own
message is a bug in the grader.

Each grader test is one check, described to the learner by the first line of
its docstring; the exercise's README lists those lines, in order, under
``## What the grader checks``.
"""

import inspect
import re
import types
from pathlib import Path

import pytest
from exercise_mutants import MUTANTS
from exercise_solutions import MORE_SOLUTIONS, SOLUTIONS
from modules import load_file

from course_grading import plugin as grading

ROOT = Path(__file__).resolve().parent.parent / "exercises"
EXERCISES = {e.id: e for e in grading.load_exercises(ROOT)}
Failed = pytest.fail.Exception


def grader_tests(exercise):
    """The test functions of an exercise's grader, by name."""
    (path,) = exercise.folder.glob("test_*.py")
    module = load_file(f"_grader_{exercise.id}", path)
    return {
        name: fn
        for name, fn in vars(module).items()
        if name.startswith("test_") and inspect.isfunction(fn)
    }


GRADERS = {id_: grader_tests(e) for id_, e in EXERCISES.items()}


def as_module(name, source):
    module = types.ModuleType(f"_mutant_{abs(hash(name))}")
    exec(compile(source, f"<mutant {name}>", "exec"), module.__dict__)
    return module


def run(test, solution):
    """None if the grader test passes, else the grader's message."""
    try:
        test(solution=solution)
    except Failed as exc:
        return str(exc)
    return None


def test_every_grader_takes_only_the_solution_fixture():
    for id_, tests in GRADERS.items():
        for name, fn in tests.items():
            params = list(inspect.signature(fn).parameters)
            assert params == ["solution"], f"{id_} {name} takes {params}"


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_reference_passes_every_grader(exercise_id):
    reference = grading._reference_namespace(EXERCISES[exercise_id])
    for name, test in GRADERS[exercise_id].items():
        message = run(test, reference)
        assert message is None, f"{exercise_id} {name} fails the reference:\n{message}"


RIGHT_ANSWERS = [
    pytest.param(id_, "solution", SOLUTIONS[id_], id=f"{id_}-solution")
    for id_ in sorted(EXERCISES)
] + [
    pytest.param(id_, name, source, id=f"{id_}-{name}")
    for id_, answers in MORE_SOLUTIONS.items()
    for name, source in answers.items()
]


@pytest.mark.parametrize(("exercise_id", "name", "source"), RIGHT_ANSWERS)
def test_a_learners_right_answer_passes_every_grader(exercise_id, name, source):
    solution = as_module(f"{name} {exercise_id}", source)
    for test_name, test in GRADERS[exercise_id].items():
        message = run(test, solution)
        assert message is None, (
            f"{exercise_id} {test_name} fails a right answer ({name}):\n{message}"
        )


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_the_model_solution_passes_every_grader(exercise_id):
    exercise = EXERCISES[exercise_id]
    assert exercise.model_solution.is_file(), f"no {exercise.model_solution}"
    solution = load_file(f"_model_{exercise_id}", exercise.model_solution)
    for name, test in GRADERS[exercise_id].items():
        message = run(test, solution)
        assert message is None, (
            f"{exercise_id} {name} fails the model solution:\n{message}"
        )


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_the_saved_stub_is_the_exercise_stub(exercise_id):
    """A contributor check: ``exercises/.stubs/<folder>/<file>``, which
    ``course reset`` copies back, is byte for byte the stub in the exercise's
    folder.  Whoever edits a stub (its docstrings, say) copies it there too;
    a learner who has started the exercise sees this test fail, as expected.
    """
    exercise = EXERCISES[exercise_id]
    assert exercise.stub.is_file(), f"no {exercise.stub}"
    assert exercise.stub.read_bytes() == exercise.path.read_bytes(), (
        f"{exercise.stub} differs from {exercise.path}: copy the stub there"
    )


def readme_checks(exercise):
    """The bullets of the README's section ``## What the grader checks``."""
    text = (exercise.folder / "README.md").read_text()
    found = re.search(
        r"^## What the grader checks\n(.*?)(?=^## |\Z)", text, re.M | re.S
    )
    assert found, f"{exercise.id}: README.md has no section 'What the grader checks'"
    return [
        line.removeprefix("- ")
        for line in found.group(1).splitlines()
        if line.startswith(("- ", "* "))
    ]


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_the_readme_lists_every_check_in_order(exercise_id):
    tests = GRADERS[exercise_id]
    for name, fn in tests.items():
        assert (inspect.getdoc(fn) or "").strip(), f"{exercise_id} {name}: no docstring"
    described = [grading.check_description(fn) for fn in tests.values()]
    assert readme_checks(EXERCISES[exercise_id]) == described


def test_every_exercise_has_at_least_three_wrong_answers():
    assert set(MUTANTS) == set(EXERCISES)
    few = {id_: len(m) for id_, m in MUTANTS.items() if len(m) < 3}
    assert not few, f"exercises with fewer than 3 wrong answers: {few}"


MUTANT_CASES = [
    pytest.param(id_, name, source, id=f"{id_}-{name}")
    for id_, mutants in MUTANTS.items()
    for name, source in mutants.items()
]


@pytest.mark.parametrize(("exercise_id", "name", "source"), MUTANT_CASES)
def test_wrong_answer_is_caught(exercise_id, name, source):
    mutant = as_module(name, source)
    caught = {}
    for test_name, test in GRADERS[exercise_id].items():
        message = run(test, mutant)
        if message is not None:
            caught[test_name] = message
    assert caught, f"no grader of exercise {exercise_id} catches: {name}"
    for test_name, message in caught.items():
        # The grader's own sentence, not a bare assertion.
        assert len(message) > 40, (
            f"{exercise_id} {test_name} fails {name!r} without saying why:\n{message}"
        )


#: A module-level alias of math.tanh: the grader nests two ``forbidding``
#: calls, and the outer one searches the inner wrapper's globals (those of
#: course_grading.checks), not the learner's, so this alias escapes the ban of
#: math.tanh until ``forbidding`` looks through ``functools.wraps``
#: (``inspect.unwrap(fn).__globals__``).
MATH_TANH_ALIAS = """
import numpy as np
from math import tanh as mt
from course_code.activations import tanh_grad
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.vectorize(mt, otypes=[x.dtype])(x)[()]
"""


@pytest.mark.parametrize(
    ("name", "source"),
    [
        (name, MUTANTS["03"][name])
        for name in (
            "np.tanh instead of exponentials",
            "np.tanh under another name",
            "np.vectorize(math.tanh)",
        )
    ]
    + [("math.tanh under another name", MATH_TANH_ALIAS)],
)
def test_the_tanh_ban_catches_every_name(name, source):
    mutant = as_module(name, source)
    message = run(GRADERS["03"]["test_tanh_ordinary_values"], mutant)
    assert message is not None, f"{name} escapes the ban"
    assert "is not allowed in this exercise" in message, message

"""The graders of the exercises catch wrong answers and pass right ones.

Each grader test is a plain function of the ``solution`` fixture, so it can be
called here directly with any module standing in for a learner's file: the
reference solutions (which must pass every test), and the wrong answers of
``exercise_mutants.py`` (each of which must fail at least one).  A test that
fails with anything but the grader's own message is a bug in the grader.
"""

import inspect
import types
from pathlib import Path

import pytest
from exercise_mutants import MUTANTS
from exercise_solutions import SOLUTIONS
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


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_a_learners_right_answer_passes_every_grader(exercise_id):
    solution = as_module(f"solution {exercise_id}", SOLUTIONS[exercise_id])
    for name, test in GRADERS[exercise_id].items():
        message = run(test, solution)
        assert message is None, f"{exercise_id} {name} fails a right answer:\n{message}"


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

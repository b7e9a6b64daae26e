"""Grader of exercise 15: the fraction of dead ReLU units in a batch."""

import numpy as np

from course_code import nn
from course_grading import check

RNG = np.random.default_rng(15)


def expect(solution, z, why):
    want = np.float64(nn.dead_unit_fraction(z))
    got = check(solution.dead_unit_fraction, z, expected=want, why=why)
    return got


def test_a_small_batch(solution):
    """A unit is dead when z <= 0 for every example, z = 0 included (a 2×4 batch)."""
    z = np.array([[-1.0, 2.0, 0.0, -5.0], [-3.0, -1.0, 0.0, 4.0]])
    expect(
        solution, z, "a unit is dead when every example gives z <= 0, z = 0 included"
    )


def test_units_are_columns(solution):
    """Rows are examples and columns are units (a 4×3 batch)."""
    z = np.array(
        [[-1.0, -1.0, -1.0], [-1.0, 2.0, 3.0], [-2.0, -1.0, 0.5], [-1.0, -4.0, 1.0]]
    )
    expect(solution, z, "rows are examples and columns are units")


def test_a_random_layer(solution):
    """The fraction is right for a random layer of 64 examples and 200 units."""
    z = RNG.normal(size=(64, 200)) - 2.0
    expect(solution, z, "64 examples, 200 units shifted so that some die")


def test_nothing_dead_and_everything_dead(solution):
    """A layer with no dead unit gives 0.0 and one whose units are all dead gives 1.0."""
    expect(solution, np.ones((3, 5)), "all units alive gives 0")
    expect(solution, -np.ones((3, 5)), "all units dead gives 1")

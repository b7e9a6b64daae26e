"""Each idea of ``course_code.ideas`` agrees and breaks where its record says.

The pages print these records beside the idea's code, so what a learner
reads about where the plain formula holds is what this file checks: on each
interval of ``agrees_on`` the idea equals the reference to ``rtol`` without
a warning; on each ``Break`` it fails as stated, at every point for a
warning and in the median for lost digits.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from course_code import ideas
from course_code.ideas import IDEAS, Break

BIG = np.finfo(np.float64).max
HALF_THE_DIGITS = 1e-8


def points(low: float, high: float, n: int = 2001) -> np.ndarray:
    """Points spread over [low, high]: evenly near 0, geometrically far out."""
    a, b = max(low, -BIG), min(high, BIG)
    near = np.linspace(max(a, -1000.0), min(b, 1000.0), n)
    far = [s * 10.0 ** np.linspace(3.0, 308.0, 200) for s in (-1.0, 1.0)]
    x = np.concatenate([near, *far, [low, high]])
    return np.unique(x[(x >= low) & (x <= high)])


def relative_error(got, want) -> np.ndarray:
    got, want = np.asarray(got, float), np.asarray(want, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        error = np.abs(got - want) / np.abs(want)
    return np.where((got == want) | (np.isnan(got) & np.isnan(want)), 0.0, error)


def run(entry, f, x):
    """``f`` at ``x`` as the entry sees it, and the NumPy warnings it emits."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = entry.evaluate(f, x)
    return y, [str(w.message) for w in caught]


AGREEMENTS = [
    pytest.param(entry, interval, id=f"{name}{list(interval)}")
    for name, entry in IDEAS.items()
    for interval in entry.agrees_on
]
BREAKS = [
    pytest.param(entry, br, id=f"{name}-{br.how}{list(br.where)}")
    for name, entry in IDEAS.items()
    for br in entry.breaks
]


@pytest.mark.parametrize(("entry", "interval"), AGREEMENTS)
def test_idea_agrees_with_the_reference_where_it_says(entry, interval):
    x = points(*interval)
    got, caught = run(entry, entry.idea, x)
    assert caught == []
    error = relative_error(got, entry.evaluate(entry.reference, x))
    worst = int(np.argmax(error))
    assert error[worst] <= entry.rtol, f"at x = {x[worst]!r}: {error[worst]:.3g}"


@pytest.mark.parametrize(("entry", "br"), BREAKS)
def test_idea_breaks_where_and_how_it_says(entry, br):
    low, high = br.where
    if br.how == "digits":
        x = points(low, high)
        got, caught = run(entry, entry.idea, x)
        assert caught == []  # quietly wrong: the worse kind
        error = relative_error(got, entry.evaluate(entry.reference, x))
        assert np.median(error) > HALF_THE_DIGITS
        return
    message = {
        "overflow": "overflow encountered",
        "divide": "divide by zero encountered",
        "invalid": "invalid value encountered",
    }[br.how]
    for x in points(low, high, 41):
        _, caught = run(entry, entry.idea, np.array([x]))
        assert any(message in m for m in caught), f"at x = {x!r}: {caught}"


def test_every_break_is_outside_the_agreement():
    """A break and an agreement never overlap: the record cannot say both."""
    for name, entry in IDEAS.items():
        for low, high in entry.agrees_on:
            for br in entry.breaks:
                assert br.where[1] <= low or br.where[0] >= high, name


def test_every_idea_of_the_module_has_its_record():
    functions = {n for n in ideas.__all__ if n.islower()}
    assert functions == set(IDEAS)
    assert all(IDEAS[n].idea is getattr(ideas, n) for n in functions)


def test_a_wrong_claim_fails():
    """The checks can fail: softplus does not agree on [-40, 0]."""
    entry = IDEAS["softplus"]
    with pytest.raises(AssertionError):
        test_idea_agrees_with_the_reference_where_it_says(entry, (-40.0, 0.0))
    with pytest.raises(AssertionError):
        test_idea_breaks_where_and_how_it_says(
            entry, Break(where=(0.0, 700.0), how="overflow", says="")
        )

r"""Each function's idea: its formula in a few lines of plain NumPy.

The pages show a function first as it is written here, the formula and
nothing else, then as the reference in :mod:`course_code.activations` and
:mod:`course_code.losses`, which is right for every input.  An idea agrees
with its reference on an ordinary range and breaks outside it: NumPy warns
that an exponential overflowed, or the result loses its digits.
:data:`IDEAS` records both for each idea, the pages state them (from this
record, at build time), and ``tests/test_ideas.py`` checks every claim.

Examples
--------
>>> float(sigmoid(0.0))
0.5
>>> entry = IDEAS["softplus"]
>>> entry.agrees_on, entry.breaks[0].how
(((-10.0, 709.78),), 'overflow')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = [
    "IDEAS",
    "Break",
    "Idea",
    "binary_cross_entropy",
    "elu",
    "relu",
    "sigmoid",
    "softmax",
    "softplus",
]


# --8<-- [start:sigmoid]
def sigmoid(x):
    """σ(x) = 1 / (1 + e^{-x}), as the formula is written."""
    return 1 / (1 + np.exp(-x))


# --8<-- [end:sigmoid]


# --8<-- [start:relu]
def relu(x):
    """max(0, x), elementwise."""
    return np.maximum(x, 0)


# --8<-- [end:relu]


# --8<-- [start:elu]
def elu(x, alpha=1.0):
    """x for x > 0, α(e^x − 1) otherwise."""
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


# --8<-- [end:elu]


# --8<-- [start:softplus]
def softplus(x):
    """log(1 + e^x), as the formula is written."""
    return np.log(1 + np.exp(x))


# --8<-- [end:softplus]


# --8<-- [start:softmax]
def softmax(x, axis=-1):
    """e^{x_i} / Σ_j e^{x_j} along ``axis``."""
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


# --8<-- [end:softmax]


# --8<-- [start:binary_cross_entropy]
def binary_cross_entropy(logits, targets):
    """Mean of −y log p − (1 − y) log(1 − p), with p = σ(z)."""
    p = sigmoid(logits)
    return np.mean(-(targets * np.log(p) + (1 - targets) * np.log(1 - p)))


# --8<-- [end:binary_cross_entropy]


@dataclass(frozen=True, kw_only=True)
class Break:
    """Where an idea breaks, and how.

    Attributes
    ----------
    where : tuple of float
        The interval ``(low, high)`` of the input where it breaks.
    how : str
        ``"overflow"``, ``"divide"`` or ``"invalid"``: at every point of
        ``where``, NumPy warns of that floating-point error; ``"digits"``:
        the idea runs quietly, but its median relative error on ``where``
        exceeds ``1e-8`` (fewer than half of the 16 digits are right).
    says : str
        What happens there, in a sentence for the page.
    """

    where: tuple[float, float]
    how: str
    says: str


@dataclass(frozen=True, kw_only=True)
class Idea:
    """An idea, its reference, where they agree and where the idea breaks.

    Attributes
    ----------
    idea, reference : callable
        The function of this module and the function of ``course_code``.
    reference_name : str
        The reference's import path, for the page.
    agrees_on : tuple of (low, high)
        Intervals of the input where the idea agrees with the reference
        without a warning, to relative error ``rtol``.
    rtol : float
        The agreement: 0 means bit for bit.
    breaks : tuple of Break
        Where it breaks; empty when the idea is right everywhere.
    evaluate : callable
        ``evaluate(f, x)`` is ``f`` at the points ``x`` (a 1-D float64
        array), one value per point: ``f(x)`` for an elementwise function;
        functions of vectors or of a label say how they see a point.
    variable : str
        The name the page gives a point: ``x``, or ``z`` for a logit.
    where_said : str
        What a point is, where ``evaluate`` makes it more than ``variable``.
    """

    idea: Callable
    reference: Callable
    reference_name: str
    agrees_on: tuple[tuple[float, float], ...]
    rtol: float
    breaks: tuple[Break, ...] = ()
    evaluate: Callable = lambda f, x: f(x)
    variable: str = "x"
    where_said: str = ""


#: The largest float64: an interval that reaches it has no bound on that side.
_BIG = np.finfo(np.float64).max


def _softmax_rows(f, x):
    # A point x is the row (x, x - 1, x - 2): its first probability.
    return f(x[:, None] - np.arange(3.0))[:, 0]


def _confidently_wrong(f, x):
    # At logit x the label is the wrong one: 1 for x < 0, 0 for x >= 0.
    return np.array([f(np.array([z]), np.array([float(z < 0)])) for z in x])


def _ideas() -> dict[str, Idea]:
    from course_code import activations, losses

    return {
        "sigmoid": Idea(
            idea=sigmoid,
            reference=activations.sigmoid,
            reference_name="course_code.activations.sigmoid",
            agrees_on=((-709.78, np.inf),),
            rtol=2e-15,
            breaks=(
                Break(
                    where=(-_BIG, -709.79),
                    how="overflow",
                    says=r"$e^{-x}$ overflows: NumPy warns, and the result is 0, "
                    r"also where $\sigma(x)$ is a subnormal number, down to "
                    r"$x \approx -745.13$.",
                ),
            ),
        ),
        "relu": Idea(
            idea=relu,
            reference=activations.relu,
            reference_name="course_code.activations.relu",
            agrees_on=((-np.inf, np.inf),),
            rtol=0.0,
        ),
        "elu": Idea(
            idea=elu,
            reference=activations.elu,
            reference_name="course_code.activations.elu",
            agrees_on=((-np.inf, -1e-3), (0.0, 709.78)),
            rtol=1e-12,
            breaks=(
                Break(
                    where=(-1e-9, 0.0),
                    how="digits",
                    says=r"$e^{x} - 1$ cancels: $e^{x}$ is within a rounding "
                    r"error of 1, and the subtraction leaves that error "
                    r"(`np.expm1` computes $e^{x} - 1$ without it).",
                ),
                Break(
                    where=(709.79, _BIG),
                    how="overflow",
                    says=r"`np.where` computes both branches, and $e^{x}$ "
                    r"overflows in the one it throws away: the value is right, "
                    r"but NumPy warns.",
                ),
            ),
        ),
        "softplus": Idea(
            idea=softplus,
            reference=activations.softplus,
            reference_name="course_code.activations.softplus",
            agrees_on=((-10.0, 709.78),),
            rtol=1e-11,
            breaks=(
                Break(
                    where=(709.79, _BIG),
                    how="overflow",
                    says=r"$e^{x}$ overflows: NumPy warns, and the result is "
                    r"$\infty$ where $\operatorname{softplus}(x) \approx x$.",
                ),
                Break(
                    where=(-745.0, -18.0),
                    how="digits",
                    says=r"$1 + e^{x}$ rounds away the digits of $e^{x}$, and "
                    r"below $x \approx -36.7$ the result is 0 where it should "
                    r"be $e^{x}$.",
                ),
            ),
        ),
        "softmax": Idea(
            idea=softmax,
            reference=activations.softmax,
            reference_name="course_code.activations.softmax",
            agrees_on=((-700.0, 700.0),),
            rtol=1e-13,
            breaks=(
                Break(
                    where=(709.79, _BIG),
                    how="invalid",
                    says=r"$e^{x_i}$ overflows "
                    r"to $\infty$, and $\infty / \infty$ is NaN. Subtracting "
                    r"$\max_j x_j$ first changes nothing in exact arithmetic "
                    r"and keeps every exponential at most 1.",
                ),
            ),
            evaluate=_softmax_rows,
            variable="x_i",
            where_said="(every entry of a row)",
        ),
        "binary_cross_entropy": Idea(
            idea=binary_cross_entropy,
            reference=losses.binary_cross_entropy_with_logits,
            reference_name="course_code.losses.binary_cross_entropy_with_logits",
            agrees_on=((-15.0, 15.0),),
            rtol=1e-10,
            breaks=(
                Break(
                    where=(37.0, _BIG),
                    how="divide",
                    says=r"$p = \sigma(z)$ rounds to 1, "
                    r"and $\log(1 - p)$ is "
                    r"$\log 0$: NumPy warns, and the loss is $\infty$ "
                    r"where it is $z$.",
                ),
            ),
            evaluate=_confidently_wrong,
            variable="z",
            where_said=r"with the label the logit gets wrong ($y = 1$ for "
            r"$z < 0$, $y = 0$ for $z \ge 0$)",
        ),
    }


#: Every idea by the name of its function in this module.
IDEAS: dict[str, Idea] = _ideas()

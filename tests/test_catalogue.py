"""The catalogue's facts are true of the functions it describes.

Each property of ``CatalogueEntry`` has an exact meaning (see its docstring); here
each is checked against the function, with the entry's parameters, on a dense
grid and at the limits.  The names and defaults are checked against the code.
"""

import inspect
import math

import mpmath as mp
import numpy as np
import pytest
from scipy import optimize

from course_code import activations as A
from course_code import catalogue
from course_code.activations import ACTIVATIONS

ELEMENTWISE = [e for e in ACTIVATIONS.values() if e.elementwise]
IDS = [e.name for e in ELEMENTWISE]
GRID = np.linspace(-60.0, 60.0, 240_001)
INF = math.inf


def values(entry, x):
    return np.asarray(entry(x), dtype=np.float64)


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=IDS)
def test_range_is_the_infimum_and_supremum(entry):
    lo, hi = entry.range
    y = values(entry, GRID)
    at_inf = values(entry, np.array([-INF, INF]))
    span = f"{entry.name}: catalogue range {entry.range}, values [{y.min()}, {y.max()}]"
    assert y.min() >= lo, span
    assert y.max() <= hi, span
    # The bounds are reached or approached: by the grid, a limit, or a minimum.
    candidates_lo = [y.min(), at_inf.min()]
    if entry.monotonic is False:
        i = int(np.argmin(y))
        result = optimize.minimize_scalar(
            lambda t: float(entry(t)), bracket=(GRID[i - 1], GRID[i], GRID[i + 1])
        )
        candidates_lo.append(result.fun)
    assert min(candidates_lo) == pytest.approx(lo, rel=1e-12, abs=1e-12), (
        f"{entry.name}: infimum {min(candidates_lo)!r}, catalogue says {lo!r}"
    )
    assert max(y.max(), at_inf.max()) == pytest.approx(hi, rel=1e-12, abs=1e-12), (
        f"{entry.name}: supremum {max(y.max(), at_inf.max())!r}, catalogue says {hi}"
    )


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=IDS)
def test_monotonic_means_non_decreasing(entry):
    decreasing = bool(np.any(np.diff(values(entry, GRID)) < 0))
    assert entry.monotonic is not decreasing, (
        f"{entry.name}: catalogue says monotonic={entry.monotonic}, but the "
        f"function {'decreases' if decreasing else 'never decreases'} on [-60, 60]"
    )


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=IDS)
def test_zero_centred_means_odd(entry):
    x = GRID[GRID > 0]
    odd = bool(np.array_equal(values(entry, -x), -values(entry, x)))
    assert entry.zero_centred is odd, (
        f"{entry.name}: catalogue says zero_centred={entry.zero_centred}, but "
        f"f(-x) {'==' if odd else '!='} -f(x)"
    )


def _jumps(f, points, h=1e-6, tol=1e-3):
    """True if the one-sided limits of f differ at one of ``points``."""
    return any(abs(float(f(p + h)) - float(f(p - h))) > tol for p in points)


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=IDS)
def test_smooth_means_no_kink_in_the_first_two_derivatives(entry):
    kinks = [-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 6.0]

    def second(t):  # central difference of the exact first derivative
        return (entry.grad_at(t + 1e-7) - entry.grad_at(t - 1e-7)) / 2e-7

    rough = _jumps(entry.grad_at, kinks) or _jumps(second, kinks, h=1e-4)
    assert entry.smooth is not rough, (
        f"{entry.name}: catalogue says smooth={entry.smooth}, but its first or "
        f"second derivative {'jumps' if rough else 'is continuous'} at a kink"
    )


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=IDS)
def test_self_gated_means_x_times_a_rising_gate(entry):
    x = GRID[GRID != 0]
    gate = values(entry, x) / x
    left, right = float(entry(-1e-9)) / -1e-9, float(entry(1e-9)) / 1e-9
    gated = bool(
        abs(gate[0]) < 1e-6  # 0 far left
        and abs(gate[-1] - 1) < 1e-6  # 1 far right
        and abs(left - right) < 1e-6  # continuous at 0
        and 0 < right < 1
        and bool(np.all((gate >= 0) & (gate <= 1)))
    )
    assert entry.self_gated is gated, (
        f"{entry.name}: catalogue says self_gated={entry.self_gated}; f(x)/x "
        f"goes from {gate[0]:.3g} to {gate[-1]:.3g} with {left:.3g} | {right:.3g} "
        "either side of 0"
    )


@pytest.mark.parametrize("entry", ACTIVATIONS.values(), ids=list(ACTIVATIONS))
def test_params_are_keywords_of_the_function(entry):
    signature = inspect.signature(entry.fn)
    for name, value in entry.params.items():
        assert name in signature.parameters, f"{entry.name}: no parameter {name}"
        default = signature.parameters[name].default
        if entry.name != "gelu_tanh":  # the one entry that is not the default
            assert value == default, f"{entry.name}: {name}={value}, default {default}"
    if entry.grad is not None:
        assert inspect.signature(entry.grad) == signature, (
            f"{entry.name}_grad must take the same parameters as {entry.name}"
        )


def test_every_public_function_is_in_the_catalogue():
    listed = {e.fn for e in ACTIVATIONS.values()} | {
        e.grad for e in ACTIVATIONS.values() if e.grad is not None
    }
    # The backward passes of functions of an axis (softmax) have no entry.
    public = {
        getattr(A, name)
        for name in A.__all__
        if inspect.isfunction(getattr(A, name)) and not name.endswith("_backward")
    }
    missing = sorted(f.__name__ for f in public - listed)
    assert not missing, f"not in ACTIVATIONS: {missing}"


@pytest.mark.parametrize("entry", ACTIVATIONS.values(), ids=list(ACTIVATIONS))
def test_every_entry_has_its_documentation(entry):
    assert entry.formula, f"{entry.name}: no LaTeX formula"
    assert entry.pytorch, f"{entry.name}: no PyTorch name"
    assert entry.origin is None or 1980 <= entry.origin.year <= 2030
    if entry.elementwise:
        assert entry.derivative, f"{entry.name}: no LaTeX derivative"


def _in_mpmath(name):
    """The function ``name`` written in mpmath, at 30 digits."""
    mp.mp.dps = 30
    c, a = mp.sqrt(2 / mp.pi), mp.mpf(0.044715)
    functions = {
        "gelu": lambda x: x * mp.ncdf(x),
        "gelu_tanh": lambda x: x / 2 * (1 + mp.tanh(c * (x + a * x**3))),
        "silu": lambda x: x / (1 + mp.exp(-x)),
        "mish": lambda x: x * mp.tanh(mp.log1p(mp.exp(x))),
        "hardswish": lambda x: x * (x + 3) / 6,  # its piece around the minimum
    }
    return functions[name]


def _exact_minimum(name):
    """(x, f(x)) at the minimum, from the root of f' in mpmath."""
    f = _in_mpmath(name)
    x = mp.findroot(lambda t: mp.diff(f, t), -1.0)
    return float(x), float(f(x))


@pytest.mark.parametrize(
    "name", ["gelu", "gelu_tanh", "silu", "mish", "hardswish"], ids=str
)
def test_minimum_matches_mpmath(name):
    x, y = ACTIVATIONS[name].minimum
    exact_x, exact_y = _exact_minimum(name)
    assert x == pytest.approx(exact_x, abs=1e-7), f"{name}: argmin {x} vs {exact_x}"
    assert y == pytest.approx(exact_y, rel=1e-15), f"{name}: min {y} vs {exact_y}"
    assert ACTIVATIONS[name].range[0] == y


def _exact_steepest(name):
    """(x, f'(x)) at the root of f'' near the peak, in mpmath."""
    f = _in_mpmath(name)
    x = mp.findroot(lambda t: mp.diff(f, t, 2), 1.5)
    return float(x), float(mp.diff(f, x))


@pytest.mark.parametrize("name", ["gelu", "gelu_tanh", "silu", "mish"], ids=str)
def test_steepest_slope_matches_mpmath(name):
    slope = catalogue.max_slope(name)
    x, value = _exact_steepest(name)
    assert slope.unique
    assert slope.x == pytest.approx(x, abs=2e-6), f"{name}: argmax {slope.x} vs {x}"
    assert slope.value == pytest.approx(value, rel=1e-14), f"{name}: {slope.value}"


@pytest.mark.parametrize(
    ("name", "x", "value", "unique"),
    [
        ("sigmoid", 0.0, 0.25, True),
        ("tanh", 0.0, 1.0, True),
        ("softsign", 0.0, 1.0, True),
        ("selu", 0.0, float(A.SELU_SCALE * A.SELU_ALPHA), True),
        ("softplus", INF, 1.0, True),
        ("logsigmoid", -INF, 1.0, True),
        ("relu", None, 1.0, False),
        ("hardsigmoid", None, 1.0 / 6.0, False),
    ],
)
def test_steepest_slope_in_closed_form(name, x, value, unique):
    slope = catalogue.max_slope(name)
    assert slope.unique is unique, slope
    assert slope.value == pytest.approx(value, rel=1e-12), slope
    if x is not None:
        assert slope.x == pytest.approx(x, abs=1e-9), slope


def test_hardswish_slope_approaches_its_supremum():
    # Left of 3 the slope is x/3 + 1/2 -> 3/2; PyTorch's convention gives 1 at 3.
    slope = catalogue.max_slope("hardswish")
    assert slope.x == pytest.approx(3.0, abs=1e-6)
    assert slope.value == pytest.approx(1.5, abs=1e-7)


@pytest.mark.parametrize("entry", ACTIVATIONS.values(), ids=list(ACTIVATIONS))
def test_jax_names_are_in_jax_nn(entry):
    for name in entry.jax.split(", ") if entry.jax else []:
        assert name.startswith("jax.nn."), f"{entry.name}: {name!r}"

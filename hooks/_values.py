"""The numbers that pages quote, each a named function of ``course_code``.

Not a hook itself: ``hooks/_placeholders.py`` calls these functions for the
placeholder ``<!-- course:value NAME ARG ... FMT -->``, which a page writes
where the number goes. For example ``<!-- course:value minimum_value gelu .5f -->``
is ``format(minimum_value("gelu"), ".5f")``, that is ``-0.16997``.

Contract: every function decorated with ``@value`` may be named in a page;
it returns a number (or a string) computed from ``course_code`` and NumPy,
never typed in. Arguments are simple words: a number (``1.0``, ``-8``), a
catalogue key or another name (``gelu``, ``float64``), or ``name=number``
for a keyword. A new number on a page is a new function here, with a
docstring that says what it is, so that the expression is read, linted and
tested as code.
"""

from __future__ import annotations

import hashlib
import json
import math
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from _cache import CACHE, KeptValues, prune, write_atomically
from _sources import dependency_hash


@cache
def experiments_hash() -> str:
    """The experiments' cache key: their code, what it imports, NumPy's version."""
    return dependency_hash(f"import course_code.experiments  # numpy {np.__version__}")


def experiment(name: str, *args, **kwargs):
    """``course_code.experiments.NAME(*args, **kwargs)``, kept on disk.

    The experiments run with fixed seeds, so their result is a function of
    their code and arguments: a build reads what an earlier one computed
    (``.cache/course/experiments/<experiments_hash()>/``) and trains only
    after the code changed. Results of other hashes go once they are stale.
    """
    import course_code.experiments

    folder = CACHE / "experiments" / experiments_hash()
    call = f"{name}{args!r}{sorted(kwargs.items())!r}"
    path = folder / f"{name}-{hashlib.sha256(call.encode()).hexdigest()[:20]}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass  # not computed yet, or written by other code: compute it
    result = getattr(course_code.experiments, name)(*args, **kwargs)
    write_atomically(path, pickle.dumps(result))
    prune(folder.parent, folder.name)
    return result


VALUES: dict[str, Callable] = {}


def value(function: Callable) -> Callable:
    """Make ``function`` available to pages under its own name."""
    VALUES[function.__name__] = function
    return function


def _entry(key: str):
    from course_code.catalogue import ACTIVATIONS

    return ACTIVATIONS[key]


def _grid(lo: float, hi: float, n: int) -> np.ndarray:
    return np.linspace(lo, hi, n)


# --- the catalogue -------------------------------------------------------------


@value
def catalogue_size() -> int:
    """How many entries the catalogue has."""
    from course_code.catalogue import ACTIVATIONS

    return len(ACTIVATIONS)


@value
def activation(key: str, x: float, **params) -> float:
    """The entry ``key`` at ``x``, with its defaults or the ``params`` given."""
    entry = _entry(key)
    return float(entry.fn(x, **{**entry.params, **params}))


@value
def derivative(key: str, x: float, **params) -> float:
    """The derivative of the entry ``key`` at ``x``."""
    entry = _entry(key)
    return float(entry.grad(x, **{**entry.params, **params}))


@value
def activation_power(key: str, x: float, power: int) -> float:
    """``f(x) ** power``: a gate of ``f(x)`` applied ``power`` times."""
    return activation(key, x) ** power


@value
def derivative_power(key: str, x: float, power: int) -> float:
    """``f′(x) ** power``: the slope ``f′(x)`` through ``power`` layers."""
    return derivative(key, x) ** power


@value
def activation_minus_x(key: str, x: float) -> float:
    """``f(x) − x``: how far the entry ``key`` is from the identity at ``x``."""
    return float(_entry(key)(x) - x)


@value
def gelu_slope_at_root2() -> float:
    """GELU's slope at √2, where its second derivative is 0."""
    return float(_entry("gelu").grad_at(np.sqrt(2)))


@value
def minimum_x(key: str) -> float:
    """Where the entry ``key`` has its minimum."""
    return _entry(key).minimum[0]


@value
def minimum_value(key: str) -> float:
    """The minimum value of the entry ``key``."""
    return _entry(key).minimum[1]


@value
def range_low(key: str) -> float:
    """The lower end of the range of the entry ``key``."""
    return _entry(key).range[0]


@value
def parameter(key: str, name: str):
    """The default of the parameter ``name`` of the entry ``key``."""
    return _entry(key).params[name]


@value
def rrelu_mean_slope() -> float:
    """RReLU's slope in evaluation: the mean of its training distribution."""
    params = _entry("rrelu").params
    return (params["lower"] + params["upper"]) / 2


@value
def steepest_slope(key: str) -> float:
    """The steepest slope of the elementwise entry ``key``."""
    from course_code.catalogue import max_slope

    return max_slope(key).value


@value
def steepest_slope_x(key: str) -> float:
    """Where the entry ``key`` is steepest (``inf`` if only approached)."""
    from course_code.catalogue import max_slope

    return max_slope(key).x


@value
def selu_scale() -> float:
    """SELU's λ."""
    from course_code.activations import SELU_SCALE

    return SELU_SCALE


@value
def selu_alpha() -> float:
    """SELU's α."""
    from course_code.activations import SELU_ALPHA

    return SELU_ALPHA


# --- comparisons of two functions ----------------------------------------------


@value
def max_difference(key: str, other: str, lo: float, hi: float, n: int) -> float:
    """The largest ``|f(x) − g(x)|`` over ``n`` points from ``lo`` to ``hi``."""
    x = _grid(lo, hi, n)
    return float(np.max(np.abs(_entry(key)(x) - _entry(other)(x))))


@value
def where_max_difference(key: str, other: str, lo: float, hi: float, n: int):
    """The ``x`` of that largest difference."""
    x = _grid(lo, hi, n)
    return float(x[np.argmax(np.abs(_entry(key)(x) - _entry(other)(x)))])


@value
def gelu_sigmoid_approximation_error(lo: float, hi: float, n: int) -> float:
    """The largest ``|gelu(x) − x σ(1.702 x)|`` over ``n`` points."""
    x = _grid(lo, hi, n)
    approximation = x * _entry("sigmoid")(1.702 * x)
    return float(np.max(np.abs(_entry("gelu")(x) - approximation)))


@value
def interpolation_error(key: str, knots: int, lo: float = -8, hi: float = 8):
    """The largest error of ``key`` interpolated linearly between ``knots``."""
    f, x = _entry(key), _grid(lo, hi, 100_001)
    knot_x = _grid(lo, hi, knots)
    return float(np.max(np.abs(np.interp(x, knot_x, f(knot_x)) - f(x))))


@value
def zero_fraction(key: str, n: int = 100_000, seed: int = 0) -> float:
    """The share of standard normal inputs that the entry ``key`` maps to 0."""
    x = np.random.default_rng(seed).normal(size=n)
    return float(np.mean(_entry(key)(x) == 0))


# --- losses --------------------------------------------------------------------


@value
def sigmoid_error(z: float) -> float:
    """``σ(z) − 1``: the error of a sigmoid output ``σ(z)`` for the target 1."""
    from course_code.activations import sigmoid

    return float(sigmoid(z) - 1)


@value
def sigmoid_mse_gradient(z: float) -> float:
    """The gradient in ``z`` of ``(σ(z) − 1)²``: ``2 (σ(z) − 1) σ′(z)``."""
    from course_code.activations import sigmoid, sigmoid_grad

    return float(2 * (sigmoid(z) - 1) * sigmoid_grad(z))


# --- floating point ------------------------------------------------------------


@value
def largest(dtype: str) -> float:
    """The largest finite number of the NumPy type ``dtype``."""
    return float(np.finfo(dtype).max)


@value
def log_largest(dtype: str) -> float:
    """``log`` of that number (computed in float64): where ``exp`` overflows."""
    return float(np.log(np.float64(np.finfo(dtype).max)))


@value
def sigmoid_overflow_below(dtype: str = "float64") -> float:
    """The ``x`` below which ``1 / (1 + np.exp(-x))`` overflows in ``exp``."""
    return -log_largest(dtype)


@value
def reciprocal_largest(dtype: str = "float64") -> float:
    """``1 / largest``: ``e^x`` is below it where ``e^{-x}`` overflows."""
    return 1 / np.finfo(dtype).max


@value
def log_smallest_subnormal(dtype: str) -> float:
    """``log`` of the smallest positive number of ``dtype``: ``exp`` underflows."""
    return float(np.log(np.finfo(dtype).smallest_subnormal))


@value
def sigmoid_underflow_below(dtype: str = "float64") -> float:
    """The ``x`` below which ``σ(x) ≈ e^x`` rounds to 0 in ``dtype``.

    Half the smallest subnormal, ``log(smallest_subnormal) − log 2``: above
    it ``σ(x)`` rounds to a subnormal, below it to 0.
    """
    return log_smallest_subnormal(dtype) - math.log(2)


@value
def log_half_eps(dtype: str = "float64") -> float:
    """``log(ε/2)``: below it, ``1 + e^x`` rounds to 1 in ``dtype``."""
    return float(np.log(np.finfo(dtype).eps / 2))


@value
def tanhshrink_cancels_below(dtype: str) -> float:
    """Below this ``|x|``, ``x − tanh(x)`` computed in ``dtype`` loses every digit.

    ``tanh(x) ≈ x − x³/3`` rounds to ``x`` where ``x³/3`` is under half a unit
    in the last place of ``x``, ``x ε / 2``: where ``x² < 3 ε / 2``.
    """
    return math.sqrt(3 * float(np.finfo(dtype).eps) / 2)


@value
def log1p_exp(x: float) -> float:
    """``log(1 + e^x)``, computed accurately."""
    return float(np.log1p(np.exp(x)))


# --- how the reference reaches 4 ULP (docs/numerics.md) ------------------------


def _naive(key: str):
    """The textbook formula of ``key``, as a learner first types it."""
    from scipy import special

    return {
        "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
        "softplus": lambda x: np.log(1 + np.exp(x)),
        "gelu": lambda x: 0.5 * x * (1 + special.erf(x / math.sqrt(2.0))),
        "tanhshrink": lambda x: x - np.tanh(x),
    }[key]


@value
def worst_ulp(key: str, how: str, lo: float = -10.0, hi: float = 10.0) -> float:
    """The worst float32 error of ``key`` on [lo, hi], in ULP of the exact value.

    ``how`` is ``naive`` (the textbook formula, in float32), ``float32`` (the
    reference's own formula, ``f.__wrapped__``, run in float32) or
    ``reference`` (``course_code``: float64, rounded once).  The points are
    100 001 float32 numbers; the exact value is ``course_code``'s float64
    result there, itself within 4 float64 ULP (a float32 ULP is 2^29 of
    those).  A NaN or an infinity where the value is finite counts as ∞.
    """
    from course_code import activations

    public = getattr(activations, key)
    formula = {
        "naive": _naive(key),
        "float32": public.__wrapped__,
        "reference": public,
    }[how]
    x = np.linspace(lo, hi, 100_001, dtype=np.float32)
    exact = public(x.astype(np.float64))
    with np.errstate(all="ignore"):
        y = np.asarray(formula(x), dtype=np.float32).astype(np.float64)
    spacing = np.spacing(np.abs(exact).astype(np.float32)).astype(np.float64)
    error = np.abs(y - exact) / spacing
    return float(np.max(np.where(np.isnan(error), np.inf, error)))


@value
def ulp_of(x: float, dtype: str) -> float:
    """The ULP of ``x`` in ``dtype``: the gap to the next number, ``np.spacing``."""
    return float(np.spacing(np.dtype(dtype).type(x)))


@value
def block_size(kind: str = "float64") -> int:
    """Elements per block: ``float64`` formulas, or ``native`` (piecewise-linear)."""
    from course_code._numerics import evaluation

    return {"float64": evaluation.BLOCK, "native": evaluation.NATIVE_BLOCK}[kind]


@value
def gelu_tanh_exponent(x: float) -> float:
    """|2u| at ``x`` for GELU's tanh form, u = √(2/π)(x + 0.044715 x³)."""
    from course_code.activations.smooth import _gelu_tanh_u2

    return abs(float(_gelu_tanh_u2(np.float64(x))))


@value
def input_error(case: str) -> str:
    """The message ``sigmoid`` raises for a bad input: ``string`` or ``complex``."""
    from course_code.activations import sigmoid

    bad = {"string": "0.5", "complex": 1j}[case]
    try:
        sigmoid(bad)
    except (TypeError, ValueError) as exc:
        return str(exc)
    raise AssertionError(f"sigmoid accepted {bad!r}")


# --- initialisation and deep networks ------------------------------------------


@value
def gain(nonlinearity: str) -> float:
    """The recommended initialisation gain for ``nonlinearity``."""
    from course_code.initializers import calculate_gain

    return calculate_gain(nonlinearity)


@cache
def _depth_signal(name: str, init: str, depth: int, width: int):
    return experiment("depth_signal", [name], [init], depth=depth, width=width)


@value
def gradient_ratio(name: str, init: str, depth: int = 20, width: int = 128):
    """How many times smaller the gradient is at the first of ``depth`` layers."""
    norms = _depth_signal(name, init, depth, width).grad_norm[name, init]
    return norms[0] / norms[-1]


@value
def variance_ratio(name: str, init: str, depth: int = 20, width: int = 128):
    """The activations' variance after ``depth`` layers over that after one."""
    variance = _depth_signal(name, init, depth, width).variance[name, init]
    return variance[-1] / variance[0]


@value
def dead_fraction(
    learning_rate: float, epochs: int = 30, seed: int = 0, epoch: int = -1
):
    """The share of dead ReLUs at ``epoch`` (by default the last) of training.

    Training runs ``epochs`` epochs at ``learning_rate``; ``epoch=0`` counts
    on the pre-activations of the first epoch, before any update.
    """
    return _dead_curve(learning_rate, epochs, seed)[epoch]


@cache
def _dead_curve(learning_rate: float, epochs: int, seed: int):
    result = experiment("dead_relus", [learning_rate], seeds=[seed], epochs=epochs)
    return result.dead_fraction[0, 0]


@cache
def _fixed_point(activation: str, depth: int, width: int):
    if activation == "selu":  # the experiment's default
        return experiment("selu_fixed_point", [(2.0, 2.0)], depth=depth, width=width)
    return experiment(
        "selu_fixed_point",
        [(2.0, 2.0)],
        depth=depth,
        width=width,
        activation=activation,
    )


@value
def selu_fixed_point(
    statistic: str,
    layer: str,
    activation: str = "selu",
    depth: int = 20,
    width: int = 128,
) -> float:
    """The ``mean`` or ``variance`` at the ``first`` or ``last`` layer.

    Inputs of mean 2 and variance 2 go through ``depth`` layers of
    ``activation`` (``course_code.experiments.selu_fixed_point``).
    """
    if statistic not in ("mean", "variance") or layer not in ("first", "last"):
        raise ValueError("selu_fixed_point mean|variance first|last")
    result = _fixed_point(activation, depth, width)
    return getattr(result, statistic)[0, 0 if layer == "first" else -1]


# --- low precision -------------------------------------------------------------


@value
def format_limit(name: str, field: str) -> float:
    """``max``, ``smallest_normal``, ``eps``, ``log_max`` or ``log_half_eps``.

    ``name`` is ``float16``, ``bfloat16`` or ``float32``
    (``course_code.precision.limits``).
    """
    from course_code.precision import limits

    return getattr(limits(name), field)


@value
def naive_value(key: str, x: float, name: str) -> float:
    """The textbook formula of ``key`` at ``x``, every step rounded to ``name``."""
    from course_code.precision import naive

    return float(naive(key, x, name))


@value
def rounded_value(key: str, x: float, name: str) -> float:
    """``key`` at ``x`` computed in float64 and rounded once to ``name``."""
    from course_code.precision import rounded

    return float(rounded(key, x, name))


@value
def naive_relative_error(key: str, x: float, name: str) -> float:
    """How far ``naive_value`` is from ``rounded_value``, relative to it."""
    from course_code.precision import relative_error

    return float(relative_error(key, x, name))


@value
def worst_naive_x(key: str, name: str, lo: float, hi: float, n: int) -> float:
    """Where, of ``n`` points from ``lo`` to ``hi``, ``naive_value`` errs most."""
    from course_code.precision import relative_error

    x = _grid(lo, hi, n)
    return float(x[np.argmax(relative_error(key, x, name))])


@cache
def _residual(lr: float):
    return experiment("residual_depth", lr=lr)


def _residual_index(result, depth: int) -> int:
    if depth not in result.depths:
        raise ValueError(f"depth must be one of {result.depths}, got {depth}")
    return result.depths.index(depth)


@value
def residual_loss(activation: str, arch: str, depth: int, lr: float = 0.005):
    """The training loss of a ``plain`` or ``residual`` network after training.

    ``course_code.experiments.residual_depth``: three spirals, ``depth``
    hidden layers of ``activation``, Adam at learning rate ``lr``.
    """
    result = _residual(lr)
    return result.loss[activation, arch][_residual_index(result, depth)]


@value
def residual_accuracy(activation: str, arch: str, depth: int, lr: float = 0.005):
    """The training accuracy of that network after training."""
    result = _residual(lr)
    return result.accuracy[activation, arch][_residual_index(result, depth)]


@value
def residual_grad_ratio(activation: str, arch: str, depth: int):
    """At initialisation, the first hidden layer's gradient over the last's."""
    result = _residual(0.005)
    return result.grad_ratio[activation, arch][_residual_index(result, depth)]


COMPARED = ("tanh", "relu", "gelu", "silu", "selu")


@cache
def _compared(lr: float):
    return experiment("compare_activations", activations=COMPARED, lr=lr, grid_size=2)


@value
def compared_loss(dataset: str, activation: str, lr: float = 0.01) -> float:
    """The training loss after the last epoch of ``compare_activations``.

    The same two-hidden-layer network, trained with each of ``COMPARED`` on
    ``spirals`` or ``moons`` with Adam at learning rate ``lr``.
    """
    return float(_compared(lr).loss[dataset, activation][-1])


@value
def compared_accuracy(dataset: str, activation: str, lr: float = 0.01) -> float:
    """The training accuracy after the last epoch of that run."""
    return float(_compared(lr).accuracy[dataset, activation][-1])


@value
def compared_best(dataset: str, lr: float = 0.01) -> str:
    """The catalogue key of ``COMPARED`` with the lowest final loss."""
    result = _compared(lr)
    return min(COMPARED, key=lambda key: result.loss[dataset, key][-1])


@cache
def values_hash() -> str:
    """The values' cache key: this file, the course_code it imports, and the
    versions of NumPy and SciPy."""
    import scipy

    versions = f"# numpy {np.__version__} scipy {scipy.__version__}"
    return dependency_hash(Path(__file__), versions)


@cache
def kept() -> KeptValues:
    """The values earlier builds computed, for this ``values_hash``."""
    store = KeptValues(CACHE / "values" / f"{values_hash()}.json")
    store.prune()
    return store


def call(name: str, words: list[str]):
    """``VALUES[name]`` applied to the placeholder's argument ``words``.

    Kept on disk (``.cache/course/values/<values_hash()>.json``): a warm
    build computes no value and imports none of the modules they need.
    """
    return kept().value(json.dumps([name, words]), lambda: _compute(name, words))


def _compute(name: str, words: list[str]):
    if name not in VALUES:
        known = ", ".join(sorted(VALUES))
        raise KeyError(f"no value named {name!r} in hooks/_values.py; known: {known}")
    args, kwargs = [], {}
    for word in words:
        key, equals, text = word.partition("=")
        if equals and key.isidentifier():
            kwargs[key] = _literal(text)
        else:
            args.append(_literal(word))
    return VALUES[name](*args, **kwargs)


def _literal(word: str):
    """A number if ``word`` is one, else the word itself."""
    try:
        number = float(word)
    except ValueError:
        return word
    if math.isfinite(number) and number == int(number) and "." not in word:
        return int(word.replace("_", ""))
    return number

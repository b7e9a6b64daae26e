"""Measure the error of every activation and derivative in ULP of the exact value.

The rule, for a function ``f`` evaluated at a float ``x`` of dtype ``T``::

    |computed - exact| <= 4 ulp(exact) + |x f'(x)| eps

``ulp(exact)`` is the spacing of ``T`` at the exact value rounded to ``T``
(the smallest subnormal at 0 and below it), ``eps = np.finfo(T).eps``.  The
second term allows for rounding ``x`` itself, as any formula that first
computes ``2x`` or ``x/alpha`` must: it is the condition number of ``f`` at
``x``.  For a derivative ``f_grad`` the allowance uses ``f''``.  An exact value
beyond the largest finite number must come out infinite, and one below half
the smallest subnormal may come out as zero, as the 4 ULP rule allows.

Run ``python -m tests.accuracy_report`` for the table of worst errors.

Examples
--------
>>> m = measure("sigmoid", np.float64, "f")
>>> m.label, m.dtype.name, bool(m.worst_error < 4)
('sigmoid', 'float64', True)
"""

from __future__ import annotations

import functools
import warnings
from typing import NamedTuple

import mpmath_reference as ref
import numpy as np

from course_code.activations import ACTIVATIONS

#: The dtypes measured, and the bound on the error beyond the allowance.
DTYPES = (np.dtype(np.float64), np.dtype(np.float32))
MAX_ULPS = 4.0
KINDS = ("f", "grad")
NAMES = ref.NAMES

#: |x| of inputs where exp, its overflow and underflow thresholds, or the
#: range of the dtype make implementations take a different path.
EXTREMES = (88.0, 89.0, 104.0, 710.0, 745.0, 800.0, 1e4, 3e38, 1e300)
#: Kinks of the piecewise functions: relu 0, relu6 6, hardsigmoid and
#: hardswish +-3, hardtanh +-1, the shrinks +-lambda.
KINKS = (0.0, 0.5, -0.5, 1.0, -1.0, 3.0, -3.0, 6.0)
#: Minima of smooth activations (roots of f'), found by mpmath near these.
MINIMA = {"gelu": -0.75, "gelu_tanh": -0.75, "silu": -1.28, "mish": -1.19}


# --- the inputs ---------------------------------------------------------------


def _neighbours(values, dtype, steps=1):
    """``values`` and the floats ``steps`` ulps either side, in ``dtype``."""
    v = np.asarray(values, dtype=dtype)
    out = [v]
    for direction in (-np.inf, np.inf):
        w = v
        for _ in range(steps):
            w = np.nextafter(w, np.asarray(direction, dtype=dtype))
            out.append(w)
    return np.concatenate(out)


def special_points(dtype):
    """Extremes, tiny numbers, kinks and minima, for one dtype.

    >>> pts = special_points(np.float32)
    >>> bool(np.isin(np.float32(-3e38), pts)), bool(np.isfinite(pts).all())
    (True, True)
    """
    dtype = np.dtype(dtype)
    info = np.finfo(dtype)
    with np.errstate(over="ignore"):
        extremes = np.array(EXTREMES, dtype=dtype)
    extremes = extremes[np.isfinite(extremes)]
    tiny = np.array([info.smallest_subnormal, info.smallest_normal, info.max])
    minima = [float(ref.grad_root(n, guess)) for n, guess in MINIMA.items()]
    parts = [
        extremes,
        -extremes,
        np.array([0.0, -0.0], dtype=dtype),
        np.concatenate([tiny, -tiny]).astype(dtype),
        _neighbours(KINKS, dtype),
        _neighbours(minima, dtype, steps=2),
    ]
    return np.concatenate([p.astype(dtype) for p in parts])


@functools.cache
def points(dtype):
    """The inputs of the accuracy test: a grid on [-50, 50], special points,
    and 3000 seeded random points between the grid's points, most of them in
    [-6, 3] where the activations curve and the stable formulas switch.

    Returns sorted float64 values that are all exactly of ``dtype``.

    >>> points(np.float64).size > 23_000
    True
    """
    dtype = np.dtype(dtype)
    grid = np.linspace(-50.0, 50.0, 20_001).astype(dtype)
    rng = np.random.default_rng(20_001)
    off_grid = np.concatenate([rng.uniform(-6, 3, 2000), rng.uniform(-50, 50, 1000)])
    parts = [grid, off_grid.astype(dtype), special_points(dtype)]
    xs = np.unique(np.concatenate(parts)).astype(np.float64)
    xs.flags.writeable = False
    return xs


# --- one measurement ----------------------------------------------------------


def call(name, kind, x):
    """Evaluate ``name`` (``kind`` "f") or its derivative ("grad") at ``x``.

    Returns the result and the messages of any warnings it emitted.
    """
    entry = ACTIVATIONS[name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = entry(x) if kind == "f" else entry.grad_at(x)
    return y, [f"{w.category.__name__}: {w.message}" for w in caught]


def label(name, kind):
    """``"gelu"`` or ``"gelu_grad"``: how a person would call it."""
    return name if kind == "f" else f"{name}_grad"


class Measurement(NamedTuple):
    """Errors of one function in one dtype at every point of :func:`points`."""

    name: str
    kind: str
    dtype: np.dtype
    x: np.ndarray
    got: np.ndarray  #: the computed values, widened to float64
    expected: np.ndarray  #: the exact values rounded to ``dtype``
    error: np.ndarray  #: |got - exact| in ULP of the exact value
    allowance: np.ndarray  #: |x f'(x)| eps in the same ULP
    got_dtype: np.dtype
    warnings: list

    @property
    def label(self):
        return label(self.name, self.kind)

    @property
    def excess(self):
        """Error beyond the allowance for rounding ``x``: must be <= 4."""
        return self.error - self.allowance

    @property
    def failed(self):
        return ~(self.excess <= MAX_ULPS)  # NaN counts as a failure

    @property
    def worst_error(self):
        return float(np.max(self.error))

    @property
    def worst_excess(self):
        return float(np.max(self.excess))


def _ulp_errors(got, table, kind):
    """|got - exact| / ulp(exact); 0 or inf where the exact value overflows."""
    if kind == "f":
        value, ulp, residual = table.value, table.value_ulp, table.value_residual
    else:
        value, ulp, residual = table.grad, table.grad_ulp, table.grad_residual
    with np.errstate(over="ignore", invalid="ignore"):
        error = np.abs((got - value) / ulp - residual)
    overflow = np.isinf(value)
    error[overflow] = np.where(got[overflow] == value[overflow], 0.0, np.inf)
    error[np.isnan(error)] = np.inf
    return value, ulp, error


@functools.cache
def measure(name, dtype, kind):
    """Measure ``name`` (or its derivative) in ``dtype`` at every test point.

    The exact values are computed once per process (see
    :func:`mpmath_reference.evaluate`); the measurement is cached too.
    """
    dtype = np.dtype(dtype)
    xs = points(dtype)
    table = ref.evaluate(name, xs, dtype)
    got, messages = call(name, kind, xs.astype(dtype))
    got = np.asarray(got)
    expected, ulp, error = _ulp_errors(got.astype(np.float64), table, kind)
    sensitivity = table.slope if kind == "f" else table.curvature
    with np.errstate(over="ignore"):
        allowance = sensitivity * float(np.finfo(dtype).eps) / ulp
    return Measurement(
        name=name,
        kind=kind,
        dtype=dtype,
        x=xs,
        got=got.astype(np.float64),
        expected=expected,
        error=error,
        allowance=allowance,
        got_dtype=got.dtype,
        warnings=messages,
    )


# --- reporting ----------------------------------------------------------------


def warning_points(name, kind, dtype):
    """The special points at which ``name`` (or its derivative) warns alone.

    Returns a list of ``(x, messages)``; empty if only whole arrays warn.
    """
    found = []
    for x in np.unique(special_points(dtype)):
        _, messages = call(name, kind, np.array([x], dtype=dtype))
        if messages:
            found.append((x, sorted(set(messages))))
    return found


def describe_point(m, i):
    """One line: x, what came back, what was expected, the error in ULP."""
    x = m.dtype.type(m.x[i])
    return (
        f"x={x!r}: got {m.dtype.type(m.got[i])!r}, expected "
        f"{m.dtype.type(m.expected[i])!r} (exact rounded to {m.dtype.name}), "
        f"error {m.error[i]:.3g} ULP, allowance {m.allowance[i]:.3g} ULP"
    )


def failure_report(m, limit=5):
    """A message naming the function, dtype, worst ULP and the failing points."""
    bad = np.flatnonzero(m.failed)
    order = bad[np.argsort(-m.excess[bad], kind="stable")][:limit]
    lines = [
        f"{m.label} in {m.dtype.name}: {bad.size} of {m.x.size} points exceed "
        f"{MAX_ULPS:g} ULP + allowance; worst ULP {m.worst_error:.3g}, "
        f"worst excess over allowance {m.worst_excess:.3g}",
        *(f"  {describe_point(m, i)}" for i in order),
    ]
    return "\n".join(lines)


class Row(NamedTuple):
    """One line of the worst-ULP table."""

    function: str
    dtype: str
    worst_ulp: float
    at_x: float
    worst_excess: float
    excess_at_x: float
    failures: int


def worst_ulp_table(names=NAMES, dtypes=DTYPES, kinds=KINDS):
    """Return one :class:`Row` per function, derivative and dtype.

    ``worst_ulp`` is the largest error in ULP at any test point;
    ``worst_excess`` the largest error beyond the allowance for rounding ``x``
    (the test requires it to be at most 4).
    """
    rows = []
    for name in names:
        for kind in kinds:
            for dtype in dtypes:
                m = measure(name, dtype, kind)
                i, j = int(np.argmax(m.error)), int(np.argmax(m.excess))
                rows.append(
                    Row(
                        function=m.label,
                        dtype=m.dtype.name,
                        worst_ulp=m.worst_error,
                        at_x=float(m.x[i]),
                        worst_excess=m.worst_excess,
                        excess_at_x=float(m.x[j]),
                        failures=int(m.failed.sum()),
                    )
                )
    return rows


def format_table(rows):
    """Format :func:`worst_ulp_table` rows as a Markdown table."""
    lines = [
        "| function | dtype | worst ULP | at x | excess over allowance | at x "
        "| points over 4 |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        at_x = f"{r.at_x:.6g}" if r.worst_ulp > 0 else "-"
        excess_at_x = f"{r.excess_at_x:.6g}" if r.worst_excess > 0 else "-"
        lines.append(
            f"| {r.function} | {r.dtype} | {r.worst_ulp:.3g} | {at_x} "
            f"| {r.worst_excess:.3g} | {excess_at_x} | {r.failures} |"
        )
    return "\n".join(lines)

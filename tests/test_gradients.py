"""Every derivative agrees with central finite differences of its function.

The accuracy tests compare each ``f_grad`` with the exact derivative; these
tests check, independently of mpmath, that ``f_grad`` is the derivative of
``f`` *as implemented*, for the default parameters and for others, and that
the functions of a whole axis (softmax, log-softmax, GLU) have the Jacobian
the course derives.

A central difference with step $h = \\varepsilon^{1/3} \\max(1, |x|)$ has a
truncation error of about $h^2 |f'''| / 6$ and a rounding error of about
$\\varepsilon |f| / h$.  Points closer than $4h$ to a kink are left out.
"""

import numpy as np
import pytest

from course_code import activations as A
from course_code.activations import ACTIVATIONS

EPS = np.finfo(np.float64).eps
RTOL = 1e-6


def _kinks(name, params):
    """Where ``name`` (with ``params``) or its derivative is not smooth."""
    lam = params.get("lambd", 0.5)
    kinks = {
        "relu6": [0.0, 6.0],
        "hardsigmoid": [-3.0, 3.0],
        "hardswish": [-3.0, 3.0],
        "hardtanh": [params.get("min_val", -1.0), params.get("max_val", 1.0)],
        "softshrink": [-lam, lam],
        "hardshrink": [-lam, lam],
    }
    smooth = {"sigmoid", "tanh", "gelu", "silu", "mish", "softplus", "logsigmoid"}
    if name in smooth or name in ("tanhshrink",):
        return []
    return kinks.get(name, [0.0])


# (catalogue name, function parameters): the defaults, then other values.
CASES = [(name, dict(e.params)) for name, e in ACTIVATIONS.items() if e.elementwise]
CASES += [
    ("leaky_relu", {"negative_slope": 0.2}),
    ("elu", {"alpha": 2.0}),
    ("elu", {"alpha": 0.5}),
    ("celu", {"alpha": 0.5}),
    ("celu", {"alpha": 3.0}),
    ("softplus", {"beta": 2.0}),
    ("softplus", {"beta": 0.25}),
    ("hardtanh", {"min_val": -2.0, "max_val": 3.0}),
    ("softshrink", {"lambd": 1.5}),
    ("hardshrink", {"lambd": 0.3}),
]
IDS = [
    name + "".join(f"-{k}={v}" for k, v in p.items() if k != "approximate")
    for name, p in CASES
]


def inputs():
    """A grid on [-12, 12] and seeded random points on [-40, 40] and near 0."""
    rng = np.random.default_rng(20240611)
    return np.concatenate(
        [
            np.linspace(-12.0, 12.0, 2401),
            rng.uniform(-40.0, 40.0, 400),
            rng.normal(0.0, 2.0, 400),
        ]
    )


def central_difference(f, x):
    """(f(x + h) - f(x - h)) / (2h), and a bound on its error.

    The bound adds the rounding error, 64 eps |f| / h, and twice the
    truncation error h^2 |f3| / 6, with the third derivative f3 estimated by
    a third difference of f.  (In GELU's left tail f3 / f' grows like x^4.)
    """
    h = np.cbrt(EPS) * np.maximum(1.0, np.abs(x))
    up, down = x + h, x - h
    h = (up - down) / 2  # the step actually taken
    f_up, f_down, f_2up, f_2down = f(up), f(down), f(x + 2 * h), f(x - 2 * h)
    size = np.max(np.abs([f_up, f_down, f_2up, f_2down]), axis=0)
    third = (f_2up - 2 * f_up + 2 * f_down - f_2down) / (2 * h**3)
    error = 64 * EPS * size / h + np.abs(third) * h**2 / 3
    return (f_up - f_down) / (2 * h), error, h


def _describe(label, x, got, fd, tol):
    worst = np.argsort(-(np.abs(got - fd) / tol))[:5]
    lines = [f"{label}: {np.sum(np.abs(got - fd) > tol)} of {x.size} points differ"]
    lines += [
        f"  x={x[i]!r}: {label}(x)={got[i]!r}, central difference {fd[i]!r}"
        for i in worst
    ]
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_derivative_matches_central_difference(name, params):
    entry = ACTIVATIONS[name]
    x = inputs()
    fd, fd_error, h = central_difference(lambda t: entry.fn(t, **params), x)
    away = np.ones(x.shape, dtype=bool)
    for kink in _kinks(name, params):
        away &= np.abs(x - kink) > 4 * h
    x, fd, fd_error = x[away], fd[away], fd_error[away]
    got = entry.grad(x, **params)
    tol = RTOL * np.abs(got) + fd_error + 1e-300
    label = f"{name}_grad({', '.join(f'{k}={v!r}' for k, v in params.items())})"
    if not np.all(np.abs(got - fd) <= tol):
        pytest.fail(_describe(label, x, got, fd, tol), pytrace=False)


# --- functions of a whole axis: Jacobian-vector products ----------------------


def jvp_central(f, x, v):
    """Directional derivative of ``f`` at ``x`` along ``v``, by central difference."""
    h = np.cbrt(EPS)
    return (f(x + h * v) - f(x - h * v)) / (2 * h)


def _rows(shape, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 3.0, shape), rng.normal(0.0, 1.0, shape)


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_jacobian(axis):
    # d softmax(x) . v = s * (v - <s, v>) along the axis.
    x, v = _rows((4, 6, 3), seed=1)
    s = A.softmax(x, axis=axis)
    expected = s * (v - np.sum(s * v, axis=axis, keepdims=True))
    got = jvp_central(lambda t: A.softmax(t, axis=axis), x, v)
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=1e-9)


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_log_softmax_jacobian(axis):
    # d log_softmax(x) . v = v - <softmax(x), v> along the axis.
    x, v = _rows((4, 6, 3), seed=2)
    s = A.softmax(x, axis=axis)
    expected = v - np.sum(s * v, axis=axis, keepdims=True)
    got = jvp_central(lambda t: A.log_softmax(t, axis=axis), x, v)
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=1e-9)


@pytest.mark.parametrize("axis", [-1, 0])
def test_glu_jacobian(axis):
    # glu = a sigma(b):  d glu . (da, db) = da sigma(b) + a sigma'(b) db.
    x, v = _rows((6, 8), seed=3)
    a, b = np.split(x, 2, axis=axis)
    da, db = np.split(v, 2, axis=axis)
    expected = da * A.sigmoid(b) + a * A.sigmoid_grad(b) * db
    got = jvp_central(lambda t: A.glu(t, axis=axis), x, v)
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=1e-9)

"""Cross-check :mod:`course_code.activations` against PyTorch 2.13 on the CPU.

Two halves.

1. **Agreement.**  On a grid that covers every piece of every function (the
   kinks at 0, ±0.5, ±1, ±3 and 6, tiny and huge magnitudes, ±inf and NaN),
   our value and derivative agree with ``torch.nn.functional`` and
   ``torch.autograd`` to a few units in the last place (ULP), in float64 and
   float32, including PyTorch's choice of derivative at each kink.
2. **Documented differences.**  Where PyTorch is not right, we differ on
   purpose.  ``DIFFERENCES`` lists every such place with its reason, and each
   row is a test of both halves of the claim: PyTorch really returns what the
   row says (so the table is corrected when PyTorch changes), and we return
   the exact value, computed with mpmath or known in closed form.

The agreement grid leaves out exactly the regions that ``DIFFERENCES``
documents, so a new disagreement cannot hide: it fails until it is fixed or
documented.  Without PyTorch these tests are skipped, except under CI
(``CI=true``), where a missing PyTorch is a failure.
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass

import mpmath_reference as ref
import numpy as np
import pytest
from optional import TORCH_INSTALL, import_optional

from course_code import activations


class _LazyTorch:
    """PyTorch, imported by the first test that uses it, not at collection.

    Collecting this file then costs nothing when ``-m "not torch"`` leaves
    its tests out; a missing torch skips each test (fails it under CI).
    """

    def __getattr__(self, name):
        # pytest looks for fixture markers on every name of the module during
        # collection (``__wrapped__``, ``_pytestfixturefunction``...): those
        # are not torch's, and looking them up must not import it.
        if name.startswith("_") and name != "__version__":
            raise AttributeError(name)
        return getattr(import_optional("torch", TORCH_INSTALL), name)


torch = _LazyTorch()
pytestmark = pytest.mark.torch

INF = math.inf
NAN = math.nan
F64, F32 = "float64", "float32"
BOTH = (F64, F32)

#: Our value and PyTorch's may differ by this many ULP where PyTorch is right.
AGREE_ULPS = 8
#: Our value may differ from the exact value by this many ULP (plus the
#: allowance of test_accuracy.py for rounding x).
EXACT_ULPS = 4


# ---------------------------------------------------------------------------
# How a row of the table states what PyTorch returns.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """What PyTorch returns at a row's points, checked against the exact value."""

    text: str
    kind: str  # "returns", "nan", "number", "input", "off_by", "off_by_somewhere"
    value: float = NAN
    short: bool = False  # checked on one-element tensors, not vectorised ones

    def holds(self, got, x, exact, dtype):
        """Whether the claim holds for PyTorch's values ``got``, as a bool."""
        if self.kind == "returns":
            return bool(np.all(got == self.value))
        if self.kind == "nan":
            return bool(np.all(np.isnan(got)))
        if self.kind == "number":
            return bool(np.all(np.isfinite(got)))
        if self.kind == "input":
            return bool(np.all(got == x))
        errors = ulp_error(got, exact, dtype)
        if self.kind == "off_by":
            return bool(np.all(errors >= self.value))
        return bool(np.any(errors >= self.value))

    def __str__(self):
        return self.text


def returns(value):
    return Claim(f"returns {value!r}", "returns", value)


RETURNS_NAN = Claim("returns NaN", "nan")
RETURNS_A_NUMBER = Claim("returns a number, not NaN", "number")
RETURNS_A_NUMBER_WHEN_SHORT = Claim(
    "returns a number, not NaN, on a one-element tensor", "number", short=True
)
RETURNS_X = Claim("returns x itself", "input")


def off_by(ulps):
    return Claim(f"is off by at least {ulps:g} ULP at every point", "off_by", ulps)


def off_by_somewhere(ulps):
    return Claim(f"is off by at least {ulps:g} ULP somewhere", "off_by_somewhere", ulps)


def between(lo, hi, num):
    """``num`` evenly spaced points of [lo, hi], as a tuple for the table."""
    return tuple(np.linspace(lo, hi, num).tolist())


@dataclass(frozen=True)
class Difference:
    """One place where we deliberately differ from PyTorch, and why."""

    name: str  # key of activations.ACTIVATIONS
    of: str  # "value" or "derivative"
    dtypes: tuple[str, ...]
    x: tuple[float, ...]  # where the claim is checked
    torch: Claim
    reason: str
    region: tuple[tuple[float, float], ...] = ()  # left out of the agreement grid
    exact: tuple[float, ...] | None = None  # else computed with mpmath
    # PyTorch picks its vectorised kernel by the CPU (AVX-512 or AVX2): where
    # only one of them has the flaw, the other may return the exact value.
    cpu_dependent: bool = False

    @property
    def id(self):
        return f"{self.name}-{self.of}-{'/'.join(f'{v:g}' for v in self.x[:2])}"


NEG = (-INF, -1.5)  # regions, for readability below
POS = (1.5, INF)
PIECEWISE = (
    "relu",
    "relu6",
    "leaky_relu",
    "prelu",
    "rrelu",
    "hardsigmoid",
    "hardtanh",
    "softshrink",
    "hardshrink",
)

# ---------------------------------------------------------------------------
# The table: every place where we deliberately differ from PyTorch 2.13.
# ---------------------------------------------------------------------------

DIFFERENCES = [
    # --- limits at ±inf: PyTorch's formula meets ∞·0 or ∞/∞ ----------------
    *(
        Difference(
            name, "value", BOTH, (-INF,), RETURNS_NAN, exact=(0.0,),
            reason=f"{name}(−∞): the formula gives −∞·0 = NaN; the limit is 0",
        )
        for name in ("gelu", "gelu_tanh", "silu", "mish", "hardswish")
    ),
    *(
        Difference(
            name, "derivative", BOTH, (-INF, INF), RETURNS_NAN, exact=(0.0, 1.0),
            reason="∞·0 in the derivative's formula; the limits are 0 and 1",
        )
        for name in ("gelu", "gelu_tanh", "silu", "mish")
    ),
    Difference(
        "gelu", "value", (F32,), (INF,), RETURNS_NAN, exact=(INF,),
        reason="float32: the AVX-512 kernel gives gelu(+∞) = NaN",
        cpu_dependent=True,
    ),
    Difference(
        "softsign", "value", BOTH, (-INF, INF), RETURNS_NAN, exact=(-1.0, 1.0),
        reason="x / (1 + |x|) is ∞/∞ at ±∞; the limits are ±1",
    ),
    Difference(
        "softsign", "derivative", BOTH, (-INF, INF), RETURNS_NAN, exact=(0.0, 0.0),
        reason="autograd of x / (1 + |x|) meets ∞/∞; the limit is 0",
    ),
    Difference(
        "gelu_tanh", "derivative", (F64,), (-1e155, 1e155, 1e300), RETURNS_NAN,
        exact=(0.0, 1.0, 1.0), region=((-INF, -1.3e154), (1.3e154, INF)),
        reason="x² overflows for |x| > 1.3e154 and (1 − tanh²)·∞ is NaN",
    ),
    Difference(
        "gelu_tanh", "derivative", (F32,), (-1e20, 1e20, 1e30), RETURNS_NAN,
        exact=(0.0, 1.0, 1.0), region=((-INF, -1.8e19), (1.8e19, INF)),
        reason="float32: x² overflows for |x| > 1.8e19 and (1 − tanh²)·∞ is NaN",
    ),
    # --- NaN in, a number out ---------------------------------------------
    *(
        Difference(
            name, "derivative", BOTH, (NAN,), RETURNS_A_NUMBER, exact=(NAN,),
            reason="the backward kernel tests x > 0 (or similar), which is "
            "False for NaN; NaN in should give NaN out",
        )
        for name in PIECEWISE
    ),
    *(
        Difference(
            name, "derivative", BOTH, (NAN,), RETURNS_A_NUMBER_WHEN_SHORT,
            exact=(NAN,),
            reason="the scalar code path (tensors shorter than a SIMD vector) "
            "turns NaN into a number",
        )
        for name in ("elu", "selu", "celu", "hardswish")
    ),
    # --- shortcuts ----------------------------------------------------------
    Difference(
        "softplus", "value", (F64,), (20.0000001, 20.5, 25.0), RETURNS_X,
        region=((20.0, 37.0),),
        reason="threshold=20: for βx > 20 PyTorch returns x, dropping "
        "log1p(e^−x) ≈ 2e−9 (5.8e5 ULP just above 20)",
    ),
    Difference(
        "softplus", "derivative", (F64,), (20.5, 25.0, 30.0), returns(1.0),
        region=((20.0, 37.0),),
        reason="threshold=20: PyTorch returns 1 where σ(x) = 1 − e^−x is still < 1",
    ),
    # --- overflow in an intermediate result --------------------------------
    Difference(
        "hardswish", "value", (F64,), (3.1e307, 1e308, 1.7976931348623157e308),
        returns(INF), region=((2.99e307, 1.8e308),),
        reason="x·(x + 3) overflows for x > 3e307 before the division by 6",
    ),
    Difference(
        "hardswish", "value", (F32,), (6e37, 1e38, 3.4028235e38),
        returns(INF), region=((5.6e37, 3.5e38),),
        reason="float32: x·(x + 3) overflows for x > 5.7e37 before the division by 6",
    ),
    Difference(
        "gelu", "value", (F32,), (1.8e38, 3.4028235e38), returns(INF),
        region=((1.7e38, 3.5e38),),
        reason="float32, AVX-512: x·(1 + erf) overflows for x > 1.7e38 before halving",
        cpu_dependent=True,
    ),
    Difference(
        "hardsigmoid", "derivative", (F64,), (-2.5, 0.0, 1.0),
        returns(float(np.float32(1 / 6))), region=((-3.0, 3.0),),
        reason="float64: the slope is 1/6 rounded to float32, 0.1666666716…",
    ),
    # --- cancellation: PyTorch subtracts nearly equal numbers ---------------
    Difference(
        "sigmoid", "derivative", BOTH, (10.0, 20.0, 40.0), off_by(1000),
        region=(POS,),
        reason="σ(1 − σ) from the saved output: 1 − σ cancels for x > 0 "
        "(error ≈ ε·eˣ), 0 from x ≈ 37 (float32: 17)",
    ),
    Difference(
        "tanh", "derivative", BOTH, (-20.0, -5.0, 5.0, 20.0), off_by(100),
        region=(NEG, POS),
        reason="1 − y² from the saved output y = tanh x cancels for large |x| "
        "(error ≈ ε·e^{2|x|}), 0 from |x| ≈ 19 (float32: 9)",
    ),
    Difference(
        "gelu", "value", BOTH, (-5.0, -8.0, -10.0), off_by(100),
        region=((-INF, -1.25),),
        reason="½x(1 + erf(x/√2)): 1 + erf cancels for x < 0; float32 is 4 % "
        "off at −5 and 0 from −5.6, float64 0 from −9.6",
    ),
    Difference(
        "gelu", "derivative", (F64,), (*between(-0.76, -0.74, 21), -5.0, -10.0),
        off_by_somewhere(100), region=((-INF, -0.6),),
        reason="Φ(x) + xφ(x) cancels near its root x ≈ −0.7518 and in the "
        "left tail",
    ),
    Difference(
        "gelu", "derivative", (F32,), (*between(-0.76, -0.74, 21), -5.0, -10.0),
        off_by_somewhere(100), region=((-INF, -0.3),),
        reason="float32: as in float64, and it loses digits from x ≈ −0.3 on",
    ),
    Difference(
        "gelu_tanh", "value", BOTH, (-5.0, -9.0), off_by(100),
        region=((-INF, -1.25),),
        reason="½x(1 + tanh u) cancels for x < 0; 0 from x ≈ −9.7 (float32: −5.5)",
    ),
    Difference(
        "gelu_tanh", "derivative", BOTH, (*between(-0.76, -0.74, 21), -3.0, -9.0),
        off_by_somewhere(100), region=((-INF, -0.6),),
        reason="its formula cancels near the root x ≈ −0.7517 and in the left tail",
    ),
    Difference(
        "gelu_tanh", "derivative", (F64,), between(6.7, 7.3, 61), off_by_somewhere(8),
        region=((3.0, 8.0),),
        reason="½x(1 − tanh²u)u′ takes 1 − tanh²u from tanh u: up to ~20 ULP",
    ),
    Difference(
        "gelu_tanh", "derivative", (F32,), between(4.8, 5.3, 51), off_by_somewhere(4),
        region=((3.0, 8.0),),
        reason="float32: 1 if tanh u rounds to 1, though the exact value is 1 + 9 ULP",
    ),
    Difference(
        "silu", "derivative", BOTH, between(-1.3, -1.26, 41), off_by_somewhere(30),
        region=((-1.45, -1.1),),
        reason="σ(x)(1 + x(1 − σ(x))) cancels near its root x ≈ −1.2785",
    ),
    Difference(
        "silu", "derivative", (F64,), between(10.0, 38.0, 281), off_by_somewhere(8),
        region=((7.0, 40.0),),
        reason="1 − σ(x) cancels for large x: up to ~17 ULP",
    ),
    Difference(
        "mish", "derivative", BOTH, between(-1.25, -1.15, 41), off_by_somewhere(30),
        region=((-1.5, -0.9),),
        reason="tanh(sp) + x·σ(x)·(1 − tanh²(sp)) cancels near its root x ≈ −1.1924",
    ),
    Difference(
        "softsign", "derivative", BOTH, (-1e3, 1e3, 1e5, 1e10, 1e20), off_by(100),
        region=((-INF, -3.0), (3.0, INF)),
        reason="autograd of the quotient: 1/(1+|x|) − |x|/(1+|x|)² cancels "
        "(error ≈ |x|·ε), 0 for huge |x|",
    ),
    Difference(
        "tanhshrink", "value", BOTH, (-1e-3, 1e-8, 0.01, 0.05), off_by(30),
        region=((-0.5, 0.5),),
        reason="x − tanh x cancels near 0 (error ≈ ε/x²); 0 for tiny x",
    ),
    Difference(
        "tanhshrink", "derivative", BOTH, (-1e-3, 1e-8, 0.01, 0.05), off_by(30),
        region=((-0.25, 0.25),),
        reason="autograd computes 1 − (1 − tanh²x), which cancels near 0",
    ),
    Difference(
        "hardswish", "derivative", BOTH, between(-1.6, -1.4, 41), off_by_somewhere(8),
        region=((-2.0, -1.0),),
        reason="x/3 + 1/2 cancels near the root x = −1.5; (2x + 3)/6 does not",
    ),
    # --- float32 subnormal results ------------------------------------------
    *(
        Difference(
            name, of, (F32,), (-100.0, -103.0) if name == "mish" else (-95.0, -100.0),
            off_by(8), region=((-115.0, -80.0),),
            reason="float32 results below 1.2e−38 are subnormal; PyTorch's "
            "float32 kernel loses them (0, or the wrong sign)",
        )
        for name in ("sigmoid", "silu", "mish")
        for of in ("value", "derivative")
    ),
    # --- functions of a whole axis -----------------------------------------
    Difference(
        "softmax", "value", BOTH, (INF, 1.0, 2.0), RETURNS_NAN,
        exact=(1.0, 0.0, 0.0),
        reason="x − max(x) is ∞ − ∞ = NaN; the limit puts all weight on +∞",
    ),
    Difference(
        "softmax", "value", BOTH, (INF, INF, 1.0), RETURNS_NAN,
        exact=(0.5, 0.5, 0.0),
        reason="two +∞ entries share the probability in the limit",
    ),
    Difference(
        "log_softmax", "value", BOTH, (INF, 1.0, 2.0), RETURNS_NAN,
        exact=(0.0, -INF, -INF),
        reason="x − max(x) is ∞ − ∞ = NaN; the limit is 0 and −∞",
    ),
]  # fmt: skip

#: PyTorch parameters that ours deliberately lack, and why.
TORCH_ONLY_PARAMETERS = {
    "inplace": "our functions never write to their input",
    "threshold": "softplus is exact at every x (see DIFFERENCES)",
    "_stacklevel": "internal to PyTorch's warnings",
    "dtype": "ours returns the input's dtype",
    "device": "NumPy arrays live in host memory",
    "num_parameters": "nn.PReLU's per-channel slopes; our prelu has one slope",
}
#: Parameters whose defaults deliberately differ, and why.
DIFFERENT_DEFAULTS = {
    ("softmax", "axis"): "PyTorch's dim=None guesses an axis from ndim (and "
    "warns); ours is always the last axis",
    ("log_softmax", "axis"): "as for softmax",
}
#: Our parameters that PyTorch's function lacks, and why.
OWN_PARAMETERS = {
    ("rrelu", "rng"): "PyTorch draws from its global generator; ours is seeded",
}
#: NumPy's name for a PyTorch parameter.
RENAMED = {"dim": "axis", "init": "weight"}  # nn.PReLU(init=0.25)


# ---------------------------------------------------------------------------
# Exact values: mpmath_reference.py, as for the accuracy tests.
# ---------------------------------------------------------------------------


def exact_values(row, x, dtype):
    """The exact values at ``x`` rounded to ``dtype``, and the ULP we may be off.

    As in ``test_accuracy.py``: 4 ULP, plus |x f'(x)| eps for rounding x itself
    (with f'' for a derivative).  Rows with an ``exact`` column (limits at
    ±inf, NaN, functions of an axis) must be matched to 4 ULP.
    """
    if row.exact is not None:
        return np.array(row.exact, dtype=np.float64), np.full(x.shape, EXACT_ULPS)
    table = ref.evaluate(row.name, x.astype(np.float64), dtype)
    if row.of == "value":
        value, ulp, sensitivity = table.value, table.value_ulp, table.slope
    else:
        value, ulp, sensitivity = table.grad, table.grad_ulp, table.curvature
    return value, EXACT_ULPS + sensitivity * float(np.finfo(dtype).eps) / ulp


# ---------------------------------------------------------------------------
# Evaluating both sides.
# ---------------------------------------------------------------------------

ENTRIES = activations.ACTIVATIONS
ELEMENTWISE = [name for name, entry in ENTRIES.items() if entry.grad is not None]
#: GeGLU is left out: its gate is GELU, whose differences from PyTorch's
#: (zero tails, NaN at -inf) are in DIFFERENCES; test_identities checks
#: that geglu is a * gelu(b) with our GELU.
AXIS_FUNCTIONS = [
    name for name, entry in ENTRIES.items() if entry.grad is None and name != "geglu"
]


def torch_function(name):
    """PyTorch's function for a catalogue entry, and its keyword arguments."""
    entry = ENTRIES[name]
    if name == "prelu":  # PyTorch's weight is a tensor of slopes
        return _torch_prelu, dict(entry.params)
    if name in COMPOSED:
        return COMPOSED[name], {}
    torch_name = "gelu" if name == "gelu_tanh" else name
    return getattr(torch.nn.functional, torch_name), dict(entry.params)


def _torch_prelu(t, weight):
    return torch.nn.functional.prelu(t, torch.tensor([weight], dtype=t.dtype))


def _gated(gate):
    def composed(t, dim):
        a, b = t.chunk(2, dim=dim)
        return a * getattr(torch.nn.functional, gate)(b)

    return composed


def _torch_maxout(t, dim, pieces=2):
    dim = dim % t.ndim
    return t.unflatten(dim, (t.shape[dim] // pieces, pieces)).amax(dim=dim + 1)


#: Functions PyTorch has no name for, written from its parts as users write them.
COMPOSED = {
    "swiglu": _gated("silu"),
    "geglu": _gated("gelu"),
    "reglu": _gated("relu"),
    "maxout": _torch_maxout,
}


def ours(name, of, x, **params):
    entry = ENTRIES[name]
    f = entry.fn if of == "value" else entry.grad
    return np.asarray(f(x, **{**entry.params, **params}))


def theirs(name, of, x, *, axis=-1, **params):
    """PyTorch's value (or autograd derivative) at ``x``, as a NumPy array.

    Elementwise functions are differentiated as ``y.sum().backward()`` on a
    leaf tensor: the gradient of a sum of f(x_i) is f'(x_i).
    """
    fn, kwargs = torch_function(name)
    kwargs.update(params)
    if ENTRIES[name].grad is None:
        kwargs = {"dim": axis}
    t = torch.tensor(x, requires_grad=of == "derivative")
    y = fn(t, **kwargs)
    if of == "value":
        return y.detach().numpy()
    y.sum().backward()
    return t.grad.numpy()


def theirs_vectorised(name, of, x, dtype):
    """PyTorch at the points ``x`` inside a 16-row tensor, as a layer sees them.

    Short tensors can take PyTorch's scalar code path, which sometimes differs
    from the vectorised one that real workloads use; 16 copies of each point
    (as rows, so functions of an axis see ``x`` as one slice) use the latter.
    """
    rows = np.tile(np.asarray(x, dtype=dtype), (16, 1))
    return theirs(name, of, rows)[0]


def ulp_error(got, want, dtype):
    """|got − want| in ULP of ``dtype`` at the larger of the two; NaN-aware.

    Equal values (including equal infinities and two NaNs) are 0 ULP apart;
    a NaN against a number, or different infinities, are infinitely apart.
    The ULP never goes below the smallest subnormal number of ``dtype``.
    """
    dtype = np.dtype(dtype)
    got = np.asarray(got, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    same = (got == want) | (np.isnan(got) & np.isnan(want))
    with np.errstate(invalid="ignore", over="ignore"):
        big = np.maximum(np.abs(got), np.abs(want)).astype(dtype)
        ulp = np.spacing(big).astype(np.float64)
        ulp = np.maximum(ulp, float(np.finfo(dtype).smallest_subnormal))
        error = np.abs(got - want) / ulp
    error = np.where(np.isnan(error), np.inf, error)
    return np.where(same, 0.0, error)


def documented(name, of, dtype, x):
    """Mask of the points of ``x`` that ``DIFFERENCES`` documents for ``name``."""
    mask = np.zeros(x.shape, dtype=bool)
    wide = x.astype(np.float64)  # region bounds may exceed the float32 range
    for row in DIFFERENCES:
        if (row.name, row.of) != (name, of) or dtype not in row.dtypes:
            continue
        for lo, hi in row.region:
            mask |= (lo <= wide) & (wide <= hi)
        points = np.array(row.x, dtype=dtype)
        mask |= np.isin(x, points) | (np.isnan(x) & bool(np.isnan(points).any()))
    return mask


def describe(where, mine, their, error, limit=8):
    """The worst disagreements, one per line, for a failure message."""
    order = np.argsort(-error, kind="stable")[:limit]
    lines = [
        f"  {where(i)}: ours {mine.flat[i]!r}, PyTorch {their.flat[i]!r} "
        f"({error.flat[i]:.3g} ULP)"
        for i in order
        if error.flat[i] > AGREE_ULPS
    ]
    return "\n".join(lines)


def assert_agree(x, mine, their, dtype, what, allowance=0.0):
    """Fail unless ``mine`` and ``their`` agree to AGREE_ULPS at every point.

    ``x`` is the input of an elementwise function, or None for a function of
    an axis (the message then gives the index of the output).  ``allowance``
    is an absolute error either side may make beyond that (see below).
    """
    error = ulp_error(mine, their, dtype)
    with np.errstate(invalid="ignore"):
        within_allowance = np.abs(mine.astype(np.float64) - their) <= allowance
    bad = (error > AGREE_ULPS) & ~within_allowance
    if bad.any():
        if x is None:
            where = lambda i: f"at {np.unravel_index(i, mine.shape)}"  # noqa: E731
        else:
            where = lambda i: f"x = {x.flat[i]!r}"  # noqa: E731
        pytest.fail(
            f"{what}: ours and PyTorch {torch.__version__} differ by more than "
            f"{AGREE_ULPS} ULP at {int(bad.sum())} of {bad.size} points, and the "
            f"place is not in DIFFERENCES:\n"
            f"{describe(where, mine, their, error.ravel())}",
            pytrace=False,
        )


# ---------------------------------------------------------------------------
# 1. Agreement where PyTorch is right.
# ---------------------------------------------------------------------------

#: The kinks of the piecewise functions with their default parameters.
KINKS = (0.0, 0.5, 1.0, 3.0, 6.0)


def grid(dtype):
    """Points on every piece of every function, in ``dtype``.

    k/200 for |k| <= 2400 is exact at every kink; around each kink we add its
    neighbours in ``dtype``; then tiny and huge magnitudes, ±inf and NaN.
    """
    dtype = np.dtype(dtype)
    steps = np.arange(-2400, 2401) / 200.0
    tiny = np.logspace(-30, -1, 30)
    huge = np.array([15, 20, 25, 30, 40, 50, 100, 1e3, 1e5, 1e10, 1e20, 1e30])
    largest = [np.finfo(np.float32).max, np.finfo(np.float64).max]
    huge = np.concatenate([huge, [1e100, 1e300], largest])
    magnitudes = np.concatenate([tiny, huge])
    magnitudes = magnitudes[magnitudes <= np.finfo(dtype).max]
    kinks = np.array(KINKS + tuple(-k for k in KINKS), dtype=dtype)
    near = np.concatenate([np.nextafter(kinks, -INF), np.nextafter(kinks, INF)])
    x = np.concatenate([steps, magnitudes, -magnitudes, [-0.0, INF, -INF, NAN]]).astype(
        dtype
    )
    return np.concatenate([x, kinks, near])


@pytest.mark.parametrize("dtype", BOTH)
@pytest.mark.parametrize("of", ["value", "derivative"])
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_agrees_with_pytorch(name, of, dtype):
    x = grid(dtype)
    x = x[~documented(name, of, dtype, x)]
    mine = ours(name, of, x)
    assert mine.dtype == np.dtype(dtype)
    assert_agree(x, mine, theirs(name, of, x), dtype, f"{name} {of} ({dtype})")


#: (name, params, kinks): the same functions with other parameters.
OTHER_PARAMETERS = [
    ("leaky_relu", {"negative_slope": 0.2}, (0.0,)),
    ("leaky_relu", {"negative_slope": 0.0}, (0.0,)),
    ("elu", {"alpha": 0.5}, (0.0,)),
    ("elu", {"alpha": 2.0}, (0.0,)),
    ("celu", {"alpha": 0.5}, (0.0,)),
    ("celu", {"alpha": 3.0}, (0.0,)),
    ("softplus", {"beta": 2.0}, ()),
    ("softplus", {"beta": 0.5}, ()),
    ("hardtanh", {"min_val": -2.0, "max_val": 3.0}, (-2.0, 3.0)),
    ("hardtanh", {"min_val": 0.5, "max_val": 0.5}, (0.5,)),
    ("softshrink", {"lambd": 1.5}, (-1.5, 1.5)),
    ("softshrink", {"lambd": 0.0}, (0.0,)),
    ("hardshrink", {"lambd": 1.5}, (-1.5, 1.5)),
    ("hardshrink", {"lambd": 0.0}, (0.0,)),
]


@pytest.mark.parametrize("dtype", BOTH)
@pytest.mark.parametrize("of", ["value", "derivative"])
@pytest.mark.parametrize(
    ("name", "params", "kinks"),
    OTHER_PARAMETERS,
    ids=[
        f"{n}-{'-'.join(f'{v:g}' for v in p.values())}" for n, p, _ in OTHER_PARAMETERS
    ],
)
def test_agrees_with_pytorch_for_other_parameters(name, params, kinks, of, dtype):
    # |x| <= 8 keeps clear of the tails that DIFFERENCES documents for defaults.
    k = np.array(kinks, dtype=dtype)
    near = np.concatenate([np.nextafter(k, -INF), np.nextafter(k, INF)])
    x = np.concatenate([np.arange(-1600, 1601) / 200.0, k, near]).astype(dtype)
    mine = ours(name, of, x, **params)
    their = theirs(name, of, x, **params)
    assert_agree(x, mine, their, dtype, f"{name}({params}) {of} ({dtype})")


#: Kinks where PyTorch picks one side's derivative: (name, x).
KINK_POINTS = [
    ("relu", 0.0),
    ("relu6", 0.0),
    ("relu6", 6.0),
    ("leaky_relu", 0.0),
    ("elu", 0.0),
    ("selu", 0.0),
    ("celu", 0.0),
    ("hardtanh", -1.0),
    ("hardtanh", 1.0),
    ("hardsigmoid", -3.0),
    ("hardsigmoid", 3.0),
    ("hardswish", -3.0),
    ("hardswish", 3.0),
    ("softshrink", -0.5),
    ("softshrink", 0.5),
    ("hardshrink", -0.5),
    ("hardshrink", 0.5),
]


@pytest.mark.parametrize("dtype", BOTH)
@pytest.mark.parametrize("of", ["value", "derivative"])
@pytest.mark.parametrize(
    ("name", "x"), KINK_POINTS, ids=[f"{n}-{x:g}" for n, x in KINK_POINTS]
)
def test_kink_convention_matches_pytorch(name, x, of, dtype):
    # The grid covers these points too; this test names the convention.
    points = np.array([x, -0.0 if x == 0 else x], dtype=dtype)
    mine = ours(name, of, points)
    their = theirs(name, of, points)
    assert_agree(points, mine, their, dtype, f"{name} {of} at the kink x = {x:g}")


def _axis_inputs(dtype):
    """Random slices, slices with huge entries, and masked (-inf) entries."""
    rng = np.random.default_rng(0)
    x = 10 * rng.standard_normal((4, 6, 8))
    x[0, 0, :] = [1000, 0, -1000, 5, 5, 5, 700, -700]
    x[0, 1, :3] = -INF
    x[1, 2, :] = np.linspace(-1e-8, 1e-8, 8)
    return x.astype(dtype)


def _axis_allowance(name, x, axis, dtype):
    """Absolute error that rounding the inputs alone can cause, for each output.

    Moving every x_j by one relative ε moves log_softmax_i by up to
    (|x_i| + Σ_j p_j |x_j|) ε, and softmax_i by p_i times that: PyTorch,
    which computes x − max(x) in the input's dtype, is off by about this much
    for float32, where ours computes in float64.  The gates of GLU and its
    variants are elementwise, and maxout only compares.
    """
    if name in ("glu", "swiglu", "geglu", "reglu", "maxout"):
        return 0.0
    wide = x.astype(np.float64)
    p = np.asarray(activations.softmax(wide, axis=axis))
    magnitude = np.where(np.isinf(wide), 0.0, np.abs(wide))
    spread = magnitude + np.sum(p * magnitude, axis=axis, keepdims=True)
    scale = p if name == "softmax" else 1.0
    return 2 * spread * scale * float(np.finfo(dtype).eps)


@pytest.mark.parametrize("dtype", BOTH)
@pytest.mark.parametrize("axis", [0, 1, 2, -1])
@pytest.mark.parametrize("name", AXIS_FUNCTIONS)
def test_axis_function_agrees_with_pytorch(name, axis, dtype):
    x = _axis_inputs(dtype)
    mine = np.asarray(ENTRIES[name].fn(x, axis=axis))
    their = theirs(name, "value", x, axis=axis)
    assert mine.shape == their.shape
    assert mine.dtype == np.dtype(dtype)
    allowance = _axis_allowance(name, x, axis, dtype)
    what = f"{name} along axis {axis} ({dtype})"
    assert_agree(None, mine, their, dtype, what, allowance)


# ---------------------------------------------------------------------------
# 2. The documented differences, one test per row and dtype.
# ---------------------------------------------------------------------------

ROWS = [
    pytest.param(row, dtype, id=f"{row.id}-{dtype}")
    for row in DIFFERENCES
    for dtype in row.dtypes
]


@pytest.mark.parametrize(("row", "dtype"), ROWS)
def test_documented_difference(row, dtype):
    x = np.array(row.x, dtype=dtype)
    exact, tolerance = exact_values(row, x, dtype)
    if row.torch.short:
        their = np.concatenate(
            [theirs(row.name, row.of, x[i : i + 1]) for i in range(x.size)]
        )
    else:
        their = theirs_vectorised(row.name, row.of, x, dtype)
    exact_here = row.cpu_dependent and np.array_equal(their, exact, equal_nan=True)
    if not (row.torch.holds(their, x, exact, dtype) or exact_here):
        pytest.fail(
            f"DIFFERENCES is out of date: PyTorch {torch.__version__} no longer "
            f"{row.torch} for {row.name} {row.of} ({dtype}).\n"
            f"  x:       {x.tolist()}\n  PyTorch: {their.tolist()}\n"
            f"  exact:   {exact.tolist()}\n"
            f"  PyTorch's error (ULP): {ulp_error(their, exact, dtype).tolist()}\n"
            f"Row: {row.reason}",
            pytrace=False,
        )
    mine = ours(row.name, row.of, x)
    error = ulp_error(mine, exact, dtype)
    if not (error <= tolerance).all():
        pytest.fail(
            f"{row.name} {row.of} ({dtype}) is not exact where it differs from "
            f"PyTorch:\n  x:     {x.tolist()}\n  ours:  {mine.tolist()}\n"
            f"  exact: {exact.tolist()}\n  error (ULP): {error.tolist()}\n"
            f"  allowed (ULP): {tolerance.tolist()}",
            pytrace=False,
        )


def test_differences_table_is_well_formed():
    for row in DIFFERENCES:
        assert row.name in ENTRIES, row
        assert row.of in ("value", "derivative"), row
        assert row.of == "value" or ENTRIES[row.name].grad is not None, row
        assert set(row.dtypes) <= set(BOTH), row
        assert row.reason, row
        assert len(row.reason) <= 120, f"keep the reason short: {row.reason}"
        assert row.exact is None or len(row.exact) == len(row.x), row
        assert row.exact is not None or row.name in ref.NAMES, row
        for lo, hi in row.region:
            assert lo < hi, row
        if row.region and row.exact is None:
            # The claim is checked inside the region it leaves out.
            inside = [any(lo <= x <= hi for lo, hi in row.region) for x in row.x]
            assert all(inside), row


# ---------------------------------------------------------------------------
# 3. Default parameters.
# ---------------------------------------------------------------------------


def _defaults(signature):
    return {
        p.name: p.default
        for p in signature.parameters.values()
        if p.default is not inspect.Parameter.empty
    }


def torch_defaults(name):
    """Default parameters of torch.nn.functional.<name>.

    Builtins such as ``gelu`` and ``softplus`` have no Python signature; the
    module of the same name (``torch.nn.GELU``) declares the same defaults.
    """
    fn = getattr(torch.nn.functional, name)
    try:
        return _defaults(inspect.signature(fn))
    except ValueError:
        modules = {m.lower(): m for m in dir(torch.nn)}
        module = getattr(torch.nn, modules[name.replace("_", "")])
        return _defaults(inspect.signature(module.__init__))


FUNCTIONS = sorted({entry.fn.__name__ for entry in ENTRIES.values()} - COMPOSED.keys())


@pytest.mark.parametrize("name", FUNCTIONS)
def test_default_parameters_match_pytorch(name):
    mine = _defaults(inspect.signature(getattr(activations, name)))
    their = {RENAMED.get(k, k): v for k, v in torch_defaults(name).items()}
    for param, default in mine.items():
        if (name, param) in DIFFERENT_DEFAULTS:
            assert their.get(param) != default, f"{name}: {param} now matches"
            continue
        if (name, param) in OWN_PARAMETERS:
            assert param not in their, f"{name}: PyTorch now has {param}"
            continue
        assert param in their, f"{name}({param}=...) is not a PyTorch parameter"
        assert default == their[param], (
            f"{name}: our default {param}={default!r}, PyTorch's {their[param]!r}"
        )
    for param in their.keys() - mine.keys():
        assert param in TORCH_ONLY_PARAMETERS, (
            f"PyTorch's {name} has a parameter {param!r} that ours lacks"
        )


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_takes_the_same_parameters(name):
    entry = ENTRIES[name]
    fn, grad = inspect.signature(entry.fn), inspect.signature(entry.grad)
    assert list(fn.parameters) == list(grad.parameters)
    assert _defaults(fn) == _defaults(grad)


@pytest.mark.parametrize(
    "entry", activations.ACTIVATIONS.values(), ids=list(activations.ACTIVATIONS)
)
def test_catalogue_names_exist_in_pytorch(entry):
    # "torch.nn.functional.gelu(approximate='tanh'), torch.nn.GELU" -> two paths
    for name in entry.pytorch.split(", "):
        path = name.split("(")[0].split(".")
        assert path[0] == "torch", f"{entry.name}: {name!r} is not a torch name"
        obj = torch
        for part in path[1:]:
            assert hasattr(obj, part), f"{entry.name}: PyTorch has no {name!r}"
            obj = getattr(obj, part)

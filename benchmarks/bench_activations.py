"""Time course_code's activations and derivatives against PyTorch on one CPU core.

Run from the repository root::

    python benchmarks/bench_activations.py            # 10**6 elements, best of 15
    python benchmarks/bench_activations.py --quick    # 10**5 elements, best of 5
    python benchmarks/bench_activations.py --only gelu --only softplus

Both libraries run in this process on the same input, PyTorch limited to one
thread (NumPy's elementwise functions use one thread too).  Each time is the
best of N calls after a warm-up, measured with ``time.perf_counter``.

Input: ``3 * rng.standard_normal(n)`` with ``rng = np.random.default_rng(0)``.
Pre-activations of a layer are roughly Gaussian; a standard deviation of 3
puts a third of the points beyond ±3, so every piece of the piecewise
functions (the kinks at 0, ±0.5, ±1, ±3 and 6) is hit in an unpredictable
order, as in a real layer.

Derivatives.  Ours compute f'(x) from x.  For PyTorch we time what its
autograd runs in the backward pass, with grad_output = 1 and the tensors the
forward pass saved already computed (saving them is part of PyTorch's forward,
not timed here): the ATen ``*_backward`` kernel where there is one, and the
exact sequence of ATen operations autograd runs for functions composed of
several operations (softsign, tanhshrink).  ``TORCH_GRAD_NOTES`` says, per
function, what is timed.  Before timing, every PyTorch derivative is checked
against ``torch.autograd`` so that the benchmark times the right thing.

The script prints ours/torch per function and dtype, the geometric mean of the
ratios per dtype, the slowest function per dtype, and whether the targets
(geometric mean <= 2.0 in float64 and <= 4.0 in float32) are met.  It never
fails on a time: it only reports.
"""

from __future__ import annotations

import argparse
import functools
import math
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# Run as `python benchmarks/bench_activations.py` from a clone without
# installing: make the repository root importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from course_code import activations as ours  # noqa: E402

#: Geometric mean of ours/torch, per dtype, that the project aims for.  float32
#: is computed in float64 wherever exp, log or erf is needed (for accuracy), so
#: its target is looser: NumPy's float64 exp alone is slower than PyTorch's
#: whole float32 sigmoid (the floor printed at the end).
TARGET_GEOMEAN = {"float64": 2.0, "float32": 4.0}

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

#: What is timed for PyTorch's derivative, per function (see the module docstring).
TORCH_GRAD_NOTES = {
    "sigmoid": "aten.sigmoid_backward(g, y), y = sigmoid(x) saved",
    "tanh": "aten.tanh_backward(g, y), y = tanh(x) saved",
    "relu": "aten.threshold_backward(g, y, 0), y = relu(x) saved",
    "relu6": "aten.hardtanh_backward(g, x, 0, 6) (relu6 is hardtanh(x, 0, 6))",
    "leaky_relu": "aten.leaky_relu_backward(g, x, 0.01, False)",
    "elu": "aten.elu_backward(g, 1, 1, 1, is_result=False, x)",
    "selu": "aten.elu_backward(g, α, λ, 1, is_result=False, x)",
    "celu": "aten.elu_backward(g, α, 1, 1/α, is_result=False, x)",
    "gelu": "aten.gelu_backward(g, x, approximate='none')",
    "gelu_tanh": "aten.gelu_backward(g, x, approximate='tanh')",
    "silu": "aten.silu_backward(g, x)",
    "mish": "aten.mish_backward(g, x)",
    "softplus": "aten.softplus_backward(g, x, 1, 20)",
    "softsign": "autograd of x / (1 + |x|), b = 1 + |x| saved: "
    "g / b + (-g * ((x / b) / b)) * sgn(x)",
    "hardsigmoid": "aten.hardsigmoid_backward(g, x)",
    "hardswish": "aten.hardswish_backward(g, x)",
    "hardtanh": "aten.hardtanh_backward(g, x, -1, 1)",
    "logsigmoid": "aten.log_sigmoid_backward(g, x, buffer), buffer from "
    "aten.log_sigmoid_forward saved",
    "softshrink": "aten.softshrink_backward(g, x, 0.5)",
    "hardshrink": "aten.hardshrink_backward(g, x, 0.5)",
    "tanhshrink": "autograd of x - tanh(x), y = tanh(x) saved: "
    "g + aten.tanh_backward(-g, y)",
}


@dataclass(frozen=True)
class Case:
    """One function to time: ours and PyTorch's, forward and derivative."""

    name: str
    params: dict = field(default_factory=dict)
    shape: str = "flat"  # "flat": (n,); "rows": (n // 1000, 1000), along axis -1

    @property
    def base(self):
        return "gelu" if self.name == "gelu_tanh" else self.name

    @property
    def elementwise(self):
        return self.name in TORCH_GRAD_NOTES


CASES = [
    Case("sigmoid"),
    Case("tanh"),
    Case("relu"),
    Case("relu6"),
    Case("leaky_relu", {"negative_slope": 0.01}),
    Case("elu", {"alpha": 1.0}),
    Case("selu"),
    Case("celu", {"alpha": 1.0}),
    Case("gelu", {"approximate": "none"}),
    Case("gelu_tanh", {"approximate": "tanh"}),
    Case("silu"),
    Case("mish"),
    Case("softplus", {"beta": 1.0}),
    Case("softsign"),
    Case("hardsigmoid"),
    Case("hardswish"),
    Case("hardtanh", {"min_val": -1.0, "max_val": 1.0}),
    Case("logsigmoid"),
    Case("softshrink", {"lambd": 0.5}),
    Case("hardshrink", {"lambd": 0.5}),
    Case("tanhshrink"),
    Case("softmax", shape="rows"),
    Case("log_softmax", shape="rows"),
    Case("glu", shape="rows"),
]


# ---------------------------------------------------------------------------
# PyTorch's side: the forward function and the derivative's backward pass.
# ---------------------------------------------------------------------------


def torch_forward(torch, case):
    """Return a callable t -> PyTorch's f(t) for ``case``."""
    F = torch.nn.functional
    fn = getattr(F, case.base)
    if not case.elementwise:
        return lambda t: fn(t, dim=-1)
    return lambda t: fn(t, **case.params)


def torch_backward(torch, case, x):
    """Return a callable that runs PyTorch's backward pass of ``case`` at ``x``.

    The tensors autograd would have saved in the forward pass are computed
    here, outside the callable, so that only the backward pass is timed.
    """
    aten = torch.ops.aten
    g = torch.ones_like(x)
    name = case.name
    if name in ("sigmoid", "tanh"):
        y = getattr(torch, name)(x)
        kernel = getattr(aten, f"{name}_backward")
        return lambda: kernel(g, y)
    if name == "relu":
        y = torch.relu(x)
        return lambda: aten.threshold_backward(g, y, 0)
    if name in ("relu6", "hardtanh"):
        lo, hi = (0.0, 6.0) if name == "relu6" else (-1.0, 1.0)
        return lambda: aten.hardtanh_backward(g, x, lo, hi)
    if name == "leaky_relu":
        return lambda: aten.leaky_relu_backward(g, x, 0.01, False)
    if name in ("elu", "selu", "celu"):
        alpha, scale, input_scale = {
            "elu": (1.0, 1.0, 1.0),
            "selu": (SELU_ALPHA, SELU_SCALE, 1.0),
            "celu": (1.0, 1.0, 1.0 / 1.0),
        }[name]
        return lambda: aten.elu_backward(g, alpha, scale, input_scale, False, x)
    if name in ("gelu", "gelu_tanh"):
        approximate = case.params["approximate"]
        return lambda: aten.gelu_backward(g, x, approximate=approximate)
    if name in ("silu", "mish", "hardsigmoid", "hardswish"):
        kernel = getattr(aten, f"{name}_backward")
        return lambda: kernel(g, x)
    if name == "softplus":
        return lambda: aten.softplus_backward(g, x, 1.0, 20.0)
    if name in ("softshrink", "hardshrink"):
        kernel = getattr(aten, f"{name}_backward")
        return lambda: kernel(g, x, 0.5)
    if name == "logsigmoid":
        _, buffer = aten.log_sigmoid_forward(x)
        return lambda: aten.log_sigmoid_backward(g, x, buffer)
    if name == "softsign":
        # DivBackward0 (self = x, other = b), then AbsBackward0, then the sum of
        # the two gradients reaching x (AccumulateGrad adds them).
        b = x.abs() + 1
        return lambda: g / b + (-g * ((x / b) / b)) * x.sgn()
    if name == "tanhshrink":
        # SubBackward0 sends g to x and -g to tanh; TanhBackward0; then the sum.
        y = torch.tanh(x)
        return lambda: g + aten.tanh_backward(-g, y)
    raise ValueError(f"no PyTorch backward for {name!r}")  # pragma: no cover


def check_torch_backward(torch, case):
    """Check the timed backward pass against torch.autograd (float64)."""
    x = torch.linspace(-8.0, 8.0, 4001, dtype=torch.float64) + 1e-3
    leaf = x.clone().requires_grad_(True)
    torch_forward(torch, case)(leaf).sum().backward()
    timed = torch_backward(torch, case, x)()
    if not torch.allclose(timed, leaf.grad, rtol=1e-12, atol=1e-15):
        worst = (timed - leaf.grad).abs().max().item()
        raise AssertionError(
            f"the timed PyTorch backward of {case.name} differs from autograd "
            f"by up to {worst:.3g}: fix torch_backward()"
        )


# ---------------------------------------------------------------------------
# Our side.
# ---------------------------------------------------------------------------


def our_forward(case):
    fn = getattr(ours, case.base)
    return lambda x: fn(x, **case.params)


def our_derivative(case):
    fn = getattr(ours, f"{case.base}_grad")
    return lambda x: fn(x, **case.params)


# ---------------------------------------------------------------------------
# Timing and the report.
# ---------------------------------------------------------------------------


def best_time(call, repeat, warmup=2):
    """Best wall time of ``call()`` over ``repeat`` runs, in milliseconds."""
    for _ in range(warmup):
        call()
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return 1e3 * best


def make_input(case, size, dtype):
    x = 3.0 * np.random.default_rng(0).standard_normal(size)
    if case.shape == "rows":
        x = x.reshape(-1, 1000) if size % 1000 == 0 else x.reshape(1, -1)
    return x.astype(dtype)


def measure(torch, case, size, dtype, repeat):
    """Yield (label, ours ms, torch ms) for the function and its derivative."""
    x = make_input(case, size, dtype)
    t = torch.from_numpy(x.copy())
    with torch.no_grad():
        mine, theirs = our_forward(case), torch_forward(torch, case)
        yield (
            case.name,
            best_time(lambda: mine(x), repeat),
            best_time(lambda: theirs(t), repeat),
        )
        if case.elementwise:
            mine, theirs = our_derivative(case), torch_backward(torch, case, t)
            yield (
                f"{case.name}_grad",
                best_time(lambda: mine(x), repeat),
                best_time(theirs, repeat),
            )


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def report(rows, dtypes):
    """Print the table, then per dtype the geometric mean and the worst row."""
    print(f"{'function':<18} {'dtype':<8} {'ours ms':>9} {'torch ms':>9} {'ratio':>7}")
    for label, dtype, ours_ms, torch_ms in rows:
        ratio = ours_ms / torch_ms
        print(f"{label:<18} {dtype:<8} {ours_ms:9.3f} {torch_ms:9.3f} {ratio:7.2f}")
    print()
    met = True
    for dtype in dtypes:
        mine = [(o / t, label) for label, d, o, t in rows if d == dtype]
        if not mine:
            continue
        mean = geomean([r for r, _ in mine])
        worst_ratio, worst = max(mine)
        met = met and mean <= TARGET_GEOMEAN[dtype]
        print(
            f"{dtype}: geometric mean ours/torch = {mean:.2f} over {len(mine)} "
            f"timings (target <= {TARGET_GEOMEAN[dtype]}); worst {worst} "
            f"({worst_ratio:.2f}x)"
        )
    verdict = "met" if met else "NOT met"
    targets = ", ".join(f"<= {TARGET_GEOMEAN[d]} in {d}" for d in dtypes)
    print(f"target (geometric mean {targets}): {verdict}")
    return met


def floor(torch, size, dtypes, repeat):
    """What one NumPy pass costs next to a whole fused PyTorch activation.

    A stable activation in NumPy is several passes over memory (np.abs,
    np.exp, np.add, np.divide, np.where...); PyTorch fuses them into one SIMD
    loop. The time of a single np.exp against torch.sigmoid shows the floor
    no NumPy formula can go under, whatever its accuracy.
    """
    print("\nfloor: one NumPy pass against a whole PyTorch activation")
    for dtype in dtypes:
        x = make_input(CASES[0], size, np.dtype(dtype))
        out, t = np.empty_like(x), torch.from_numpy(x.copy())
        with torch.no_grad():
            sig = best_time(functools.partial(torch.sigmoid, t), repeat)
        exp = best_time(functools.partial(np.exp, x, out=out), repeat)
        add = best_time(functools.partial(np.add, x, 1.0, out=out), repeat)
        print(
            f"  {dtype}: np.exp {exp:.3f} ms, np.add {add:.3f} ms, torch.sigmoid "
            f"{sig:.3f} ms; np.exp / torch.sigmoid = {exp / sig:.2f}"
        )


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="10**5 elements and best of 5 (a smoke run, noisier)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="time only this function (repeatable), e.g. --only gelu_tanh",
    )
    parser.add_argument("--size", type=int, help="number of elements")
    parser.add_argument("--repeat", type=int, help="timed calls per measurement")
    parser.add_argument(
        "--dtype",
        action="append",
        choices=["float32", "float64"],
        help="only this dtype (repeatable); default both",
    )
    args = parser.parse_args(argv)
    args.size = args.size or (10**5 if args.quick else 10**6)
    args.repeat = args.repeat or (5 if args.quick else 15)
    args.dtype = args.dtype or ["float32", "float64"]
    known = {case.name for case in CASES}
    unknown = sorted(set(args.only or ()) - known)
    if unknown:
        parser.error(f"unknown --only {unknown}; choose from {sorted(known)}")
    return args


def main(argv=None):
    args = parse_args(argv)
    try:
        import torch
    except ImportError:
        sys.exit("this benchmark needs PyTorch: pip install torch==2.13.0")
    torch.set_num_threads(1)
    cases = [c for c in CASES if not args.only or c.name in args.only]
    for case in cases:
        if case.elementwise:
            check_torch_backward(torch, case)
    print(
        f"{args.size} elements, 3 * standard normal (seed 0), best of "
        f"{args.repeat}; NumPy {np.__version__}, PyTorch {torch.__version__} "
        f"(1 thread), {platform.processor() or platform.machine()}\n"
    )
    rows = []
    for dtype in args.dtype:
        for case in cases:
            for label, ours_ms, torch_ms in measure(
                torch, case, args.size, np.dtype(dtype), args.repeat
            ):
                rows.append((label, dtype, ours_ms, torch_ms))
    report(rows, args.dtype)
    floor(torch, args.size, args.dtype, args.repeat)


if __name__ == "__main__":
    main()

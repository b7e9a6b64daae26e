"""Time course_code.nn on the spirals benchmark, and against PyTorch on one core.

Run from the repository root::

    python benchmarks/bench_mlp.py                   # float64, 500 epochs, best of 5
    python benchmarks/bench_mlp.py --dtype float32
    python benchmarks/bench_mlp.py --epochs 200 --repeat 3

The network: 2 inputs -> 100 ReLU units (He normal) -> 3 logits, softmax
cross-entropy, Adam (lr 0.02), full batch, on ``spirals(100, 3, seed=0)``
(300 points, three classes).

(a) Time to reach 97 % training accuracy: from building the model to the
    end of the first epoch whose forward pass classifies >= 97 % of the points
    (the target: <= 2 s).  The accuracy of the trained model is printed too.
(b) Time per epoch, ours against the same network in PyTorch on the CPU, in
    this process, both limited to one thread (``torch.set_num_threads(1)``,
    and ``OPENBLAS_NUM_THREADS=1`` etc. for NumPy, set before NumPy is
    imported).  An epoch is the same work in both: forward pass, loss,
    backward pass, Adam step, and the loss and accuracy recorded as Python
    floats.  Each time is the best of ``--repeat`` runs of ``--epochs``
    epochs after a warm-up, the two libraries taking turns run after run so
    that both see the same machine; the target is ours / PyTorch <= 1.0.

The script only reports; it never fails on a time.
"""

from __future__ import annotations

import os

# One thread for NumPy's BLAS too, so that the comparison is one core against
# one core.  These must be set before NumPy is imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

# Run as `python benchmarks/bench_mlp.py` from a clone without installing.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from course_code import nn  # noqa: E402
from course_code.datasets import spirals  # noqa: E402

HIDDEN, LR, TARGET = 100, 0.02, 0.97


def _ours(dtype, seed=0):
    model = nn.MLP(2, [HIDDEN], 3, rng=seed, dtype=dtype)
    return model, nn.Adam(model.parameters(), lr=LR)


def time_to_target(X, y, dtype):
    """Seconds, epochs and final accuracy to reach TARGET training accuracy."""
    start = time.perf_counter()
    model, opt = _ours(dtype)
    history = nn.train(
        model, nn.CrossEntropyLoss(), X, y, opt, epochs=5000, until_accuracy=TARGET
    )
    seconds = time.perf_counter() - start
    return seconds, len(history.loss), float(nn.accuracy(model(X), y))


def _ours_run(X, y, dtype, epochs):
    model, opt = _ours(dtype)
    start = time.perf_counter()
    nn.train(model, nn.CrossEntropyLoss(), X, y, opt, epochs=epochs)
    return (time.perf_counter() - start) / epochs


def _torch_run(torch, X, y, epochs):
    model = torch.nn.Sequential(
        torch.nn.Linear(2, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, 3)
    ).to(X.dtype)
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    losses, accuracies = [], []
    start = time.perf_counter()
    for _ in range(epochs):
        opt.zero_grad()
        logits = model(X)
        loss = loss_fn(logits, y)
        loss.backward()
        opt.step()
        losses.append(loss.item())  # what train() records per epoch
        accuracies.append((logits.argmax(dim=1) == y).double().mean().item())
    return (time.perf_counter() - start) / epochs


def epoch_times(X, y, dtype, epochs, repeat):
    """Best seconds per epoch, ours and PyTorch's (None without PyTorch).

    The two alternate, run after run, so that both see the same machine.
    """
    try:
        import torch
    except ImportError:
        torch = None
    else:
        torch.set_num_threads(1)
        torch.manual_seed(0)
        Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    ours, theirs = [], []
    for _ in range(repeat + 1):  # the first round is a warm-up
        ours.append(_ours_run(X, y, dtype, epochs))
        if torch is not None:
            theirs.append(_torch_run(torch, Xt, yt, epochs))
    return min(ours[1:]), (min(theirs[1:]) if theirs else None)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    dtype = np.dtype(args.dtype)
    X, y = spirals(100, 3, seed=0)
    X = X.astype(dtype)
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, {dtype}")
    print(f"spirals: {len(X)} points, 3 classes; MLP 2-{HIDDEN}-3 ReLU, Adam lr={LR}")

    seconds, epochs, final = time_to_target(X, y, dtype)
    verdict = "met" if seconds <= 2.0 else "NOT met"
    print(
        f"(a) {TARGET:.0%} training accuracy after {epochs} epochs in "
        f"{seconds:.3f} s (final accuracy {final:.1%}); target <= 2 s {verdict}"
    )

    ours, theirs = epoch_times(X, y, dtype, args.epochs, args.repeat)
    print(f"(b) time per epoch, best of {args.repeat} x {args.epochs} epochs:")
    print(f"    course_code.nn  {ours * 1e6:8.1f} us")
    if theirs is None:
        print("    PyTorch is not installed: pip install torch==2.13.0")
        return 0
    import torch

    ratio = ours / theirs
    verdict = "met" if ratio <= 1.0 else "NOT met"
    print(f"    PyTorch {torch.__version__:8}{theirs * 1e6:8.1f} us (1 thread)")
    print(f"    ratio ours / PyTorch = {ratio:.2f}; target <= 1.0 {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

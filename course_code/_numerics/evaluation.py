"""Evaluate a kernel and round once: the path every activation takes.

Functions that need ``exp``, ``log`` or ``erf`` compute float16 and float32
input in float64 and round once at the end: NumPy's float32 ``exp`` and
``log`` are only accurate to 2.5 and 3.8 ULP, too little for a reference.
Piecewise-linear functions compute in the input's own dtype, where they are
exact or correctly rounded.
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.inputs import as_float_array

BLOCK = 1 << 15  # 32768 float64 values: 256 KiB


def apply(kernel, x, native=False):
    """``kernel`` applied to ``x`` and rounded once to the dtype of ``x``.

    The kernel computes in float64, or with ``native`` in the dtype of
    ``x`` (for piecewise-linear functions, exact in any dtype).

    Large float64 computations go through in blocks of ``BLOCK`` elements:
    every NumPy expression in a kernel allocates a temporary array, and
    block by block these temporaries are small, stay in cache and are
    reused, where whole-array temporaries of megabytes would each cost fresh
    memory from the operating system.  The kernels can then stay plain
    expressions.  Native kernels are a few cheap passes, for which the
    per-block overhead costs more than it saves.
    """
    arr = as_float_array(x)
    if native:
        return done(kernel(arr), arr.dtype)
    if arr.size <= BLOCK:
        return done(kernel(arr.astype(np.float64, copy=False)), arr.dtype)
    flat = arr.reshape(-1)
    out = np.empty(flat.size, arr.dtype)
    for start in range(0, flat.size, BLOCK):
        block = kernel(flat[start : start + BLOCK].astype(np.float64, copy=False))
        with np.errstate(over="ignore"):  # beyond the dtype's range, inf is right
            out[start : start + BLOCK] = block
    return out.reshape(arr.shape)


def as_float64(x):
    """Return (x as float64, dtype to round the result to)."""
    arr = as_float_array(x)
    return arr.astype(np.float64, copy=False), arr.dtype


def done(y, dtype):
    """Round ``y`` to ``dtype``; a 0-d result becomes a NumPy scalar."""
    with np.errstate(over="ignore"):  # beyond the dtype's range, inf is right
        return np.asarray(y).astype(dtype, copy=False)[()]


def patch(y, x, mask, formula):
    """Recompute ``y`` where ``mask`` holds with a slower, more exact ``formula``."""
    where = np.flatnonzero(mask)  # indices: much faster than a boolean mask
    if where.size:
        y = np.asarray(y)  # operations on 0-d arrays return scalars
        np.put(y, where, formula(np.take(x, where)))
    return y

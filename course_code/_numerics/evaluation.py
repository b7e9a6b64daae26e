"""Evaluate a formula and round once: the path every activation takes.

Functions that need ``exp``, ``log`` or ``erf`` compute float16 and float32
input in float64 and round once at the end: NumPy's float32 ``exp`` and
``log`` are only accurate to 2.5 and 3.8 ULP, too little for a reference.
Piecewise-linear functions compute in the input's own dtype, where they are
exact or correctly rounded.  A few functions give float16 and float32 input
a cheaper float64 formula (``elementwise(float32=...)``): a float32 result
only needs its float64 value right to about ``1e-10``.

The decorator ``elementwise`` carries this contract, so that a public
function's body is its formula, written for one floating-point array.
"""

from __future__ import annotations

import functools
import types

import numpy as np

from course_code._numerics.inputs import as_float_array

BLOCK = 1 << 16  # 65536 float64 values: 512 KiB, half a core's L2 cache
NATIVE_BLOCK = 1 << 17  # native formulas are cheap passes: fewer, larger blocks


# --8<-- [start:elementwise]
def elementwise(formula=None, *, native=False, blocks=True, float32=None):
    """Give ``formula``, written for one float array, the array contract.

    The decorated function accepts what :func:`as_float_array` accepts, runs
    ``formula`` on float64 (or, with ``native``, on the input's own dtype),
    rounds once to the input's dtype and returns a NumPy scalar for a 0-d
    result.  The other arguments are passed to ``formula`` unchanged.

    Parameters
    ----------
    formula : callable
        ``formula(x, *args, **kwargs)`` for a float array ``x``; it must not
        write to ``x`` and must not warn for any finite or infinite input.
    native : bool, optional
        Compute in the input's dtype: for piecewise-linear functions, exact
        in any dtype.  Otherwise float16 and float32 are computed in float64.
    blocks : bool, optional
        Compute a large input block by block (see ``_evaluate``).  False for
        a formula whose only full-size array is its result (one NumPy call,
        or comparisons, whose booleans are small): blocks would only add a
        copy.
    float32 : callable, optional
        A cheaper formula for float16 and float32 input, with ``formula``'s
        arguments, also computed in float64.  A float32 result has 24
        significant bits: rounding once keeps it within 4 ULP as long as the
        float64 value is right to about ``1e-10`` (relative), or, next to a
        root, to an absolute error far below the contract's allowance
        ``|x f'(x)| eps``.  Plain float64 formulas give that without the
        Chebyshev windows, compensated products and tail patches that exist
        only for the last digits of a float64 result.

    Returns
    -------
    callable
        The public function, with ``formula``'s name, signature and
        docstring.  It is built with ``formula``'s module globals, so that
        ``doctest`` finds it in that module and runs its Examples.

    Examples
    --------
    >>> @elementwise
    ... def twice(x):
    ...     return 2.0 * x
    >>> twice([1, 2]), twice(np.float32(1.5))
    (array([2., 4.]), np.float32(3.0))
    >>> twice("1")
    Traceback (most recent call last):
    ...
    TypeError: x must be a real number or an array of real numbers, got str
    """
    if formula is None:
        return functools.partial(
            elementwise, native=native, blocks=blocks, float32=float32
        )
    run = _evaluate  # bound in the closure: the wrapper's globals are the formula's
    low = float32

    def public(x, *args, **kwargs):
        return run(formula, native, blocks, x, args, kwargs, low)

    # doctest only looks for tests in functions whose globals are the
    # module's: a plain closure's globals would be this module's.
    public = types.FunctionType(
        public.__code__, formula.__globals__, formula.__name__, None, public.__closure__
    )
    return functools.update_wrapper(public, formula)


# --8<-- [end:elementwise]


# --8<-- [start:evaluate]
def _evaluate(formula, native, blocks, x, args, kwargs, float32=None):
    """``formula`` applied to ``x`` and rounded once to the dtype of ``x``.

    Large inputs go through in blocks of ``BLOCK`` elements (``NATIVE_BLOCK``
    for native formulas): every NumPy expression in a formula allocates a
    temporary array, and block by block these temporaries are small, stay
    in cache and are reused, where whole-array temporaries of megabytes
    would each cost fresh memory from the operating system (page faults).
    The formulas can then stay plain expressions.  Native float32 and
    float16 arrays are a half and a quarter of the size and, measured, are
    faster whole.
    """
    arr = as_float_array(x)
    if float32 is not None and arr.dtype.itemsize <= 4:  # float16 and float32
        formula = float32
    work = arr.dtype if native else np.float64  # the dtype the formula sees
    size = NATIVE_BLOCK if native else BLOCK
    blocks = blocks and work == np.float64
    if not blocks or arr.size <= size:
        return done(formula(arr.astype(work, copy=False), *args, **kwargs), arr.dtype)
    flat = arr.reshape(-1)
    out = np.empty(flat.size, arr.dtype)
    for start in range(0, flat.size, size):
        block = flat[start : start + size].astype(work, copy=False)
        y = formula(block, *args, **kwargs)
        with np.errstate(over="ignore"):  # beyond the dtype's range, inf is right
            out[start : start + size] = y
    return out.reshape(arr.shape)


# --8<-- [end:evaluate]


def as_float64(x):
    """Return (x as float64, dtype to round the result to)."""
    arr = as_float_array(x)
    return arr.astype(np.float64, copy=False), arr.dtype


def done(y, dtype):
    """Round ``y`` to ``dtype``; a 0-d result becomes a NumPy scalar."""
    with np.errstate(over="ignore"):  # beyond the dtype's range, inf is right
        return np.asarray(y).astype(dtype, copy=False)[()]


def gather(x, where):
    """The elements of ``x`` at the flat indices ``where`` (as ``np.take``).

    Indexing the flattened array is a third faster than ``np.take``, and
    indices are much faster than a boolean mask.
    """
    return np.reshape(x, -1)[where]


def scatter(y, where, values):
    """Write ``values`` into ``y`` at the flat indices ``where`` (as ``np.put``)."""
    if y.flags.c_contiguous:  # then the flattened array is a view of y
        y.reshape(-1)[where] = values
    else:
        np.put(y, where, values)


def patch(y, x, mask, formula):
    """Recompute ``y`` where ``mask`` holds with a slower, more exact ``formula``."""
    where = np.flatnonzero(mask)
    if where.size:
        y = np.asarray(y)  # operations on 0-d arrays return scalars
        scatter(y, where, formula(gather(x, where)))
    return y


def split(x, mask, inside, outside):
    """``inside(x)`` where ``mask`` holds and ``outside(x)`` elsewhere.

    Unlike ``patch`` on top of ``outside(x)``, each formula only sees its own
    points: worth it where ``outside`` is costly and ``mask`` covers many.
    """
    where = np.flatnonzero(mask)
    if where.size == 0:
        return outside(x)
    if where.size == x.size:
        return inside(x)
    rest = np.flatnonzero(~np.asarray(mask))
    y = np.empty(x.shape, x.dtype)
    scatter(y, where, inside(gather(x, where)))
    scatter(y, rest, outside(gather(x, rest)))
    return y

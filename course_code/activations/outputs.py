"""Output functions of a whole axis: softmax, log-softmax and softmax's backward pass.

They turn a vector of logits into a probability distribution (or its
logarithm) along ``axis``; they have a Jacobian, not an elementwise
derivative, so ``softmax_backward`` takes the gradient of the output.
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.evaluation import done
from course_code._numerics.inputs import (
    as_float_array,
    normalize_axis,
)

__all__ = [
    "log_softmax",
    "softmax",
    "softmax_backward",
]


def _shifted(x, axis, out=None):
    """x - max(x) along ``axis`` in float64, and a per-slice mask of all -inf slices.

    A slice whose maximum is +inf gets its limit: the +inf entries share the
    probability equally.  A slice that is entirely -inf (fully masked) has
    no distribution: its output is NaN, as in PyTorch.
    """
    m = np.max(x, axis=axis, keepdims=True)
    empty = m == -np.inf
    if np.isposinf(m).any():
        x = np.where(np.isposinf(m), np.where(np.isposinf(x), 0.0, -np.inf), x)
        m = np.where(np.isposinf(m), 0.0, m)
    # float32 input is subtracted straight into float64: no float64 copy of x
    return np.subtract(x, np.where(empty, 0.0, m), out=out, dtype=np.float64), empty


# --8<-- [start:softmax]
def softmax(x, axis=-1):
    r"""Softmax along ``axis``, $\exp(x_i) / \sum_j \exp(x_j)$.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension.
    axis : int, optional
        The axis that sums to 1.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``; each slice along ``axis`` is a
        probability vector.

    Notes
    -----
    Softmax is unchanged by subtracting a constant from every entry, so we
    subtract the maximum first: the largest exponential is then $e^0 = 1$
    and none overflows.  Entries equal to $-\infty$ get probability 0,
    which is how attention masks work; a slice with every entry $-\infty$
    gives NaN.

    Examples
    --------
    >>> softmax([1000.0, 1000.0])
    array([0.5, 0.5])
    >>> softmax([[0.0, -np.inf], [1.0, 1.0]])
    array([[1. , 0. ],
           [0.5, 0.5]])
    """
    x = as_float_array(x)
    dtype = x.dtype
    axis = normalize_axis(axis, x.ndim)
    if x.size == 0:  # nothing to normalise
        return done(x.copy(), dtype)
    z, empty = _shifted(x, axis)
    e = np.exp(z, out=z)  # in place: a fresh array costs fresh memory
    total = np.sum(e, axis=axis, keepdims=True)
    e /= np.where(empty, np.nan, total)
    return done(e, dtype)


def log_softmax(x, axis=-1):
    r"""Log of softmax along ``axis``, $x_i - \log \sum_j \exp(x_j)$.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension.
    axis : int, optional
        The axis to normalise over.  Default: the last.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Notes
    -----
    ``np.log(softmax(x))`` gives $-\infty$ wherever a probability underflows;
    the log-sum-exp form $x_i - m - \log\sum_j e^{x_j - m}$, with $m$ the
    maximum, stays finite.

    Examples
    --------
    >>> log_softmax([0.0, 1000.0])
    array([-1000.,     0.])
    """
    x = as_float_array(x)
    dtype = x.dtype
    axis = normalize_axis(axis, x.ndim)
    if x.size == 0:  # nothing to normalise
        return done(x.copy(), dtype)
    z, empty = _shifted(x, axis)
    total = np.sum(np.exp(z, out=z), axis=axis, keepdims=True)
    # x - m again rather than kept beside e^{x - m}: a second full-size
    # array costs more (fresh memory) than one more subtraction
    z, _ = _shifted(x, axis, out=z)
    z -= np.log(np.where(empty, np.nan, total))  # z is our own array
    return done(z, dtype)


# --8<-- [end:softmax]


def softmax_backward(grad_output, output, axis=-1):
    r"""The gradient through softmax: the vector–Jacobian product $g^\top J$.

    With $s = \operatorname{softmax}(x)$ the Jacobian is
    $J = \operatorname{diag}(s) - s s^\top$, so
    $g^\top J = s \otimes (g - \langle g, s\rangle)$ along ``axis``: $O(n)$ work
    per slice instead of forming the $n \times n$ matrix.

    Parameters
    ----------
    grad_output : array_like
        $\partial L / \partial s$, the gradient of the loss at the output.
    output : array_like
        $s$, the softmax output of the forward pass; same shape.
    axis : int, optional
        The axis softmax was taken along.  Default: the last.

    Returns
    -------
    numpy.ndarray
        $\partial L / \partial x$, the shape of ``output``, in the wider dtype.

    Examples
    --------
    >>> s = softmax([1.0, 2.0, 3.0])
    >>> softmax_backward([0.0, 0.0, 1.0], s).round(4)
    array([-0.0599, -0.1628,  0.2227])
    """
    g = as_float_array(grad_output, "grad_output")
    s = as_float_array(output, "output")
    if g.shape != s.shape:
        raise ValueError(
            f"grad_output and output must have the same shape, got "
            f"{g.shape} and {s.shape}"
        )
    axis = normalize_axis(axis, s.ndim)
    dtype = np.result_type(g, s)
    inner = np.sum(g * s, axis=axis, keepdims=True, dtype=np.float64)
    return done(s * (g - inner), dtype)

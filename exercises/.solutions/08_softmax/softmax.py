"""Exercise 08, a model solution: softmax and log-softmax along an axis.

`course solution 08` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def softmax(x, axis=-1):
    """exp(x_i) / sum_j exp(x_j) along ``axis``, without overflow."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    # Subtracting each slice's maximum changes nothing and keeps every
    # exponential <= 1; an entry of -inf becomes exp(-inf) = 0.
    shifted = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    """log(softmax(x)) along ``axis``, computed without taking a log of 0."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    # log softmax = (x - m) - log sum exp(x - m): the log is taken of a sum
    # >= 1, never of a probability that may have underflowed to 0.
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))

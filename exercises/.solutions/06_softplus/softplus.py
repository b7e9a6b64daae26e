"""Exercise 06, a model solution: stable softplus and log-sigmoid.

`course solution 06` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def softplus(x, beta=1.0):
    """log(1 + exp(beta * x)) / beta, exact for every x."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    z = beta * x
    # log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): exp never overflows, and
    # log1p keeps the tiny value e^z where z is very negative.
    return ((np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))) / beta)[()]


def logsigmoid(x):
    """log(sigmoid(x)), exact for every x."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    # log sigmoid(x) = -softplus(-x) = min(x, 0) - log(1 + e^-|x|).
    return (np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x))))[()]

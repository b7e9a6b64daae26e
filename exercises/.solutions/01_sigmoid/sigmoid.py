"""Exercise 01, a model solution: a sigmoid that never overflows.

`course solution 01` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def sigmoid(x):
    """The logistic sigmoid, 1 / (1 + exp(-x)), computed without overflow."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    # Only the exponential of a number <= 0 is safe: e = exp(-|x|) is in (0, 1].
    e = np.exp(-np.abs(x))
    # For x >= 0, 1 / (1 + e^-x); for x < 0, e^x / (1 + e^x): both use e alone,
    # so np.where chooses between two values that were both safe to compute.
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))[()]

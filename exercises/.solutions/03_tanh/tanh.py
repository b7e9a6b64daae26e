"""Exercise 03, a model solution: tanh from exp, and its derivative.

`course solution 03` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def tanh(x):
    """The hyperbolic tangent, built from exponentials (not np.tanh)."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    # tanh(|x|) = (1 - e^t) / (1 + e^t) with t = -2|x| <= 0, so exp cannot
    # overflow; np.expm1(t) = e^t - 1 does not cancel near 0, where tanh(x) ~ x.
    t = -2 * np.abs(x)
    return (np.sign(x) * -np.expm1(t) / (1 + np.exp(t)))[()]


def tanh_grad(x):
    """The derivative of tanh at ``x``: 1 - tanh(x)**2."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    # 1 - tanh(x)^2 = 4 e / (1 + e)^2 with e = exp(-2|x|): no subtraction, so
    # the tails keep their tiny values instead of rounding to 0.
    e = np.exp(-2 * np.abs(x))
    return (4 * e / (1 + e) ** 2)[()]

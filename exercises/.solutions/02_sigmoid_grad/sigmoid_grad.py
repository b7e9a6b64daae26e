"""Exercise 02, a model solution: the derivative of the sigmoid.

`course solution 02` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def sigmoid_grad(x):
    """The derivative of the sigmoid, evaluated at ``x``."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    # sigma'(x) = sigma(x) * (1 - sigma(x)) = sigma(x) * sigma(-x).  With
    # e = exp(-|x|) <= 1 the two factors are 1 / (1 + e) and e / (1 + e): no
    # exponential overflows and nothing subtracts two numbers close to 1, so
    # the tiny slopes of the tails keep their relative accuracy.
    e = np.exp(-np.abs(x))
    return (e / (1 + e) ** 2)[()]

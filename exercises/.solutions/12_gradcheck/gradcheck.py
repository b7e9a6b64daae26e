"""Exercise 12, a model solution: central-difference gradient checking.

`course solution 12` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """The gradient of a scalar function ``f`` at ``x`` by central differences."""
    # A float64 copy: an integer array cannot hold x + eps, float32 would
    # round the step, and the caller's x must not move.
    point = np.array(x, dtype=np.float64)
    grad = np.zeros_like(point)
    for i in np.ndindex(point.shape):
        original = point[i]
        point[i] = original + eps
        up = float(f(point))
        point[i] = original - eps
        down = float(f(point))
        point[i] = original  # put it back before moving the next entry
        grad[i] = (up - down) / (2 * eps)
    return grad

"""Exercise 04, a model solution: ReLU and leaky ReLU, with their derivatives.

`course solution 04` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def relu(x):
    """max(x, 0), elementwise."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    return np.maximum(x, 0)[()]  # np.maximum keeps NaN


def relu_grad(x):
    """The derivative of ReLU: 1 for x > 0, 0 for x <= 0 (PyTorch's choice at 0)."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    grad = np.where(x > 0, 1, 0).astype(x.dtype)  # 0 at the kink x = 0
    # A comparison with NaN is False: put NaN back where x is NaN.
    return np.where(np.isnan(x), x, grad)[()]


def leaky_relu(x, negative_slope=0.01):
    """x for x > 0 and negative_slope * x otherwise."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    return np.where(x > 0, x, negative_slope * x)[()]


def leaky_relu_grad(x, negative_slope=0.01):
    """The derivative of leaky ReLU: 1 for x > 0, negative_slope for x <= 0."""
    x = np.asarray(x)
    if x.dtype.kind in "biu":  # integers (and bools) give float64
        x = x.astype(np.float64)
    grad = np.where(x > 0, 1, negative_slope).astype(x.dtype)
    return np.where(np.isnan(x), x, grad)[()]  # NaN gives NaN

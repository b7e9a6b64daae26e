"""Exercise 12: central-difference gradient checking.

Read README.md in this folder, write the function below, then check it:

    pytest exercises/12_gradcheck
"""

import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """The gradient of a scalar function ``f`` at ``x`` by central differences.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns a number.
    x : array_like
        The point, any shape.
    eps : float, optional
        The step.

    Returns
    -------
    numpy.ndarray
        float64, the shape of ``x``: entry i is
        (f(x + eps e_i) - f(x - eps e_i)) / (2 eps).  ``x`` is left unchanged.

    Examples
    --------
    >>> numerical_gradient(lambda v: float(np.sum(v**2)), np.array([1.0, -2.0]))
    array([ 2., -4.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("numerical_gradient is not written yet")

"""Exercise 12: central-difference gradient checking.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

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

    Notes
    -----
    The contract the grader checks:

    * within 1e-6 relative + 1e-8 absolute of the central difference computed in
      float64 (with eps=1e-2: 1e-9 + 1e-12), for a vector and a matrix ``x``;
    * ``eps`` is used, and each entry is put back before the next one moves;
    * an integer or float32 ``x``: perturb a float64 copy (an integer cannot
      hold x + eps, and float32 rounds the step) and return float64;
    * ``x`` is never changed.

    Examples
    --------
    >>> numerical_gradient(lambda v: float(np.sum(v**2)), np.array([1.0, -2.0]))
    array([ 2., -4.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("numerical_gradient is not written yet")

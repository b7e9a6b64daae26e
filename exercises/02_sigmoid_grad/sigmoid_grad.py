"""Exercise 02: the derivative of the sigmoid.

Read README.md in this folder, write the function below, then check it:

    pytest exercises/02_sigmoid_grad
"""

import numpy as np


def sigmoid_grad(x):
    """The derivative of the sigmoid, evaluated at ``x``.

    Parameters
    ----------
    x : array_like
        The input of the sigmoid (not its output): a number, a list or an
        array of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        sigmoid'(x) for every element, the shape of ``x``; float dtypes are
        kept and integers give float64.

    Notes
    -----
    No NumPy warning for any input; sigmoid'(±inf) = 0; NaN gives NaN;
    ``x`` is never changed.

    Examples
    --------
    >>> sigmoid_grad(0.0)
    np.float64(0.25)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("sigmoid_grad is not written yet")

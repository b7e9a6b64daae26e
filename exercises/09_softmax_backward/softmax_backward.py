"""Exercise 09: the softmax backward pass as a vector-Jacobian product.

Read README.md in this folder, write the function below, then check it:

    pytest exercises/09_softmax_backward
"""

import numpy as np


def softmax_backward(grad_output, output, axis=-1):
    """dL/dx from dL/ds, where s = softmax(x, axis): the product g^T J.

    Parameters
    ----------
    grad_output : array_like
        g = dL/ds, the gradient of the loss with respect to softmax's output.
    output : array_like
        s = softmax(x, axis), saved by the forward pass; the shape of g.
    axis : int, optional
        The axis softmax was taken along; the last by default.

    Returns
    -------
    numpy.ndarray
        dL/dx, the shape of ``output``.  Never forms the n-by-n Jacobian:
        the work and the memory are proportional to the size of ``output``.

    Examples
    --------
    >>> s = np.array([0.5, 0.5])
    >>> softmax_backward(np.array([1.0, 0.0]), s)
    array([ 0.25, -0.25])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("softmax_backward is not written yet")

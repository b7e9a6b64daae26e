"""Exercise 09: the softmax backward pass as a vector-Jacobian product.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

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

    Notes
    -----
    The contract the grader checks:

    * the product is taken along ``axis`` (0 and -1 of a 2-D array, 1 of a 3-D
      array);
    * a constant ``grad_output`` gives 0 (within 1e-12);
    * on one slice of 2000 entries the peak memory stays below 8 MB, a quarter
      of the 32 MB that the 2000x2000 Jacobian takes (anything the function
      prints counts too);
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> s = np.array([0.5, 0.5])
    >>> softmax_backward(np.array([1.0, 0.0]), s)
    array([ 0.25, -0.25])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("softmax_backward is not written yet")

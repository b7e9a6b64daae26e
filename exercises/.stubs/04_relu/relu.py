"""Exercise 04: ReLU and leaky ReLU, with their derivatives.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/04_relu
"""

import numpy as np


def relu(x):
    """max(x, 0), elementwise.

    Parameters
    ----------
    x : array_like
        A number, a list or an array of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape; float dtypes kept, integers give float64; NaN stays NaN.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * relu(-inf) = 0, relu(inf) = inf; NaN stays NaN; -0.0, 0.0 and ±1e-300 too;
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> relu([-2.0, 3.0])
    array([0., 3.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("relu is not written yet")


def relu_grad(x):
    """The derivative of ReLU: 1 for x > 0, 0 for x <= 0 (PyTorch's choice at 0).

    Parameters
    ----------
    x : array_like
        The input of ReLU, any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        0 or 1 in the float dtype of ``x`` (float64 for integers); NaN gives NaN.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * 0 at x = 0 and x = -0.0; 0 at -inf and 1 at inf; NaN gives NaN;
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> relu_grad([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("relu_grad is not written yet")


def leaky_relu(x, negative_slope=0.01):
    """x for x > 0 and negative_slope * x otherwise.

    Parameters
    ----------
    x : array_like
        Any shape.
    negative_slope : float, optional
        The slope for negative inputs; 0.01 as in PyTorch.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``; NaN stays NaN.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * ``negative_slope`` is used (0.0, 0.2 and 1.5 are tried); NaN stays NaN;
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> leaky_relu([-100.0, 5.0])
    array([-1.,  5.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("leaky_relu is not written yet")


def leaky_relu_grad(x, negative_slope=0.01):
    """The derivative of leaky ReLU: 1 for x > 0, negative_slope for x <= 0.

    Parameters
    ----------
    x : array_like
        Any shape.
    negative_slope : float, optional
        The slope for negative inputs, also used at 0.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype as ``x``; NaN gives NaN.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * ``negative_slope`` at x <= 0, x = 0 included; NaN gives NaN;
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> leaky_relu_grad([-1.0, 0.0, 1.0])
    array([0.01, 0.01, 1.  ])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("leaky_relu_grad is not written yet")

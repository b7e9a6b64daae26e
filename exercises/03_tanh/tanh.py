"""Exercise 03: tanh from exp, and its derivative.

Read README.md in this folder, write the functions below, then check them:

    pytest exercises/03_tanh
"""


def tanh(x):
    """The hyperbolic tangent, built from exponentials (not np.tanh).

    Parameters
    ----------
    x : array_like
        A number, a list or an array of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        tanh of every element, the shape of ``x``; float dtypes kept,
        integers give float64.

    Notes
    -----
    ``np.tanh`` is switched off while this function is graded.  No NumPy
    warning for any input; tanh(±inf) = ±1; NaN gives NaN; ``x`` unchanged.
    Accurate near 0 too, where tanh(x) is about x.

    Examples
    --------
    >>> tanh(0.0)
    np.float64(0.0)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("tanh is not written yet")


def tanh_grad(x):
    """The derivative of tanh at ``x``: 1 - tanh(x)**2.

    Parameters
    ----------
    x : array_like
        The input of tanh, any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        tanh'(x) for every element; float dtypes kept, integers give float64.

    Notes
    -----
    No warning; tanh'(±inf) = 0; NaN gives NaN; ``x`` unchanged.  Far from 0
    the slope is tiny but not 0: keep its relative accuracy.

    Examples
    --------
    >>> tanh_grad(0.0)
    np.float64(1.0)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("tanh_grad is not written yet")

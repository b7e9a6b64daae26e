"""Exercise 03: tanh from exp, and its derivative.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

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
    The contract the grader checks:

    * ``numpy.tanh`` and ``math.tanh`` are switched off, under any name, while
      this function is graded;
    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * tanh(-inf) = -1 and tanh(inf) = 1; NaN gives NaN;
    * near 0 (|x| from 1e-15 to 0.01), where tanh(x) is about x, a relative
      accuracy of 1e-9;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

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
    The contract the grader checks:

    * it may use np.tanh;
    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * tanh'(±inf) = 0; NaN gives NaN;
    * in both tails (x = ±20, ±30) the tiny slope keeps a relative accuracy of
      1e-6;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> tanh_grad(0.0)
    np.float64(1.0)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("tanh_grad is not written yet")

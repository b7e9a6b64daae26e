"""Exercise 05: ELU and SELU without overflow.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/05_elu_selu
"""

import numpy as np

#: SELU's constants (Klambauer et al., 2017), as PyTorch uses them.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def elu(x, alpha=1.0):
    """x for x > 0 and alpha * (exp(x) - 1) otherwise.

    Parameters
    ----------
    x : array_like
        Any shape.
    alpha : float, optional
        The value ELU approaches as x goes to -inf is -alpha.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape; float dtypes kept, integers give float64.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * elu(-inf) = -alpha; NaN gives NaN; ``alpha`` is used;
    * for tiny negative x (-1e-12 to -1e-3), where exp(x) - 1 cancels, a
      relative accuracy of 1e-9;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> elu([-np.inf, 0.0, 2.0])
    array([-1.,  0.,  2.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("elu is not written yet")


def elu_grad(x, alpha=1.0):
    """The derivative of ELU: 1 for x > 0, alpha * exp(x) for x <= 0.

    Parameters
    ----------
    x : array_like
        Any shape.
    alpha : float, optional
        As for ``elu``.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype; NaN gives NaN; no warning.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * elu_grad(-inf) = 0; NaN gives NaN; ``alpha`` is used;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> elu_grad([0.0, 1.0])
    array([1., 1.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("elu_grad is not written yet")


def selu(x):
    """SELU_SCALE * elu(x, SELU_ALPHA).

    Parameters
    ----------
    x : array_like
        Any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype; no warning for any input.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * selu(-inf) = -SELU_SCALE * SELU_ALPHA; NaN gives NaN;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> float(selu(1.0))
    1.0507009873554805
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("selu is not written yet")


def selu_grad(x):
    """The derivative of SELU: SELU_SCALE * elu_grad(x, SELU_ALPHA).

    Parameters
    ----------
    x : array_like
        Any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype; no warning for any input.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * selu_grad(-inf) = 0; NaN gives NaN;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> float(selu_grad(1.0))
    1.0507009873554805
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("selu_grad is not written yet")

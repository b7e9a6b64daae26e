"""Exercise 05: ELU and SELU without overflow.

Read README.md in this folder, write the functions below, then check them:

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
    No NumPy warning for any input, 1e4 and inf included; NaN gives NaN;
    accurate for tiny negative x, where exp(x) - 1 cancels.

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

    Examples
    --------
    >>> float(selu_grad(1.0))
    1.0507009873554805
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("selu_grad is not written yet")

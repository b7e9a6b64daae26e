"""Exercise 07: GELU (exact and tanh approximation) and SiLU.

Read README.md in this folder, write the functions below, then check them:

    pytest exercises/07_gelu_silu
"""

import numpy as np
from scipy import special


def gelu(x, approximate="none"):
    """x * Phi(x), Phi the standard normal CDF; or its tanh approximation.

    Parameters
    ----------
    x : array_like
        Any shape.
    approximate : {"none", "tanh"}, optional
        "none" (the default, as in PyTorch): the exact x * Phi(x).
        "tanh": 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3))).

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape; float dtypes kept, integers give float64; gelu(-inf) = 0;
        no warning.

    Raises
    ------
    ValueError
        If ``approximate`` is anything else; the message names ``approximate``.

    Examples
    --------
    >>> float(gelu(1.0))
    0.8413447460685429
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("gelu is not written yet")


def silu(x):
    """SiLU (also called swish): x * sigmoid(x).

    Parameters
    ----------
    x : array_like
        Any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        Same shape and float dtype; silu(-inf) = 0; no warning.

    Examples
    --------
    >>> float(silu(0.0))
    0.0
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("silu is not written yet")

"""Exercise 07: GELU (exact and tanh approximation) and SiLU.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

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

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader); at -inf that
      means no -inf * 0, even in a branch np.where discards;
    * gelu(-inf) = 0, gelu(inf) = inf; NaN gives NaN; the same for
      approximate='tanh';
    * in the left tail (x from -40 to -6) within 1e-12 absolute: gelu(-6) is
      about -5.9e-9, not 0;
    * any other ``approximate`` raises a ValueError whose message names
      ``approximate``;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

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

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * silu(-inf) = 0, silu(inf) = inf; NaN gives NaN;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> float(silu(0.0))
    0.0
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("silu is not written yet")

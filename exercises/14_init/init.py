"""Exercise 14: Xavier and He initialisation.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/14_init
"""

import numpy as np


def xavier_uniform(fan_in, fan_out, *, gain=1.0, rng=None):
    """Weights from U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).

    Parameters
    ----------
    fan_in, fan_out : int
        The layer's number of inputs and outputs.
    gain : float, optional
        The factor for the activation (1 for tanh-free linear layers,
        5/3 for tanh, ...).
    rng : numpy.random.Generator or int or None, optional
        The source of randomness: pass it to ``np.random.default_rng``.

    Returns
    -------
    numpy.ndarray
        float64, shape (fan_in, fan_out).

    Notes
    -----
    The contract the grader checks:

    * float64, shape (fan_in, fan_out); ``gain`` is used (1 and 5/3 are tried);
    * for (400, 600): the standard deviation within 2% and the largest |weight|
      within 1% of the reference's; the mean within 0.01 of 0;
    * the same ``rng`` seed gives the same weights, another seed other weights.

    Examples
    --------
    >>> xavier_uniform(3, 2, rng=0).shape
    (3, 2)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("xavier_uniform is not written yet")


def he_normal(fan_in, fan_out, *, rng=None):
    """Weights from N(0, 2 / fan_in): He (Kaiming) initialisation for ReLU.

    Parameters
    ----------
    fan_in, fan_out : int
        The layer's number of inputs and outputs.
    rng : numpy.random.Generator or int or None, optional
        As for ``xavier_uniform``.

    Returns
    -------
    numpy.ndarray
        float64, shape (fan_in, fan_out).

    Notes
    -----
    The contract the grader checks:

    * float64, shape (fan_in, fan_out);
    * the standard deviation within 2% of sqrt(2 / fan_in), for (400, 600) and
      (50, 2000); the mean within 0.01 of 0; about 4.55% of |weights| beyond 2
      standard deviations;
    * the same ``rng`` seed gives the same weights, another seed other weights.

    Examples
    --------
    >>> he_normal(3, 2, rng=0).shape
    (3, 2)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("he_normal is not written yet")

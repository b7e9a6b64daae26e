"""Exercise 14: Xavier and He initialisation.

Read README.md in this folder, write the functions below, then check them:

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

    Examples
    --------
    >>> he_normal(3, 2, rng=0).shape
    (3, 2)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("he_normal is not written yet")

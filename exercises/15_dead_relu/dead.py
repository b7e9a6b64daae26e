"""Exercise 15: the fraction of dead ReLU units in a batch.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/15_dead_relu
"""

import numpy as np


def dead_unit_fraction(pre_activations):
    """The fraction of units whose pre-activation is <= 0 for every example.

    Parameters
    ----------
    pre_activations : array_like
        z of one layer, shape (n_examples, n_units).

    Returns
    -------
    float
        In [0, 1].

    Notes
    -----
    The contract the grader checks:

    * rows are examples, columns are units;
    * z = 0 counts as dead (ReLU's derivative at 0 is 0);
    * a Python float (or a NumPy float64);
    * the input is never changed.

    Examples
    --------
    >>> dead_unit_fraction(np.array([[-1.0, 2.0], [-3.0, -1.0]]))
    0.5
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("dead_unit_fraction is not written yet")

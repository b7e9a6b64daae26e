"""Exercise 15, a model solution: the fraction of dead ReLU units in a batch.

`course solution 15` shows it once every check passes; the exercise's stub
holds the full contract.
"""

import numpy as np


def dead_unit_fraction(pre_activations):
    """The fraction of units whose pre-activation is <= 0 for every example."""
    z = np.asarray(pre_activations)
    # A column (unit) is dead when every row (example) has z <= 0.
    dead = np.all(z <= 0, axis=0)
    return float(np.mean(dead))

"""Exercise 10: binary cross-entropy with logits, and its gradient.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/10_bce
"""

import numpy as np


def binary_cross_entropy_with_logits(logits, targets):
    """Mean binary cross-entropy of sigmoid(logits) against targets.

    Parameters
    ----------
    logits : array_like
        Scores z before the sigmoid, any shape.
    targets : array_like
        Probabilities y in [0, 1], the shape of ``logits``.

    Returns
    -------
    numpy scalar
        mean of -y * log(sigmoid(z)) - (1 - y) * log(1 - sigmoid(z)), in the
        float dtype of ``logits``.  Exact for logits up to +-1e4 and +-inf: a
        certain, right prediction costs 0; a certain, wrong one costs inf.

    Notes
    -----
    The contract the grader checks:

    * the mean over every element;
    * logits of ±800, ±1e4 and ±inf give the exact loss with no NumPy warning: a
      certain, right prediction costs 0, a certain, wrong one inf;
    * no 0 * inf or inf - inf, not even in a branch that np.where discards
      (switching warnings off with np.errstate does not hide one);
    * float32 logits and targets give a float32 loss;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> float(binary_cross_entropy_with_logits([0.0], [1.0]))
    0.6931471805599453
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("binary_cross_entropy_with_logits is not written yet")


def binary_cross_entropy_with_logits_grad(logits, targets):
    """The gradient of the mean loss above with respect to the logits.

    Parameters
    ----------
    logits, targets : array_like
        As for ``binary_cross_entropy_with_logits``.

    Returns
    -------
    numpy.ndarray
        (sigmoid(z) - y) / n for n elements, the shape of ``logits``.

    Notes
    -----
    The contract the grader checks:

    * logits of ±800, ±1e4 and ±inf give the limit with no NumPy warning;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> binary_cross_entropy_with_logits_grad([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError(
        "binary_cross_entropy_with_logits_grad is not written yet"
    )

"""Exercise 11: softmax cross-entropy with integer labels, and its gradient.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/11_cross_entropy
"""

import numpy as np


def cross_entropy(logits, target):
    """Mean over rows of -log softmax(logits)[label].

    Parameters
    ----------
    logits : array_like
        Scores of shape (N, C): N rows, C classes.
    target : array_like of int
        The label of each row, shape (N,), values in 0..C-1.

    Returns
    -------
    numpy scalar
        The mean loss, in the float dtype of ``logits``.  Finite for logits
        of +-1e4.

    Notes
    -----
    The contract the grader checks:

    * logits of ±1e4 give the finite loss with no NumPy warning;
    * float32 logits give a float32 loss;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> float(cross_entropy([[0.0, 0.0]], [1]))
    0.6931471805599453
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("cross_entropy is not written yet")


def cross_entropy_grad(logits, target):
    """The gradient of the mean loss above with respect to the logits.

    Parameters
    ----------
    logits, target : array_like
        As for ``cross_entropy``.

    Returns
    -------
    numpy.ndarray
        (softmax(logits) - one_hot(target)) / N, shape (N, C).

    Notes
    -----
    The contract the grader checks:

    * logits of ±1e4 give no NumPy warning;
    * float32 logits give a float32 gradient;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> cross_entropy_grad([[0.0, 0.0]], [1])
    array([[ 0.5, -0.5]])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("cross_entropy_grad is not written yet")

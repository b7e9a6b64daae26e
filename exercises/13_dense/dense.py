"""Exercise 13: a dense layer with an activation, forward and backward.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/13_dense
"""

import numpy as np

# You may use the course's activations and their derivatives:
from course_code.activations import (
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    tanh,
    tanh_grad,
)


def dense_forward(x, W, b, activation="relu"):
    """a = f(x @ W + b), and what the backward pass needs.

    Parameters
    ----------
    x : numpy.ndarray
        Input, shape (n, fan_in).
    W : numpy.ndarray
        Weights, shape (fan_in, fan_out).
    b : numpy.ndarray
        Biases, shape (fan_out,).
    activation : {"relu", "sigmoid", "tanh"} or None, optional
        The activation f; None means none (a = z).

    Returns
    -------
    a : numpy.ndarray
        Shape (n, fan_out).
    cache : object
        Anything you like; ``dense_backward`` receives it back.

    Notes
    -----
    The contract the grader checks:

    * activation 'relu', 'sigmoid', 'tanh' and None;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> a, cache = dense_forward(np.ones((1, 2)), np.eye(2), np.array([0.0, -2.0]))
    >>> a
    array([[1., 0.]])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("dense_forward is not written yet")


def dense_backward(grad_a, cache):
    """Gradients of the loss with respect to x, W and b.

    Parameters
    ----------
    grad_a : numpy.ndarray
        dL/da, shape (n, fan_out).
    cache : object
        The second value returned by ``dense_forward``.

    Returns
    -------
    grad_x, grad_W, grad_b : numpy.ndarray
        The shapes of x, W and b.

    Notes
    -----
    The contract the grader checks:

    * each of the four activations;
    * ``grad_b`` is the sum of grad_z over the rows, not their mean;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * the inputs are never changed.

    Examples
    --------
    >>> a, cache = dense_forward(np.ones((1, 2)), np.eye(2), np.array([0.0, -2.0]))
    >>> grad_x, grad_W, grad_b = dense_backward(np.ones((1, 2)), cache)
    >>> grad_b
    array([1., 0.])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("dense_backward is not written yet")

"""Exercise 13, a model solution: a dense layer with an activation, forward and
backward.

`course solution 13` shows it once every check passes; the exercise's stub
holds the full contract.
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

#: Each activation with its derivative; None means no activation (a = z).
ACTIVATIONS = {
    "relu": (relu, relu_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    None: (lambda z: z, np.ones_like),
}


def dense_forward(x, W, b, activation="relu"):
    """a = f(x @ W + b), and what the backward pass needs."""
    f, f_grad = ACTIVATIONS[activation]
    z = x @ W + b
    # The backward pass needs x and W for the affine map, z for f'(z).
    return f(z), (x, W, z, f_grad)


def dense_backward(grad_a, cache):
    """Gradients of the loss with respect to x, W and b."""
    x, W, z, f_grad = cache
    grad_z = grad_a * f_grad(z)  # the chain rule through f, elementwise
    grad_x = grad_z @ W.T
    grad_W = x.T @ grad_z
    grad_b = grad_z.sum(axis=0)  # b is added to every row: a sum, not a mean
    return grad_x, grad_W, grad_b

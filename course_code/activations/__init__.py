r"""Activation functions and their derivatives, written to be exact and readable.

Every elementwise function ``f`` sits next to its derivative ``f_grad``, which
takes the same parameters.  Names and default parameters follow
``torch.nn.functional``.  The functions live in one module per family of the
catalogue, and this package gathers them all:

* ``sigmoid_family``: sigmoid, tanh, hard sigmoid, softsign, log-sigmoid;
* ``relu_family``: ReLU, ReLU6, hard tanh, leaky ReLU, PReLU, RReLU, ELU,
  SELU, CELU;
* ``smooth``: GELU, SiLU, Mish, softplus, hard swish;
* ``shrinkage``: soft, hard and tanh shrink;
* ``outputs``: softmax, log-softmax, and softmax's backward pass;
* ``gated``: GLU, SwiGLU, GeGLU, ReGLU, and maxout.

``ACTIVATIONS``, the catalogue of all of them, lives in
:mod:`course_code.catalogue`; it can be imported from here too.

Every function here keeps one contract:

* it accepts Python scalars, lists and NumPy arrays of any shape;
* float16, float32 and float64 input give output of the same dtype; integers
  and booleans give float64; a scalar gives a NumPy scalar;
* it never emits a NumPy warning, for any finite or infinite input;
* NaN propagates, and ``±inf`` gives the exact limit;
* it never writes to its input;
* input it cannot take raises ``TypeError`` or ``ValueError`` naming the
  argument.

Functions that need ``exp``, ``log`` or ``erf`` compute in float64 and round
once at the end; piecewise-linear functions compute in the input's own dtype;
branches are arithmetic, not ``np.where``.  The plumbing that does this is
private, in ``course_code._numerics``.
"""

from __future__ import annotations

from course_code.activations.gated import (
    geglu,
    glu,
    maxout,
    reglu,
    swiglu,
)
from course_code.activations.outputs import (
    log_softmax,
    softmax,
    softmax_backward,
)
from course_code.activations.relu_family import (
    SELU_ALPHA,
    SELU_SCALE,
    celu,
    celu_grad,
    elu,
    elu_grad,
    hardtanh,
    hardtanh_grad,
    leaky_relu,
    leaky_relu_grad,
    prelu,
    prelu_grad,
    relu,
    relu6,
    relu6_grad,
    relu_grad,
    rrelu,
    rrelu_grad,
    selu,
    selu_grad,
)
from course_code.activations.shrinkage import (
    hardshrink,
    hardshrink_grad,
    softshrink,
    softshrink_grad,
    tanhshrink,
    tanhshrink_grad,
)
from course_code.activations.sigmoid_family import (
    hardsigmoid,
    hardsigmoid_grad,
    logsigmoid,
    logsigmoid_grad,
    sigmoid,
    sigmoid_grad,
    softsign,
    softsign_grad,
    tanh,
    tanh_grad,
)
from course_code.activations.smooth import (
    gelu,
    gelu_grad,
    hardswish,
    hardswish_grad,
    mish,
    mish_grad,
    silu,
    silu_grad,
    softplus,
    softplus_grad,
)

__all__ = [
    "ACTIVATIONS",
    "SELU_ALPHA",
    "SELU_SCALE",
    "CatalogueEntry",
    "Origin",
    "celu",
    "celu_grad",
    "elu",
    "elu_grad",
    "geglu",
    "gelu",
    "gelu_grad",
    "glu",
    "hardshrink",
    "hardshrink_grad",
    "hardsigmoid",
    "hardsigmoid_grad",
    "hardswish",
    "hardswish_grad",
    "hardtanh",
    "hardtanh_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "log_softmax",
    "logsigmoid",
    "logsigmoid_grad",
    "maxout",
    "mish",
    "mish_grad",
    "prelu",
    "prelu_grad",
    "reglu",
    "relu",
    "relu6",
    "relu6_grad",
    "relu_grad",
    "rrelu",
    "rrelu_grad",
    "selu",
    "selu_grad",
    "sigmoid",
    "sigmoid_grad",
    "silu",
    "silu_grad",
    "softmax",
    "softmax_backward",
    "softplus",
    "softplus_grad",
    "softshrink",
    "softshrink_grad",
    "softsign",
    "softsign_grad",
    "swiglu",
    "tanh",
    "tanh_grad",
    "tanhshrink",
    "tanhshrink_grad",
]


#: Names of :mod:`course_code.catalogue` that can be imported from here too.
_FROM_CATALOGUE = ("ACTIVATIONS", "CatalogueEntry", "Origin")


def __getattr__(name):
    # The catalogue imports the functions of this package, so this package
    # cannot import the catalogue when it loads: it does so on first use.
    if name in _FROM_CATALOGUE:
        from course_code import catalogue

        return getattr(catalogue, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_FROM_CATALOGUE])

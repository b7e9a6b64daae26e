"""Plausible wrong answers to the exercises: each must fail a grader.

Every entry is the source of a learner's file that looks right and is not:
the naive overflowing formula, the derivative of the wrong expression, the
wrong axis, an ignored parameter, an input changed in place, float32 turned
into float64, a mean where a sum belongs...  ``tests/test_exercise_graders.py``
runs every grader of the exercise against each one and requires at least one
to fail.  A wrong answer no grader catches is a hole in the graders.
"""

MUTANTS = {
    "01": {
        "naive formula (overflow warning)": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return 1 / (1 + np.exp(-x))
""",
        "np.where of two formulas (both evaluated)": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
""",
        "clipped input (wrong tails)": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return 1 / (1 + np.exp(-np.clip(x, -30, 30)))
""",
        "float32 upcast to float64": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
""",
        "input changed in place": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    e = np.exp(-np.abs(x))
    np.copyto(x, np.where(x >= 0, 1 / (1 + e), e / (1 + e)))
    return x
""",
        "NaN turned into 0.5": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    x = np.nan_to_num(x, nan=0.0)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
""",
        "naive formula with np.errstate(all='ignore')": """
import numpy as np
def sigmoid(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    with np.errstate(all="ignore"):
        return 1 / (1 + np.exp(-x))
""",
    },
    "02": {
        "derivative applied to the output (s * (1 - s) of x)": """
import numpy as np
def sigmoid_grad(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return x * (1 - x)
""",
        "naive exp (overflow warning)": """
import numpy as np
def sigmoid_grad(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    e = np.exp(-x)
    return e / (1 + e) ** 2
""",
        "s * (1 - s): zero in the upper tail": """
import numpy as np
from course_code.activations import sigmoid
def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1 - s)
""",
        "the sigmoid itself, not its slope": """
from course_code.activations import sigmoid
def sigmoid_grad(x):
    return sigmoid(x)
""",
    },
    "03": {
        "np.tanh instead of exponentials": """
import numpy as np
from course_code.activations import tanh_grad
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.tanh(x)
""",
        "naive (e^x - e^-x)/(e^x + e^-x): overflow": """
import numpy as np
from course_code.activations import tanh_grad
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
""",
        "2 sigmoid(2x) - 1: cancels near 0": """
import numpy as np
from course_code.activations import sigmoid, tanh_grad
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return 2 * sigmoid(2 * x) - 1
""",
        "tanh_grad = 1 - tanh**2: zero in the tails": """
import numpy as np
from course_code.activations import tanh as _tanh
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    e = np.exp(-2 * np.abs(x))
    return np.sign(x) * (1 - e) / (1 + e)
def tanh_grad(x):
    return 1 - _tanh(x) ** 2
""",
        "tanh_grad = 1 - x**2 (derivative in terms of the output)": """
import numpy as np
from course_code.activations import tanh
def tanh_grad(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return 1 - x**2
""",
        "np.tanh under another name": """
import numpy as np
from numpy import tanh as t
from course_code.activations import tanh_grad
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return t(x)
""",
        "np.vectorize(math.tanh)": """
import math
import numpy as np
from course_code.activations import tanh_grad
def tanh(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.vectorize(math.tanh, otypes=[x.dtype])(x)[()]
""",
    },
    "04": {
        "relu_grad is 1 at 0": """
import numpy as np
from course_code.activations import relu, leaky_relu, leaky_relu_grad
def relu_grad(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x >= 0, 1.0, 0.0).astype(x.dtype)
""",
        "relu_grad turns NaN into 0": """
import numpy as np
from course_code.activations import relu, leaky_relu, leaky_relu_grad
def relu_grad(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return (x > 0).astype(x.dtype)
""",
        "leaky_relu ignores negative_slope": """
import numpy as np
from course_code.activations import relu, relu_grad, leaky_relu_grad
def leaky_relu(x, negative_slope=0.01):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x > 0, x, 0.01 * x).astype(x.dtype)
""",
        "relu keeps integer dtype": """
import numpy as np
from course_code.activations import relu_grad, leaky_relu, leaky_relu_grad
def relu(x):
    return np.maximum(np.asarray(x), 0)
""",
        "relu in place": """
import numpy as np
from course_code.activations import relu_grad, leaky_relu, leaky_relu_grad
def relu(x):
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    np.maximum(x, 0, out=x)
    return x
""",
        "leaky_relu_grad is 1 at 0": """
import numpy as np
from course_code.activations import relu, relu_grad, leaky_relu
def leaky_relu_grad(x, negative_slope=0.01):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    g = np.where(x >= 0, 1.0, negative_slope)
    return np.where(np.isnan(x), np.nan, g).astype(x.dtype)
""",
    },
    "05": {
        "np.where with expm1 of every element (overflow)": """
import numpy as np
from course_code.activations import elu_grad, selu, selu_grad
def elu(x, alpha=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x > 0, x, alpha * np.expm1(x))
""",
        "exp(x) - 1 instead of expm1 (cancels near 0)": """
import numpy as np
from course_code.activations import elu_grad, selu, selu_grad
def elu(x, alpha=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x > 0, x, alpha * (np.exp(np.minimum(x, 0)) - 1)).astype(x.dtype)
""",
        "alpha ignored": """
import numpy as np
from course_code.activations import elu_grad, selu, selu_grad
def elu(x, alpha=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0))).astype(x.dtype)
""",
        "selu without its scale": """
import numpy as np
from course_code.activations import elu, elu_grad, selu_grad
SELU_ALPHA = 1.6732632423543772848170429916717
def selu(x):
    return elu(x, alpha=SELU_ALPHA)
""",
        "elu_grad is exp(x) everywhere (overflow)": """
import numpy as np
from course_code.activations import elu, selu, selu_grad
def elu_grad(x, alpha=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.where(x > 0, 1.0, alpha * np.exp(x)).astype(x.dtype)
""",
        "the classic bug, silenced with np.errstate(over='ignore')": """
import numpy as np
from course_code.activations import elu_grad, selu, selu_grad
def elu(x, alpha=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    with np.errstate(over="ignore"):
        return np.where(x > 0, x, alpha * np.expm1(x)).astype(x.dtype)
""",
    },
    "06": {
        "naive log(1 + exp(x))": """
import numpy as np
from course_code.activations import logsigmoid
def softplus(x, beta=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.log(1 + np.exp(beta * x)) / beta
""",
        "log1p(exp(x)): overflow for large x": """
import numpy as np
from course_code.activations import logsigmoid
def softplus(x, beta=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.log1p(np.exp(beta * x)) / beta
""",
        "beta ignored": """
import numpy as np
from course_code.activations import logsigmoid
def softplus(x, beta=1.0):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
""",
        "logsigmoid as log(sigmoid(x))": """
import numpy as np
from course_code.activations import softplus, sigmoid
def logsigmoid(x):
    with np.errstate(divide="ignore"):
        return np.log(sigmoid(x))
""",
        "logsigmoid with the wrong sign": """
import numpy as np
from course_code.activations import softplus
def logsigmoid(x):
    return -softplus(x)
""",
    },
    "07": {
        "erf form with -inf * 0 silenced by np.errstate": """
import numpy as np
from scipy import special
from course_code.activations import silu, gelu as _gelu
def gelu(x, approximate="none"):
    if approximate == "tanh":
        return _gelu(x, approximate="tanh")
    if approximate != "none":
        raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    with np.errstate(invalid="ignore"):
        y = 0.5 * x * (1 + special.erf(x / np.sqrt(2)))
    return np.where(np.isneginf(x), 0.0, y).astype(x.dtype)
""",
        "approximate ignored": """
import numpy as np
from scipy import special
from course_code.activations import silu, gelu as _gelu
def gelu(x, approximate="none"):
    return _gelu(x)
""",
        "unknown approximate silently accepted": """
import numpy as np
from course_code.activations import silu, gelu as _gelu
def gelu(x, approximate="none"):
    return _gelu(x, approximate="tanh" if approximate == "tanh" else "none")
""",
        "silu NaN at -inf": """
import numpy as np
from course_code.activations import gelu, sigmoid
def silu(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    with np.errstate(invalid="ignore"):
        return x * sigmoid(x)
""",
        "silu as x * tanh(x)": """
import numpy as np
from course_code.activations import gelu, tanh
def silu(x):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    return x * (tanh(x) + 1) / 2
""",
    },
    "08": {
        "no max subtraction (overflow)": """
import numpy as np
from course_code.activations import log_softmax
def softmax(x, axis=-1):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)
""",
        "always the last axis": """
import numpy as np
from course_code.activations import log_softmax, softmax as _softmax
def softmax(x, axis=-1):
    return _softmax(x, axis=-1)
""",
        "max over the whole array, not per slice": """
import numpy as np
from course_code.activations import log_softmax
def softmax(x, axis=-1):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    e = np.exp(x - x.max())
    return e / e.sum(axis=axis, keepdims=True)
""",
        "log_softmax as log(softmax)": """
import numpy as np
from course_code.activations import softmax
def log_softmax(x, axis=-1):
    with np.errstate(divide="ignore"):
        return np.log(softmax(x, axis=axis))
""",
        "sum without keepdims (transposed broadcast)": """
import numpy as np
from course_code.activations import log_softmax
def softmax(x, axis=-1):
    x = np.asarray(x)
    x = x.astype(np.float64) if x.dtype.kind in "biu" else x
    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return (e.T / e.sum(axis=axis).T).T if axis in (0, -x.ndim) else e / e.sum(axis=axis, keepdims=True)
""",
        "float32 upcast": """
import numpy as np
from course_code.activations import log_softmax, softmax as _softmax
def softmax(x, axis=-1):
    return _softmax(np.asarray(x, dtype=np.float64), axis=axis)
""",
    },
    "09": {
        "forms the Jacobian": """
import numpy as np
def softmax_backward(grad_output, output, axis=-1):
    g = np.moveaxis(np.asarray(grad_output, float), axis, -1)
    s = np.moveaxis(np.asarray(output, float), axis, -1)
    jac = s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])
    return np.moveaxis(np.einsum("...i,...ij->...j", g, jac), -1, axis)
""",
        "forgets the inner product": """
import numpy as np
def softmax_backward(grad_output, output, axis=-1):
    return np.asarray(output) * np.asarray(grad_output)
""",
        "inner product over the wrong axis": """
import numpy as np
def softmax_backward(grad_output, output, axis=-1):
    g, s = np.asarray(grad_output), np.asarray(output)
    return s * (g - np.sum(g * s, axis=-1, keepdims=True))
""",
        "inner product over the whole array": """
import numpy as np
def softmax_backward(grad_output, output, axis=-1):
    g, s = np.asarray(grad_output), np.asarray(output)
    return s * (g - np.sum(g * s))
""",
    },
    "10": {
        "sigmoid then log (inf for huge logits)": """
import numpy as np
from course_code.activations import sigmoid
from course_code.losses import binary_cross_entropy_with_logits_grad
def binary_cross_entropy_with_logits(logits, targets):
    z, y = np.asarray(logits), np.asarray(targets)
    p = sigmoid(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p))
""",
        "softplus(z) - y z: inf - inf at infinity": """
import numpy as np
from course_code.activations import softplus
from course_code.losses import binary_cross_entropy_with_logits_grad
def binary_cross_entropy_with_logits(logits, targets):
    z, y = np.asarray(logits), np.asarray(targets)
    with np.errstate(invalid="ignore"):
        return np.mean(softplus(z) - y * z).astype(z.dtype)
""",
        "sum instead of mean": """
import numpy as np
from course_code.losses import binary_cross_entropy_with_logits as _bce, binary_cross_entropy_with_logits_grad
def binary_cross_entropy_with_logits(logits, targets):
    return _bce(logits, targets) * np.size(logits)
""",
        "gradient not divided by n": """
import numpy as np
from course_code.activations import sigmoid
from course_code.losses import binary_cross_entropy_with_logits
def binary_cross_entropy_with_logits_grad(logits, targets):
    return sigmoid(logits) - np.asarray(targets)
""",
        "gradient with the wrong sign": """
import numpy as np
from course_code.activations import sigmoid
from course_code.losses import binary_cross_entropy_with_logits
def binary_cross_entropy_with_logits_grad(logits, targets):
    z = np.asarray(logits)
    return (np.asarray(targets) - sigmoid(z)) / z.size
""",
    },
    "11": {
        "-log(softmax): inf for huge logits": """
import numpy as np
from course_code.activations import softmax
from course_code.losses import cross_entropy_grad
def cross_entropy(logits, target):
    z = np.asarray(logits)
    p = softmax(z)
    with np.errstate(divide="ignore"):
        return -np.mean(np.log(p[np.arange(len(target)), target]))
""",
        "sum over rows instead of mean": """
import numpy as np
from course_code.losses import cross_entropy as _ce, cross_entropy_grad
def cross_entropy(logits, target):
    return _ce(logits, target) * len(target)
""",
        "gradient not divided by N": """
import numpy as np
from course_code.activations import softmax
from course_code.losses import cross_entropy
def cross_entropy_grad(logits, target):
    z = np.asarray(logits)
    p = softmax(z)
    p[np.arange(len(target)), target] -= 1
    return p
""",
        "softmax over the wrong axis in the gradient": """
import numpy as np
from course_code.activations import softmax
from course_code.losses import cross_entropy
def cross_entropy_grad(logits, target):
    z = np.asarray(logits)
    p = softmax(z, axis=0)
    p[np.arange(len(target)), target] -= 1
    return p / len(target)
""",
        "float32 upcast": """
import numpy as np
from course_code.losses import cross_entropy as _ce, cross_entropy_grad
def cross_entropy(logits, target):
    return _ce(np.asarray(logits, dtype=np.float64), target)
""",
    },
    "12": {
        "one-sided difference": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    fx = f(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        grad[i] = (f(x) - fx) / eps
        x[i] = old
    return grad
""",
        "forgets to restore the entry": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f(x)
        x[i] = old - eps
        grad[i] = (up - f(x)) / (2 * eps)
    return grad
""",
        "perturbs the caller's x in place": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f(x)
        x[i] = old - eps
        down = f(x)
        x[i] = old + 1e-3 * eps
        grad[i] = (up - down) / (2 * eps)
    return grad
""",
        "ignores eps": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    h = 1e-6
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        grad[i] = (up - f(x)) / (2 * h)
        x[i] = old
    return grad
""",
        "flattens a matrix to a vector": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.size)
    flat = x.reshape(-1)
    for i in range(x.size):
        old = flat[i]
        flat[i] = old + eps
        up = f(x)
        flat[i] = old - eps
        grad[i] = (up - f(x)) / (2 * eps)
        flat[i] = old
    return grad
""",
        "no float64 copy: x keeps the caller's dtype": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = float(f(x))
        x[i] = old - eps
        down = float(f(x))
        x[i] = old
        g[i] = (up - down) / (2 * eps)
    return g
""",
        "float64 copy, but the gradient in the caller's dtype": """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    g = np.zeros_like(x)
    x = np.array(x, dtype=np.float64)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = float(f(x))
        x[i] = old - eps
        down = float(f(x))
        x[i] = old
        g[i] = (up - down) / (2 * eps)
    return g
""",
    },
    "13": {
        "grad_b is a mean over the batch": """
import numpy as np
from course_code import nn
def dense_forward(x, W, b, activation="relu"):
    return nn.dense_forward(x, W, b, activation=activation)
def dense_backward(grad_a, cache):
    gx, gw, gb = nn.dense_backward(grad_a, cache)
    return gx, gw, gb / len(grad_a)
""",
        "activation derivative at the output, not at z": """
import numpy as np
from course_code.nn import resolve_activation
def dense_forward(x, W, b, activation="relu"):
    f, fgrad, params = resolve_activation(activation, {})
    z = x @ W + b
    a = f(z)
    return a, (x, W, a, fgrad)
def dense_backward(grad_a, cache):
    x, W, a, fgrad = cache
    gz = grad_a * fgrad(a)
    return gz @ W.T, x.T @ gz, gz.sum(axis=0)
""",
        "transposes swapped": """
import numpy as np
from course_code.nn import resolve_activation
def dense_forward(x, W, b, activation="relu"):
    f, fgrad, params = resolve_activation(activation, {})
    z = x @ W + b
    return f(z), (x, W, z, fgrad)
def dense_backward(grad_a, cache):
    x, W, z, fgrad = cache
    gz = grad_a * fgrad(z)
    return gz @ W.T, gz.T @ x, gz.sum(axis=0)
""",
        "forgets the bias": """
import numpy as np
from course_code import nn
def dense_forward(x, W, b, activation="relu"):
    return nn.dense_forward(x, W, np.zeros_like(b), activation=activation)
def dense_backward(grad_a, cache):
    return nn.dense_backward(grad_a, cache)
""",
        "ignores the activation": """
import numpy as np
from course_code import nn
def dense_forward(x, W, b, activation="relu"):
    return nn.dense_forward(x, W, b, activation="relu")
def dense_backward(grad_a, cache):
    return nn.dense_backward(grad_a, cache)
""",
    },
    "14": {
        "gain ignored": """
import numpy as np
from course_code.initializers import he_normal
def xavier_uniform(fan_in, fan_out, *, gain=1.0, rng=None):
    a = np.sqrt(6 / (fan_in + fan_out))
    return np.random.default_rng(rng).uniform(-a, a, size=(fan_in, fan_out))
""",
        "Xavier with a normal distribution of the uniform's bound": """
import numpy as np
from course_code.initializers import he_normal
def xavier_uniform(fan_in, fan_out, *, gain=1.0, rng=None):
    a = gain * np.sqrt(6 / (fan_in + fan_out))
    return np.random.default_rng(rng).normal(0, a, size=(fan_in, fan_out))
""",
        "He with variance 1/fan_in (LeCun)": """
import numpy as np
from course_code.initializers import xavier_uniform
def he_normal(fan_in, fan_out, *, rng=None):
    return np.random.default_rng(rng).normal(0, np.sqrt(1 / fan_in), size=(fan_in, fan_out))
""",
        "He with 2/fan_in as the standard deviation": """
import numpy as np
from course_code.initializers import xavier_uniform
def he_normal(fan_in, fan_out, *, rng=None):
    return np.random.default_rng(rng).normal(0, 2 / fan_in, size=(fan_in, fan_out))
""",
        "He from fan_out": """
import numpy as np
from course_code.initializers import xavier_uniform
def he_normal(fan_in, fan_out, *, rng=None):
    return np.random.default_rng(rng).normal(0, np.sqrt(2 / fan_out), size=(fan_in, fan_out))
""",
        "global random state (seed ignored)": """
import numpy as np
from course_code.initializers import xavier_uniform
def he_normal(fan_in, fan_out, *, rng=None):
    return np.random.normal(0, np.sqrt(2 / fan_in), size=(fan_in, fan_out))
""",
        "shape transposed": """
import numpy as np
from course_code.initializers import he_normal
def xavier_uniform(fan_in, fan_out, *, gain=1.0, rng=None):
    a = gain * np.sqrt(6 / (fan_in + fan_out))
    return np.random.default_rng(rng).uniform(-a, a, size=(fan_out, fan_in))
""",
    },
    "15": {
        "units as rows (axis 1)": """
import numpy as np
def dead_unit_fraction(pre_activations):
    z = np.asarray(pre_activations)
    return float(np.mean(np.all(z <= 0, axis=1)))
""",
        "z = 0 counted as alive": """
import numpy as np
def dead_unit_fraction(pre_activations):
    z = np.asarray(pre_activations)
    return float(np.mean(np.all(z < 0, axis=0)))
""",
        "fraction of zero outputs, not of dead units": """
import numpy as np
def dead_unit_fraction(pre_activations):
    z = np.asarray(pre_activations)
    return float(np.mean(z <= 0))
""",
        "any example instead of every example": """
import numpy as np
def dead_unit_fraction(pre_activations):
    z = np.asarray(pre_activations)
    return float(np.mean(np.any(z <= 0, axis=0)))
""",
    },
    "16": {
        "gate on the value projection": """
import numpy as np
from course_code.activations import silu
def swiglu_ffn(x, W, V, W2):
    return ((x @ W) * silu(x @ V)) @ W2
""",
        "naive silu (overflow warning)": """
import numpy as np
def swiglu_ffn(x, W, V, W2):
    h = x @ W
    return (h / (1 + np.exp(-h)) * (x @ V)) @ W2
""",
        "sigmoid gate instead of SiLU (GLU)": """
import numpy as np
from course_code.activations import sigmoid
def swiglu_ffn(x, W, V, W2):
    return (sigmoid(x @ W) * (x @ V)) @ W2
""",
        "no output projection on one example": """
import numpy as np
from course_code.activations import silu
def swiglu_ffn(x, W, V, W2):
    return np.squeeze((silu(x @ W) * (x @ V)) @ W2)
""",
    },
}

"""Right answers to the exercises, written as a careful learner would.

They use NumPy (and SciPy for Φ) in the input's own dtype, not course_code,
so they differ from the reference in every rounding: a grader that fails one
of them is too strict.  ``tests/test_exercise_graders.py`` runs them.

``SOLUTIONS`` holds one complete right answer per exercise (``tests/
test_exercises.py`` writes it into a learner's file); ``MORE_SOLUTIONS`` holds
other right answers, each a complete file too, written the way a learner
might who knows another idiom: each once failed a grader that was too strict.
"""

COMMON = """
import numpy as np
from scipy import special

def _float(x):
    x = np.asarray(x)
    return x.astype(np.float64) if x.dtype.kind in "biu" else x

def _sigmoid(x):
    x = _float(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))[()]
"""

SOLUTIONS = {
    "01": COMMON
    + """
def sigmoid(x):
    return _sigmoid(x)
""",
    "02": COMMON
    + """
def sigmoid_grad(x):
    return (_sigmoid(x) * _sigmoid(-_float(x)))[()]
""",
    "03": COMMON
    + """
def tanh(x):
    x = _float(x)
    e = np.exp(-2 * np.abs(x))
    return (np.sign(x) * -np.expm1(-2 * np.abs(x)) / (1 + e))[()]

def tanh_grad(x):
    x = _float(x)
    return (4 * _sigmoid(2 * x) * _sigmoid(-2 * x))[()]
""",
    "04": COMMON
    + """
def relu(x):
    return np.maximum(_float(x), 0)[()]

def relu_grad(x):
    x = _float(x)
    return np.where(np.isnan(x), np.nan, x > 0).astype(x.dtype)[()]

def leaky_relu(x, negative_slope=0.01):
    x = _float(x)
    return np.where(x > 0, x, x * x.dtype.type(negative_slope))[()]

def leaky_relu_grad(x, negative_slope=0.01):
    x = _float(x)
    g = np.where(x > 0, 1.0, negative_slope)
    return np.where(np.isnan(x), np.nan, g).astype(x.dtype)[()]
""",
    "05": COMMON
    + """
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

def elu(x, alpha=1.0):
    x = _float(x)
    neg = x.dtype.type(alpha) * np.expm1(np.minimum(x, 0))
    return np.where(x > 0, x, neg)[()]

def elu_grad(x, alpha=1.0):
    x = _float(x)
    neg = x.dtype.type(alpha) * np.exp(np.minimum(x, 0))
    return np.where(x > 0, x.dtype.type(1), neg).astype(x.dtype)[()]

def selu(x):
    x = _float(x)
    return (x.dtype.type(SELU_SCALE) * elu(x, SELU_ALPHA)).astype(x.dtype)[()]

def selu_grad(x):
    x = _float(x)
    return (x.dtype.type(SELU_SCALE) * elu_grad(x, SELU_ALPHA)).astype(x.dtype)[()]
""",
    "06": COMMON
    + """
def softplus(x, beta=1.0):
    x = _float(x)
    b = x.dtype.type(beta)
    z = b * x
    return ((np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))) / b)[()]

def logsigmoid(x):
    x = _float(x)
    return (np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x))))[()]
""",
    "07": COMMON
    + """
def gelu(x, approximate="none"):
    x = _float(x)
    if approximate == "none":
        phi = special.ndtr(x).astype(x.dtype)
        return (np.where(np.isneginf(x), 0, x) * phi).astype(x.dtype)[()]
    if approximate == "tanh":
        c = np.sqrt(2 / np.pi)
        u = c * (x + 0.044715 * x**3)
        gate = _sigmoid(2 * u)
        return (np.where(np.isneginf(x), 0, x) * gate).astype(x.dtype)[()]
    raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")

def silu(x):
    x = _float(x)
    return (np.where(np.isneginf(x), 0, x) * _sigmoid(x)).astype(x.dtype)[()]
""",
    "08": COMMON
    + """
def softmax(x, axis=-1):
    x = _float(x)
    m = np.max(x, axis=axis, keepdims=True)
    e = np.exp(x - m)
    return e / np.sum(e, axis=axis, keepdims=True)

def log_softmax(x, axis=-1):
    x = _float(x)
    m = np.max(x, axis=axis, keepdims=True)
    z = x - m
    return z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))
""",
    "09": COMMON
    + """
def softmax_backward(grad_output, output, axis=-1):
    g, s = _float(grad_output), _float(output)
    return s * (g - np.sum(g * s, axis=axis, keepdims=True))
""",
    "10": COMMON
    + """
def binary_cross_entropy_with_logits(logits, targets):
    z, y = _float(logits), _float(targets)
    # Where y = 1 the term (1 - y) * max(z, 0) is 0 by definition: feed the
    # product 0 there, so that 0 * inf is never computed (np.where would
    # evaluate it anyway and warn).  Likewise y * max(-z, 0) where y = 0.
    pos = (1 - y) * np.where(y == 1, 0, np.maximum(z, 0))
    neg = y * np.where(y == 0, 0, np.maximum(-z, 0))
    return np.mean(pos + neg + np.log1p(np.exp(-np.abs(z)))).astype(z.dtype)

def binary_cross_entropy_with_logits_grad(logits, targets):
    z, y = _float(logits), _float(targets)
    return ((_sigmoid(z) - y) / z.size).astype(z.dtype)
""",
    "11": COMMON
    + """
def _log_softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    return (z - m) - np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))

def cross_entropy(logits, target):
    z = _float(logits)
    rows = np.arange(z.shape[0])
    return -np.mean(_log_softmax(z)[rows, target]).astype(z.dtype)

def cross_entropy_grad(logits, target):
    z = _float(logits)
    p = np.exp(_log_softmax(z))
    p[np.arange(z.shape[0]), target] -= 1
    return p / z.dtype.type(z.shape[0])
""",
    "12": COMMON
    + """
def numerical_gradient(f, x, eps=1e-6):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = float(f(x))
        x[i] = old - eps
        down = float(f(x))
        x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad
""",
    "13": COMMON
    + """
from course_code.activations import relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad

PAIRS = {
    "relu": (relu, relu_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    None: (lambda z: z, lambda z: np.ones_like(z)),
}

def dense_forward(x, W, b, activation="relu"):
    f, f_grad = PAIRS[activation]
    z = x @ W + b
    return f(z), (x, W, z, f_grad)

def dense_backward(grad_a, cache):
    x, W, z, f_grad = cache
    grad_z = grad_a * f_grad(z)
    return grad_z @ W.T, x.T @ grad_z, grad_z.sum(axis=0)
""",
    "14": COMMON
    + """
def xavier_uniform(fan_in, fan_out, *, gain=1.0, rng=None):
    a = gain * np.sqrt(6.0 / (fan_in + fan_out))
    return np.random.default_rng(rng).uniform(-a, a, size=(fan_in, fan_out))

def he_normal(fan_in, fan_out, *, rng=None):
    std = np.sqrt(2.0 / fan_in)
    return np.random.default_rng(rng).normal(0.0, std, size=(fan_in, fan_out))
""",
    "15": COMMON
    + """
def dead_unit_fraction(pre_activations):
    z = np.asarray(pre_activations)
    return float(np.mean(np.all(z <= 0, axis=0)))
""",
    "16": COMMON
    + """
def swiglu_ffn(x, W, V, W2):
    h = x @ W
    return ((h * _sigmoid(h)) * (x @ V)) @ W2
""",
}


MORE_SOLUTIONS = {
    "01": {
        "1 - p for negative x": """
import numpy as np

def sigmoid(x):
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    e = np.exp(-np.abs(x))
    p = 1 / (1 + e)
    return np.where(x >= 0, p, 1 - p)
""",
    },
    "06": {
        "np.logaddexp": """
import numpy as np

def _float(x):
    x = np.asarray(x)
    return x.astype(np.float64) if x.dtype.kind in "biu" else x

def softplus(x, beta=1.0):
    return np.logaddexp(0, beta * _float(x)) / beta

def logsigmoid(x):
    return -np.logaddexp(0, -_float(x))
""",
    },
    "07": {
        "the textbook erf form": """
import numpy as np
from scipy.special import erf
from course_code.activations import silu, gelu as _gelu

def gelu(x, approximate="none"):
    if approximate == "tanh":
        return _gelu(x, approximate="tanh")
    if approximate != "none":
        raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    safe = np.where(np.isneginf(x), 0, x)  # gelu(-inf) = 0, not -inf * 0
    return (0.5 * safe * (1 + erf(safe / np.sqrt(2)))).astype(x.dtype)
""",
    },
}

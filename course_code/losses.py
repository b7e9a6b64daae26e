r"""Losses in their stable, fused forms, each with its gradient.

Every loss here is the *mean* over its elements (PyTorch's default
``reduction="mean"``), and every ``*_grad`` is the gradient of that mean with
respect to the first argument: the predictions for MSE, the logits for the
cross-entropies.

The cross-entropies take **logits** (scores before the output activation)
rather than probabilities.  Fusing the activation into the loss is what makes
them exact: ``-log(sigmoid(z))`` is ``inf`` for $z = -800$, while the fused
form returns 800.

Examples
--------
>>> binary_cross_entropy_with_logits([-800.0], [1.0])
np.float64(800.0)
>>> cross_entropy([[0.0, 0.0]], [1])
np.float64(0.6931471805599453)
"""

from __future__ import annotations

import numpy as np

from course_code._numerics.inputs import as_float_array
from course_code.activations import log_softmax, sigmoid, softmax

__all__ = [
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_with_logits_grad",
    "cross_entropy",
    "cross_entropy_grad",
    "mse_loss",
    "mse_loss_grad",
]


def _pair(a, b, name_a, name_b):
    """Both arguments as float arrays of one shape and one result dtype."""
    a = as_float_array(a, name_a)
    b = as_float_array(b, name_b)
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, got {a.shape} "
            f"and {b.shape}"
        )
    if a.size == 0:
        raise ValueError(f"{name_a} must not be empty: the mean of no losses")
    return a, b, np.result_type(a, b)


def _check_probabilities(t, name):
    if not np.all((t >= 0) & (t <= 1)):
        bad = t[~((t >= 0) & (t <= 1))].flat[0]
        raise ValueError(f"{name} must hold probabilities in [0, 1], found {bad!r}")


def _times(c, v):
    """c * v, taking 0 * inf as 0: a term whose weight is 0 is absent."""
    out = np.zeros(np.broadcast_shapes(c.shape, v.shape))
    return np.multiply(c, v, out=out, where=c != 0)


# ---------------------------------------------------------------------------
# Mean squared error: pair it with the identity output.
# ---------------------------------------------------------------------------


def mse_loss(y_hat, y):
    r"""Mean squared error, $\frac1n \sum_i (\hat y_i - y_i)^2$.

    Parameters
    ----------
    y_hat : array_like
        Predictions, any shape.
    y : array_like
        Targets, the same shape as ``y_hat``.

    Returns
    -------
    numpy scalar
        The mean over all elements.

    Examples
    --------
    >>> mse_loss([1.0, 2.0], [1.0, 4.0])
    np.float64(2.0)
    """
    y_hat, y, dtype = _pair(y_hat, y, "y_hat", "y")
    d = y_hat.astype(np.float64) - y
    return dtype.type(np.mean(d * d))


def mse_loss_grad(y_hat, y):
    r"""Gradient of the mean squared error with respect to ``y_hat``.

    Parameters
    ----------
    y_hat, y : array_like
        As in [`mse_loss`][course_code.losses.mse_loss].

    Returns
    -------
    numpy.ndarray
        $\frac2n(\hat y - y)$, the shape of ``y_hat``.

    Examples
    --------
    >>> mse_loss_grad([1.0, 2.0], [1.0, 4.0])
    array([ 0., -2.])
    """
    y_hat, y, dtype = _pair(y_hat, y, "y_hat", "y")
    g = 2.0 * (y_hat.astype(np.float64) - y) / y_hat.size
    return g.astype(dtype)[()]


# ---------------------------------------------------------------------------
# Binary cross-entropy with logits: sigmoid output fused into the loss.
# ---------------------------------------------------------------------------


# --8<-- [start:bce]
def binary_cross_entropy_with_logits(logits, targets):
    r"""Mean binary cross-entropy of $\sigma(z)$ against $y$, from logits $z$.

    Parameters
    ----------
    logits : array_like
        Scores $z$ before the sigmoid, any shape.
    targets : array_like
        Probabilities $y \in [0, 1]$, the shape of ``logits``.

    Returns
    -------
    numpy scalar
        $\frac1n \sum_i -y_i \log\sigma(z_i) - (1 - y_i)\log(1 - \sigma(z_i))$.

    Notes
    -----
    Per element the loss is $\operatorname{softplus}(z) - yz$, written as
    $(1-y)\max(z, 0) + y\max(-z, 0) + \log(1 + e^{-|z|})$ so that nothing
    overflows or cancels, and so that $z = \pm\infty$ gives the exact limit
    (0 when the prediction is certain and right, $\infty$ when it is
    certain and wrong).

    Examples
    --------
    >>> binary_cross_entropy_with_logits([0.0], [1.0])
    np.float64(0.6931471805599453)
    >>> binary_cross_entropy_with_logits([1e4, -np.inf], [1.0, 0.0])
    np.float64(0.0)
    >>> binary_cross_entropy_with_logits([1e4], [0.0])
    np.float64(10000.0)
    """
    z, y, dtype = _pair(logits, targets, "logits", "targets")
    _check_probabilities(y, "targets")
    z = z.astype(np.float64)
    y = y.astype(np.float64)
    positive = np.clip(z, 0.0, np.inf)
    negative = np.clip(-z, 0.0, np.inf)
    per_element = (
        _times(1.0 - y, positive) + _times(y, negative) + np.log1p(np.exp(-np.abs(z)))
    )
    return dtype.type(np.mean(per_element))


def binary_cross_entropy_with_logits_grad(logits, targets):
    r"""Gradient of the mean binary cross-entropy with respect to the logits.

    Parameters
    ----------
    logits, targets : array_like
        As in ``binary_cross_entropy_with_logits``.

    Returns
    -------
    numpy.ndarray
        $(\sigma(z) - y)/n$, the shape of ``logits``.

    Notes
    -----
    The sigmoid's derivative $\sigma(1-\sigma)$ cancels against the
    derivative of the log, which is why the gradient is simply the error
    $\sigma(z) - y$ and never vanishes when the prediction is confidently
    wrong.

    Examples
    --------
    >>> binary_cross_entropy_with_logits_grad([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    z, y, dtype = _pair(logits, targets, "logits", "targets")
    _check_probabilities(y, "targets")
    g = (sigmoid(z.astype(np.float64)) - y) / z.size
    return g.astype(dtype)[()]


# --8<-- [end:bce]

# ---------------------------------------------------------------------------
# Softmax cross-entropy: softmax output fused into the loss.
# ---------------------------------------------------------------------------


def _classification(logits, target):
    """Validate (logits, target); return them and whether target holds labels."""
    z = as_float_array(logits, "logits")
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(
            f"logits must have a class axis (the last) of size >= 1, got shape "
            f"{z.shape}"
        )
    if isinstance(target, (str, bytes)):
        raise TypeError("target must be integer labels or probabilities, got str")
    t = np.asarray(target)
    if t.dtype.kind in "iu":
        n_classes = z.shape[-1]
        if t.shape != z.shape[:-1]:
            raise ValueError(
                f"target labels must have shape {z.shape[:-1]} (logits without "
                f"the class axis), got {t.shape}"
            )
        if t.size and (t.min() < 0 or t.max() >= n_classes):
            bad = t[(t < 0) | (t >= n_classes)].flat[0]
            raise ValueError(
                f"target labels must be in 0..{n_classes - 1}, found {bad}"
            )
        return z, t, True
    t = as_float_array(target, "target")
    if t.shape != z.shape:
        raise ValueError(
            f"target probabilities must have the shape of logits {z.shape}, "
            f"got {t.shape}"
        )
    _check_probabilities(t, "target")
    return z, t, False


def _rows(z):
    if z.size == 0:
        raise ValueError("logits must not be empty: the mean of no losses")
    return z.size // z.shape[-1]


def cross_entropy(logits, target):
    r"""Mean softmax cross-entropy, from logits, against labels or probabilities.

    Parameters
    ----------
    logits : array_like
        Scores of shape ``(..., C)``: the last axis holds the classes.
    target : array_like
        Either integer class labels of shape ``(...)`` with values in
        ``0..C-1``, or probabilities of shape ``(..., C)`` (for example
        smoothed labels).

    Returns
    -------
    numpy scalar
        The mean over samples of $-\sum_j t_j \log\operatorname{softmax}(z)_j$.

    Notes
    -----
    ``-np.log(softmax(z))`` returns ``inf`` as soon as a probability
    underflows; ``log_softmax`` (the log-sum-exp form) does not.  For integer
    labels the sum has one term, $-\log\operatorname{softmax}(z)_y$.

    Examples
    --------
    >>> cross_entropy([[1000.0, 0.0]], [1])
    np.float64(1000.0)
    >>> cross_entropy([[0.0, 0.0]], [[0.5, 0.5]])
    np.float64(0.6931471805599453)
    """
    z, t, labels = _classification(logits, target)
    n = _rows(z)
    logp = log_softmax(z.astype(np.float64), axis=-1)
    if labels:
        picked = np.take_along_axis(logp, t[..., None], axis=-1)
        return z.dtype.type(-np.sum(picked) / n)
    return np.result_type(z, t).type(-np.sum(_times(t, logp)) / n)


def cross_entropy_grad(logits, target):
    r"""Gradient of the mean softmax cross-entropy with respect to the logits.

    Parameters
    ----------
    logits, target : array_like
        As in [`cross_entropy`][course_code.losses.cross_entropy].

    Returns
    -------
    numpy.ndarray
        $(\operatorname{softmax}(z) - t)/N$ for $N$ samples, where $t$ is the
        one-hot label or the target distribution (for targets that do not sum
        to 1 it is $(\operatorname{softmax}(z)\sum_j t_j - t)/N$).

    Examples
    --------
    >>> cross_entropy_grad([[0.0, 0.0]], [1])
    array([[ 0.5, -0.5]])
    """
    z, t, labels = _classification(logits, target)
    n = _rows(z)
    p = softmax(z.astype(np.float64), axis=-1)
    if labels:
        one_hot = np.zeros_like(p)
        np.put_along_axis(one_hot, t[..., None], 1.0, axis=-1)
        return ((p - one_hot) / n).astype(z.dtype)
    t64 = t.astype(np.float64)
    g = (p * np.sum(t64, axis=-1, keepdims=True) - t64) / n
    return g.astype(np.result_type(z, t))

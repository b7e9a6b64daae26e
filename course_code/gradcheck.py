r"""Gradient checking: compare a derivative with central finite differences.

A gradient written by hand is easy to get subtly wrong: a missing factor, a
transpose, a sign.  The finite difference

$$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}$$

needs only $f$, and its error is $O(h^2)$ (plus rounding of order
$\varepsilon |f| / h$), so with $h = 10^{-6}$ in float64 a correct gradient
agrees to about $10^{-8}$ relative, and a wrong one disagrees at once.

Examples
--------
>>> x = np.array([1.0, -2.0, 3.0])
>>> check_gradient(lambda v: np.sum(v**3), lambda v: 3 * v**2, x).ok
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_code._numerics.inputs import as_float_array, real_scalar

__all__ = [
    "GradientCheck",
    "check_gradient",
    "check_network_gradients",
    "numerical_gradient",
]


def _scalar(value):
    value = np.asarray(value)
    if value.size != 1:
        raise ValueError(f"f must return a scalar, got an array of shape {value.shape}")
    return float(value.reshape(()))


def numerical_gradient(f, x, eps=1e-6):
    r"""The gradient of a scalar function by central differences.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns a scalar.
    x : array_like
        The point, any shape; computed in float64.
    eps : float, optional
        The step $h$, default ``1e-6``.

    Returns
    -------
    numpy.ndarray
        float64, the shape of ``x``: entry $i$ is
        $(f(x + h e_i) - f(x - h e_i)) / 2h$.

    Notes
    -----
    Each entry of a float64 copy of ``x`` is moved by $\pm h$ and put back,
    so ``x`` itself is never modified.  It costs $2n$ calls of ``f``.

    Examples
    --------
    >>> numerical_gradient(lambda v: np.sum(v**2), [1.0, -3.0])
    array([ 2., -6.])
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    eps = real_scalar(eps, "eps", minimum=0.0, strict=True)
    point = np.array(as_float_array(x, "x"), dtype=np.float64)  # a copy
    grad = np.zeros_like(point)
    for i in np.ndindex(point.shape):
        original = point[i]
        point[i] = original + eps
        up = _scalar(f(point))
        point[i] = original - eps
        down = _scalar(f(point))
        point[i] = original  # put it back before moving the next entry
        grad[i] = (up - down) / (2.0 * eps)
    return grad


@dataclass(frozen=True)
class GradientCheck:
    """The outcome of comparing an analytic gradient with a numerical one.

    Attributes
    ----------
    ok : bool
        ``numpy.allclose(analytic, numerical, rtol, atol)``.
    max_abs_error : float
        The largest $|a_i - n_i|$.
    max_rel_error : float
        The largest $|a_i - n_i| / \\max(|a_i|, |n_i|, \\text{atol})$.
    analytic, numerical : numpy.ndarray
        The two gradients.

    Examples
    --------
    >>> r = check_gradient(np.sum, lambda v: 2 * np.ones_like(v), [1.0])
    >>> r.ok, r.max_abs_error
    (False, 1.0)
    """

    ok: bool
    max_abs_error: float
    max_rel_error: float
    analytic: np.ndarray
    numerical: np.ndarray

    def __bool__(self):
        return self.ok


def _compare(analytic, numerical, rtol, atol):
    rtol = real_scalar(rtol, "rtol", minimum=0.0)
    atol = real_scalar(atol, "atol", minimum=0.0)
    if analytic.shape != numerical.shape:
        raise ValueError(
            f"the analytic gradient has shape {analytic.shape}, the input "
            f"{numerical.shape}: they must be the same"
        )
    error = np.abs(analytic - numerical)
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numerical)), atol)
    return GradientCheck(
        ok=bool(np.allclose(analytic, numerical, rtol=rtol, atol=atol)),
        max_abs_error=float(error.max(initial=0.0)),
        max_rel_error=float((error / np.where(scale > 0, scale, 1.0)).max(initial=0.0)),
        analytic=analytic,
        numerical=numerical,
    )


def check_gradient(f, grad, x, *, eps=1e-6, rtol=1e-5, atol=1e-7):
    """Compare ``grad(x)`` with the numerical gradient of ``f`` at ``x``.

    Parameters
    ----------
    f : callable
        A scalar function of an array.
    grad : callable or array_like
        Its gradient: a function of ``x``, or the gradient already computed.
    x : array_like
        The point.
    eps : float, optional
        Finite-difference step.
    rtol, atol : float, optional
        Tolerances of ``numpy.allclose(analytic, numerical)``.

    Returns
    -------
    GradientCheck
        Truthy when the gradients agree; says by how much they differ.

    Examples
    --------
    >>> from course_code.activations import tanh, tanh_grad
    >>> x = np.linspace(-2, 2, 5)
    >>> bool(check_gradient(lambda v: np.sum(tanh(v)), tanh_grad, x))
    True
    >>> check_gradient(lambda v: np.sum(tanh(v)), lambda v: 1 - tanh(v), x).ok
    False
    """
    x = np.array(as_float_array(x, "x"), dtype=np.float64)
    analytic = grad(x.copy()) if callable(grad) else grad
    analytic = np.asarray(as_float_array(analytic, "grad"), dtype=np.float64)
    return _compare(analytic, numerical_gradient(f, x, eps), rtol, atol)


def _loss_value(model, loss, X, y):
    return loss(model(X), y)


def check_network_gradients(model, loss, X, y, *, eps=1e-6, rtol=1e-5, atol=1e-7):
    """Check every parameter gradient of a network by finite differences.

    Parameters
    ----------
    model : course_code.nn.Module
        Anything with ``model(X)``, ``model.backward(grad)``,
        ``model.parameters()`` and ``model.zero_grad()``, parameters with
        ``.data`` and ``.grad`` (float64 for a meaningful check).
    loss : callable
        ``loss(y_hat, y)`` returns a scalar and ``loss.backward()`` its
        gradient with respect to ``y_hat``, as the losses of
        ``course_code.nn``.
    X, y : numpy.ndarray
        A (small) batch.
    eps, rtol, atol : float, optional
        As in [`check_gradient`][course_code.gradcheck.check_gradient].

    Returns
    -------
    dict of str to GradientCheck
        One entry per parameter, keyed ``"<index>.<name>"`` (``"0.W"``).

    Examples
    --------
    >>> from course_code.nn import MLP, CrossEntropyLoss
    >>> model = MLP(2, [4], 3, activation="tanh", rng=0)
    >>> X, y = np.random.default_rng(0).normal(size=(5, 2)), np.array([0, 1, 2, 0, 1])
    >>> report = check_network_gradients(model, CrossEntropyLoss(), X, y)
    >>> all(report.values()), sorted(report)[:2]
    (True, ['0.W', '1.b'])
    """
    model.zero_grad()
    _loss_value(model, loss, X, y)
    model.backward(loss.backward())
    report = {}
    for index, p in enumerate(model.parameters()):
        original = p.data.copy()

        def f(values, p=p):
            p.data[...] = values
            return _loss_value(model, loss, X, y)

        try:
            numerical = numerical_gradient(f, original, eps)
        finally:
            p.data[...] = original  # leave the model as it was
        name = f"{index}.{getattr(p, 'name', '') or 'param'}"
        report[name] = _compare(np.array(p.grad, np.float64), numerical, rtol, atol)
    return report

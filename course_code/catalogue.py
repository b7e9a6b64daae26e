r"""The catalogue: one record per activation, the source of tables and figures.

Each ``Activation`` holds the callable and its derivative, the formulas
in LaTeX, the range, the properties the course discusses, where the function
comes from, and what PyTorch and Keras call it.  Facts that can be computed
(a range, a minimum) are checked against the code by the tests.

Examples
--------
>>> from course_code.activations import ACTIVATIONS
>>> relu = ACTIVATIONS["relu"]
>>> relu.range, relu.bounded_above
((0.0, inf), False)
>>> float(relu(-2.0)), float(relu.grad_at(3.0))
(0.0, 1.0)
>>> ACTIVATIONS["gelu_tanh"].params
mappingproxy({'approximate': 'tanh'})
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
from scipy import optimize

from course_code import activations as _a

__all__ = ["ACTIVATIONS", "Activation", "Origin", "Slope", "max_slope"]

_INF = math.inf


@dataclass(frozen=True)
class Origin:
    """Where an activation was introduced or made popular.

    Examples
    --------
    >>> Origin("Nair and Hinton", 2010, "Rectified Linear Units ...").year
    2010
    """

    authors: str
    year: int
    title: str


@dataclass(frozen=True)
class Activation:
    r"""One entry of the catalogue.

    The properties have exact meanings, and ``tests/test_catalogue.py``
    checks each one against the function itself (with ``params``):

    Attributes
    ----------
    range : tuple of float
        The infimum and supremum of the function over the real line; an
        end may be attained (ReLU's 0) or only approached (sigmoid's 1).
    monotonic : bool
        Non-decreasing on the whole real line.
    smooth : bool
        Infinitely differentiable everywhere (ELU and CELU are only once).
    zero_centred : bool
        Odd, $f(-x) = -f(x)$: symmetric inputs give outputs of mean 0.
    self_gated : bool
        $f(x) = x\,g(x)$ with a continuous gate $g$ that rises from 0
        (as $x \to -\infty$) to 1 (as $x \to \infty$) and lies strictly
        between them at 0, as in SiLU ($g = \sigma$) and GELU ($g = \Phi$).
    params : mapping
        Keyword arguments passed to ``fn`` and ``grad`` by ``entry(x)`` and
        ``entry.grad_at(x)``.
    jax : str or None
        The name in ``jax.nn`` (with its arguments where the defaults
        differ), or None where JAX has no such function.
    minimum : tuple of float or None
        ``(x, f(x))`` at the minimum of a function that dips below its
        limit at $-\infty$ (GELU, SiLU, Mish, hard swish), computed from
        ``fn`` when the module is imported.

    Examples
    --------
    >>> from course_code.activations import ACTIVATIONS
    >>> ACTIVATIONS["sigmoid"].display_name
    'Sigmoid'
    """

    name: str
    display_name: str
    family: str
    fn: Callable
    grad: Callable | None
    formula: str
    derivative: str | None
    range: tuple[float, float]
    monotonic: bool
    smooth: bool
    zero_centred: bool
    self_gated: bool
    origin: Origin | None
    pytorch: str
    keras: str | None
    notes: str = ""
    params: Mapping[str, object] = field(default_factory=dict)
    elementwise: bool = True
    minimum: tuple[float, float] | None = None
    jax: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @property
    def bounded_below(self):
        """True if the function has a finite lower bound."""
        return self.range[0] > -_INF

    @property
    def bounded_above(self):
        """True if the function has a finite upper bound."""
        return self.range[1] < _INF

    @property
    def bounded(self):
        """True if the function is bounded on both sides."""
        return self.bounded_below and self.bounded_above

    def __call__(self, x):
        """Evaluate the function with this entry's default parameters."""
        return self.fn(x, **self.params)

    def grad_at(self, x):
        """Evaluate the derivative with this entry's default parameters."""
        if self.grad is None:
            raise TypeError(f"{self.name} is not elementwise; it has no _grad")
        return self.grad(x, **self.params)


_RUMELHART = Origin(
    "D. E. Rumelhart, G. E. Hinton, R. J. Williams",
    1986,
    "Learning representations by back-propagating errors",
)
_LECUN = Origin(
    "Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller", 1998, "Efficient BackProp"
)
_NAIR = Origin(
    "V. Nair, G. E. Hinton",
    2010,
    "Rectified Linear Units Improve Restricted Boltzmann Machines",
)
_KRIZHEVSKY = Origin(
    "A. Krizhevsky", 2010, "Convolutional Deep Belief Networks on CIFAR-10"
)
_MAAS = Origin(
    "A. L. Maas, A. Y. Hannun, A. Y. Ng",
    2013,
    "Rectifier Nonlinearities Improve Neural Network Acoustic Models",
)
_CLEVERT = Origin(
    "D.-A. Clevert, T. Unterthiner, S. Hochreiter",
    2015,
    "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)",
)
_KLAMBAUER = Origin(
    "G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter",
    2017,
    "Self-Normalizing Neural Networks",
)
_BARRON = Origin(
    "J. T. Barron", 2017, "Continuously Differentiable Exponential Linear Units"
)
_HENDRYCKS = Origin(
    "D. Hendrycks, K. Gimpel", 2016, "Gaussian Error Linear Units (GELUs)"
)
_ELFWING = Origin(
    "S. Elfwing, E. Uchibe, K. Doya",
    2018,
    "Sigmoid-Weighted Linear Units for Neural Network Function Approximation "
    "in Reinforcement Learning",
)
_MISRA = Origin(
    "D. Misra", 2019, "Mish: A Self Regularized Non-Monotonic Activation Function"
)
_DUGAS = Origin(
    "C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia",
    2001,
    "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
)
_TURIAN = Origin(
    "J. Turian, J. Bergstra, Y. Bengio",
    2009,
    "Quadratic Features and Deep Architectures for Chunking",
)
_HOWARD = Origin("A. Howard et al.", 2019, "Searching for MobileNetV3")
_COLLOBERT = Origin("R. Collobert", 2004, "Large Scale Machine Learning")
_DONOHO_SOFT = Origin("D. L. Donoho", 1995, "De-noising by soft-thresholding")
_DONOHO_HARD = Origin(
    "D. L. Donoho, I. M. Johnstone",
    1994,
    "Ideal spatial adaptation by wavelet shrinkage",
)
_TORCH7 = Origin(
    "R. Collobert, K. Kavukcuoglu, C. Farabet",
    2011,
    "Torch7: A Matlab-like Environment for Machine Learning",
)
_BRIDLE = Origin(
    "J. S. Bridle",
    1990,
    "Probabilistic Interpretation of Feedforward Classification Network "
    "Outputs, with Relationships to Statistical Pattern Recognition",
)
_DAUPHIN = Origin(
    "Y. N. Dauphin, A. Fan, M. Auli, D. Grangier",
    2017,
    "Language Modeling with Gated Convolutional Networks",
)
_HE = Origin(
    "K. He, X. Zhang, S. Ren, J. Sun",
    2015,
    "Delving Deep into Rectifiers: Surpassing Human-Level Performance on "
    "ImageNet Classification",
)
_XU = Origin(
    "B. Xu, N. Wang, T. Chen, M. Li",
    2015,
    "Empirical Evaluation of Rectified Activations in Convolutional Network",
)
_SHAZEER = Origin("N. Shazeer", 2020, "GLU Variants Improve Transformer")
_GOODFELLOW = Origin(
    "I. J. Goodfellow, D. Warde-Farley, M. Mirza, A. Courville, Y. Bengio",
    2013,
    "Maxout Networks",
)


_SWIGLU_NOTE = (
    "Neither PyTorch nor Keras has it built in: write a * silu(b), or "
    "silu(x @ W) * (x @ V) in a feed-forward block (PaLM, LLaMA)."
)


def _gated_unit(name, display_name, gate, smooth, notes):
    """The entry of a GLU variant a * gate(b) (Shazeer, 2020)."""
    return Activation(
        name,
        display_name,
        "gated",
        getattr(_a, name),
        None,
        rf"\operatorname{{{name}}}(a, b) = a \otimes \operatorname{{{gate}}}(b)",
        None,
        (-_INF, _INF),
        False,
        smooth,
        False,
        False,
        _SHAZEER,
        f"torch.nn.functional.{gate}",
        None,
        notes,
        {"axis": -1},
        False,
    )


def _minimum(fn, bracket, **params):
    """(x, fn(x)) at the minimum of ``fn`` inside ``bracket`` (a < b < c).

    Brent's method; near a minimum f(x) is flat, so locating x to 1e-8
    gives f(x) to about 1e-16.

    >>> x, y = _minimum(_a.silu, (-2.0, -1.3, -0.5))
    >>> round(x, 5), round(y, 5)
    (-1.27846, -0.27846)
    """
    result = optimize.minimize_scalar(
        lambda t: float(fn(t, **params)), bracket=bracket, tol=1e-10
    )
    return float(result.x), float(result.fun)


def _about(minimum):
    return f"Minimum about {minimum[1]:.5f} at x ≈ {minimum[0]:.5f}."


_GELU_MIN = _minimum(_a.gelu, (-1.5, -0.75, 0.0))
_GELU_TANH_MIN = _minimum(_a.gelu, (-1.5, -0.75, 0.0), approximate="tanh")
_SILU_MIN = _minimum(_a.silu, (-2.0, -1.3, -0.5))
_MISH_MIN = _minimum(_a.mish, (-2.0, -1.2, -0.5))
_HARDSWISH_MIN = _minimum(_a.hardswish, (-2.5, -1.4, -0.5))

_ENTRIES = (
    Activation(
        "sigmoid",
        "Sigmoid",
        "sigmoid",
        _a.sigmoid,
        _a.sigmoid_grad,
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        (0.0, 1.0),
        True,
        True,
        False,
        False,
        _RUMELHART,
        "torch.sigmoid, torch.nn.Sigmoid",
        "keras.activations.sigmoid",
        "Same in every framework. The derivative is at most 1/4, at x = 0.",
    ),
    Activation(
        "tanh",
        "Tanh",
        "sigmoid",
        _a.tanh,
        _a.tanh_grad,
        r"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1",
        r"\tanh' x = 1 - \tanh^2 x",
        (-1.0, 1.0),
        True,
        True,
        True,
        False,
        _LECUN,
        "torch.tanh, torch.nn.Tanh",
        "keras.activations.tanh",
        "Same in every framework.",
    ),
    Activation(
        "hardsigmoid",
        "Hard sigmoid",
        "sigmoid",
        _a.hardsigmoid,
        _a.hardsigmoid_grad,
        r"\operatorname{hardsigmoid}(x) = \min\bigl(\max(x/6 + 1/2,\ 0),\ 1\bigr)",
        r"\tfrac16 \text{ for } -3 < x < 3, \text{ else } 0",
        (0.0, 1.0),
        True,
        False,
        False,
        False,
        _HOWARD,
        "torch.nn.functional.hardsigmoid, torch.nn.Hardsigmoid",
        "keras.activations.hard_sigmoid",
        "Keras 3 and PyTorch use x/6 + 1/2; Keras 2 (tf.keras) used "
        "0.2x + 0.5 clipped to [0, 1], which reaches 0 and 1 at x = -2.5 and "
        "2.5 instead of -3 and 3.",
    ),
    Activation(
        "softsign",
        "Softsign",
        "sigmoid",
        _a.softsign,
        _a.softsign_grad,
        r"\operatorname{softsign}(x) = \frac{x}{1 + |x|}",
        r"\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}",
        (-1.0, 1.0),
        True,
        False,
        True,
        False,
        _TURIAN,
        "torch.nn.functional.softsign, torch.nn.Softsign",
        "keras.activations.softsign",
        "PyTorch returns NaN at ±inf (inf/inf); the limit is ±1.",
    ),
    Activation(
        "logsigmoid",
        "Log-sigmoid",
        "sigmoid",
        _a.logsigmoid,
        _a.logsigmoid_grad,
        r"\log\sigma(x) = -\operatorname{softplus}(-x)",
        r"\sigma(-x) = 1 - \sigma(x)",
        (-_INF, 0.0),
        True,
        True,
        False,
        False,
        None,
        "torch.nn.functional.logsigmoid, torch.nn.LogSigmoid",
        "keras.activations.log_sigmoid",
        "Used inside losses (the log-likelihood of a sigmoid output) more than "
        "as a hidden activation.",
    ),
    Activation(
        "relu",
        "ReLU",
        "relu",
        _a.relu,
        _a.relu_grad,
        r"\operatorname{relu}(x) = \max(0, x)",
        r"1 \text{ for } x > 0, \text{ else } 0",
        (0.0, _INF),
        True,
        False,
        False,
        False,
        _NAIR,
        "torch.relu, torch.nn.ReLU",
        "keras.activations.relu",
        "Not differentiable at 0; PyTorch, TensorFlow and JAX all use 0 there.",
    ),
    Activation(
        "relu6",
        "ReLU6",
        "relu",
        _a.relu6,
        _a.relu6_grad,
        r"\operatorname{relu6}(x) = \min\bigl(\max(0, x),\ 6\bigr)",
        r"1 \text{ for } 0 < x < 6, \text{ else } 0",
        (0.0, 6.0),
        True,
        False,
        False,
        False,
        _KRIZHEVSKY,
        "torch.nn.functional.relu6, torch.nn.ReLU6",
        "keras.activations.relu6",
        "Bounded, for low-precision arithmetic (MobileNet).",
    ),
    Activation(
        "hardtanh",
        "Hard tanh",
        "relu",
        _a.hardtanh,
        _a.hardtanh_grad,
        r"\operatorname{hardtanh}(x) = \min\bigl(\max(x, -1),\ 1\bigr)",
        r"1 \text{ for } -1 < x < 1, \text{ else } 0",
        (-1.0, 1.0),
        True,
        False,
        True,
        False,
        _COLLOBERT,
        "torch.nn.functional.hardtanh, torch.nn.Hardtanh",
        "keras.activations.hard_tanh",
        "PyTorch's min_val and max_val default to -1 and 1.",
        {"min_val": -1.0, "max_val": 1.0},
    ),
    Activation(
        "leaky_relu",
        "Leaky ReLU",
        "relu",
        _a.leaky_relu,
        _a.leaky_relu_grad,
        r"\operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ "
        r"\alpha x & x \le 0 \end{cases}",
        r"1 \text{ for } x > 0, \text{ else } \alpha",
        (-_INF, _INF),
        True,
        False,
        False,
        False,
        _MAAS,
        "torch.nn.functional.leaky_relu, torch.nn.LeakyReLU",
        "keras.activations.leaky_relu, keras.layers.LeakyReLU",
        "Default slope: 0.01 in PyTorch, 0.2 in keras.activations.leaky_relu, "
        "0.3 in keras.layers.LeakyReLU. PReLU learns the slope; RReLU draws "
        "it at random during training.",
        {"negative_slope": 0.01},
    ),
    Activation(
        "prelu",
        "PReLU",
        "relu",
        _a.prelu,
        _a.prelu_grad,
        r"\operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ "
        r"a x & x \le 0 \end{cases}",
        r"1 \text{ for } x > 0, \text{ else } a",
        (-_INF, _INF),
        True,
        False,
        False,
        False,
        _HE,
        "torch.nn.functional.prelu, torch.nn.PReLU",
        "keras.layers.PReLU",
        "The slope a is a parameter trained with the weights: PyTorch starts it "
        "at 0.25, Keras at 0. PyTorch can learn one slope per channel.",
        {"weight": 0.25},
    ),
    Activation(
        "rrelu",
        "RReLU",
        "relu",
        _a.rrelu,
        _a.rrelu_grad,
        r"\operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ "
        r"a x & x \le 0 \end{cases},\ a \sim U(l, u) \text{ in training, "
        r"else } a = \tfrac{l + u}{2}",
        r"1 \text{ for } x > 0, \text{ else } a",
        (-_INF, _INF),
        True,
        False,
        False,
        False,
        _XU,
        "torch.nn.functional.rrelu, torch.nn.RReLU",
        None,
        "Training draws a fresh slope per element from U(1/8, 1/3); evaluation "
        "uses the mean 11/48. Keras has no RReLU.",
        {"lower": 1.0 / 8.0, "upper": 1.0 / 3.0},
    ),
    Activation(
        "elu",
        "ELU",
        "relu",
        _a.elu,
        _a.elu_grad,
        r"\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ "
        r"\alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        r"1 \text{ for } x > 0, \text{ else } \alpha e^{x}",
        (-1.0, _INF),
        True,
        False,
        False,
        False,
        _CLEVERT,
        "torch.nn.functional.elu, torch.nn.ELU",
        "keras.activations.elu",
        "alpha defaults to 1 everywhere. Continuously differentiable only for "
        "alpha = 1 (CELU is for every alpha).",
        {"alpha": 1.0},
    ),
    Activation(
        "selu",
        "SELU",
        "relu",
        _a.selu,
        _a.selu_grad,
        r"\operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ "
        r"\alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        r"\lambda \text{ for } x > 0, \text{ else } \lambda\alpha e^{x}",
        (-_a.SELU_SCALE * _a.SELU_ALPHA, _INF),
        True,
        False,
        False,
        False,
        _KLAMBAUER,
        "torch.nn.functional.selu, torch.nn.SELU",
        "keras.activations.selu",
        "λ ≈ 1.0507 and α ≈ 1.6733 in every framework; pair it with LeCun "
        "normal initialisation (and AlphaDropout) to self-normalise.",
    ),
    Activation(
        "celu",
        "CELU",
        "relu",
        _a.celu,
        _a.celu_grad,
        r"\operatorname{celu}(x) = \max(0, x) + \min\bigl(0,\ "
        r"\alpha\,(e^{x/\alpha} - 1)\bigr)",
        r"1 \text{ for } x > 0, \text{ else } e^{x/\alpha}",
        (-1.0, _INF),
        True,
        False,
        False,
        False,
        _BARRON,
        "torch.nn.functional.celu, torch.nn.CELU",
        "keras.activations.celu",
        "Continuously differentiable for every alpha, unlike ELU.",
        {"alpha": 1.0},
    ),
    Activation(
        "gelu",
        "GELU",
        "smooth",
        _a.gelu,
        _a.gelu_grad,
        r"\operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + "
        r"\operatorname{erf}\bigl(x/\sqrt{2}\bigr)\Bigr)",
        r"\Phi(x) + x\,\varphi(x)",
        (_GELU_MIN[1], _INF),
        False,
        True,
        False,
        True,
        _HENDRYCKS,
        "torch.nn.functional.gelu, torch.nn.GELU",
        "keras.activations.gelu",
        "PyTorch and Keras default to the exact form (approximate='none' / "
        "approximate=False); jax.nn.gelu defaults to the tanh approximation. "
        + _about(_GELU_MIN),
        {"approximate": "none"},
        minimum=_GELU_MIN,
    ),
    Activation(
        "gelu_tanh",
        "GELU (tanh approximation)",
        "smooth",
        _a.gelu,
        _a.gelu_grad,
        r"\tfrac12 x \Bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^3)"
        r"\bigr)\Bigr)",
        r"\tfrac12\bigl(1 + \tanh u\bigr) + \tfrac12 x\,(1 - \tanh^2 u)\,u', "
        r"\quad u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)",
        (_GELU_TANH_MIN[1], _INF),
        False,
        True,
        False,
        True,
        _HENDRYCKS,
        "torch.nn.functional.gelu(approximate='tanh')",
        "keras.activations.gelu(approximate=True)",
        "Used by BERT and GPT-2; jax.nn.gelu's default. " + _about(_GELU_TANH_MIN),
        {"approximate": "tanh"},
        minimum=_GELU_TANH_MIN,
    ),
    Activation(
        "silu",
        "SiLU (Swish)",
        "smooth",
        _a.silu,
        _a.silu_grad,
        r"\operatorname{silu}(x) = x\,\sigma(x)",
        r"\sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
        (_SILU_MIN[1], _INF),
        False,
        True,
        False,
        True,
        _ELFWING,
        "torch.nn.functional.silu, torch.nn.SiLU",
        "keras.activations.silu (alias swish)",
        "Swish with β = 1 (Ramachandran et al., 2017). " + _about(_SILU_MIN),
        minimum=_SILU_MIN,
    ),
    Activation(
        "mish",
        "Mish",
        "smooth",
        _a.mish,
        _a.mish_grad,
        r"\operatorname{mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)",
        r"\tanh s + x\,\sigma(x)\,\operatorname{sech}^2 s, \quad "
        r"s = \operatorname{softplus}(x)",
        (_MISH_MIN[1], _INF),
        False,
        True,
        False,
        True,
        _MISRA,
        "torch.nn.functional.mish, torch.nn.Mish",
        "keras.activations.mish",
        _about(_MISH_MIN),
        minimum=_MISH_MIN,
    ),
    Activation(
        "softplus",
        "Softplus",
        "smooth",
        _a.softplus,
        _a.softplus_grad,
        r"\operatorname{softplus}(x) = \tfrac{1}{\beta}\log\bigl(1 + "
        r"e^{\beta x}\bigr)",
        r"\sigma(\beta x)",
        (0.0, _INF),
        True,
        True,
        False,
        False,
        _DUGAS,
        "torch.nn.functional.softplus, torch.nn.Softplus",
        "keras.activations.softplus",
        "PyTorch's threshold=20 returns x itself once βx > 20 (error up to "
        "2e-9 in float64); this implementation is exact everywhere. Keras "
        "has no beta.",
        {"beta": 1.0},
    ),
    Activation(
        "hardswish",
        "Hard swish",
        "smooth",
        _a.hardswish,
        _a.hardswish_grad,
        r"\operatorname{hardswish}(x) = x\,\frac{\min(\max(x + 3, 0), 6)}{6}",
        r"0 \text{ for } x \le -3,\ \tfrac{x}{3} + \tfrac12 \text{ for } "
        r"-3 < x < 3,\ 1 \text{ for } x \ge 3",
        (_HARDSWISH_MIN[1], _INF),
        False,
        False,
        False,
        True,
        _HOWARD,
        "torch.nn.functional.hardswish, torch.nn.Hardswish",
        "keras.activations.hard_silu (alias hard_swish)",
        "A piecewise quadratic stand-in for SiLU, cheap on mobile hardware. "
        + _about(_HARDSWISH_MIN),
        minimum=_HARDSWISH_MIN,
    ),
    Activation(
        "softshrink",
        "Soft shrink",
        "shrinkage",
        _a.softshrink,
        _a.softshrink_grad,
        r"\operatorname{softshrink}(x) = \begin{cases} x - \lambda & x > \lambda"
        r" \\ x + \lambda & x < -\lambda \\ 0 & \text{otherwise} \end{cases}",
        r"1 \text{ for } |x| > \lambda, \text{ else } 0",
        (-_INF, _INF),
        True,
        False,
        True,
        False,
        _DONOHO_SOFT,
        "torch.nn.functional.softshrink, torch.nn.Softshrink",
        "keras.activations.soft_shrink",
        "lambd defaults to 0.5 in PyTorch and threshold to 0.5 in Keras.",
        {"lambd": 0.5},
    ),
    Activation(
        "hardshrink",
        "Hard shrink",
        "shrinkage",
        _a.hardshrink,
        _a.hardshrink_grad,
        r"\operatorname{hardshrink}(x) = \begin{cases} x & |x| > \lambda \\ "
        r"0 & \text{otherwise} \end{cases}",
        r"1 \text{ for } |x| > \lambda, \text{ else } 0",
        (-_INF, _INF),
        True,
        False,
        True,
        False,
        _DONOHO_HARD,
        "torch.nn.functional.hardshrink, torch.nn.Hardshrink",
        "keras.activations.hard_shrink",
        "Discontinuous at ±λ (it jumps from ∓λ to 0), yet non-decreasing.",
        {"lambd": 0.5},
    ),
    Activation(
        "tanhshrink",
        "Tanh shrink",
        "shrinkage",
        _a.tanhshrink,
        _a.tanhshrink_grad,
        r"\operatorname{tanhshrink}(x) = x - \tanh x",
        r"\tanh^2 x",
        (-_INF, _INF),
        True,
        True,
        True,
        False,
        _TORCH7,
        "torch.nn.functional.tanhshrink, torch.nn.Tanhshrink",
        "keras.activations.tanh_shrink",
        "PyTorch computes x - tanh(x) directly and loses every digit for |x| < 1e-8.",
    ),
    Activation(
        "softmax",
        "Softmax",
        "output",
        _a.softmax,
        None,
        r"\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}",
        r"\frac{\partial\,\operatorname{softmax}_i}{\partial x_j} = "
        r"s_i(\delta_{ij} - s_j)",
        (0.0, 1.0),
        False,
        True,
        False,
        False,
        _BRIDLE,
        "torch.softmax(dim=...), torch.nn.Softmax",
        "keras.activations.softmax",
        "PyTorch names the axis dim; Keras and NumPy say axis.",
        {"axis": -1},
        False,
    ),
    Activation(
        "log_softmax",
        "Log-softmax",
        "output",
        _a.log_softmax,
        None,
        r"\operatorname{log\_softmax}(x)_i = x_i - \log\sum_j e^{x_j}",
        r"\delta_{ij} - \operatorname{softmax}(x)_j",
        (-_INF, 0.0),
        False,
        True,
        False,
        False,
        None,
        "torch.log_softmax(dim=...), torch.nn.LogSoftmax",
        "keras.activations.log_softmax",
        "Pair it with the negative log-likelihood loss.",
        {"axis": -1},
        False,
    ),
    Activation(
        "glu",
        "GLU",
        "gated",
        _a.glu,
        None,
        r"\operatorname{glu}(a, b) = a \otimes \sigma(b)",
        None,
        (-_INF, _INF),
        False,
        True,
        False,
        False,
        _DAUPHIN,
        "torch.nn.functional.glu(dim=-1), torch.nn.GLU",
        "keras.activations.glu",
        "SwiGLU, GeGLU and ReGLU replace σ by SiLU, GELU and ReLU.",
        {"axis": -1},
        False,
    ),
    _gated_unit("swiglu", "SwiGLU", "silu", True, _SWIGLU_NOTE),
    _gated_unit(
        "geglu", "GeGLU", "gelu", True, "Not built into PyTorch or Keras: a * gelu(b)."
    ),
    _gated_unit(
        "reglu", "ReGLU", "relu", False, "Not built into PyTorch or Keras: a * relu(b)."
    ),
    Activation(
        "maxout",
        "Maxout",
        "maxout",
        _a.maxout,
        None,
        r"\operatorname{maxout}(z)_i = \max_{j < k} z_{ik + j}",
        r"\frac{\partial\,\operatorname{maxout}_i}{\partial z_{ik+j}} = "
        r"1 \text{ for the largest } z_{ik+j}, \text{ else } 0",
        (-_INF, _INF),
        False,
        False,
        False,
        False,
        _GOODFELLOW,
        "torch.amax",
        None,
        "No layer in PyTorch or Keras: reshape to (..., units, k) and take the "
        "max over the last axis. ReLU is maxout of (z, 0).",
        {"pieces": 2, "axis": -1},
        False,
    ),
)

#: The names in ``jax.nn`` (JAX has functions only, no layers).
_JAX = {
    "sigmoid": "jax.nn.sigmoid",
    "tanh": "jax.nn.tanh",
    "hardsigmoid": "jax.nn.hard_sigmoid",
    "softsign": "jax.nn.soft_sign",
    "logsigmoid": "jax.nn.log_sigmoid",
    "relu": "jax.nn.relu",
    "relu6": "jax.nn.relu6",
    "hardtanh": "jax.nn.hard_tanh",
    "leaky_relu": "jax.nn.leaky_relu",
    "elu": "jax.nn.elu",
    "selu": "jax.nn.selu",
    "celu": "jax.nn.celu",
    "gelu": "jax.nn.gelu(approximate=False)",
    "gelu_tanh": "jax.nn.gelu",
    "silu": "jax.nn.silu, jax.nn.swish",
    "mish": "jax.nn.mish",
    "softplus": "jax.nn.softplus",
    "hardswish": "jax.nn.hard_silu, jax.nn.hard_swish",
    "softmax": "jax.nn.softmax",
    "log_softmax": "jax.nn.log_softmax",
    "glu": "jax.nn.glu",
}

#: Every activation in the course, keyed by name, in the order of the chapters.
ACTIVATIONS = MappingProxyType(
    {entry.name: replace(entry, jax=_JAX.get(entry.name)) for entry in _ENTRIES}
)


class Slope(NamedTuple):
    """The steepest slope of an activation: where, how steep, and whether alone.

    Examples
    --------
    >>> Slope(0.0, 0.25, True).value
    0.25
    """

    x: float
    value: float
    unique: bool


@functools.cache
def max_slope(name):
    """Where the derivative of an elementwise entry is largest, and its value.

    A grid of step 1e-4 over [-10, 10] finds the peak, and Brent's method
    refines it (``x`` rounded to 6 decimals).  A peak at the grid's edge that
    is not a plateau is a limit at infinity: ``x`` is then ``±inf`` and the
    value the limit.  ``unique`` is False where the largest slope holds on an
    interval (ReLU: 1 for every x > 0); ``x`` is then a point of it.

    Parameters
    ----------
    name : str
        A key of ``ACTIVATIONS`` whose entry is elementwise.

    Returns
    -------
    Slope

    Examples
    --------
    >>> max_slope("sigmoid")
    Slope(x=0.0, value=0.25, unique=True)
    >>> round(max_slope("silu").value, 4), round(max_slope("silu").x, 3)
    (1.0998, 2.399)
    """
    entry = ACTIVATIONS[name]
    x = np.linspace(-10.0, 10.0, 200_001)
    g = np.asarray(entry.grad_at(x), dtype=float)
    i = int(np.argmax(g))
    neighbours = g[max(i - 1, 0) : i + 2]
    if np.count_nonzero(neighbours == g[i]) > 1:
        return Slope(float(x[i]), float(g[i]), False)
    if i in (0, len(x) - 1):
        end = math.copysign(math.inf, x[i])
        return Slope(end, float(entry.grad_at(end)), True)
    best = optimize.minimize_scalar(
        lambda t: -float(entry.grad_at(t)),
        bounds=(x[i - 1], x[i + 1]),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return Slope(round(float(best.x), 6) + 0.0, -float(best.fun), True)

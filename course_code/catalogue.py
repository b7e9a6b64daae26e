r"""The catalogue: one record per activation, the source of tables and figures.

Each ``CatalogueEntry`` holds the callable and its derivative, the formulas
in LaTeX, the range, the properties the course discusses, where the function
comes from, and what PyTorch and Keras call it.  Facts that can be computed
(a range, a minimum) are checked against the code by the tests.

Examples
--------
>>> from course_code.catalogue import ACTIVATIONS
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

__all__ = ["ACTIVATIONS", "CatalogueEntry", "Origin", "Slope", "max_slope"]

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


@dataclass(frozen=True, kw_only=True)
class CatalogueEntry:
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
        Infinitely differentiable everywhere (CELU is only once, and ELU only
        once for ``alpha = 1``).
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
    >>> from course_code.catalogue import ACTIVATIONS
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


def _gated_unit(fn, display_name, gate, smooth, notes):
    """The entry of a GLU variant a * gate(b) (Shazeer, 2020)."""
    name = fn.__name__
    return CatalogueEntry(
        name=name,
        display_name=display_name,
        family="gated",
        fn=fn,
        grad=None,
        formula=(
            rf"\operatorname{{{name}}}(a, b) = a \otimes \operatorname{{{gate}}}(b)"
        ),
        derivative=None,
        range=(-_INF, _INF),
        monotonic=False,
        smooth=smooth,
        zero_centred=False,
        self_gated=False,
        origin=_SHAZEER,
        pytorch=f"torch.nn.functional.{gate}",
        keras=None,
        notes=notes,
        params={"axis": -1},
        elementwise=False,
    )


def _minimum(fn, grad, bracket, **params):
    """(x, fn(x)) at the minimum of ``fn`` between ``bracket = (a, b)``.

    There the derivative ``grad`` changes sign, from negative at ``a`` to
    positive at ``b``: halving the interval until no float lies inside finds
    the root of ``grad`` to the last bit, and f is flat there, so fn(x) is
    its minimum to rounding.

    >>> x, y = _minimum(silu, silu_grad, (-2.0, -0.5))
    >>> round(x, 5), round(y, 5)
    (-1.27846, -0.27846)
    """
    a, b = bracket
    while (m := (a + b) / 2) not in (a, b):
        slope = float(grad(m, **params))
        if slope == 0:
            a = b = m
        elif slope < 0:
            a = m
        else:
            b = m
    x = b if abs(float(grad(b, **params))) < abs(float(grad(a, **params))) else a
    return x, float(fn(x, **params))


def _about(minimum):
    return f"Minimum about {minimum[1]:.5f} at x ≈ {minimum[0]:.5f}."


_GELU_MIN = _minimum(gelu, gelu_grad, (-1.5, 0.0))
_GELU_TANH_MIN = _minimum(gelu, gelu_grad, (-1.5, 0.0), approximate="tanh")
_SILU_MIN = _minimum(silu, silu_grad, (-2.0, -0.5))
_MISH_MIN = _minimum(mish, mish_grad, (-2.0, -0.5))
_HARDSWISH_MIN = _minimum(hardswish, hardswish_grad, (-2.5, -0.5))

_ENTRIES = (
    CatalogueEntry(
        name="sigmoid",
        display_name="Sigmoid",
        family="sigmoid",
        fn=sigmoid,
        grad=sigmoid_grad,
        formula=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        derivative=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        range=(0.0, 1.0),
        monotonic=True,
        smooth=True,
        zero_centred=False,
        self_gated=False,
        origin=_RUMELHART,
        pytorch="torch.sigmoid, torch.nn.Sigmoid",
        keras="keras.activations.sigmoid",
        notes="Same in every framework. The derivative is at most 1/4, at x = 0.",
    ),
    CatalogueEntry(
        name="tanh",
        display_name="Tanh",
        family="sigmoid",
        fn=tanh,
        grad=tanh_grad,
        formula=r"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1",
        derivative=r"\tanh' x = 1 - \tanh^2 x",
        range=(-1.0, 1.0),
        monotonic=True,
        smooth=True,
        zero_centred=True,
        self_gated=False,
        origin=_LECUN,
        pytorch="torch.tanh, torch.nn.Tanh",
        keras="keras.activations.tanh",
        notes="Same in every framework.",
    ),
    CatalogueEntry(
        name="hardsigmoid",
        display_name="Hard sigmoid",
        family="sigmoid",
        fn=hardsigmoid,
        grad=hardsigmoid_grad,
        formula=(
            r"\operatorname{hardsigmoid}(x) = \min\bigl(\max(x/6 + 1/2,\ 0),\ 1\bigr)"
        ),
        derivative=r"\tfrac16 \text{ for } -3 < x < 3, \text{ else } 0",
        range=(0.0, 1.0),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_HOWARD,
        pytorch="torch.nn.functional.hardsigmoid, torch.nn.Hardsigmoid",
        keras="keras.activations.hard_sigmoid",
        notes="Keras 3 and PyTorch use x/6 + 1/2; Keras 2 (tf.keras) used "
        "0.2x + 0.5 clipped to [0, 1], which reaches 0 and 1 at x = -2.5 and "
        "2.5 instead of -3 and 3.",
    ),
    CatalogueEntry(
        name="softsign",
        display_name="Softsign",
        family="sigmoid",
        fn=softsign,
        grad=softsign_grad,
        formula=r"\operatorname{softsign}(x) = \frac{x}{1 + |x|}",
        derivative=r"\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}",
        range=(-1.0, 1.0),
        monotonic=True,
        smooth=False,
        zero_centred=True,
        self_gated=False,
        origin=_TURIAN,
        pytorch="torch.nn.functional.softsign, torch.nn.Softsign",
        keras="keras.activations.softsign",
        notes="PyTorch returns NaN at ±inf (inf/inf); the limit is ±1.",
    ),
    CatalogueEntry(
        name="logsigmoid",
        display_name="Log-sigmoid",
        family="sigmoid",
        fn=logsigmoid,
        grad=logsigmoid_grad,
        formula=r"\log\sigma(x) = -\operatorname{softplus}(-x)",
        derivative=r"\sigma(-x) = 1 - \sigma(x)",
        range=(-_INF, 0.0),
        monotonic=True,
        smooth=True,
        zero_centred=False,
        self_gated=False,
        origin=None,
        pytorch="torch.nn.functional.logsigmoid, torch.nn.LogSigmoid",
        keras="keras.activations.log_sigmoid",
        notes="Used inside losses (the log-likelihood of a sigmoid output) more than "
        "as a hidden activation.",
    ),
    CatalogueEntry(
        name="relu",
        display_name="ReLU",
        family="relu",
        fn=relu,
        grad=relu_grad,
        formula=r"\operatorname{relu}(x) = \max(0, x)",
        derivative=r"1 \text{ for } x > 0, \text{ else } 0",
        range=(0.0, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_NAIR,
        pytorch="torch.relu, torch.nn.ReLU",
        keras="keras.activations.relu",
        notes="Not differentiable at 0; PyTorch, TensorFlow and JAX all use 0 there.",
    ),
    CatalogueEntry(
        name="relu6",
        display_name="ReLU6",
        family="relu",
        fn=relu6,
        grad=relu6_grad,
        formula=r"\operatorname{relu6}(x) = \min\bigl(\max(0, x),\ 6\bigr)",
        derivative=r"1 \text{ for } 0 < x < 6, \text{ else } 0",
        range=(0.0, 6.0),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_KRIZHEVSKY,
        pytorch="torch.nn.functional.relu6, torch.nn.ReLU6",
        keras="keras.activations.relu6",
        notes="Bounded, for low-precision arithmetic (MobileNet).",
    ),
    CatalogueEntry(
        name="hardtanh",
        display_name="Hard tanh",
        family="relu",
        fn=hardtanh,
        grad=hardtanh_grad,
        formula=r"\operatorname{hardtanh}(x) = \min\bigl(\max(x, -1),\ 1\bigr)",
        derivative=r"1 \text{ for } -1 < x < 1, \text{ else } 0",
        range=(-1.0, 1.0),
        monotonic=True,
        smooth=False,
        zero_centred=True,
        self_gated=False,
        origin=_COLLOBERT,
        pytorch="torch.nn.functional.hardtanh, torch.nn.Hardtanh",
        keras="keras.activations.hard_tanh",
        notes="PyTorch's min_val and max_val default to -1 and 1.",
        params={"min_val": -1.0, "max_val": 1.0},
    ),
    CatalogueEntry(
        name="leaky_relu",
        display_name="Leaky ReLU",
        family="relu",
        fn=leaky_relu,
        grad=leaky_relu_grad,
        formula=r"\operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ "
        r"\alpha x & x \le 0 \end{cases}",
        derivative=r"1 \text{ for } x > 0, \text{ else } \alpha",
        range=(-_INF, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_MAAS,
        pytorch="torch.nn.functional.leaky_relu, torch.nn.LeakyReLU",
        keras="keras.activations.leaky_relu, keras.layers.LeakyReLU",
        notes="Default slope: 0.01 in PyTorch, 0.2 in keras.activations.leaky_relu, "
        "0.3 in keras.layers.LeakyReLU. PReLU learns the slope; RReLU draws "
        "it at random during training.",
        params={"negative_slope": 0.01},
    ),
    CatalogueEntry(
        name="prelu",
        display_name="PReLU",
        family="relu",
        fn=prelu,
        grad=prelu_grad,
        formula=r"\operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ "
        r"a x & x \le 0 \end{cases}",
        derivative=r"1 \text{ for } x > 0, \text{ else } a",
        range=(-_INF, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_HE,
        pytorch="torch.nn.functional.prelu, torch.nn.PReLU",
        keras="keras.layers.PReLU",
        notes="The slope a is a parameter trained with the weights: PyTorch starts it "
        "at 0.25, Keras at 0. PyTorch can learn one slope per channel.",
        params={"weight": 0.25},
    ),
    CatalogueEntry(
        name="rrelu",
        display_name="RReLU",
        family="relu",
        fn=rrelu,
        grad=rrelu_grad,
        formula=r"\operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ "
        r"a x & x \le 0 \end{cases},\ a \sim U(l, u) \text{ in training, "
        r"else } a = \tfrac{l + u}{2}",
        derivative=r"1 \text{ for } x > 0, \text{ else } a",
        range=(-_INF, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_XU,
        pytorch="torch.nn.functional.rrelu, torch.nn.RReLU",
        keras=None,
        notes="Training draws a fresh slope per element from U(1/8, 1/3); evaluation "
        "uses the mean 11/48. Keras has no RReLU.",
        params={"lower": 1.0 / 8.0, "upper": 1.0 / 3.0},
    ),
    CatalogueEntry(
        name="elu",
        display_name="ELU",
        family="relu",
        fn=elu,
        grad=elu_grad,
        formula=r"\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ "
        r"\alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        derivative=r"1 \text{ for } x > 0, \text{ else } \alpha e^{x}",
        range=(-1.0, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_CLEVERT,
        pytorch="torch.nn.functional.elu, torch.nn.ELU",
        keras="keras.activations.elu",
        notes="alpha defaults to 1 everywhere. Continuously differentiable only for "
        "alpha = 1 (CELU is for every alpha).",
        params={"alpha": 1.0},
    ),
    CatalogueEntry(
        name="selu",
        display_name="SELU",
        family="relu",
        fn=selu,
        grad=selu_grad,
        formula=r"\operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ "
        r"\alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        derivative=r"\lambda \text{ for } x > 0, \text{ else } \lambda\alpha e^{x}",
        range=(-SELU_SCALE * SELU_ALPHA, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_KLAMBAUER,
        pytorch="torch.nn.functional.selu, torch.nn.SELU",
        keras="keras.activations.selu",
        notes="λ ≈ 1.0507 and α ≈ 1.6733 in every framework; pair it with LeCun "
        "normal initialisation (and AlphaDropout) to self-normalise.",
    ),
    CatalogueEntry(
        name="celu",
        display_name="CELU",
        family="relu",
        fn=celu,
        grad=celu_grad,
        formula=r"\operatorname{celu}(x) = \max(0, x) + \min\bigl(0,\ "
        r"\alpha\,(e^{x/\alpha} - 1)\bigr)",
        derivative=r"1 \text{ for } x > 0, \text{ else } e^{x/\alpha}",
        range=(-1.0, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_BARRON,
        pytorch="torch.nn.functional.celu, torch.nn.CELU",
        keras="keras.activations.celu",
        notes="Continuously differentiable for every alpha, unlike ELU.",
        params={"alpha": 1.0},
    ),
    CatalogueEntry(
        name="gelu",
        display_name="GELU",
        family="smooth",
        fn=gelu,
        grad=gelu_grad,
        formula=r"\operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + "
        r"\operatorname{erf}\bigl(x/\sqrt{2}\bigr)\Bigr)",
        derivative=r"\Phi(x) + x\,\varphi(x)",
        range=(_GELU_MIN[1], _INF),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=True,
        origin=_HENDRYCKS,
        pytorch="torch.nn.functional.gelu, torch.nn.GELU",
        keras="keras.activations.gelu",
        notes="torch.nn.functional.gelu and keras.activations.gelu default to the "
        "exact form (approximate='none' / approximate=False); keras.ops.gelu and "
        "jax.nn.gelu default to the tanh approximation. " + _about(_GELU_MIN),
        params={"approximate": "none"},
        minimum=_GELU_MIN,
    ),
    CatalogueEntry(
        name="gelu_tanh",
        display_name="GELU (tanh approximation)",
        family="smooth",
        fn=gelu,
        grad=gelu_grad,
        formula=r"\tfrac12 x \Bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^3)"
        r"\bigr)\Bigr)",
        derivative=(
            r"\tfrac12\bigl(1 + \tanh u\bigr) + \tfrac12 x\,(1 - \tanh^2 u)\,u', "
            r"\quad u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)"
        ),
        range=(_GELU_TANH_MIN[1], _INF),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=True,
        origin=_HENDRYCKS,
        pytorch="torch.nn.functional.gelu(approximate='tanh')",
        keras="keras.activations.gelu(approximate=True)",
        notes="Used by GPT-2 and by Google's BERT code (its first release, and "
        "Hugging Face's BERT, use the exact form); the default of jax.nn.gelu "
        "and keras.ops.gelu. " + _about(_GELU_TANH_MIN),
        params={"approximate": "tanh"},
        minimum=_GELU_TANH_MIN,
    ),
    CatalogueEntry(
        name="silu",
        display_name="SiLU (Swish)",
        family="smooth",
        fn=silu,
        grad=silu_grad,
        formula=r"\operatorname{silu}(x) = x\,\sigma(x)",
        derivative=r"\sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
        range=(_SILU_MIN[1], _INF),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=True,
        origin=_HENDRYCKS,
        pytorch="torch.nn.functional.silu, torch.nn.SiLU",
        keras="keras.activations.silu (alias swish)",
        notes="Named SiLU by Hendrycks and Gimpel (2016); used in reinforcement "
        "learning by Elfwing et al. (2018, arXiv 2017); Swish with β = 1 "
        "(Ramachandran et al., 2017). " + _about(_SILU_MIN),
        minimum=_SILU_MIN,
    ),
    CatalogueEntry(
        name="mish",
        display_name="Mish",
        family="smooth",
        fn=mish,
        grad=mish_grad,
        formula=(
            r"\operatorname{mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)"
        ),
        derivative=r"\tanh s + x\,\sigma(x)\,\operatorname{sech}^2 s, \quad "
        r"s = \operatorname{softplus}(x)",
        range=(_MISH_MIN[1], _INF),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=True,
        origin=_MISRA,
        pytorch="torch.nn.functional.mish, torch.nn.Mish",
        keras="keras.activations.mish",
        notes=_about(_MISH_MIN),
        minimum=_MISH_MIN,
    ),
    CatalogueEntry(
        name="softplus",
        display_name="Softplus",
        family="smooth",
        fn=softplus,
        grad=softplus_grad,
        formula=r"\operatorname{softplus}(x) = \tfrac{1}{\beta}\log\bigl(1 + "
        r"e^{\beta x}\bigr)",
        derivative=r"\sigma(\beta x)",
        range=(0.0, _INF),
        monotonic=True,
        smooth=True,
        zero_centred=False,
        self_gated=False,
        origin=_DUGAS,
        pytorch="torch.nn.functional.softplus, torch.nn.Softplus",
        keras="keras.activations.softplus",
        notes="PyTorch's threshold=20 returns x itself once βx > 20 (error up to "
        "2e-9 in float64); this implementation is exact everywhere. Keras "
        "has no beta.",
        params={"beta": 1.0},
    ),
    CatalogueEntry(
        name="hardswish",
        display_name="Hard swish",
        family="smooth",
        fn=hardswish,
        grad=hardswish_grad,
        formula=r"\operatorname{hardswish}(x) = x\,\frac{\min(\max(x + 3, 0), 6)}{6}",
        derivative=r"0 \text{ for } x \le -3,\ \tfrac{x}{3} + \tfrac12 \text{ for } "
        r"-3 < x < 3,\ 1 \text{ for } x \ge 3",
        range=(_HARDSWISH_MIN[1], _INF),
        monotonic=False,
        smooth=False,
        zero_centred=False,
        self_gated=True,
        origin=_HOWARD,
        pytorch="torch.nn.functional.hardswish, torch.nn.Hardswish",
        keras="keras.activations.hard_silu (alias hard_swish)",
        notes="A piecewise quadratic stand-in for SiLU, cheap on mobile hardware. "
        + _about(_HARDSWISH_MIN),
        minimum=_HARDSWISH_MIN,
    ),
    CatalogueEntry(
        name="softshrink",
        display_name="Soft shrink",
        family="shrinkage",
        fn=softshrink,
        grad=softshrink_grad,
        formula=(
            r"\operatorname{softshrink}(x) = \begin{cases} x - \lambda & x > \lambda"
            r" \\ x + \lambda & x < -\lambda \\ 0 & \text{otherwise} \end{cases}"
        ),
        derivative=r"1 \text{ for } |x| > \lambda, \text{ else } 0",
        range=(-_INF, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=True,
        self_gated=False,
        origin=_DONOHO_SOFT,
        pytorch="torch.nn.functional.softshrink, torch.nn.Softshrink",
        keras="keras.activations.soft_shrink",
        notes="lambd defaults to 0.5 in PyTorch and threshold to 0.5 in Keras.",
        params={"lambd": 0.5},
    ),
    CatalogueEntry(
        name="hardshrink",
        display_name="Hard shrink",
        family="shrinkage",
        fn=hardshrink,
        grad=hardshrink_grad,
        formula=r"\operatorname{hardshrink}(x) = \begin{cases} x & |x| > \lambda \\ "
        r"0 & \text{otherwise} \end{cases}",
        derivative=r"1 \text{ for } |x| > \lambda, \text{ else } 0",
        range=(-_INF, _INF),
        monotonic=True,
        smooth=False,
        zero_centred=True,
        self_gated=False,
        origin=_DONOHO_HARD,
        pytorch="torch.nn.functional.hardshrink, torch.nn.Hardshrink",
        keras="keras.activations.hard_shrink",
        notes="Discontinuous at ±λ (it jumps from ∓λ to 0), yet non-decreasing.",
        params={"lambd": 0.5},
    ),
    CatalogueEntry(
        name="tanhshrink",
        display_name="Tanh shrink",
        family="shrinkage",
        fn=tanhshrink,
        grad=tanhshrink_grad,
        formula=r"\operatorname{tanhshrink}(x) = x - \tanh x",
        derivative=r"\tanh^2 x",
        range=(-_INF, _INF),
        monotonic=True,
        smooth=True,
        zero_centred=True,
        self_gated=False,
        origin=_TORCH7,
        pytorch="torch.nn.functional.tanhshrink, torch.nn.Tanhshrink",
        keras="keras.activations.tanh_shrink",
        notes=(
            "PyTorch computes x - tanh(x) directly and loses every digit "
            "for |x| < 1e-8."
        ),
    ),
    CatalogueEntry(
        name="softmax",
        display_name="Softmax",
        family="output",
        fn=softmax,
        grad=None,
        formula=r"\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}",
        derivative=r"\frac{\partial\,\operatorname{softmax}_i}{\partial x_j} = "
        r"s_i(\delta_{ij} - s_j)",
        range=(0.0, 1.0),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=False,
        origin=_BRIDLE,
        pytorch="torch.softmax(dim=...), torch.nn.Softmax",
        keras="keras.activations.softmax",
        notes="PyTorch names the axis dim; Keras and NumPy say axis.",
        params={"axis": -1},
        elementwise=False,
    ),
    CatalogueEntry(
        name="log_softmax",
        display_name="Log-softmax",
        family="output",
        fn=log_softmax,
        grad=None,
        formula=r"\operatorname{log\_softmax}(x)_i = x_i - \log\sum_j e^{x_j}",
        derivative=r"\delta_{ij} - \operatorname{softmax}(x)_j",
        range=(-_INF, 0.0),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=False,
        origin=None,
        pytorch="torch.log_softmax(dim=...), torch.nn.LogSoftmax",
        keras="keras.activations.log_softmax",
        notes="Pair it with the negative log-likelihood loss.",
        params={"axis": -1},
        elementwise=False,
    ),
    CatalogueEntry(
        name="glu",
        display_name="GLU",
        family="gated",
        fn=glu,
        grad=None,
        formula=r"\operatorname{glu}(a, b) = a \otimes \sigma(b)",
        derivative=None,
        range=(-_INF, _INF),
        monotonic=False,
        smooth=True,
        zero_centred=False,
        self_gated=False,
        origin=_DAUPHIN,
        pytorch="torch.nn.functional.glu(dim=-1), torch.nn.GLU",
        keras="keras.activations.glu",
        notes="SwiGLU, GeGLU and ReGLU replace σ by SiLU, GELU and ReLU.",
        params={"axis": -1},
        elementwise=False,
    ),
    _gated_unit(swiglu, "SwiGLU", "silu", True, _SWIGLU_NOTE),
    _gated_unit(
        geglu, "GeGLU", "gelu", True, "Not built into PyTorch or Keras: a * gelu(b)."
    ),
    _gated_unit(
        reglu, "ReGLU", "relu", False, "Not built into PyTorch or Keras: a * relu(b)."
    ),
    CatalogueEntry(
        name="maxout",
        display_name="Maxout",
        family="maxout",
        fn=maxout,
        grad=None,
        formula=r"\operatorname{maxout}(z)_i = \max_{j < k} z_{ik + j}",
        derivative=r"\frac{\partial\,\operatorname{maxout}_i}{\partial z_{ik+j}} = "
        r"1 \text{ for the largest } z_{ik+j}, \text{ else } 0",
        range=(-_INF, _INF),
        monotonic=False,
        smooth=False,
        zero_centred=False,
        self_gated=False,
        origin=_GOODFELLOW,
        pytorch="torch.amax",
        keras=None,
        notes="No layer in PyTorch or Keras: reshape to (..., units, k) and take the "
        "max over the last axis. ReLU is maxout of (z, 0).",
        params={"pieces": 2, "axis": -1},
        elementwise=False,
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
    from scipy import optimize  # here: importing it takes 0.4 s

    best = optimize.minimize_scalar(
        lambda t: -float(entry.grad_at(t)),
        bounds=(x[i - 1], x[i + 1]),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return Slope(round(float(best.x), 6) + 0.0, -float(best.fun), True)

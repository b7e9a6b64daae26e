"""Chebyshev expansions that give full accuracy where scipy's formulas cannot.

Two things cost digits in float64 between about -3 and 0:

* ``scipy.special.ndtr`` computes $\\Phi(x)$ for $-1.41 < x < -0.7$ as
  $1 - \\operatorname{erf}$ or $\\tfrac12 + \\tfrac12\\operatorname{erf}$, which
  cancels (up to 8 ULP);
* the derivatives of GELU and of its tanh form are sums of terms that cancel
  at their root near $x = -0.75$, and the tanh form magnifies the rounding of
  its cubic argument.

On those windows we evaluate a Chebyshev expansion computed with mpmath by
``tools/chebyshev_fits.py`` (``tests/test_chebyshev_fits.py`` checks the
numbers).  Next to a root $x_0$ the expansion is of $Q(h) = f(x_0 + h)/h$,
and $f = hQ(h)$ with $h = (x - x_0^{hi}) - x_0^{lo}$ keeps full relative
accuracy all the way to the root.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np


class _Expansion(NamedTuple):
    root_hi: float
    root_lo: float
    h_lo: float
    h_hi: float
    coefficients: tuple


# --8<-- [start:clenshaw]
def evaluate(x, expansion):
    """Evaluate ``expansion`` at the float64 array ``x`` (inside its window).

    Examples
    --------
    >>> import numpy as np
    >>> phi_at_minus_1 = 0.15865525393145705  # Φ(-1), rounded
    >>> bool(abs(evaluate(np.array(-1.0), NORMAL_CDF) - phi_at_minus_1) < 1e-16)
    True
    """
    root_hi, root_lo, h_lo, h_hi, cs = expansion
    cs = _significant(cs)
    h = (x - root_hi) - root_lo
    t = (2.0 * h - (h_hi + h_lo)) / (h_hi - h_lo)
    # Clenshaw's recurrence b1, b2 = 2t b1 - b2 + c, b1, in place on three
    # arrays: the windows are small, and the cost is in NumPy's calls.
    t2 = 2.0 * t
    b1, b2, scratch = np.zeros_like(t), np.zeros_like(t), np.empty_like(t)
    for c in reversed(cs[1:]):
        np.multiply(t2, b1, out=scratch)
        np.subtract(scratch, b2, out=b2)
        b2 += c
        b1, b2 = b2, b1
    q = t * b1 - b2 + cs[0]
    return h * q if root_hi else q


# --8<-- [end:clenshaw]


@functools.cache
def _significant(cs):
    """``cs`` without the trailing coefficients that cannot change a result.

    The fits go on to about 1e-27, past what a double resolves: since
    |T_k(t)| <= 1, terms whose absolute values sum to less than 2**-62
    move the sum by less than a hundredth of an ULP of the smallest value an
    expansion takes on its window (0.05 for NORMAL_CDF, over 0.1 for the
    others), and each term costs three NumPy calls per block.
    """
    n, tail = len(cs), 0.0
    while n > 1 and tail + abs(cs[n - 1]) < 2.0**-62:
        tail += abs(cs[n - 1])
        n -= 1
    return cs[:n]


NORMAL_CDF = _Expansion(
    0.0,
    0.0,
    -1.6,
    -0.4,
    (
        0.1794814889072882,
        0.14499777342578873,
        0.020513945485659907,
        -9.122490811300284e-05,
        -0.00030945892142935857,
        -1.7368209803758483e-05,
        2.8150433918908005e-06,
        3.06202498226439e-07,
        -1.5498241897734912e-08,
        -3.1893556042481764e-09,
        2.753371399515575e-11,
        2.4187167994780693e-11,
        4.1996357518269347e-13,
        -1.4351646761766962e-13,
        -5.576721332679906e-15,
        6.866451894954179e-16,
        4.2171004502859396e-17,
        -2.6577977521802877e-18,
        -2.427409798471655e-19,
        8.035059811773131e-21,
        1.15506778211447e-21,
        -1.613919969796079e-23,
        -4.71843959309607e-24,
        -1.6903106838164263e-27,
    ),
)
GELU_GRAD = _Expansion(
    -0.7517915246935645,
    1.4956759177009883e-17,
    -0.8482084753064356,
    0.7517915246935645,
    (
        0.40955754378125986,
        0.2723597354308199,
        -0.003981794797119999,
        -0.012455613037427584,
        -0.000757462429877031,
        0.0003268937683309922,
        3.520697584018005e-05,
        -5.703141275602398e-06,
        -8.959749658281932e-07,
        6.918159239621775e-08,
        1.6142809019477744e-08,
        -5.463772152850408e-10,
        -2.2612507488619585e-10,
        1.3497106435351201e-12,
        2.587515262240733e-12,
        3.8545030828770845e-14,
        -2.4932823496859268e-14,
        -8.112715584653073e-16,
        2.0635307870958084e-16,
        1.0145393590071134e-17,
        -1.4855978666587715e-18,
        -9.88406122394469e-20,
        9.365863514542299e-21,
        8.1130628668667885e-22,
        -5.17117905898735e-23,
        -5.818646532682168e-24,
        2.475710088874426e-25,
        3.724063030588676e-26,
        -9.96079748596641e-28,
        -2.1682237056601027e-28,
    ),
)
GELU_TANH_GRAD = _Expansion(
    -0.7524614220710163,
    3.4358218314355225e-17,
    -1.2475385779289838,
    0.6524614220710162,
    (
        0.3395111134540255,
        0.30273310041263973,
        0.019963132466125622,
        -0.015371420670338698,
        -0.0028754821510814325,
        0.00035631740012754295,
        0.0001376279294832834,
        -8.412564302726357e-07,
        -4.266918383422098e-06,
        -2.435914279358912e-07,
        1.0721261665963282e-07,
        1.1579057971911108e-08,
        -2.6624624885038e-09,
        -4.2699348516095896e-10,
        7.024455899860017e-11,
        1.6169604653987195e-11,
        -1.6646816860501165e-12,
        -6.085093970370465e-13,
        2.3197908375004468e-14,
        2.0696639291403775e-14,
        4.219576419023479e-16,
        -6.116988277365394e-16,
        -4.63288611246555e-17,
        1.5680329055481242e-17,
        2.174959687310091e-18,
        -3.4800356527022305e-19,
        -8.016055815765971e-20,
        6.315312821800197e-21,
        2.63042322949395e-21,
        -6.295062919698823e-23,
        -8.009510893408821e-23,
        -1.888201126652336e-24,
        2.2694415129101265e-24,
        1.6405893613801795e-25,
        -5.874563072168513e-26,
        -7.95821818489152e-27,
    ),
)

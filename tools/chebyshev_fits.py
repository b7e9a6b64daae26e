"""Compute the Chebyshev expansions of ``course_code/_numerics/chebyshev.py`` (mpmath).

Run ``python tools/chebyshev_fits.py`` to print the module; the test
``tests/test_chebyshev_fits.py`` checks that the committed coefficients are
the ones this script computes.
"""

from __future__ import annotations

import mpmath as mp

mp.mp.dps = 60
_C = mp.sqrt(2 / mp.pi)
_A = mp.mpf(0.044715)  # the float64 constant, as the code uses it


def gelu_grad(x):
    return mp.ncdf(x) + x * mp.npdf(x)


def gelu_tanh_grad(x):
    u = _C * (x + _A * x**3)
    s = 1 / (1 + mp.exp(-2 * u))
    return s * (1 + 2 * x * _C * (1 + 3 * _A * x**2) * (1 - s))


def normal_cdf(x):
    return mp.ncdf(x)


#: name -> (function, window lo, window hi, number of terms, has a root)
FITS = {
    "NORMAL_CDF": (normal_cdf, -1.6, -0.4, 24, False),
    "GELU_GRAD": (gelu_grad, -1.6, 0.0, 30, True),
    "GELU_TANH_GRAD": (gelu_tanh_grad, -2.0, -0.1, 36, True),
}


def fit(name):
    """Return (root_hi, root_lo, h_lo, h_hi, coefficients) for ``name``.

    With a root x0 in the window, the expansion is of Q(h) = f(x0 + h) / h,
    so that f = h Q(h) keeps full relative accuracy next to the root.
    """
    f, lo, hi, n, has_root = FITS[name]
    x0 = mp.findroot(f, (lo + hi) / 2 if not has_root else -0.75) if has_root else 0
    root_hi = float(x0)
    root_lo = float(x0 - root_hi)
    h_lo, h_hi = mp.mpf(lo) - x0, mp.mpf(hi) - x0

    def q(h):
        return f(x0 + h) / h if has_root else f(h)

    nodes = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / n) for k in range(n)]
    values = [q((h_hi - h_lo) / 2 * t + (h_hi + h_lo) / 2) for t in nodes]
    coefficients = []
    for j in range(n):
        s = mp.fsum(
            v * mp.cos(mp.pi * j * (k + mp.mpf(1) / 2) / n)
            for k, v in enumerate(values)
        )
        coefficients.append(float(2 * s / n / (2 if j == 0 else 1)))
    return root_hi, root_lo, float(h_lo), float(h_hi), tuple(coefficients)


if __name__ == "__main__":
    for name in FITS:
        root_hi, root_lo, h_lo, h_hi, cs = fit(name)
        print(f"{name} = _Expansion(")
        print(f"    {root_hi!r}, {root_lo!r}, {h_lo!r}, {h_hi!r},")
        print("    (")
        for c in cs:
            print(f"        {c!r},")
        print("    ),\n)")

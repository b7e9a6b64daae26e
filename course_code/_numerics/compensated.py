"""Compensated arithmetic: products that keep the digits rounding would lose."""

from __future__ import annotations

import numpy as np


def x_exp(factor, exponent):
    """factor * exp(exponent) when the result is tiny (near or below 1e-308).

    Computing ``exp(exponent)`` first would round it to a subnormal with few
    significant bits, and multiplying by ``factor`` would scale that rounding
    error.  Shifting the exponent by 64 keeps everything normal until the
    final multiplication, which rounds once.
    """
    return factor * np.exp(exponent + 64.0) * np.exp(-64.0)


# --8<-- [start:two_product]
def split(a):
    # Dekker's split: a = hi + lo with hi holding the top 26 bits.
    c = 134217729.0 * a
    hi = c - (c - a)
    return hi, a - hi


def two_product(a, b):
    # a * b = p + e exactly (Dekker), without a fused multiply-add.
    p = a * b
    ah, al = split(a)
    bh, bl = split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


# --8<-- [end:two_product]

"""The Chebyshev expansions committed in course_code are the ones
``tools/chebyshev_fits.py`` computes with mpmath, to the last bit.

The script prints the module's expansions; a coefficient edited by hand, or a
change to the script not carried into the module, fails here. The expansions
themselves are checked where they are used, by the 4 ULP accuracy test of
GELU and of its derivatives (test_accuracy.py).
"""

from pathlib import Path

import mpmath
import pytest
from modules import load_file

from course_code._numerics import chebyshev as _chebyshev  # what the script writes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def script():
    # The script sets mpmath's global precision when loaded: give it back.
    prec = mpmath.mp.prec
    try:
        module = load_file("chebyshev_fits", ROOT / "tools" / "chebyshev_fits.py")
        dps = mpmath.mp.dps
    finally:
        mpmath.mp.prec = prec
    return module, dps


def test_the_script_fits_every_expansion_of_the_module(script):
    module, _ = script
    committed = {
        name for name, value in vars(_chebyshev).items() if isinstance(value, tuple)
    }
    assert set(module.FITS) == committed


@pytest.mark.parametrize("name", ["NORMAL_CDF", "GELU_GRAD", "GELU_TANH_GRAD"])
def test_committed_expansion_is_what_the_script_computes(script, name):
    module, dps = script
    with mpmath.workdps(dps):
        computed = module.fit(name)
    committed = getattr(_chebyshev, name)
    assert tuple(computed[:4]) == tuple(committed[:4]), "root or window differs"
    assert computed[4] == committed.coefficients, (
        f"{name}: run `python tools/chebyshev_fits.py` and paste its output"
    )

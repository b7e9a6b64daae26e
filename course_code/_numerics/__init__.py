"""The numerical plumbing behind :mod:`course_code.activations` (private).

The public modules hold the functions a learner reads; what every one of them
shares lives here, one idea per module:

* ``inputs``: check and convert the input of every array function (also used
  by ``losses``, ``nn``, ``layers``, ``initializers``, ``gradcheck``,
  ``datasets`` and ``experiments``);
* ``evaluation``: the decorator ``elementwise``, which gives a function whose
  body is its formula the array contract: it runs the formula in float64
  block by block and rounds once to the input's dtype (``done``); and
  ``patch``, which recomputes a few elements with a slower, more exact
  formula;
* ``branchless``: select between branches with arithmetic instead of
  ``np.where`` (``pos``, ``neg``, ``indicator``, ``select``, ``blend``);
* ``compensated``: error-free products (Dekker) and a product with an
  exponential that stays exact in the subnormal range;
* ``chebyshev``: Chebyshev expansions for the few windows where scipy's
  formulas lose digits.

Nothing here imports a public module of :mod:`course_code`.
"""

"""The numerical plumbing behind :mod:`course_code.activations` (private).

The public modules hold the functions a learner reads; what every one of them
shares lives here, one idea per module:

* ``inputs``: check and convert the input of every array function (also used
  by ``losses``, ``nn``, ``layers``, ``initializers``, ``gradcheck``,
  ``datasets`` and ``experiments``);
* ``evaluation``: run a kernel in float64 block by block and round once to the
  input's dtype (``apply``, ``done``), and patch a few elements with a slower,
  more exact formula (``patch``);
* ``branchless``: select between branches with arithmetic instead of
  ``np.where`` (``pos``, ``neg``, ``indicator``, ``select``, ``blend``);
* ``compensated``: error-free products (Dekker) and a product with an
  exponential that stays exact in the subnormal range;
* ``chebyshev``: Chebyshev expansions for the few windows where scipy's
  formulas lose digits.

Nothing here imports a public module of :mod:`course_code`.
"""

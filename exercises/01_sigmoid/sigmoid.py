"""Exercise 01: a sigmoid that never overflows.

Read README.md in this folder, write the code below and save it: `course watch`
grades it on every save. Or check it yourself:

    pytest exercises/01_sigmoid
"""

import numpy as np


def sigmoid(x):
    """The logistic sigmoid, 1 / (1 + exp(-x)), computed without overflow.

    Parameters
    ----------
    x : array_like
        A number, a list of numbers or a NumPy array of any shape.

    Returns
    -------
    numpy.ndarray or numpy scalar
        sigmoid of every element, the shape of ``x``.  float16, float32 and
        float64 input keep their dtype; integers (and lists of them) give
        float64.

    Notes
    -----
    The contract the grader checks:

    * no NumPy warning for any input, ±1e4 and ±inf included (switching warnings
      off with np.errstate does not hide one from the grader);
    * the limits sigmoid(-inf) = 0 and sigmoid(inf) = 1; NaN gives NaN;
    * in the left tail (x from -700 to -20) within 1e-9 relative + 1e-15
      absolute: tiny values such as sigmoid(-30) = 9.4e-14 are not clipped or
      rounded to 0;
    * float32 input too, whose exp overflows above 88.72;
    * elsewhere within 1e-9 relative + 1e-12 absolute of the true value
      (float32: 1e-5 + 1e-6);
    * float16, float32 and float64 keep their dtype; integers and lists give
      float64; any shape, a NumPy scalar and an empty array included;
    * ``x`` is never changed.

    Examples
    --------
    >>> sigmoid(0.0)
    np.float64(0.5)
    >>> sigmoid(np.array([-1000.0, 1000.0], dtype=np.float32))
    array([0., 1.], dtype=float32)
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("sigmoid is not written yet")

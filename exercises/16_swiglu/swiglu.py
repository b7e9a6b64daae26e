"""Exercise 16: a SwiGLU feed-forward block.

Read README.md in this folder, write the function below, then check it:

    pytest exercises/16_swiglu
"""

import numpy as np


def swiglu_ffn(x, W, V, W2):
    """(silu(x @ W) * (x @ V)) @ W2, the feed-forward block of PaLM and LLaMA.

    Parameters
    ----------
    x : numpy.ndarray
        Shape (n, d_model).
    W, V : numpy.ndarray
        Shape (d_model, d_ff): the gate's and the value's projections.
    W2 : numpy.ndarray
        Shape (d_ff, d_model).

    Returns
    -------
    numpy.ndarray
        Shape (n, d_model); no warning for large inputs.

    Examples
    --------
    >>> swiglu_ffn(np.ones((1, 2)), np.eye(2), np.eye(2), np.eye(2)).round(4)
    array([[0.7311, 0.7311]])
    """
    # TODO: replace the next line with your implementation.
    raise NotImplementedError("swiglu_ffn is not written yet")

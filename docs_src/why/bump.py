import numpy as np

from course_code.activations import sigmoid


def bump(x, a, b, k):
    """Two sigmoid units: about 1 on (a, b) and 0 outside, for a large k."""
    return sigmoid(k * (x - a)) - sigmoid(k * (x - b))

x = np.array([0.0, 0.9, 1.5, 2.1, 3.0])
for k in (1, 10, 100):
    print(k, np.round(bump(x, 1.0, 2.0, k), 3))

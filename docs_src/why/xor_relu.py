import numpy as np

from course_code.activations import relu

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
W = np.array([[1.0, 1.0], [1.0, 1.0]])  # both hidden units see x1 + x2
c = np.array([0.0, -1.0])               # ... shifted by 0 and by -1
w = np.array([1.0, -2.0])               # output: h1 - 2 h2

H = relu(X @ W.T + c)
y_hat = H @ w
print(H)
print(y_hat)

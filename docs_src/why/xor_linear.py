import numpy as np

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = np.array([0.0, 1.0, 1.0, 0.0])

# The best affine fit y_hat = X w + b in the least-squares sense.
X1 = np.column_stack([X, np.ones(4)])
coef, *_ = np.linalg.lstsq(X1, y, rcond=None)
print(np.round(X1 @ coef, 6))

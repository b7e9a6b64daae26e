"""Rosenblatt's rule learns OR, one example at a time."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([0, 1, 1, 1])  # OR
w, b, lr = np.zeros(2), 0.0, 1.0

for epoch in range(1, 11):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        y_hat = np.heaviside(x @ w + b, 1.0)  # the step: 1 for z >= 0
        error = target - y_hat  # 0 when right, +1 or -1 when wrong
        if error != 0:
            w, b = w + lr * error * x, b + lr * error
            mistakes += 1
            print(f"epoch {epoch}: x={x} y={target} y_hat={y_hat:.0f} -> w={w} b={b:g}")
    if mistakes == 0:
        print(f"epoch {epoch}: no mistake, w={w} b={b:g}")
        break

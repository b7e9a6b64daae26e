"""The same rule on XOR never stops making mistakes."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([0, 1, 1, 0])  # XOR: no line separates the 1s from the 0s
w, b = np.zeros(2), 0.0

for epoch in range(1, 101):
    mistakes = 0
    for x, target in zip(X, y, strict=True):
        error = target - np.heaviside(x @ w + b, 1.0)
        w, b = w + error * x, b + error
        mistakes += int(error != 0)
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}: {mistakes} mistakes, w={w} b={b:g}")

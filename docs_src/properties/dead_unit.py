import numpy as np

from course_code.activations import relu, relu_grad

rng = np.random.default_rng(0)
X = rng.normal(size=(1000, 50))              # 1000 inputs, 50 features
W = rng.normal(size=(4, 50)) / np.sqrt(50)   # 4 hidden units
b = np.array([0.0, 0.0, 0.0, -10.0])         # the last bias is far too low

Z = X @ W.T + b
A = relu(Z)
print("fraction of exact zeros per unit:", (A == 0).mean(axis=0))
print("inputs that pass a gradient:     ", relu_grad(Z).sum(axis=0))

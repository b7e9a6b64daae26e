import numpy as np

rng = np.random.default_rng(0)
W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)  # layer 1: 3 -> 4
W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)  # layer 2: 4 -> 2
X = rng.normal(size=(5, 3))                           # 5 inputs, one per row

two_layers = (X @ W1.T + b1) @ W2.T + b2
W, b = W2 @ W1, W2 @ b1 + b2                          # the collapsed layer
one_layer = X @ W.T + b
print(np.allclose(two_layers, one_layer))

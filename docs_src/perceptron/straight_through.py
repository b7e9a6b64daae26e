"""The straight-through estimator: a step forward, a slope backward."""

import numpy as np

z = np.array([-2.0, -0.5, 0.3, 1.5])
grad_out = np.ones_like(z)  # the gradient arriving from the layer above

forward = np.heaviside(z, 1.0)  # what the network computes
true_grad = grad_out * 0.0  # the step's derivative: 0 wherever it exists
ste_grad = grad_out * (np.abs(z) <= 1)  # as if the step were hardtanh-like

print("z          ", z)
print("step(z)    ", forward)
print("true grad  ", true_grad)
print("STE grad   ", ste_grad)

import numpy as np

from course_code.activations import sigmoid, sigmoid_grad
from course_code.losses import binary_cross_entropy_with_logits_grad, mse_loss_grad

y = np.array([1.0])  # the target; the model starts confidently wrong

def mse_grad(z):  # d/dz of (sigmoid(z) - y)^2 keeps the factor sigmoid'(z)
    return mse_loss_grad(sigmoid(z), y) * sigmoid_grad(z)

def bce_grad(z):  # d/dz of the fused binary cross-entropy: sigmoid(z) - y
    return binary_cross_entropy_with_logits_grad(z, y)

for name, grad in [("MSE", mse_grad), ("BCE", bce_grad)]:
    z, lr = np.array([-8.0]), 1.0
    first = grad(z)[0]
    for step in range(1, 100_001):
        z = z - lr * grad(z)
        if sigmoid(z)[0] > 0.5:
            break
    print(f"sigmoid + {name}: first gradient {first:.2e}, "
          f"sigmoid(z) > 0.5 after {step} steps")

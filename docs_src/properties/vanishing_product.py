import numpy as np

from course_code.activations import sigmoid_grad, tanh_grad

z = np.zeros(20)  # one unit in each of 20 layers, all at slope's peak
print(f"{np.prod(sigmoid_grad(z)):.4e}")
print(f"{np.prod(tanh_grad(z)):.4e}")
print(f"{np.prod(tanh_grad(z + 2.0)):.4e}")  # the same units at z = 2

import numpy as np

from course_code.activations import sigmoid_grad, tanh_grad

z = np.zeros(20)  # one unit in each of 20 layers, all at slope's peak
print(np.prod(sigmoid_grad(z)))
print(np.prod(tanh_grad(z)))
print(np.prod(tanh_grad(z + 2.0)))  # the same units at z = 2

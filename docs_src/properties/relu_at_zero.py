from course_code.activations import relu, relu_grad

h = 1e-6
print(relu_grad(0.0))                              # the convention
print((relu(0.0 + h) - relu(0.0 - h)) / (2 * h))   # central difference

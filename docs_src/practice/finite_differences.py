from course_code.activations import tanh, tanh_grad

x = 0.7
for h in [1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12]:
    numerical = (tanh(x + h) - tanh(x - h)) / (2 * h)
    error = abs(numerical - tanh_grad(x)) / tanh_grad(x)
    print(f"h = {h:.0e}   relative error {error:.1e}")

from course_code.activations import ACTIVATIONS

gelu = ACTIVATIONS["gelu"]
gelu(-0.75), gelu.grad_at(1.0), gelu.minimum, gelu.pytorch

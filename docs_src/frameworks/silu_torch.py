import torch


class SiLUFunction(torch.autograd.Function):
    """x * sigmoid(x), with its derivative written by hand."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)  # keep what the backward pass needs
        return x * torch.sigmoid(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        s = torch.sigmoid(x)
        return grad_output * s * (1 + x * (1 - s))  # upstream * f'(x)

class MySiLU(torch.nn.Module):
    def forward(self, x):
        return SiLUFunction.apply(x)

# Compare with finite differences, in float64.
x = torch.randn(10, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(SiLUFunction.apply, (x,)))  # True

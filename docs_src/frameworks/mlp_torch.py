import torch

model = torch.nn.Sequential(
    torch.nn.Linear(784, 256),
    torch.nn.GELU(),  # approximate="none": the exact x * Phi(x)
    torch.nn.Linear(256, 10),
)
logits = model(torch.randn(32, 784))  # shape (32, 10)

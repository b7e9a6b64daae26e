import numpy as np


def clip_by_global_norm(grads, max_norm):
    """Scale all gradients by one factor: joint norm <= max_norm."""
    norm = np.sqrt(sum(np.sum(g**2) for g in grads))
    scale = min(1.0, max_norm / (norm + 1e-12))  # 1e-12: no division by zero
    return [g * scale for g in grads], norm

grads = [np.array([[300.0, -400.0]]), np.array([0.5])]  # one exploded step
clipped, norm = clip_by_global_norm(grads, max_norm=1.0)
print(norm)
print(clipped)

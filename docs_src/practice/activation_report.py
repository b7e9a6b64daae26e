import numpy as np

from course_code.nn import MLP, Activation, dead_unit_fraction


def activation_report(model, X, tiny=1e-2):
    """Per activation layer: dead units, and inputs where the slope is tiny."""
    model(X)  # the forward pass stores each layer's pre-activations
    for i, layer in enumerate(model.layers):
        if isinstance(layer, Activation):
            Z = layer.last_input
            slope = layer.grad(Z, **layer.params)
            dead = dead_unit_fraction(Z)
            flat = np.mean(np.abs(slope) < tiny)
            print(f"layer {i} {layer.name}: dead units {dead:4.0%}, "
                  f"|f'(z)| < {tiny}: {flat:4.0%}")

X = np.random.default_rng(0).normal(size=(256, 20))

relu_net = MLP(20, [64, 64], 3, activation="relu", rng=0)
relu_net.layers[2].b.data[:40] = -20.0  # as if one bad step hit 40 biases
activation_report(relu_net, X)

tanh_net = MLP(20, [64, 64], 3, activation="tanh", rng=0)
for layer in tanh_net.layers[::2]:
    layer.W.data *= 5.0                 # weights five times too large
activation_report(tanh_net, X)
counts, edges = np.histogram(tanh_net.layers[3].last_input,
                             bins=[-np.inf, -3, -1, 1, 3, np.inf])
print("z in (-inf,-3), (-3,-1), (-1,1), (1,3), (3,inf):", counts)

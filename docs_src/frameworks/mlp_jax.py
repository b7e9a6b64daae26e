import jax
import jax.numpy as jnp


def init(key, sizes=(784, 256, 10)):
    keys = jax.random.split(key, len(sizes) - 1)
    return [
        (jax.random.normal(k, (m, n)) * jnp.sqrt(2.0 / m), jnp.zeros(n))
        for k, m, n in zip(keys, sizes[:-1], sizes[1:])
    ]

def mlp(params, x):
    (W1, b1), (W2, b2) = params
    h = jax.nn.gelu(x @ W1 + b1, approximate=False)  # default: True
    return h @ W2 + b2

params = init(jax.random.key(0))
logits = mlp(params, jnp.ones((32, 784)))  # shape (32, 10)

import jax
import jax.numpy as jnp
from jax.test_util import check_grads


@jax.custom_jvp
def silu(x):
    return x * jax.nn.sigmoid(x)

@silu.defjvp
def silu_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    s = jax.nn.sigmoid(x)
    return x * s, s * (1 + x * (1 - s)) * x_dot  # value, f'(x) * x_dot

print(jax.grad(silu)(1.0))
check_grads(silu, (jnp.array([-2.0, 0.0, 3.0]),), order=1)

import keras
import tensorflow as tf


@tf.custom_gradient
def silu(x):
    s = tf.sigmoid(x)

    def grad(upstream):
        return upstream * s * (1 + x * (1 - s))  # upstream * f'(x)

    return x * s, grad

layer = keras.layers.Dense(256, activation=silu)

x = tf.constant([-2.0, 0.0, 3.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = silu(x)
print(tape.gradient(y, x))

import keras

model = keras.Sequential([
    keras.Input(shape=(784,)),
    keras.layers.Dense(256, activation="gelu"),  # approximate=False
    keras.layers.Dense(10),
])
logits = model(keras.random.normal((32, 784)))  # shape (32, 10)

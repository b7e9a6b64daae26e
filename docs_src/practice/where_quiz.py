import numpy as np

x = np.array([-1000.0, 0.0, 1000.0])
y = np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))

import numpy as np

x = np.array([-800.0, 0.0])
print(1 / (1 + np.exp(-x)))

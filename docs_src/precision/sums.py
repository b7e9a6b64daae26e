"""A softmax over 70 000 equal logits: the sum of its exponentials."""

import numpy as np

from course_code.precision import low_precision_dtype, naive, rounded

logits = np.zeros(70_000)  # the true probabilities are all 1/70 000
for name in ("float16", "bfloat16", "float32"):
    with np.errstate(over="ignore"):  # float16 overflows, on purpose
        total = np.sum(np.exp(logits).astype(low_precision_dtype(name)))
    p_naive = float(naive("softmax", logits, name)[0])
    p_rounded = float(rounded("softmax", logits, name)[0])
    print(f"{name:<9}sum {float(total):<7g} p {p_naive:<10.4g} rounded {p_rounded:.4g}")

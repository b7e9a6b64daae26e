"""The textbook formulas in float16 and bfloat16, against the rounded values."""

from course_code.precision import naive, rounded

CASES = [
    ("sigmoid", -12.0),
    ("softplus", 12.0),
    ("softplus", -6.0),
    ("softplus", -8.0),
    ("gelu_tanh", -3.0),
    ("gelu_tanh", -4.0),
]

print(f"{'function':<10}{'x':>6}  {'format':<9}{'rounded':>11}{'naive':>11}")
for key, x in CASES:
    for name in ("float16", "bfloat16"):
        right, wrong = float(rounded(key, x, name)), float(naive(key, x, name))
        print(f"{key:<10}{x:>6g}  {name:<9}{right:>11.4g}{wrong:>11.4g}")

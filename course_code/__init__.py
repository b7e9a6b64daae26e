"""Reference implementations for the course Activation Functions in Deep Learning.

Modules: ``activations`` (the functions, their derivatives and the catalogue
``ACTIVATIONS``), ``losses`` (stable losses with their gradients) and
``catalogue`` (the record type behind ``ACTIVATIONS``).
"""

# activations imports the catalogue at its end and the catalogue imports
# activations: importing activations first lets either be imported first.
from course_code import activations  # noqa: F401

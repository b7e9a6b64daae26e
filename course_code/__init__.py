"""Reference implementations for the course Activation Functions in Deep Learning.

Modules, each importable on its own (none needs another imported first):

* ``activations``: every activation and its derivative, with PyTorch's names
  and defaults, one module per family of the catalogue (``sigmoid_family``,
  ``relu_family``, ``smooth``, ``shrinkage``, ``outputs``, ``gated``);
* ``ideas``: each function's idea, its formula in plain NumPy, with where it
  agrees with the reference and where it breaks (``IDEAS``);
* ``catalogue``: one record (``CatalogueEntry``) per activation in
  ``ACTIVATIONS``: formulas, properties, origins, framework names;
* ``losses``: stable losses from logits, with their gradients;
* ``initializers``: Xavier, He, LeCun and plain initial weights, with the
  gain per activation;
* ``gradcheck``: central differences for functions of arrays and networks;
* ``nn``: a tiny network library: layers, losses, optimisers, a training loop;
* ``layers``: a convolution and recurrent cells for the applications;
* ``datasets``: XOR, two moons, circles and spirals, generated from a seed;
* ``experiments``: the experiments the notebooks plot;
* ``plotting``: the notebooks' figures;
* ``_numerics`` (private): the plumbing the activations share: input checks,
  evaluation in float64 rounded once, branch-free selection, compensated
  arithmetic and Chebyshev expansions.
"""

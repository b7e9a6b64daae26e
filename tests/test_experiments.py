"""The facts the course states about training, reproduced with fixed seeds.

Each experiment runs once per module (they take a second or two each) and
every stated fact is checked within a stated tolerance. The results are kept
in the site build's cache, keyed by the experiments' code (``experiment_cache``):
a second run checks the same facts without training again.
"""

import inspect
import math

import numpy as np
import pytest
from experiment_cache import run

from course_code import experiments as ex
from course_code.initializers import init_std


@pytest.fixture(scope="module")
def depth():
    return run(ex.depth_signal)


@pytest.fixture(scope="module")
def dead():
    return run(ex.dead_relus)


@pytest.fixture(scope="module")
def compared():
    return run(ex.compare_activations)


@pytest.fixture(scope="module")
def collapse():
    return run(ex.linear_collapse)


@pytest.fixture(scope="module")
def residual():
    return run(ex.residual_depth)


@pytest.mark.slow
@pytest.mark.parametrize("width", [512, 1024])
def test_he_keeps_relu_variance_within_a_factor_of_10(width, depth):
    if width == depth.width:
        r = depth  # the notebook's run
    else:
        r = run(ex.depth_signal, ["relu"], ["he", "xavier"], width=width, n_samples=16)
    v = r.variance["relu", "he"]
    assert v.max() / v.min() < 10
    # Xavier (gain 1) halves it at every layer: 0.5 ** 49 ≈ 1.8e-15 at layer 50.
    x = r.variance["relu", "xavier"]
    assert 0.45 < (x[-1] / x[0]) ** (1 / 49) < 0.55
    assert 0.1 < (x[-1] / x[0]) / 0.5**49 < 10


@pytest.mark.slow
def test_depth_signal_shapes_and_the_square_layer_identity(depth):
    assert set(depth.variance) == {
        (a, i) for a in depth.activations for i in depth.inits
    }
    assert all(v.shape == (50,) for v in depth.variance.values())
    # Xavier and LeCun agree on square layers, so they are run once.
    assert init_std("xavier", 512, 512) == pytest.approx(init_std("lecun", 512, 512))
    for act in depth.activations:
        assert depth.variance[act, "xavier"] is depth.variance[act, "lecun"]


@pytest.mark.slow
def test_sigmoid_gradient_vanishes_relu_with_he_does_not(depth):
    for scheme in depth.inits:
        g = depth.grad_norm["sigmoid", scheme]
        assert g[0] / g[-1] < 1e-20
    g = depth.grad_norm["relu", "he"]
    assert 0.1 < g[0] / g[-1] < 10


@pytest.mark.slow
def test_selu_with_lecun_keeps_variance_near_1_through_depth(depth):
    v = depth.variance["selu", "lecun"]
    assert np.all((v > 0.5) & (v < 2.0))


@pytest.mark.slow
def test_selu_fixed_point():
    r = run(ex.selu_fixed_point)
    assert np.abs(r.mean[:, -1]).max() < 0.05
    assert np.abs(r.variance[:, -1] - 1).max() < 0.05
    # From layer 20 on, every start stays near (0, 1).
    assert np.abs(r.mean[:, 20:]).max() < 0.25
    assert np.abs(r.variance[:, 20:] - 1).max() < 0.3
    # ... though the starts were far from it.
    assert np.abs(r.variance[:, 0] - 1).max() > 5


@pytest.mark.slow
def test_elu_has_no_such_fixed_point():
    r = run(ex.selu_fixed_point, [(0.0, 1.0)], activation="elu")
    assert r.variance[0, -1] < 0.5


@pytest.mark.slow
def test_dead_relus_grow_with_the_learning_rate(dead):
    final = dead.dead_fraction[:, :, -1].mean(axis=1)
    lrs = list(dead.learning_rates)
    assert final[: lrs.index(1.0) + 1].max() < 0.1
    assert final[lrs.index(10.0)] > 0.95
    assert np.all(np.diff(final[lrs.index(1.0) :]) > 0)
    assert dead.accuracy[lrs.index(10.0), :, -1].max() < 0.4  # chance is 1/3


@pytest.mark.slow
def test_every_activation_fits_spirals_and_moons(compared):
    for key, acc in compared.accuracy.items():
        assert acc[-1] >= 0.95, key
        xs, ys, classes = compared.grid[key]
        assert classes.shape == (len(ys), len(xs))


@pytest.mark.slow
def test_sigmoid_is_the_slowest(compared):
    for name in compared.datasets:
        at_100 = {act: compared.loss[name, act][100] for act in compared.activations}
        assert max(at_100, key=at_100.get) == "sigmoid"


@pytest.mark.slow
def test_deep_linear_network_cannot_fit_xor(collapse):
    # ln 2 is the least binary cross-entropy of any linear model on XOR.
    assert collapse.loss["linear"].min() >= math.log(2) - 1e-12
    assert collapse.accuracy["linear"].max() <= 0.75
    assert collapse.collapse_error < 1e-12


@pytest.mark.slow
def test_one_nonlinearity_fits_xor(collapse):
    assert collapse.accuracy["nonlinear"][-1] == 1.0
    assert collapse.loss["nonlinear"][-1] < 1e-3


@pytest.mark.slow
def test_plain_networks_degrade_at_depth_32_and_residual_ones_do_not(residual):
    # What the residual chapter states: at depth 4 to 16 every network fits
    # the spirals; at 32 the plain ones do not, the residual ones still do.
    assert residual.depths == (4, 8, 16, 32)
    for act in residual.activations:
        plain, shortcut = residual.loss[act, "plain"], residual.loss[act, "residual"]
        assert plain[:3].max() < 0.05
        assert shortcut.max() < 0.05
        assert plain[-1] > 0.3
        assert residual.accuracy[act, "plain"][-1] < 0.8
        assert residual.accuracy[act, "residual"][-1] > 0.95


def test_the_residual_experiment_runs_what_its_chapter_describes():
    defaults = inspect.signature(ex.residual_depth).parameters
    described = {"width": 24, "epochs": 100, "lr": 0.005}
    assert {name: defaults[name].default for name in described} == described


@pytest.mark.slow
def test_the_plain_networks_gradients_do_not_vanish_at_initialisation(residual):
    # He initialisation with the activation's gain: the first hidden layer
    # gets a gradient of the same order as the last, plain or residual.
    for ratios in residual.grad_ratio.values():
        assert ratios.shape == (4,)
        assert np.all((ratios > 0.5) & (ratios < 10))


@pytest.mark.slow
def test_a_plain_network_at_depth_32_hangs_on_the_learning_rate():
    slower = run(ex.residual_depth, lr=0.003)
    assert slower.loss["tanh", "plain"][-1] < 0.05
    assert slower.loss["tanh", "residual"][-1] < 0.05


@pytest.mark.slow
def test_the_learning_rate_moves_the_loss_more_than_the_activation():
    # What the evidence chapter states about its comparison (hooks/_values.py
    # runs the same calls): at lr 0.01 every activation fits both datasets; a
    # tenfold smaller lr costs more than any change of activation; and at
    # that lr the lowest loss belongs to a different activation per dataset.
    names = ("tanh", "relu", "gelu", "silu", "selu")
    good, small = (
        run(ex.compare_activations, activations=names, lr=lr, grid_size=2)
        for lr in (0.01, 0.001)
    )
    for data in ("spirals", "moons"):
        at_good = [good.loss[data, a][-1] for a in names]
        at_small = [small.loss[data, a][-1] for a in names]
        assert min(good.accuracy[data, a][-1] for a in names) >= 0.99
        assert min(at_small) > 10 * max(at_good)
    best = {
        data: min(names, key=lambda a, data=data: small.loss[data, a][-1])
        for data in ("spirals", "moons")
    }
    assert best == {"spirals": "relu", "moons": "gelu"}


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: ex.residual_depth("relu"), TypeError, "activations"),
        (lambda: ex.residual_depth(depths=[0]), ValueError, "depths"),
        (lambda: ex.depth_signal("relu"), TypeError, "activations"),
        (lambda: ex.depth_signal(["relu"], ["glorot"]), ValueError, "scheme"),
        (lambda: ex.compare_activations(datasets=["mnist"]), ValueError, "datasets"),
        (lambda: ex.selu_fixed_point(depth=0), ValueError, "depth"),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error, match=words):
        call()

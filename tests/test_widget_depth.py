"""The depth widget (``depth.js``, ``hooks/_widget_depth.py``, ``explore/depth.md``).

* The script's propagation is ``course_code.experiments._propagate``: with
  the same weights, inputs and output gradient, the variance and the
  gradient norm of every layer agree to 1e-12 (relative).
* Its standard deviations are ``course_code.initializers.init_std``'s.
* With its own random numbers, it reproduces the figures the optimisation
  chapter quotes from ``depth_signal`` (tolerances below, from the measured
  draw-to-draw spread).
* The hook's data, static version and errors; the page in Chromium.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from modules import load_file
from test_browser import context, open_page, page, server  # noqa: F401
from widget_js import run_js

from course_code.catalogue import ACTIVATIONS
from course_code.experiments import _propagate, depth_signal
from course_code.initializers import gain_name, init_std, normal
from course_code.nn import dead_unit_fraction

ROOT = Path(__file__).resolve().parent.parent
HOOK = load_file("course_widget_depth", ROOT / "hooks" / "_widget_depth.py")
DATA = HOOK.data({})
SCRIPTS = ["activations.js", "depth.js"]
PAGE = "explore/depth/"

#: The chapter's settings (hooks/_values.py: gradient_ratio, variance_ratio).
DEPTH, WIDTH = 20, 128
#: How far the per-layer factor (the geometric mean of the layer-to-layer
#: ratios, as a natural logarithm) of two sets of random draws may differ.
#: Measured over 8 seeds at 20 layers of 128 units, one draw's per-layer
#: log factor has a spread (standard deviation) of at most 0.012 for the
#: gradient norms and the sigmoid's and tanh's variance, and 0.041 for the
#: ReLU variance, which sums fewer non-zero terms. 0.05 (5 % per layer)
#: is 3 spreads of the difference of two draws for the first, and of the
#: difference of two means of 16 draws for the second.
TOLERANCE = 0.05
#: The ReLU variance, compared draw to draw: 3 spreads of the difference.
RELU_VARIANCE_TOLERANCE = 3 * math.sqrt(2) * 0.041
DRAWS = 16


def js_statistics(cases):
    """``CourseDepth.run`` for each case: variance, gradNorm, dead, std."""
    expression = """inputs.cases.map((c) => {
      const o = CourseDepth.run(inputs.data, c);
      return { variance: o.variance, gradNorm: o.gradNorm, dead: o.dead, std: o.std };
    })"""
    return run_js(SCRIPTS, expression, {"data": DATA, "cases": cases})


def per_layer(first, last, layers):
    """The natural logarithm of the mean factor per layer from first to last."""
    return math.log(last / first) / (layers - 1)


# --- the same computation as course_code ----------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "gelu", "selu", "elu"])
def test_propagation_with_the_same_weights_is_course_codes(name):
    rng = np.random.default_rng(7)
    depth, width, batch = 6, 16, 8
    weights = [rng.standard_normal((width, width)) for _ in range(depth)]
    X = rng.standard_normal((batch, width))
    seed_grad = rng.standard_normal((batch, width))
    std = DATA["factor"][name]["he"] / math.sqrt(width)
    variance, grad_norm = _propagate(name, std, weights, X, seed_grad)
    expression = """(() => {
      const a = CourseActivations.get(inputs.name);
      const F = (m) => Float64Array.from(m);
      return CourseDepth.propagate({ f: a.f, df: a.df, std: inputs.std,
        Z: inputs.Z.map(F), X: F(inputs.X), r: F(inputs.r),
        width: inputs.width, depth: inputs.depth });
    })()"""
    inputs = {
        "name": name,
        "std": std,
        "Z": [w.ravel().tolist() for w in weights],
        "X": X.ravel().tolist(),
        "r": seed_grad.ravel().tolist(),
        "width": width,
        "depth": depth,
    }
    out = run_js(SCRIPTS, expression, inputs)
    np.testing.assert_allclose(out["variance"], variance, rtol=1e-12, atol=0)
    np.testing.assert_allclose(out["gradNorm"], grad_norm, rtol=1e-12, atol=0)
    # The share of units off on the whole batch, as course_code.nn counts it.
    h, dead = X, []
    for w in weights:
        z = (h @ w) * std
        dead.append(dead_unit_fraction(z))
        h = ACTIVATIONS[name](z)
    assert out["dead"] == pytest.approx(dead, abs=1e-15)
    if name == "relu":
        assert max(dead) > 0  # the comparison saw a dead unit
    # A wrong scale is seen: the comparison can fail.
    inputs["std"] = std * (1 + 1e-9)
    wrong = run_js(SCRIPTS, expression, inputs)
    assert not np.allclose(wrong["gradNorm"], grad_norm, rtol=1e-12, atol=0)


def test_fixed_standard_deviations_are_course_codes():
    # initializers.normal with its defaults draws weights of std 1.
    weights = normal(512, 512, rng=np.random.default_rng(0))
    assert DATA["fixed"]["normal"] == 1.0
    assert weights.std() == pytest.approx(DATA["fixed"]["normal"], rel=0.01)
    assert DATA["fixed"]["small"] == 0.01
    assert set(DATA["fixed"]) | set(DATA["factor"]["relu"]) == {
        key for key, _ in DATA["schemes"]
    }


@pytest.mark.slow
def test_a_fixed_std_of_1_makes_the_gradient_explode_and_001_vanish():
    runs = run_js(
        SCRIPTS,
        """inputs.map((init) => {
          const s = { activation: "tanh", init, depth: 20, width: 64, seed: 3 };
          const out = CourseDepth.run(inputs.data, s);
          return [out.std, out.gradNorm[0] / out.gradNorm[19]];
        })""".replace("inputs.map", "inputs.inits.map"),
        {"inits": ["normal", "small"], "data": DATA},
    )
    (std_normal, ratio_normal), (std_small, ratio_small) = runs
    assert (std_normal, std_small) == (1.0, 0.01)
    assert ratio_normal > 1e3  # tanh saturates, but the weights grow each step
    assert ratio_small < 1e-10


@pytest.mark.parametrize("width", [8, 128, 512, 200])
def test_standard_deviations_are_init_stds(width):
    for name, factors in DATA["factor"].items():
        for scheme, factor in factors.items():
            expected = init_std(scheme, width, width, nonlinearity=gain_name(name))
            assert factor / math.sqrt(width) == pytest.approx(expected, rel=1e-14)
    assert DATA["factor"]["relu"]["he"] == pytest.approx(math.sqrt(2), rel=1e-15)
    assert DATA["factor"]["tanh"]["he"] == pytest.approx(5 / 3, rel=1e-15)


@pytest.mark.slow
def test_the_script_uses_the_standard_deviation_of_its_choice():
    cases = [
        {"activation": name, "init": scheme, "depth": 2, "width": 24, "seed": 3}
        for name in ("relu", "tanh", "selu")
        for scheme in ("xavier", "he", "lecun")
    ]
    for case, out in zip(cases, js_statistics(cases), strict=True):
        name, scheme = case["activation"], case["init"]
        expected = init_std(scheme, 24, 24, nonlinearity=gain_name(name))
        assert out["std"] == pytest.approx(expected, rel=1e-14)


# --- the chapter's figures, with the widget's own random numbers ----------------

PAIRS = [("sigmoid", "xavier"), ("tanh", "xavier"), ("relu", "he"), ("relu", "xavier")]


def factors(variance, grad_norm, layers):
    """Per-layer log factors of the gradient (layer 1 over the last) and variance."""
    return (
        per_layer(grad_norm[-1], grad_norm[0], layers),
        per_layer(variance[0], variance[-1], layers),
    )


@pytest.mark.slow
def test_the_per_layer_factors_agree_with_depth_signal_on_average():
    cases = [
        {"activation": a, "init": i, "depth": DEPTH, "width": WIDTH, "seed": seed}
        for seed in range(1, DRAWS + 1)
        for a, i in PAIRS
    ]
    js = js_statistics(cases)
    names = sorted({a for a, _ in PAIRS})
    numpy_draws = [
        depth_signal(names, ["xavier", "he"], depth=DEPTH, width=WIDTH, seed=seed)
        for seed in range(DRAWS)
    ]
    for k, (name, scheme) in enumerate(PAIRS):
        ours = np.mean(
            [factors(o["variance"], o["gradNorm"], DEPTH) for o in js[k :: len(PAIRS)]],
            axis=0,
        )
        theirs = np.mean(
            [
                factors(r.variance[name, scheme], r.grad_norm[name, scheme], DEPTH)
                for r in numpy_draws
            ],
            axis=0,
        )
        assert np.abs(ours - theirs).max() <= TOLERANCE, (name, scheme, ours, theirs)
        if (name, scheme) == ("relu", "he"):
            relu_he = theirs
    # The test sees a wrong scale: weights 5 % too large move the variance's
    # per-layer factor by 2 log(1.05) ~ 0.098.
    wrong = [dict(c, scale=1.05) for c in cases if c["activation"] == "relu"]
    wrong = [c for c in wrong if c["init"] == "he"]
    ours = np.mean(
        [factors(o["variance"], o["gradNorm"], DEPTH) for o in js_statistics(wrong)],
        axis=0,
    )
    assert np.abs(ours - relu_he).max() > TOLERANCE


#: The numbers the optimisation chapter shows from depth_signal, by value name.
CHAPTER = [
    ("gradient_ratio", "sigmoid", "xavier"),
    ("gradient_ratio", "tanh", "xavier"),
    ("gradient_ratio", "relu", "he"),
    ("variance_ratio", "relu", "xavier"),
    ("variance_ratio", "relu", "he"),
]


@pytest.mark.slow
def test_each_number_the_chapter_shows_is_what_the_reader_sees():
    values = load_file("course_values_depth", ROOT / "hooks" / "_values.py")
    cases = [
        {"activation": a, "init": i, "depth": DEPTH, "width": WIDTH, "seed": 1}
        for _, a, i in CHAPTER
    ]
    for (value, name, scheme), out in zip(CHAPTER, js_statistics(cases), strict=True):
        chapter = getattr(values, value)(name, scheme)
        if value == "gradient_ratio":
            shown = out["gradNorm"][0] / out["gradNorm"][-1]
        else:
            shown = out["variance"][-1] / out["variance"][0]
        tolerance = TOLERANCE
        if value == "variance_ratio":
            tolerance = RELU_VARIANCE_TOLERANCE
        difference = abs(math.log(shown / chapter)) / (DEPTH - 1)
        assert difference <= tolerance, (value, name, scheme, shown, chapter)
    # "in the notebook's 50-layer network it is more than thirty" (orders).
    (out,) = js_statistics(
        [
            {"activation": "sigmoid", "init": "xavier"}
            | {"depth": 50, "width": 512, "seed": 1}
        ]
    )
    notebook = depth_signal(["sigmoid"], ["xavier"]).grad_norm["sigmoid", "xavier"]
    shown = out["gradNorm"][0] / out["gradNorm"][-1]
    assert shown < 1e-30
    assert abs(per_layer(notebook[-1], notebook[0], 50) - math.log(shown) / 49) <= (
        TOLERANCE
    )


# --- the hook -------------------------------------------------------------------


def test_data_offers_the_activations_and_schemes():
    keys = [key for key, _ in DATA["activations"]]
    needed = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu"]
    assert {*needed, "silu", "softplus"} <= set(keys)
    assert dict(DATA["activations"])["relu"] == "ReLU"
    assert [key for key, _ in DATA["schemes"]] == [
        "xavier",
        "he",
        "lecun",
        "normal",
        "small",
    ]
    assert DATA["batch"] == 64
    assert DATA["initial"] == {
        "activation": "sigmoid",
        "init": "xavier",
        "depth": 30,
        "width": 128,
    }
    chosen = HOOK.data({"activation": "relu", "init": "he", "depth": "50"})
    assert chosen["initial"] == {
        "activation": "relu",
        "init": "he",
        "depth": 50,
        "width": 128,
    }


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"activation": "softmax"}, "activation"),
        ({"init": "orthogonal"}, "init"),
        ({"depth": "1"}, "depth"),
        ({"depth": "101"}, "depth"),
        ({"width": "wide"}, "width"),
        ({"width": "-8"}, "width"),
        ({"seed": "3"}, "seed"),
    ],
)
def test_bad_options_name_the_option(options, named):
    with pytest.raises(ValueError, match=named):
        HOOK.data(options)
    with pytest.raises(ValueError, match=named):
        HOOK.fallback(options, "explore")


def test_the_fallback_shows_the_chapters_numbers():
    text = HOOK.fallback({}, "explore")
    values = load_file("course_values_fallback", ROOT / "hooks" / "_values.py")
    sigmoid = values.gradient_ratio("sigmoid", "xavier")
    assert f"| Sigmoid, Xavier | {sigmoid:.1e} |" in text
    assert f"| ReLU, He | {values.gradient_ratio('relu', 'he'):.2f} |" in text
    assert "JavaScript" in text


def test_on_a_chinese_page_the_names_and_the_fallback_are_chinese():
    chinese = HOOK.data({}, "zh")
    assert [key for key, _ in chinese["schemes"]] == [key for key, _ in DATA["schemes"]]
    assert dict(chinese["schemes"])["normal"] == "正态，标准差 1"
    assert dict(chinese["schemes"])["he"] == "He（Kaiming）"
    assert dict(chinese["activations"])["leaky_relu"] == "带泄漏 ReLU"
    # Only the names change: the numbers are the same.
    names = ("schemes", "activations")
    assert {k: v for k, v in chinese.items() if k not in names} == {
        k: v for k, v in DATA.items() if k not in names
    }
    text = HOOK.fallback({}, "explore", "zh")
    english = HOOK.fallback({}, "explore")
    ratios = re.findall(r"\| ([0-9][0-9.e+-]*) \|", english)
    assert len(ratios) == 3
    assert re.findall(r"\| ([0-9][0-9.e+-]*) \|", text) == ratios
    assert "| 激活函数、初始化 | 第 1 层与第 20 层的梯度范数之比 |" in text
    assert f"| Sigmoid、Xavier | {ratios[0]} |" in text
    assert "启用 JavaScript 后" in text
    with pytest.raises(ValueError, match="lang='fr'"):
        HOOK.fallback({}, "explore", "fr")


# --- in the browser -------------------------------------------------------------


def widget_state(tab):
    return tab.evaluate(
        """() => {
          const w = document.querySelector('.course-widget[data-widget="depth"]');
          const fallback = w.querySelector(".course-widget__fallback");
          return {
            paths: [...w.querySelectorAll("path.cw-line")]
              .map((p) => p.getAttribute("d")),
            summary: w.querySelector("[aria-live]").textContent,
            fallback: getComputedStyle(fallback).display,
          };
        }"""
    )


def drawn(tab):
    """Wait until the widget has drawn its first state (it computes in slices)."""
    tab.wait_for_function(
        """() => document.querySelector(
          '.course-widget[data-widget="depth"] [aria-live]')?.textContent !== ''"""
    )
    return widget_state(tab)


def settled(tab, before):
    """Wait until the summary changes from ``before`` (the debounced update)."""
    tab.wait_for_function(
        """(before) => document.querySelector(
          '.course-widget[data-widget="depth"] [aria-live]').textContent !== before""",
        arg=before,
    )
    return widget_state(tab)


def test_the_controls_move_the_charts_by_keyboard(page, server):  # noqa: F811
    open_page(page, server, PAGE)
    drawn(page)
    first = widget_state(page)
    assert first["fallback"] == "none"
    assert len(first["paths"]) == 3
    # Sigmoid + Xavier at depth 30, the first state: the gradient vanishes.
    assert "vanishing" in first["summary"], first["summary"]
    # From the first control on, keys only: arrows change a <select>.
    activation = page.get_by_label("Activation", exact=True)
    activation.focus()
    page.keyboard.press("ArrowDown")  # tanh
    page.keyboard.press("ArrowDown")  # ReLU
    state = settled(page, first["summary"])
    assert activation.input_value() == "relu"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # Xavier -> He
    assert page.get_by_label("Initialisation", exact=True).input_value() == "he"
    page.wait_for_function(
        """() => document.querySelector('.course-widget[data-widget="depth"] '
          + '[aria-live]').textContent.includes("of the same order")"""
    )
    state = widget_state(page)
    assert state["paths"] != first["paths"]
    # The depth slider, by keyboard only: Tab from the initialisation.
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.labels[0].textContent")
    assert focused == "Depth"
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    moved = settled(page, state["summary"])
    assert "layer 35" in moved["summary"], moved["summary"]
    assert moved["paths"] != state["paths"]
    # The "New draw" button by keyboard: Tab to it, Enter.
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "New draw"
    page.keyboard.press("Enter")
    redrawn = settled(page, moved["summary"])
    assert redrawn["paths"] != moved["paths"]
    assert page.context.traffic.problems() == {}


def test_sigmoid_vanishes_and_relu_he_keeps_the_gradient(page, server):  # noqa: F811
    open_page(page, server, PAGE)
    drawn(page)
    summary = widget_state(page)["summary"]
    ratio = summary.split("layer 1 is ")[1].split(" of")[0].replace("−", "-")
    assert float(ratio) < 1e-10  # sigmoid, Xavier, 30 layers
    page.get_by_label("Activation", exact=True).select_option("relu")
    summary = settled(page, summary)["summary"]
    page.get_by_label("Initialisation", exact=True).select_option("he")
    summary = settled(page, summary)["summary"]
    ratio = summary.split("layer 1 is ")[1].split(" of")[0].replace("−", "-")
    assert 0.1 < float(ratio) < 10, summary


def test_on_the_chinese_page_controls_titles_and_summary_are_chinese(page, server):  # noqa: F811
    open_page(page, server, "zh/" + PAGE)
    first = drawn(page)
    # Sigmoid + Xavier at depth 30: the gradient vanishes.
    assert first["summary"].startswith("第 1 层的梯度范数是第 30 层的 ")
    assert "倍：梯度消失。" in first["summary"], first["summary"]
    widget = page.locator('.course-widget[data-widget="depth"]')
    for label in ("激活函数", "初始化", "深度", "宽度", "权重尺度"):
        assert widget.get_by_label(label, exact=True).count() == 1, label
    assert widget.get_by_role("button", name="重新抽样", exact=True).count() == 1
    titles = widget.locator(".cw-depth-title").all_inner_texts()
    assert titles[0] == "激活值 h 的方差（对数刻度）"
    init = widget.get_by_label("初始化", exact=True)
    assert init.locator("option").all_inner_texts() == [
        "Xavier（Glorot）",
        "He（Kaiming）",
        "LeCun",
        "正态，标准差 1",
        "正态，标准差 0.01",
    ]
    widget.get_by_label("激活函数", exact=True).select_option("relu")
    summary = settled(page, first["summary"])["summary"]
    init.select_option("he")
    summary = settled(page, summary)["summary"]
    assert "倍：量级相同。" in summary, summary
    assert page.context.traffic.problems() == {}


def test_the_widget_fits_a_phone(browser, server):  # noqa: F811
    phone = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = phone.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type == "error" else None,
        )
        page.goto(server.url(PAGE), wait_until="load")
        page.wait_for_selector(".course-widget--live")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0
        assert errors == []
    finally:
        phone.close()


def test_without_javascript_the_fallback_shows(browser, server):  # noqa: F811
    static = browser.new_context(java_script_enabled=False)
    try:
        page = static.new_page()
        page.goto(server.url(PAGE), wait_until="load")
        fallback = page.locator(".course-widget__fallback")
        assert fallback.is_visible()
        assert "Sigmoid, Xavier" in fallback.inner_text()
        assert page.locator(".course-widget svg").count() == 0
    finally:
        static.close()


def test_the_widget_survives_instant_navigation(page, server):  # noqa: F811
    open_page(page, server, "explore/", idle=True)
    # Material's instant navigation replaces the page without a reload; the
    # scripts it brings in must mount the widget.
    page.locator('.md-nav a[href$="depth/"]').first.click()
    page.wait_for_url("**/explore/depth/", wait_until="commit")
    live = '.course-widget--live[data-widget="depth"]'
    page.wait_for_selector(live)
    assert len(drawn(page)["paths"]) == 3
    page.go_back()
    page.wait_for_url("**/explore/", wait_until="commit")
    # The address changes first; wait until the page it names is in place.
    page.wait_for_selector('.course-widget[data-widget="explorer"]')
    page.locator('.md-nav a[href$="depth/"]').first.click()
    page.wait_for_selector(live)
    assert page.locator(live).count() == 1
    assert "vanishing" in drawn(page)["summary"]
    assert page.context.traffic.problems() == {}

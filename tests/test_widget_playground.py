"""The network playground: its data, its network against course_code.nn, its page.

* The hook exports ``course_code.datasets`` (to 4 decimals) and the He gains
  that ``course_code.nn.MLP`` uses, and rejects bad placeholder options.
* In Node (``widget_js.run_js``), the widget's network computes the logits,
  the loss and every gradient of ``course_code.nn`` on a fixed network and
  fixed data to 1e-12 relative, and its first SGD steps give the same
  parameters; with the page's defaults it fits XOR (4 ReLU units) and
  spirals (2 x 16 ReLU units), and the same seed gives the same run.
* In Chromium, the page trains to those accuracies with the buttons and the
  keyboard, pauses, steps one epoch, resets to the same run, fits 360 px,
  and shows the static version without JavaScript.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pytest
from modules import load_file
from test_browser import (  # noqa: F401
    axe,
    axe_violations,
    context,
    open_page,
    page,
    scheme,
    server,
)
from test_quizzes import parse
from widget_js import run_js

from course_code import datasets
from course_code.nn import MLP, SGD, CrossEntropyLoss

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
PLAYGROUND = load_file("course_widget_playground", HOOKS / "_widget_playground.py")
FILES = ["activations.js", "playground.js"]
PAGE = "explore/playground/"

#: Relative tolerance of the widget's numbers against course_code.nn.
RTOL = 1e-12


# --- the hook ----------------------------------------------------------------


def test_data_holds_the_course_datasets_to_four_decimals():
    exported = PLAYGROUND.data({})["datasets"]
    expected = {
        "xor": datasets.xor(25, noise=0.1, seed=0),
        "spirals": datasets.spirals(100, 3, seed=0),
        "circles": datasets.circles(100, seed=0),
        "moons": datasets.two_moons(100, noise=0.1, seed=0),
    }
    assert set(exported) == set(expected)
    for key, (X, y) in expected.items():
        got = exported[key]
        np.testing.assert_allclose(np.array(got["x"]), X, rtol=0, atol=5e-5 + 1e-12)
        assert got["y"] == y.tolist()
        assert all(type(label) is int for label in got["y"])
        assert got["classes"] == int(y.max()) + 1


@pytest.mark.parametrize("key", PLAYGROUND.ACTIVATION_KEYS)
def test_exported_gains_are_those_of_course_code_mlp(key):
    # MLP draws standard normals in order and scales them: the hidden layer
    # by gain / sqrt(fan_in), the output layer by 1 / sqrt(fan_in).
    gain = dict((k, g) for k, _, g in PLAYGROUND.data({})["activations"])[key]
    model = MLP(2, [5], 3, activation=key, rng=0)
    normals = np.random.default_rng(0).standard_normal(2 * 5 + 5 * 3)
    hidden, out = model.layers[0].W.data, model.layers[2].W.data
    np.testing.assert_allclose(hidden, gain / np.sqrt(2) * normals[:10].reshape(2, 5))
    np.testing.assert_allclose(out, normals[10:].reshape(5, 3) / np.sqrt(5))


def test_initial_settings_follow_the_options():
    initial = PLAYGROUND.data(
        {"dataset": "spirals", "activation": "tanh", "hidden": "16,16", "lr": "1"}
    )["initial"]
    assert initial == {
        "dataset": "spirals",
        "activation": "tanh",
        "hidden": [16, 16],
        "lr": 1.0,
        "seed": PLAYGROUND.DEFAULTS["seed"],
    }
    assert PLAYGROUND.data({})["initial"]["hidden"] == [4]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"dataset": "iris"}, "dataset='iris': expected one of xor"),
        ({"activation": "softmax"}, "activation='softmax': expected one of relu"),
        ({"hidden": "16,16,16"}, "hidden='16,16,16': expected one or two widths"),
        ({"hidden": "1"}, "hidden='1': expected one or two widths between 2 and 32"),
        ({"hidden": "x"}, "hidden='x'"),
        ({"hidden": "16,8"}, "hidden='16,8': two layers take the same width"),
        ({"lr": "0.2"}, "lr='0.2': expected one of 0.001"),
        ({"lr": "fast"}, "lr='fast'"),
        ({"seed": "-3"}, "seed='-3': expected a whole number"),
        ({"seed": "1.5"}, "seed='1.5'"),
        ({"colour": "red"}, "option 'colour' is unknown"),
    ],
)
def test_bad_options_name_the_option_and_what_was_expected(options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        PLAYGROUND.data(options)
    with pytest.raises(ValueError, match=re.escape(message)):
        PLAYGROUND.fallback(options, "explore")


def test_fallback_lists_the_datasets_and_links_the_notebook():
    text = PLAYGROUND.fallback({}, "explore")
    assert "| Spirals | 300 | 3 |" in text
    assert "| XOR | 100 | 2 |" in text
    assert "(../notebooks/compare.ipynb)" in text
    assert "(../../notebooks/compare.ipynb)" in PLAYGROUND.fallback({}, "chapters/why")


def test_on_a_chinese_page_the_names_and_the_fallback_are_chinese():
    english, chinese = PLAYGROUND.data({}), PLAYGROUND.data({}, "zh")
    names = {key: d.pop("name") for key, d in chinese["datasets"].items()}
    assert names == {
        "xor": "XOR",
        "spirals": "螺旋",
        "circles": "同心圆",
        "moons": "双月",
    }
    for d in english["datasets"].values():
        del d["name"]
    assert chinese["datasets"] == english["datasets"]
    zh_names = {key: name for key, name, _ in chinese["activations"]}
    assert zh_names["leaky_relu"] == "带泄漏 ReLU"
    assert [(k, g) for k, _, g in chinese["activations"]] == [
        (k, g) for k, _, g in english["activations"]
    ]
    text = PLAYGROUND.fallback({}, "explore", "zh")
    assert "| 数据集 | 点数 | 类别数 |" in text
    assert "| 螺旋 | 300 | 3 |" in text
    assert "[在玩具问题上比较激活函数](../notebooks/compare.ipynb)" in text
    with pytest.raises(ValueError, match="lang='fr'"):
        PLAYGROUND.fallback({}, "explore", "fr")


def test_the_page_has_three_quizzes_with_feedback_for_every_option():
    quizzes = parse(HOOKS.parent / "docs" / "explore" / "playground.md")
    assert len(quizzes) == 3
    for quiz in quizzes:
        assert quiz.question.strip()
        assert quiz.correct
        assert len(quiz.answers) >= 2
        assert all(feedback.strip() for feedback in quiz.feedback), quiz


# --- the network, in Node, against course_code.nn ----------------------------


def close(js, py, rtol=RTOL):
    """Every element within ``rtol`` of course_code's, relative to itself.

    An element that is 0 in course_code (a dead ReLU's gradient) must be 0.
    """
    js, py = np.asarray(js, float), np.asarray(py, float)
    assert js.shape == py.shape, (js.shape, py.shape)
    diff = np.abs(js - py)
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(diff == 0, 0.0, diff / np.abs(py))
    worst = float(np.max(relative))
    assert worst <= rtol, f"relative difference {worst:.3g} > {rtol:g}"
    return worst


def fixed_problem(activation):
    """A 2 -> 5 -> 4 -> 3 network with given weights and biases, 7 points."""
    rng = np.random.default_rng(42)
    model = MLP(2, [5, 4], 3, activation=activation, rng=0)
    for p in model.parameters():
        p.data[...] = rng.normal(0.0, 0.8, p.data.shape)  # biases not 0 either
    X = rng.normal(0.0, 1.0, (7, 2))
    y = np.array([0, 1, 2, 2, 1, 0, 1])
    return model, X, y


def js_inputs(model, X, y, lr=0.5, steps=3):
    params = model.parameters()
    return {
        "weights": [p.data.ravel().tolist() for p in params[0::2]],
        "biases": [p.data.tolist() for p in params[1::2]],
        "X": X.ravel().tolist(),
        "y": y.tolist(),
        "lr": lr,
        "steps": steps,
    }


JS_PASS = """(() => {
  const P = CoursePlayground;
  const net = P.createNetwork([2, 5, 4, 3], inputs.activation,
    { weights: inputs.weights, biases: inputs.biases });
  const data = { X: Float64Array.from(inputs.X), y: inputs.y, n: inputs.y.length };
  const cache = P.forward(net, data.X, data.n);
  const ce = P.crossEntropy(cache.logits, data.y, data.n, 3);
  const g = P.backward(net, cache, ce.grad);
  const out = { logits: Array.from(cache.logits), loss: ce.loss,
    gradW: g.W.map((a) => Array.from(a)), gradb: g.b.map((a) => Array.from(a)),
    losses: [] };
  for (let s = 0; s < inputs.steps; s++) {
    out.losses.push(P.epoch(net, data, inputs.lr).loss);
  }
  out.W = net.layers.map((l) => Array.from(l.W));
  out.b = net.layers.map((l) => Array.from(l.b));
  return out;
})()"""


def js_pass(model, X, y, activation):
    inputs = js_inputs(model, X, y)
    inputs["activation"] = activation
    return run_js(FILES, JS_PASS, inputs)


@pytest.mark.slow
@pytest.mark.parametrize("activation", ["relu", "tanh", "gelu", "sigmoid"])
def test_forward_backward_and_sgd_steps_equal_course_code(activation):
    model, X, y = fixed_problem(activation)
    js = js_pass(model, X, y, activation)

    loss = CrossEntropyLoss()
    logits = model(X)
    value = loss(logits, y)
    model.zero_grad()
    model.backward(loss.backward())
    params = model.parameters()
    close(js["logits"], logits.ravel())
    close(js["loss"], value)
    for layer in range(3):
        close(js["gradW"][layer], params[2 * layer].grad.ravel())
        close(js["gradb"][layer], params[2 * layer + 1].grad)

    # Three steps of plain SGD on the whole batch, as course_code.nn.train.
    optimizer, losses = SGD(params, lr=0.5), []
    for _ in range(3):
        optimizer.zero_grad()
        out = model(X)
        losses.append(loss(out, y))
        model.backward(loss.backward())
        optimizer.step()
    close(js["losses"], losses)
    for layer in range(3):
        close(js["W"][layer], params[2 * layer].data.ravel())
        close(js["b"][layer], params[2 * layer + 1].data)


@pytest.mark.slow
def test_the_comparison_catches_a_wrong_network():
    # The same check fails when one weight differs by one part in 1e9, or
    # when the widget uses another activation than course_code.
    model, X, y = fixed_problem("gelu")
    logits = model(X).ravel()
    nudged = js_inputs(model, X, y)
    nudged["weights"][1][3] *= 1 + 1e-9
    nudged["activation"] = "gelu"
    with pytest.raises(AssertionError, match="relative difference"):
        close(run_js(FILES, JS_PASS, nudged)["logits"], logits)
    with pytest.raises(AssertionError, match="relative difference"):
        close(js_pass(model, X, y, "silu")["logits"], logits)


TRAIN = """(() => {
  const d = inputs.data, P = CoursePlayground;
  const gain = Object.fromEntries(d.activations.map((a) => [a[0], a[2]]));
  return inputs.runs.map((r) => {
    const set = P.dataset(d.datasets[r.dataset]);
    const net = P.createNetwork([2, ...r.hidden, set.classes], r.activation,
      { seed: r.seed, gain: gain[r.activation] });
    return P.train(net, set, r.lr, d.maxEpochs, r.until);
  });
})()"""


def train_js(*runs):
    return run_js(FILES, TRAIN, {"data": PLAYGROUND.data({}), "runs": list(runs)})


def run(dataset, hidden, until, seed=None, activation="relu"):
    defaults = PLAYGROUND.DEFAULTS
    return {
        "dataset": dataset,
        "hidden": hidden,
        "activation": activation,
        "lr": defaults["lr"],
        "seed": defaults["seed"] if seed is None else seed,
        "until": until,
    }


@pytest.mark.slow
def test_page_defaults_fit_xor_with_4_units_and_spirals_with_2x16():
    xor, spirals = train_js(run("xor", [4], 1.0), run("spirals", [16, 16], 0.97))
    print(
        f"XOR, 4 ReLU units: {xor['accuracy'][-1]:.0%} after {len(xor['loss'])} "
        f"epochs; spirals, 2 x 16 ReLU units: {spirals['accuracy'][-1]:.1%} after "
        f"{len(spirals['loss'])} epochs"
    )
    assert xor["accuracy"][-1] == 1.0
    assert spirals["accuracy"][-1] >= 0.97
    assert len(spirals["loss"]) < PLAYGROUND.MAX_EPOCHS


@pytest.mark.slow
def test_same_seed_same_run_other_seed_other_run():
    a, b, c = train_js(
        run("spirals", [8], 2.0, seed=5),
        run("spirals", [8], 2.0, seed=5),
        run("spirals", [8], 2.0, seed=6),
    )
    assert len(a["loss"]) == PLAYGROUND.MAX_EPOCHS  # the whole run compared
    assert a["loss"] == b["loss"]
    assert a["loss"][0] != c["loss"][0]


# --- the page, in Chromium --------------------------------------------------------

READOUT = ".course-widget[data-widget=playground] .cw-readout"
EPOCH = re.compile(
    r"Epoch (\d+)(?:: loss ([0-9.e−-]+), training accuracy ([0-9.]+) %)?"
)


def readout(tab):
    match = EPOCH.search(tab.locator(READOUT).inner_text())
    assert match, tab.locator(READOUT).inner_text()
    epoch, loss, accuracy = match.groups()
    return int(epoch), loss, float(accuracy) if accuracy else None


def widget(tab):
    return tab.locator(".course-widget[data-widget=playground]")


def control(tab, label):
    return widget(tab).get_by_label(label, exact=True)


def button(tab, name):
    return widget(tab).get_by_role("button", name=name, exact=True)


def train_until(tab, percent, timeout_ms=60_000):
    """Press Train; wait until the readout shows ``percent``; the seconds taken."""
    start = time.perf_counter()
    button(tab, "Train").click()
    tab.wait_for_function(
        """([sel, want]) => {
          const m = / ([0-9.]+) %/.exec(document.querySelector(sel).textContent);
          return m && Number(m[1]) >= want;
        }""",
        arg=[READOUT, percent],
        timeout=timeout_ms,
    )
    return time.perf_counter() - start


def test_page_trains_xor_and_spirals_to_the_issue_accuracies(page, server):  # noqa: F811
    open_page(page, server, PAGE)
    assert widget(page).locator("canvas[role=img][aria-label]").count() == 1
    seconds = train_until(page, 100.0)
    epoch, _, accuracy = readout(page)
    print(f"XOR, 4 ReLU units: {accuracy} % after {epoch} epochs, {seconds:.2f} s")
    assert accuracy == 100.0

    control(page, "Data set").select_option("spirals")
    control(page, "Hidden layers").select_option("2")
    width = control(page, "Units per layer")
    width.focus()
    for _ in range(16 - 4):
        page.keyboard.press("ArrowRight")
    assert width.input_value() == "16"
    assert readout(page)[0] == 0  # a change of the network starts again
    seconds = train_until(page, 97.0)
    epoch, _, accuracy = readout(page)
    print(f"spirals, 2 x 16 ReLU: {accuracy} % after {epoch} epochs, {seconds:.2f} s")
    assert accuracy >= 97.0
    assert page.locator(".cw-playground__loss").get_attribute("d").count("L") > 10
    assert page.context.traffic.problems() == {}


def test_pause_stops_step_advances_one_epoch_reset_repeats(page, server):  # noqa: F811
    open_page(page, server, PAGE)
    control(page, "Data set").select_option("spirals")
    control(page, "Hidden layers").select_option("2")
    lr = control(page, "Learning rate")
    lr.focus()
    page.keyboard.press("Home")  # 0.001: far more epochs than this test waits
    train = widget(page).locator(".cw-playground__buttons button").first
    train.click()
    assert train.get_attribute("aria-pressed") == "true"
    page.wait_for_function(
        "(sel) => /Epoch [1-9]/.test(document.querySelector(sel).textContent)",
        arg=READOUT,
    )
    button(page, "Pause").click()
    assert train.get_attribute("aria-pressed") == "false"
    paused = readout(page)[0]
    page.wait_for_timeout(600)
    assert readout(page)[0] == paused > 0

    button(page, "Step").click()
    assert readout(page)[0] == paused + 1

    def five_steps():
        button(page, "Reset").click()
        assert readout(page)[0] == 0
        for _ in range(5):
            button(page, "Step").click()
        return readout(page)

    first = five_steps()
    assert first[0] == 5
    assert five_steps() == first
    control(page, "Seed").fill("7")
    control(page, "Seed").press("Enter")
    other = five_steps()
    assert other[0] == 5
    assert other[1] != first[1]
    assert page.context.traffic.problems() == {}


def test_keyboard_alone_trains_the_network(page, server):  # noqa: F811
    open_page(page, server, PAGE)
    control(page, "Data set").focus()
    order = []
    for _ in range(9):
        order.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return e.labels && e.labels.length ? e.labels[0].textContent"
                " : e.textContent; }"
            )
        )
        page.keyboard.press("Tab")
    assert order == [
        "Data set",
        "Activation",
        "Hidden layers",
        "Units per layer",
        "Learning rate",
        "Seed",
        "Train",
        "Step",
        "Reset",
    ]
    button(page, "Step").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert readout(page)[0] == 2
    control(page, "Units per layer").focus()
    page.keyboard.press("ArrowRight")  # 5 units: the network starts again
    assert readout(page)[0] == 0
    button(page, "Train").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(sel) => / 100.0 %/.test(document.querySelector(sel).textContent)",
        arg=READOUT,
        timeout=60_000,
    )
    assert page.context.traffic.problems() == {}


def test_on_the_chinese_page_controls_buttons_and_readout_are_chinese(page, server):  # noqa: F811
    open_page(page, server, "zh/" + PAGE)
    widget(page).locator("canvas").wait_for()
    said = widget(page).locator(".cw-readout")
    assert said.inner_text() == "第 0 轮：尚未训练。"
    datasets = control(page, "数据集").locator("option").all_inner_texts()
    assert datasets == ["XOR", "螺旋", "同心圆", "双月"]
    for label in ("激活函数", "隐藏层数", "每层单元数", "学习率", "随机种子"):
        assert control(page, label).count() == 1, label
    canvas = widget(page).locator("canvas[role=img]")
    assert canvas.get_attribute("aria-label").startswith(
        "网络的决策区域（数据集：XOR；100 个训练点"
    )
    button(page, "单步").click()
    assert re.fullmatch(
        r"第 1 轮：损失 [0-9.]+，训练准确率 [0-9.]+%。", said.inner_text()
    ), said.inner_text()
    control(page, "学习率").focus()
    page.keyboard.press("Home")  # 0.001: training goes on until paused
    train = widget(page).locator(".cw-playground__buttons button").first
    train.click()
    assert train.inner_text() == "暂停"
    button(page, "暂停").click()
    assert train.inner_text() == "训练"
    button(page, "重置").click()
    assert said.inner_text() == "第 0 轮：尚未训练。"
    assert page.context.traffic.problems() == {}


def test_reduced_motion_trains_and_draws_when_it_stops(browser, server):  # noqa: F811
    ctx = browser.new_context(reduced_motion="reduce")
    try:
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else 0)
        page.goto(server.url(PAGE))
        train_until(page, 100.0)
        assert page.locator(".cw-playground__loss").get_attribute("d").count("L") > 3
        assert errors == []
    finally:
        ctx.close()


def test_phone_width_has_no_horizontal_scroll(browser, server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = ctx.new_page()
        page.goto(server.url(PAGE))
        widget(page).locator("canvas").wait_for()
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0
        box = widget(page).locator("canvas").bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 360
    finally:
        ctx.close()


def test_without_javascript_the_static_version_shows(browser, server):  # noqa: F811
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(server.url(PAGE))
        fallback = widget(page).locator(".course-widget__fallback")
        assert fallback.is_visible()
        assert "Spirals" in fallback.inner_text()
        assert widget(page).locator("canvas").count() == 0
    finally:
        ctx.close()


def test_instant_navigation_from_the_xor_page_mounts_the_widget(page, server):  # noqa: F811
    # Instant navigation inserts the page's scripts at once and each runs
    # when it arrives: hold activations.js back until the widget's script
    # has run, which must then wait for it.
    held = []

    def hold(route):
        held.append(route)

    page.context.route("**/widgets/activations.js", hold)
    open_page(page, server, "chapters/why/xor/", idle=True)
    page.locator("article a[href$='explore/playground/']").first.click()
    page.wait_for_url("**/explore/playground/", wait_until="commit")
    page.wait_for_function("() => window.CoursePlayground !== undefined")
    assert len(held) == 1
    page.context.unroute("**/widgets/activations.js", hold)
    held[0].continue_()
    widget(page).locator("canvas").wait_for()
    assert widget(page).locator("canvas").count() == 1
    button(page, "Step").click()
    assert readout(page)[0] == 1
    # Back and forth again: the page is brought in anew, and mounted once.
    page.go_back()
    page.wait_for_url("**/chapters/why/xor/", wait_until="commit")
    page.locator("article a[href$='explore/playground/']").first.click()
    widget(page).locator("canvas").wait_for()
    assert widget(page).locator("canvas").count() == 1
    assert readout(page)[0] == 0
    assert page.context.traffic.problems() == {}


@pytest.mark.parametrize("preferred", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_the_playground(
    axe,  # noqa: F811
    page,  # noqa: F811
    server,  # noqa: F811
    preferred,
):
    page.emulate_media(color_scheme=preferred)
    open_page(page, server, PAGE)
    assert scheme(page) == ("slate" if preferred == "dark" else "default")
    button(page, "Step").click()
    assert axe_violations(page) == []

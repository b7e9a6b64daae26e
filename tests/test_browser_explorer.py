"""The function explorer in Chromium: sliders, the keyboard cursor, the readout.

The readout must show ``course_code``'s values to the digits it prints; the
page must work by keyboard alone, at 360 px wide, without JavaScript (the
static figure) and after Material's instant navigation.
"""

# The fixtures come from test_browser by import, so their names are redefined
# as test parameters:
# ruff: noqa: F811
from __future__ import annotations

import re

import pytest
from test_browser import (  # noqa: F401
    WAIT_MS,
    Traffic,
    axe,
    axe_violations,
    context,
    open_page,
    page,
    scheme,
    server,
)

from course_code.catalogue import ACTIVATIONS

PAGE = "explore/"
WIDGET = '.course-widget[data-widget="explorer"]'


def live(page):
    page.wait_for_selector(f"{WIDGET}.course-widget--live", timeout=WAIT_MS)
    return page.locator(WIDGET).first


def fmt6(x: float) -> str:
    """CourseWidgets.fmt(x, 6) for the values the test reads (|x| in [1e-3, 1e5))."""
    if x == 0:
        return "0"
    text = repr(float(f"{x:.6g}"))
    text = text[:-2] if text.endswith(".0") else text
    return text.replace("-", "−")


def test_slider_moves_the_curve_and_the_facts(page, server):
    open_page(page, server, PAGE)
    widget = live(page)
    curve = widget.locator('path.cw-ex-f[data-key="leaky_relu"]')
    before = curve.get_attribute("d")
    facts = widget.locator('.cw-ex-facts li[data-key="leaky_relu"]')
    assert "saturates: no" in facts.inner_text()
    slider = widget.get_by_label("Leaky ReLU negative_slope")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert slider.input_value() == "0.06"
    assert curve.get_attribute("d") != before
    # Down to 0: leaky ReLU is ReLU, and saturates on the left.
    slider.fill("0")
    assert "saturates: for x → −∞" in facts.inner_text()
    assert "range 0 to ∞" in facts.inner_text()
    assert page.context.traffic.errors == []


def test_readout_equals_course_code_at_keyboard_positions(page, server):
    open_page(page, server, PAGE)
    widget = live(page)
    # Overlay ELU with the keyboard-reachable checkbox, then move the cursor.
    widget.get_by_label("ELU", exact=True).check()
    chart = widget.locator("svg.cw-chart")
    chart.focus()
    readout = widget.locator(".cw-ex-readout")
    for presses, key in ((12, "ArrowLeft"), (7, "ArrowRight"), (0, "Home")):
        for _ in range(presses):
            page.keyboard.press(key)
        if presses == 0:
            page.keyboard.press(key)
        x = float(readout.get_attribute("data-x"))
        for name, params in (("relu", {}), ("leaky_relu", {}), ("elu", {})):
            entry = ACTIVATIONS[name]
            text = readout.locator(f'p[data-key="{name}"]').inner_text()
            f = float(entry.fn(x, **{**entry.params, **params}))
            df = float(entry.grad(x, **{**entry.params, **params}))
            assert f"f(x) = {fmt6(f)}," in text, (x, text)
            assert text.endswith(f"f′(x) = {fmt6(df)}"), (x, text)
    assert x == -6.0
    # The readout is announced, and a wrong value would not match.
    assert readout.get_attribute("aria-live") == "polite"
    assert fmt6(float(ACTIVATIONS["elu"](-0.5))) != fmt6(
        float(ACTIVATIONS["elu"].fn(-0.5, alpha=1.01))
    )


def test_keyboard_only_use(page, server):
    open_page(page, server, PAGE)
    widget = live(page)
    first = widget.locator("input[type=checkbox]").first
    first.focus()
    # Tab reaches the checkboxes; Space ticks the focused one.
    page.keyboard.press("Space")
    assert first.is_checked()
    # Tab on to the chart: every control on the way is reachable.
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        active = page.evaluate(
            "() => document.activeElement.getAttribute('aria-label') ||"
            " document.activeElement.id"
        )
        reached.append(active)
        if active and active.startswith("Chart of"):
            break
    assert reached[-1].startswith("Chart of Sigmoid, ReLU, Leaky ReLU"), reached
    readout = widget.locator(".cw-ex-readout")
    page.keyboard.press("End")
    assert readout.get_attribute("data-x") == "6"
    page.keyboard.press("PageDown")
    assert readout.get_attribute("data-x") == "5"
    # Every control has a label.
    unlabelled = widget.evaluate(
        "(w) => [...w.querySelectorAll('input, select')].filter((i) =>"
        " !i.labels || i.labels.length === 0).length"
    )
    assert unlabelled == 0
    assert page.context.traffic.errors == []


def test_phone_width_has_no_horizontal_scroll(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(WAIT_MS)
    origin = server.base_url.split("/activation-functions/")[0] + "/"
    context.traffic = Traffic(context, origin)
    try:
        page = context.traffic.watch(context.new_page())
        for path in (PAGE, "chapters/catalogue/relu-family/"):
            open_page(page, server, path)
            live(page)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, (path, width)
        assert context.traffic.errors == []
    finally:
        context.close()


def test_without_javascript_the_static_figure_shows(browser, server, page):
    context = browser.new_context(java_script_enabled=False)
    try:
        static = context.new_page()
        static.goto(server.url(PAGE))
        figure = static.locator(f"{WIDGET} .course-widget__fallback img")
        assert figure.is_visible()
        assert re.search(r"figures/relu\.svg$", figure.get_attribute("src"))
    finally:
        context.close()
    open_page(page, server, PAGE)
    live(page)
    assert not page.locator(f"{WIDGET} .course-widget__fallback img").is_visible()


def test_mounted_after_instant_navigation(page, server):
    # From a family page (which has its own compact explorer) by the link in
    # its text; a mark on window survives only if the page was not reloaded.
    open_page(page, server, "chapters/catalogue/relu-family/", idle=True)
    live(page)
    page.evaluate("() => { window.explorerMark = 1; }")
    page.locator('article a[href$="explore/"]').first.click()
    page.wait_for_url(re.compile(r"/explore/$"), wait_until="commit")
    page.wait_for_selector("h1:has-text('Function explorer')")
    widget = live(page)
    assert page.evaluate("() => window.explorerMark") == 1
    assert widget.locator("path.cw-ex-f").count() == 2
    assert widget.locator(".cw-ex-choose input").count() == 22
    assert page.context.traffic.errors == []


def test_pointer_moves_the_readout(page, server):
    open_page(page, server, PAGE)
    widget = live(page)
    chart = widget.locator("svg.cw-chart")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    # The plot spans viewBox x 44..470 of 480 for x in [-6, 6]: aim at x = 2.
    scale = box["width"] / 480
    left, right = box["x"] + 44 * scale, box["x"] + 470 * scale
    page.mouse.move(left + (2 + 6) / 12 * (right - left), box["y"] + box["height"] / 2)
    readout = widget.locator(".cw-ex-readout")
    assert float(readout.get_attribute("data-x")) == 2.0
    text = readout.locator('p[data-key="leaky_relu"]').inner_text()
    assert text == "Leaky ReLU: f(x) = 2, f′(x) = 1"
    # Pointer moves are not announced (they would flood a screen reader);
    # the keyboard's are.
    assert readout.get_attribute("aria-live") == "off"
    chart.focus()
    page.keyboard.press("ArrowRight")
    assert readout.get_attribute("aria-live") == "polite"


def test_on_the_chinese_page_labels_readout_and_facts_are_chinese(page, server):
    open_page(page, server, "zh/" + PAGE)
    widget = live(page)
    legends = widget.locator(".cw-ex-choose legend").all_inner_texts()
    assert legends == ["sigmoid 族", "ReLU 族", "光滑函数", "收缩函数"]
    facts = widget.locator('.cw-ex-facts li[data-key="leaky_relu"]')
    assert facts.inner_text() == (
        "带泄漏 ReLU：值域 −∞ 到 ∞；单调：是；零中心：否；饱和：否"
    )
    # The parameter keeps course_code's name; the function has the Chinese
    # catalogue's.
    widget.get_by_label("带泄漏 ReLU：negative_slope").fill("0")
    assert "值域 0 到 ∞" in facts.inner_text()
    assert "饱和：x → −∞ 时" in facts.inner_text()
    chart = widget.locator("svg.cw-chart")
    assert chart.get_attribute("aria-label") == (
        "函数及其导数的图像：ReLU、带泄漏 ReLU；x 从 −6 到 6；用方向键移动光标。"
    )
    chart.focus()
    page.keyboard.press("End")
    readout = widget.locator('.cw-ex-readout p[data-key="relu"]')
    assert readout.inner_text() == "ReLU：f(x) = 6，f′(x) = 1"
    widget.get_by_label("GELU", exact=True).check()
    choice = widget.get_by_label("GELU：approximate", exact=True)
    assert choice.locator("option").all_inner_texts() == ["精确", "tanh"]
    assert page.context.traffic.errors == []


@pytest.mark.parametrize("preferred", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_the_explorer(axe, page, server, preferred):
    page.emulate_media(color_scheme=preferred)
    open_page(page, server, PAGE)
    widget = live(page)
    assert scheme(page) == ("slate" if preferred == "dark" else "default")
    # With GELU's choice and several sliders drawn.
    widget.get_by_label("GELU", exact=True).check()
    widget.get_by_label("Hard tanh", exact=True).check()
    assert axe_violations(page) == []

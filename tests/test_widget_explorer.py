"""The function explorer: its hook, its formulas against ``course_code``, its facts.

* The hook (``hooks/_widget_explorer.py``): the data and the static version
  of ``<!-- course:widget explorer ... -->``, and clear errors for bad options.
* Golden values: ``CourseActivations`` (``activations.js``), which the
  explorer draws, against ``course_code.catalogue.ACTIVATIONS`` at thousands
  of points and several parameter settings, in Node.
* ``CourseExplorer.properties`` (``explorer.js``), the card's facts at any
  parameters, against what ``course_code``'s functions do on a wide grid.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from modules import load_file
from widget_js import run_js

from course_code.catalogue import ACTIVATIONS

ROOT = Path(__file__).resolve().parent.parent
HOOK = load_file("widget_explorer", ROOT / "hooks" / "_widget_explorer.py")
FILES = ["activations.js", "explorer.js"]
#: The smallest normal double: relative differences are taken against at
#: least this, so values in the subnormal range (which have fewer digits)
#: compare by their absolute difference scaled to it.
TINY = 2.2250738585072014e-308
TOLERANCE = 1e-12

# --- the hook -------------------------------------------------------------------


def elementwise() -> list[str]:
    return [k for k, e in ACTIVATIONS.items() if e.elementwise]


def test_data_offers_every_elementwise_function_once_with_card_facts():
    data = HOOK.data({})
    keys = [fn["key"] for fn in data["functions"]]
    assert keys == [k for k in elementwise() if k != "gelu_tanh"]
    assert data["selected"] == ["relu"]
    assert data["compact"] is False
    by_key = {fn["key"]: fn for fn in data["functions"]}
    elu = by_key["elu"]
    assert elu["params"] == {"alpha": 1.0}
    assert elu["facts"]["range"] == [-1.0, "Infinity"]
    assert by_key["logsigmoid"]["facts"]["range"] == ["-Infinity", 0.0]
    assert by_key["gelu"]["choices"] == {
        "approximate": [["none", "exact"], ["tanh", "tanh"]]
    }
    assert by_key["gelu"]["facts_tanh"]["range"][0] == pytest.approx(-0.17004075)
    # Every numeric parameter of the catalogue has a slider whose range holds
    # the default (the explorer starts at course_code's values).
    for fn in data["functions"]:
        for name, value in fn["params"].items():
            if isinstance(value, str):
                assert name in fn["choices"], (fn["key"], name)
                continue
            spec = fn["sliders"][name]
            assert spec["min"] <= value <= spec["max"], (fn["key"], name)


def test_options_choose_functions_and_gelu_tanh_selects_the_tanh_form():
    data = HOOK.data(
        {"functions": "gelu_tanh,silu", "selected": "gelu_tanh", "compact": "true"}
    )
    assert [fn["key"] for fn in data["functions"]] == ["gelu", "silu"]
    assert data["functions"][0]["params"] == {"approximate": "tanh"}
    assert data["selected"] == ["gelu"]
    assert data["compact"] is True


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"functions": "relu,nope"}, "'nope' is not an elementwise catalogue key"),
        ({"functions": "softmax"}, "expected one of sigmoid, tanh"),
        ({"selected": "elu", "functions": "relu"}, "'elu' is not among"),
        ({"functions": ""}, "expected KEY"),
        ({"compact": "maybe"}, "compact='maybe': expected true or false"),
        ({"colour": "red"}, "'colour': expected one of compact, functions"),
    ],
)
def test_bad_options_raise_a_clear_error(options, message):
    with pytest.raises(ValueError, match="explorer option") as error:
        HOOK.data(options)
    assert message in str(error.value)


def test_fallback_shows_the_first_selected_function_relative_to_the_page():
    text = HOOK.fallback({"selected": "elu,relu"}, "chapters/catalogue")
    assert "](../../figures/elu.svg)" in text
    assert "ELU" in text
    text = HOOK.fallback({"functions": "gelu_tanh", "selected": "gelu_tanh"}, "")
    assert "](figures/gelu_tanh.svg)" in text
    assert "](explore/../figures" not in HOOK.fallback({}, "explore")
    assert "](../figures/relu.svg)" in HOOK.fallback({}, "explore")


def test_on_a_chinese_page_names_labels_and_static_version_are_chinese():
    english, chinese = HOOK.data({}), HOOK.data({}, "zh")
    by_key = {fn["key"]: fn for fn in chinese["functions"]}
    # Named as the Chinese catalogue names them; the parameters keep
    # course_code's names, the choices their values.
    assert by_key["leaky_relu"]["name"] == "带泄漏 ReLU"
    assert by_key["relu"]["name"] == "ReLU"
    assert by_key["gelu"]["choices"] == {
        "approximate": [["none", "精确"], ["tanh", "tanh"]]
    }
    assert by_key["leaky_relu"]["params"] == {"negative_slope": 0.01}

    def facts(data):
        return [
            {k: v for k, v in fn.items() if k not in ("name", "choices")}
            for fn in data["functions"]
        ]

    assert facts(chinese) == facts(english)
    options = {"functions": "relu,leaky_relu", "selected": "leaky_relu"}
    text = HOOK.fallback(options, "chapters/catalogue", "zh")
    assert text.startswith(
        "![带泄漏 ReLU：函数及其导数的图像](../../figures/leaky_relu.svg)\n\n"
        "带泄漏 ReLU（实线）及其导数（虚线）。启用 JavaScript 后"
    )
    assert HOOK.fallback(options, "", "en").startswith(
        "![Leaky ReLU and its derivative](figures/leaky_relu.svg)"
    )


def test_a_language_other_than_english_or_chinese_is_refused():
    with pytest.raises(ValueError, match="lang='de': expected one of en, zh"):
        HOOK.data({}, "de")
    with pytest.raises(ValueError, match="lang='de'"):
        HOOK.fallback({}, "", "de")


# --- golden values --------------------------------------------------------------

#: Parameter settings checked besides the defaults (the sliders' extremes
#: and values between).
SETTINGS = {
    "hardtanh": [{"min_val": -2.0, "max_val": 0.5}, {"min_val": -0.1, "max_val": 3.0}],
    "leaky_relu": [{"negative_slope": s} for s in (0.0, 0.2, -0.3, 1.0)],
    "prelu": [{"weight": w} for w in (0.0, 0.5, -0.5)],
    "rrelu": [{"lower": 0.1, "upper": 0.3}, {"lower": 0.0, "upper": 0.0}],
    "elu": [{"alpha": a} for a in (0.5, 2.5, 0.0)],
    "celu": [{"alpha": a} for a in (0.3, 2.0, 3.0)],
    "softplus": [{"beta": b} for b in (0.5, 5.0, 20.0, 0.1)],
    "gelu": [{"approximate": "tanh"}],
    "softshrink": [{"lambd": v} for v in (0.0, 1.5, 3.0)],
    "hardshrink": [{"lambd": v} for v in (0.0, 1.5, 3.0)],
}

#: JavaScript's Math is not correctly rounded (V8's exp, tanh and cosh are
#: within about 1 ulp), so a formula that composes them can lose a few ulps;
#: the worst measured is 2.4e-13 (GELU's tanh form near x = -21, where
#: 2u, about -700, carries its rounding into e^(2u): course_code carries 2u
#: as a double-double). Every function keeps TOLERANCE everywhere tested.


def points(params: dict) -> np.ndarray:
    """Dense on [-10, 10], tails to ±40 and ±700, extremes, subnormals, kinks."""
    kinks = [0.0, 3.0, -3.0, 6.0, 0.5, -0.5]
    for value in params.values():
        if isinstance(value, float):
            kinks += [value, -value]
            kinks += [value * (1 + 1e-15), value * (1 - 1e-15)]
    return np.concatenate(
        [
            np.linspace(-10, 10, 4001),
            np.linspace(-40, 40, 801),
            np.linspace(-700, 700, 141),
            [5e-324, -5e-324, 1e-310, -1e-310, 1e-300, -1e-300, 1e-20, -1e-20],
            [1e-8, -1e-8, -0.0, 745.0, -745.0, 1e8, -1e8, -37.6, -38.0, 1e300],
            kinks,
        ]
    )


def relative(js, py) -> np.ndarray:
    """|js - py| / max(|py|, TINY); 0 where both are equal (±inf, 0) or NaN."""
    js, py = np.asarray(js, float), np.asarray(py, float)
    with np.errstate(all="ignore"):
        out = np.abs(js - py) / np.maximum(np.abs(py), TINY)
    out[(js == py) | (np.isnan(js) & np.isnan(py))] = 0.0
    out[np.isnan(out)] = np.inf  # NaN on one side only
    return out


def cases() -> list[tuple[str, dict]]:
    names = [k for k in elementwise() if k != "gelu_tanh"]
    out = []
    for name in names:
        out.append((name, dict(ACTIVATIONS[name].params)))
        out += [
            (name, dict(ACTIVATIONS[name].params, **s)) for s in SETTINGS.get(name, [])
        ]
    return out


@pytest.fixture(scope="module")
def golden():
    """The JS values of f and f' for every case, in one Node run."""
    items = [[name, params, points(params).tolist()] for name, params in cases()]
    values = run_js(
        FILES,
        "inputs.map(([n, p, xs]) => { const g = CourseActivations.get(n, p);"
        " return [xs.map(g.f), xs.map(g.df)]; })",
        items,
    )
    return {repr(case): value for case, value in zip(cases(), values, strict=True)}


@pytest.mark.slow
def test_names_are_the_elementwise_catalogue():
    names = run_js(FILES, "CourseActivations.names")
    params = run_js(FILES, "CourseActivations.params")
    # gelu_tanh is gelu with approximate="tanh".
    assert sorted([*names, "gelu_tanh"]) == sorted(elementwise())
    for name in names:
        assert params[name] == pytest.approx(dict(ACTIVATIONS[name].params)), name
    assert dict(ACTIVATIONS["gelu_tanh"].params) == {"approximate": "tanh"}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "params"), cases(), ids=repr)
def test_golden_values_match_course_code(golden, name, params):
    entry = ACTIVATIONS[name]
    x = points(params)
    js_f, js_df = golden[repr((name, params))]
    with np.errstate(all="ignore"):
        expected = {"f": entry.fn(x, **params), "df": entry.grad(x, **params)}
    for which, js in (("f", js_f), ("df", js_df)):
        diff = relative(js, expected[which])
        worst = int(diff.argmax())
        assert diff[worst] <= TOLERANCE, (
            f"{name}{params} {which}: relative difference {diff[worst]:.2e}"
            f" at x = {x[worst]!r} (tolerance {TOLERANCE:.0e})"
        )


def test_the_comparison_catches_a_wrong_value():
    # One ULP is within the tolerance, a wrong parameter is not.
    x = points({})
    py = ACTIVATIONS["elu"].fn(x, alpha=1.0)
    assert relative(np.nextafter(py, np.inf), py).max() <= TOLERANCE
    assert relative(ACTIVATIONS["elu"].fn(x, alpha=1.0 + 1e-9), py).max() > TOLERANCE
    assert relative([math.nan], [0.0])[0] == math.inf


# --- properties -----------------------------------------------------------------

#: The parameter grid of the properties check: each slider's extremes, the
#: default, and a point where a fact changes (slope 0, lambda 0, ...).
GRID = {
    "hardtanh": [
        {"min_val": -1.0, "max_val": 1.0},
        {"min_val": -2.0, "max_val": 0.5},
        {"min_val": -3.0, "max_val": 3.0},
    ],
    "leaky_relu": [{"negative_slope": s} for s in (0.01, 0.0, -0.5, 1.0, 0.3)],
    "prelu": [{"weight": w} for w in (0.25, 0.0, -0.2, 1.0)],
    "rrelu": [
        {"lower": 0.125, "upper": 1 / 3},
        {"lower": 0.0, "upper": 0.0},
        {"lower": 0.5, "upper": 1.0},
    ],
    "elu": [{"alpha": a} for a in (1.0, 0.0, 2.5)],
    "celu": [{"alpha": a} for a in (1.0, 0.1, 3.0)],
    "softplus": [{"beta": b} for b in (1.0, 0.1, 20.0)],
    "gelu": [{"approximate": "none"}, {"approximate": "tanh"}],
    "softshrink": [{"lambd": v} for v in (0.5, 0.0, 3.0)],
    "hardshrink": [{"lambd": v} for v in (0.5, 0.0, 3.0)],
}
#: Wide and dense enough to find each minimum within 1e-7.
WIDE = np.unique(
    np.concatenate([np.linspace(-10, 10, 400001), np.geomspace(10, 1e12, 400)])
)
WIDE = np.unique(np.concatenate([WIDE, -WIDE]))


def property_cases() -> list[tuple[str, dict]]:
    names = [k for k in elementwise() if k != "gelu_tanh"]
    return [(n, p) for n in names for p in GRID.get(n, [dict(ACTIVATIONS[n].params)])]


def measured(name: str, params: dict) -> dict:
    """The facts as course_code's function shows them on WIDE."""
    entry = ACTIVATIONS[name]
    with np.errstate(all="ignore"):
        y = entry.fn(WIDE, **params)
        tails = entry.grad(np.array([-1e6, 1e6]), **params)
    lo, hi = float(y.min()), float(y.max())
    sat_lo, sat_hi = abs(tails[0]) < 1e-6, abs(tails[1]) < 1e-6
    return {
        # An end that keeps growing over the last decade is infinite.
        "lo": -math.inf if y[0] < -50 else lo,
        "hi": math.inf if y[-1] > 50 else hi,
        # Non-decreasing up to rounding (softsign's x / (1 + |x|) wobbles
        # by an ULP near 1).
        "monotonic": bool(np.all(np.diff(y) >= -1e-14 * (1 + np.abs(y[1:])))),
        "zero_centred": bool(np.allclose(entry.fn(-WIDE, **params), -y, atol=1e-12)),
        "saturation": {
            (True, True): "both",
            (True, False): "-inf",
            (False, True): "+inf",
            (False, False): "no",
        }[(sat_lo, sat_hi)],
    }


def js_properties(cases_: list[tuple[str, dict]]) -> list[dict]:
    facts = {fn["key"]: fn for fn in HOOK.data({})["functions"]}
    items = []
    for name, params in cases_:
        fn = facts[name]
        tanh = params.get("approximate") == "tanh"
        items.append([name, params, fn["facts_tanh"] if tanh else fn["facts"]])
    return run_js(
        FILES,
        "inputs.map(([n, p, f]) => CourseExplorer.properties(n, p, f))",
        items,
    )


def disagreements(cases_, results) -> list[str]:
    bad = []
    for (name, params), js in zip(cases_, results, strict=True):
        seen = measured(name, params)
        lo, hi = js["range"]
        for end, want in (("lo", lo), ("hi", hi)):
            got = seen[end]
            if math.isinf(want) or math.isinf(got):
                ok = want == got
            else:
                ok = abs(want - got) <= 1e-6 * (1 + abs(want))
            if not ok:
                bad.append(f"{name}{params} range {end}: js {want}, course_code {got}")
        for fact in ("monotonic", "zero_centred", "saturation"):
            if js[fact] != seen[fact]:
                bad.append(f"{name}{params} {fact}: js {js[fact]}, seen {seen[fact]}")
    return bad


@pytest.mark.slow
def test_properties_follow_the_parameters_as_course_code_does():
    cases_ = property_cases()
    assert disagreements(cases_, js_properties(cases_)) == []


@pytest.mark.slow
def test_properties_check_catches_a_wrong_fact():
    # The facts of ELU with alpha = 2 passed off as those of alpha = 1, and
    # leaky ReLU's facts at slope 0.2 as those at slope 0: both are caught.
    wrong = js_properties(
        [("elu", {"alpha": 2.0}), ("leaky_relu", {"negative_slope": 0.2})]
    )
    cases_ = [("elu", {"alpha": 1.0}), ("leaky_relu", {"negative_slope": 0.0})]
    found = disagreements(cases_, wrong)
    assert any("elu{'alpha': 1.0} range lo" in line for line in found)
    assert any("leaky_relu" in line and "saturation" in line for line in found)

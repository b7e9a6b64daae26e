"""What the widgets share: the placeholder, ``common.js``, the languages and the
size budget.

Each widget has its own tests (``test_widget_explorer.py``,
``test_widget_depth.py``, ``test_widget_playground.py``); these check the
parts they all stand on: the string tables (the Chinese one has the English
one's keys and slots, every key is used), a Chinese page's widgets in
Chinese and an English page's in English.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
from pathlib import Path

import pytest
from test_browser import context, open_page, page, server  # noqa: F401
from widget_js import WIDGETS, run_js

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import _widget_i18n  # noqa: E402
import _widgets  # noqa: E402

#: All widget scripts together, gzipped, at most (issue: 30 KB).
BUDGET = 30_000


def test_every_widget_has_its_script_and_its_two_functions():
    for name, module in _widgets.WIDGETS.items():
        assert (WIDGETS / f"{name}.js").is_file(), name
        assert callable(module.data), name
        assert callable(module.fallback), name
        for script in getattr(module, "SCRIPTS", ()):
            assert (WIDGETS / script).is_file(), (name, script)


def test_all_widget_scripts_together_fit_the_budget():
    sizes = {
        path.name: len(gzip.compress(path.read_bytes(), compresslevel=9))
        for path in sorted(WIDGETS.glob("*.js"))
    }
    assert {"common.js", "activations.js"} <= set(sizes)
    total = sum(sizes.values())
    assert total <= BUDGET, f"{total} bytes gzipped > {BUDGET}: {sizes}"


def test_options_are_key_value_words():
    assert _widgets.options_of([]) == {}
    assert _widgets.options_of(["a=1", "b_c=x,y", "flag"]) == {
        "a": "1",
        "b_c": "x,y",
        "flag": "true",
    }
    with pytest.raises(ValueError, match="'A=1'"):
        _widgets.options_of(["A=1"])
    with pytest.raises(ValueError, match="'=1'"):
        _widgets.options_of(["=1"])


def test_the_root_is_relative_to_the_page():
    assert _widgets.root_of("") == ""
    assert _widgets.root_of("explore/") == "../"
    assert _widgets.root_of("explore/depth/") == "../../"


def test_an_unknown_widget_names_the_known_ones():
    with pytest.raises(ValueError, match=r"no widget 'nope'.*explorer"):
        _widgets.widget(["nope"], "explore", "explore/")
    with pytest.raises(ValueError, match="course:widget NAME"):
        _widgets.widget([], "explore", "explore/")


def test_a_widget_block_holds_its_fallback_data_and_scripts(monkeypatch):
    class Fake:
        SCRIPTS = ("activations.js",)

        @staticmethod
        def data(options, lang):
            return {"text": "</script><b>", "options": options, "lang": lang}

        @staticmethod
        def fallback(options, page_dir, lang):
            return f"Static version in {page_dir}, in {lang}."

    monkeypatch.setitem(_widgets.WIDGETS, "fake", Fake)
    block = _widgets.widget(["fake", "size=3"], "explore", "explore/depth/")
    assert block.startswith(
        '<div class="course-widget" data-widget="fake" data-size="3" data-json="'
    )
    assert "Static version in explore, in en." in block
    # The data is an attribute (instant navigation re-creates scripts without
    # their type), escaped, and reads back as written.
    data = re.search(r'data-json="([^"]*)" markdown>', block).group(1)
    assert "<" not in data
    assert json.loads(html.unescape(data)) == {
        "text": "</script><b>",
        "options": {"size": "3"},
        "lang": "en",
    }
    scripts = re.findall(r'<script src="([^"]+)" defer>', block)
    assert scripts == [
        "../../assets/javascripts/widgets/common.js",
        "../../assets/javascripts/widgets/activations.js",
        "../../assets/javascripts/widgets/fake.js",
    ]


def test_a_chinese_widget_block_names_its_language_and_loads_its_table(
    monkeypatch,
):
    class Fake:
        SCRIPTS = ("activations.js",)
        data = staticmethod(lambda options, lang: {"name": "螺旋", "lang": lang})
        fallback = staticmethod(lambda options, page_dir, lang: f"静态版本（{lang}）")

    monkeypatch.setitem(_widgets.WIDGETS, "fake", Fake)
    block = _widgets.widget(["fake", "size=3"], "explore", "zh/explore/", lang="zh")
    assert block.startswith(
        '<div class="course-widget" data-widget="fake" data-lang="zh" data-size="3"'
    )
    assert "静态版本（zh）" in block
    data = re.search(r'data-json="([^"]*)" markdown>', block).group(1)
    assert json.loads(html.unescape(data)) == {"name": "螺旋", "lang": "zh"}
    # The Chinese table right after common.js, which needs it to mount.
    scripts = re.findall(r'<script src="([^"]+)" defer>', block)
    assert scripts == [
        "../../assets/javascripts/widgets/common.js",
        "../../assets/javascripts/widgets/strings-zh.js",
        "../../assets/javascripts/widgets/activations.js",
        "../../assets/javascripts/widgets/fake.js",
    ]
    # Without a language, or in English, the block is as before.
    english = _widgets.widget(["fake"], "", "", lang="en")
    assert english == _widgets.widget(["fake"], "", "")
    assert "data-lang" not in english
    assert "strings-" not in english


def test_an_unknown_language_is_refused_naming_it():
    with pytest.raises(ValueError, match=r"lang='fr': expected one of en, zh"):
        _widgets.widget(["explorer"], "", "", lang="fr")
    with pytest.raises(ValueError, match=r"lang='EN'"):
        _widget_i18n.function_name("relu", "EN")
    assert _widget_i18n.check_language("zh") == "zh"


def test_the_placeholder_passes_the_pages_language():
    from types import SimpleNamespace

    import _placeholders

    def fake_page(locale):
        file = SimpleNamespace(src_uri="explore/depth.md", src_path="x", locale=locale)
        return SimpleNamespace(file=file, url="explore/depth/")

    line = "<!-- course:widget depth -->\n"
    chinese = _placeholders.expand(line, fake_page("zh"))
    assert 'data-lang="zh"' in chinese
    assert "| Sigmoid、Xavier |" in chinese
    english = _placeholders.expand(line, fake_page("en"))
    assert "data-lang" not in english
    assert "| Sigmoid, Xavier |" in english
    assert _placeholders.expand(line, fake_page(None)) == english


def test_the_languages_module_and_the_script_list_keep_their_examples():
    import doctest

    for module in (_widget_i18n, _widgets):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
        assert result.attempted >= 2, module.__name__


def test_reserved_options_are_refused():
    with pytest.raises(ValueError, match="'json' is reserved"):
        _widgets.widget(["explorer", "json=1"], "", "")
    # The language is the page's, not an option.
    with pytest.raises(ValueError, match="'lang' is reserved"):
        _widgets.widget(["explorer", "lang=zh"], "", "")


def test_data_with_a_nan_is_refused(monkeypatch):
    class Fake:
        data = staticmethod(lambda options, lang: {"x": float("nan")})
        fallback = staticmethod(lambda options, page_dir, lang: "")

    monkeypatch.setitem(_widgets.WIDGETS, "fake", Fake)
    with pytest.raises(ValueError, match="JSON compliant"):
        _widgets.widget(["fake"], "", "")


@pytest.mark.slow
def test_the_generator_repeats_with_its_seed_and_has_the_right_moments():
    values = run_js(
        [],
        """(() => {
          const W = CourseWidgets;
          const a = W.rng(7), b = W.rng(7), c = W.rng(8);
          const u = [], n = [];
          for (let i = 0; i < 20000; i++) { u.push(a.uniform()); n.push(a.normal()); }
          const same = [b.uniform(), b.normal()], other = [c.uniform(), c.normal()];
          return { u, n, same, first: [u[0], n[0]], other };
        })()""",
    )
    u, n = values["u"], values["n"]
    assert values["same"] == values["first"]
    assert values["other"] != values["first"]
    assert all(0 <= x < 1 for x in u)
    mean_u = sum(u) / len(u)
    mean_n = sum(n) / len(n)
    var_n = sum((x - mean_n) ** 2 for x in n) / len(n)
    # Standard errors: 0.002 for the uniform mean, 0.007 for the normal's.
    assert abs(mean_u - 0.5) < 0.01
    assert abs(mean_n) < 0.03
    assert abs(var_n - 1) < 0.05


@pytest.mark.slow
def test_numbers_are_shown_as_a_reader_expects():
    shown = run_js(
        [],
        "inputs.map(x => CourseWidgets.fmt(x, 4))",
        [0.0, 1.0, -0.25, 123.456, 1e-7, -2.5e6, float("inf"), float("-inf")],
    )
    assert shown == ["0", "1", "−0.25", "123.5", "1e−7", "−2.5e+6", "∞", "−∞"]
    ticks = run_js([], "CourseWidgets.ticks(-6, 6, 6)")
    assert ticks == [-6, -4, -2, 0, 2, 4, 6]


# --- the languages ----------------------------------------------------------

SLOT = re.compile(r"\{(\w+)\}")
#: Chinese characters (and the full-width punctuation of a Chinese sentence).
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: The scripts that write words, with the keys of the string table.
WORDY_SCRIPTS = ("explorer.js", "depth.js", "playground.js")


def table_problems(english: dict, other: dict) -> list[str]:
    """What a language's table lacks or adds against English's, and the texts
    whose {slots} differ."""
    problems = [f"missing {key}" for key in english if key not in other]
    problems += [f"extra {key}" for key in other if key not in english]
    for key in english.keys() & other.keys():
        if sorted(SLOT.findall(english[key])) != sorted(SLOT.findall(other[key])):
            problems.append(f"slots of {key}: {english[key]!r} / {other[key]!r}")
    return sorted(problems)


def test_the_table_comparison_catches_a_missing_an_extra_and_a_wrong_slot():
    english = {"a": "Epoch {epoch}", "b": "Train", "c": "{x} and {y}"}
    assert (
        table_problems(english, {"a": "第 {epoch} 轮", "b": "训练", "c": "{y}{x}"})
        == []
    )
    assert table_problems(english, {"a": "第 {n} 轮", "c": "{x}", "d": "多余"}) == [
        "extra d",
        "missing b",
        "slots of a: 'Epoch {epoch}' / '第 {n} 轮'",
        "slots of c: '{x} and {y}' / '{x}'",
    ]


def hook_tables() -> dict[str, dict]:
    """The build's texts and names of each widget, by language."""
    from _widget_depth import FALLBACK as DEPTH
    from _widget_depth import SCHEME_NAMES
    from _widget_explorer import FALLBACK as EXPLORER
    from _widget_playground import DATASET_NAMES
    from _widget_playground import FALLBACK as PLAYGROUND

    return {
        "explorer FALLBACK": EXPLORER,
        "depth FALLBACK": DEPTH,
        "depth SCHEME_NAMES": SCHEME_NAMES,
        "playground FALLBACK": PLAYGROUND,
        "playground DATASET_NAMES": DATASET_NAMES,
    }


@pytest.mark.parametrize("name", hook_tables())
def test_the_builds_chinese_texts_match_the_english_ones(name):
    table = hook_tables()[name]
    assert set(table) == {"en", "zh"}
    assert table_problems(table["en"], table["zh"]) == []
    # Translated: each text differs from the English unless it is a name
    # that both languages write alike (XOR, LeCun).
    alike = {key for key in table["en"] if table["en"][key] == table["zh"][key]}
    assert all(not CJK.search(table["en"][key]) for key in table["en"])
    assert all(CJK.search(table["zh"][key]) for key in table["zh"].keys() - alike)
    assert alike <= {"xor", "lecun"}, alike


@pytest.fixture(scope="module")
def tables() -> dict:
    """The scripts' string tables, by language, as the browser gets them."""
    return run_js(["strings-zh.js"], "CourseWidgetStrings")


@pytest.mark.slow
def test_the_chinese_table_has_every_english_key_and_the_same_slots(tables):
    assert set(tables) == {"en", "zh"}
    english, chinese = tables["en"], tables["zh"]
    assert table_problems(english, chinese) == []
    # Every text is Chinese (a separator too: 、), none of the English is.
    assert [key for key in chinese if not CJK.search(chinese[key])] == []
    assert [key for key in english if CJK.search(english[key])] == []


def script_keys() -> tuple[set[str], set[str]]:
    """The keys the widget scripts pass to t() as literals, and every string
    literal they hold (keys chosen by a table, such as a verdict's)."""
    called, literals = set(), set()
    for name in WORDY_SCRIPTS:
        source = (WIDGETS / name).read_text(encoding="utf-8")
        called |= set(re.findall(r'\bt\(\s*"([^"]+)"', source))
        literals |= set(re.findall(r'"([^"\n]*)"', source))
    return called, literals


@pytest.mark.slow
def test_every_key_the_scripts_use_is_in_the_table_and_every_key_is_used(tables):
    called, literals = script_keys()
    english = set(tables["en"])
    assert called, "no t() call found"
    assert called - english == set()
    assert english - literals == set()
    # No sentence is written into a script: two words in a literal would be
    # (class names are joined by hyphens).
    two_words = re.compile(r"(?<![\w-])[A-Za-z]{2,} [A-Za-z]{2,}(?![\w-])")
    sentences = {text for text in literals if two_words.search(text)}
    assert sentences == {"use strict"}


@pytest.mark.slow
def test_t_fills_the_slots_in_the_language_asked_and_refuses_what_it_lacks():
    said = run_js(
        ["strings-zh.js"],
        """(() => {
          const t = CourseWidgets.t, values = { name: "ReLU", f: "2", df: "1" };
          const refused = (f) => {
            try { f(); return null; } catch (e) { return e.message; }
          };
          return {
            en: t("explorer.readout", values),
            zh: t("explorer.readout", values, "zh"),
            none: t("yes"),
            other: t("yes", {}, "fr"),
            unknown: refused(() => t("nope")),
            slot: refused(() => t("explorer.readout", { name: "ReLU" }, "zh")),
          };
        })()""",
    )
    assert said["en"] == "ReLU: f(x) = 2, f′(x) = 1"
    assert said["zh"] == "ReLU：f(x) = 2，f′(x) = 1"
    # English by default, and for a language without a table.
    assert said["none"] == said["other"] == "yes"
    assert said["unknown"] == "CourseWidgets.t: no text nope"
    assert said["slot"] == "CourseWidgets.t: explorer.readout needs {f}"


def test_the_chinese_function_names_are_the_chinese_catalogues_headings():
    # An English heading's anchor is its name's slug (leaky-relu); the
    # Chinese page keeps the anchor and translates the name.
    from course_code.catalogue import ACTIVATIONS

    headings = {}
    for path in (ROOT / "docs" / "chapters" / "catalogue").glob("*.zh.md"):
        text = path.read_text(encoding="utf-8")
        for title, anchor in re.findall(r"^## (.+?) \{ #([\w-]+) \}$", text, re.M):
            headings[anchor] = title
    for key, entry in ACTIVATIONS.items():
        if entry.elementwise:
            slug = re.sub(r"[^a-z0-9]+", "-", entry.display_name.lower()).strip("-")
            assert headings[slug] == _widget_i18n.function_name(key, "zh"), key


# --- in the browser ---------------------------------------------------------

#: The global each shared script defines.
GLOBALS = {
    "common.js": "CourseWidgets",
    "activations.js": "CourseActivations",
    "strings-zh.js": "CourseWidgetStrings?.zh",
}
#: A page of each widget, and the catalogue page that has a compact explorer;
#: each has its Chinese translation under zh/.
WIDGET_PAGES = {
    "explorer": "explore/",
    "depth": "explore/depth/",
    "playground": "explore/playground/",
    "compact explorer": "chapters/catalogue/relu-family/",
}
#: The Chinese edition's root.
ZH = "zh/"


def mount_in_order(tabs, site_server, home: str, path: str, order) -> None:
    """Go from ``home`` to ``path`` by a link (an instant navigation), hold
    the shared scripts of ``order`` back, release them in that order, and
    check that the widget mounts once, after the last."""
    held = {}

    def hold(script):
        # (A handler of two arguments would be given the request as its second.)
        return lambda route: held.setdefault(script, route)

    for script in order:
        tabs.route(f"**/widgets/{script}", hold(script))
    tab = tabs.traffic.watch(tabs.new_page())
    open_page(tab, site_server, home, idle=True)
    assert tab.locator(".course-widget").count() == 0
    # The home page's course map links every page; a click on one is an
    # instant navigation.
    tab.locator(f'article a[href$="{path.removeprefix(home)}"]').first.click()
    # (Material's navigation.tracking may add the hash of a heading.)
    tab.wait_for_url(re.compile(re.escape(path) + "(#.*)?$"), wait_until="commit")
    # The widget's script has run when it has queued itself.
    tab.wait_for_function(
        "() => Array.isArray(window.courseWidgets) && window.courseWidgets.length > 0"
    )
    for script in order:
        while script not in held:
            tab.wait_for_timeout(20)
        # Until the last script it needs has run, the widget waits.
        assert tab.locator(".course-widget[data-mounted]").count() == 0
        held.pop(script).continue_()
        tab.wait_for_function(f"() => window.{GLOBALS[script]} !== undefined")
    tab.wait_for_selector(".course-widget--live")
    widgets = tab.locator(".course-widget")
    assert widgets.count() == 1
    assert widgets.first.get_attribute("data-mounted") == ""
    assert tab.locator(".course-widget__fallback:visible").count() == 0
    assert tabs.traffic.problems() == {}


@pytest.mark.parametrize(
    "order",
    [("common.js", "activations.js"), ("activations.js", "common.js")],
    ids=" then ".join,
)
@pytest.mark.parametrize("name", WIDGET_PAGES)
def test_a_widget_mounts_whatever_order_its_scripts_arrive_in(
    context,  # noqa: F811
    server,  # noqa: F811
    name,
    order,
):
    # Instant navigation inserts a page's scripts at once, and each runs when
    # it arrives. Here the widget's own script runs first, then the two
    # shared ones in the given order; the widget must mount, once.
    mount_in_order(context, server, "", WIDGET_PAGES[name], order)


@pytest.mark.parametrize(
    "order",
    [
        ("common.js", "activations.js", "strings-zh.js"),
        ("strings-zh.js", "activations.js", "common.js"),
    ],
    ids=" then ".join,
)
@pytest.mark.parametrize("name", WIDGET_PAGES)
def test_a_chinese_widget_mounts_once_its_table_has_arrived(
    context,  # noqa: F811
    server,  # noqa: F811
    name,
    order,
):
    # The Chinese table last: the widget must wait for it, not mount in
    # English. First: it is kept until common.js arrives.
    mount_in_order(context, server, ZH, ZH + WIDGET_PAGES[name], order)


#: Latin words a Chinese widget may show besides the names in its data:
#: symbols (x, f(x), ‖∂L/∂z‖, h) and the exponent of a number (1e−7).
SYMBOLS = {"x", "f", "h", "z", "L", "e"}

#: Everything a widget shows or says: its texts (the options of its menus,
#: the charts' labels), and its elements' accessible names and values.
SHOWN = """(w) => {
  const parts = [];
  for (const child of w.children) {
    if (child.classList.contains("course-widget__fallback")) continue;
    const texts = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) parts.push(texts.currentNode.data);
    for (const node of [child, ...child.querySelectorAll("*")]) {
      for (const name of ["aria-label", "aria-valuetext", "title", "alt"]) {
        if (node.getAttribute(name)) parts.push(node.getAttribute(name));
      }
    }
  }
  return parts.join("\\n");
}"""


def names_in(data: dict) -> set[str]:
    """The Latin words of the names a widget's data gives it to show: the
    functions and their parameters, the initialisations, the data sets."""
    names = []
    for fn in data.get("functions", []):
        names += [fn["name"], *fn["params"]]
        names += [label for choice in fn["choices"].values() for _, label in choice]
    names += [pair[1] for pair in data.get("activations", [])]
    names += [pair[1] for pair in data.get("schemes", [])]
    names += [d["name"] for d in data.get("datasets", {}).values()]
    return {word for name in names for word in re.findall(r"[A-Za-z_]+", name)}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", WIDGET_PAGES)
def test_a_widget_speaks_the_language_of_its_page(
    page,  # noqa: F811
    server,  # noqa: F811
    name,
    lang,
):
    open_page(page, server, (ZH if lang == "zh" else "") + WIDGET_PAGES[name])
    page.wait_for_selector(".course-widget--live")
    # Every readout written (the depth widget computes in slices first).
    page.wait_for_function(
        "() => [...document.querySelectorAll('.course-widget [aria-live]')]"
        ".every((node) => node.textContent !== '')"
    )
    widget = page.locator(".course-widget").first
    shown = widget.evaluate(SHOWN)
    data = json.loads(widget.get_attribute("data-json"))
    latin = set(re.findall(r"[A-Za-z_]+", shown))
    if lang == "zh":
        assert widget.get_attribute("data-lang") == "zh"
        assert CJK.search(shown)
        # No English word: only names, parameters and symbols are Latin.
        assert latin - names_in(data) - SYMBOLS == set(), shown
    else:
        assert widget.get_attribute("data-lang") is None
        assert not CJK.search(shown), shown
        assert len(latin - names_in(data) - SYMBOLS) >= 5, shown
    assert page.context.traffic.problems() == {}


@pytest.mark.parametrize("name", WIDGET_PAGES)
def test_without_javascript_a_chinese_page_shows_the_chinese_static_version(
    browser,
    server,  # noqa: F811
    name,
):
    static = browser.new_context(java_script_enabled=False)
    try:
        page = static.new_page()
        page.goto(server.url(ZH + WIDGET_PAGES[name]), wait_until="load")
        fallback = page.locator(".course-widget__fallback")
        assert fallback.is_visible()
        text = fallback.inner_text()
        assert "启用 JavaScript 后" in text, text
        assert "With JavaScript" not in text
    finally:
        static.close()

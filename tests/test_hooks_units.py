"""The course hook's parts, text in and text out, checked without a build.

Each part of ``hooks/course.py`` is a module beside it (``hooks/_*.py``),
loaded here as MkDocs loads a hook: with the hooks folder on ``sys.path``.
"""

from __future__ import annotations

import base64
import io
import json
import math
import re
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest
import widget_js
from mkdocs.exceptions import PluginError
from modules import load_file

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
DOCS = ROOT / "docs"

PLACEHOLDERS = load_file("course_placeholders", HOOKS / "_placeholders.py")
VALUES = load_file("course_values", HOOKS / "_values.py")
TABLES = load_file("course_tables", HOOKS / "_tables.py")
FIGURES = load_file("course_figures", HOOKS / "_figures.py")
PLOTS = load_file("course_plots", HOOKS / "_plots.py")
NOTEBOOKS = load_file("course_notebooks", HOOKS / "_notebooks.py")
SOURCES = load_file("course_sources", HOOKS / "_sources.py")
IDEAS = load_file("course_ideas", HOOKS / "_ideas.py")
COURSE = load_file("course_hook", HOOKS / "course.py")


class Page:
    """The little of an MkDocs page that the placeholders use."""

    class file:
        src_path = "chapters/x.md"
        src_uri = "chapters/x.md"


# --- placeholders -------------------------------------------------------------


def test_a_value_placeholder_becomes_its_formatted_value():
    text = (
        "max <!-- course:value selu_scale .4f --> and "
        "<!-- course:value selu_alpha .2f -->."
    )
    assert PLACEHOLDERS.expand(text, Page) == "max 1.0507 and 1.67."


def test_a_placeholder_may_span_lines():
    text = "a <!--\n  course:value minimum_value\n  gelu .5f\n--> b"
    assert PLACEHOLDERS.expand(text, Page) == "a -0.16997 b"


def test_placeholders_in_fenced_code_are_left_alone():
    text = (
        "<!-- course:value selu_alpha .1f -->\n"
        "```markdown\n<!-- course:value selu_alpha .1f -->\n```\n"
        "~~~\n<!-- course:nonsense -->\n~~~\n"
        "<!-- course:value selu_alpha .1f -->\n"
    )
    out = PLACEHOLDERS.expand(text, Page)
    assert out.startswith("1.7\n```markdown\n<!-- course:value selu_alpha .1f -->")
    assert "<!-- course:nonsense -->" in out
    assert out.endswith("~~~\n1.7\n")


def test_outside_fences_yields_the_prose_between_code_blocks():
    text = "a\n```\ncode\n```\nb\n"
    pieces = [text[s:e] for s, e in PLACEHOLDERS._outside_fences(text)]
    assert pieces == ["a\n", "b\n"]


def test_an_unclosed_fence_hides_the_rest():
    text = "a\n````\n<!-- course:x -->\n```\nstill code\n"
    pieces = [text[s:e] for s, e in PLACEHOLDERS._outside_fences(text)]
    assert pieces == ["a\n"]


def test_an_unknown_placeholder_fails_with_file_and_line():
    text = "one\ntwo <!-- course:graph relu -->\n"
    with pytest.raises(PluginError, match=r"chapters/x\.md:12: .*not understood"):
        PLACEHOLDERS.expand(text, Page, first_line=11)


def test_an_unknown_value_name_fails_and_lists_the_known_ones():
    with pytest.raises(PluginError, match=r"x\.md:1: .*no value named 'nope'.*gain"):
        PLACEHOLDERS.expand("<!-- course:value nope .2f -->", Page)


def test_a_value_needs_a_format():
    with pytest.raises(PluginError, match="not understood"):
        PLACEHOLDERS.expand("<!-- course:value selu_alpha -->", Page)


def test_tables_and_cards_must_stand_alone_on_their_line():
    with pytest.raises(PluginError, match="not understood"):
        PLACEHOLDERS.expand("See <!-- course:card relu -->", Page)
    card = PLACEHOLDERS.expand("<!-- course:card relu -->", Page)
    assert card.startswith('<div class="course-card" markdown>')


# --- quiz answers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("blank", "value", "expected"),
    [
        ("0.25", 0.25, True),
        ("0.25", 0.2504, True),
        ("0.25", 0.2551, False),
        ("-0.278", -0.27846, True),
        ("-0.279", -0.27846, False),
        ("6", 6.0, True),
        ("6", 6.4, True),
        ("6", 6.6, False),
        ("relu", "relu", True),
        ("relu", "ReLU", False),
        ("abc", 1.0, False),
    ],
)
def test_rounds_to(blank, value, expected):
    assert PLACEHOLDERS.rounds_to(blank, value) is expected


def test_answers_are_checked_and_removed():
    quiz = (
        "<quiz>\nσ'(0) = [[0.25]] <!-- answer: derivative('sigmoid', 0.0) -->\n</quiz>"
    )
    assert (
        PLACEHOLDERS.check_answers(quiz, Page) == "<quiz>\nσ'(0) = [[0.25]] \n</quiz>"
    )


def test_a_blank_without_its_answer_fails():
    quiz = "text\n<quiz>\n[[1]] and [[2]] <!-- answer: 2 -->\n</quiz>"
    with pytest.raises(PluginError, match=r"x\.md:2: quiz has 2 fill-in blank"):
        PLACEHOLDERS.check_answers(quiz, Page)


def test_an_answer_outside_a_quiz_fails():
    with pytest.raises(PluginError, match="outside a <quiz>"):
        PLACEHOLDERS.check_answers("<!-- answer: 1 -->", Page)


def test_an_answer_that_raises_fails_with_its_expression():
    quiz = "<quiz>\n[[1]] <!-- answer: 1 / 0 -->\n</quiz>"
    with pytest.raises(PluginError, match=r"answer '1 / 0': ZeroDivisionError"):
        PLACEHOLDERS.check_answers(quiz, Page)


def test_answers_see_the_course_code_and_the_named_values():
    assert PLACEHOLDERS.evaluate('A["relu"](-1.0)') == 0.0
    assert PLACEHOLDERS.evaluate("cc.losses.__name__") == "course_code.losses"
    assert PLACEHOLDERS.evaluate('steepest_slope("sigmoid")') == pytest.approx(0.25)
    PLACEHOLDERS.evaluate("globals().update(left_behind=1)")
    with pytest.raises(NameError):  # a page cannot leave names for the next
        PLACEHOLDERS.evaluate("left_behind")


# --- named values -------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "args", "kwargs"),
    [
        (["gelu", "1.0"], ["gelu", 1.0], {}),
        (["-8", "100_001"], [-8, 100_001], {}),
        (["x", "negative_slope=0.2"], ["x"], {"negative_slope": 0.2}),
        (["activation=elu"], [], {"activation": "elu"}),
        (["1e-3", "inf"], [0.001, float("inf")], {}),
    ],
)
def test_placeholder_arguments_are_numbers_words_or_keywords(words, args, kwargs):
    seen = {}
    VALUES.VALUES["_probe"] = lambda *a, **k: seen.update(args=list(a), kwargs=k)
    try:
        VALUES.call("_probe", words)
    finally:
        del VALUES.VALUES["_probe"]
    assert seen == {"args": args, "kwargs": kwargs}
    assert all(type(a) is type(b) for a, b in zip(seen["args"], args, strict=True))


def test_every_named_value_says_what_it_is():
    undocumented = [
        n for n, f in VALUES.VALUES.items() if not (f.__doc__ or "").strip()
    ]
    assert not undocumented


def test_named_values_compute_what_they_say():
    assert (
        VALUES.call("activation", ["leaky_relu", "-1.0", "negative_slope=0.2"]) == -0.2
    )
    assert VALUES.call("derivative", ["sigmoid", "0.0"]) == 0.25
    assert VALUES.call("derivative_power", ["sigmoid", "0.0", "2"]) == 0.0625
    assert VALUES.call("largest", ["float16"]) == 65504.0
    assert VALUES.call("rrelu_mean_slope", []) == pytest.approx(11 / 48)
    assert VALUES.call("max_difference", ["relu", "relu", "-1", "1", "3"]) == 0.0


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_the_sigmoid_underflows_where_the_value_says(dtype):
    from course_code.activations import sigmoid

    below = np.dtype(dtype).type(VALUES.call("sigmoid_underflow_below", [dtype]))
    step = np.dtype(dtype).type(1e-3 * abs(below))
    assert sigmoid(below + step) > 0
    assert sigmoid(below - step) == 0


def test_the_naive_sigmoid_returns_zero_where_the_true_one_is_subnormal():
    # why.md: between the two values, 1 / (1 + exp(-x)) gives 0, sigmoid not.
    from course_code.activations import sigmoid

    low = VALUES.call("sigmoid_underflow_below", ["float64"])
    high = VALUES.call("sigmoid_overflow_below", ["float64"])
    x = np.linspace(low + 0.01, high - 0.01, 50)
    with np.errstate(over="ignore"):
        naive = 1 / (1 + np.exp(-x))
    assert np.all(naive == 0)
    assert np.all((sigmoid(x) > 0) & (sigmoid(x) < np.finfo(np.float64).tiny))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_tanhshrink_as_written_cancels_where_the_value_says(dtype):
    # catalogue.md: PyTorch's x - tanh(x) returns 0 below the value; the
    # course's tanhshrink keeps the value, about x**3 / 3, to full precision.
    from course_code.activations import tanhshrink

    below = VALUES.call("tanhshrink_cancels_below", [dtype])
    x = np.array([below / 2, below * 4], dtype=dtype)
    naive = x - np.tanh(x)
    assert naive[0] == 0
    assert naive[1] != 0
    assert tanhshrink(x) == pytest.approx(x.astype(float) ** 3 / 3, rel=1e-3)


def test_dead_fraction_counts_at_the_epoch_asked():
    # optimisation.md: at learning rate 0.1 a few more units die in 30 epochs.
    first = VALUES.call("dead_fraction", ["0.1", "epoch=0"])
    last = VALUES.call("dead_fraction", ["0.1"])
    assert 0 < first < last < 0.1
    assert VALUES.call("dead_fraction", ["10.0"]) == 1.0


def test_the_numerics_values_compute_what_they_say():
    # The reference rounds an almost exact float64 value once: half an ULP.
    for key in ("sigmoid", "softplus", "gelu", "tanhshrink"):
        assert VALUES.call("worst_ulp", [key, "reference"]) <= 0.5 + 1e-6
    # Stable formulas still lose more than half an ULP in float32 arithmetic,
    assert VALUES.call("worst_ulp", ["sigmoid", "float32"]) > 1.0
    # and x - tanh(x) cancels near 0.
    assert VALUES.call("worst_ulp", ["tanhshrink", "naive"]) > 1e6
    assert VALUES.call("worst_ulp", ["sigmoid", "naive", "-1", "1"]) < 100
    assert VALUES.call("ulp_of", ["1.0", "float32"]) == 2.0**-23
    assert VALUES.call("block_size", []) == 2**16
    assert VALUES.call("block_size", ["native"]) > VALUES.call("block_size", [])
    u = 2 * math.sqrt(2 / math.pi) * (3.3 + 0.044715 * 3.3**3)
    assert VALUES.call("gelu_tanh_exponent", ["-3.3"]) == pytest.approx(u)
    assert VALUES.call("input_error", ["string"]).startswith("x must be a real")
    assert "complex" in VALUES.call("input_error", ["complex"])


VALUE = re.compile(r"<!--\s*course:value\s+(\S+)", re.DOTALL)


def test_every_value_a_page_names_exists():
    named = {
        (path.relative_to(DOCS).as_posix(), name)
        for path in DOCS.rglob("*.md")
        for name in VALUE.findall(path.read_text(encoding="utf-8"))
    }
    assert named, "no page uses <!-- course:value -->"
    unknown = sorted(item for item in named if item[1] not in VALUES.VALUES)
    assert not unknown, (
        f"placeholders naming no function of hooks/_values.py: {unknown}"
    )


def test_value_placeholders_stay_short():
    # The point of named values: no expression hides in a comment.
    long = [
        m[0]
        for path in DOCS.rglob("*.md")
        for m in re.finditer(
            r"<!--\s*course:value.*?-->", path.read_text("utf-8"), re.DOTALL
        )
        if len(m[0]) > 90 or "(" in m[0]
    ]
    assert not long


# --- tables and cards ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (float("inf"), "∞"),
        (float("-inf"), "−∞"),
        (-0.5, "−0.5"),
        (1.0507009873554805, "1.0507"),
        (0.0, "0"),
        (123456.0, "1.2346e+05"),
    ],
)
def test_numbers_in_tables(value, text):
    assert TABLES.number(value) == text


def test_framework_names_are_shortened():
    prefixes = TABLES.TORCH_PREFIXES
    names = "torch.nn.functional.relu, torch.nn.ReLU, torch.relu"
    assert (
        TABLES._short_names(names, prefixes) == "`F.relu`<br>`nn.ReLU`<br>`torch.relu`"
    )
    assert TABLES._short_names(None, prefixes) == "none"


def test_the_frameworks_table_has_a_row_per_key():
    table = TABLES.frameworks_table(["relu", "gelu"]).splitlines()
    assert table[0] == "| Function | PyTorch | Keras | JAX (`jax.nn`) |"
    assert len(table) == 4
    assert table[2].startswith("| ReLU | ")
    with pytest.raises(KeyError, match="nope"):
        TABLES.frameworks_table(["relu", "nope"])


def test_the_properties_table_has_a_row_per_entry():
    table = TABLES.properties_table()
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + len(FIGURES.catalogue())
    assert "| ReLU | [0, ∞) | below | yes | no | no | no | 1 |" in table


def test_a_card_links_its_figure_relative_to_the_page():
    assert "(../figures/gelu.svg)" in TABLES.card("gelu", "chapters")
    assert "(figures/gelu.svg)" in TABLES.card("gelu", "")
    assert "**Minimum:** −0.16997 at x = −0.75179" in TABLES.card("gelu", "")
    with pytest.raises(KeyError):
        TABLES.card("nope", "")


def test_markdown_in_notes_is_escaped():
    assert TABLES._escape("a_b *c* `d` \\") == "a\\_b \\*c\\* \\`d\\` \\\\"


# --- figures in pages ---------------------------------------------------------


def test_figures_load_lazily_after_the_first():
    html = (
        '<p><img alt="a" src="../figures/nokey.svg"></p>'
        '<img alt="b" src="../figures/nokey2.svg">'
        '<img alt="c" src="data:image/png;base64,AAAA">'
    )
    out = FIGURES.size_and_defer_figures(html)
    assert '<img fetchpriority="high" alt="a"' in out
    assert '<img loading="lazy" alt="b"' in out
    assert '<img alt="c"' in out


def test_plots_are_named_apart_from_the_catalogue_figures():
    from course_code.catalogue import ACTIVATIONS

    assert PLOTS.PLOTS
    assert not set(PLOTS.PLOTS) & set(ACTIVATIONS)


def test_plots_keep_a_cache_of_their_own():
    assert PLOTS.plot_dir().parent.name == "plots"
    assert PLOTS.plot_dir().parent != FIGURES.figure_dir().parent


def test_every_plot_is_shown_by_a_page():
    pages = " ".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))
    unused = [name for name in PLOTS.PLOTS if f"figures/{name}.svg" not in pages]
    assert not unused


@pytest.mark.slow
def test_every_plot_is_drawn_once(tmp_path):
    assert sorted(PLOTS.ensure_plots(tmp_path)) == sorted(PLOTS.PLOTS)
    for name in PLOTS.PLOTS:
        svg = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert "<svg" in svg
        assert "<path" in svg
    assert PLOTS.ensure_plots(tmp_path) == []


# --- notebooks ----------------------------------------------------------------


def test_cdn_scripts_are_dropped():
    html = (
        "a<!-- Load mathjax --><script src='cdn'></script>"
        "<!-- End of mathjax configuration -->b"
    )
    assert NOTEBOOKS.drop_cdn_scripts(html) == "ab"


def test_only_the_styles_a_page_uses_are_kept():
    html = (
        "<style>.used{color:red}.unused{color:blue}.used,.gone{x:1}"
        "@media print{.unused{y:2}.used{y:3}}.jupyter-wrapper :root .used{z:4}"
        ".md-typeset__scrollwrap{w:5}.used:not(.absent){v:6}</style>"
        '<div class="used other"></div>'
    )
    out = NOTEBOOKS.prune_notebook_styles(html)
    assert "<style>.used{color:red}" in out
    assert ".unused{color:blue}" not in out
    assert ".used{x:1}" in out
    assert "@media print{.used{y:3}}" in out
    assert ":root" not in out
    assert ".md-typeset__scrollwrap{w:5}" in out
    assert ".used:not(.absent){v:6}" in out


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" + b"\0" * width)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)


def test_notebook_plots_are_published_as_lossless_webp_files(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(NOTEBOOKS, "WEBP", tmp_path / "kept")
    png = _png(3, 1)
    data = base64.b64encode(png).decode()
    html = (
        f'<img alt="x" src="data:image/png;base64,{data}">'
        f'<img src="data:image/png;base64,{data}">'
    )
    out = NOTEBOOKS.publish_notebook_images(html, tmp_path)
    files = list(tmp_path.glob("*.webp"))
    assert len(files) == 1
    webp = Image.open(files[0])
    assert webp.format == "WEBP"
    same = np.asarray(webp.convert("L")) == np.asarray(Image.open(io.BytesIO(png)))
    assert same.all(), "the WebP file does not hold the PNG's pixels"
    assert list((tmp_path / "kept").glob("*.webp")), "the WebP copy is not kept"
    name = files[0].name
    assert out == (
        f'<img alt="x" width="3" height="1" src="{name}">'
        f'<img width="3" height="1" loading="lazy" src="{name}">'
    )


def test_notebook_code_leaves_out_magics_and_prose(tmp_path):
    cells = [
        {"cell_type": "markdown", "source": ["import course_code.nn\n"]},
        {"cell_type": "code", "source": ["%matplotlib inline\n", "import numpy\n"]},
        {"cell_type": "code", "source": "!pip list\nx = 1"},
    ]
    notebook = tmp_path / "n.ipynb"
    notebook.write_text(json.dumps({"cells": cells}))
    assert NOTEBOOKS.notebook_code(notebook) == "\nimport numpy\n\n\n\nx = 1"


# --- quiz headings ------------------------------------------------------------


def test_quiz_headings_take_the_level_below_their_section():
    html = (
        '<h2 id="s">S</h2><h4 class="quiz-number">Q1</h4>'
        '<h3 id="t">T</h3><h4 class="quiz-number">Q2</h4>'
    )
    assert COURSE.level_quiz_headings(html) == (
        '<h2 id="s">S</h2><h3 class="quiz-number">Q1</h3>'
        '<h3 id="t">T</h3><h4 class="quiz-number">Q2</h4>'
    )


# --- code blocks' line anchors ------------------------------------------------


def code_block(number: int, lines: int = 2) -> str:
    """A code block as pymdownx.highlight writes it, with its line anchors."""
    spans = "".join(
        f'<span id="__span-{number}-{n}"><a id="__codelineno-{number}-{n}" '
        f'name="__codelineno-{number}-{n}" href="#__codelineno-{number}-{n}"></a>'
        f"x = {n}\n</span>"
        for n in range(1, lines + 1)
    )
    return f"<pre><span></span><code>{spans}</code></pre>"


def test_a_code_block_that_repeats_a_number_takes_a_free_one():
    # The page's blocks 0 and 1, then a docstring's or a quiz's own block 0.
    html = code_block(0) + "<p>text with <code>inline</code></p>" + code_block(1)
    html += '<div class="quiz">' + code_block(0, lines=3) + "</div>"
    fixed = COURSE.unique_code_ids(html)
    assert (
        fixed
        == (code_block(0) + "<p>text with <code>inline</code></p>" + code_block(1))
        + '<div class="quiz">'
        + code_block(2, lines=3)
        + "</div>"
    )
    ids = re.findall(r'id="([^"]+)"', fixed)
    assert len(ids) == len(set(ids)) == 14


def test_code_blocks_with_numbers_of_their_own_are_left_as_they_are():
    html = code_block(0) + code_block(1) + "<pre><code>no anchors</code></pre>"
    assert COURSE.unique_code_ids(html) == html
    assert COURSE.unique_code_ids("<p>no code</p>") == "<p>no code</p>"


# --- cache keys ---------------------------------------------------------------


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A small ``course_code`` in ``tmp_path``, where ``_sources`` looks for it."""
    files = {
        "__init__.py": "from course_code import core\n",
        "core.py": "import math\nfrom course_code._util import helper\n",
        "_util.py": '"""Helpers."""\n',
        "other.py": '"""Unrelated."""\n',
        "fancy/__init__.py": "from . import deep\n",
        "fancy/deep.py": "from ..core import thing\n",
        "fancy/unused.py": "",
    }
    for name, text in files.items():
        path = tmp_path / "course_code" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monkeypatch.setattr(SOURCES, "_package_root", lambda: tmp_path)
    return tmp_path / "course_code"


def _names(paths, package):
    return sorted(p.relative_to(package).as_posix() for p in paths)


def test_imports_are_followed_through_the_package(package):
    found = SOURCES.imported_modules("def f():\n    from course_code import core, x\n")
    assert found == {"course_code", "course_code.core"}
    assert _names(SOURCES.closure(found), package) == [
        "__init__.py",
        "_util.py",
        "core.py",
    ]


def test_subpackages_and_relative_imports_count(package):
    closure = SOURCES.closure(["course_code.fancy"])
    assert _names(closure, package) == [
        "__init__.py",
        "_util.py",
        "core.py",
        "fancy/__init__.py",
        "fancy/deep.py",
    ]


def test_the_hash_changes_only_with_what_is_imported(package):
    source = "from course_code.core import thing\n"
    before = SOURCES.dependency_hash(source)
    (package / "other.py").write_text('"""Edited."""\n')
    (package / "fancy" / "unused.py").write_text("x = 1\n")
    assert SOURCES.dependency_hash(source) == before
    (package / "_util.py").write_text('"""Helpers, edited."""\n')
    assert SOURCES.dependency_hash(source) != before
    assert SOURCES.dependency_hash(source + "# more\n") != SOURCES.dependency_hash(
        source
    )


def test_the_real_figures_do_not_depend_on_the_training_code():
    figures = SOURCES.closure(
        SOURCES.imported_modules((HOOKS / "_figures.py").read_text())
    )
    names = {path.stem for path in figures}
    # The functions drawn, in course_code.activations (a module or a package).
    assert any("activations" in (path.stem, path.parent.name) for path in figures)
    assert not names & {"nn", "losses", "experiments", "layers", "gradcheck"}


# --- _ideas.py ------------------------------------------------------------


def test_idea_placeholder_gives_the_code_and_where_it_holds():
    text = PLACEHOLDERS.expand_one("idea softplus")
    assert text.startswith('```python\n--8<-- "course_code/ideas.py:softplus"\n```')
    assert "course_code.activations.softplus" in text
    assert "$-10 < x < 709.78$" in text
    assert "    - for $x > 709.79$, $e^{x}$ overflows" in text
    assert "already exact" in PLACEHOLDERS.expand_one("idea relu")


def test_idea_placeholder_rejects_an_unknown_name():
    with pytest.raises(KeyError, match=r"'swish' is not in course_code\.ideas\.IDEAS"):
        PLACEHOLDERS.expand_one("idea swish")


def test_idea_numbers_and_intervals_as_tex():
    import doctest

    assert doctest.testmod(IDEAS).failed == 0
    assert doctest.testmod(IDEAS).attempted >= 2
    assert IDEAS.interval(-IDEAS.BIG, IDEAS.BIG) == "every $x$"
    assert IDEAS.interval(-1e-9, 0.0) == "$-10^{-9} < x < 0$"
    assert (
        IDEAS._tolerance(2e-15) == "to a relative error of $2 \\times 10^{-15}$ or less"
    )


def test_low_precision_values_compute_what_they_say():
    assert VALUES.call("format_limit", ["float16", "max"]) == 65504.0
    assert VALUES.call("naive_value", ["sigmoid", "-12.0", "float16"]) == 0.0
    assert VALUES.call("rounded_value", ["sigmoid", "0.0", "bfloat16"]) == 0.5
    assert VALUES.call("naive_relative_error", ["softplus", "-8.0", "float16"]) == 1
    assert VALUES.call("worst_naive_x", ["sigmoid", "float16", "0", "1", "2"]) == 0.0


def test_experiment_values_name_a_bad_depth():
    with pytest.raises(ValueError, match="depth must be one of"):
        VALUES.call("residual_loss", ["relu", "plain", "5"])


def test_experiment_results_are_kept_on_disk(tmp_path, monkeypatch):
    """A second build reads an experiment's result instead of training again."""
    import course_code.experiments

    monkeypatch.setattr(VALUES, "CACHE", tmp_path)
    calls = []
    real = course_code.experiments.selu_fixed_point

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(course_code.experiments, "selu_fixed_point", counted)
    first = VALUES.experiment("selu_fixed_point", [(2.0, 2.0)], depth=3, width=8)
    again = VALUES.experiment("selu_fixed_point", [(2.0, 2.0)], depth=3, width=8)
    other = VALUES.experiment("selu_fixed_point", [(2.0, 2.0)], depth=4, width=8)
    assert len(calls) == 2  # the repeated call was read from disk
    np.testing.assert_array_equal(first.mean, again.mean)
    assert other.mean.shape != first.mean.shape
    saved = list((tmp_path / "experiments" / VALUES.experiments_hash()).iterdir())
    assert len(saved) == 2


# --- caches of a warm build ---------------------------------------------------

SEARCH = load_file("course_search", HOOKS / "_search.py")


def test_a_value_is_computed_once_then_read_from_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(VALUES, "CACHE", tmp_path)
    VALUES.kept.cache_clear()
    calls = []
    VALUES.VALUES["_counted"] = lambda x: calls.append(x) or np.float64(x) / 3
    try:
        first = VALUES.call("_counted", ["2.0"])
        VALUES.kept.cache_clear()  # as a new build would start
        again = VALUES.call("_counted", ["2.0"])
        other = VALUES.call("_counted", ["4.0"])
    finally:
        del VALUES.VALUES["_counted"]
        VALUES.kept.cache_clear()
    assert calls == [2.0, 4.0], "the second build computed the value again"
    assert format(again, ".17g") == format(first, ".17g") == format(2 / 3, ".17g")
    assert other == 4 / 3
    assert [p.name for p in (tmp_path / "values").iterdir()] == [
        f"{VALUES.values_hash()}.json"
    ]


def test_kept_values_keep_numbers_and_strings_and_what_others_wrote(tmp_path):
    from _cache import KeptValues

    path = tmp_path / "kept.json"
    mine, theirs = KeptValues(path), KeptValues(path)
    assert mine.get("a") is KeptValues.MISSING
    mine.put("a", np.float32(0.5))
    theirs.put("b", "relu")  # another process, which read the file before
    mine.put("c", -0.0)
    mine.put("d", (1, 2))  # not a number or a string: not kept
    mine.put("e", math.inf)
    fresh = KeptValues(path)
    assert fresh.get("a") == 0.5
    assert type(fresh.get("a")) is float
    assert fresh.get("b") == "relu"
    assert math.copysign(1, fresh.get("c")) == -1
    assert fresh.get("d") is KeptValues.MISSING
    assert fresh.get("e") == math.inf
    # value(): the kept value when there is one, else computed once and kept.
    assert fresh.value("a", lambda: 1 / 0) == 0.5
    calls = []
    assert fresh.value("f", lambda: calls.append(1) or 2.5) == 2.5
    assert KeptValues(path).value("f", lambda: calls.append(1) or 0.0) == 2.5
    assert calls == [1]


def test_a_quiz_answer_is_evaluated_once_then_read_from_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(PLACEHOLDERS, "CACHE", tmp_path)
    PLACEHOLDERS.kept_answers.cache_clear()
    try:
        assert PLACEHOLDERS.evaluate("float(cc.activations.sigmoid(0.0))") == 0.5
        PLACEHOLDERS.kept_answers.cache_clear()
        monkeypatch.setattr(PLACEHOLDERS, "_namespace", dict)  # eval would fail
        assert PLACEHOLDERS.evaluate("float(cc.activations.sigmoid(0.0))") == 0.5
        with pytest.raises(NameError):
            PLACEHOLDERS.evaluate("float(cc.activations.sigmoid(1.0))")
    finally:
        PLACEHOLDERS.kept_answers.cache_clear()


class Anchor:
    def __init__(self, id, title, children=()):
        self.id, self.title, self.children = id, title, list(children)
        self.url = f"#{id}"


class SearchPage:
    """What Material's search plugin reads of a page."""

    def __init__(self, content):
        self.url, self.title, self.meta = "chapters/why/", "Why", {}
        self.toc = [Anchor("why", "Why", [Anchor("depth", "Depth")])]
        self.content = content


def test_search_entries_are_material_s_and_parsed_once_per_content(
    tmp_path, monkeypatch
):
    from material.plugins.search.plugin import SearchIndex

    monkeypatch.setattr(SEARCH, "FOLDER", tmp_path)
    parse = SearchIndex.add_entry_from_context
    parse = getattr(parse, "__wrapped__", parse)  # the build's wrapper, if any
    parsed = []

    def counting(index, page):
        parsed.append(page.content)
        parse(index, page)

    add = SEARCH.cached(counting)
    html = '<h1 id="why">Why</h1><p>One.</p><h2 id="depth">Depth</h2><p>Two.</p>'
    plain, first, second = SearchIndex(), SearchIndex(), SearchIndex()
    parse(plain, SearchPage(html))
    add(first, SearchPage(html))
    add(second, SearchPage(html))
    assert len(parsed) == 1, "the same page was parsed twice"
    assert first.entries == second.entries == plain.entries
    assert [e["location"] for e in plain.entries] == [
        "chapters/why/",  # the page's own heading is the page
        "chapters/why/#depth",
    ]
    changed = SearchIndex()
    add(changed, SearchPage(html.replace("Two.", "Three.")))
    assert len(parsed) == 2, "a changed page was read from the cache"
    assert changed.entries[1]["text"] == "<p>Three.</p>"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (r"<p>GELU is \(x\,\Phi(x)\).</p>", "<p>GELU is x Φ(x).</p>"),
        (r"<p>\(e^{x/\alpha} - 1\)</p>", "<p>e^(x/α) - 1</p>"),
        (
            r"<p>\(x &lt; 0\) and \[\sigma(x) \le 1\]</p>",
            "<p>x &lt; 0 and σ(x) ≤ 1</p>",
        ),
        (r"<code>\(kept\)</code> \(\beta\)", r"<code>\(kept\)</code> β"),
        (r"<pre>$ pip install \(x\)</pre>", r"<pre>$ pip install \(x\)</pre>"),
        (
            r"<p>slope at most $1/4$, $$\max(0, z)$$</p>",
            "<p>slope at most 1/4, max(0, z)</p>",
        ),
    ],
)
def test_search_shows_formulas_as_text_and_leaves_code_alone(html, text):
    assert SEARCH.readable_math(html) == text


def test_a_card_weighs_more_in_search_than_a_section_that_names_it():
    page = (
        '<h3 id="relu">ReLU<a class="headerlink" href="#relu">&para;</a></h3>\n'
        '<div class="course-card">...</div>\n<h3 id="dead-relus">Dead ReLUs</h3><p>'
    )
    cards = SEARCH.card_anchors(page)
    assert cards == {"relu"}
    card = SEARCH.finish({"location": "c/#relu", "title": "ReLU", "text": ""}, cards)
    other = SEARCH.finish(
        {"location": "c/#dead-relus", "title": "x", "text": ""}, cards
    )
    assert card["boost"] > 1
    assert "boost" not in other


def test_a_quiz_option_labelled_by_a_formula_alone_gets_its_text_as_name():
    only_math = (
        '<input type="radio" name="answer" value="0" id="quiz-3-0">'
        '<label for="quiz-3-0"><span class="arithmatex">\\(\\sigma(0) = 1/2\\)</span>'
        "</label>"
    )
    words = (
        '<input type="radio" name="answer" value="1" id="quiz-3-1">'
        '<label for="quiz-3-1">About <span class="arithmatex">\\(0.5\\)</span></label>'
    )
    named = COURSE.name_formula_options(only_math + words)
    assert 'id="quiz-3-0" aria-label="σ(0) = 1/2">' in named
    assert named.endswith(words), "an option with words of its own was changed"


def test_prune_files_deletes_only_stale_files_not_kept(tmp_path):
    import os

    from _cache import STALE_AFTER, prune_files

    stale, kept, fresh = (tmp_path / f"{n}.json" for n in ("stale", "kept", "fresh"))
    for path in (stale, kept, fresh):
        path.write_text("{}")
    old = os.stat(fresh).st_mtime - STALE_AFTER - 60
    for path in (stale, kept):
        os.utime(path, (old, old))
    prune_files(tmp_path, "*.json", keep={kept})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.json", "kept.json"]


# --- anchors of a chapter split into pages (hooks/_moved.py) --------------------

MOVED = load_file("course_moved", HOOKS / "_moved.py")


def _page(name, url, content, parent=None):
    from types import SimpleNamespace

    return SimpleNamespace(
        file=SimpleNamespace(name=name), url=url, content=content,
        parent=parent, is_page=True,
    )  # fmt: skip


def test_moved_anchor_doctests():
    import doctest

    result = doctest.testmod(MOVED)
    assert result.failed == 0
    assert result.attempted >= 4


def test_a_chapters_first_page_sends_moved_anchors_to_their_page():
    from types import SimpleNamespace

    chapter = SimpleNamespace(children=[])
    first = _page("index", "chapters/why/", '<h1 id="why">W</h1>', chapter)
    xor = _page("xor", "chapters/why/xor/", '<h1 id="xor">X</h1><h2 id="why">', chapter)
    chapter.children = [first, xor]
    output = MOVED.add_redirects("<html><head><title>W</title>", first)
    assert output.startswith("<html><head><script data-moved-anchors>")
    assert MOVED.read_map(output) == {"xor": "xor/"}
    # The character set stays the first thing in <head>, as browsers want.
    page = '<html><head><meta charset="utf-8"><title>W</title>'
    output = MOVED.add_redirects(page, first)
    assert output.startswith('<html><head><meta charset="utf-8"><script data-moved')
    # A section page, or a page that is not in a section, gets no script.
    assert MOVED.add_redirects("<head>", xor) == "<head>"
    alone = _page("index", "", '<h1 id="home">H</h1>')
    assert MOVED.add_redirects("<head>", alone) == "<head>"


# --- the Chinese edition: the hooks' own words, and the language plumbing -------

STRINGS = load_file("course_strings", HOOKS / "_strings.py")
I18N = load_file("course_i18n", HOOKS / "_i18n.py")


def _slots(template: str) -> set[str]:
    return set(re.findall(r"\{(\w*)\}", template))


def test_both_languages_have_the_same_phrases_with_the_same_slots():
    english, chinese = STRINGS.WORDS["en"], STRINGS.WORDS["zh"]
    assert set(english) == set(chinese)
    for key in english:
        assert _slots(english[key]) == _slots(chinese[key]), key
        assert chinese[key] != english[key] or not re.search(
            "[a-z]{3}", english[key]
        ), key


def test_every_sentence_course_code_gives_a_page_has_its_chinese():
    from course_code.catalogue import ACTIVATIONS
    from course_code.ideas import IDEAS

    sentences = [e.notes for e in ACTIVATIONS.values() if e.notes]
    sentences += [i.where_said for i in IDEAS.values() if i.where_said]
    sentences += [b.says for i in IDEAS.values() for b in i.breaks]
    missing = [s for s in sentences if s not in STRINGS.PROSE_ZH]
    assert not missing, missing
    unused = set(STRINGS.PROSE_ZH) - set(sentences)
    assert not unused, f"translations of sentences course_code no longer has: {unused}"


def test_an_untranslated_sentence_fails_with_what_to_translate():
    assert STRINGS.prose("A new note.", "en") == "A new note."
    with pytest.raises(KeyError, match=r"no Chinese for 'A new note\.'"):
        STRINGS.prose("A new note.", "zh")
    with pytest.raises(ValueError, match="lang must be one of"):
        STRINGS.words("fr")


def test_cards_tables_and_ideas_in_chinese_keep_the_numbers_and_formulas():
    english = TABLES.card("gelu", "chapters/catalogue")
    chinese = TABLES.card("gelu", "chapters/catalogue", "zh")
    assert "**值域**：[−0.16997, ∞)；有下界" in chinese
    assert "**Range:** [−0.16997, ∞); bounded: below" in english
    for part in ("$$", "../../figures/gelu.svg", "`torch.nn.functional.gelu"):
        assert english.count(part) == chinese.count(part)
    assert "| 函数 | 值域 |" in TABLES.properties_table("zh")
    assert "| 函数 | PyTorch |" in TABLES.frameworks_table(["relu"], "zh")
    idea = IDEAS.idea("sigmoid", "zh")
    assert '!!! note "思路版在哪里成立"' in idea
    assert "对 $x > -709.78$，它与 `course_code.activations.sigmoid`" in idea
    assert IDEAS.idea("sigmoid").count("$") == idea.count("$")


def test_a_chinese_page_reads_the_chinese_search_index_sitemap_and_worker():
    page = (
        '<script id="__config" type="application/json">{"annotate": null, '
        '"base": "../..", "features": [], '
        '"search": "../../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    )
    chinese = I18N.zh_config(page)
    assert '"base": "../../zh/"' in chinese
    assert '"search": "../../assets/javascripts/workers/search-zh.js"' in chinese
    home = I18N.zh_config(page.replace('"../.."', '".."'))
    assert '"base": "../zh/"' in home


def test_the_chinese_search_worker_loads_materials_and_cuts_words():
    worker = I18N.zh_worker()
    assert re.search(r'importScripts\("search\.[0-9a-f]+\.min\.js"\)', worker)
    assert "Intl.Segmenter" in worker


def test_an_english_page_reads_the_course_search_worker():
    page = (
        '<script id="__config" type="application/json">{"base": "..", '
        '"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    )
    english = SEARCH.use_worker(page, "search-en.js")
    assert english == page.replace("search.a7633da7.min.js", "search-en.js")
    assert SEARCH.use_worker("<p>no configuration</p>", "x.js") == (
        "<p>no configuration</p>"
    )
    import doctest

    assert doctest.testmod(SEARCH).attempted >= 1
    assert doctest.testmod(SEARCH).failed == 0


#: Runs a search worker in Node with a stand-in for Material's (importScripts
#: does nothing; lunr's search returns the query it is given) and prints the
#: queries that lunr is asked for.
WORKER_RUNNER = """
const lunr = { Index: { prototype: { search: (query) => query } } };
globalThis.lunr = lunr;
globalThis.importScripts = () => {};
eval(require("fs").readFileSync(0, "utf8"));
const asked = JSON.parse(process.argv[1]).map((q) => lunr.Index.prototype.search(q));
process.stdout.write(JSON.stringify(asked));
"""


@pytest.mark.slow  # starts Node.js
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_search_workers_count_each_latin_word_whole_too(language):
    source = SEARCH.worker() if language == "en" else I18N.zh_worker()
    queries = ["relu*", "dead* relu6*", "+gelu* -tanh*", "梯度* 消失*", "x^2"]
    done = subprocess.run(
        [widget_js.node(), "-e", WORKER_RUNNER, json.dumps(queries)],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    boost = SEARCH.WHOLE_WORD_BOOST
    assert json.loads(done.stdout) == [
        f"relu* relu^{boost}",
        f"dead* relu6* dead^{boost} relu6^{boost}",
        f"+gelu* -tanh* gelu^{boost}",  # a word left out stays out
        "梯度* 消失*",  # Chinese words keep their weight (see the worker)
        "x^2",
    ]


def test_the_search_index_is_split_by_language(tmp_path):
    (tmp_path / "search").mkdir()
    entries = [
        {"location": "faq/", "title": "FAQ", "text": "relu"},
        {"location": "zh/faq/", "title": "常见问题", "text": "relu"},
        {"location": "zh/faq/", "title": "常见问题", "text": "relu"},
    ]
    index = {"config": {"lang": ["en"]}, "docs": entries}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index))
    assert I18N.split_search_index(tmp_path) == (1, 1)
    english = json.loads((tmp_path / "search" / "search_index.json").read_text())
    chinese = json.loads((tmp_path / "zh" / "search" / "search_index.json").read_text())
    assert [e["location"] for e in english["docs"]] == ["faq/"]
    assert chinese["docs"] == [
        {"location": "faq/", "title": "常见问题", "text": "relu"}
    ]


def test_the_chinese_sitemap_lists_the_chinese_pages_alone(tmp_path):
    url = "https://example.org/course/"
    (tmp_path / "sitemap.xml").write_text(
        f'<?xml version="1.0"?>\n<urlset>\n'
        f"  <url>\n    <loc>{url}faq/</loc>\n  </url>\n"
        f"  <url>\n    <loc>{url}zh/faq/</loc>\n  </url>\n</urlset>\n"
    )
    I18N.zh_sitemap(tmp_path, url)
    sitemap = (tmp_path / "zh" / "sitemap.xml").read_text()
    assert f"<loc>{url}zh/faq/</loc>" in sitemap
    assert f"<loc>{url}faq/</loc>" not in sitemap
    assert sitemap.startswith('<?xml version="1.0"?>')


def test_the_words_of_the_catalogue_formulas_are_chinese_on_chinese_cards():
    from course_code.catalogue import ACTIVATIONS

    for key in ACTIVATIONS:
        card = TABLES.card(key, "chapters/catalogue", "zh")
        words = re.findall(r"\\text\{([^}]*)\}", card)
        assert not [w for w in words if re.search("[A-Za-z]", w)], (key, words)
    english = TABLES.card("relu", "chapters/catalogue")
    assert r"1 \text{ for } x > 0, \text{ else } 0" in english

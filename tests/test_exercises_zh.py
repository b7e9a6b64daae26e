"""The exercises in Chinese: the translation of their list and READMEs, the
string tables, the choice of language, and `course` and `pytest exercises`
as a learner who chose Chinese runs them (in a copy of the exercises, as in
test_course_cli.py and test_exercises.py).
"""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import sys
import textwrap
from pathlib import Path

import pexpect
import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from test_exercises import NAIVE_SIGMOID  # the textbook sigmoid, a wrong answer

from course_grading import cli, load_exercises, messages
from course_grading.exercises import SITE_URL, translated_checks

REPO = Path(__file__).resolve().parent.parent
ENGLISH = load_exercises(REPO / "exercises")
CHINESE = load_exercises(REPO / "exercises", "zh")
COURSE = [sys.executable, "-m", "course_grading.cli"]


def info(name):
    with open(REPO / "exercises" / name, "rb") as fh:
        return tomllib.load(fh)["exercise"]


# ---------------------------------------------------------------------------
# The translation of the exercises.
# ---------------------------------------------------------------------------


def test_info_zh_lists_the_same_exercises_with_as_many_hints():
    english, chinese = info("info.toml"), info("info.zh.toml")
    assert [e["id"] for e in chinese] == [e["id"] for e in english]
    for en, zh in zip(english, chinese, strict=True):
        assert len(zh["hints"]) == len(en["hints"]), en["id"]
        assert zh["title"].strip(), en["id"]
        assert zh["title"] != en["title"], en["id"]
        assert all(h.strip() for h in zh["hints"]), en["id"]
        assert set(zh) == {"id", "title", "hints"}, "the rest stays in info.toml"


@pytest.mark.parametrize("exercise", CHINESE, ids=lambda e: e.id)
def test_every_exercise_has_a_chinese_readme(exercise):
    assert exercise.readme == exercise.folder / "README.zh.md"
    text = exercise.readme.read_text(encoding="utf-8")
    assert text.startswith("<!-- translation_of: "), "stamped by tools/translation.py"
    heading = text.splitlines()[1]
    assert heading.startswith(f"# 练习 {exercise.id}：{exercise.title} {{ #"), heading
    # Each check of README.md's list has its line in README.zh.md's.
    assert len(translated_checks(exercise)) == len(english_checks(exercise)) > 0


def english_checks(exercise):
    text = (exercise.folder / "README.md").read_text(encoding="utf-8")
    section = text.split("## What the grader checks", 1)[1].split("\n## ", 1)[0]
    return {line for line in section.splitlines() if line.startswith("- ")}


@pytest.mark.parametrize("exercise", CHINESE, ids=lambda e: e.id)
def test_the_chinese_chapter_has_the_section(exercise):
    # The Chinese page keeps the English heading anchors (tools/translation.py).
    assert exercise.section_url.startswith(SITE_URL + "zh/chapters/")
    stem = exercise.chapter.strip("/")
    page = REPO / "docs" / f"{stem}/index.zh.md"
    page = page if page.is_file() else REPO / "docs" / f"{stem}.zh.md"
    assert page.is_file(), f"no Chinese page {page}"
    text = page.read_text(encoding="utf-8")
    assert re.search(rf"^#+ .*\{{ #{re.escape(exercise.section)} \}}$", text, re.M)


def test_chinese_exercises_keep_everything_but_the_words():
    for en, zh in zip(ENGLISH, CHINESE, strict=True):
        assert (zh.id, zh.folder, zh.file, zh.points) == (
            en.id,
            en.folder,
            en.file,
            en.points,
        )
        assert (zh.chapter, zh.section, zh.functions) == (
            en.chapter,
            en.section,
            en.functions,
        )
        assert zh.language == "zh"
        assert en.language == "en"
        assert en.readme.name == "README.md"
        assert zh.section_url == en.section_url.replace(SITE_URL, SITE_URL + "zh/")


def copy_exercises(tmp_path):
    shutil.copytree(
        REPO / "exercises",
        tmp_path / "exercises",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return tmp_path / "exercises"


def test_a_translation_that_does_not_match_is_refused(tmp_path):
    folder = copy_exercises(tmp_path)
    path = folder / "info.zh.toml"
    text = path.read_text(encoding="utf-8")
    assert [e.title for e in load_exercises(folder, "zh")] == [e.title for e in CHINESE]
    # One hint fewer for exercise 01.
    path.write_text(re.sub(r'\n    "[^\n]*",\n]', "\n]", text, count=1), "utf-8")
    with pytest.raises(ValueError, match="exercise 01 needs a title and 3 hints"):
        load_exercises(folder, "zh")
    # Exercise 02 missing.
    path.write_text(text.replace('id = "02"', 'id = "2"'), "utf-8")
    with pytest.raises(ValueError, match=r"info\.zh\.toml must list the exercises 01"):
        load_exercises(folder, "zh")


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="language must be one of en, zh, not 'fr'"):
        load_exercises(REPO / "exercises", "fr")
    with pytest.raises(ValueError, match="language must be one of en, zh, not 'fr'"):
        messages.Words("fr")
    assert messages.Words("zh").language == "zh"


def test_checks_are_described_in_chinese():
    checks = translated_checks(CHINESE[0])
    assert checks["Inputs from -8 to 8 give the right value."] == (
        "从 -8 到 8 的输入给出正确的值。"
    )
    assert translated_checks(ENGLISH[0]) == {}


def test_the_goal_comes_from_the_chinese_readme():
    goal = cli.goal(CHINESE[0])
    assert goal.startswith("sigmoid 函数把任意实数压缩到 (0, 1) 中。"), goal
    assert "translation_of" not in goal
    assert cli.goal(ENGLISH[0]).startswith("The sigmoid squashes any real number")


# ---------------------------------------------------------------------------
# The string tables.
# ---------------------------------------------------------------------------


def placeholders(text):
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_the_tables_have_the_same_keys_and_placeholders():
    assert set(messages.TABLES) == set(messages.LANGUAGES)
    english = messages.ENGLISH
    for language, table in messages.TABLES.items():
        assert set(table) == set(english), language
        for key, text in table.items():
            assert placeholders(text) == placeholders(english[key]), (language, key)
            assert text.count("\n") == english[key].count("\n"), (language, key)


KEY = re.compile(
    r"""["']((?:load|grade|feedback|check|card|status|next|hint|cli|verdict"""
    r"""|list|reset|solution|watch|colour|help)\.[a-z_]+)["']"""
)


def test_every_key_the_code_uses_is_in_the_tables():
    used = set()
    for path in (REPO / "course_grading").glob("*.py"):
        if path.name != "messages.py":
            used |= set(KEY.findall(path.read_text(encoding="utf-8")))
    assert len(used) > 80, sorted(used)
    assert used <= set(messages.ENGLISH), sorted(used - set(messages.ENGLISH))
    statuses = {"solved", "not started", "partly run", "not yet"}
    assert {f"status.{s.replace(' ', '_')}" for s in statuses} <= set(messages.ENGLISH)


def test_the_chinese_table_uses_the_course_terms():
    # docs/exercises.zh.md and the READMEs use the same words.
    chinese = messages.CHINESE
    assert chinese["card.title"].strip().startswith("成绩单")
    assert chinese["card.checks"] == "检查项"
    assert chinese["hint.heading"].startswith("练习 {id}")
    assert chinese["hint.label"].startswith("提示 ")
    assert "参考答案" in chinese["solution.model"]


# ---------------------------------------------------------------------------
# Choosing the language.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"COURSE_LANG": ""}, "en"),
        (None, {"COURSE_LANG": "zh"}, "zh"),
        (None, {"COURSE_LANG": " ZH "}, "zh"),
        ("zh", {}, "zh"),
        ("en", {"COURSE_LANG": "zh"}, "en"),
        ("zh", {"COURSE_LANG": "en"}, "zh"),
        ("en", {"COURSE_LANG": "fr"}, "en"),
    ],
)
def test_the_option_wins_over_the_variable(option, environ, expected):
    assert messages.choose_language(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "named"),
    [
        ("fr", {}, "--lang 'fr'"),
        ("", {"COURSE_LANG": "zh"}, "--lang ''"),
        (None, {"COURSE_LANG": "zh_CN"}, "COURSE_LANG='zh_CN'"),
        (None, {"COURSE_LANG": "chinese"}, "COURSE_LANG='chinese'"),
    ],
)
def test_a_bad_language_is_refused_by_name(option, environ, named):
    with pytest.raises(ValueError, match="is not a language of the course") as error:
        messages.choose_language(option, environ)
    message = str(error.value)
    assert message.startswith(named), message
    assert "en (English) or zh (中文)" in message, message


# ---------------------------------------------------------------------------
# Laying Chinese text out in a terminal.
# ---------------------------------------------------------------------------


def test_english_text_wraps_exactly_as_textwrap_does():
    for e in ENGLISH:
        for hint in e.hints:
            for prefix in ("    hint   1/3: ", "Hint 2 of 3: "):
                assert messages.wrapped(prefix, hint) == textwrap.wrap(
                    hint, 78, initial_indent=prefix, subsequent_indent=" " * len(prefix)
                )


@pytest.mark.parametrize("width", [40, 60, 78])
def test_chinese_text_fits_the_terminal_and_breaks_where_it_may(width):
    prefix = "    提示   1/3："
    for e in CHINESE:
        for hint in e.hints:
            lines = messages.wrapped(prefix, hint, width)
            assert lines[0].startswith(prefix)
            indent = " " * messages.display_width(prefix)
            for line in lines[1:]:
                assert line.startswith(indent), line
                assert line[len(indent)] != " ", line
                assert line[len(indent)] not in "，。、；：！？）", line
            for line in lines:
                longest_word = max(map(messages.display_width, line.split()))
                assert messages.display_width(line) <= width or (
                    longest_word > width - len(indent)
                ), line
            joined = "".join(line.removeprefix(indent) for line in lines[1:])
            assert re.sub(r"\s", "", lines[0][len(prefix) :] + joined) == re.sub(
                r"\s", "", hint
            ), "no character lost"


def test_columns_are_padded_by_the_width_a_terminal_gives_them():
    assert messages.pad("检查项", 6, ">") == "检查项"
    assert messages.pad("状态", 11) == "状态" + " " * 7
    assert messages.pad("status", 11) == format("status", "<11")
    assert messages.center(" 成绩单：你的解答 ", 78, "=") == (
        "=" * 30 + " 成绩单：你的解答 " + "=" * 30
    )
    assert messages.center(" Scorecard: x ", 78, "=") == format(
        " Scorecard: x ", "=^78"
    )
    title = CHINESE[8].title
    assert messages.display_width(messages.shorten(title * 2, 42)) <= 42
    assert messages.shorten(title, 42) == title


# ---------------------------------------------------------------------------
# The learner's commands, in a copy of the exercises.
# ---------------------------------------------------------------------------


@pytest.fixture
def clone(tmp_path):
    copy_exercises(tmp_path)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def environment(language=None):
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    env.pop("COURSE_LANG", None)
    if language is not None:
        env["COURSE_LANG"] = language
    return env


def run(clone, command, *args, language=None):
    done = subprocess.run(
        [*command, *args],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=180,
        env=environment(language),
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def course(clone, *args, language=None):
    return run(clone, COURSE, *args, language=language)


def pytest_run(clone, *args, language=None):
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]
    return run(clone, command, *args, language=language)


@pytest.mark.slow
def test_pytest_exercises_in_chinese_on_the_stubs(clone):
    code, out = pytest_run(clone, "exercises", language="zh")
    assert code == 1, out
    n = len(CHINESE)
    assert "成绩单：你的解答" in out, out
    assert f"本次运行：{n} 个练习中解决了 0 个" in out, out
    assert f"{n} 个练习尚未开始" in out, out
    assert f"下一个：练习 01，{CHINESE[0].title}" in out, out
    assert CHINESE[0].hints[0][:20] in out, "the first hint, in Chinese"
    assert "zh/chapters/catalogue/sigmoid-family/#sigmoid" in out, out
    assert f"--- 16 {CHINESE[15].title}：尚未开始" in out, out
    for english in ("Scorecard", "Next: exercise", "not started", "Overall"):
        assert english not in out, english


@pytest.mark.slow
def test_pytest_exercises_with_the_lang_option(clone):
    (clone / "exercises" / "01_sigmoid" / "sigmoid.py").write_text(NAIVE_SIGMOID)
    code, out = pytest_run(clone, "exercises/01_sigmoid", "--lang", "zh")
    assert code == 1, out
    assert re.search(r"--- 01 .*：6 个检查项中通过了 3 个", out), out
    assert "  [失败] 低至 -1e4 的极负输入给出正确的值，且没有上溢警告。" in out, out
    assert "第一个未通过的检查项的完整信息（test_very_negative" in out, out
    # What the grader says about the call it made stays in English.
    assert "it warned: overflow encountered in exp" in out, out
    assert re.search(r"\[ \] 01  永不上溢.* 3/6 尚未通过 +0/1$", out, re.M), out
    # The option wins over the variable.
    code, out = pytest_run(clone, "exercises/01_sigmoid", "--lang=en", language="zh")
    assert "3 of 6 checks pass" in out, out
    assert "Scorecard: your solutions" in out, out
    code, out = pytest_run(clone, "exercises", "--hint", "03", "--lang", "zh")
    assert code == 0, out
    assert f"练习 03：{CHINESE[2].title}" in out, out
    assert f"提示 1/3：{CHINESE[2].hints[0][:10]}" in out, out


@pytest.mark.slow
def test_pytest_exercises_refuses_a_bad_language(clone):
    code, out = pytest_run(clone, "exercises", "--lang", "fr")
    assert code == pytest.ExitCode.USAGE_ERROR, out
    assert "--lang 'fr' is not a language of the course: use en (English)" in out
    code, out = pytest_run(clone, "exercises", language="de")
    assert code == pytest.ExitCode.USAGE_ERROR, out
    assert "COURSE_LANG='de' is not a language of the course" in out, out
    assert "zh (中文)" in out, out
    code, out = pytest_run(clone, "exercises", "--hint", "01", language="en")
    assert code == 0, out
    assert "Hint 1 of 3" in out, out


@pytest.mark.slow
def test_course_list_and_hint_in_chinese(clone):
    code, out = course(clone, "list", language="zh")
    assert code == 0, out
    assert out.startswith("正在给所有练习评分……"), out
    assert "你的进度" in out, out
    for header in ("练习", "状态", "检查项", "得分"):
        assert header in out, header
    for e in CHINESE:
        assert e.title in out, e.id
    assert f"{len(CHINESE)} 个练习中解决了 0 个" in out, out
    assert "尚未开始" in out, out
    assert "Your progress" not in out, out
    code, out = course(clone, "hint", "01", language="zh")
    assert code == 0, out
    assert out.startswith(f"练习 01：{CHINESE[0].title}\n"), out
    assert "提示 1/3：" in out, out
    assert "还是卡住了？`course hint 01` 会显示提示 2。" in out, out
    assert "Hint" not in out, out


@pytest.mark.slow
def test_course_lang_option_before_or_after_the_command(clone):
    code, out = course(clone, "--lang", "zh", "hint", "02")
    assert code == 0, out
    assert "提示 1/3：" in out, out
    code, out = course(clone, "hint", "02", "--lang", "zh", language="en")
    assert code == 0, out
    assert "提示 2/3：" in out, out
    code, out = course(clone, "--lang", "zh", "hint", "02", "--lang", "en")
    assert code == 0, out
    assert "Hint 3 of 3" in out, "the command's option wins"
    code, out = course(clone, "--lang", "en", "list", "--no-grade", language="zh")
    assert code == 0, out
    assert "Your progress" in out, out
    code, out = course(clone, "--help", language="zh")
    assert code == 0, out
    assert "保存即评分" in out, out
    assert "--lang {en,zh}" in out, out


@pytest.mark.slow
def test_course_refuses_a_bad_language(clone):
    code, out = course(clone, "--lang", "fr", "list", "--no-grade")
    assert code == 2, out
    assert out.startswith("course: --lang 'fr' is not a language of the course"), out
    assert "en (English) or zh (中文)" in out, out
    code, out = course(clone, "hint", "01", "--lang", "english")
    assert code == 2, out
    assert "--lang 'english'" in out, out
    code, out = course(clone, "hint", "01", language="cn")
    assert code == 2, out
    assert "COURSE_LANG='cn' is not a language of the course" in out, out
    assert not (clone / "course-progress.json").exists(), "no hint was shown"
    code, out = course(clone, "hint", "01", "--lang", "zh", language="cn")
    assert code == 0, out
    assert "提示 1/3" in out, "a good option wins over a bad variable"


@pytest.mark.slow
def test_course_watch_and_reset_in_chinese(clone):
    child = pexpect.spawn(
        COURSE[0],
        [*COURSE[1:], "watch", "01"],
        cwd=str(clone),
        env=environment("zh"),
        encoding="utf-8",
        timeout=60,
        dimensions=(60, 160),
    )
    try:
        child.expect(f"course watch：练习 01（第 1 个，共 {len(CHINESE)} 个）")
        child.expect("目标  sigmoid 函数把任意实数压缩到")
        child.expect("尚未开始：sigmoid.py 仍然抛出 NotImplementedError。")
        child.expect(r"\[q\] 退出")
        child.send("h")
        child.expect("提示 1/3：")
        child.expect(r"\[q\] 退出")
        child.send("q")
        child.expect("再见。")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    path = clone / "exercises" / "01_sigmoid" / "sigmoid.py"
    path.write_text(NAIVE_SIGMOID)
    child = pexpect.spawn(
        COURSE[0],
        [*COURSE[1:], "reset", "01", "--lang", "zh"],
        cwd=str(clone),
        env=environment(),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(r"用未改动的桩文件替换 exercises/01_sigmoid/sigmoid.py 吗？.*\[y/N\]")
    child.sendline("是")
    child.expect("又是桩文件了")
    child.expect(pexpect.EOF)
    assert path.read_text() != NAIVE_SIGMOID

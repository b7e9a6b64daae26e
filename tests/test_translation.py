"""The Chinese edition keeps step with the English one.

Every page and notebook of ``docs/`` and every exercise README has its
Chinese counterpart (``X.zh.md``, ``X.zh.ipynb``, ``README.zh.md``), which

* records the version of the English file it translates, and is stale (this
  test fails, naming the files to update) once the English file changes;
* keeps everything of the English file but its prose: code blocks, formulas,
  placeholders (figures, cards, tables, numbers), links, headings and their
  anchors, and every quiz, with the same options right and the same blanks.

The checks are ``tools/translation.py``'s, so that a translator runs the
same ones with ``python tools/translation.py check``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import tomllib
from modules import load_file

ROOT = Path(__file__).resolve().parents[1]
translation = load_file("translation_tool", ROOT / "tools" / "translation.py")

ENGLISH = translation.english_files()


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_course_has_pages_notebooks_and_readmes_to_translate():
    kinds = {p.suffix for p in ENGLISH}
    assert kinds == {".md", ".ipynb"}
    assert len([p for p in ENGLISH if p.name == "README.md"]) == 16
    assert len(ENGLISH) > 90


@pytest.mark.parametrize("english", ENGLISH, ids=_rel)
def test_each_file_has_an_up_to_date_translation_that_keeps_its_structure(english):
    problems = translation.problems_of(english, translation.translation_path(english))
    assert not problems, "\n".join(problems)


def test_every_translation_translates_an_english_file():
    translated = [
        p
        for p in (ROOT / "docs").rglob("*")
        if p.suffix in (".md", ".ipynb") and p.stem.endswith(".zh")
    ] + list((ROOT / "exercises").glob("*/README.zh.md"))
    orphans = [_rel(p) for p in translated if not translation.english_path(p).exists()]
    assert not orphans


def test_both_languages_have_the_same_quiz_questions():
    # Counted here as well as compared: a page with n quizzes in English has
    # n in Chinese, with the same options right and the same blanks.
    total = {"en": 0, "zh": 0}
    for english in ENGLISH:
        if english.suffix != ".md":
            continue
        zh = translation.translation_path(english)
        key = "quizzes (options: x right, o wrong; blanks)"
        en_quizzes = translation.structure(english.read_text("utf-8"))[key]
        zh_quizzes = translation.structure(zh.read_text("utf-8"))[key]
        assert en_quizzes == zh_quizzes, _rel(zh)
        total["en"] += len(en_quizzes)
        total["zh"] += len(zh_quizzes)
    assert total["en"] == total["zh"] > 150


def test_the_exercises_titles_and_hints_are_translated():
    english = tomllib.loads((ROOT / "exercises" / "info.toml").read_text("utf-8"))
    chinese = tomllib.loads((ROOT / "exercises" / "info.zh.toml").read_text("utf-8"))
    pairs = list(zip(english["exercise"], chinese["exercise"], strict=True))
    for en, zh in pairs:
        assert zh["id"] == en["id"]
        assert len(zh["hints"]) == len(en["hints"]), en["id"]
        assert zh["title"]
        assert zh["title"] != en["title"]
        assert all(hint and hint not in en["hints"] for hint in zh["hints"])


# --- the checks can fail ---------------------------------------------------------


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """A copy of one page and its translation, checked as the tool checks."""
    docs = tmp_path / "docs" / "chapters" / "why"
    docs.mkdir(parents=True)
    for name in ("xor.md", "xor.zh.md"):
        shutil.copyfile(ROOT / "docs" / "chapters" / "why" / name, docs / name)
    monkeypatch.setattr(translation, "ROOT", tmp_path)
    return docs / "xor.md", docs / "xor.zh.md"


def test_an_edit_of_the_english_page_makes_its_translation_stale(copy):
    english, chinese = copy
    assert translation.problems_of(english, chinese) == []
    english.write_text(english.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    problems = translation.problems_of(english, chinese)
    assert len(problems) == 1
    assert problems[0].startswith("stale: docs/chapters/why/xor.md")
    assert "stamp docs/chapters/why/xor.zh.md" in problems[0]
    # Once the translation is updated, stamping records the new version.
    translation.stamp(chinese)
    assert translation.problems_of(english, chinese) == []


def test_a_translation_that_drops_a_quiz_option_or_changes_code_fails(copy):
    english, chinese = copy
    text = chinese.read_text("utf-8")
    wrong_option = text.replace("- [x]", "- [ ]", 1)
    chinese.write_text(wrong_option, "utf-8")
    assert any("quizzes" in p for p in translation.problems_of(english, chinese))
    chinese.write_text(text.replace("--8<--", "--8<-- ", 1), "utf-8")
    assert any("code blocks" in p for p in translation.problems_of(english, chinese))
    formula = re.search(r"\$[^$\n]+\$", text)[0]
    chinese.write_text(text.replace(formula, formula[:-1] + " + 1$", 1), "utf-8")
    assert any("formulas" in p for p in translation.problems_of(english, chinese))


def test_a_missing_translation_is_named(copy):
    english, chinese = copy
    chinese.unlink()
    assert translation.problems_of(english, chinese) == [
        "missing: docs/chapters/why/xor.zh.md (translates docs/chapters/why/xor.md)"
    ]


def test_stamping_gives_the_headings_the_english_anchors(copy):
    english, chinese = copy
    text = chinese.read_text("utf-8")
    bare = "\n".join(
        line.split(" { #")[0] if line.startswith("#") else line
        for line in text.split("\n")
    )
    chinese.write_text(bare, "utf-8")
    problems = translation.problems_of(english, chinese)
    assert any(p.startswith("heading anchors") for p in problems)
    translation.stamp(chinese)
    stamped = chinese.read_text("utf-8")
    ids = translation.heading_ids(english.read_text("utf-8"))
    assert all(f"{{ #{anchor} }}" in stamped for anchor in ids)
    assert translation.problems_of(english, chinese) == []


def test_notebooks_keep_their_code_cells(tmp_path):
    english = ROOT / "docs" / "notebooks" / "depth.ipynb"
    chinese = translation.translation_path(english)
    assert translation.compare_notebooks(english, chinese) == []
    notebook = json.loads(chinese.read_text("utf-8"))
    code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    code["source"] = ["x = 1\n"]
    changed = tmp_path / "depth.zh.ipynb"
    changed.write_text(json.dumps(notebook, ensure_ascii=False), "utf-8")
    problems = translation.compare_notebooks(english, changed)
    assert problems
    assert "code cell" in problems[0]

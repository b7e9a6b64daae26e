"""The quiz bank: every chapter's quizzes parse, teach and have the right answers.

Quizzes are read with mkdocs-quiz's own parser (``mkdocs_quiz.parsing`` and
the plugin's question parser; the version is pinned in pyproject.toml because
these are internals), so what is checked here is what the site shows.

A fill-in blank is written literally, ``[[0.25]]``, and followed inside the
quiz by ``<!-- answer: EXPR -->``; EXPR is evaluated as the site's hook
evaluates it (``hooks/_placeholders.py``: ``cc``, ``np``, ``A``,
``max_slope`` and the named values of ``hooks/_values.py``), and its value
rounded to the digits the blank shows must equal the blank (the hook's own
``rounds_to``).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs_quiz.parsing import (
    FILL_BLANK_REGEX,
    find_quizzes,
    mask_code_blocks,
)
from mkdocs_quiz.plugin import MkDocsQuizPlugin
from modules import load_file

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MIN_QUIZZES = 6  # per chapter, over all its pages
MIN_PAGE_QUIZZES = 3  # on every page of a chapter
#: Questions the site had when its chapters were split into pages: none is lost.
QUESTIONS_BEFORE_THE_SPLIT = 107
ANSWER = re.compile(r"<!--\s*answer:(.*?)-->", re.DOTALL)


# The part of the course hook that expands placeholders and checks answers.
HOOK = load_file("course_placeholders", ROOT / "hooks" / "_placeholders.py")


def quiz_pages() -> list[Path]:
    """Every page that must end with a quiz: the chapters, their sections and
    the FAQ."""
    pages = sorted((DOCS / "chapters").rglob("*.md"))
    if (DOCS / "faq.md").exists():
        pages.append(DOCS / "faq.md")
    return pages


def chapters() -> dict[str, list[Path]]:
    """The pages of each chapter: ``chapters/X.md`` alone, or every page of
    the folder ``chapters/X/`` (its index and its sections)."""
    grouped: dict[str, list[Path]] = {}
    for page in quiz_pages():
        rel = page.relative_to(DOCS)
        key = (
            rel.parts[1]
            if rel.parts[0] == "chapters" and len(rel.parts) > 2
            else rel.stem
        )
        grouped.setdefault(key, []).append(page)
    return grouped


@dataclass
class Quiz:
    page: str
    line: int
    source: str
    question: str = ""
    answers: list[str] = field(default_factory=list)
    correct: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    blanks: list[str] = field(default_factory=list)
    expressions: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.blanks:
            return "fill-in"
        return "several answers" if len(self.correct) > 1 else "single answer"

    def __str__(self) -> str:
        return f"{self.page}:{self.line} ({self.question[:60]!r})"


def parse(path: Path) -> list[Quiz]:
    """The quizzes of one page, parsed as mkdocs-quiz parses them."""
    text = path.read_text(encoding="utf-8")
    masked, _ = mask_code_blocks(text)
    parser = MkDocsQuizPlugin()
    quizzes = []
    for match in find_quizzes(masked):
        body = textwrap.dedent(match.group(1))
        quiz = Quiz(
            page=str(path.relative_to(ROOT)),
            line=masked.count("\n", 0, match.start()) + 1,
            source=body,
        )
        quiz.blanks = [b.strip() for b in re.findall(FILL_BLANK_REGEX, body)]
        quiz.expressions = [e.strip() for e in ANSWER.findall(body)]
        if quiz.blanks:
            quiz.question = body.split("\n---\n")[0].strip()
        else:
            lines = body.strip("\n").splitlines()
            question, answers, correct, feedback, _ = (
                parser._parse_quiz_question_and_answers(lines)
            )
            quiz.question, quiz.answers = question, answers
            quiz.correct, quiz.feedback = correct, feedback
        quizzes.append(quiz)
    return quizzes


def explore_pages() -> list[Path]:
    """The pages of the widgets (docs/explore/): each ends with its quiz."""
    return sorted((DOCS / "explore").glob("*.md"))


def quiz_bank_pages() -> list[Path]:
    """Every page with quizzes: the chapters, the FAQ, the numerics page and
    the Explore pages."""
    return [*quiz_pages(), DOCS / "numerics.md", *explore_pages()]


ALL = {path: parse(path) for path in quiz_bank_pages()}
QUIZZES = [quiz for quizzes in ALL.values() for quiz in quizzes]


def _id(quiz: Quiz) -> str:
    return f"{quiz.page}:{quiz.line}"


def test_there_are_chapters():
    assert quiz_pages(), "no page under docs/chapters/"


def _rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("path", quiz_pages() + explore_pages(), ids=_rel)
def test_every_page_ends_with_its_own_quiz(path):
    quizzes = ALL[path]
    assert len(quizzes) >= MIN_PAGE_QUIZZES, (
        f"{path.relative_to(ROOT)} has {len(quizzes)} quizzes; every page "
        f"needs at least {MIN_PAGE_QUIZZES}"
    )
    text = path.read_text(encoding="utf-8")
    after = text[text.rindex("</quiz>") :]
    assert after.count("\n## ") <= 1, (
        f"{path.relative_to(ROOT)} must end with its quiz (and an Exercises section)"
    )


@pytest.mark.parametrize("chapter", sorted(chapters()))
def test_every_chapter_has_enough_quizzes(chapter):
    count = sum(len(ALL[page]) for page in chapters()[chapter])
    assert count >= MIN_QUIZZES, (
        f"chapter {chapter} has {count} quizzes; every chapter needs at least "
        f"{MIN_QUIZZES}"
    )


def test_no_question_was_lost():
    assert len(QUIZZES) >= QUESTIONS_BEFORE_THE_SPLIT, (
        f"the site has {len(QUIZZES)} questions, fewer than its "
        f"{QUESTIONS_BEFORE_THE_SPLIT} before its chapters were split"
    )


def test_the_numerics_page_ends_with_its_quizzes():
    quizzes = ALL[DOCS / "numerics.md"]
    assert len(quizzes) >= 3, f"docs/numerics.md has {len(quizzes)} quizzes"
    text = (DOCS / "numerics.md").read_text(encoding="utf-8")
    after = text[text.rindex("</quiz>") :]
    assert "<quiz>" not in after
    assert after.count("\n## ") <= 1, (
        "docs/numerics.md must end with its quizzes (and an Exercises section)"
    )


@pytest.mark.parametrize("chapter", sorted(chapters()))
def test_every_chapter_mixes_the_kinds_of_question(chapter):
    kinds = {quiz.kind for page in chapters()[chapter] for quiz in ALL[page]}
    wanted = {"single answer", "several answers", "fill-in"}
    assert wanted <= kinds, (
        f"chapter {chapter} has no {sorted(wanted - kinds)} question"
    )


@pytest.mark.parametrize("quiz", QUIZZES, ids=_id)
def test_every_question_has_a_question_and_an_intended_answer(quiz):
    assert quiz.question.strip(), f"{quiz}: empty question"
    if not quiz.blanks:
        assert len(quiz.answers) >= 2, f"{quiz}: fewer than two options"
        assert quiz.correct, f"{quiz}: no option is marked [x]"


@pytest.mark.parametrize("quiz", [q for q in QUIZZES if not q.blanks], ids=_id)
def test_every_option_has_its_own_feedback(quiz):
    missing = [
        answer
        for answer, feedback in zip(quiz.answers, quiz.feedback, strict=True)
        if not feedback.strip()
    ]
    assert not missing, f"{quiz}: options without a '> ...' explanation: {missing}"


@pytest.mark.parametrize("quiz", [q for q in QUIZZES if q.blanks], ids=_id)
def test_every_blank_has_an_answer_that_the_code_computes(quiz):
    assert len(quiz.expressions) == len(quiz.blanks), (
        f"{quiz}: {len(quiz.blanks)} blank(s) but {len(quiz.expressions)} "
        "<!-- answer: EXPR --> comment(s)"
    )
    for blank, expr in zip(quiz.blanks, quiz.expressions, strict=True):
        value = HOOK.evaluate(expr)
        assert HOOK.rounds_to(blank, value), (
            f"{quiz}: the blank says {blank}, but {expr} = {value!r}"
        )


@pytest.mark.parametrize("quiz", [q for q in QUIZZES if q.blanks], ids=_id)
def test_fill_in_quizzes_explain_the_answer(quiz):
    _, separator, explanation = quiz.source.partition("\n---\n")
    assert separator, f"{quiz}: add an explanation after a '---' line"
    assert explanation.strip(), f"{quiz}: the explanation after '---' is empty"


def test_answer_comments_sit_inside_quizzes():
    for path in quiz_pages():
        masked, _ = mask_code_blocks(path.read_text(encoding="utf-8"))
        outside = re.sub(r"<quiz>.*?</quiz>", "", masked, flags=re.DOTALL)
        assert not ANSWER.search(outside), (
            f"{path.relative_to(ROOT)}: <!-- answer: --> outside a <quiz>"
        )


@pytest.mark.parametrize(
    ("blank", "value", "expected"),
    [
        ("0.25", 0.25, True),
        ("0.25", 0.2504, True),
        ("0.25", 0.2551, False),
        ("-0.278", -0.27846, True),
        ("-0.279", -0.27846, False),
        ("6", 6.0, True),
        ("relu", "relu", True),
    ],
)
def test_rounds_to(blank, value, expected):
    assert HOOK.rounds_to(blank, value) is expected


def test_the_hook_rejects_a_wrong_blank():
    class Page:
        class file:  # mimics mkdocs' page.file
            src_path = "chapters/x.md"

    wrong = "<quiz>\nσ'(0) = [[0.3]] <!-- answer: 0.25 -->\n</quiz>\n"
    with pytest.raises(Exception, match=r"chapters/x\.md:1: blank \[\[0\.3\]\]"):
        HOOK.check_answers(wrong, Page)
    right = wrong.replace("0.3", "0.25")
    assert "answer:" not in HOOK.check_answers(right, Page)

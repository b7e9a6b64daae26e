"""The words the grader and the ``course`` command print, in each language.

The learner chooses the language with ``course --lang zh`` (or ``--lang zh``
after a subcommand), ``pytest exercises --lang zh``, or the environment
variable ``COURSE_LANG=zh``; an option wins over the variable, and English
is the default. The exercises' titles and hints then come from
``exercises/info.zh.toml`` and their goals from ``README.zh.md``
(:mod:`course_grading.exercises`); everything else the grader and the
command say is looked up here, in one table per language, :data:`ENGLISH`
and :data:`CHINESE`, which have the same keys and the same ``{placeholders}``
(a test checks). What a grader says about the code it called (``called
`sigmoid(...)`, it returned ...``) stays in English.

A Chinese character takes two columns of a terminal, so the scorecard's
columns are padded (:func:`pad`, :func:`center`) and its lines wrapped
(:func:`wrapped`) by the width a terminal gives a text, not by its length.

Examples
--------
>>> words = Words("zh")
>>> words("hint.heading", id="01", title="永不上溢的 sigmoid 函数")
'练习 01：永不上溢的 sigmoid 函数'
>>> Words()("hint.heading", id="01", title="A sigmoid")
'Exercise 01: A sigmoid'
>>> pad("状态", 6) + "|"
'状态  |'
"""

from __future__ import annotations

import os
import textwrap
import unicodedata

__all__ = [
    "CHINESE",
    "DEFAULT",
    "ENGLISH",
    "ENVIRONMENT",
    "LANGUAGES",
    "TABLES",
    "Words",
    "center",
    "choose_language",
    "display_width",
    "pad",
    "shorten",
    "translated_name",
    "wrapped",
]

#: The languages of the course, by code; the first is the default.
LANGUAGES = {"en": "English", "zh": "中文"}
#: The language used when the learner chooses none.
DEFAULT = "en"
#: The environment variable that chooses the language.
ENVIRONMENT = "COURSE_LANG"


# ---------------------------------------------------------------------------
# The tables. Keys are grouped by where the words appear; a value with "\n"
# is several lines, which the caller indents.
# ---------------------------------------------------------------------------

ENGLISH = {
    # Loading a learner's file (the pytest plugin).
    "load.missing": "{where} is missing: `course reset {id}` brings the stub back.",
    "load.syntax": (
        "{where} has a syntax error on line {line}: {error}.\n"
        "    {text}\n"
        "Python could not read the file, so none of it was graded."
    ),
    "load.exit": (
        "{where} called sys.exit({code}) while being imported. Remove the call: "
        "the grader imports your file and calls your functions; a file that "
        "exits cannot be graded."
    ),
    "load.raised": "importing {where} raised {error}: {message}\n{frames}",
    "load.no_function": (
        "{where} has no function `{name}`. Keep the names of the stub: the "
        "grader calls them."
    ),
    # Grading.
    "grade.skipped": (
        "Not graded: an earlier check of exercise {id} timed out, so the rest "
        "are skipped to keep the run short. Fix the endless loop first (see the "
        "first failure of this exercise)."
    ),
    "grade.stopped": (
        "Stopped after {seconds} s: {test} of exercise {id} did not finish.\n"
        "This usually means an endless loop (a `while` whose condition never "
        "becomes false) or an array far larger than intended. The other checks "
        "of this exercise are not run."
    ),
    "grade.no_exercise": "There is no exercise {wanted}. The exercises are {known}.",
    "grade.no_root": (
        "No exercises/info.toml in {path} or above: run `pytest exercises` "
        "from the root of a clone of the course."
    ),
    "grade.not_saved": "(progress not saved: {error})",
    # What pytest exercises prints for each exercise not solved.
    "feedback.not_started": (
        "--- {id} {title}: not started ({file} still raises NotImplementedError)"
    ),
    "feedback.partial": "--- {id} {title}: {passed} of {total} checks pass",
    "feedback.first": "The first failing check in full ({name}):",
    "check.pass": "[pass]",
    "check.fail": "[fail]",
    "check.printed": "Your code printed:",
    # The scorecard.
    "card.title": " Scorecard: {who} ",
    "card.reference": "course_code (--reference)",
    "card.learner": "your solutions",
    "card.exercise": "exercise",
    "card.checks": "checks",
    "card.status": "status",
    "card.points": "points",
    "status.solved": "solved",
    "status.not_started": "not started",
    "status.partly_run": "partly run",
    "status.not_yet": "not yet",
    "card.this_run": (
        "This run: {solved} of {count} exercises solved, {score}/{total} points."
    ),
    "card.earn": (
        "(An exercise earns its points when every one of its checks passes.)"
    ),
    "card.overall": (
        "Overall: {solved} of {count} exercises solved, {score}/{total} points "
        "(`course list` shows each one)."
    ),
    "card.all_solved": (
        "Every exercise is solved. Well done!\n"
        "Compare your code with the model solutions and the chapters that\n"
        "explain them: `course solution 01` (or any other number)."
    ),
    "card.waiting_one": (
        "{count} exercise not started yet: their failures are expected until "
        "you write them."
    ),
    "card.waiting_many": (
        "{count} exercises not started yet: their failures are expected until "
        "you write them."
    ),
    "next.title": "Next: exercise {id}, {title}",
    "next.edit": "edit",
    "next.check": "check",
    "next.check_how": "course watch   (or: pytest {folder})",
    "next.read": "read",
    "next.hint": "hint",
    "next.count": "{shown}/{total}: ",
    "next.more": "more",
    # Hints.
    "hint.heading": "Exercise {id}: {title}",
    "hint.all_seen": "That was every hint; here is the last one again.",
    "hint.label": "Hint {shown} of {total}: ",
    "hint.more": "Still stuck? `course hint {id}` shows hint {next}.",
    "hint.chapter": "The chapter explains the idea:",
    "hint.again": "To see the hints from the first again: `course hint {id} --reset`.",
    "hint.restart": (
        "Hints of exercise {id} start again: `course hint {id}` shows hint 1."
    ),
    # The course command.
    "cli.no_root": (
        "No exercises/info.toml here or above. Run `course` from inside a clone "
        "of the course (the folder that holds exercises/)."
    ),
    "verdict.no_report": "The grader could not run (no report came back).",
    "verdict.exit_code": "pytest exited with code {code}; what it said:",
    "verdict.stopped": "It was stopped after {seconds} s.",
    "verdict.solved": "Solved: all {count} checks pass.",
    "verdict.not_started": "Not started: {file} still raises NotImplementedError.",
    "verdict.not_started_how": (
        "Replace the TODO with your code and save; this screen grades it."
    ),
    "verdict.count": "{passed} of {total} checks pass.",
    "verdict.first": "The first failing check in full:",
    "list.grading": "Grading every exercise...",
    "list.title": "Your progress",
    "list.exercise": "Exercise",
    "list.status": "Status",
    "list.checks": "Checks",
    "list.points": "Points",
    "list.not_graded": "not graded",
    "list.solved": "solved",
    "list.not_started": "not started",
    "list.in_progress": "in progress",
    "list.bar": "{score}/{total} points",
    "list.summary": "{solved} of {count} exercises solved, {score}/{total} points.",
    "list.all_solved": (
        "Every exercise is solved. `course solution NN` shows each model."
    ),
    "list.next": "Next: exercise {id}, {title}: `course watch`.",
    "reset.no_stub": "The stub of exercise {id} is missing: {stub}.",
    "reset.already": "{where} is already the untouched stub; nothing to do.",
    "reset.needs_yes": (
        "`course reset {id}` replaces {where} with the stub. Add --yes to "
        "confirm (your file is saved first)."
    ),
    "reset.ask": (
        "Replace {where} with the untouched stub? Your file is saved to "
        "{backups}/ first. [y/N] "
    ),
    "reset.yes": "y yes",
    "reset.unchanged": "Nothing changed.",
    "reset.saved": "Your file is saved as {backup}.",
    "reset.done": "{where} is the stub again.",
    "solution.ungradable": "it could not be graded",
    "solution.progress": "{passed} of {total} checks pass",
    "solution.locked": (
        "Exercise {id} is not solved yet ({how}). The model solution is shown "
        "once every check passes.\n"
        "Keep going: `course watch {id}`; stuck? `course hint {id}`."
    ),
    "solution.model": "A model solution ({path}):",
    "solution.chapter": "The chapter that explains it:",
    "solution.reference": (
        "The reference, exact in every corner, is {references} in course_code."
    ),
    "watch.keys": "[h] hint  [n] next exercise  [l] list  [q] quit",
    "watch.header": "course watch: exercise {id} ({index} of {count}), {title}",
    "watch.edit": "edit",
    "watch.goal": "goal",
    "watch.read": "read",
    "watch.grading": "Grading exercise {id}...",
    "watch.verdict": "Verdict at {time}:",
    "watch.save": "Save {file} to grade it again.  {keys}",
    "watch.all_solved": (
        "Exercise {id} solved, and with it every exercise. Well done!\n"
        "Compare with the model solutions: `course solution NN`."
    ),
    "watch.solved_one": (
        "Exercise {id} solved ({points} point). `course solution {id}` shows a "
        "model solution."
    ),
    "watch.solved_many": (
        "Exercise {id} solved ({points} points). `course solution {id}` shows a "
        "model solution."
    ),
    "watch.on_to": "On to exercise {id}.",
    "watch.bye": "Bye. `course watch` picks up where you left off.",
    "watch.bye_short": "Bye.",
    "watch.nothing_left": (
        "Every exercise is solved. `course watch NN` watches one again; "
        "`course solution NN` shows a model solution."
    ),
    # The words `course watch` colours in a terminal.
    "colour.solved": "Solved:",
    "colour.count": "checks pass.",
    # `course --help`.
    "help.description": (
        "Solve the course's exercises: grade on save, see your progress, get "
        "hints, start over, read the model solutions."
    ),
    "help.epilog": "Start with `course watch`. `pytest exercises` grades them all too.",
    "help.lang": (
        "the language of the course: en (English, the default) or zh (Chinese); "
        "the environment variable COURSE_LANG chooses it too"
    ),
    "help.watch": "grade an exercise on every save and move on when it is solved",
    "help.watch_exercise": "its number (default: the first unsolved)",
    "help.poll": (
        "check the files for changes every 0.1 s instead of relying on the "
        "system's notifications (for network or shared folders)"
    ),
    "help.list": "every exercise: status, checks, points",
    "help.no_grade": "show the last recorded results without grading again",
    "help.hint": "show one more hint of an exercise",
    "help.exercise": "its number, e.g. 03",
    "help.hint_reset": "start its hints again",
    "help.reset": "put an exercise's stub back (your file is saved first)",
    "help.yes": "do not ask to confirm",
    "help.solution": "a model solution, once the exercise is solved",
}

CHINESE = {
    "load.missing": "{where} 不见了：`course reset {id}` 会把桩文件恢复回来。",
    "load.syntax": (
        "{where} 第 {line} 行有语法错误：{error}。\n"
        "    {text}\n"
        "Python 无法读取这个文件，因此其中的内容都没有评分。"
    ),
    "load.exit": (
        "{where} 在被导入时调用了 sys.exit({code})。请删除这个调用：评分程序会"
        "导入你的文件并调用你的函数；一个会退出的文件无法评分。"
    ),
    "load.raised": "导入 {where} 时抛出了 {error}：{message}\n{frames}",
    "load.no_function": (
        "{where} 中没有函数 `{name}`。请保留桩文件里的函数名：评分程序会调用它们。"
    ),
    "grade.skipped": (
        "未评分：练习 {id} 中更早的一个检查项超时了，为了不让运行时间过长，其余"
        "检查项都被跳过。请先修复死循环（见这个练习的第一个失败）。"
    ),
    "grade.stopped": (
        "{seconds} 秒后被终止：练习 {id} 的 {test} 没有结束。\n"
        "这通常意味着死循环（一个条件永远不会变为假的 `while`），或者数组比预想"
        "的大得多。这个练习的其他检查项不再运行。"
    ),
    "grade.no_exercise": "没有练习 {wanted}。现有的练习是 {known}。",
    "grade.no_root": (
        "在 {path} 及其上级目录中找不到 exercises/info.toml：请在课程克隆的根"
        "目录运行 `pytest exercises`。"
    ),
    "grade.not_saved": "（进度未保存：{error}）",
    "feedback.not_started": (
        "--- {id} {title}：尚未开始（{file} 仍然抛出 NotImplementedError）"
    ),
    "feedback.partial": "--- {id} {title}：{total} 个检查项中通过了 {passed} 个",
    "feedback.first": "第一个未通过的检查项的完整信息（{name}）：",
    "check.pass": "[通过]",
    "check.fail": "[失败]",
    "check.printed": "你的代码打印了：",
    "card.title": " 成绩单：{who} ",
    "card.reference": "course_code（--reference）",
    "card.learner": "你的解答",
    "card.exercise": "练习",
    "card.checks": "检查项",
    "card.status": "状态",
    "card.points": "得分",
    "status.solved": "已解决",
    "status.not_started": "尚未开始",
    "status.partly_run": "部分运行",
    "status.not_yet": "尚未通过",
    "card.this_run": (
        "本次运行：{count} 个练习中解决了 {solved} 个，得分 {score}/{total}。"
    ),
    "card.earn": "（一个练习的所有检查项都通过后，才能获得它的分数。）",
    "card.overall": (
        "总体进度：{count} 个练习中解决了 {solved} 个，得分 {score}/{total}"
        "（`course list` 会逐个列出）。"
    ),
    "card.all_solved": (
        "所有练习都已解决。干得好！\n"
        "把你的代码与参考答案以及讲解它们的章节比较一下：\n"
        "`course solution 01`（或任何其他编号）。"
    ),
    "card.waiting_one": (
        "{count} 个练习尚未开始：在你动手写之前，它的失败在意料之中。"
    ),
    "card.waiting_many": (
        "{count} 个练习尚未开始：在你动手写之前，它们的失败在意料之中。"
    ),
    "next.title": "下一个：练习 {id}，{title}",
    "next.edit": "编辑",
    "next.check": "检查",
    "next.check_how": "course watch   （或：pytest {folder}）",
    "next.read": "阅读",
    "next.hint": "提示",
    "next.count": "{shown}/{total}：",
    "next.more": "更多",
    "hint.heading": "练习 {id}：{title}",
    "hint.all_seen": "提示已经全部给出；这里再显示一次最后一条。",
    "hint.label": "提示 {shown}/{total}：",
    "hint.more": "还是卡住了？`course hint {id}` 会显示提示 {next}。",
    "hint.chapter": "这一章讲解了其中的思路：",
    "hint.again": "要从第一条提示重新开始：`course hint {id} --reset`。",
    "hint.restart": "练习 {id} 的提示重新开始：`course hint {id}` 会显示提示 1。",
    "cli.no_root": (
        "这里及其上级目录中都没有 exercises/info.toml。请在课程的克隆中（包含 "
        "exercises/ 的文件夹）运行 `course`。"
    ),
    "verdict.no_report": "评分程序无法运行（没有返回报告）。",
    "verdict.exit_code": "pytest 以退出码 {code} 结束；它的输出：",
    "verdict.stopped": "它在 {seconds} 秒后被终止。",
    "verdict.solved": "已解决：全部 {count} 个检查项都通过了。",
    "verdict.not_started": "尚未开始：{file} 仍然抛出 NotImplementedError。",
    "verdict.not_started_how": "把 TODO 换成你的代码并保存；这个界面会给它评分。",
    "verdict.count": "{total} 个检查项中通过了 {passed} 个。",
    "verdict.first": "第一个未通过的检查项的完整信息：",
    "list.grading": "正在给所有练习评分……",
    "list.title": "你的进度",
    "list.exercise": "练习",
    "list.status": "状态",
    "list.checks": "检查项",
    "list.points": "得分",
    "list.not_graded": "未评分",
    "list.solved": "已解决",
    "list.not_started": "尚未开始",
    "list.in_progress": "进行中",
    "list.bar": "得分 {score}/{total}",
    "list.summary": "{count} 个练习中解决了 {solved} 个，得分 {score}/{total}。",
    "list.all_solved": (
        "所有练习都已解决。`course solution NN` 会显示每个练习的参考答案。"
    ),
    "list.next": "下一个：练习 {id}，{title}：`course watch`。",
    "reset.no_stub": "练习 {id} 的桩文件不见了：{stub}。",
    "reset.already": "{where} 已经是未改动的桩文件；无需操作。",
    "reset.needs_yes": (
        "`course reset {id}` 会用桩文件替换 {where}。加上 --yes 以确认（你的文件"
        "会先被保存）。"
    ),
    "reset.ask": (
        "用未改动的桩文件替换 {where} 吗？你的文件会先保存到 {backups}/。[y/N] "
    ),
    "reset.yes": "y yes 是",
    "reset.unchanged": "什么都没有改变。",
    "reset.saved": "你的文件已保存为 {backup}。",
    "reset.done": "{where} 又是桩文件了。",
    "solution.ungradable": "它无法评分",
    "solution.progress": "{total} 个检查项中通过了 {passed} 个",
    "solution.locked": (
        "练习 {id} 尚未解决（{how}）。所有检查项都通过后才会显示参考答案。\n"
        "继续努力：`course watch {id}`；卡住了？`course hint {id}`。"
    ),
    "solution.model": "一份参考答案（{path}）：",
    "solution.chapter": "讲解它的章节：",
    "solution.reference": (
        "参考实现在每个边角情形下都精确，它是 course_code 中的 {references}。"
    ),
    "watch.keys": "[h] 提示  [n] 下一个练习  [l] 列表  [q] 退出",
    "watch.header": "course watch：练习 {id}（第 {index} 个，共 {count} 个），{title}",
    "watch.edit": "编辑",
    "watch.goal": "目标",
    "watch.read": "阅读",
    "watch.grading": "正在给练习 {id} 评分……",
    "watch.verdict": "{time} 的评判结果：",
    "watch.save": "保存 {file} 即可再次评分。  {keys}",
    "watch.all_solved": (
        "练习 {id} 已解决，所有练习也随之全部解决。干得好！\n"
        "和参考答案比较一下：`course solution NN`。"
    ),
    "watch.solved_one": (
        "练习 {id} 已解决（{points} 分）。`course solution {id}` 会显示一份参考答案。"
    ),
    "watch.solved_many": (
        "练习 {id} 已解决（{points} 分）。`course solution {id}` 会显示一份参考答案。"
    ),
    "watch.on_to": "进入练习 {id}。",
    "watch.bye": "再见。`course watch` 会从你离开的地方继续。",
    "watch.bye_short": "再见。",
    "watch.nothing_left": (
        "所有练习都已解决。`course watch NN` 可以再次监视某个练习；"
        "`course solution NN` 会显示参考答案。"
    ),
    "colour.solved": "已解决：",
    "colour.count": "个检查项中通过了",
    "help.description": (
        "解答课程的练习：保存即评分，查看进度，获取提示，从头再来，阅读参考答案。"
    ),
    "help.epilog": "从 `course watch` 开始。`pytest exercises` 也会给所有练习评分。",
    "help.lang": (
        "课程的语言：en（英语，默认）或 zh（中文）；环境变量 COURSE_LANG 也可以选择语言"
    ),
    "help.watch": "每次保存时给练习评分，解决后进入下一个",
    "help.watch_exercise": "练习编号（默认：第一个尚未解决的练习）",
    "help.poll": (
        "每 0.1 秒检查一次文件是否改动，而不依赖系统的文件通知（用于网络文件夹"
        "或共享文件夹）"
    ),
    "help.list": "所有练习：状态、检查项、得分",
    "help.no_grade": "显示上次记录的结果，不重新评分",
    "help.hint": "再显示练习的一条提示",
    "help.exercise": "练习编号，例如 03",
    "help.hint_reset": "让它的提示从头开始",
    "help.reset": "把练习的桩文件放回去（你的文件会先被保存）",
    "help.yes": "不询问确认",
    "help.solution": "练习解决后，显示一份参考答案",
}

#: Each language's table.
TABLES = {"en": ENGLISH, "zh": CHINESE}


# ---------------------------------------------------------------------------
# Choosing the language.
# ---------------------------------------------------------------------------


def choose_language(option=None, environ=None):
    """The language the learner asked for: ``option``, else the environment.

    Parameters
    ----------
    option : str or None
        The value of ``--lang``, or None when it was not given.
    environ : mapping, optional
        Where to read :data:`ENVIRONMENT` (``COURSE_LANG``); ``os.environ``
        by default. An empty value counts as unset.

    Returns
    -------
    str
        A key of :data:`LANGUAGES`: ``"en"`` unless Chinese was asked for.

    Raises
    ------
    ValueError
        If the chosen value is not a language of the course; the message
        names the option or the variable and the accepted values.

    Examples
    --------
    >>> choose_language(None, {})
    'en'
    >>> choose_language(None, {"COURSE_LANG": "zh"})
    'zh'
    >>> choose_language("en", {"COURSE_LANG": "zh"})
    'en'
    >>> choose_language("fr", {})
    Traceback (most recent call last):
    ...
    ValueError: --lang 'fr' is not a language of the course: use en (English) ...
    """
    environ = os.environ if environ is None else environ
    if option is not None:
        source, value = "--lang", option
    elif environ.get(ENVIRONMENT, "").strip():
        source, value = ENVIRONMENT, environ[ENVIRONMENT]
    else:
        return DEFAULT
    language = value.strip().lower()
    if language not in LANGUAGES:
        accepted = " or ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        shown = f"--lang {value!r}" if source == "--lang" else f"{source}={value!r}"
        raise ValueError(f"{shown} is not a language of the course: use {accepted}.")
    return language


def translated_name(name, language):
    """The name of a file's translation: ``README.md`` becomes
    ``README.zh.md`` in Chinese (as on the site), unchanged in English.

    Examples
    --------
    >>> translated_name("info.toml", "zh"), translated_name("info.toml", "en")
    ('info.zh.toml', 'info.toml')
    """
    if language == DEFAULT:
        return name
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{language}{dot}{suffix}" if dot else f"{name}.{language}"


class Words:
    """The words of one language: ``words(key, **values)`` is the table's
    text for ``key`` with its ``{placeholders}`` filled in.

    Parameters
    ----------
    language : str
        A key of :data:`LANGUAGES`.

    Raises
    ------
    ValueError
        If ``language`` is not one of them.
    """

    def __init__(self, language=DEFAULT):
        if language not in TABLES:
            raise ValueError(
                f"language must be one of {', '.join(TABLES)}, not {language!r}"
            )
        self.language = language
        self.table = TABLES[language]

    def __call__(self, key, **values):
        return self.table[key].format(**values)

    def __repr__(self):
        return f"Words({self.language!r})"


# ---------------------------------------------------------------------------
# Laying the words out: a Chinese character takes two columns.
# ---------------------------------------------------------------------------


def _columns(char):
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text):
    """The columns ``text`` takes in a terminal.

    Examples
    --------
    >>> display_width("points"), display_width("得分"), display_width("σ(x)")
    (6, 4, 4)
    """
    return sum(_columns(char) for char in text)


def pad(text, width, align="<"):
    """``text`` padded with spaces to ``width`` columns, aligned left (``<``)
    or right (``>``); as ``format(text, "<6")`` for text of one column a
    character."""
    room = " " * max(width - display_width(text), 0)
    return text + room if align == "<" else room + text


def center(text, width, fill=" "):
    """``text`` centred in ``width`` columns, as ``format(text, "=^78")``.

    Examples
    --------
    >>> center("成绩单", 10, "=")
    '==成绩单=='
    """
    room = max(width - display_width(text), 0)
    left = room // 2
    return fill * left + text + fill * (room - left)


def shorten(text, width):
    """``text`` cut to ``width`` columns, ending in ``…`` when cut.

    Examples
    --------
    >>> shorten("A sigmoid that never overflows", 12)
    'A sigmoid t…'
    >>> shorten("永不上溢的 sigmoid 函数", 12)
    '永不上溢的 …'
    """
    if display_width(text) <= width:
        return text
    kept, used = [], 1  # the ellipsis takes one column
    for char in text:
        used += _columns(char)
        if used > width:
            break
        kept.append(char)
    return "".join(kept) + "…"


#: Chinese punctuation that never starts a line, and that never ends one.
_NO_LINE_START = "，。、；：！？）」』》〉”’…,.;:!?)]}"
_NO_LINE_END = "（「『《〈“‘([{"


def _pieces(text):
    """``text`` cut where a line may break: around each wide character, at
    spaces (kept as pieces of their own), never before closing punctuation
    or after opening punctuation."""
    pieces = []
    glue = False  # the next character joins the last piece
    for char in text:
        wide = _columns(char) == 2
        if char.isspace():
            if pieces and pieces[-1].isspace():
                pieces[-1] += char
            else:
                pieces.append(char)
        elif pieces and (
            glue
            or char in _NO_LINE_START
            or (not wide and not pieces[-1].isspace() and _columns(pieces[-1][-1]) == 1)
        ):
            pieces[-1] += char
        else:
            pieces.append(char)
        glue = char in _NO_LINE_END
    return pieces


def wrapped(prefix, text, width=78):
    """``text`` wrapped to ``width`` columns after ``prefix``, continued
    under it.

    Text of one column a character is wrapped as :func:`textwrap.wrap` does;
    text with Chinese characters may also break between two of them, but
    not before a closing mark such as ``，`` or ``。``.

    Examples
    --------
    >>> wrapped("hint: ", "one two three", 14)
    ['hint: one two', '      three']
    >>> wrapped("提示：", "σ 的导数是 σ(x)(1 − σ(x))。", 20)
    ['提示：σ 的导数是', '      σ(x)(1 −', '      σ(x))。']
    """
    if display_width(prefix + text) == len(prefix + text):
        return textwrap.wrap(
            text, width, initial_indent=prefix, subsequent_indent=" " * len(prefix)
        )
    indent = " " * display_width(prefix)
    lines, line, used = [], prefix, display_width(prefix)
    space = started = False
    for piece in _pieces(" ".join(text.split())):
        if piece.isspace():
            space = started
            continue
        if started and used + space + display_width(piece) > width:
            lines.append(line)
            line, used, space = indent, len(indent), False
        line += " " * space + piece
        used += space + display_width(piece)
        space, started = False, True
    if started:
        lines.append(line)
    return lines

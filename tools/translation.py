"""Translations: compare a page with its translation, and keep them in step.

Everything but the prose must match.

A translated page keeps, from its English page, every code block, every
included snippet, every formula, every HTML comment (the hooks' placeholders
and the quizzes' answers), every link target and image, the headings (same
levels, same order, same anchors) and every quiz (same number of options,
the same ones right, the same blanks).  Only the words change.

A translation records which version of its English file it translates: the
first 16 hex digits of the SHA-256 of the English file, in the page's front
matter (``translation_of: ...``), in a README's first line
(``<!-- translation_of: ... -->``) or in a notebook's metadata. When the
English file changes, the translation is stale until it is updated and
stamped again.

Usage, from the repository root::

    python tools/translation.py check               # every pair: structure, staleness
    python tools/translation.py stamp docs/faq.zh.md  # after updating a translation
    python tools/translation.py compare EN ZH       # one pair, any two files

``check`` prints one line per problem and exits with 1 if there is any;
``tests/test_translation.py`` runs the same checks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n"
    r".*?^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
COMMENT = re.compile(r"<!--.*?-->", re.S)
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]|\n(?!\n))+?(?<![\s\\])\$(?!\d)")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REF_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)", re.M)
HTML_TARGET = re.compile(r"\b(?:href|src)=\"([^\"]+)\"")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.M)
HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"\bid=\"([^\"]+)\"")
SNIPPET = re.compile(r"^\s*-{2}8<-{2}.*$", re.M)
QUIZ = re.compile(r"<quiz>(.*?)</quiz>", re.S)
OPTION = re.compile(r"^- \[([ xX])\]", re.M)
BLANK = re.compile(r"\[\[([^\]]+)\]\]")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


STAMP_COMMENT = re.compile(r"\A<!-- translation_of: ([0-9a-f]+) -->\n")
STAMP_FRONT = re.compile(r"^translation_of:\s*([0-9a-f]+)\s*$", re.M)
ROOT = Path(__file__).resolve().parents[1]
SUFFIX = ".zh"


def _strip_front_matter(text):
    match = FRONT_MATTER.match(text)
    text = text[match.end() :] if match else text
    return STAMP_COMMENT.sub("", text)


def structure(text):
    """The parts of a Markdown page that a translation must keep, as a dict."""
    text = _strip_front_matter(text)
    parts = {}
    fences = [m.group(0) for m in FENCE.finditer(text)]
    parts["code blocks"] = fences
    rest = FENCE.sub("\n", text)
    parts["HTML comments"] = COMMENT.findall(rest)
    rest = COMMENT.sub(" ", rest)
    parts["snippet includes"] = [line.strip() for line in SNIPPET.findall(rest)]
    display = [m.group(0) for m in DISPLAY_MATH.finditer(rest)]
    rest = DISPLAY_MATH.sub(" ", rest)
    code = [m.group(0) for m in INLINE_CODE.finditer(rest)]
    rest_no_code = INLINE_CODE.sub(" ", rest)
    inline = [m.group(0) for m in INLINE_MATH.finditer(rest_no_code)]
    parts["display formulas"] = display
    parts["inline formulas"] = sorted(inline)
    parts["inline code"] = sorted(code)
    parts["link targets"] = sorted(
        LINK.findall(rest_no_code)
        + REF_LINK.findall(rest_no_code)
        + HTML_TARGET.findall(rest_no_code)
    )
    parts["HTML ids"] = HTML_ID.findall(rest_no_code)
    parts["heading levels"] = [len(m.group(1)) for m in HEADING.finditer(rest_no_code)]
    quizzes = []
    for body in QUIZ.findall(text):
        quizzes.append(
            (
                "".join(
                    "x" if mark.lower() == "x" else "o" for mark in OPTION.findall(body)
                ),
                tuple(BLANK.findall(body)),
            )
        )
    parts["quizzes (options: x right, o wrong; blanks)"] = quizzes
    return parts


def compare(english, translated):
    """Differences between the structure of two pages, as lines of text."""
    a, b = structure(english), structure(translated)
    problems = []
    for key in a:
        if a[key] == b[key]:
            continue
        if isinstance(a[key], list) and all(
            isinstance(v, str) for v in a[key] + b[key]
        ):
            missing = Counter(a[key]) - Counter(b[key])
            extra = Counter(b[key]) - Counter(a[key])
            for item in missing:
                problems.append(f"{key}: missing {_short(item)}")
            for item in extra:
                problems.append(f"{key}: not in the English page {_short(item)}")
            if not missing and not extra:
                problems.append(f"{key}: same items in another order")
        else:
            problems.append(f"{key}: English {a[key]!r}, translation {b[key]!r}")
    return problems


def _short(item, width=110):
    one_line = " ".join(item.split())
    return repr(one_line if len(one_line) <= width else one_line[: width - 3] + "...")


# --- keeping translations in step --------------------------------------------


def source_hash(path):
    """The version of an English file that a translation records."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def translation_path(english):
    """``docs/faq.md`` -> ``docs/faq.zh.md``, ``x.ipynb`` -> ``x.zh.ipynb``."""
    english = Path(english)
    return english.with_name(english.stem + SUFFIX + english.suffix)


def english_path(translated):
    """The English file that ``translated`` (a ``*.zh.*`` file) translates."""
    translated = Path(translated)
    return translated.with_name(translated.name.replace(SUFFIX + ".", ".", 1))


def english_files(root=ROOT):
    """Every file of the course that has a Chinese counterpart: the pages and
    notebooks of ``docs/`` and the exercises' READMEs."""
    docs = [
        p
        for p in sorted((root / "docs").rglob("*"))
        if p.suffix in (".md", ".ipynb") and not p.stem.endswith(SUFFIX)
    ]
    readmes = sorted((root / "exercises").glob("[0-9][0-9]_*/README.md"))
    return docs + readmes


def recorded_hash(translated):
    """The English version a translation says it translates, or None."""
    translated = Path(translated)
    text = translated.read_text("utf-8")
    if translated.suffix == ".ipynb":
        return json.loads(text).get("metadata", {}).get("translation_of")
    if match := STAMP_COMMENT.match(text):
        return match[1]
    front = FRONT_MATTER.match(text)
    found = STAMP_FRONT.search(front[1]) if front else None
    return found[1] if found else None


def stamp(translated):
    """Record in ``translated`` the current version of its English file, and
    give its headings the English page's anchors (Markdown only)."""
    translated = Path(translated)
    english = english_path(translated)
    digest = source_hash(english)
    text = translated.read_text("utf-8")
    if translated.suffix == ".ipynb":
        notebook = json.loads(text)
        notebook.setdefault("metadata", {})["translation_of"] = digest
        translated.write_text(
            json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", "utf-8"
        )
        return
    text = add_heading_ids(english.read_text("utf-8"), text)
    if english.name == "README.md":
        text = f"<!-- translation_of: {digest} -->\n" + STAMP_COMMENT.sub("", text)
    else:
        front = FRONT_MATTER.match(text)
        lines = [
            line
            for line in (front[1].splitlines() if front else [])
            if not STAMP_FRONT.match(line)
        ]
        body = text[front.end() :] if front else text
        text = (
            "---\n"
            + "\n".join([f"translation_of: {digest}", *lines])
            + "\n---\n"
            + body
        )
    translated.write_text(text, "utf-8")


def heading_ids(text):
    """The anchors of a page's headings, in order, as the site makes them."""
    import markdown

    md = markdown.Markdown(
        extensions=[
            "toc",
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
            "footnotes",
            "pymdownx.superfences",
            "pymdownx.details",
            "pymdownx.tabbed",
        ]
    )
    md.convert(_strip_front_matter(text))

    def walk(tokens):
        for token in tokens:
            yield token["id"]
            yield from walk(token["children"])

    return list(walk(md.toc_tokens))


def _heading_lines(text):
    """Indexes of the lines of ``text`` that are ATX headings outside code."""
    lines, fence, found = text.split("\n"), None, []
    for number, line in enumerate(lines):
        marker = re.match(r"^\s*(`{3,}|~{3,})", line)
        if marker:
            if fence is None:
                fence = marker[1]
            elif marker[1].startswith(fence[0]) and len(marker[1]) >= len(fence):
                fence = None
            continue
        if fence is None and HEADING.match(line):
            found.append(number)
    return lines, found


def add_heading_ids(english, translated):
    """Give each heading of ``translated`` the anchor of the English one, so
    that links and the language switcher keep their place on the page."""
    ids = heading_ids(english)
    lines, found = _heading_lines(translated)
    if len(ids) != len(found):
        raise ValueError(
            f"{len(found)} headings in the translation, {len(ids)} in English"
        )
    for number, anchor in zip(found, ids, strict=True):
        if not HEADING_ID.search(lines[number]):
            lines[number] = f"{lines[number].rstrip()} {{ #{anchor} }}"
    return "\n".join(lines)


def problems_of(english, translated):
    """What is wrong with ``translated`` as the translation of ``english``."""
    if not translated.exists():
        source = english.relative_to(ROOT)
        return [f"missing: {translated.relative_to(ROOT)} (translates {source})"]
    found = []
    recorded, current = recorded_hash(translated), source_hash(english)
    if recorded != current:
        found.append(
            f"stale: {english.relative_to(ROOT)} changed since it was translated "
            f"(recorded {recorded}, now {current}); update the translation, then "
            f"`python tools/translation.py stamp {translated.relative_to(ROOT)}`"
        )
    if english.suffix == ".md":
        en_ids = heading_ids(english.read_text("utf-8"))
        zh_ids = heading_ids(translated.read_text("utf-8"))
        if en_ids != zh_ids:
            missing = [a for a in en_ids if a not in zh_ids]
            found.append(
                f"heading anchors differ from the English page's (missing {missing}); "
                "`stamp` gives the headings the English anchors"
            )
        found += [
            f"{problem}"
            for problem in compare(
                english.read_text("utf-8"), translated.read_text("utf-8")
            )
        ]
    else:
        found += compare_notebooks(english, translated)
    return found


def compare_notebooks(english, translated):
    """A translated notebook: the same cells, code and outputs unchanged, and
    each Markdown cell keeping its structure."""
    a = json.loads(english.read_text("utf-8"))
    b = json.loads(translated.read_text("utf-8"))
    if [c["cell_type"] for c in a["cells"]] != [c["cell_type"] for c in b["cells"]]:
        return ["notebook: not the same cells"]
    found = []
    for number, (x, y) in enumerate(zip(a["cells"], b["cells"], strict=True)):
        if x["cell_type"] == "markdown":
            text = ["".join(x["source"]), "".join(y["source"])]
            found += [f"cell {number}: {p}" for p in compare(*text)]
        elif x != y:
            found.append(f"cell {number}: a code cell differs from the English one")
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every translation")
    stamp_parser = commands.add_parser("stamp", help="record the English version")
    stamp_parser.add_argument("files", nargs="+", type=Path)
    compare_parser = commands.add_parser("compare", help="compare two files")
    compare_parser.add_argument("english", type=Path)
    compare_parser.add_argument("translated", type=Path)
    args = parser.parse_args(argv)
    if args.command == "stamp":
        for path in args.files:
            stamp(path)
            print(f"stamped {path}")
        return 0
    if args.command == "compare":
        english, translated = (
            args.english.read_text("utf-8"),
            args.translated.read_text("utf-8"),
        )
        problems = compare(english, translated)
    else:
        problems = []
        for english in english_files():
            translated = translation_path(english)
            problems += [
                f"{translated.relative_to(ROOT)}: {p}"
                for p in problems_of(english, translated)
            ]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

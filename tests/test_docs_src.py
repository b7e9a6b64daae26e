"""Every code block on a page comes from a file that runs, and says what it does.

The pages include their Python from ``docs_src/`` (examples, sessions and
their printed output) and from ``course_code`` (the reference), with
pymdownx.snippets; ``docs_src_runner`` says how each file is run.  Code
written for PyTorch, JAX, Keras or TensorFlow runs in a subprocess per
framework, with the framework installed (``pip install -e ".[frameworks]"``
and ``pip install torch==2.13.0``; required under CI).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docs_src_runner import (
    DOCS_SRC,
    ROOT,
    check_script,
    run_session,
    same_output,
    scripts,
    sessions,
)
from optional import TORCH_INSTALL, require

DOCS = ROOT / "docs"
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<lang>[\w-]*)[^\n]*\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
INCLUDE = re.compile(r'--8<-- "(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')
#: Code of a framework, recognised by its import, and how to install it.
FRAMEWORKS = {
    "torch": ("torch", TORCH_INSTALL),
    "jax": ("jax", 'pip install -e ".[frameworks]"'),
    "tensorflow": ("tensorflow", 'pip install -e ".[frameworks]"'),
}


def framework_of(path: Path) -> str | None:
    """The framework a script imports (Keras counts as TensorFlow's), or None."""
    text = path.read_text(encoding="utf-8")
    for name, pattern in [
        ("torch", r"^import torch\b"),
        ("jax", r"^import jax\b"),
        ("tensorflow", r"^import (tensorflow|keras)\b"),
    ]:
        if re.search(pattern, text, re.M):
            return name
    return None


def page_blocks() -> list[tuple[Path, str, str]]:
    """(page, language, body) for every fenced code block of every page."""
    return [
        (page, m["lang"], m["body"])
        for page in sorted(DOCS.rglob("*.md"))
        for m in FENCE.finditer(page.read_text(encoding="utf-8"))
    ]


NUMPY_SCRIPTS = [p for p in scripts() if framework_of(p) is None]


def test_the_pages_have_code_blocks():
    """The fence pattern finds the pages' code (or every rule below is empty)."""
    languages = {lang for _, lang, _ in page_blocks()}
    assert {"python", "pycon", "text"} <= languages
    assert len(NUMPY_SCRIPTS) >= 15
    assert len(sessions()) >= 10


def test_every_python_block_is_included_from_a_file():
    """A python or pycon block holds only snippet includes, never typed code."""
    typed = [
        f"{page.relative_to(ROOT)}: {body.splitlines()[0] if body else '(empty)'}"
        for page, lang, body in page_blocks()
        if lang in {"python", "pycon", "py"}
        and not all(
            INCLUDE.fullmatch(line.strip())
            for line in body.splitlines()
            if line.strip()
        )
    ]
    assert not typed, "code typed into a page; move it to docs_src/:\n" + "\n".join(
        typed
    )


def included() -> set[Path]:
    """Every file a page includes."""
    return {
        (ROOT / m["path"]).resolve()
        for _, _, body in page_blocks()
        for m in INCLUDE.finditer(body)
    }


def test_every_file_of_docs_src_is_on_a_page():
    """No example is orphaned: each script and session is included by a page.

    A script's ``NAME.out`` is on the page when the page shows what it
    prints; a quiz that asks what a script prints keeps it for the test only.
    """
    on_pages = included()
    orphans = sorted(
        str(path.relative_to(ROOT))
        for path in scripts() + sessions()
        if path.resolve() not in on_pages
    )
    assert not orphans, "files of docs_src/ that no page includes: " + str(orphans)
    strays = sorted(
        str(path.relative_to(ROOT))
        for path in DOCS_SRC.rglob("*")
        if (path.is_file() and path.suffix not in {".py", ".pycon", ".out"})
        or (path.suffix == ".out" and not path.with_suffix(".py").exists())
    )
    assert not strays, "files of docs_src/ that no test runs: " + str(strays)


@pytest.mark.parametrize(
    "path", NUMPY_SCRIPTS, ids=lambda p: str(p.relative_to(DOCS_SRC))
)
def test_script_prints_what_its_page_says(path, monkeypatch):
    """The script runs, and prints (warnings included) what its ``.out`` says."""
    monkeypatch.chdir(ROOT)
    assert check_script(path) == []


@pytest.mark.parametrize("path", sessions(), ids=lambda p: str(p.relative_to(DOCS_SRC)))
def test_session_gives_what_its_page_shows(path):
    """Each statement of the session gives the value and warnings shown."""
    assert run_session(path) == []


@pytest.mark.slow
@pytest.mark.frameworks
@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_framework_examples_run(framework):
    """The frameworks page's code runs with the framework, in its own process."""
    module, install = FRAMEWORKS[framework]
    # Found, not imported: TensorFlow takes seconds to import.
    require(importlib.util.find_spec(module), f"{module} is missing: {install}")
    paths = [p for p in scripts() if framework_of(p) == framework]
    assert paths, f"no example imports {framework}"
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "KERAS_BACKEND": "tensorflow"}
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("docs_src_runner.py")), "--check"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_same_output_is_strict_about_values():
    """The comparison forgives spacing only: a different digit fails it."""
    assert same_output("[0.  0.5]\n", "[0. 0.5]\n")
    assert not same_output("[0.  0.5]\n", "[0.  0.6]\n")
    assert not same_output("True\n", "RuntimeWarning: overflow\nTrue\n")

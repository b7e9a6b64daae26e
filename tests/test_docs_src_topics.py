"""The scripts that the topic pages include print what the pages show.

A page includes a script of ``docs_src/<page>/`` with ``--8<--`` in a
python fence and shows its output in the next fence, a ``text`` one. Each
script runs here in a fresh interpreter with warnings as errors, and its
output must equal that block, line for line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["precision", "residual", "perceptron"]
# An include, the prose after it (no fence), then the text fence it prints.
SHOWN = re.compile(
    r'```python\n--8<-- "(docs_src/[^"]+\.py)"\n```\n(?:(?!```)[^\n]*\n)*?'
    r"```text\n(.*?)```",
    re.DOTALL,
)


def shown_outputs():
    """(script, the text the page shows after including it)."""
    found = []
    for stem in PAGES:
        page = ROOT / "docs" / "chapters" / f"{stem}.md"
        if page.exists():
            text = page.read_text(encoding="utf-8")
            found += [(m[1], m[2]) for m in SHOWN.finditer(text)]
    return found


def test_the_topic_pages_show_script_outputs():
    assert shown_outputs(), "no page includes a docs_src script with its output"


@pytest.mark.parametrize(("script", "shown"), shown_outputs(), ids=lambda v: v[:40])
def test_a_script_prints_what_its_page_shows(script, shown):
    run = subprocess.run(
        [sys.executable, "-W", "error", str(ROOT / script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().splitlines() == shown.rstrip().splitlines()

"""The project's promises about itself: README's commands, CI, dependencies."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there.
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent

SERVE_COMMAND = (
    'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[docs]"'
    " && mkdocs serve"
)
LEARN_COMMAND = (
    "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && course watch"
)
TEST_COMMAND = (
    'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]"'
    " && pytest -n auto"
)

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def fenced_blocks(markdown: str) -> list[str]:
    """Return the contents of the fenced code blocks of ``markdown``, stripped."""
    return [block.strip() for block in FENCE.findall(markdown)]


@pytest.fixture(scope="module")
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def project() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]


def test_fenced_blocks_finds_blocks():
    text = "intro\n```sh\necho one\n```\nmiddle\n```\necho two\n```\n"
    assert fenced_blocks(text) == ["echo one", "echo two"]


def test_readme_has_exactly_the_three_setup_commands(readme):
    setup = [block for block in fenced_blocks(readme) if "python3 -m venv" in block]
    assert setup == [LEARN_COMMAND, SERVE_COMMAND, TEST_COMMAND]


def test_the_learners_setup_ends_in_course_watch(readme):
    assert LEARN_COMMAND.endswith("&& course watch")
    assert "pytest exercises" in readme.split(LEARN_COMMAND, 1)[1].split("##")[0]


def test_ci_runs_the_readme_test_command_verbatim(readme):
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST_COMMAND in fenced_blocks(readme)
    command_lines = [
        line for line in script.splitlines() if not line.lstrip().startswith("#")
    ]
    assert any(TEST_COMMAND in line for line in command_lines), (
        ".ci/run does not run README.md's test command verbatim"
    )


def test_ci_script_is_strict_bash():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script


def test_runtime_dependencies_have_lower_bounds(project):
    requirements = [Requirement(text) for text in project["dependencies"]]
    assert requirements
    for requirement in requirements:
        operators = {spec.operator for spec in requirement.specifier}
        assert operators & {">=", ">", "~=", "=="}, f"{requirement} has no lower bound"


def test_torch_is_not_a_dependency(project):
    extras = project.get("optional-dependencies", {}).values()
    texts = list(project["dependencies"]) + [text for group in extras for text in group]
    names = {Requirement(text).name.lower() for text in texts}
    assert "torch" not in names


@pytest.mark.parametrize("page", ["index.md", "exercises.md"])
def test_the_site_gives_the_learners_setup_command(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert LEARN_COMMAND in fenced_blocks(text)


def _layout_rows() -> dict[str, str]:
    """README's layout table: path -> what it holds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (.+) \|$", readme, re.MULTILINE)
    return dict(rows)


def test_the_layout_table_names_every_folder_and_every_hook_module():
    rows = _layout_rows()
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    folders = {path.split("/")[0] for path in tracked if "/" in path}
    folders -= {".github", ".ci"}  # named with their file: `.ci/run`, workflows
    missing = sorted(f for f in folders if f"{f}/" not in rows)
    assert not missing, f"README.md's layout table lacks {missing}"
    hooks = sorted(p.name for p in (ROOT / "hooks").glob("*.py"))
    unnamed = [name for name in hooks if f"`{name}`" not in rows["hooks/"]]
    assert not unnamed, f"the hooks/ row of README.md's layout table lacks {unnamed}"

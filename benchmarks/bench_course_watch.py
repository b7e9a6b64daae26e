"""From saving a file to the verdict on screen, in `course watch`.

Runs `course watch 01` in a pseudo-terminal (pexpect) in a copy of the
exercises, then saves the learner's file again and again, alternating two
wrong answers so that each save changes the verdict, and times each save
until the new verdict has been drawn. Between saves it waits as a learner
reading the verdict would (``--pause`` seconds, 2 by default); with
``--pause 0`` it saves as soon as the verdict is drawn.

    python benchmarks/bench_course_watch.py            # 10 saves
    python benchmarks/bench_course_watch.py --saves 20 --pause 0

Target: median <= 1.5 s on a 2-core machine. It prints, beside it, the time
of a cold `python -m pytest exercises/01_sigmoid` measured in the same run:
what each save would cost without the interpreter `course watch` keeps warm.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.5

WRONG = (
    """
import numpy as np

def sigmoid(x):
    x = np.asarray(x)
    return 1 / (1 + np.exp(-x))  # attempt {n}
""",
    """
import numpy as np

def sigmoid(x):
    return np.tanh(x)  # attempt {n}
""",
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--pause", type=float, default=2.0)
    options = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copytree(REPO / "exercises", tmp / "exercises")
        shutil.copy(REPO / "pyproject.toml", tmp / "pyproject.toml")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", "exercises/01_sigmoid", "-q"],
            cwd=tmp,
            capture_output=True,
            check=False,
        )
        cold = time.perf_counter() - start
        path = tmp / "exercises" / "01_sigmoid" / "sigmoid.py"
        child = pexpect.spawn(
            sys.executable,
            ["-m", "course_grading.cli", "watch", "01"],
            cwd=str(tmp),
            env=env,
            encoding="utf-8",
            timeout=60,
            dimensions=(60, 160),
        )
        child.expect(r"\[q\] quit")
        times = []
        for n in range(options.saves):
            time.sleep(options.pause)
            text = WRONG[n % 2].format(n=n)
            before = time.perf_counter()
            path.write_text(text)
            child.expect("Verdict at")
            child.expect(r"\[q\] quit")
            times.append(time.perf_counter() - before)
        child.send("q")
        child.expect(pexpect.EOF)
    median = statistics.median(times)
    print(f"save -> verdict, {options.saves} saves, {options.pause:g} s apart:")
    print(f"  median {median:.2f} s, best {min(times):.2f} s, worst {max(times):.2f} s")
    print(f"a cold `python -m pytest exercises/01_sigmoid`: {cold:.2f} s")
    verdict = "met" if median <= TARGET_SECONDS else "NOT met"
    print(f"target median <= {TARGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()

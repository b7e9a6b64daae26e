"""Wall time of `pytest exercises` on the untouched stubs and of
`pytest exercises --reference`, as a learner's machine runs them.

Each run is a fresh `python -m pytest` process in a copy of the exercises
(with the repository's pytest configuration), the way a learner types the
command.  The reference in the same run is a fresh
pytest process that collects nothing (`pytest --co -q` on an empty folder):
the cost of starting Python, NumPy and pytest, which no grader can avoid.

    python benchmarks/bench_exercises.py            # best of 5
    python benchmarks/bench_exercises.py --repeat 10

Target: each grading run in <= 3 s of wall time on a 2-core machine.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 3.0


def wall(args, cwd):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    # 1: the stubs fail, as they should; 5: the empty run collects no test.
    if done.returncode not in (0, 1, 5):
        sys.exit(f"pytest {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copytree(REPO / "exercises", tmp / "exercises")
        shutil.copy(REPO / "pyproject.toml", tmp / "pyproject.toml")
        (tmp / "empty").mkdir()
        stubs = ["exercises", "-q", "-p", "no:cacheprovider"]
        grading = ["exercises", "--reference", "-q", "-p", "no:cacheprovider"]
        empty = ["empty", "--co", "-q", "-p", "no:cacheprovider"]
        runs = [
            (wall(stubs, tmp), wall(grading, tmp), wall(empty, tmp))
            for _ in range(options.repeat)
        ]
    best_stubs, best, startup = (min(r[i] for r in runs) for i in range(3))
    print(f"pytest exercises (stubs):     best {best_stubs:.2f} s of {options.repeat}")
    print(f"pytest exercises --reference: best {best:.2f} s of {options.repeat}")
    print(f"pytest startup alone:         best {startup:.2f} s")
    print(f"ratio reference / startup:    {best / startup:.2f}")
    for name, seconds in (("stubs", best_stubs), ("--reference", best)):
        verdict = "met" if seconds <= TARGET_SECONDS else "NOT met"
        print(f"target <= {TARGET_SECONDS:.0f} s, {name}: {verdict}")


if __name__ == "__main__":
    main()

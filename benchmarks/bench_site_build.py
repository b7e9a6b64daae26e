"""Time a cold and a warm ``mkdocs build`` of the course site.

Run from the repository root::

    python benchmarks/bench_site_build.py            # one cold build, best of 3 warm
    python benchmarks/bench_site_build.py --warm 5   # best of 5 warm builds

It times the site in both languages, and the English site alone
(``COURSE_BUILD_CHINESE=false``, what the site was before its Chinese
edition) as the reference measured in the same run: the Chinese edition's
targets are a cold build at most twice the English one and a warm build of
both languages of at most 10 s.

Cold: the builds use a new, empty cache directory (``COURSE_CACHE_DIR``, which
the hook reads instead of ``.cache/course``) for the figures drawn from
``course_code`` and the executed notebooks, so the hook draws every figure and
mkdocs-jupyter executes every notebook. Warm: the same build again, with the
caches the cold build left; it should draw nothing and execute nothing. The
repository's own ``.cache/course`` is left alone.
Each build runs ``python -m mkdocs build --strict`` in a fresh process into a
temporary directory, timed with ``time.perf_counter`` from start to exit, so
the time includes starting Python and importing the plugins.

The script prints both times and cold/warm. It never fails on a time: it only
reports (it does fail if a build fails).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: str, cache_dir: str, chinese: bool = True) -> float:
    """Run one strict build into ``site_dir``; return its wall-clock seconds."""
    start = time.perf_counter()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "COURSE_CACHE_DIR": cache_dir,
        "COURSE_BUILD_CHINESE": "true" if chinese else "false",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site_dir],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr}{result.stdout}")
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm", type=int, default=3, help="warm builds (best of)")
    args = parser.parse_args(argv)

    times = {}
    for chinese in (False, True):
        with (
            tempfile.TemporaryDirectory() as site_dir,
            tempfile.TemporaryDirectory() as cache,
        ):
            cold = build(site_dir, cache, chinese)
            warm = min(build(site_dir, cache, chinese) for _ in range(args.warm))
        times[chinese] = cold, warm
        name = "English and Chinese" if chinese else "English alone"
        print(f"{name}:")
        print(f"  cold build (empty caches):     {cold:7.2f} s")
        print(f"  warm build (best of {args.warm}):{'':7}{warm:7.2f} s")
        print(f"  cold / warm:                   {cold / warm:7.2f}")
    (cold_en, _), (cold_both, warm_both) = times[False], times[True]
    print(
        f"cold, both languages / English alone: {cold_both / cold_en:.2f} (target <= 2)"
    )
    print(f"warm, both languages: {warm_both:.2f} s (target <= 10 s)")


if __name__ == "__main__":
    main()

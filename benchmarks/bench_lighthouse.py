"""Lighthouse scores and page weight of the built site, served under a sub-path.

Builds the site (``mkdocs build --strict``, or takes ``--site DIR``), serves
it on 127.0.0.1 under the path of ``site_url`` as GitHub Pages would, and
runs Lighthouse 12.2.3 (npm; Node 20) with Debian's Chromium on the home
page, a chapter, the catalogue and a notebook page, or on every page with
``--all``. Each page is audited ``--runs`` times (3 by default) and the median
of each score is kept. Prints, per page, the performance, accessibility and
best-practices scores and the bytes transferred, the worst page of each
category, then whether the targets are met: on mobile, performance at least
95, accessibility and best practices 100; on desktop, performance at least
99; the heaviest page at most 400 KB. A report, not a test.

    python benchmarks/bench_lighthouse.py               # mobile, Lighthouse's default
    python benchmarks/bench_lighthouse.py --preset desktop
    python benchmarks/bench_lighthouse.py --all         # every page of the site
    python benchmarks/bench_lighthouse.py --page reference/ --runs 1
    python benchmarks/bench_lighthouse.py --site site/  # an existing build

Lighthouse is installed on first use with
``npm install --prefix .cache/npm/lighthouse lighthouse@12.2.3``.
Chromium is $CHROME_PATH, else the first of chromium, chromium-browser and
google-chrome on PATH (Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_site import SiteServer, chromium, html_pages  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_PREFIX = ROOT / ".cache" / "npm" / "lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"

PAGES = {
    "home": "",
    "chapter": "chapters/why/",
    "catalogue": "chapters/catalogue/",
    "notebook": "notebooks/depth/",
}
CATEGORIES = ("performance", "accessibility", "best-practices")
#: The lowest score each category may have, per preset.
MIN_SCORES = {
    "mobile": {"performance": 95, "accessibility": 100, "best-practices": 100},
    "desktop": {"performance": 99, "accessibility": 100, "best-practices": 100},
}
MAX_BYTES = 400_000


def install_lighthouse() -> Path:
    """Lighthouse's CLI script, installed from npm into .cache on first use."""
    if not LIGHTHOUSE_BIN.is_file():
        LIGHTHOUSE_PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(LIGHTHOUSE_PREFIX),
                "--no-audit",
                "--no-fund",
                "--save-exact",
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    return LIGHTHOUSE_BIN


def build_site(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return out


def audit(lighthouse: Path, browser: str, url: str, preset: str) -> dict:
    """Run Lighthouse on ``url``; return its JSON report."""
    command = [
        "node",
        str(lighthouse),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
        "--disable-background-networking",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(
        command,
        env={**os.environ, "CHROME_PATH": browser},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr}")
    return json.loads(result.stdout)


def summarise(report: dict) -> dict:
    scores = {
        name: round(100 * (report["categories"][name]["score"] or 0))
        for name in CATEGORIES
    }
    audits = report["audits"]
    below = {
        name: [
            f"{audits[ref['id']]['title']} ({audits[ref['id']]['score']})"
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] > 0
            and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 0.9
        ]
        for name in CATEGORIES
    }
    return {
        "scores": scores,
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "failing": {name: items for name, items in below.items() if items},
        "metrics": {
            key: audits[key]["displayValue"]
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "cumulative-layout-shift",
            )
        },
    }


def median_summary(summaries: list[dict]) -> dict:
    """One page's runs as one: the median of each score and of the bytes."""
    result = dict(summaries[len(summaries) // 2])  # metrics, failing: a middle run
    result["scores"] = {
        name: round(statistics.median(s["scores"][name] for s in summaries))
        for name in CATEGORIES
    }
    result["bytes"] = round(statistics.median(s["bytes"] for s in summaries))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site")
    parser.add_argument(
        "--preset",
        choices=("mobile", "desktop"),
        default="mobile",
        help="Lighthouse's form factor and throttling (default: mobile)",
    )
    pages = parser.add_mutually_exclusive_group()
    pages.add_argument("--all", action="store_true", help="audit every page")
    pages.add_argument(
        "--page",
        action="append",
        metavar="PATH",
        help="audit this page, a path such as chapters/why/ (repeatable)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="audits per page, median kept (default 3)"
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")

    browser = os.environ.get("CHROME_PATH") or chromium()
    if not browser:
        raise SystemExit("no Chromium: apt-get install -y chromium, or set CHROME_PATH")
    lighthouse = install_lighthouse()

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        if args.all:
            chosen = {path or "(home)": path for path in html_pages(site)}
        elif args.page:
            chosen = {path: path for path in args.page}
        else:
            chosen = PAGES
        with SiteServer(site) as server:
            results = {}
            for name, page in chosen.items():
                url = server.url(page)
                print(f"auditing {name}: {url} x{args.runs}", file=sys.stderr)
                runs = [
                    summarise(audit(lighthouse, browser, url, args.preset))
                    for _ in range(args.runs)
                ]
                results[name] = median_summary(runs)

    width = max(10, *(len(name) for name in results))
    print(
        f"Lighthouse {LIGHTHOUSE_VERSION}, {args.preset}, median of {args.runs} "
        "run(s) per page, served under a sub-path"
    )
    header = (
        f"{'page':<{width}} {'perf':>5} {'a11y':>5} {'best':>5} {'transfer KB':>12}"
    )
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        s = result["scores"]
        print(
            f"{name:<{width}} {s['performance']:>5} {s['accessibility']:>5} "
            f"{s['best-practices']:>5} {result['bytes'] / 1000:>12.1f}"
        )
    print()
    for name, result in results.items():
        metrics = ", ".join(f"{k} {v}" for k, v in result["metrics"].items())
        print(f"{name}: {metrics}")
        for category, items in result["failing"].items():
            print(f"  {category} below 0.9: {'; '.join(items)}")

    print()
    for category in CATEGORIES:
        worst = min(results.items(), key=lambda item: item[1]["scores"][category])
        print(f"worst {category}: {worst[0]}, {worst[1]['scores'][category]}")
    minimum = MIN_SCORES[args.preset]
    low = [
        f"{name} {category} {score}"
        for name, result in results.items()
        for category, score in result["scores"].items()
        if score < minimum[category]
    ]
    heaviest = max(results.items(), key=lambda item: item[1]["bytes"])
    print(
        f"heaviest page: {heaviest[0]}, {heaviest[1]['bytes'] / 1000:.1f} KB "
        f"(target at most {MAX_BYTES / 1000:.0f} KB): "
        + ("met" if heaviest[1]["bytes"] <= MAX_BYTES else "MISSED")
    )
    targets = ", ".join(f"{c} at least {v}" for c, v in minimum.items())
    print(
        f"scores ({targets}): " + ("met" if not low else "MISSED by " + ", ".join(low))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

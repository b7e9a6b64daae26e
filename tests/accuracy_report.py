"""Print the worst error, in ULP, of every activation and derivative.

Run from the repository root (it takes about half a minute)::

    python -m tests.accuracy_report             # every function
    python -m tests.accuracy_report gelu mish   # only these

It measures what ``tests/test_accuracy.py`` tests, and prints a Markdown
table: the worst error in ULP of the exact value and the input where it
occurs, then the worst error beyond the allowance $|x f'(x)|\\,\\varepsilon$
for rounding the input (the test requires at most 4 ULP).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def _load_accuracy_tools():
    """Import ``accuracy_tools`` as pytest does, with ``tests/`` on the path."""
    here = Path(__file__).resolve().parent
    for path in (str(here.parent), str(here)):
        if path not in sys.path:
            sys.path.insert(0, path)
    import accuracy_tools

    return accuracy_tools


def main(argv=None):
    """Print the worst-ULP table; return 1 if any point breaks the 4 ULP rule."""
    tools = _load_accuracy_tools()
    names = tuple(argv if argv is not None else sys.argv[1:]) or tools.NAMES
    unknown = sorted(set(names) - set(tools.NAMES))
    if unknown:
        print(f"unknown function(s) {unknown}; choose from {tools.NAMES}")
        return 2
    start = time.perf_counter()
    rows = tools.worst_ulp_table(names)
    print(tools.format_table(rows))
    print(f"\n{len(rows)} rows in {time.perf_counter() - start:.0f} s")
    return 1 if any(row.failures for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())

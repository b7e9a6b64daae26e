"""Run the code the pages show, as a reader would, and say what it printed.

Every code block on a page is included from a file under ``docs_src/``
(``--8<-- "docs_src/why/xor_relu.py"``); ``tests/test_docs_src.py`` runs
them all.  Two kinds of file:

``NAME.py``
    A script.  It runs in a fresh namespace; what it prints and the warnings
    it emits (one line each, ``RuntimeWarning: overflow encountered in
    exp``), in the order they happen, must equal ``NAME.out`` when that file
    exists (the page shows it under the code, or a quiz states it).
    Without ``NAME.out`` the script must run without a warning.
``NAME.pycon``
    An interactive session (``>>>`` prompts).  Each statement runs in turn,
    and what the page shows after it (its value, what it prints, and
    warnings as the interpreter prints them, ``<stdin>:1: RuntimeWarning:
    ...``) must be what it gives.

Outputs are compared as doctest compares them with ``NORMALIZE_WHITESPACE``
and ``NUMBER`` (a float written with fewer digits matches to the digits
written), the options the project's doctests use.

Run ``python tests/docs_src_runner.py --write`` to write every ``NAME.out``
from what the scripts print now; read the diff before committing it, as it
is what the pages will say.
"""

from __future__ import annotations

import argparse
import contextlib
import doctest
import io
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_SRC = ROOT / "docs_src"
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
_CHECKER = doctest.OutputChecker()


def same_output(want: str, got: str) -> bool:
    """True when ``got`` matches ``want`` under the project's doctest options."""
    return _CHECKER.check_output(want, got, FLAGS)


class _Output(io.StringIO):
    """What a run printed, with its warnings interleaved, and how many warnings."""

    warnings = 0


@contextlib.contextmanager
def _capture(prefix: str, seen: set):
    """Collect stdout and warnings, interleaved, into one buffer.

    As Python's default warning filter does, a warning is shown once per
    place in the code (``seen`` holds the places already shown).
    """
    buffer = _Output()

    def show(message, category, filename, lineno, file=None, line=None):
        key = (str(message), category, filename, lineno)
        if key in seen:
            return
        seen.add(key)
        buffer.warnings += 1
        buffer.write(f"{prefix}{category.__name__}: {message}\n")

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        with contextlib.redirect_stdout(buffer):
            yield buffer


def run_script(path: Path) -> tuple[str, int]:
    """Run the script at ``path``: its output and warnings, interleaved, and
    the number of warnings."""
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    namespace = {"__name__": "__main__", "__file__": str(path)}
    with _capture("", set()) as buffer:
        exec(code, namespace)
    return buffer.getvalue(), buffer.warnings


def check_script(path: Path) -> list[str]:
    """Run the script at ``path``; return what differs from ``NAME.out``.

    Without ``NAME.out``, a warning is what differs.
    """
    got, count = run_script(path)
    name = path.relative_to(ROOT)
    expected = path.with_suffix(".out")
    if expected.exists():
        want = expected.read_text(encoding="utf-8")
        if not same_output(want, got):
            return [f"{name} prints\n{got}but {expected.name} says\n{want}"]
    elif count:
        return [f"{name} emits {count} warning(s) and has no {expected.name}:\n{got}"]
    return []


def session_examples(path: Path) -> list[doctest.Example]:
    """The statements of the session at ``path`` and what the page shows."""
    text = path.read_text(encoding="utf-8")
    return doctest.DocTestParser().get_examples(text, str(path))


def run_session(path: Path) -> list[str]:
    """Run the session at ``path``; return one message per statement that differs."""
    namespace: dict = {"__name__": "__main__"}
    failures = []
    seen: set = set()  # the interpreter's: every statement is <stdin>, line 1
    for example in session_examples(path):
        with _capture("<stdin>:1: ", seen) as buffer:
            code = compile(example.source, "<stdin>", "single")
            previous, sys.displayhook = sys.displayhook, _display(buffer)
            try:
                exec(code, namespace)
            finally:
                sys.displayhook = previous
        got = buffer.getvalue()
        if not same_output(example.want, got):
            failures.append(
                f"{path.relative_to(ROOT)}, line {example.lineno + 1}:\n"
                f">>> {example.source.rstrip()}\n"
                f"the page shows:\n{example.want}it gives:\n{got}"
            )
    return failures


def _display(buffer: io.StringIO):
    def display(value):
        if value is not None:
            buffer.write(repr(value) + "\n")

    return display


def scripts() -> list[Path]:
    """Every script under ``docs_src/``, sorted."""
    return sorted(DOCS_SRC.rglob("*.py"))


def sessions() -> list[Path]:
    """Every interactive session under ``docs_src/``, sorted."""
    return sorted(DOCS_SRC.rglob("*.pycon"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--write",
        action="store_true",
        help="write NAME.out for every script that has one, from what it prints now",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1, saying why, unless every script and session is as its page says",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files (default: all)")
    args = parser.parse_args(argv)
    failures = []
    for path in [p.resolve() for p in args.paths] or scripts() + sessions():
        if path.suffix == ".pycon":
            failures += run_session(path)
        elif args.check:
            failures += check_script(path)
        elif args.write and path.with_suffix(".out").exists():
            path.with_suffix(".out").write_text(run_script(path)[0], encoding="utf-8")
            print(f"wrote {path.with_suffix('.out').relative_to(ROOT)}")
        else:
            print(f"== {path.relative_to(ROOT)}\n{run_script(path)[0]}", end="")
    print("\n\n".join(failures), end="\n" if failures else "")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""The depth widget's data and static version (contract: hooks/_widgets.py)."""

from __future__ import annotations

import posixpath


def data(options: dict[str, str]) -> dict:
    return {}


def fallback(options: dict[str, str], page_dir: str) -> str:
    figure = posixpath.relpath("figures/relu.svg", page_dir or ".")
    return f"![The ReLU and its derivative]({figure})"

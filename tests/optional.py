"""Tools some tests need but a learner's machine may lack.

A test that lacks one skips, with a message that says how to install it,
except under CI (``CI=true``), where nothing may skip: there it fails.
"""

from __future__ import annotations

import importlib
import os

import pytest


def under_ci() -> bool:
    """True when the tests run in CI, where every test must run."""
    return os.environ.get("CI", "").lower() == "true"


def require(ok: object, reason: str) -> None:
    """Skip the caller unless ``ok``; under CI a missing tool fails it instead.

    Works in a test, a fixture or at a module's top level.
    """
    if ok:
        return
    if under_ci():
        pytest.fail(f"CI=true, and {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def import_optional(name: str, install: str):
    """Import the module ``name``, or skip (fail under CI) saying ``install``."""
    try:
        return importlib.import_module(name)
    except ImportError:
        module = None
    require(module, f"{name} is missing: {install}")


TORCH_INSTALL = "pip install torch==2.13.0 (not a dependency of the course)"

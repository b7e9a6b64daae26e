"""Fixtures shared by the tests, and the markers that follow from them.

A test that takes the ``site`` fixture is marked ``site``, one that takes
``browser`` is marked ``browser`` (and ``site``), so that
``pytest -m "not site and not browser and not slow and not torch"`` leaves
them out (see README.md, "For contributors"); ``slow``, ``torch`` and
``frameworks`` are written on the tests themselves. The markers are
declared in pyproject.toml.
"""

from pathlib import Path

import pytest
from browser_site import built_site
from hypothesis import settings
from optional import TORCH_INSTALL, import_optional

# The fast loop's profile (README.md): a fifth of the examples of each
# property; `pytest` and CI keep the default.
settings.register_profile("fast", max_examples=20)

#: Markers given to every test that takes the fixture of the same name.
FIXTURE_MARKERS = ("site", "browser")


@pytest.fixture(scope="session")
def torch():
    """PyTorch, for the cross-checks; see ``optional.require``."""
    return import_optional("torch", TORCH_INSTALL)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per run with ``mkdocs build --strict``.

    Every test that reads the built pages shares this build, even under
    pytest-xdist (``browser_site.built_site``).
    """
    return built_site(tmp_path_factory)


def pytest_configure(config):
    # With -n, pytest-xdist hands the tests out in fixed batches ("load"):
    # the browser tests then piled up on one worker at the end. Work
    # stealing balances them. Set here rather than in pyproject.toml's
    # addopts, which every pytest reads: one without pytest-xdist (a
    # learner's `pytest exercises`, the `course` command) would reject it.
    if getattr(config.option, "dist", "no") == "load":
        config.option.dist = "worksteal"


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        for name in FIXTURE_MARKERS:
            if name in getattr(item, "fixturenames", ()):
                item.add_marker(name)

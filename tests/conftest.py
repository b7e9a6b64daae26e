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
from browser_site import CHROMIUM_ARGS, CHROMIUM_INSTALL, built_site, chromium
from hypothesis import settings
from optional import TORCH_INSTALL, import_optional, require

try:
    from playwright.sync_api import sync_playwright
except ModuleNotFoundError:  # pragma: no cover - the test extra installs it
    sync_playwright = None

# The fast loop's profile (README.md): a tenth of the examples of each
# property; `pytest` and CI keep the default.
settings.register_profile("fast", max_examples=10)

#: Markers given to every test that takes the fixture of the same name.
FIXTURE_MARKERS = ("site", "browser")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per process, for every module's browser tests.

    Defined here, not in a test module: Playwright's synchronous API cannot
    be started twice in one process, so two modules that each defined it
    could not run on the same pytest-xdist worker.
    """
    require(
        sync_playwright is not None,
        'the playwright package is missing: pip install -e ".[test]"',
    )
    executable = chromium()
    require(executable, f"no Chromium found: {CHROMIUM_INSTALL}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


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

"""Fixtures shared by the tests."""

import pytest
from optional import TORCH_INSTALL, import_optional


@pytest.fixture(scope="session")
def torch():
    """PyTorch, for the cross-checks; see ``optional.require``."""
    return import_optional("torch", TORCH_INSTALL)

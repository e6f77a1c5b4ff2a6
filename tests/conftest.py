"""Shared fixtures."""

import pytest

from chipcontrols.data import load_chips


@pytest.fixture(scope="session")
def chips():
    """The validated chips table from data/chips.csv."""
    return load_chips()

"""Fixtures every tier shares: the chips table, and views rendered for one stage or the other.

The browser fixtures live in ``tests/site/conftest.py``, so the model tier imports no Playwright
and runs in the Binder environment.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

# Each test session derives every sympy form and validates every table afresh (the model's
# self-checks run), in a cache of its own: a developer's cache never decides a test.
os.environ.setdefault("H200_CACHE_DIR", tempfile.mkdtemp(prefix="h200-test-cache-"))

from chipcontrols.core.data import load_chips
from widgets.core.display import BUILD_ENV


@pytest.fixture(scope="session")
def chips():
    """The validated chips table from data/chips.csv."""
    return load_chips()


@pytest.fixture(scope="session")
def bib_keys() -> set[str]:
    """Every entry key of references.bib, the key a data row or a record figure cites."""
    bib = Path(__file__).resolve().parents[1] / "references.bib"
    return set(re.findall(r"^@\w+\{([^,]+),", bib.read_text(encoding="utf-8"), flags=re.M))


@pytest.fixture
def static_site(monkeypatch):
    """Views render as the website build renders them (static HTML, browser-computed charts)."""
    monkeypatch.setenv(BUILD_ENV, "html")


@pytest.fixture
def live_kernel(monkeypatch):
    """Views render as in a live kernel (ipywidgets)."""
    monkeypatch.delenv(BUILD_ENV, raising=False)

"""The built site served to headless Chromium: the tier that needs ``_build/html`` and Chromium."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from page_metrics import SITE, launched_chromium, site_pages  # noqa: E402


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    site_pages()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(SITE))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with launched_chromium() as chromium:
        yield chromium


from site_helpers import PageVisit  # noqa: E402


@pytest.fixture
def visit(browser, site_url):
    opened = []

    def open_page(path):
        opened.append(PageVisit(browser, site_url, path))
        return opened[-1]

    yield open_page
    for page_visit in opened:
        page_visit.page.close()

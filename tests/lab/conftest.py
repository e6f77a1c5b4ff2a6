"""JupyterLab as Binder builds it, started from the Binder environment, and Chromium to drive it.

``make binder-check`` builds the environment as repo2docker does (a fresh venv from
``binder/requirements.txt``, then ``binder/postBuild``, which writes ``chapters/<name>.ipynb``)
and then runs this folder with the root environment's pytest and Playwright; the JupyterLab
server and its kernels run in the Binder venv (``BINDER_VENV``, by default
``_build/binder-venv``).  Each session starts its own server with its own settings, workspace
and configuration folders, so nothing a developer set in ``~/.jupyter`` decides a test.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from notebooks import chapter_paths  # noqa: E402
from page_metrics import launched_chromium  # noqa: E402

BINDER_VENV = Path(os.environ.get("BINDER_VENV", ROOT / "_build" / "binder-venv"))
#: Seconds JupyterLab may take to answer after it starts.
SERVER_START_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def jupyterlab():
    """The URL and token of a JupyterLab server run from the Binder environment at the root."""
    lab = BINDER_VENV / "bin" / "jupyter-lab"
    if not lab.exists():
        pytest.fail(f"{lab} is missing: run `make binder-check`, which builds the Binder venv")
    missing = [p.name for p in chapter_paths() if not p.with_suffix(".ipynb").exists()]
    if missing:
        pytest.fail(f"no notebook for {missing}: binder/postBuild writes them (make binder-check)")
    state = Path(tempfile.mkdtemp(prefix="h200-lab-"))
    token, port = secrets.token_hex(16), _free_port()
    environment = {**os.environ, "JUPYTER_CONFIG_DIR": str(state / "config")}
    environment.pop("H200_BOOK_BUILD", None)  # a student's kernel, not the book's build
    command = [
        str(lab),
        "--no-browser",
        f"--port={port}",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.workspaces_dir={state / 'workspaces'}",
        f"--LabApp.user_settings_dir={state / 'settings'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root; Binder does not
    log = (state / "server.log").open("w")
    server = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"JupyterLab did not start; see {state / 'server.log'}")
            time.sleep(0.5)
    yield base, token
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def browser():
    with launched_chromium() as chromium:
        yield chromium

"""The book's build settings turn a cell exception or a Sphinx warning into a failed build.

Builds two one-page books with the repository's own `execute:` and `parse:` settings: one
whose cell raises, one with a dangling reference (a warning), and a control that succeeds.
"""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
JUPYTER_BOOK = str(Path(sys.executable).parent / "jupyter-book")
NOTEBOOK_HEADER = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
# Page
"""


def _build(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    repo_config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config = {"title": "check", "execute": repo_config["execute"], "parse": repo_config["parse"]}
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: page\n")
    (tmp_path / "page.md").write_text(NOTEBOOK_HEADER + body)
    # the same flags as `make book`
    return subprocess.run(
        [JUPYTER_BOOK, "build", "--warningiserror", "--keep-going", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(
    ("body", "fails", "evidence"),
    [
        ("```{code-cell} ipython3\nprint(1 + 1)\n```\n", False, ""),
        (
            "```{code-cell} ipython3\nraise ValueError('boom in a cell')\n```\n",
            True,
            "boom in a cell",
        ),
        ("See [a missing page](missing.md).\n", True, "missing"),
    ],
    ids=["control", "cell exception", "sphinx warning"],
)
def test_build_outcome(tmp_path, body, fails, evidence):
    result = _build(tmp_path, body)
    output = result.stdout + result.stderr
    assert (result.returncode != 0) == fails, output[-3000:]
    assert evidence in output

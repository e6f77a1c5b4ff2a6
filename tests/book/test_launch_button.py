"""The Binder launch button comes from the repository URL (``_config.yml``, else GitHub Actions).

The book is built into a temporary folder with a sample repository URL (notebooks not
executed, to keep it quick); every chapter page must then carry a Binder link that opens that
chapter's notebook (``chapters/<name>.ipynb``, which Binder's ``postBuild`` writes) in
JupyterLab, and the reader edition, built with the real configuration (no URL), must carry none
unless it was built on GitHub Actions (``tests/book/test_launch.py`` tests the handlers).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from booksite.launch import repository_url

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import notebooks  # noqa: E402
import student_edition  # noqa: E402

SAMPLE_URL = "https://github.com/example-org/h200-decision"
BINDER_LINK = re.compile(r'href="(https://mybinder\.org/v2/gh/[^"]+)"')


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("book")
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [f"{page}.md" for page in student_edition.toc_pages(toc)]
    for name in (*student_edition.BOOK_FILES, *pages):
        student_edition.copy_into(ROOT, book, name)
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["repository"]["url"] = SAMPLE_URL
    config["execute"]["execute_notebooks"] = "off"
    (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run(
        [str(jupyter_book), "build", "--quiet", str(book)], check=True, capture_output=True
    )
    return book / "_build" / "html"


def test_every_chapter_page_links_to_binder_at_its_own_source(sample_build):
    branch = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["branch"]
    for chapter in notebooks.chapter_paths():
        relative = chapter.relative_to(ROOT).with_suffix("")
        page = (sample_build / relative).with_suffix(".html").read_text(encoding="utf-8")
        links = set(BINDER_LINK.findall(page))
        assert links == {
            f"https://mybinder.org/v2/gh/example-org/h200-decision/{branch}"
            f"?urlpath=lab/tree/{relative.as_posix()}.ipynb"
        }, chapter.name


def test_binder_builds_from_the_binder_folder():
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    pins = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    names = {
        line.split("==")[0].lower().replace("_", "-") for line in pins.splitlines() if "==" in line
    }
    assert {"jupytext", "jupyterlab-myst", "jupyterlab", "ipywidgets", "altair"} <= names
    assert not names & {"jupyter-book", "playwright", "pytest", "otter-grader"}
    assert "-e ." in pins.splitlines()
    assert "-r binder/requirements.txt" in (ROOT / "requirements.txt").read_text().splitlines()


def test_no_button_without_a_repository_url():
    # The built reader edition uses the real configuration, whose URL is empty: no button,
    # unless the build ran on GitHub Actions (as this test does), which gives the URL.
    if not (ROOT / "_build" / "html" / "chapters").is_dir():
        pytest.skip("needs the reader edition: run `make book` first")
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["repository"]["url"] == ""
    page = (ROOT / "_build" / "html" / "chapters" / "01-decision.html").read_text()
    if repository_url(os.environ) is None:
        assert not BINDER_LINK.search(page)
    else:
        assert set(BINDER_LINK.findall(page)) == {
            f"https://mybinder.org/v2/gh/{os.environ['GITHUB_REPOSITORY']}"
            f"/{config['repository']['branch']}"
            "?urlpath=lab/tree/chapters/01-decision.ipynb"
        }

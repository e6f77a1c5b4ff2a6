"""The Binder buttons switch on from the repository URL, and a chapter's opens its notebook.

Unit tests of :mod:`booksite.launch`, no build: the handlers run as :func:`booksite.setup`
registers them, on the theme options Jupyter Book makes from the real ``_config.yml``
(``jupyter_book.config.yaml_to_sphinx``) and on header buttons made by the theme's own
``add_launch_buttons``.  ``test_launch_button.py`` checks the built pages.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from jupyter_book.config import yaml_to_sphinx
from sphinx_book_theme.header_buttons import update_context_with_repository_info
from sphinx_book_theme.header_buttons.launch import add_launch_buttons

import booksite
from booksite import launch
from widgets.core.display import BUILD_ENV

ROOT = Path(__file__).resolve().parents[2]
GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example/h200-decision"}
BINDER = "https://mybinder.org/v2/gh/example/h200-decision/main"


class _Config(SimpleNamespace):
    """Sphinx's config answers both ``config.name`` and ``config["name"]``."""

    def __getitem__(self, name):
        return getattr(self, name)


class _RecordingApp:
    """Records what :func:`booksite.setup` connects; every other call does nothing."""

    def __init__(self):
        self.listeners = []

    def connect(self, event, callback, priority=500):
        self.listeners.append((event, priority, len(self.listeners), callback))

    def __getattr__(self, name):
        return lambda *args, **kwargs: None

    def handlers(self, event):
        """booksite's handlers of ``event`` from :mod:`booksite.launch`, in the order Sphinx
        calls them (by priority, then in the order they were connected)."""
        return [
            callback
            for name, _, _, callback in sorted(self.listeners, key=lambda item: item[1:3])
            if name == event and callback.__module__ == launch.__name__
        ]


@pytest.fixture(scope="module")
def registered():
    """What :func:`booksite.setup` connects (its setting of the build's environment undone)."""
    app = _RecordingApp()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(BUILD_ENV, "")  # setup() sets it; the context restores it after
        booksite.setup(app)
    return app


def _theme_options() -> dict:
    """The theme options Jupyter Book makes from the repository's ``_config.yml``."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    sphinx_config = yaml_to_sphinx(config)[0]
    return copy.deepcopy(sphinx_config["html_theme_options"])


def _configure(registered, monkeypatch, environ, **repository) -> _Config:
    """Run booksite's config-inited launch handlers as Sphinx would, in ``environ``."""
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    options = _theme_options()
    options.update(repository)
    config = _Config(html_theme_options=options, html_context={})
    app = SimpleNamespace(config=config, builder=None)
    handlers = registered.handlers("config-inited")
    assert handlers, "booksite registers no config-inited launch handler"
    for handler in handlers:
        handler(app, config)
    return config


def test_the_checked_in_configuration_leaves_the_url_to_the_environment():
    options = _theme_options()
    assert options["repository_url"] == ""
    assert options["repository_branch"] == "main"
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


def test_github_actions_environment_gives_the_repository_url(registered, monkeypatch):
    options = _configure(registered, monkeypatch, GITHUB).html_theme_options
    assert options["repository_url"] == "https://github.com/example/h200-decision"
    assert options["repository_branch"] == "main"
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


def test_a_local_build_has_no_url_and_no_binder(registered, monkeypatch):
    options = _configure(registered, monkeypatch, {}).html_theme_options
    assert options["repository_url"] == ""
    assert options["launch_buttons"]["binderhub_url"] == ""


@pytest.mark.parametrize("name", ["GITHUB_SERVER_URL", "GITHUB_REPOSITORY"])
def test_half_the_environment_is_no_url(registered, monkeypatch, name):
    options = _configure(registered, monkeypatch, {name: GITHUB[name]}).html_theme_options
    assert options["repository_url"] == ""
    assert options["launch_buttons"]["binderhub_url"] == ""


def test_a_url_in_the_configuration_wins_over_the_environment(registered, monkeypatch):
    url = "https://github.com/someone-else/h200-fork"
    options = _configure(registered, monkeypatch, GITHUB, repository_url=url).html_theme_options
    assert options["repository_url"] == url
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


def _theme_header_buttons(tmp_path, config, pagename) -> dict:
    """A page's context after the theme's own launch-button handler ran on it."""
    source = tmp_path / "book" / f"{pagename}.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("# A page\n", encoding="utf-8")
    outdir = tmp_path / "book" / "_build" / "html"
    executed = tmp_path / "book" / "_build" / "jupyter_execute" / f"{pagename}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    executed.write_text(json.dumps({"cells": []}), encoding="utf-8")
    app = SimpleNamespace(
        config=config,
        builder=None,
        outdir=str(outdir),
        env=SimpleNamespace(
            doc2path=lambda name: str(tmp_path / "book" / f"{name}.md"),
            metadata={pagename: {"kernelspec": {"name": "python3"}}},
        ),
    )
    update_context_with_repository_info(app)  # builder-inited: the repository in html_context
    context = {
        **config.html_context,
        "pagename": pagename,
        "sourcename": f"{pagename}.md",
        "page_source_suffix": ".md",
        "header_buttons": [],
    }
    add_launch_buttons(app, pagename, "page.html", context, None)
    return app, context


def _binder_links(context) -> list[str]:
    return [
        button["url"]
        for group in context["header_buttons"]
        if group.get("label") == "launch-buttons"
        for button in group["buttons"]
        if button.get("text") == "Binder"
    ]


def _open_page(registered, app, pagename, context) -> None:
    handlers = registered.handlers("html-page-context")
    assert handlers, "booksite registers no html-page-context launch handler"
    for handler in handlers:
        handler(app, pagename, "page.html", context, None)


def test_the_theme_alone_links_to_the_markdown_source(registered, monkeypatch, tmp_path):
    # What booksite corrects: the chapter's .ipynb does not exist at build time.
    config = _configure(registered, monkeypatch, GITHUB)
    _, context = _theme_header_buttons(tmp_path, config, "chapters/01-decision")
    assert _binder_links(context) == [f"{BINDER}?urlpath=lab/tree/chapters/01-decision.md"]


@pytest.mark.parametrize("chapter", ["01-decision", "05-dual-dependence"])
def test_a_chapter_opens_its_notebook_on_binder(registered, monkeypatch, tmp_path, chapter):
    config = _configure(registered, monkeypatch, GITHUB)
    pagename = f"chapters/{chapter}"
    app, context = _theme_header_buttons(tmp_path, config, pagename)
    _open_page(registered, app, pagename, context)
    assert _binder_links(context) == [f"{BINDER}?urlpath=lab/tree/chapters/{chapter}.ipynb"]


def test_every_chapter_in_the_book_is_a_page_the_handler_rewrites():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    chapters = sorted(path.stem for path in (ROOT / "chapters").glob("*.md"))
    assert chapters
    for chapter in chapters:
        assert f"file: chapters/{chapter}" in toc
        link = f"{BINDER}?urlpath=lab/tree/chapters/{chapter}.md"
        assert launch.notebook_url(link, f"chapters/{chapter}").endswith(f"/{chapter}.ipynb")


@pytest.mark.parametrize("pagename", ["intro", "appendix/glossary", "appendix/instructor-guide"])
def test_other_pages_have_no_binder_button(registered, monkeypatch, tmp_path, pagename):
    # Binder writes notebooks for the chapters only; the guide needs the solutions it lacks.
    config = _configure(registered, monkeypatch, GITHUB)
    app, context = _theme_header_buttons(tmp_path, config, pagename)
    assert _binder_links(context) == [f"{BINDER}?urlpath=lab/tree/{pagename}.md"]
    _open_page(registered, app, pagename, context)
    assert _binder_links(context) == []
    assert [g for g in context["header_buttons"] if g.get("label") == "launch-buttons"] == []


def _hand_made_context(pagename, binder_url):
    """The shape the theme gives ``header_buttons``: a download group, then the launch group."""
    return {
        "pagename": pagename,
        "page_source_suffix": ".md",
        "header_buttons": [
            {"type": "group", "label": "download-buttons", "buttons": [{"url": "x.md"}]},
            {
                "type": "group",
                "tooltip": "Launch interactive content",
                "icon": "fas fa-rocket",
                "label": "launch-buttons",
                "buttons": [
                    {
                        "type": "link",
                        "text": "Binder",
                        "tooltip": "Launch on Binder",
                        "icon": "_static/images/logo_binder.svg",
                        "url": binder_url,
                    },
                    {
                        "type": "link",
                        "text": "JupyterHub",
                        "url": "https://hub.example.org/hub/user-redirect/git-pull?urlpath="
                        "lab/tree/h200-decision/chapters/01-decision.md",
                    },
                ],
            },
        ],
    }


def test_only_the_binder_entry_changes(registered):
    config = _Config(
        html_theme_options={"launch_buttons": {"binderhub_url": "https://mybinder.org/"}}
    )
    app = SimpleNamespace(config=config)
    before = _hand_made_context(
        "chapters/01-decision", f"{BINDER}?urlpath=lab/tree/chapters/01-decision.md"
    )
    context = copy.deepcopy(before)
    _open_page(registered, app, "chapters/01-decision", context)
    binder, hub = context["header_buttons"][1]["buttons"]
    assert binder["url"] == f"{BINDER}?urlpath=lab/tree/chapters/01-decision.ipynb"
    assert hub == before["header_buttons"][1]["buttons"][1]
    assert context["header_buttons"][0] == before["header_buttons"][0]


def test_no_launch_buttons_no_change(registered):
    config = _Config(html_theme_options={"launch_buttons": {"binderhub_url": ""}})
    app = SimpleNamespace(config=config)
    context = _hand_made_context("chapters/01-decision", "https://elsewhere.example/x.md")
    before = copy.deepcopy(context)
    _open_page(registered, app, "chapters/01-decision", context)
    assert context == before
    _open_page(registered, app, "chapters/01-decision", {"page_source_suffix": ".md"})


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{BINDER}?urlpath=lab/tree/chapters/01-decision.md", ".ipynb"),
        (f"{BINDER}?urlpath=tree/chapters/01-decision.md", ".ipynb"),  # classic interface
        (f"{BINDER}?urlpath=lab/tree/chapters/02-strategic-shift.md", ".md"),  # another page
        (f"{BINDER}?urlpath=lab/tree/other/chapters/01-decision.mdx", ".mdx"),
        (f"{BINDER}?filepath=chapters/01-decision.md", ".md"),  # not a urlpath
    ],
)
def test_notebook_url(url, expected):
    rewritten = launch.notebook_url(url, "chapters/01-decision")
    assert rewritten.endswith(expected)
    assert rewritten.removesuffix(expected) == url.rsplit(".", 1)[0]

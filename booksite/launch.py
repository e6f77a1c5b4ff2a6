"""The Binder launch buttons: on from the repository's URL, and opening each chapter's notebook.

Three hooks, registered by :mod:`booksite`:

* ``config-inited``: :func:`repository_url_from_environment` fills an empty ``repository: url``
  of ``_config.yml`` from GitHub Actions' environment (``GITHUB_SERVER_URL`` and
  ``GITHUB_REPOSITORY``), so the site the workflow publishes has launch buttons with no edit to
  the configuration, and a local build has none.
* ``config-inited``, after it: :func:`launch_only_with_repository` switches Binder off while the
  URL is still empty (the theme builds a link from it and fails on an empty one).
* ``html-page-context``, after the theme's :func:`add_launch_buttons
  <sphinx_book_theme.header_buttons.launch.add_launch_buttons>` (priority 501):
  :func:`open_chapter_notebooks` points a chapter's Binder link at ``chapters/<name>.ipynb``
  and takes it off every other page.
  The theme links to the ``.ipynb`` only if that file exists when the site is built; it does
  not (the chapters are MyST Markdown), but Binder's ``postBuild`` writes it next to each
  ``chapters/<name>.md``, so the notebook is what a student opens.

Examples
--------
>>> repository_url({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r"})
'https://github.com/o/r'
>>> repository_url({"GITHUB_REPOSITORY": "o/r"}) is None
True
>>> notebook_url("https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/chapters/01-decision.md",
...              "chapters/01-decision")
'https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/chapters/01-decision.ipynb'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

#: Priority of :func:`open_chapter_notebooks`: after the theme's ``add_launch_buttons`` (501).
AFTER_THEME_LAUNCH_BUTTONS = 600

#: Folder whose pages open as notebooks on Binder (``binder/postBuild`` writes the ``.ipynb``).
CHAPTERS = "chapters/"

#: The theme's label for its group of launch buttons (``header_buttons/launch.py``).
LAUNCH_GROUP = "launch-buttons"


def repository_url(environ: Mapping[str, str]) -> str | None:
    """The repository's web address on GitHub Actions, from its default environment variables.

    ``GITHUB_SERVER_URL`` is ``https://github.com`` (or a GitHub Enterprise host) and
    ``GITHUB_REPOSITORY`` is ``OWNER/REPO``; ``None`` unless both are set.
    """
    server = environ.get("GITHUB_SERVER_URL", "").strip().rstrip("/")
    repository = environ.get("GITHUB_REPOSITORY", "").strip().strip("/")
    if not server or not repository:
        return None
    return f"{server}/{repository}"


def repository_url_from_environment(app, config) -> None:
    """Take the repository's URL from GitHub Actions when ``_config.yml`` leaves it empty.

    Jupyter Book maps ``repository: url`` to ``html_theme_options["repository_url"]``, which
    the theme reads for its launch and repository buttons.  A URL written in ``_config.yml``
    wins; the branch stays the one ``_config.yml`` names.
    """
    options = config.html_theme_options
    if options.get("repository_url"):
        return
    url = repository_url(os.environ)
    if url:
        options["repository_url"] = url
        # The theme infers the provider from "github" in the host; on GitHub Actions it is
        # GitHub whatever the host (GitHub Enterprise) is called.
        options.setdefault("repository_provider", "github")


def launch_only_with_repository(app, config) -> None:
    """No launch buttons while the repository's URL is empty.

    The theme builds a Binder link from the repository URL and fails on an empty one; the
    book keeps Binder configured and lets the URL switch the buttons on.
    """
    options = config.html_theme_options
    if not options.get("repository_url"):
        options["launch_buttons"] = {**options.get("launch_buttons", {}), "binderhub_url": ""}


def notebook_url(url: str, pagename: str) -> str:
    """``url`` with its ``urlpath`` moved from the page's ``.md`` source to its ``.ipynb``.

    A URL that does not open ``<pagename>.md`` comes back unchanged.
    """
    parts = urlsplit(url)
    source = f"{pagename}.md"
    key, _, path = parts.query.partition("=")
    if key != "urlpath" or not (path == source or path.endswith(f"/{source}")):
        return url
    query = f"urlpath={path.removesuffix('.md')}.ipynb"
    return urlunsplit(parts._replace(query=query))


def open_chapter_notebooks(app, pagename, templatename, context, doctree) -> None:
    """Point a chapter page's Binder button at the chapter's notebook, ``chapters/<name>.ipynb``.

    Other pages lose their Binder button: Binder writes notebooks for the chapters only, and the
    instructor guide needs the worked solutions, which the Binder environment does not have.
    Other launch providers keep the theme's link.
    """
    binderhub = app.config.html_theme_options.get("launch_buttons", {}).get("binderhub_url", "")
    binderhub = binderhub.strip().rstrip("/")
    if not binderhub:
        return
    chapter = pagename.startswith(CHAPTERS) and context.get("page_source_suffix") == ".md"
    groups = context.get("header_buttons", [])
    for group in groups:
        if group.get("label") != LAUNCH_GROUP:
            continue
        buttons = group.get("buttons", [])
        for button in buttons:
            url = button.get("url", "")
            if chapter and url.startswith(f"{binderhub}/"):
                button["url"] = notebook_url(url, pagename)
        if not chapter:
            buttons[:] = [b for b in buttons if not b.get("url", "").startswith(f"{binderhub}/")]
    groups[:] = [g for g in groups if g.get("label") != LAUNCH_GROUP or g.get("buttons")]

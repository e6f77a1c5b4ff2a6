"""Sphinx extension that makes the book's pages work offline and load fast on a phone.

* Sets :data:`widgets.core.display.BUILD_ENV` so chapters executed during the build emit static HTML
  charts (see :mod:`widgets.core.display`).
* Removes sphinx-thebe's scripts, which name a CDN (the book does not use Thebe).
* Writes the Vega, Vega-Lite and vega-embed JavaScript, bundled by ``vl-convert``, into the
  site's ``_static/h200/`` folder with ``charts.js``, which pages with a chart load and which
  imports the bundle only when a chart nears the viewport.  No page loads anything from a CDN.
* Typesets formulas as MathML at build time (:mod:`booksite.mathml`): no MathJax.
* Prunes the theme's stylesheet to the rules the site can use and draws its icon glyphs as SVG
  masks, so no page downloads the icon font (:mod:`booksite.css`, :mod:`booksite.glyphs`).
* Makes the theme's pass that gives scrollable blocks a tab stop measure each block as it nears
  the screen, not the whole page at load (:mod:`booksite.scroll_focus`).
* Gives every page a meta description, draws the theme's icons as inline SVG instead of loading
  Font Awesome's script, and keeps the search index on the search page
  (:mod:`booksite.pages`, :mod:`booksite.icons`).
* Switches the Binder launch buttons on from the repository's URL, taken from GitHub Actions'
  environment when ``_config.yml`` leaves it empty, and points a chapter's button at its
  notebook (:mod:`booksite.launch`).
* Follows a citation whose every source is of low confidence or was read second-hand with a
  visible note saying so (:mod:`booksite.caveats`).
* Numbers each chapter's exercises within the chapter, "Exercise 3.2"
  (:mod:`booksite.exercise_numbers`).
"""

from __future__ import annotations

import os

from booksite import assets, caveats, css, exercise_numbers, launch, mathml, pages, theme
from widgets.core.stage import BUILD_ENV

__all__ = ["setup"]


def setup(app):
    """Register the extension; its handlers are listed in the order Sphinx fires their events.

    Charts executed during the build render as static HTML because :data:`BUILD_ENV` is set
    before any notebook runs.
    """
    os.environ[BUILD_ENV] = "html"
    mathml.register_renderer(app)
    app.add_css_file(assets.CSS_PATH)
    # config-inited: once, after _config.yml is read (the repository URL, then the launch check)
    app.connect("config-inited", launch.repository_url_from_environment)
    app.connect("config-inited", launch.launch_only_with_repository, priority=600)
    app.connect("config-inited", mathml.use_mathml)
    # doctree-read: per page, once its source is parsed (before citations are resolved)
    app.connect("doctree-read", caveats.mark_weak_citations)
    # env-get-updated: once, after Sphinx has numbered figures and exercises (priority 500)
    app.connect("env-get-updated", exercise_numbers.number_exercises_per_chapter, priority=900)
    # html-page-context: per page, as it is written
    app.connect("html-page-context", assets.link_charts_on_chart_pages)
    app.connect("html-page-context", pages.add_meta_description)
    app.connect("html-page-context", theme.set_default_colour_mode)
    app.connect(
        "html-page-context",
        launch.open_chapter_notebooks,
        priority=launch.AFTER_THEME_LAUNCH_BUTTONS,
    )
    app.connect("html-page-context", theme.remove_thebe_scripts, priority=900)
    # build-finished: once, after every page is written
    app.connect("build-finished", assets.write_assets)
    app.connect("build-finished", pages.rewrite_written_pages)
    app.connect("build-finished", css.prune_site_stylesheets, priority=600)  # after the pages
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

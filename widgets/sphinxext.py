"""Sphinx extension that makes the book's pages work offline and load fast on a phone.

* Sets :data:`widgets.display.BUILD_ENV` so chapters executed during the build emit static HTML
  charts (see :mod:`widgets.display`).
* Removes sphinx-thebe's scripts, which name a CDN (the book does not use Thebe).
* Writes the Vega, Vega-Lite and vega-embed JavaScript, bundled by ``vl-convert``, into the
  site's ``_static/h200/`` folder with ``charts.js``, which pages with a chart load and which
  imports the bundle only when a chart nears the viewport.  No page loads anything from a CDN.
* Typesets formulas as MathML at build time (:mod:`widgets.site_math`): no MathJax.
* Prunes the theme's stylesheet to the rules the site can use and draws its icon glyphs as SVG
  masks, so no page downloads the icon font (:mod:`widgets.site_css`, :mod:`widgets.site_glyphs`).
* Makes the theme's pass that gives scrollable blocks a tab stop measure each block as it nears
  the screen, not the whole page at load (:mod:`widgets.site_scroll_focus`).
* Gives every page a meta description, draws the theme's icons as inline SVG instead of loading
  Font Awesome's script, and keeps the search index on the search page
  (:mod:`widgets.site_pages`, :mod:`widgets.site_icons`).
"""

from __future__ import annotations

import os
from pathlib import Path

import vl_convert

from widgets import site_css, site_icons, site_math, site_pages, site_scroll_focus
from widgets.display import BUILD_ENV, vega_lite_version

#: Where the site serves its chart code and style, under ``_static/``.
BUNDLE_PATH = "h200/vega-bundle.js"
CHARTS_PATH = "h200/charts.js"
CSS_PATH = "h200/h200.css"

#: The chart script and the book's style, kept as files next to this module.
STATIC_SOURCES = Path(__file__).parent / "static"


def _write_assets(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    bundle = static / BUNDLE_PATH
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_text(vl_convert.javascript_bundle(vl_version=vega_lite_version()), encoding="utf-8")
    (static / CHARTS_PATH).write_text((STATIC_SOURCES / "charts.js").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    (static / CSS_PATH).write_text((STATIC_SOURCES / "h200.css").read_text(encoding="utf-8")
                                   + site_icons.ICON_CSS, encoding="utf-8")
    site_scroll_focus.rewrite_theme_script(static)


def _link_charts_on_chart_pages(app, pagename, templatename, context, doctree) -> None:
    """Chart pages load ``charts.js``, which imports the Vega bundle when a chart nears view.

    A module script is deferred and has its own scope, so it neither blocks the first paint nor
    collides with globals of Sphinx's scripts (doctools.js declares ``_``).
    """
    if 'class="h200-chart"' in context.get("body", ""):
        app.add_js_file(CHARTS_PATH, type="module")


def _remove_thebe_scripts(app, pagename, templatename, context, doctree) -> None:
    """Drop sphinx-thebe's scripts: the book does not use Thebe.

    Jupyter Book 1 always loads sphinx-thebe.  Its inline configuration names a CDN
    (``THEBE_JS_URL = "https://unpkg.com/..."``) that a click could fetch, and with Sphinx 7.4
    it is registered twice, so every page logged "Identifier 'THEBE_JS_URL' has already been
    declared".  Students run chapters live in Binder or with ``make lab`` instead.
    """
    context["script_files"] = [
        script for script in context.get("script_files", [])
        if "sphinx-thebe" not in str(getattr(script, "filename", "") or "")
        and "THEBE_JS_URL" not in getattr(script, "attributes", {}).get("body", "")
    ]


def _set_default_colour_mode(app, pagename, templatename, context, doctree) -> None:
    """Give the theme's colour-mode switch a valid start value.

    Without it the page's head script stores an empty mode, and pydata-sphinx-theme logs
    "Got invalid theme mode" as a console error on every first visit.
    """
    context["default_mode"] = "auto"


def _launch_only_with_repository(app, config) -> None:
    """No launch buttons until ``repository: url`` is set in ``_config.yml``.

    The theme builds a Binder link from the repository URL and fails on an empty one; the
    book keeps Binder configured and lets the URL, set once, switch the buttons on.
    """
    options = config.html_theme_options
    if not options.get("repository_url"):
        options["launch_buttons"] = {**options.get("launch_buttons", {}), "binderhub_url": ""}


def setup(app):
    os.environ[BUILD_ENV] = "html"
    app.connect("config-inited", _launch_only_with_repository)
    app.add_css_file(CSS_PATH)
    app.connect("html-page-context", _link_charts_on_chart_pages)
    app.connect("html-page-context", site_pages.add_meta_description)
    app.connect("html-page-context", _remove_thebe_scripts, priority=900)
    app.connect("html-page-context", _set_default_colour_mode)
    app.connect("build-finished", _write_assets)
    app.connect("build-finished", site_pages.rewrite_written_pages)
    app.connect("build-finished", site_css.prune_site_stylesheets, priority=600)  # after the pages
    site_math.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

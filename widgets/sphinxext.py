"""Sphinx extension that makes the book's charts work offline.

* Sets :data:`widgets.display.BUILD_ENV` so chapters executed during the build emit static HTML
  charts (see :mod:`widgets.display`).
* Removes sphinx-thebe's scripts, which name a CDN (the book does not use Thebe).
* Writes the Vega, Vega-Lite and vega-embed JavaScript, bundled by ``vl-convert``, into the
  site's ``_static/h200/`` folder, and links it only from pages that contain a chart.  No page
  loads JavaScript from a CDN.
"""

from __future__ import annotations

import os
from pathlib import Path

import altair as alt
import vl_convert

from widgets.display import BUILD_ENV

BUNDLE_PATH = "h200/vega-bundle.js"
CSS_PATH = "h200/h200.css"
_CSS = """
.h200-figure { margin: 1.5em 0; }
.h200-chart { overflow-x: auto; }
.h200-chart .vega-bindings { margin-top: 0.5em; font-size: 0.9em; }
.h200-chart .vega-bind { margin: 0.3em 0; }
.h200-chart .vega-bind-name { display: inline-block; min-width: 23em; }
.h200-chart input[type="range"] { width: 14em; vertical-align: middle; }
.h200-caption { font-size: 0.9em; color: var(--pst-color-text-muted, #555); margin-top: 0.4em; }
.h200-footnote { font-size: 0.85em; color: var(--pst-color-text-muted, #555); }
.h200-lab-static { border: 1px dashed var(--pst-color-border, #bbb); padding: 0.8em 1em; border-radius: 6px; }
.h200-lab-live { font-size: 0.9em; }
.h200-table { overflow-x: auto; font-size: 0.85em; }
.h200-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
mjx-container[display="true"] { overflow-x: auto; overflow-y: hidden; max-width: 100%; }
/* Glued numbers read as ordinary prose: every number in the text is glued. */
span.pasted-text { font-weight: inherit; }
"""


def vega_lite_version() -> str:
    """Vega-Lite version of the installed Altair schema, as ``vl-convert`` expects (``"6.4"``)."""
    major, minor, *_ = alt.SCHEMA_VERSION.lstrip("v").split(".")
    return f"{major}.{minor}"


def _write_assets(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    bundle = static / BUNDLE_PATH
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_text(vl_convert.javascript_bundle(vl_version=vega_lite_version()), encoding="utf-8")
    (static / CSS_PATH).write_text(_CSS, encoding="utf-8")


def _link_bundle_on_chart_pages(app, pagename, templatename, context, doctree) -> None:
    if 'class="h200-chart"' in context.get("body", ""):
        # A module script has its own scope: the bundle's top-level names cannot collide with
        # globals of Sphinx's scripts (doctools.js declares `_`).  Modules run deferred.
        app.add_js_file(BUNDLE_PATH, type="module")


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
    app.connect("html-page-context", _link_bundle_on_chart_pages)
    app.connect("html-page-context", _remove_thebe_scripts, priority=900)
    app.connect("html-page-context", _set_default_colour_mode)
    app.connect("build-finished", _write_assets)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

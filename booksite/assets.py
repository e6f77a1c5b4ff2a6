"""The site's own chart code, Vega bundle and style: written into ``_static/h200/`` after the build.

Chart pages load ``charts.js``, which imports the Vega bundle (from ``vl-convert``, served by the
site itself, never a CDN) only when a chart nears the viewport.
"""

from __future__ import annotations

from pathlib import Path

import vl_convert

from booksite import icons as site_icons, scroll_focus as site_scroll_focus
from widgets.core.display import vega_lite_version

#: Where the site serves its chart code and style, under ``_static/``.
BUNDLE_PATH = "h200/vega-bundle.js"
CHARTS_PATH = "h200/charts.js"
CSS_PATH = "h200/h200.css"

#: The chart script and the book's style, kept as files next to this module.
STATIC_SOURCES = Path(__file__).parent / "static"


def write_assets(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    bundle = static / BUNDLE_PATH
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_text(
        vl_convert.javascript_bundle(vl_version=vega_lite_version()), encoding="utf-8"
    )
    (static / CHARTS_PATH).write_text(
        (STATIC_SOURCES / "charts.js").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (static / CSS_PATH).write_text(
        (STATIC_SOURCES / "h200.css").read_text(encoding="utf-8") + site_icons.ICON_CSS,
        encoding="utf-8",
    )
    site_scroll_focus.rewrite_theme_script(static)


def link_charts_on_chart_pages(app, pagename, templatename, context, doctree) -> None:
    """Chart pages load ``charts.js``, which imports the Vega bundle when a chart nears view.

    A module script is deferred and has its own scope, so it neither blocks the first paint nor
    collides with globals of Sphinx's scripts (doctools.js declares ``_``).
    """
    if 'class="h200-chart"' in context.get("body", ""):
        app.add_js_file(CHARTS_PATH, type="module")

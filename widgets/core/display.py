"""Show a chart or a lab on two stages: the static website and a live kernel.

During ``jupyter-book build`` the book's Sphinx extension (:mod:`booksite`) sets the
environment variable :data:`BUILD_ENV` before the chapters execute.  In that mode a chart is
emitted as plain HTML (a container and its spec) that the site's own ``charts.js`` draws with the
Vega bundle the site serves itself (no CDN), and a lab shows its default state plus a pointer to
running it live.  In a live kernel (Binder, JupyterLab) labs are real ipywidgets and a chart is
sent as a Vega 5 specification (:func:`vega_mimebundle`), which JupyterLab draws with the Vega it
bundles: no script is fetched from a CDN, so charts draw offline too.  (Altair 6 writes
Vega-Lite 6, which JupyterLab 4 does not render itself; its default HTML renderer loads Vega
from a CDN.)
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from hashlib import sha1

import altair as alt

# Re-exported: the views ask display whether the site is being built.
from widgets.core.stage import (  # noqa: F401
    BUILD_ENV,
    building_static_site,
    writing_the_book,
)

#: vega-embed options: export to PNG and SVG; no links to external editors.
EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


def vega_lite_version() -> str:
    """Vega-Lite version of the installed Altair schema, as ``vl-convert`` expects (``"6.4"``)."""
    major, minor, *_ = alt.SCHEMA_VERSION.lstrip("v").split(".")
    return f"{major}.{minor}"


#: The MIME type of a Vega 5 specification, which JupyterLab renders with its own Vega.
VEGA5_MIME_TYPE = "application/vnd.vega.v5+json"


def vega_mimebundle(spec: dict, description: str = "") -> dict:
    """A Vega-Lite specification compiled to Vega, as JupyterLab's own renderer draws it.

    Parameters
    ----------
    spec : dict
        A Vega-Lite specification (``chart.to_dict()``).
    description : str
        Plain text for clients without a Vega renderer (and for screen readers).

    Returns
    -------
    dict
        ``{VEGA5_MIME_TYPE: <Vega spec>, "text/plain": description}``.

    Examples
    --------
    >>> spec = {"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}
    >>> bundle = vega_mimebundle(spec, "one point")
    >>> bundle[VEGA5_MIME_TYPE]["$schema"], bundle["text/plain"]
    ('https://vega.github.io/schema/vega/v5.json', 'one point')
    """
    import vl_convert

    vega = vl_convert.vegalite_to_vega(spec, vl_version=vega_lite_version())
    # Vega-Lite 6 labels its output Vega 6; JupyterLab's Vega 5 draws these specifications
    # (every chart of the book is checked in JupyterLab by tests/lab), and says so.
    vega["$schema"] = "https://vega.github.io/schema/vega/v5.json"
    return {VEGA5_MIME_TYPE: vega, "text/plain": description or spec.get("description", "")}


def _script_safe_json(data: object) -> str:
    """JSON that can sit inside a ``<script>`` element."""
    return json.dumps(data, separators=(",", ":")).replace("</", "<\\/")


@dataclass
class Figure:
    """A chart with the text description that screen readers and captions use.

    Parameters
    ----------
    chart : altair.TopLevelMixin
        The Altair chart.
    description : str
        What the chart shows, in a sentence or two (also set as the chart's ARIA text).
    footnote : str
        Optional HTML-free note printed under the chart (e.g. rows that could not be plotted).
    """

    chart: alt.TopLevelMixin
    description: str
    footnote: str = ""

    def spec(self) -> dict:
        """The Vega-Lite specification, with the description attached."""
        spec = self.chart.to_dict()
        spec["description"] = self.description
        return spec

    def drawn_height(self) -> int:
        """Height of the drawn chart at its design width (px), rendered once with ``vl_convert``.

        The static site reserves this height before the chart is drawn, so text below it does
        not jump when the chart appears.
        """
        import vl_convert  # only needed while the book builds

        svg = vl_convert.vegalite_to_svg(self.spec(), vl_version=vega_lite_version())
        return round(float(re.search(r'<svg[^>]*\bheight="([\d.]+)"', svg).group(1)))

    def to_static_html(self) -> str:
        """HTML for the static site: a container and the spec, drawn by the site's ``charts.js``.

        No script runs per chart: ``charts.js`` (see :mod:`booksite`) draws each chart
        when it nears the viewport, at the width of the text column.
        """
        spec = self.spec()
        chart_id = "h200-chart-" + sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]
        caption = html.escape(self.description)
        footnote = (
            f'<p class="h200-footnote">{html.escape(self.footnote)}</p>' if self.footnote else ""
        )
        options = html.escape(_script_safe_json(EMBED_OPTIONS))
        return f"""<figure class="h200-figure">
<div class="h200-chart" id="{chart_id}" role="figure" aria-label="{caption}" data-spec="{chart_id}-spec" data-embed-options="{options}" style="min-height: {self.drawn_height()}px"></div>
<figcaption class="h200-caption">{caption}</figcaption>{footnote}
<script type="application/json" id="{chart_id}-spec">{_script_safe_json(spec)}</script>
</figure>"""

    def _repr_mimebundle_(self, include=None, exclude=None):
        if building_static_site():
            return {"text/html": self.to_static_html(), "text/plain": self.description}
        return vega_mimebundle(self.spec(), self.description)


@dataclass
class StaticLabView:
    """What a live lab shows on the static site: its default state and how to run it live."""

    title: str
    default_state: Figure | HtmlBlock
    how_to_run: str

    def _repr_mimebundle_(self, include=None, exclude=None):
        note = html.escape(self.how_to_run)
        body = (
            f'<div class="h200-lab-static"><p class="h200-lab-title"><strong>{html.escape(self.title)}'
            f"</strong> (live lab, shown here in its default state)</p>"
            f"{self.default_state.to_static_html()}"
            f'<p class="h200-lab-live">{note}</p></div>'
        )
        return {"text/html": body, "text/plain": f"{self.title}: {self.how_to_run}"}


class HtmlBlock:
    """Something :class:`StaticLabView` can show that is not a chart."""

    def __init__(self, body: str) -> None:
        self.body = body

    def to_static_html(self) -> str:
        return self.body


#: Where the live labs run; shown under every lab on the static site.
RUN_LIVE_NOTE = (
    "The lab itself needs a Python kernel. To run it live, open this chapter as a notebook with "
    "the Binder button at the top of the published page (Binder installs "
    "binder/requirements.txt), or clone the repository and run `make lab`; then run the "
    "notebook's cells."
)

"""What the browser tests share: a page opened with every other host blocked, chart texts, sliders."""

from __future__ import annotations

import math
from pathlib import Path

from widgets.core.sliders import multiple_range

CHART_PAGE = "chapters/01-decision.html"


class PageVisit:
    """A page opened with off-origin requests blocked and console errors recorded."""

    def __init__(self, browser, site_url: str, path: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.offsite: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(request_route):
            url = request_route.request.url
            if url.startswith((site_url, "data:", "blob:")):
                request_route.continue_()
            else:
                self.offsite.append(url)
                request_route.abort()

        self.page.route("**/*", route)
        self.page.goto(f"{site_url}/{path}")
        self.page.wait_for_load_state("networkidle")

    def charts(self):
        """Every chart on the page, each scrolled into view (charts draw as they near it) and drawn."""
        charts = self.page.locator(".h200-chart")
        for index in range(charts.count()):
            chart = charts.nth(index)
            chart.scroll_into_view_if_needed()
            self.page.wait_for_function(
                "id => window.h200Views && window.h200Views[id]",
                arg=chart.get_attribute("id"),
                timeout=15_000,
            )
        return charts

    def chart(self, caption_start: str):
        """The one chart whose caption (its text description) starts with ``caption_start``."""
        self.charts()
        figure = self.page.locator("figure.h200-figure").filter(
            has=self.page.locator("figcaption", has_text=caption_start)
        )
        assert figure.count() == 1, f"{figure.count()} charts captioned {caption_start!r}"
        return figure.locator(".h200-chart")


def chart_texts(chart) -> list[str]:
    """Each text mark of a drawn chart; a text drawn on several lines has its lines joined by a space."""
    return chart.locator("svg.marks .role-mark text").evaluate_all(
        """texts => texts.map(text => {
               const lines = [...text.querySelectorAll('tspan')].map(line => line.textContent.trim());
               return (lines.length ? lines.join(' ') : text.textContent).trim();
           })"""
    )


def slider_setting(parameter, value: float) -> tuple[str, float]:
    """What to set ``parameter``'s slider to for ``value``, and the value the chart computes with.

    A rate per year slides as its multiple, on the slider's grid of 0.001: the chart then
    computes with the log rate of the multiple on that grid (the declared default at the
    slider's starting mark), which is what the model must be given to compare.
    """
    if not parameter.per_year:
        return str(value), value
    multiple = round(parameter.multiple_per_year(value), 3)
    if multiple == multiple_range(parameter)[2]:
        return f"{multiple:.3f}", parameter.default
    rate = math.log(multiple)
    return f"{multiple:.3f}", rate if parameter.per_year == "growth" else -rate


def set_slider(slider, value) -> None:
    """Set a range input and fire the event Vega listens to."""
    slider.evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
        str(value),
    )


#: axe-core as pinned in package.json and installed by ``npm ci`` (``make test`` runs it).
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """The violations axe-core finds on ``page`` with its default rules, those of ``impacts``.

    axe is injected from ``node_modules`` (the version package-lock.json pins), not bundled in a
    Python package, so the test checks what the current axe checks.
    """
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in impacts]


def describe_violations(violations: list[dict], targets: int = 3) -> list[str]:
    """One line per violation: its rule, impact, node count and first ``targets`` targets."""
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} — "
        f"{[node['target'] for node in v['nodes'][:targets]]}"
        for v in violations
    ]

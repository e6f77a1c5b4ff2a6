"""The built website in headless Chromium, with every host but the site's own blocked.

Run after ``make book`` (``make test`` does both).  These tests fail, not skip, when the
build is missing.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from playwright.sync_api import sync_playwright

from chipcontrols.closed_forms import CLOSED_FORMS
from chipcontrols.vega import to_vega

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHART_PAGE = "chapters/01-decision.html"


def site_pages() -> list[str]:
    if not (SITE / "index.html").exists():
        raise FileNotFoundError(f"{SITE} has no built site: run `make book` first")
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if not p.relative_to(SITE).parts[0].startswith("_"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    site_pages()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
            if url.startswith(site_url) or url.startswith("data:") or url.startswith("blob:"):
                request_route.continue_()
            else:
                self.offsite.append(url)
                request_route.abort()

        self.page.route("**/*", route)
        self.page.goto(f"{site_url}/{path}")
        self.page.wait_for_load_state("networkidle")

    def charts(self):
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.h200-chart')].every(c => c.querySelector('svg.marks'))",
            timeout=15_000)
        return self.page.locator(".h200-chart")


@pytest.fixture
def visit(browser, site_url):
    opened = []

    def open_page(path):
        opened.append(PageVisit(browser, site_url, path))
        return opened[-1]

    yield open_page
    for page_visit in opened:
        page_visit.page.close()


@pytest.mark.parametrize("path", site_pages() if (SITE / "index.html").exists() else ["index.html"])
def test_page_loads_with_no_console_error_and_no_offsite_request(visit, path):
    page = visit(path)
    page.page.wait_for_timeout(300)
    assert page.errors == []
    assert page.offsite == []


def test_every_chart_renders_marks(visit):
    page = visit(CHART_PAGE)
    charts = page.charts()
    assert charts.count() >= 2
    for index in range(charts.count()):
        marks = charts.nth(index).locator("svg.marks .role-mark > *")
        assert marks.count() > 10, f"chart {index} drew {marks.count()} marks"


def _set_slider(slider, value) -> None:
    slider.evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
                    str(value))


def _readout(chart) -> str:
    return chart.locator("svg.marks text", has_text="Hypothetical chip").first.text_content()


def test_each_slider_changes_what_the_chart_shows(visit):
    page = visit(CHART_PAGE)
    charts = page.charts()
    sliders_seen = 0
    for index in range(charts.count()):
        chart = charts.nth(index)
        sliders = chart.locator(".vega-bindings input[type=range]")
        for number in range(sliders.count()):
            slider = sliders.nth(number)
            before = chart.locator("svg.marks").inner_html()
            new_value = float(slider.get_attribute("max")) * 0.6
            _set_slider(slider, new_value)
            page.page.wait_for_timeout(200)
            assert chart.locator("svg.marks").inner_html() != before, f"slider {number} of chart {index}"
            sliders_seen += 1
    assert sliders_seen >= 2


def test_hypothetical_chip_becomes_3a090a_as_tpp_crosses_4800_on_a_large_die(visit):
    page = visit(CHART_PAGE)
    chart = page.charts().first
    tpp_slider = chart.locator(".vega-bindings input[type=range]").nth(0)
    area_slider = chart.locator(".vega-bindings input[type=range]").nth(1)
    _set_slider(area_slider, 4000)
    _set_slider(tpp_slider, 4700)
    page.page.wait_for_timeout(200)
    assert _readout(chart).endswith("not controlled")
    _set_slider(tpp_slider, 4800)
    page.page.wait_for_timeout(200)
    assert _readout(chart).endswith("3A090.a")


def _sample(closed_form, rng, count):
    points = {}
    for symbol, (low, high) in closed_form.domain.items():
        if symbol in closed_form.log_scale:
            points[symbol.name] = np.exp(rng.uniform(np.log(low), np.log(high), count))
        else:
            points[symbol.name] = rng.uniform(low, high, count)
    return points


@pytest.mark.parametrize("closed_form", CLOSED_FORMS, ids=lambda c: c.name)
def test_browser_evaluates_each_vega_expression_like_numpy(visit, closed_form):
    page = visit(CHART_PAGE)
    page.charts()
    rng = np.random.default_rng(20251208)
    points = _sample(closed_form, rng, 250)
    symbols = sorted(closed_form.expression.free_symbols, key=lambda s: s.name)
    expected = sp.lambdify(symbols, closed_form.expression, modules="numpy")(
        *(points[s.name] for s in symbols))
    expected = np.broadcast_to(np.asarray(expected, dtype=float), (250,))
    expression = to_vega(closed_form.expression, {s.name: f"datum.{s.name}" for s in symbols})
    rows = [{name: float(values[i]) for name, values in points.items()} for i in range(250)]
    result = page.page.evaluate(
        """async ([rows, expression]) => {
            const spec = {$schema: "https://vega.github.io/schema/vega/v6.json",
                          data: [{name: "points", values: rows,
                                  transform: [{type: "formula", as: "out", expr: expression}]}]};
            const holder = document.createElement("div");
            document.body.appendChild(holder);
            const result = await vegaEmbed(holder, spec, {mode: "vega", actions: false});
            return result.view.data("points").map(d => d.out);
        }""",
        [rows, expression],
    )
    np.testing.assert_allclose(np.asarray(result, dtype=float), expected, rtol=1e-9, atol=0)


def test_no_page_names_a_cdn():
    """Not even as a string a click could fetch (e.g. Thebe's loader URL)."""
    cdn = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com")
    offenders = [path for path in site_pages() if any(host in (SITE / path).read_text(encoding="utf-8")
                                                       for host in cdn)]
    assert offenders == []

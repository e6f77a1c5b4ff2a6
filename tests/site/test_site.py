"""The built website in headless Chromium, with every host but the site's own blocked.

Run after ``make book`` (``make test`` does both).  These tests fail, not skip, when the
build is missing.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from page_metrics import SITE, is_chart_page, site_pages
from site_helpers import CHART_PAGE, PageVisit, set_slider

from chipcontrols.core.closed_forms import registered
from chipcontrols.core.vega import to_vega

pytestmark = pytest.mark.browser
#: Every page of the build with a chart (found in the build, so a new chapter is covered).
CHART_PAGES = (
    [path for path in site_pages() if is_chart_page(path)]
    if (SITE / "index.html").exists()
    else [CHART_PAGE]
)


@pytest.mark.parametrize(
    "path", site_pages() if (SITE / "index.html").exists() else ["index.html"]
)
def test_page_loads_with_no_console_error_and_no_offsite_request(visit, path):
    page = visit(path)
    page.page.wait_for_timeout(300)
    assert page.errors == []
    assert page.offsite == []


def test_every_chapter_has_charts():
    chapters = {path for path in CHART_PAGES if path.startswith("chapters/")}
    assert len(chapters) == len(list((SITE / "chapters").glob("*.html")))


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_chart_draws_and_can_be_saved_as_png_and_svg(visit, path):
    page = visit(path)
    charts = page.charts()
    assert charts.count() >= 2
    for index in range(charts.count()):
        chart = charts.nth(index)
        marks = chart.locator("svg.marks .role-mark > *")
        assert marks.count() >= 5, f"chart {index} drew {marks.count()} marks"
        menu = chart.locator(".vega-actions a")
        assert {menu.nth(i).text_content() for i in range(menu.count())} >= {
            "Save as SVG",
            "Save as PNG",
        }
        chart_id = chart.get_attribute("id")
        png, svg = page.page.evaluate(
            """async (id) => { const view = window.h200Views[id];
                               return [await view.toImageURL("png"), await view.toSVG()]; }""",
            chart_id,
        )
        assert png.startswith("data:image/png;base64,") and len(png) > 5_000, chart_id
        assert svg.lstrip().startswith("<svg") and "</svg>" in svg, chart_id


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_chart_has_a_text_description_for_screen_readers(visit, path):
    page = visit(path)
    charts = page.charts()
    for index in range(charts.count()):
        label = charts.nth(index).get_attribute("aria-label")
        assert label and len(label.split()) >= 15, f"chart {index}: {label!r}"


def _readout(chart) -> str:
    return chart.locator("svg.marks text", has_text="Hypothetical chip").first.text_content()


@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_slider_changes_what_the_chart_shows(visit, path):
    page = visit(path)
    charts = page.charts()
    sliders_seen = 0
    for index in range(charts.count()):
        chart = charts.nth(index)
        sliders = chart.locator(".vega-bindings input[type=range]")
        for number in range(sliders.count()):
            slider = sliders.nth(number)
            before = chart.locator("svg.marks").inner_html()
            low, high = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
            current = float(slider.input_value())
            new_value = low + 0.8 * (high - low)
            if abs(new_value - current) < 0.1 * (high - low):
                new_value = low + 0.2 * (high - low)
            set_slider(slider, new_value)
            page.page.wait_for_timeout(200)
            assert chart.locator("svg.marks").inner_html() != before, (
                f"slider {number} of chart {index}"
            )
            sliders_seen += 1
    assert sliders_seen >= 2


def test_hypothetical_chip_becomes_3a090a_as_tpp_crosses_4800_on_a_large_die(visit):
    page = visit(CHART_PAGE)
    chart = page.chart("Scatter plot of")
    tpp_slider = chart.locator(".vega-bindings input[type=range]").nth(0)
    area_slider = chart.locator(".vega-bindings input[type=range]").nth(1)
    set_slider(area_slider, 4000)
    set_slider(tpp_slider, 4700)
    page.page.wait_for_timeout(200)
    assert _readout(chart).endswith("not controlled")
    set_slider(tpp_slider, 4800)
    page.page.wait_for_timeout(200)
    assert _readout(chart).endswith("3A090.a")


def _evaluate_in_vega(page, rows: list[dict], expression: str) -> list[float]:
    """``expression`` evaluated by Vega in the page for each row (a formula transform)."""
    return page.page.evaluate(
        """async ([rows, expression]) => {
            const spec = {$schema: "https://vega.github.io/schema/vega/v6.json",
                          data: [{name: "points", values: rows,
                                  transform: [{type: "formula", as: "out", expr: expression}]}]};
            const holder = document.createElement("div");
            document.body.appendChild(holder);
            const result = await vegaEmbed(holder, spec, {mode: "vega", actions: false});
            const out = result.view.data("points").map(d => d.out);
            result.finalize();
            holder.remove();
            return out;
        }""",
        [rows, expression],
    )


@pytest.fixture(scope="module")
def vega_page(browser, site_url):
    """One chapter page with the site's Vega bundle loaded, shared by the expression checks."""
    opened = PageVisit(browser, site_url, CHART_PAGE)
    opened.page.locator(".h200-chart").first.scroll_into_view_if_needed()
    opened.page.wait_for_function("() => typeof window.vegaEmbed === 'function'", timeout=20_000)
    yield opened
    opened.page.close()


def _sample(closed_form, rng, count):
    points = {}
    for symbol, (low, high) in closed_form.domain.items():
        if symbol.name in closed_form.log_scale:
            points[symbol.name] = np.exp(rng.uniform(np.log(low), np.log(high), count))
        else:
            points[symbol.name] = rng.uniform(low, high, count)
    return points


@pytest.mark.parametrize("closed_form", registered(), ids=lambda c: c.name)
def test_browser_evaluates_each_vega_expression_like_numpy(vega_page, closed_form):
    page = vega_page
    rng = np.random.default_rng(20251208)
    points = _sample(closed_form, rng, 250)
    symbols = sorted(closed_form.expression.free_symbols, key=lambda s: s.name)
    expected = sp.lambdify(symbols, closed_form.expression, modules="numpy")(
        *(points[s.name] for s in symbols)
    )
    expected = np.broadcast_to(np.asarray(expected, dtype=float), (250,))
    expression = to_vega(closed_form.expression, {s.name: f"datum.{s.name}" for s in symbols})
    rows = [{name: float(values[i]) for name, values in points.items()} for i in range(250)]
    result = _evaluate_in_vega(page, rows, expression)
    np.testing.assert_allclose(np.asarray(result, dtype=float), expected, rtol=1e-9, atol=0)


@pytest.mark.parametrize(
    ("name", "expression", "function", "low", "high"),
    [
        ("erf", sp.erf(sp.Symbol("x", real=True)), np.vectorize(math.erf), -3.0, 3.0),
    ],
)
def test_browser_evaluates_printed_functions_like_python(
    vega_page, name, expression, function, low, high
):
    # Functions the printer maps to other Vega functions (erf through cumulativeNormal).
    page = vega_page
    values = np.linspace(low, high, 61)
    printed = to_vega(expression, {"x": "datum.x"})
    result = _evaluate_in_vega(page, [{"x": float(v)} for v in values], printed)
    np.testing.assert_allclose(
        np.asarray(result, dtype=float), function(values), rtol=0, atol=1e-7
    )


@pytest.mark.parametrize("path", [p for p in CHART_PAGES if p.startswith("chapters/")])
def test_displayed_formulas_are_centred_in_the_column(visit, path):
    page = visit(path)
    # Lay out every section (the page skips those far from the screen) so each formula is measured.
    page.page.add_style_tag(content="section { content-visibility: visible !important; }")
    offsets = page.page.evaluate("""() => [...document.querySelectorAll('div.math > math[display="block"]')]
        .filter(m => m.getBoundingClientRect().width > 0)
        .map(m => { const box = m.getBoundingClientRect(), column = m.parentElement.getBoundingClientRect();
                    return [box.left - column.left, column.right - box.right]; })""")
    assert offsets, f"{path} shows no displayed formula"
    for left, right in offsets:
        assert abs(left - right) <= 4, (left, right)  # equal margins either side, not pushed aside


def test_no_page_names_a_cdn():
    """Not even as a string a click could fetch (e.g. Thebe's loader URL)."""
    cdn = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com")
    offenders = [
        path
        for path in site_pages()
        if any(host in (SITE / path).read_text(encoding="utf-8") for host in cdn)
    ]
    assert offenders == []

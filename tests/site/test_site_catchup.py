"""Chapter 4's charts in headless Chromium: each responds to its sliders as the model does.

Expected values come from the Python model (the catch-up clock's modules), so these tests check
that what the browser computes from the printed Vega expressions agrees with it, including the
"never" branches where a crossover does not exist.
"""

from __future__ import annotations

import math

import pytest
from site_helpers import set_slider, slider_setting

from chipcontrols import catchup

pytestmark = pytest.mark.browser
PAGE = "chapters/04-domestic-chips.html"


def _texts(chart) -> list[str]:
    return chart.locator("svg.marks .role-mark text").evaluate_all(
        "texts => texts.map(text => text.textContent.trim())"
    )


def _slider(chart, parameter):
    binding = chart.locator(".vega-bind").filter(
        has=chart.page.locator(".vega-bind-name", has_text=parameter.label)
    )
    assert binding.count() == 1, parameter.label
    return binding.locator("input[type=range]")


def _settle(page):
    page.page.wait_for_timeout(300)


def test_the_page_has_its_four_charts_with_sliders_from_the_declarations(visit):
    page = visit(PAGE)
    charts = page.charts()
    assert charts.count() == 4
    for start, module, names in (
        (
            "Line chart of the ratio",
            catchup.performance,
            ("performance_gap", "nvidia_performance_growth", "huawei_performance_growth"),
        ),
        (
            "Line chart of the cost of one good die",
            catchup.yields,
            ("chip_die_area_mm2", "wafer_cost_usd", "defect_clustering", "wafer_diameter_mm"),
        ),
        (
            "Two panels.",
            catchup.cost,
            ("huawei_output_growth", "learning_rate", "nvidia_cost_decline", "huawei_cost_ratio"),
        ),
        (
            "Line chart of the share of a training cluster",
            catchup.reliability,
            ("ascend_failure_multiple", "checkpoint_minutes", "gpu_failure_rate", "cluster_size"),
        ),
    ):
        chart = page.chart(start)
        for name in names:
            declared = module.PARAMETERS[name]
            slider = _slider(chart, declared)
            ends = (declared.minimum, declared.maximum)
            if declared.per_year:  # a rate per year slides as its multiple a year
                ends = sorted(declared.multiple_per_year(end) for end in ends)
            assert float(slider.get_attribute("min")) == pytest.approx(ends[0], abs=1e-3)
            assert float(slider.get_attribute("max")) == pytest.approx(ends[1], abs=1e-3)


@pytest.mark.parametrize(("huawei", "nvidia"), [(0.89, 0.25), (1.0, 0.5), (0.3, 0.6)])
def test_performance_clock_reads_the_model_crossover(visit, huawei, nvidia):
    page = visit(PAGE)
    chart = page.chart("Line chart of the ratio")
    used = {}
    for name, value in (
        ("huawei_performance_growth", huawei),
        ("nvidia_performance_growth", nvidia),
    ):
        declared = catchup.performance.PARAMETERS[name]
        text, used[name] = slider_setting(declared, value)
        set_slider(_slider(chart, declared), text)
    huawei, nvidia = used["huawei_performance_growth"], used["nvidia_performance_growth"]
    _settle(page)
    result = catchup.performance.clock(
        huawei_performance_growth=huawei, nvidia_performance_growth=nvidia
    )
    texts = _texts(chart)
    if result.advantage > 0:
        expected = f"Level after {result.crossover_years:.1f} years ({result.crossover_year:.1f})"
    else:
        expected = "Never level: Huawei not faster"
    assert expected in texts, texts
    assert (
        f"Now: Huawei ×{math.exp(huawei):.2f} a year, Nvidia ×{math.exp(nvidia):.2f} a year: "
        f"Huawei gains ×{math.exp(result.advantage):.2f} a year"
    ) in texts, texts


@pytest.mark.parametrize("growth", [0.69, 1.3, 1.6, 2.0])
def test_cost_race_reads_the_model_crossover_and_gamma_min(visit, growth):
    page = visit(PAGE)
    chart = page.chart("Two panels.")
    text, growth = slider_setting(catchup.cost.PARAMETERS["huawei_output_growth"], growth)
    set_slider(_slider(chart, catchup.cost.PARAMETERS["huawei_output_growth"]), text)
    _settle(page)
    result = catchup.cost.race(huawei_output_growth=growth)
    texts = _texts(chart)
    if not result.catches_up:
        assert "Never level: γ is below γ_min" in texts
    else:
        year = catchup.cost.BASE_YEAR + result.crossover_years
        assert (f"Level after {result.crossover_years:.1f} years, in {year:.0f}") in texts, texts
    assert (
        f"Your output: ×{math.exp(growth):.2f} a year; the bar: ×{math.exp(result.gamma_min):.1f} a year"
    ) in texts, texts


def test_cost_race_gamma_min_moves_with_the_learning_rate(visit):
    page = visit(PAGE)
    chart = page.chart("Two panels.")
    set_slider(_slider(chart, catchup.cost.PARAMETERS["learning_rate"]), 0.3)
    _settle(page)
    texts = _texts(chart)
    bar = math.exp(catchup.cost.race(learning_rate=0.3).gamma_min)
    assert any(t.endswith(f"the bar: ×{bar:.1f} a year") for t in texts), texts


@pytest.mark.parametrize("area", [665.61, 814, 300])
def test_cost_chart_counts_dies_as_the_model_does(visit, area):
    page = visit(PAGE)
    chart = page.chart("Line chart of the cost of one good die")
    set_slider(_slider(chart, catchup.yields.PARAMETERS["chip_die_area_mm2"]), area)
    _settle(page)
    assert f"{catchup.yields.gross_dies(area):.0f} gross dies per wafer" in _texts(chart)
    costs = [t for t in _texts(chart) if t.startswith("910C, early 2025")]
    assert costs == [
        f"910C, early 2025: 40% yield: ${catchup.yields.cost_at_yield(0.4, chip_die_area_mm2=area):,.0f}"
    ]


@pytest.mark.parametrize(("multiple", "size"), [(3.0, 16384), (1.0, 16384), (6.0, 65536)])
def test_reliability_chart_reads_the_model_waste(visit, multiple, size):
    page = visit(PAGE)
    chart = page.chart("Line chart of the share of a training cluster")
    set_slider(_slider(chart, catchup.reliability.PARAMETERS["ascend_failure_multiple"]), multiple)
    set_slider(_slider(chart, catchup.reliability.PARAMETERS["cluster_size"]), size)
    _settle(page)
    h100 = catchup.reliability.cluster_reliability("h100", cluster_size=size).exact_waste
    ascend = catchup.reliability.cluster_reliability(
        "ascend", cluster_size=size, ascend_failure_multiple=multiple
    ).exact_waste
    texts = _texts(chart)
    assert f"Time wasted at {size:,.0f} chips:" in texts
    assert f"H100 {h100:.0%}, Ascend {ascend:.0%}" in texts, texts


def test_the_lab_shows_its_default_state_and_how_to_run_it(visit):
    page = visit(PAGE)
    lab = page.page.locator(".h200-lab-static")
    assert lab.count() == 1
    text = " ".join(lab.text_content().split())  # far sections are not laid out yet
    assert "Yield-learning lab" in text and "Binder" in text
    assert "θ = 0.813" in text

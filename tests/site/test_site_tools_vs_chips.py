"""Chapter 2's charts in headless Chromium: each responds to its sliders as the model does.

Expected values come from the Python model (:mod:`chipcontrols.tools_vs_chips.model` and its
numerical horizon), so these tests check that what the browser computes from the printed Vega
expressions, and the T* it reads off its sampled curves, agree with Python.
"""

from __future__ import annotations

import math

import pytest
from site_helpers import chart_texts, set_slider, slider_setting

from chipcontrols import tools_vs_chips
from chipcontrols.tools_vs_chips import dynamics
from chipcontrols.tools_vs_chips.evidence import control_events, disputed_inputs
from widgets.core import palette
from widgets.tools_vs_chips.charts import BOTTLENECK_DISPUTES, DENIED_STEP

pytestmark = pytest.mark.browser
PAGE = "chapters/02-strategic-shift.html"


def _slider(chart, name: str):
    label = tools_vs_chips.PARAMETERS[name].label
    binding = chart.locator(".vega-bind").filter(
        has=chart.page.locator(".vega-bind-name", has_text=label)
    )
    matches = [
        i
        for i in range(binding.count())
        if binding.nth(i).locator(".vega-bind-name").text_content().strip().startswith(label)
    ]
    assert len(matches) == 1, name
    return binding.nth(matches[0]).locator("input[type=range]")


def _set(page, chart, settings):
    """Move the sliders; return the settings the chart computes with (a growth rate slides as
    its multiple a year, on the slider's grid)."""
    used = {}
    for name, value in settings.items():
        text, used[name] = slider_setting(tools_vs_chips.PARAMETERS[name], value)
        set_slider(_slider(chart, name), text)
    page.page.wait_for_timeout(300)
    return used


def _readout(chart, start: str) -> str:
    return next(t for t in chart_texts(chart) if t.startswith(start))


# --- chart 1: which bottleneck binds ----------------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"hbm_supply": 12.0},
        {"hbm_supply": 12.0, "tool_uptime": 0.5, "litho_passes": 2.0},
        {"dies_per_package": 1.0, "hbm_per_package": 4.0, "ascend_die_area": 456.0},
        {"wafer_starts": 20.0, "ascend_yield": 0.2, "hbm_supply": 6.0},
    ],
)
def test_bottleneck_readout_and_red_bar_follow_the_model(visit, settings):
    page = visit(PAGE)
    chart = page.chart("Which bottleneck binds.")
    settings = _set(page, chart, settings)
    accelerators = tools_vs_chips.evaluate("accelerators", **settings)
    output = tools_vs_chips.evaluate("output", **settings)
    wafer, hbm = (
        tools_vs_chips.evaluate("wafer_limit", **settings),
        tools_vs_chips.evaluate("hbm_limit", **settings),
    )
    threshold = tools_vs_chips.evaluate("hbm_at_which_wafers_bind", **settings)
    readout = _readout(chart, "Output:")
    assert readout.startswith(
        f"Output: {accelerators:.2f} million accelerators = {output:.2f} million H100e a year;"
    )
    assert ("the wafers bind" if wafer < hbm else "HBM binds") in readout
    assert readout.endswith(f"Wafers bind from {threshold:.1f} million HBM stacks a year.")
    red = chart.locator(f"svg.marks .mark-rect.role-mark path[fill='{palette.BINDING}']")
    assert red.count() == 1


def test_bottleneck_strips_show_every_published_value(visit):
    page = visit(PAGE)
    chart = page.chart("Which bottleneck binds.")
    texts = chart_texts(chart)
    for parameter in BOTTLENECK_DISPUTES:
        for name in disputed_inputs(parameter)["source_name"]:
            assert name in texts, (parameter, name)


# --- chart 2: the race ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"chip_imports": 3.0, "growth_with_controls": 0.2, "growth_without_controls": 1.0},
        {"domestic_output": 1.0},  # already above imports
    ],
)
def test_race_readout_and_crossover_rules_follow_the_closed_forms(visit, settings):
    page = visit(PAGE)
    chart = page.chart("The race over ten years")
    settings = _set(page, chart, settings)
    with_controls = tools_vs_chips.evaluate("crossover_with", **settings)
    without = tools_vs_chips.evaluate("crossover_without", **settings)
    readout = _readout(chart, "Domestic output")
    if with_controls <= 0:
        assert readout == "Domestic output already exceeds these imports."
    else:
        bought = tools_vs_chips.evaluate("years_bought", **settings)
        assert readout == (
            f"Domestic output replaces imports after {with_controls:.1f} years "
            f"with tool controls, {without:.1f} without: they buy {bought:.1f} years."
        )
    expected_rules = sum(0 < t <= 10 for t in (with_controls, without))
    dotted = chart.locator("svg.marks .mark-rule.role-mark line[stroke-dasharray='2,2']")
    assert dotted.count() == expected_rules


# --- chart 3: compute denied --------------------------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"growth_without_controls": 0.9},
        {"chip_imports": 0.02},
        {"growth_without_controls": 0.2},  # no root: a chip ban always denies more
        {"horizon_years": 3.0},  # T* beyond the horizon shown
    ],
)
def test_denied_chart_marks_t_star_at_the_first_sampled_step_after_the_root(visit, settings):
    page = visit(PAGE)
    chart = page.chart("Compute denied, summed over the horizon")
    settings = _set(page, chart, settings)
    root = dynamics.horizon_numerical(**settings)
    shown = settings.get("horizon_years", tools_vs_chips.PARAMETERS["horizon_years"].default)
    readout = _readout(chart, ("Tool controls deny", "Over this horizon"))
    if math.isinf(root) or root > shown:
        assert readout == "Over this horizon a chip ban denies more."
    else:
        sampled = DENIED_STEP * math.ceil(root / DENIED_STEP - 1e-9)
        assert readout.startswith(f"Tool controls deny more after about {sampled:.2f} years")
        assert 0 <= sampled - root < DENIED_STEP + 1e-9


# --- chart 4 and the lab -----------------------------------------------------------------------


def test_control_events_chart_draws_one_point_per_coded_event(visit):
    page = visit(PAGE)
    chart = page.chart("Timeline of")
    points = chart.locator("svg.marks .mark-symbol.role-mark path")
    assert points.count() == len(control_events())


def test_the_lab_shows_its_default_state_with_the_exact_horizon(visit):
    page = visit(PAGE)
    lab = page.page.locator(".h200-lab-static")
    assert lab.count() == 1
    text = lab.inner_text()
    assert f"T* = {dynamics.horizon_numerical():.2f} years" in text
    assert "make lab" in text

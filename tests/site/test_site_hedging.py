"""Chapter 5's charts in headless Chromium: each readout agrees with the Python hedging.

Expected values come from :mod:`chipcontrols.hedging`, so these tests check that what the browser
computes from the printed Vega expressions (the best reply, the bound that binds, leverage, the
levy's peak, the exit date) is what numpy computes.
"""

from __future__ import annotations

import math

import pytest
from site_helpers import chart_texts, set_slider, slider_setting

from chipcontrols import hedging

pytestmark = pytest.mark.browser
PAGE = "chapters/05-dual-dependence.html"


def _plain(texts: list[str]) -> list[str]:
    """The texts with d3-format's minus sign (U+2212) written as a hyphen-minus."""
    return [text.replace("\u2212", "-") for text in texts]


def _slider(chart, label_start: str):
    binding = chart.locator(".vega-bind").filter(
        has=chart.page.locator(".vega-bind-name", has_text=label_start)
    )
    assert binding.count() == 1, label_start
    return binding.locator("input[type=range]")


def _set(page, chart, settings):
    """Move the sliders; return the settings the chart computes with (a rate per year slides
    as its multiple a year, on the slider's grid)."""
    used = {}
    for name, value in settings.items():
        text, used[name] = slider_setting(hedging.PARAMETERS[name], value)
        set_slider(_slider(chart, hedging.PARAMETERS[name].label), text)
    page.page.wait_for_timeout(250)
    return used


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"us_share_cap": 1.0},
        {"us_share_cap": 1.0, "cutoff_probability": 0.2},  # all in, tied with the cap at 1
        {"us_share_cap": 1.0, "pairing_ratio": 4.0},  # the pairing rule binds at 0.2
        {"domestic_value": 0.8, "us_advantage": 1.5},  # nothing worth buying
        {"pairing_ratio": 1.0, "us_share_cap": 0.5},  # pairing and cap tied
    ],
)
def test_payoff_chart_names_the_bound_as_the_model_does(visit, settings):
    page = visit(PAGE)
    chart = page.chart("Line chart of Beijing's payoff")
    settings = _set(page, chart, settings)
    reply = hedging.best_reply(**settings)
    readout = next(t for t in _plain(chart_texts(chart)) if t.startswith("s = "))
    assert readout == (
        f"s = {reply.import_share:.2f}, set by {reply.binding_text} "
        f"interior s* = {reply.interior:.2f}"
    )


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"cutoff_probability": 0.8, "us_share_cap": 1.0},
        {"pairing_ratio": 2.0, "cutoff_probability": 0.6},
    ],
)
def test_leverage_chart_readout_matches_the_model(visit, settings):
    page = visit(PAGE)
    chart = page.chart("The leverage paradox.")
    settings = _set(page, chart, settings)
    held = hedging.leverage(**settings)
    p_bar = hedging.best_reply(**settings).all_in_threshold
    p = settings.get("cutoff_probability", hedging.PARAMETERS["cutoff_probability"].default)
    readout = next(t for t in chart_texts(chart) if t.startswith("At p_c = "))
    assert readout == (  # two lines, read as one
        f"At p_c = {p:.2f}: leverage {held.leverage_beijing:.2f}, expected loss "
        f"{held.expected_loss_beijing:.2f}; all in below p̄_c = {p_bar:.2f}"
    )


@pytest.mark.parametrize(
    "settings",
    [{}, {"us_share_cap": 1.0, "levy": 0.5}, {"pass_through": 1.6, "base_advantage": 2.5}],
)
def test_laffer_chart_marks_tau_star_and_the_capped_peak(visit, settings):
    page = visit(PAGE)
    chart = page.chart("The levy's Laffer curve.")
    settings = _set(page, chart, settings)
    result = hedging.levy_outcome(**settings)
    texts = " ".join(chart_texts(chart))
    assert (
        f"τ* = {result.revenue_maximising_levy:.3f}; with the cap the peak is "
        f"{result.peak_levy:.2f}"
    ) in texts
    assert f"The levy {result.levy:.2f} is {result.levy_verdict} τ*" in texts


@pytest.mark.parametrize(
    "settings", [{}, {"advantage_erosion_rate": 1.0}, {"advantage_erosion_rate": 0.1}]
)
def test_exit_chart_dates_the_exit_as_the_model_does(visit, settings):
    page = visit(PAGE)
    chart = page.chart("The exit clock.")
    settings = _set(page, chart, settings)
    clock = hedging.exit_clock(**settings)
    texts = chart_texts(chart)
    if clock.exit_time > hedging.PARAMETERS["years_after_january_2026"].maximum:
        assert f"Exit after {clock.exit_time:.1f} years, beyond the axis" in texts
    else:
        halving = math.log(2) / settings.get(
            "advantage_erosion_rate", hedging.PARAMETERS["advantage_erosion_rate"].default
        )
        # Two lines: the exit, then the catch-up as a halving time and a multiple a year.
        assert (
            f"Imports stop being worth buying after {clock.exit_time:.1f} years "
            f"Huawei halves the gap in {halving:.1f} years"
        ) in " ".join(texts), texts

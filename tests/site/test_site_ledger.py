"""Chapter 1's charts in headless Chromium: each responds to its controls as the model does.

Expected values come from the Python model (the ledger, the classifier, the data), so these
tests check that what the browser computes from the printed Vega expressions agrees with it.
"""

from __future__ import annotations

import re

import pytest
from site_helpers import CHART_PAGE, chart_texts, set_slider

from chipcontrols import ledger
from chipcontrols.core.data import load_table
from chipcontrols.eccn3a090 import RULE_VERSIONS, classify_under_every_version
from widgets.core import palette
from widgets.eccn3a090.history import short_class

pytestmark = pytest.mark.browser


def _slider(chart, label_start: str):
    binding = chart.locator(".vega-bind").filter(
        has=chart.page.locator(".vega-bind-name", has_text=label_start)
    )
    assert binding.count() == 1, label_start
    return binding.locator("input[type=range]")


def _settle(page):
    page.page.wait_for_timeout(250)


# -- (a) timeline -------------------------------------------------------------------------


def _point_count(chart) -> int:
    return chart.locator("svg.marks .mark-symbol.role-mark path").count()


def test_timeline_shows_every_event_and_filters_by_actor(visit):
    page = visit(CHART_PAGE)
    chart = page.chart("Timeline of")
    events = load_table("timeline")
    assert _point_count(chart) == len(events)
    select = chart.locator(".vega-bindings select")
    for group in ("China", "Allies", "United States", "Industry"):
        select.select_option(group)
        _settle(page)
        assert _point_count(chart) == int((events["actor_group"] == group).sum()), group
    select.select_option("All actors")
    _settle(page)
    assert _point_count(chart) == len(events)


# -- (d) rule versions --------------------------------------------------------------------


def test_rule_grid_has_one_cell_per_chip_and_version_with_the_model_class(visit, chips):
    page = visit(CHART_PAGE)
    chart = page.chart("Grid of")
    cells = chart.locator("svg.marks .mark-rect.role-mark path")
    assert cells.count() == len(chips) * len(RULE_VERSIONS)
    expected = sorted(classify_under_every_version(chips)["eccn_class"].map(short_class))
    assert sorted(chart_texts(chart)) == expected


def test_rule_grid_cells_on_a_phone_name_only_the_class(visit, chips):
    # Full labels do not fit a 390 px screen's columns: the cells keep the class's head.
    page = visit(CHART_PAGE)
    page.page.set_viewport_size({"width": 390, "height": 844})
    chart = page.chart("Grid of")
    page.page.wait_for_timeout(600)
    labels = classify_under_every_version(chips)["eccn_class"].map(short_class)
    heads = sorted(label.split(" (")[0].replace("not controlled", "not ctrl.") for label in labels)
    assert sorted(chart_texts(chart)) == heads
    widest = chart.locator("svg.marks .mark-text.role-mark text").evaluate_all(
        "texts => Math.max(...texts.map(t => t.getBBox().width))"
    )
    column = chart.locator("svg.marks .mark-rect.role-mark path").first.evaluate(
        "cell => cell.getBBox().width"
    )
    assert widest < column


# -- (b) ledger -----------------------------------------------------------------------------


def _ledger_readout(chart) -> str:
    return next(t for t in chart_texts(chart) if t.startswith("Exports:"))


def _expected_readout(**values) -> str:
    result = ledger.ledger(**values)
    return f"Exports: {result.volume:.2f} million chips; binding: {result.binding_text}"


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"approvals": 2.5},
        {"approvals": 2.5, "us_volume": 3.0},
        {"approvals": 2.5, "us_volume": 3.0, "supply": 2.0, "cap_share": 1.0, "demand": 0.6},
        {"approvals": 2.5, "us_volume": 1.4},  # supply 0.7 = cap 0.5 x 1.4: a tie
        {"approvals": 0.7, "us_volume": 1.4},  # three limits at 0.7
    ],
)
def test_ledger_names_the_binding_limit_as_the_model_does(visit, settings):
    page = visit(CHART_PAGE)
    chart = page.chart("The H200 ledger.")
    for name, value in settings.items():
        set_slider(_slider(chart, ledger.PARAMETERS[name].label), value)
    _settle(page)
    assert _ledger_readout(chart) == _expected_readout(**settings)
    red = chart.locator(f"svg.marks .mark-rect.role-mark path[fill='{palette.BINDING}']")
    assert red.count() == len(ledger.ledger(**settings).binding)


def _number_before(texts: list[str], suffix: str) -> list[float]:
    return [float(m.group(1)) for t in texts if (m := re.fullmatch(rf"\$?([\d.]+){suffix}", t))]


def test_ledger_revenue_and_ratio_follow_price_share_and_the_h100e_switch(visit):
    page = visit(CHART_PAGE)
    chart = page.chart("The H200 ledger.")
    set_slider(_slider(chart, ledger.PARAMETERS["price"].label), 30)
    set_slider(_slider(chart, ledger.PARAMETERS["tariff_share"].label), 0.15)
    chart.locator(".vega-bindings input[type=radio]").nth(1).check()
    _settle(page)
    bases = {round(v, 4) for v in (1.0, 4800 / 3350)}
    h = max(bases)
    result = ledger.ledger(price=30, tariff_share=0.15, h100e_per_chip=h)
    texts = chart_texts(chart)
    assert sorted(_number_before(texts, " bn")) == pytest.approx(
        sorted([round(result.treasury_revenue, 1), round(result.nvidia_revenue, 1)]), abs=0.051
    )
    assert sorted(_number_before(texts, "×")) == pytest.approx(
        sorted([round(result.ratio_without_exports, 1), round(result.ratio_with_exports, 1)]),
        abs=0.051,
    )


# -- (c) ratio against volume ---------------------------------------------------------------


def _q_star_readout(chart) -> str:
    return next(t for t in chart_texts(chart) if t.startswith(("Q* =", "Already below")))


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"target_ratio": 5.0},
        {"target_ratio": 20.0, "china_compute": 0.8},
        {"target_ratio": 8.0, "displacement": 1.0, "us_compute": 20.0},
        {"target_ratio": 50.0},  # above the no-exports ratio: already below the target
    ],
)
def test_ratio_chart_marks_the_closed_form_volume(visit, settings):
    page = visit(CHART_PAGE)
    chart = page.chart("Line chart of the US:China ratio")
    declared = {**ledger.PARAMETERS, "target_ratio": ledger.TARGET_RATIO}
    for name, value in settings.items():
        set_slider(_slider(chart, declared[name].label), value)
    _settle(page)
    target = settings.get("target_ratio", ledger.TARGET_RATIO.default)
    others = {k: v for k, v in settings.items() if k != "target_ratio"}
    q_star = ledger.closed_form_results(target_ratio=target, **others).volume_for_target
    readout = _q_star_readout(chart)
    if q_star < 0:
        assert readout == "Already below the target with no exports"
    else:
        assert readout.startswith(f"Q* = {q_star:.2f} million")
    # the target line is always drawn; the vertical Q* line only when Q* lies on the axis
    on_axis = 0 <= q_star <= ledger.EXPORT_VOLUME.maximum
    rules = chart.locator("svg.marks .mark-rule.role-mark line")
    assert rules.count() == 1 + on_axis


def test_ratio_curve_reference_points_match_the_model(visit):
    page = visit(CHART_PAGE)
    chart = page.chart("Line chart of the US:China ratio")
    labels = [t for t in chart_texts(chart) if t.endswith(" M)")]
    assert sorted(labels) == sorted(
        [
            f"approved by Beijing ({ledger.PARAMETERS['approvals'].default:.1f} M)",
            f"Nvidia's stock ({ledger.PARAMETERS['supply'].default:.1f} M)",
            f"ordered ({ledger.PARAMETERS['demand'].default:.1f} M)",
        ]
    )

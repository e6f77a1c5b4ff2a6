"""Chapter 3's charts in headless Chromium: each responds to its controls as the model does.

Expected values come from the Python model (the stag hunt, the cascade iterated by
``cascade_path``, the holders' data), so these tests check that what the browser computes from
the printed Vega expressions agrees with it.
"""

from __future__ import annotations

import pytest
from site_helpers import chart_texts, set_slider

from chipcontrols import coalition
from chipcontrols.coalition import cascade, staghunt
from widgets.coalition.record import record_table

pytestmark = pytest.mark.browser
PAGE = "chapters/03-allied-risk.html"


def _slider(chart, label: str):
    binding = chart.locator(".vega-bind").filter(
        has=chart.page.locator(".vega-bind-name", has_text=label)
    )
    assert binding.count() == 1, label
    return binding.locator("input[type=range]")


def _settle(page):
    page.page.wait_for_timeout(300)


def _restraining(q: float, beta: float, s: float) -> int:
    return sum(
        coalition.stag_hunt(
            restraint_cost=h.china_share, security_value=s, retained_share=beta, partner_belief=q
        ).restrains
        for h in coalition.holders()
    )


@pytest.mark.parametrize(
    ("q", "beta", "s"),
    [(0.5, 0.0, 1.0), (0.3, 0.0, 1.0), (0.2, 0.0, 1.0), (0.3, 0.1, 1.2), (0.1, 0.0, 0.6)],
)
def test_staghunt_readout_counts_the_holders_that_restrain(visit, q, beta, s):
    page = visit(PAGE)
    chart = page.chart("Stag-hunt map")
    for name, value in (("partner_belief", q), ("retained_share", beta), ("security_value", s)):
        set_slider(_slider(chart, staghunt.PARAMETERS[name].label), value)
    _settle(page)
    readout = next(t for t in chart_texts(chart) if t.startswith("At belief"))
    assert readout == (
        f"At belief q = {q:.2f}: {_restraining(q, beta, s)} of "
        f"{len(coalition.HOLDER_GROUPS)} holders restrain"
    )


def _expected_outcome(**values) -> str:
    path = coalition.cascade_path(cascade.BROWSER_STEPS, **values)
    final, seed = path[-1], values["seed_share"]
    reachable = 1 - values.get("league_coverage", 0.0)
    if final >= cascade.UNRAVELLED_FRACTION * reachable and reachable > seed:
        text = f"unravels: {final:.0%} selling"
    elif final - seed < 1e-9:
        text = f"holds: only the seed sells ({seed:.0%})"
    else:
        text = f"partial cascade: {final:.0%} selling"
    return f"After {cascade.BROWSER_STEPS} rounds: {text}"


@pytest.mark.parametrize(
    "settings",
    [
        {"threshold_mean": 0.3, "threshold_spread": 0.08, "seed_share": 0.2},
        {"threshold_mean": 0.3, "threshold_spread": 0.12, "seed_share": 0.2},
        {"threshold_mean": 0.3, "threshold_spread": 0.16, "seed_share": 0.05},
        {
            "threshold_mean": 0.3,
            "threshold_spread": 0.12,
            "seed_share": 0.2,
            "league_coverage": 0.5,
        },
        {"threshold_mean": 0.45, "threshold_spread": 0.2, "seed_share": 0.1},
    ],
)
def test_cascade_outcome_matches_the_python_iteration(visit, settings):
    page = visit(PAGE)
    chart = page.chart("Threshold cascade")
    for name, value in settings.items():
        set_slider(_slider(chart, cascade.PARAMETERS[name].label), value)
    _settle(page)
    values = {"league_coverage": 0.0, **settings}
    assert _expected_outcome(**values) in chart_texts(chart)


@pytest.mark.parametrize("mean", [0.3, 0.2, 0.55])
def test_cascade_states_the_critical_spread_of_the_model(visit, mean):
    page = visit(PAGE)
    chart = page.chart("Threshold cascade")
    set_slider(_slider(chart, cascade.PARAMETERS["threshold_mean"].label), mean)
    _settle(page)
    sigma = coalition.critical_spread(mean)
    expected = (
        "No critical spread at this mean"
        if sigma != sigma
        else f"Critical spread at this mean: σc = {sigma:.3f}"
    )
    assert expected in chart_texts(chart)


def _point_count(chart) -> int:
    return chart.locator("svg.marks .mark-symbol.role-mark path").count()


def test_record_chart_filters_by_toolmaker_and_adds_guidance(visit):
    page = visit(PAGE)
    chart = page.chart("China's share of sales of")
    table = record_table()
    outcomes = table[table.kind != "guidance"]
    assert _point_count(chart) == len(outcomes)
    chart.locator(".vega-bindings input[type=checkbox]").check()
    _settle(page)
    assert _point_count(chart) == len(table)
    chart.locator(".vega-bindings select").select_option("ASML")
    _settle(page)
    assert _point_count(chart) == int((table.holder == "ASML").sum())


def test_lab_static_view_shows_the_default_cascade(visit):
    page = visit(PAGE)
    lab = page.page.locator(".h200-lab-static", has_text="Named-holder cascade lab")
    assert lab.count() == 1
    text = lab.text_content()
    assert "US toolmakers and US chipmakers" in text and "Binder" in text

"""The tools-vs-chips model (chapter 2): hand-derived values, properties, the two T* routes.

Expected values come from the research memo's hand arithmetic (models.md §4), from independent
computations (plain ``math``, brute-force integration and root search on a grid), or from
properties the closed forms must have; none is copied from the code under test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from chipcontrols import tools_vs_chips
from chipcontrols.tools_vs_chips.evidence import estimate_value

#: The research memo's defaults for its worked numbers (models.md §4).
MEMO = {
    "wafer_starts": 45.0,
    "ai_wafer_share": 0.10,
    "ascend_die_area": 600.0,
    "ascend_yield": 0.4,
    "dies_per_package": 2.0,
    "hbm_supply": 2.4,
    "hbm_per_package": 8.0,
    "h100e_per_accelerator": 0.78,
}
MEMO_RACE = {
    "chip_imports": 0.7,
    "domestic_output": 0.25,
    "growth_with_controls": 0.29,
    "growth_without_controls": 0.6,
}


def hand_gross_dies(area_mm2: float, diameter_mm: float = 300.0) -> float:
    return math.pi * (diameter_mm / 2) ** 2 / area_mm2 - math.pi * diameter_mm / math.sqrt(
        2 * area_mm2
    )


# --- hand-derived values from the memo ------------------------------------------------------


def test_a_600_mm2_die_gives_about_91_gross_dies_per_300_mm_wafer():
    assert tools_vs_chips.evaluate("gross_dies", ascend_die_area=600.0) == pytest.approx(
        90.6, abs=0.05
    )


def test_ten_percent_of_45k_wafers_a_month_gives_about_098_million_accelerators():
    # 0.10 x 45,000 x 12 wafers x 90.6 dies x 0.4 yield / 2 dies per package
    hand = 0.10 * 45_000 * 12 * hand_gross_dies(600.0) * 0.4 / 2 / 1e6
    assert hand == pytest.approx(0.98, abs=0.005)
    assert tools_vs_chips.evaluate("wafer_limit", **MEMO) == pytest.approx(hand, rel=1e-12)


def test_hbm_of_24_million_stacks_caps_output_near_03_million_accelerators():
    assert tools_vs_chips.evaluate("hbm_limit", **MEMO) == pytest.approx(2.4 / 8)
    assert tools_vs_chips.evaluate("accelerators", **MEMO) == pytest.approx(0.3)
    assert tools_vs_chips.evaluate("output", **MEMO) == pytest.approx(0.3 * 0.78)


def test_crossover_years_are_36_under_controls_and_17_without():
    assert tools_vs_chips.evaluate("crossover_with", **MEMO_RACE) == pytest.approx(
        math.log(0.7 / 0.25) / 0.29
    )
    assert round(tools_vs_chips.evaluate("crossover_with", **MEMO_RACE), 1) == 3.6
    assert round(tools_vs_chips.evaluate("crossover_without", **MEMO_RACE), 1) == 1.7
    assert tools_vs_chips.evaluate("years_bought", **MEMO_RACE) == pytest.approx(
        math.log(0.7 / 0.25) * (1 / 0.29 - 1 / 0.6)
    )


def test_tool_controls_out_deny_a_chip_ban_after_about_43_years():
    assert round(tools_vs_chips.dynamics.horizon_numerical(**MEMO_RACE), 1) == 4.3


def test_t_star_matches_a_brute_force_search_over_integrated_paths():
    """Integrate the two output paths numerically and find the first year the gap passes M·T."""
    step = 1e-4
    years = np.arange(0, 10, step)
    with_controls = 0.25 * np.exp(0.29 * years)
    without = 0.25 * np.exp(0.6 * years)
    denied_by_tools = np.cumsum((without - with_controls) * step)
    denied_by_ban = 0.7 * (years + step)
    brute = years[np.argmax(denied_by_tools >= denied_by_ban)]
    assert tools_vs_chips.dynamics.horizon_numerical(**MEMO_RACE) == pytest.approx(brute, abs=2e-3)


# --- the horizon: numerical root and Lambert W -------------------------------------------------


@pytest.mark.parametrize("growth_without", [0.1, 0.4, 0.6, 0.9, 1.5])
@pytest.mark.parametrize("imports", [0.05, 0.7, 3.0])
def test_lambert_w_and_the_numerical_root_agree_when_capacity_does_not_grow_under_controls(
    growth_without, imports
):
    values = {
        "growth_with_controls": 0.0,
        "growth_without_controls": growth_without,
        "chip_imports": imports,
    }
    lambert = tools_vs_chips.dynamics.horizon_lambert(**values)
    assert lambert == pytest.approx(tools_vs_chips.dynamics.horizon_numerical(**values), rel=1e-9)
    # and the root solves e^{γT} − 1 = γT(M + D0)/D0, by hand
    d0 = tools_vs_chips.PARAMETERS["domestic_output"].default
    assert math.expm1(growth_without * lambert) == pytest.approx(
        growth_without * lambert * (imports + d0) / d0, rel=1e-9
    )


def test_sympys_lambert_solution_equals_the_domestic_share_form():
    raw = sp.lambdify(
        (tools_vs_chips.dynamics._M, tools_vs_chips.dynamics._D0, tools_vs_chips.dynamics._GF),
        tools_vs_chips.dynamics.HORIZON_LAMBERT,
        "mpmath",
    )
    share = sp.lambdify(
        (tools_vs_chips.dynamics._M, tools_vs_chips.dynamics._D0, tools_vs_chips.dynamics._GF),
        tools_vs_chips.dynamics.HORIZON_LAMBERT_SHARE,
        "mpmath",
    )
    for m, d0, g in [(0.7, 0.243, 0.6), (0.05, 2.0, 0.3), (4.0, 0.01, 1.2)]:
        assert float(raw(m, d0, g).real) == pytest.approx(float(share(m, d0, g).real), rel=1e-12)


def test_the_lambert_form_refuses_a_growing_controlled_path():
    with pytest.raises(ValueError, match="growth_with_controls = 0.29.*horizon_numerical"):
        tools_vs_chips.dynamics.horizon_lambert(growth_with_controls=0.29)


@pytest.mark.parametrize(("with_controls", "without"), [(0.3, 0.3), (0.5, 0.2), (0.0, 0.0)])
def test_t_star_does_not_exist_unless_growth_without_controls_is_faster(with_controls, without):
    assert (
        tools_vs_chips.dynamics.horizon_numerical(
            growth_with_controls=with_controls, growth_without_controls=without
        )
        == math.inf
    )


@pytest.mark.parametrize(("with_controls", "without"), [(0.0, 0.05), (0.29, 0.3), (0.9, 1.5)])
def test_t_star_exists_and_solves_the_horizon_equation_when_growth_without_is_faster(
    with_controls, without
):
    values = {"growth_with_controls": with_controls, "growth_without_controls": without}
    t_star = tools_vs_chips.dynamics.horizon_numerical(**values)
    assert 0 < t_star < math.inf
    gap = lambda t: tools_vs_chips.dynamics._gap(t, tools_vs_chips.PARAMETERS.check(values))  # noqa: E731
    assert abs(gap(t_star)) < 1e-8 * max(1.0, t_star)
    assert gap(t_star * 0.9) < 0 < gap(t_star * 1.1)


def test_t_star_falls_as_uncontrolled_growth_rises():
    horizons = [
        tools_vs_chips.dynamics.horizon_numerical(growth_without_controls=g)
        for g in (0.4, 0.6, 0.9)
    ]
    assert horizons == sorted(horizons, reverse=True)


# --- the closed forms' own properties ---------------------------------------------------------


def test_output_at_the_crossover_year_equals_imports():
    t_x = tools_vs_chips.evaluate("crossover_with", **MEMO_RACE)
    assert 0.25 * math.exp(0.29 * t_x) == pytest.approx(0.7)


def test_the_cumulative_closed_forms_match_numerical_integration():
    values = {**MEMO_RACE, "horizon_years": 7.5}
    years = np.linspace(0, 7.5, 200_001)
    tool_gap = 0.25 * (np.exp(0.6 * years) - np.exp(0.29 * years))
    assert tools_vs_chips.evaluate("denied_by_tool_controls", **values) == pytest.approx(
        np.trapezoid(tool_gap, years), rel=1e-9
    )
    assert tools_vs_chips.evaluate("denied_by_chip_ban", **values) == pytest.approx(0.7 * 7.5)


def test_with_no_growth_under_controls_the_cumulative_form_takes_its_limit():
    values = {**MEMO_RACE, "growth_with_controls": 0.0, "horizon_years": 4.0}
    denied = tools_vs_chips.evaluate("denied_by_tool_controls", **values)
    assert denied == pytest.approx(0.25 * (math.expm1(0.6 * 4.0) / 0.6 - 4.0))


def test_years_bought_are_positive_exactly_when_controls_slow_growth_and_imports_lead():
    assert tools_vs_chips.evaluate("years_bought", **MEMO_RACE) > 0
    assert (
        tools_vs_chips.evaluate("years_bought", **{**MEMO_RACE, "growth_without_controls": 0.2})
        < 0
    )
    assert tools_vs_chips.evaluate("years_bought", **{**MEMO_RACE, "chip_imports": 0.1}) < 0


INCREASING = ("wafer_starts", "ai_wafer_share", "ascend_yield", "tool_uptime")
DECREASING = ("dies_per_package", "litho_passes", "ascend_die_area")


@pytest.mark.parametrize("name", INCREASING + DECREASING)
def test_the_wafer_limit_moves_the_right_way_with_each_lever(name):
    declared = tools_vs_chips.PARAMETERS[name]
    grid = np.linspace(declared.minimum, declared.maximum, 7)
    limits = [tools_vs_chips.evaluate("wafer_limit", **{name: float(v)}) for v in grid]
    steps = np.diff(limits)
    assert (steps > 0).all() if name in INCREASING else (steps < 0).all()


def test_output_ignores_wafer_levers_while_hbm_binds():
    base = tools_vs_chips.evaluate("output")
    assert tools_vs_chips.evaluate("wafer_limit") > tools_vs_chips.evaluate(
        "hbm_limit"
    )  # HBM binds
    for name in INCREASING:
        assert (
            tools_vs_chips.evaluate("output", **{name: tools_vs_chips.PARAMETERS[name].maximum})
            == base
        )
    assert tools_vs_chips.evaluate("output", dies_per_package=1.0, ascend_die_area=400.0) == base


def test_the_min_switches_at_the_hbm_supply_that_makes_the_limits_equal():
    threshold = tools_vs_chips.evaluate("hbm_at_which_wafers_bind")
    assert threshold == pytest.approx(tools_vs_chips.evaluate("wafer_limit") * 8.0)  # s_h x N_w
    below = tools_vs_chips.evaluate("hbm_limit", hbm_supply=threshold * 0.99)
    above = tools_vs_chips.evaluate("hbm_limit", hbm_supply=min(threshold * 1.01, 15.0))
    wafer = tools_vs_chips.evaluate("wafer_limit")
    assert below < wafer < above
    assert tools_vs_chips.evaluate("accelerators", hbm_supply=threshold) == pytest.approx(wafer)


@pytest.mark.parametrize("regime", ["wafers", "HBM"])
@pytest.mark.parametrize("name", tools_vs_chips.LEVERS)
def test_sympy_elasticities_match_finite_differences(regime, name):
    # an interior point of every range, in the chosen regime
    point = {
        **{p: v.default for p, v in tools_vs_chips.STATIC.items()},
        "tool_uptime": 0.8,
        "litho_passes": 1.5,
        "hbm_supply": 12.0 if regime == "wafers" else 0.5,
    }
    limit = "wafer_limit" if regime == "wafers" else "hbm_limit"

    def log_output(value):
        at = {**point, name: value}
        return math.log(tools_vs_chips.evaluate(limit, **at) * at["h100e_per_accelerator"])

    x = point[name]
    h = 1e-5 * x
    numeric = (log_output(x + h) - log_output(x - h)) / (math.log(x + h) - math.log(x - h))
    symbolic = float(
        tools_vs_chips.ELASTICITIES[regime][name].subs(
            {tools_vs_chips.PARAMETERS.symbol(k): v for k, v in point.items()}
        )
    )
    assert symbolic == pytest.approx(numeric, abs=1e-6)


def test_multiplicative_levers_have_unit_elasticities_and_die_area_more_than_one():
    wafers = tools_vs_chips.ELASTICITIES["wafers"]
    assert [
        wafers[n] for n in ("wafer_starts", "ai_wafer_share", "ascend_yield", "tool_uptime")
    ] == [1] * 4
    assert wafers["litho_passes"] == wafers["dies_per_package"] == -1
    assert tools_vs_chips.evaluate("die_area_elasticity") < -1  # edge losses grow with the die


# --- the two-input path and the servicing-ban shock --------------------------------------------


def test_the_two_input_path_is_the_one_rate_path_when_hbm_grows_at_the_controlled_rate():
    path = tools_vs_chips.dynamics.two_input_path([0, 2.5, 5, 10])
    d0 = tools_vs_chips.evaluate("output")
    rate = tools_vs_chips.PARAMETERS["growth_with_controls"].default
    np.testing.assert_allclose(path["output"], d0 * np.exp(rate * path["year"]), rtol=1e-12)
    assert set(path["binding"]) == {"HBM"}


def test_faster_hbm_growth_moves_the_bottleneck_to_the_wafers():
    path = tools_vs_chips.dynamics.two_input_path(np.arange(0, 10.5, 0.5), hbm_growth=0.8)
    assert path["binding"].iloc[0] == "HBM" and path["binding"].iloc[-1] == "wafers"
    switch = path["year"][path["binding"] == "wafers"].iloc[0]
    # by hand: 0.30 e^{0.8 t} = N_w e^{0.2877 t}  =>  t = ln(N_w/0.30)/(0.8 - 0.2877)
    hand = math.log(tools_vs_chips.evaluate("wafer_limit") / 0.3) / (0.8 - 0.2877)
    assert switch - 0.5 < hand <= switch


def test_a_servicing_ban_costs_nothing_while_hbm_binds():
    shock = tools_vs_chips.dynamics.servicing_ban_shock(uptime=0.5)
    assert shock.output_lost_after_ban == 0 and shock.cumulative_lost == 0
    assert shock.binding_after_ban == "HBM"


def test_a_servicing_ban_cuts_wafer_limited_output_by_the_lost_uptime():
    values = {"hbm_supply": 15.0, "servicing_ban_year": 2.0}
    shock = tools_vs_chips.dynamics.servicing_ban_shock(uptime=0.7, **values)
    wafer_output = (
        tools_vs_chips.evaluate("wafer_limit")
        * tools_vs_chips.PARAMETERS["h100e_per_accelerator"].default
    )
    hand = wafer_output * math.exp(0.2877 * 2.0) * (1 - 0.7)
    assert shock.binding_after_ban == "wafers"
    assert shock.output_lost_after_ban == pytest.approx(hand, rel=1e-9)
    assert shock.cumulative_lost > 0


def test_scenarios_chain_the_static_model_into_the_race():
    table = tools_vs_chips.dynamics.scenarios(
        {"more HBM": {"hbm_supply": 4.8}, "defaults": {}}
    ).set_index("scenario")
    assert table.loc["more HBM", "output"] == pytest.approx(2 * table.loc["defaults", "output"])
    assert table.loc["more HBM", "crossover_with"] < table.loc["defaults", "crossover_with"]


# --- declarations read from the data ------------------------------------------------------------


def test_defaults_that_are_published_figures_come_from_the_data():
    declared = tools_vs_chips.PARAMETERS
    assert declared["wafer_starts"].default * 1000 == estimate_value(
        "smic-advanced-capacity-2025-semianalysis"
    )
    assert declared["growth_with_controls"].default == pytest.approx(
        math.log(80_000 / 45_000) / 2, abs=1e-4
    )
    assert declared["hbm_supply"].default == pytest.approx(
        estimate_value("ascend-output-2026-semianalysis")
        * declared["hbm_per_package"].default
        / 1e6
    )
    assert declared["domestic_output"].default == pytest.approx(
        tools_vs_chips.evaluate("output"), abs=5e-4
    )


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: tools_vs_chips.evaluate("output", wafer_starts=-1),
            r"wafer_starts = -1 is outside the valid range \[10, 150\]",
        ),
        (
            lambda: tools_vs_chips.evaluate("output", hbm_supply="lots"),
            r"hbm_supply = 'lots' is not a number",
        ),
        (lambda: tools_vs_chips.evaluate("outptu"), r"key = 'outptu' is not a form.*valid"),
        (
            lambda: tools_vs_chips.evaluate("output", wafers=40),
            r"unknown parameter\(s\) \['wafers'\]",
        ),
        (
            lambda: tools_vs_chips.dynamics.horizon_numerical(growth_without_controls=2.0),
            r"growth_without_controls = 2 is outside the valid range \[0, 1.5\]",
        ),
        (
            lambda: tools_vs_chips.dynamics.two_input_path([0, 25]),
            r"years_ahead = 25 is outside the valid range \[0, 20\]",
        ),
        (
            lambda: tools_vs_chips.dynamics.servicing_ban_shock(uptime=1.2),
            r"tool_uptime = 1.2 is outside",
        ),
    ],
)
def test_bad_input_names_the_parameter_the_value_and_the_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- the seven kinds of bad value, against each public function ---------------------------------

from chipcontrols.tools_vs_chips import checks  # noqa: E402

SEVEN = {
    "wrong type": "12",
    "nan": math.nan,
    "+inf": math.inf,
    "-inf": -math.inf,
    "negative": -1.0,
}
#: Public functions of chapter 2's model and checks, each with the parameter tried, a value
#: beyond its range and a call with an unknown keyword.
FUNCTIONS = {
    "evaluate": (
        lambda v: tools_vs_chips.evaluate("output", hbm_supply=v),
        "hbm_supply",
        16.0,
        lambda: tools_vs_chips.evaluate("output", hbm=2.4),
    ),
    "evaluate_along": (
        lambda v: tools_vs_chips.evaluate_along("path_with", [0, 1], chip_imports=v),
        "chip_imports",
        6.0,
        lambda: tools_vs_chips.evaluate_along("path_with", [0], imports=1),
    ),
    "horizon_numerical": (
        lambda v: tools_vs_chips.dynamics.horizon_numerical(growth_with_controls=v),
        "growth_with_controls",
        1.2,
        lambda: tools_vs_chips.dynamics.horizon_numerical(growth=0.3),
    ),
    "horizon": (
        lambda v: tools_vs_chips.dynamics.horizon(domestic_output=v),
        "domestic_output",
        6.0,
        lambda: tools_vs_chips.dynamics.horizon(output=0.2),
    ),
    "two_input_path": (
        lambda v: tools_vs_chips.dynamics.two_input_path([0, 1], hbm_growth=v),
        "hbm_growth",
        2.0,
        lambda: tools_vs_chips.dynamics.two_input_path([0], hbm=0.3),
    ),
    "servicing_ban_shock": (
        lambda v: tools_vs_chips.dynamics.servicing_ban_shock(uptime=v),
        "tool_uptime",
        1.5,
        lambda: tools_vs_chips.dynamics.servicing_ban_shock(uptime=0.7, ban=2),
    ),
    "scenarios": (
        lambda v: tools_vs_chips.dynamics.scenarios({"x": {"ascend_yield": v}}),
        "ascend_yield",
        0.95,
        lambda: tools_vs_chips.dynamics.scenarios({"x": {"yield": 0.5}}),
    ),
    "check_gross_dies": (
        lambda v: checks.check_gross_dies(90.0, ascend_die_area=v),
        "ascend_die_area",
        900.0,
        lambda: checks.check_gross_dies(90.0, ascend_die_area=600, area=600),
    ),
    "check_hbm_threshold": (
        lambda v: checks.check_hbm_threshold(7.0, wafer_starts=v),
        "wafer_starts",
        200.0,
        lambda: checks.check_hbm_threshold(7.0, wafers=45),
    ),
    "check_horizon": (
        lambda v: checks.check_horizon(4.0, growth_without_controls=v),
        "growth_without_controls",
        2.0,
        lambda: checks.check_horizon(4.0, growth=0.6),
    ),
}


@pytest.mark.parametrize("kind", [*SEVEN, "out of range", "unknown keyword"])
@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_public_function_refuses_every_kind_of_bad_value(name, kind):
    """Model functions raise; checks answer the same mistake with a "Not yet" naming it."""
    call, parameter, beyond, unknown = FUNCTIONS[name]

    def attempt():
        if kind == "unknown keyword":
            return unknown()
        return call(beyond if kind == "out of range" else SEVEN[kind])

    if name.startswith("check_"):
        result = attempt()
        assert not result and "could not be checked" in result.message
        message = result.message
    else:
        with pytest.raises(ValueError) as error:
            attempt()
        message = str(error.value)
    assert ("unknown" in message) if kind == "unknown keyword" else (parameter in message), message


def test_years_bought_is_the_difference_of_the_two_crossover_years():
    """The text's form ln(M/D0)·(1/γ_c − 1/γ_f) equals sympy's difference of the crossovers."""
    difference = tools_vs_chips.CROSSOVER_WITH - tools_vs_chips.CROSSOVER_WITHOUT
    assert sp.simplify(sp.expand_log(tools_vs_chips.YEARS_BOUGHT - difference, force=True)) == 0

"""Chapter 2's solution and prose figures against hand computations written out here.

Each expected value is worked by hand from the figures the chapter states (45,000 wafers a
month, 10% for AI, a 665.61 mm² die, 40% yield, two dies, 2.4 million HBM stacks at eight each,
0.7 million H100e of imports, growth of ln(80/45)/2 and 0.6 a year, ...), not by calling the
formula the function uses, so a drift in the model or the data shows up as a mismatch.
"""

from __future__ import annotations

import math

import pytest

from chipcontrols import tools_vs_chips
from solutions import tools_vs_chips as ch2_solutions

SOL = ch2_solutions.solution_figures()
MODEL = tools_vs_chips.prose.model_figures()
VALIDATION = tools_vs_chips.prose.validation_figures()
SHIFT = tools_vs_chips.prose.shift_figures()
EXERCISE = tools_vs_chips.prose.exercise_figures()
P910C = round(800 / 989.5, 2)  # 910C over H100 dense 16-bit TFLOPS (data/chips.csv), to the step
G_CONTROLLED = math.log(80 / 45) / 2


def gross(area, diameter=300.0):
    return math.pi * (diameter / 2) ** 2 / area - math.pi * diameter / math.sqrt(2 * area)


def close(value, expected, rel=1e-9):
    return value == pytest.approx(expected, rel=rel)


def test_the_default_bottleneck():
    wafers = 0.10 * 12 * 45_000 / 1e6 * gross(665.61) * 0.4 / 2
    assert close(MODEL["gross_dies"], gross(665.61))
    assert close(MODEL["wafer_limit"], wafers)
    assert close(MODEL["hbm_limit"], 2.4 / 8)
    assert MODEL["binding"] == "HBM"
    assert close(MODEL["output"], 0.3 * P910C, rel=1e-3)
    assert close(MODEL["hbm_at_which_wafers_bind"], 8 * wafers)
    assert close(MODEL["threshold_multiple"], 8 * wafers / 2.4)
    assert close(MODEL["one_die_threshold"], 16 * wafers)


def test_the_bottleneck_exercise_successor():
    # a 600 mm² single die at 50% yield with 6 HBM stacks
    assert (
        EXERCISE["successor_ascend_die_area"] == 600 and EXERCISE["successor_yield_percent"] == 50
    )
    assert close(SOL["bottleneck_gross_dies"], gross(600))
    assert round(SOL["bottleneck_gross_dies"], 1) == 90.6
    assert close(SOL["bottleneck_area_term"] - SOL["bottleneck_edge_term"], gross(600))
    wafer = 0.10 * 12 * 45_000 / 1e6 * gross(600) * 0.5 / 1
    assert close(SOL["bottleneck_wafer_limit"], wafer)
    assert close(SOL["bottleneck_hbm_limit"], 2.4 / 6)
    assert SOL["bottleneck_binding"] == "HBM"
    assert close(SOL["bottleneck_threshold"], 6 * wafer)
    assert close(SOL["bottleneck_output"], 0.4 * P910C, rel=1e-3)


def test_the_race_exercise():
    d0 = 0.243  # the declared default, rounded
    assert EXERCISE["race_imports"] == 0.4  # Beijing's 400,000 H200s at 1 H100e
    assert close(SOL["race_log_ratio"], math.log(0.4 / d0))
    assert close(SOL["race_crossover_with"], math.log(0.4 / d0) / round(G_CONTROLLED, 4))
    assert close(SOL["race_crossover_without"], math.log(0.4 / d0) / 0.6)
    assert close(
        SOL["race_years_bought"], math.log(0.4 / d0) * (1 / round(G_CONTROLLED, 4) - 1 / 0.6)
    )
    assert SOL["race_horizon_low"] > SOL["race_horizon_mid"] > SOL["race_horizon_high"] > 0
    assert close(SOL["race_share"], d0 / (d0 + 0.7))
    assert SOL["race_lambert_gap"] < 1e-9


@pytest.mark.parametrize("key", ["race_horizon_low", "race_horizon_mid", "race_horizon_high"])
def test_each_horizon_solves_the_equation_by_hand(key):
    growth = dict(
        zip(
            ("race_horizon_low", "race_horizon_mid", "race_horizon_high"),
            tools_vs_chips.prose.RACE_GROWTHS,
        )
    )[key]
    t, d0, gc = SOL[key], 0.243, round(G_CONTROLLED, 4)
    tools = d0 * (math.expm1(growth * t) / growth - math.expm1(gc * t) / gc)
    assert tools == pytest.approx(0.7 * t, rel=1e-9)


def test_the_estimates_exercise_on_the_other_side_of_the_disputes():
    per_share_one_die = 12 * 45_000 / 1e6 * gross(665.61) * 0.4 / 1  # accelerators per unit α
    for key, count in (("bis", 0.2), ("mizuho", 0.7), ("idc", 0.812)):
        assert close(SOL[f"estimates_{key}_hbm"], count * 4)
        assert close(SOL[f"estimates_{key}_share_percent"], 100 * count / per_share_one_die)
    assert close(SOL["estimates_bloomberg_gap_hbm"], 8 * (0.6 - 0.3))


def test_the_validation_figures():
    per_share = 12 * 45_000 / 1e6 * gross(665.61) * 0.4 / 2
    assert close(VALIDATION["ascend_output_2025_bis_hbm"], 0.2 * 8)
    assert close(
        VALIDATION["ascend_shipments_2025_idc_wafer_share_percent"], 100 * 0.812 / per_share
    )
    assert VALIDATION["lowest_thousand"] == 200 and VALIDATION["highest_thousand"] == 812
    assert VALIDATION["model_inside_spread"] == "inside"
    assert close(VALIDATION["b300_in_h100e"], 5000 / 1979)
    assert close(
        VALIDATION["substrate_domestic_h100e_million"], 320_000 * 0.25 * 5000 / 1979 / 1e6
    )
    assert close(VALIDATION["model_domestic_share_percent"], 100 * 0.243 / (0.243 + 0.7))
    assert close(VALIDATION["bloomberg_hbm_multiple"], 0.6 * 8 / 2.4)


def test_the_estimates_kept_in_the_record():
    # FT via Digitimes: 100,000 910C and 300,000 910B planned for 2025; BIS's ceiling 200,000.
    assert close(VALIDATION["ft_plan_2025_thousand"], 400)
    assert close(VALIDATION["ft_plan_over_bis"], 2)
    # Morgan Stanley's 7,000 wafers a month against SemiAnalysis's 45,000 advanced capacity.
    assert close(VALIDATION["ms_share_of_capacity_percent"], 100 * 7_000 / 45_000)
    per_wafer = gross(665.61) * 0.4 / 2  # accelerators per wafer at the model's defaults
    assert close(VALIDATION["ms_wafer_limit_thousand"], 12 * 7_000 * per_wafer / 1e3)


def test_the_shift_tally():
    # Counted by hand from data/control_events.csv: 7 Oct 2022, 17 Oct 2023, 2 Dec 2024 and the
    # revocation of the China fabs' Validated End-User status on 29 Aug 2025.
    assert SHIFT["executive_tool_tightenings"] == 4
    assert SHIFT["executive_tool_tightenings_since_2025"] == 1
    assert SHIFT["executive_tool_loosenings_since_2025"] == 1  # the annual licences of Dec 2025
    assert SHIFT["last_executive_tool_tightening"] == "29 August 2025"
    # Entity List rounds of Jan, Mar and Sep 2025 and the Affiliates Rule; its suspension.
    assert SHIFT["executive_entity_tightenings_since_2025"] == 4
    assert SHIFT["executive_entity_loosenings_since_2025"] == 1
    # MATCH Act: House and Senate introductions and the committee vote of late April 2026.
    assert SHIFT["congress_tool_bill_steps"] == 3
    assert SOL["shift_executive_tool_years"] == "2022, 2023, 2024 and 2025"


def test_the_bottom_line_follows_from_the_tally():
    # The chapter says the executive loosened chips far more often than it tightened tools in
    # 2025-2026, yet did tighten on tools at the margin: both must stay true of the data.
    assert SHIFT["executive_tool_tightenings_since_2025"] >= 1
    assert (
        SHIFT["executive_chip_loosenings_since_2025"]
        > SHIFT["executive_chip_tightenings_since_2025"]
        > SHIFT["executive_tool_tightenings_since_2025"]
    )
    assert SHIFT["congress_tool_bill_steps"] >= SHIFT["executive_tool_tightenings_since_2025"]


def test_rubrics_add_up():
    for name, rubric in (
        ("reversible", ch2_solutions.REVERSIBLE_RUBRIC),
        ("memo", ch2_solutions.MEMO_RUBRIC),
        ("estimates", ch2_solutions.ESTIMATES_RUBRIC),
        ("shift", ch2_solutions.SHIFT_RUBRIC),
    ):
        assert SOL[f"{name}_rubric_total"] == sum(rubric.values())


def test_only_numbers_and_short_texts():
    for figures in (
        SOL,
        MODEL,
        VALIDATION,
        SHIFT,
        EXERCISE,
        tools_vs_chips.prose.capacity_figures(),
    ):
        for key, value in figures.items():
            assert type(value) in (float, str), key  # not a numpy float
            if isinstance(value, float):
                assert math.isfinite(value), key
            else:
                assert len(value) < 40, key

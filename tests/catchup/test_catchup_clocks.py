"""The performance and reliability clocks, units against compute, and the chapter's tables."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, strategies as st

from chipcontrols import catchup
from chipcontrols.core.data import load_chips

#: Declared defaults are rounded to four decimals (their sources say so): hand values from
#: the unrounded formulas agree to this relative tolerance.
ROUNDED = 1e-3

# --- performance clock ----------------------------------------------------------------------


@pytest.mark.parametrize(("advantage", "years"), [(0.2, 8.0), (0.64, 2.5)])
def test_crossover_from_a_fivefold_gap(advantage, years):
    # t* = ln 5 / (g_H - g_N): 1.609/0.2 = 8.0 years; 1.609/0.64 = 2.5 years.
    clock = catchup.performance.clock(
        performance_gap=5.0,
        nvidia_performance_growth=0.3,
        huawei_performance_growth=0.3 + advantage,
    )
    assert clock.crossover_years == pytest.approx(years, abs=0.05)


def test_two_or_three_years_needs_an_advantage_of_about_0_64_a_year():
    assert catchup.performance.required_advantage(2.5, 5.0) == pytest.approx(math.log(5) / 2.5)
    assert catchup.performance.required_advantage(
        2.0, 5.0
    ) > catchup.performance.required_advantage(3.0, 5.0)


@given(st.floats(1.01, 20), st.floats(0, 1.5), st.floats(-0.5, 1.5))
def test_the_ratio_reaches_one_at_the_crossover_exactly_when_huawei_grows_faster(gap, g_n, g_h):
    # An advantage too small for ln(gap)/advantage to be a float (e.g. 1e-308 a year) has its
    # crossover beyond the largest float: finite in arithmetic, inf in floating point.
    assume(g_h <= g_n or math.log(gap) / (g_h - g_n) < 1e300)
    clock = catchup.performance.clock(
        performance_gap=gap, nvidia_performance_growth=g_n, huawei_performance_growth=g_h
    )
    assert math.isfinite(clock.crossover_years) == (g_h > g_n)
    if math.isfinite(clock.crossover_years) and clock.crossover_years <= 10:
        ratio = catchup.performance.ratio_path(
            [clock.crossover_years],
            performance_gap=gap,
            nvidia_performance_growth=g_n,
            huawei_performance_growth=g_h,
        )
        assert ratio[0] == pytest.approx(1.0, rel=1e-9)


def test_cfrs_reading_of_the_roadmaps_is_a_widening_gap():
    # 5x to 17x in two years: g_N - g_H = ln(17/5)/2 = 0.612, the opposite sign of the claim.
    assert catchup.performance.growth_between(5, 17, 2) == pytest.approx(math.log(3.4) / 2)
    assert catchup.performance.growth_between(5, 17, 2) == pytest.approx(
        catchup.performance.required_advantage(2.5, 5.0), abs=0.04
    )


def test_the_default_clock_misses_the_claims_window():
    clock = catchup.performance.clock()
    assert not clock.within_claim
    assert clock.crossover_years == pytest.approx(
        math.log(5) / (math.log(2) - math.log(1.29)), rel=ROUNDED
    )


def test_huaweis_roadmap_doubles_8bit_compute_a_year_as_it_says():
    # 950DT 1,000 TFLOPS FP8 (Q4 2026) to 970 4,000 (Q4 2028): ln 4 / 2 = ln 2.
    assert catchup.roadmap_growth() == pytest.approx(math.log(2))
    assert catchup.chip_growth("nvidia-h100-sxm5", "nvidia-gb300") == pytest.approx(
        math.log(5000 / 1979) / 3
    )


# --- reliability clock ----------------------------------------------------------------------


def test_llama3_calibration():
    # 419 / (54 days x 24 h x 16,384 GPUs) = 1.973e-5 per GPU-hour; one failure every 3.09 h.
    assert pytest.approx(419 / (54 * 24 * 16384)) == catchup.reliability.LLAMA3_FAILURE_RATE
    assert catchup.reliability.failure_rate_per_chip_hour(419, 54, 16384) == pytest.approx(
        catchup.reliability.LLAMA3_FAILURE_RATE
    )
    assert catchup.reliability.cluster_reliability("h100").mtbf_hours == pytest.approx(
        54 * 24 / 419, rel=ROUNDED
    )


def test_h100_cluster_wastes_about_ten_percent_and_three_times_the_failures_about_eighteen():
    # sqrt(2 x (1/60) h / 3.093 h) = 0.104; with k = 3, sqrt(2 x (1/60) / 1.031) = 0.180.
    assert catchup.reliability.cluster_reliability("h100").waste == pytest.approx(0.104, abs=0.001)
    assert catchup.reliability.cluster_reliability("ascend").waste == pytest.approx(
        0.180, abs=0.001
    )
    # Meta reports more than 90% effective training time.
    assert catchup.reliability.cluster_reliability("h100").effective_time > 0.89


def test_youngs_interval_is_the_brute_force_minimum():
    mtbf = catchup.reliability.cluster_reliability("h100").mtbf_hours
    best_tau, best_waste = catchup.reliability.young_check(1 / 60, mtbf)
    h100 = catchup.reliability.cluster_reliability("h100")
    assert h100.interval_hours == pytest.approx(best_tau, rel=1e-3)
    assert h100.waste == pytest.approx(best_waste, rel=1e-6)


def test_waste_grows_as_the_square_root_of_cluster_size():
    small, large = catchup.reliability.waste_by_size([4096, 16384], chip="h100")
    assert large / small == pytest.approx(2.0)


@given(st.floats(256, 131072), st.floats(1, 10), st.floats(0.1, 15))
def test_exact_waste_stays_below_one_and_near_youngs_when_small(size, multiple, minutes):
    point = {
        "cluster_size": size,
        "ascend_failure_multiple": multiple,
        "checkpoint_minutes": minutes,
    }
    result = catchup.reliability.cluster_reliability("ascend", **point)
    assert 0 < result.exact_waste < 1
    if result.waste < 0.05:
        assert result.exact_waste == pytest.approx(result.waste, rel=0.1)


def test_more_failure_prone_chips_waste_more():
    wastes = [
        catchup.reliability.cluster_reliability("ascend", ascend_failure_multiple=k).exact_waste
        for k in (1, 2, 5, 10)
    ]
    assert wastes == sorted(wastes)
    assert catchup.reliability.cluster_reliability(
        "ascend", ascend_failure_multiple=1
    ).waste == pytest.approx(catchup.reliability.cluster_reliability("h100").waste)


def test_failures_make_the_superpod_route_need_extra_chips():
    needed = catchup.reliability.chips_to_match(16384, 0.8)
    naive = 16384 / 0.8
    assert needed > naive
    h100 = 16384 * catchup.reliability.cluster_reliability("h100").effective_time
    ascend = (
        needed
        * 0.8
        * catchup.reliability.cluster_reliability("ascend", cluster_size=needed).effective_time
    )
    assert ascend == pytest.approx(h100, rel=1e-6)


# --- units, compute, dollars ----------------------------------------------------------------


def test_compute_share_by_hand():
    # 0.41 x 0.38 / (0.41 x 0.38 + 0.59 x 0.15) = 0.1558 / 0.2443 = 0.638
    shares = catchup.market.shares(domestic_h100e_per_card=0.38, foreign_h100e_per_card=0.15)
    assert shares["compute"] == pytest.approx(0.1558 / (0.1558 + 0.0885), rel=1e-3)
    assert shares["cards"] == pytest.approx(0.41)


@given(st.floats(0.01, 0.99), st.floats(0.05, 1.5))
def test_equal_cards_make_the_shares_equal(share, h):
    shares = catchup.market.shares(
        domestic_unit_share=share,
        domestic_h100e_per_card=h,
        foreign_h100e_per_card=h,
        domestic_price_ratio=1.0,
    )
    assert shares["compute"] == pytest.approx(share) and shares["dollars"] == pytest.approx(share)


def test_default_h100_equivalents_come_from_the_chip_data():
    chips = load_chips().set_index("chip_id")
    assert catchup.market.PARAMETERS["foreign_h100e_per_card"].default == pytest.approx(
        16
        * chips.loc["nvidia-h20", "dense_fp16_tflops"]
        / (16 * chips.loc["nvidia-h100-sxm5", "dense_fp16_tflops"]),
        rel=ROUNDED,
    )


# --- the chapter's tables -------------------------------------------------------------------


def test_the_roadmap_records_the_960dt_pulled_forward_to_early_2027():
    table = catchup.roadmap().set_index("entry_id")
    assert (
        table.loc["huawei-960-2025", "planned_year"],
        table.loc["huawei-960-2025", "planned_quarter"],
    ) == (2027, 4)
    assert (
        table.loc["huawei-960dt-2026", "planned_year"],
        table.loc["huawei-960dt-2026", "planned_quarter"],
    ) == (2027, 1)
    assert table.loc["huawei-950pr-2025", "status_2026_11"] == "launched"


def test_every_roadmap_chip_id_is_in_the_chip_data():
    chips = set(load_chips()["chip_id"])
    linked = {c for c in catchup.roadmap()["chip_id"] if isinstance(c, str)}
    assert linked <= chips


def test_the_mandate_record_answers_each_part_of_chens_claim():
    for claim in catchup.CHEN_CLAIMS:
        assert len(catchup.mandate_record_for(claim)) >= 1, claim
    hundred = catchup.mandate_record_for("100% by 2027")
    assert set(hundred["level"]) == {"local", "national"}
    # No national State Council order sets 100% by 2027 for domestic chips.
    national = hundred[hundred["level"] == "national"]
    assert not ((national["target_year"] == 2027) & (national["percent"] == 100)).any()


def test_the_evidence_has_the_failure_and_the_counter_examples():
    table = catchup.evidence()
    assert set(table["bears_on"]) == {"baseline", "failure", "counter-example"}
    assert table.loc[table["bears_on"] == "baseline", "accelerators"].iloc[0] == 16384


def test_planned_dates_are_mid_quarter():
    assert [catchup.planned_date(2026, q).month for q in (1, 2, 3, 4)] == [2, 5, 8, 11]
    with pytest.raises(ValueError, match="quarter"):
        catchup.planned_date(2026, 5)


def test_sizes_grid_is_refused_outside_the_declared_range():
    with pytest.raises(ValueError, match="cluster_size"):
        catchup.reliability.waste_by_size(np.array([100.0, 1000.0]))

"""Chapter 4's solution and prose figures against hand arithmetic (the numbers the text states).

Each expected value is worked out here from the published inputs in data/record.csv and
data/chips.csv with the formulas the chapter prints.
"""

import math

import pytest

from chipcontrols import catchup
from solutions import catchup as ch4_solutions

SOL = ch4_solutions.solution_figures()
PROSE = catchup.prose.prose_figures()
B = -math.log2(0.8)
R_N = -math.log(0.7)
#: Declared defaults are rounded to four decimals (their sources say so): hand values from the
#: unrounded formulas agree to this relative tolerance.
ROUNDED = 1e-3


def test_dies_solutions():
    area = math.pi * 225**2  # the exercise's 450 mm wafer
    assert SOL["dies_wafer_area"] == pytest.approx(area)
    assert SOL["dies_dies_910b"] == pytest.approx(
        area / 665.61 - math.pi * 450 / math.sqrt(1331.22)
    )
    assert SOL["dies_edge_a100"] == pytest.approx(math.pi * 450 / math.sqrt(1652))
    assert (
        SOL["dies_edge_share_a100_percent"]
        > SOL["dies_edge_share_910b_percent"]
        > SOL["dies_edge_share_m5_percent"]
    )
    # A larger wafer loses a smaller share at the rim.
    assert SOL["dies_edge_share_300_910b_percent"] > SOL["dies_edge_share_910b_percent"]


def test_yield_solutions():
    # The exercise's die: 560 mm², yields 25% then 36%, output tripled between the reports.
    assert SOL["yield_defects_earlier_Poisson"] == pytest.approx(-math.log(0.25) / 5.6)
    assert SOL["yield_defects_later_negative_binomial"] == pytest.approx(
        3 * (0.36 ** (-1 / 3) - 1) / 5.6
    )
    theta = math.log(math.log(0.25) / math.log(0.36)) / math.log(3)
    assert SOL["yield_exponent"] == pytest.approx(theta)
    assert SOL["yield_yield_at_2x_percent"] == pytest.approx(100 * 0.36 ** (2**-theta))
    # 60% target: 0.36^(k^-θ) = 0.6  =>  k = (ln 0.36 / ln 0.6)^(1/θ)
    assert SOL["yield_multiple_for_target"] == pytest.approx(
        (math.log(0.36) / math.log(0.6)) ** (1 / theta)
    )
    assert SOL["yield_years_for_target"] == pytest.approx(
        math.log(SOL["yield_multiple_for_target"]) / math.log(2)
    )


def test_clock_solutions():
    assert SOL["clock_needed_2"] == pytest.approx(math.log(17) / 2)
    assert SOL["clock_needed_3"] == pytest.approx(math.log(17) / 3)
    assert SOL["clock_nvidia_growth"] == pytest.approx(math.log(1979 / 624) / 2)
    assert SOL["clock_huawei_growth"] == pytest.approx(math.log(804 / 512) / 7)
    assert SOL["clock_t_star_vs_a100"] == pytest.approx(
        math.log(5) / (math.log(2) - math.log(1979 / 624) / 2), rel=ROUNDED
    )


def test_race_solutions():
    for number, lr in enumerate((0.1, 0.25, 0.35), 1):
        b = -math.log2(1 - lr)
        assert SOL[f"race_gamma_min_{number}"] == pytest.approx(R_N / b, rel=ROUNDED)
    assert SOL["race_growth_for_crossover"] == pytest.approx(
        (math.log(2.5) / 6 + R_N) / -math.log2(0.75), rel=ROUNDED
    )


def test_reliability_solutions():
    rate = 419 / (54 * 24 * 16384)
    assert SOL["rel_failure_rate_per_million_hours"] == pytest.approx(rate * 1e6)
    assert SOL["rel_waste_superpod_percent"] == pytest.approx(
        100 * math.sqrt(2 * (1 / 60) * 8192 * 5 * rate), rel=ROUNDED
    )
    assert SOL["rel_waste_ascend_percent"] == pytest.approx(
        100 * math.sqrt(2 * (1 / 60) * 24576 * 5 * rate), rel=ROUNDED
    )
    assert (
        SOL["rel_chips_to_match"] > SOL["rel_chips_naive"] == pytest.approx(24576 * 15832 / 12800)
    )


def test_units_solutions():
    h_d = 12800 / 15832
    assert SOL["units_compute_share_percent"] == pytest.approx(
        100 * 0.41 * h_d / (0.41 * h_d + 0.59), rel=ROUNDED
    )
    assert SOL["units_ratio_percent"] == pytest.approx(100 * 0.08 / 0.6)


def test_memo_solution_is_the_exact_difference():
    def t_c(gamma):
        return math.log(2.5) / (B * gamma - R_N)

    assert SOL["memo_years_saved"] == pytest.approx(t_c(1.3) - t_c(1.4), rel=ROUNDED)
    assert SOL["memo_derivative_estimate"] > SOL["memo_years_saved"]  # t_c is convex in γ
    assert SOL["memo_rubric_total"] == sum(ch4_solutions.MEMO_RUBRIC.values())


def test_prose_headline_numbers():
    assert PROSE["gamma_min"] == pytest.approx(R_N / B, rel=ROUNDED)
    assert PROSE["t_c_at_1_3"] == pytest.approx(14.8, abs=0.05)
    assert PROSE["t_c_at_1_6"] == pytest.approx(5.8, abs=0.05)
    assert PROSE["needed_2_5"] == pytest.approx(0.64, abs=0.005)
    assert PROSE["waste_h100_percent"] == pytest.approx(10.4, abs=0.05)
    assert PROSE["waste_ascend_percent"] == pytest.approx(18.0, abs=0.05)
    assert PROSE["cost_cut_40_to_60_percent"] == pytest.approx(100 / 3)
    # Mandate: ln(69/37)/2 + ln(0.80/0.41)/3.
    assert PROSE["mandate_growth"] == pytest.approx(
        math.log(69 / 37) / 2 + math.log(0.8 / 0.41) / 3, rel=ROUNDED
    )
    # Units: 0.41 x 0.38 / (0.41 x 0.38 + 0.59 x 0.1496).
    h_d, h_f = 6016 / 15832, 2368 / 15832
    assert PROSE["compute_share_percent"] == pytest.approx(
        100 * 0.41 * h_d / (0.41 * h_d + 0.59 * h_f), rel=ROUNDED
    )
    assert PROSE["china_over_nvidia_percent"] == pytest.approx(10.0)


def test_chen_figures_come_from_the_seed_passage_and_the_mandate_labels():
    assert (
        PROSE["chen_yield_percent"],
        PROSE["chen_all_percent"],
        PROSE["chen_all_year"],
        PROSE["chen_shanghai_percent"],
    ) == (50, 100, 2027, 70)


def test_the_student_edition_never_needs_the_solutions_module():
    """Every key the chapter's exercise statements glue exists without ch4_solutions."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "chapters" / "04-domestic-chips.md").read_text()
    outside = re.sub(r":::\{solution-start\}.*?:::\{solution-end\}", "", text, flags=re.S)
    keys = set(re.findall(r"\{glue:(?:text|md)\}`([a-z0-9_]+)", outside))
    assert not {k for k in keys if k.startswith("catchup_sol_")}

"""Chapter-4 exercise checks: right answers pass, wrong ones get a hint that hides the answer.

Expected values are worked out here by hand from data/chips.csv and data/record.csv with the
formulas the chapter prints, not by calling the model functions the checks use.
"""

import math
import re

import pytest

from chipcontrols import catchup
from chipcontrols.catchup.variants import chapter4_variant

AREA_910B, AREA_GH100, AREA_MLU290 = 665.61, 814.0, 560.0  # mm², data/chips.csv
R_N = -math.log(0.7)  # Epoch: 30% cheaper a year
RATE = 419 / (54 * 24 * 16384)  # Llama 3 interruptions per GPU-hour


def gross(area, d=300.0):
    return math.pi * (d / 2) ** 2 / area - math.pi * d / math.sqrt(2 * area)


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


@pytest.mark.parametrize(
    ("chip_id", "area"),
    [
        ("huawei-ascend-910b", AREA_910B),
        ("nvidia-h100-sxm5", AREA_GH100),
        ("cambricon-mlu290-m5", AREA_MLU290),
    ],
)
def test_gross_dies_right_and_wrong(chip_id, area):
    assert catchup.checks.check_gross_dies(chip_id, dies=gross(area)).correct
    assert catchup.checks.check_gross_dies(chip_id, dies=round(gross(area))).correct
    wrong = catchup.checks.check_gross_dies(chip_id, dies=math.pi * 150**2 / area)
    assert not wrong.correct and "edge" in wrong.message
    assert f"{gross(area):.1f}" not in wrong.message


def test_an_unknown_chip_is_refused_with_the_valid_ids():
    with pytest.raises(ValueError, match="valid ids"):
        catchup.checks.check_gross_dies("huawei-ascend-910c", dies=40)  # die area not published


def test_defect_density_right_and_the_unit_slip_is_named():
    right = -math.log(0.4) / (AREA_910B / 100)
    assert catchup.checks.check_defect_density(0.4, density=right).correct
    slip = catchup.checks.check_defect_density(0.4, density=right * 100)
    assert not slip.correct and "100 times" in slip.message
    alpha = 3.0
    nb = alpha * (0.4 ** (-1 / alpha) - 1) / (AREA_910B / 100)
    assert catchup.checks.check_defect_density(0.4, density=nb, model="negative binomial").correct
    assert not catchup.checks.check_defect_density(
        0.4, density=right, model="negative binomial"
    ).correct


def test_learning_exponent_and_projection():
    d = math.log(math.log(0.2) / math.log(0.4)) / math.log(2)
    assert catchup.checks.check_learning_exponent(d).correct
    forgot_the_log = catchup.checks.check_learning_exponent(
        math.log(math.log(0.2) / math.log(0.4))
    )
    assert not forgot_the_log.correct and "divide by ln" in forgot_the_log.message
    wafer = 9346 * 1.45
    for multiple in (2, 4):
        projected = math.exp(math.log(0.4) * multiple**-d)
        assert catchup.checks.check_projected_cost(
            wafer / (gross(AREA_910B) * projected), output_multiple_ahead=multiple
        ).correct
    today = catchup.checks.check_projected_cost(
        wafer / (gross(AREA_910B) * 0.4), output_multiple_ahead=2
    )
    assert not today.correct and "today" in today.message


@pytest.mark.parametrize("years", [2, 2.5, 3])
def test_required_advantage(years):
    assert catchup.checks.check_required_advantage(years, advantage=math.log(5) / years).correct
    decimal = catchup.checks.check_required_advantage(years, advantage=math.log10(5) / years)
    assert not decimal.correct and "natural logarithm" in decimal.message


def test_roadmap_growth_for_both_vendors():
    assert catchup.checks.check_roadmap_growth(math.log(4000 / 1000) / 2).correct  # 950DT → 970
    assert catchup.checks.check_roadmap_growth(math.log(5000 / 1979) / 3, vendor="Nvidia").correct
    multiple = catchup.checks.check_roadmap_growth(2.0)
    assert not multiple.correct and "multiple" in multiple.message
    with pytest.raises(ValueError, match="valid vendors"):
        catchup.checks.check_roadmap_growth(0.5, vendor="AMD")


@pytest.mark.parametrize("lr", [0.15, 0.2, 0.3])
def test_gamma_min(lr):
    b = -math.log2(1 - lr)
    assert catchup.checks.check_gamma_min(lr, gamma_min=R_N / b).correct
    naive = catchup.checks.check_gamma_min(lr, gamma_min=R_N / lr)
    assert not naive.correct and "b = −log₂" in naive.message


def test_growth_for_a_three_year_crossover():
    b = -math.log2(0.8)
    assert catchup.checks.check_growth_for_crossover(
        0.2, years=3, growth=(math.log(2.5) / 3 + R_N) / b
    ).correct
    assert not catchup.checks.check_growth_for_crossover(0.2, years=3, growth=1.2).correct


def test_crossover_function_accepts_a_right_function_and_catches_a_missing_guard():
    def right(huawei_cost_ratio, learning_rate, huawei_output_growth, nvidia_cost_decline):
        closing = -math.log2(1 - learning_rate) * huawei_output_growth - nvidia_cost_decline
        return math.log(huawei_cost_ratio) / closing if closing > 0 else math.inf

    def unguarded(huawei_cost_ratio, learning_rate, huawei_output_growth, nvidia_cost_decline):
        closing = -math.log2(1 - learning_rate) * huawei_output_growth - nvidia_cost_decline
        return math.log(huawei_cost_ratio) / closing

    assert catchup.checks.check_crossover_function(right).correct
    assert catchup.checks.check_crossover_function(right, seed=7).correct
    caught = catchup.checks.check_crossover_function(unguarded)
    assert not caught.correct and "math.inf" in caught.message
    with pytest.raises(ValueError, match="not a function"):
        catchup.checks.check_crossover_function(3.0)


def test_time_saved_is_the_exact_difference_not_the_derivative():
    b = -math.log2(0.8)

    def t_c(gamma):
        return math.log(2.5) / (b * gamma - R_N)

    assert catchup.checks.check_time_saved(
        t_c(1.3) - t_c(1.4), growth_from=1.3, growth_to=1.4
    ).correct
    derivative = b * math.log(2.5) / (b * 1.3 - R_N) ** 2 * 0.1
    estimate = catchup.checks.check_time_saved(derivative, growth_from=1.3, growth_to=1.4)
    assert not estimate.correct and "derivative" in estimate.message
    with pytest.raises(ValueError, match="γ_min"):
        catchup.checks.check_time_saved(1.0, growth_from=0.5, growth_to=0.6)


@pytest.mark.parametrize(("size", "k"), [(16384, 1), (16384, 3), (8192, 3)])
def test_waste(size, k):
    mtbf = 1 / (size * k * RATE)
    right = math.sqrt(2 * (1 / 60) / mtbf)
    assert catchup.checks.check_waste(size, waste=right, failure_multiple=k).correct
    percent = catchup.checks.check_waste(size, waste=100 * right, failure_multiple=k)
    assert not percent.correct and "share" in percent.message
    minutes = catchup.checks.check_waste(size, waste=math.sqrt(2 * 1 / mtbf), failure_multiple=k)
    assert not minutes.correct and "hours" in minutes.message


def test_chips_to_match_rejects_the_arithmetic_only_answer():
    h = 12800 / 15832  # 910C TPP over H100 TPP, data/chips.csv
    naive = catchup.checks.check_chips_to_match(16384 / h)
    assert not naive.correct and "arithmetic" in naive.message


def test_compute_share_and_denominators():
    s, h_d, h_f = 0.41, 6016 / 15832, 2368 / 15832
    assert catchup.checks.check_compute_share(s * h_d / (s * h_d + (1 - s) * h_f)).correct
    cards = catchup.checks.check_compute_share(0.41)
    assert not cards.correct and "cards" in cards.message
    assert catchup.checks.check_market_denominators(0.05 / 0.5).correct
    upside_down = catchup.checks.check_market_denominators(0.5 / 0.05)
    assert not upside_down.correct and "upside down" in upside_down.message


def test_every_check_reports_placeholders_instead_of_failing():
    calls = [
        lambda: catchup.checks.check_gross_dies("huawei-ascend-910b", dies=...),
        lambda: catchup.checks.check_defect_density(0.4, density=...),
        lambda: catchup.checks.check_learning_exponent(...),
        lambda: catchup.checks.check_projected_cost(..., output_multiple_ahead=2),
        lambda: catchup.checks.check_required_advantage(2, advantage=...),
        lambda: catchup.checks.check_roadmap_growth(...),
        lambda: catchup.checks.check_gamma_min(0.2, gamma_min=...),
        lambda: catchup.checks.check_growth_for_crossover(0.2, years=3, growth=...),
        lambda: catchup.checks.check_crossover_function(...),
        lambda: catchup.checks.check_time_saved(..., growth_from=1.3, growth_to=1.4),
        lambda: catchup.checks.check_waste(16384, waste=...),
        lambda: catchup.checks.check_chips_to_match(...),
        lambda: catchup.checks.check_compute_share(...),
        lambda: catchup.checks.check_market_denominators(...),
    ]
    for call in calls:
        result = call()
        assert not result.correct and result.message.startswith("fill in")


def test_hints_never_contain_the_expected_figure():
    right_density = -math.log(0.2) / (AREA_910B / 100)
    hint = catchup.checks.check_defect_density(0.2, density=0.5).message
    assert f"{right_density:.3f}" not in hint and f"{right_density:.2f}" not in hint
    b = -math.log2(0.8)
    hint = catchup.checks.check_gamma_min(0.2, gamma_min=2.0).message
    assert f"{R_N / b:.2f}" not in hint


def test_variants_are_stable_distinct_and_inside_the_ranges():
    a, b = chapter4_variant("s1234567"), chapter4_variant("s7654321")
    assert a == chapter4_variant(" s1234567 ") and a != b
    for student in ("s1", "s2", "s3", "s4", "s5", "x9"):
        v = chapter4_variant(student)
        assert 0.1 <= v.yield_earlier < v.yield_later <= 0.65
        assert 300 <= v.die_area_mm2 <= 858
        # Every variant is answerable: the density the later yield implies is inside its range.
        assert catchup.checks.check_defect_density(
            v.yield_later,
            density=-math.log(v.yield_later) / (v.die_area_mm2 / 100),
            chip_die_area_mm2=v.die_area_mm2,
        ).correct
    with pytest.raises(ValueError, match="student_id"):
        chapter4_variant(...)

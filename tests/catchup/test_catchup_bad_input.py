"""Every public function of the catch-up clock refuses bad values with a named ValueError.

As in tests/core/test_bad_input.py: each function is tried with a wrong type, NaN, +inf, -inf, a
negative number, a value outside the valid range and an unknown keyword; each must raise
``ValueError`` naming the parameter (``unknown`` for the keyword case); an exercise check
instead answers "Not yet: your answer could not be checked: ..." naming it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from chipcontrols import catchup

KINDS = ("wrong type", "nan", "+inf", "-inf", "negative", "out of range", "unknown keyword")
BAD = {"wrong type": "12", "nan": math.nan, "+inf": math.inf, "-inf": -math.inf, "negative": -1.0}


@dataclass(frozen=True)
class Case:
    function: str
    parameter: str
    call: Callable[[object], object]
    out_of_range: object
    unknown_keyword: Callable[[], object]
    skip: tuple[str, ...] = ()


CASES = [
    Case(
        "gross_dies",
        "chip_die_area_mm2",
        lambda v: catchup.yields.gross_dies(v),
        2_000,
        lambda: catchup.yields.gross_dies(600, diameter=300),
    ),
    Case(
        "die_yield",
        "defect_density",
        lambda v: catchup.yields.die_yield("Poisson", defect_density=v),
        5.0,
        lambda: catchup.yields.die_yield("Poisson", defects=0.1),
    ),
    Case(
        "cost_per_good_die",
        "wafer_cost_usd",
        lambda v: catchup.yields.cost_per_good_die("Murphy", wafer_cost_usd=v),
        1e6,
        lambda: catchup.yields.cost_per_good_die("Murphy", wafer=1e4),
    ),
    Case(
        "cost_at_yield",
        "reported_yield",
        lambda v: catchup.yields.cost_at_yield(v),
        1.5,
        lambda: catchup.yields.cost_at_yield(0.4, die=600),
    ),
    Case(
        "defects_per_die",
        "reported_yield",
        lambda v: catchup.yields.defects_per_die(v),
        1.5,
        lambda: catchup.yields.defects_per_die(0.4, alpha=3),
    ),
    Case(
        "defects_from_yield",
        "reported_yield",
        lambda v: catchup.yields.defects_from_yield(v),
        1.5,
        lambda: catchup.yields.defects_from_yield(0.4, area=600),
    ),
    Case(
        "fit",
        "yield_later",
        lambda v: catchup.learning.fit(yield_later=v),
        0.99,
        lambda: catchup.learning.fit(model="Poisson", clusters=3),
    ),
    Case(
        "years_to_multiple",
        "output_growth",
        lambda v: catchup.learning.years_to_multiple(2.0, v),
        "no upper bound",
        lambda: catchup.learning.years_to_multiple(2.0, 0.7, years=1),
    ),
    Case(
        "race",
        "learning_rate",
        lambda v: catchup.cost.race(learning_rate=v),
        0.9,
        lambda: catchup.cost.race(lr=0.2),
    ),
    Case(
        "cost_paths",
        "race_years",
        lambda v: catchup.cost.cost_paths([v]),
        100,
        lambda: catchup.cost.cost_paths([1.0], years=2),
    ),
    Case(
        "mandate_growth",
        "domestic_share_target",
        lambda v: catchup.cost.mandate_growth(domestic_share_target=v),
        1.5,
        lambda: catchup.cost.mandate_growth(target=0.8),
    ),
    Case(
        "crossover_table",
        "learning_rate",
        lambda v: catchup.cost.crossover_table([v], [1.0]),
        0.9,
        lambda: catchup.cost.crossover_table([0.2], [1.0], lr=0.2),
    ),
    Case(
        "clock",
        "huawei_performance_growth",
        lambda v: catchup.performance.clock(huawei_performance_growth=v),
        3.0,
        lambda: catchup.performance.clock(huawei=0.5),
        skip=("negative",),
    ),
    Case(
        "required_advantage",
        "claim_years",
        lambda v: catchup.performance.required_advantage(v),
        50,
        lambda: catchup.performance.required_advantage(2.5, gap=5),
    ),
    Case(
        "ratio_path",
        "clock_years",
        lambda v: catchup.performance.ratio_path([v]),
        50,
        lambda: catchup.performance.ratio_path([1.0], g=0.2),
    ),
    Case(
        "growth_between",
        "years",
        lambda v: catchup.performance.growth_between(5, 17, v),
        "no upper bound",
        lambda: catchup.performance.growth_between(5, 17, 2, base=2),
    ),
    Case(
        "cluster_reliability",
        "ascend_failure_multiple",
        lambda v: catchup.reliability.cluster_reliability("ascend", ascend_failure_multiple=v),
        50,
        lambda: catchup.reliability.cluster_reliability("ascend", k=3),
    ),
    Case(
        "waste_by_size",
        "cluster_size",
        lambda v: catchup.reliability.waste_by_size([v]),
        1e7,
        lambda: catchup.reliability.waste_by_size([1024.0], size=1),
    ),
    Case(
        "chips_to_match",
        "h100e_per_chip",
        lambda v: catchup.reliability.chips_to_match(16384, v),
        50,
        lambda: catchup.reliability.chips_to_match(16384, 0.8, k=3),
    ),
    Case(
        "young_check",
        "mtbf_hours",
        lambda v: catchup.reliability.young_check(0.01, v),
        "no upper bound",
        lambda: catchup.reliability.young_check(0.01, 3.0, grid=10),
    ),
    Case(
        "failure_rate_per_chip_hour",
        "days",
        lambda v: catchup.reliability.failure_rate_per_chip_hour(419, v, 16384),
        "no upper bound",
        lambda: catchup.reliability.failure_rate_per_chip_hour(419, 54, 16384, hours=1),
    ),
    Case(
        "shares",
        "domestic_unit_share",
        lambda v: catchup.market.shares(domestic_unit_share=v),
        1.5,
        lambda: catchup.market.shares(share=0.4),
    ),
    Case(
        "chip_growth",
        "years",
        lambda v: catchup.chip_growth("nvidia-h100-sxm5", "nvidia-gb300", years=v),
        "no upper bound",
        lambda: catchup.chip_growth("nvidia-h100-sxm5", "nvidia-gb300", span=3),
    ),
    Case(
        "check_defect_density",
        "density",
        lambda v: catchup.checks.check_defect_density(0.4, density=v),
        "no upper bound",
        lambda: catchup.checks.check_defect_density(0.4, density=0.1, area=600),
    ),
    Case(
        "check_gamma_min",
        "gamma_min",
        lambda v: catchup.checks.check_gamma_min(0.2, gamma_min=v),
        "no upper bound",
        lambda: catchup.checks.check_gamma_min(0.2, gamma_min=1.1, r=0.3),
        skip=("negative",),
    ),
    Case(
        "check_waste",
        "waste",
        lambda v: catchup.checks.check_waste(16384, waste=v),
        "no upper bound",
        lambda: catchup.checks.check_waste(16384, waste=0.1, k=3),
    ),
    Case(
        "check_compute_share",
        "share",
        lambda v: catchup.checks.check_compute_share(v),
        200,
        lambda: catchup.checks.check_compute_share(0.6, h=0.4),
    ),
]
REASONS = {
    "clock/negative": "a negative growth rate is a valid input (a chip that gets worse)",
    "check_gamma_min/negative": "the answer is checked as any real number; a negative one is wrong, not bad",
}


def _kinds(case: Case) -> list[str]:
    kinds = [k for k in KINDS if k not in case.skip]
    if isinstance(case.out_of_range, str):
        kinds.remove("out of range")
    return kinds


PAIRS = [(case, kind) for case in CASES for kind in _kinds(case)]


@pytest.mark.parametrize(("case", "kind"), PAIRS, ids=[f"{c.function}-{k}" for c, k in PAIRS])
def test_bad_value_raises_a_value_error_naming_the_parameter(case, kind):
    if kind == "unknown keyword":
        call = case.unknown_keyword
    else:
        value = case.out_of_range if kind == "out of range" else BAD[kind]
        call = lambda: case.call(value)  # noqa: E731
    named = "unknown" if kind == "unknown keyword" else case.parameter
    if case.function.startswith("check_"):
        # Checks turn every bad input into a "Not yet" hint that names it, never a traceback.
        result = call()
        assert not result.correct and "could not be checked" in str(result), str(result)
        assert named in str(result), str(result)
        return
    with pytest.raises(ValueError) as error:
        call()
    assert named in str(error.value), str(error.value)


def test_every_skip_has_a_reason():
    for case in CASES:
        for kind in case.skip:
            assert f"{case.function}/{kind}" in REASONS


def test_an_unknown_yield_model_or_chip_is_named():
    with pytest.raises(ValueError, match="valid models"):
        catchup.yields.die_yield("Seeds")
    with pytest.raises(ValueError, match="valid chips"):
        catchup.reliability.cluster_reliability("tpu")
    with pytest.raises(ValueError, match="valid ids"):
        catchup.market.market_figure("idc-2030-units")

"""Every number chapter 4's exercise solutions and marking guides state, computed from the model.

The reader edition glues :func:`solution_figures` as ``catchup_sol_<key>`` in a cell tagged
``solution`` (and the instructor guide does the same for the rubrics); the student edition drops
that cell and every solution, and never imports this module.  Numbers the prose and the
exercise statements cite are in :mod:`chipcontrols.catchup.prose`.  Units: mm², defects per cm²,
USD, per year, years; shares as fractions unless a key ends in ``_percent``.
"""

from __future__ import annotations

import math

from chipcontrols import catchup
from chipcontrols.catchup import (
    market,
)
from chipcontrols.catchup.prose import (
    EXERCISE_CHIPS,
    LEARNING_RATES,
    SUPERPOD_CHIPS,
    _chip,
    prose_figures,
)
from chipcontrols.core import record

#: The memo's what-if: output growth raised by a tenth, from a level above γ_min.
MEMO_GROWTH_FROM, MEMO_GROWTH_TO = 1.3, 1.4
#: The slip the clock exercise asks about: the Ascend 970 a year late.
SLIP_YEARS = 1.0
#: Years within which "two or three years" must hold on cost (the race exercise).
CLAIM_YEARS_ON_COST = 3.0
#: Marking guides: criterion → points.
MEMO_RUBRIC = {
    "recommendation": 3,
    "mechanism": 4,
    "numbers": 4,
    "costs": 4,
    "uncertainty": 3,
    "alternatives": 2,
}
MANDATES_RUBRIC = {"each_claim": 3, "sources": 3, "conflation": 2, "standard": 2}
UNITS_RUBRIC = {"denominators": 2, "compute": 2, "sources": 2}


def _dies() -> dict[str, float]:
    out = {}
    area_wafer = math.pi * (catchup.yields.PARAMETERS["wafer_diameter_mm"].default / 2) ** 2
    for chip_id in EXERCISE_CHIPS:
        slug = chip_id.split("-")[1] if chip_id.startswith("nvidia") else chip_id.split("-")[-1]
        area = _chip(chip_id, "die_area_mm2")
        dies = catchup.yields.gross_dies(area)
        out[f"dies_{slug}"] = dies
        out[f"ratio_{slug}"] = area_wafer / area
        out[f"edge_{slug}"] = area_wafer / area - dies
        out[f"edge_share_{slug}_percent"] = 100 * (1 - dies / (area_wafer / area))
        out[f"area_{slug}"] = area
    out["wafer_area"] = area_wafer
    return out


def _yield() -> dict[str, float]:
    prose = prose_figures()
    out = {
        key: prose[key]
        for key in (
            "defects_late_2024_Poisson",
            "defects_early_2025_Poisson",
            "defects_late_2024_negative_binomial",
            "defects_early_2025_negative_binomial",
            "exponent",
            "decline_per_doubling_percent",
            "yield_at_2x_percent",
            "yield_at_4x_percent",
            "cost_at_2x",
            "cost_at_4x",
            "multiple_for_target",
            "years_for_target",
            "year_for_target",
            "cost_at_early_2025",
        )
    }
    out["ln_early"] = math.log(record.value("ascend_910c_yield_late_2024_percent") / 100)
    out["ln_late"] = math.log(record.value("ascend_910c_yield_early_2025_percent") / 100)
    out["area_cm2"] = (
        catchup.yields.PARAMETERS["chip_die_area_mm2"].default / catchup.yields.MM2_PER_CM2
    )
    out["alpha"] = catchup.yields.PARAMETERS["defect_clustering"].default
    return out


def _clock() -> dict[str, float]:
    prose = prose_figures()
    out = {
        key: prose[key]
        for key in (
            "needed_2_0",
            "needed_3_0",
            "huawei_roadmap_growth",
            "nvidia_data_growth",
            "t_star_vs_data",
            "year_star_vs_data",
            "cfr_gap_growth",
            "cfr_nvidia_growth_needed",
            "cfr_nvidia_multiple_needed",
        )
    }
    out["needed_2_0_multiple"] = math.exp(prose["needed_2_0"])
    out["needed_3_0_multiple"] = math.exp(prose["needed_3_0"])
    out["advantage_vs_data"] = prose["huawei_roadmap_growth"] - prose["nvidia_data_growth"]
    planned = catchup.roadmap().set_index("chip_id")["planned_decimal_year"]
    span = float(planned["huawei-ascend-970"] - planned["huawei-ascend-950dt"])
    slipped = catchup.performance.growth_between(
        prose["fp8_950dt"], prose["fp8_970"], span + SLIP_YEARS
    )
    out["slip_years"] = SLIP_YEARS
    out["slipped_growth"] = slipped
    out["slipped_t_star"] = catchup.performance.clock(
        huawei_performance_growth=slipped, nvidia_performance_growth=prose["nvidia_data_growth"]
    ).crossover_years
    out["ln_gap"] = math.log(catchup.performance.PARAMETERS["performance_gap"].default)
    return out


def _race() -> dict[str, float]:
    out = {}
    defaults = catchup.cost.RACE_INPUTS.defaults()
    for lr in LEARNING_RATES:
        slug = f"{round(100 * lr):d}"
        result = catchup.cost.race(learning_rate=lr)
        out[f"b_lr_{slug}"] = result.exponent
        out[f"gamma_min_lr_{slug}"] = result.gamma_min
        out[f"gamma_min_multiple_lr_{slug}"] = math.exp(result.gamma_min)
        needed = (
            math.log(defaults["huawei_cost_ratio"]) / CLAIM_YEARS_ON_COST
            + defaults["nvidia_cost_decline"]
        ) / result.exponent
        out[f"growth_for_3_lr_{slug}"] = needed
        out[f"multiple_for_3_lr_{slug}"] = math.exp(needed)
    out["claim_years_on_cost"] = CLAIM_YEARS_ON_COST
    out["growth_max"] = catchup.cost.PARAMETERS["huawei_output_growth"].maximum
    out["table_t_c_lr_30_gamma_1_0"] = catchup.cost.race(
        learning_rate=0.3, huawei_output_growth=1.0
    ).crossover_years
    out["table_t_c_lr_20_gamma_1_8"] = catchup.cost.race(
        learning_rate=0.2, huawei_output_growth=1.8
    ).crossover_years
    return out


def _reliability() -> dict[str, float]:
    prose = prose_figures()
    out = {
        key: prose[key]
        for key in (
            "failure_rate_per_million_hours",
            "mtbf_h100",
            "mtbf_ascend",
            "waste_h100_percent",
            "waste_ascend_percent",
            "exact_waste_h100_percent",
            "exact_waste_ascend_percent",
            "chips_to_match",
            "chips_naive",
            "chips_extra_percent",
        )
    }
    superpod = catchup.reliability.cluster_reliability("ascend", cluster_size=SUPERPOD_CHIPS)
    out["superpod_mtbf"] = superpod.mtbf_hours
    out["superpod_waste_percent"] = 100 * superpod.waste
    out["superpod_exact_waste_percent"] = 100 * superpod.exact_waste
    out["superpod_chips"] = SUPERPOD_CHIPS
    out["hours"] = record.value("llama3_snapshot_days") * 24
    return out


def _units() -> dict[str, float]:
    prose = prose_figures()
    out = {
        key: prose[key]
        for key in (
            "compute_share_percent",
            "compute_share_910c_percent",
            "china_over_nvidia_percent",
            "nvidia_china_over_nvidia_percent",
            "h100e_910b",
            "h100e_h20",
        )
    }
    s = market.PARAMETERS["domestic_unit_share"].default
    out["domestic_weighted"] = s * prose["h100e_910b"]
    out["foreign_weighted"] = (1 - s) * prose["h100e_h20"]
    return out


def _memo() -> dict[str, float]:
    prose = prose_figures()
    before, after = (
        catchup.cost.race(huawei_output_growth=g) for g in (MEMO_GROWTH_FROM, MEMO_GROWTH_TO)
    )
    out = {
        "growth_from": MEMO_GROWTH_FROM,
        "growth_to": MEMO_GROWTH_TO,
        "t_c_from": before.crossover_years,
        "t_c_to": after.crossover_years,
        "years_saved": before.crossover_years - after.crossover_years,
        "derivative_estimate": -before.sensitivity * (MEMO_GROWTH_TO - MEMO_GROWTH_FROM),
    }
    for key in (
        "mandate_growth",
        "mandate_share_gain_per_year",
        "mandate_shortfall",
        "gamma_min",
        "exact_waste_ascend_percent",
        "exact_waste_h100_percent",
        "compute_share_percent",
    ):
        out[key] = prose[key]
    for name, points in MEMO_RUBRIC.items():
        out[f"rubric_{name}"] = float(points)
    out["rubric_total"] = float(sum(MEMO_RUBRIC.values()))
    return out


def _rubrics() -> dict[str, float]:
    out = {}
    for prefix, rubric in (("mandates", MANDATES_RUBRIC), ("units", UNITS_RUBRIC)):
        for name, points in rubric.items():
            out[f"{prefix}_rubric_{name}"] = float(points)
        out[f"{prefix}_rubric_total"] = float(sum(rubric.values()))
    return out


def solution_figures() -> dict[str, float]:
    """Every number of chapter 4's solutions and rubrics, by key (glued as ``catchup_sol_<key>``)."""
    out: dict[str, float] = {}
    for prefix, part in (
        ("dies", _dies()),
        ("yield", _yield()),
        ("clock", _clock()),
        ("race", _race()),
        ("rel", _reliability()),
        ("units", _units()),
        ("memo", _memo()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in part.items()})
    out.update(_rubrics())
    return out

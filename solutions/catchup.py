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
from chipcontrols.catchup import exercises as ex, market
from chipcontrols.catchup.exercises import EXERCISE_CHIPS
from chipcontrols.catchup.prose import SUPERPOD_CHIPS, _chip, prose_figures
from chipcontrols.core import record

#: The memo's what-if: output growth raised by a tenth, from a level above γ_min.
MEMO_GROWTH_FROM, MEMO_GROWTH_TO = 1.3, 1.4
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
    diameter = ex.EX_WAFER_DIAMETER_MM
    area_wafer = math.pi * (diameter / 2) ** 2
    for chip_id in EXERCISE_CHIPS:
        slug = chip_id.split("-")[1] if chip_id.startswith("nvidia") else chip_id.split("-")[-1]
        area = _chip(chip_id, "die_area_mm2")
        dies = catchup.yields.gross_dies(area, diameter)
        out[f"dies_{slug}"] = dies
        out[f"ratio_{slug}"] = area_wafer / area
        out[f"edge_{slug}"] = area_wafer / area - dies
        out[f"edge_share_{slug}_percent"] = 100 * (1 - dies / (area_wafer / area))
        out[f"area_{slug}"] = area
        # The same die on the chapter's 300 mm wafer, for the comparison in part 3.
        out[f"edge_share_300_{slug}_percent"] = 100 * (
            1 - catchup.yields.gross_dies(area) / (math.pi * 150**2 / area)
        )
    out["wafer_area"] = area_wafer
    return out


def _scenario_curve(model: str = "Poisson"):
    return catchup.learning.fit(
        ex.EX_YIELD_EARLIER, ex.EX_YIELD_LATER, ex.EX_OUTPUT_MULTIPLE, model
    )


def _yield() -> dict[str, float]:
    area = _chip(ex.EX_YIELD_CHIP, "die_area_mm2")
    out: dict[str, float] = {"area_cm2": area / catchup.yields.MM2_PER_CM2}
    for label, value in (("earlier", ex.EX_YIELD_EARLIER), ("later", ex.EX_YIELD_LATER)):
        out[f"ln_{label}"] = math.log(value)
        for model in ("Poisson", "negative binomial"):
            slug = model.replace(" ", "_")
            out[f"defects_{label}_{slug}"] = catchup.yields.defects_from_yield(
                value, model, chip_die_area_mm2=area
            )
    out["alpha"] = catchup.yields.PARAMETERS["defect_clustering"].default
    curve = _scenario_curve()
    out["exponent"] = curve.exponent
    out["decline_per_doubling_percent"] = 100 * curve.decline_per_doubling
    today = catchup.yields.cost_at_yield(ex.EX_YIELD_LATER, chip_die_area_mm2=area)
    out["cost_today"] = today
    for multiple in ex.EX_OUTPUT_AHEAD:
        tag = f"{multiple:.0f}x"
        out[f"yield_at_{tag}_percent"] = 100 * curve.yield_at(multiple)
        out[f"cost_at_{tag}"] = today * curve.cost_multiple_at(multiple)
    target = catchup.learning.PARAMETERS["yield_target"].default
    out["target_percent"] = 100 * target
    out["multiple_for_target"] = curve.multiple_for_yield(target)
    out["years_for_target"] = catchup.learning.years_to_multiple(
        out["multiple_for_target"], math.log(2)
    )
    return out


def _clock() -> dict[str, float]:
    p = prose_figures()
    gap = record.value("cfr_best_chip_gap_2027")
    out: dict[str, float] = {"ln_gap": math.log(gap), "gap": gap}
    for years in ex.EX_CLAIM_YEARS:
        slug = f"{years:.0f}"
        needed = catchup.performance.required_advantage(years, gap)
        out[f"needed_{slug}"] = needed
        out[f"needed_{slug}_multiple"] = math.exp(needed)
    for vendor, (first, last) in ex.EX_GROWTH_PAIRS.items():
        growth = catchup.chip_growth(first, last)
        out[f"{vendor}_growth"] = growth
        out[f"{vendor}_multiple"] = math.exp(growth)
    # Part 3: Huawei's roadmap doubling against Nvidia's A100 → H100 pace, from the 5× gap.
    versus = catchup.performance.clock(nvidia_performance_growth=out["nvidia_growth"])
    out["roadmap_growth"] = p["huawei_roadmap_growth"]
    out["advantage_vs_a100"] = p["huawei_roadmap_growth"] - out["nvidia_growth"]
    out["t_star_vs_a100"] = versus.crossover_years
    out["year_star_vs_a100"] = versus.crossover_year
    return out


def _race() -> dict[str, float]:
    out = {}
    defaults = catchup.cost.RACE_INPUTS.defaults()
    for number, lr in enumerate(ex.EX_LEARNING_RATES, 1):
        result = catchup.cost.race(learning_rate=lr)
        out[f"b_{number}"] = result.exponent
        out[f"gamma_min_{number}"] = result.gamma_min
        out[f"gamma_min_multiple_{number}"] = math.exp(result.gamma_min)
    b = catchup.cost.race(learning_rate=ex.EX_CROSSOVER_LR).exponent
    needed = (
        math.log(defaults["huawei_cost_ratio"]) / ex.EX_CROSSOVER_YEARS
        + defaults["nvidia_cost_decline"]
    ) / b
    out["growth_for_crossover"] = needed
    out["multiple_for_crossover"] = math.exp(needed)
    out["growth_max"] = catchup.cost.PARAMETERS["huawei_output_growth"].maximum
    out["table_t_c_lr_30_gamma_1_0"] = catchup.cost.race(
        learning_rate=0.3, huawei_output_growth=1.0
    ).crossover_years
    out["table_t_c_lr_20_gamma_1_8"] = catchup.cost.race(
        learning_rate=0.2, huawei_output_growth=1.8
    ).crossover_years
    return out


def _reliability() -> dict[str, float]:
    size, multiple = ex.EX_CLUSTER_CHIPS, ex.EX_FAILURE_MULTIPLE
    rate = catchup.reliability.LLAMA3_FAILURE_RATE
    out: dict[str, float] = {
        "failure_rate_per_million_hours": rate * 1e6,
        "hours": record.value("llama3_snapshot_days") * 24,
    }
    for tag, chips, k in (
        ("h100", size, 1.0),
        ("ascend", size, multiple),
        ("superpod", SUPERPOD_CHIPS, multiple),
    ):
        result = catchup.reliability.cluster_reliability(
            "ascend", cluster_size=chips, ascend_failure_multiple=k
        )
        out[f"mtbf_{tag}"] = result.mtbf_hours
        out[f"waste_{tag}_percent"] = 100 * result.waste
        out[f"exact_waste_{tag}_percent"] = 100 * result.exact_waste
    h = market.h100e_by_tpp("huawei-ascend-910c")
    out["chips_naive"] = size / h
    out["chips_to_match"] = catchup.reliability.chips_to_match(
        size, h, ascend_failure_multiple=multiple
    )
    out["chips_extra_percent"] = 100 * (out["chips_to_match"] / out["chips_naive"] - 1)
    return out


def _units() -> dict[str, float]:
    p = prose_figures()
    s = market.PARAMETERS["domestic_unit_share"].default
    h_d, h_f = p["h100e_910c"], market.h100e_by_tpp(ex.EX_FOREIGN_CARD)
    out = {
        "domestic_weighted": s * h_d,
        "foreign_weighted": (1 - s) * h_f,
        "compute_share_percent": 100 * s * h_d / (s * h_d + (1 - s) * h_f),
        "ratio_percent": 100 * ex.EX_HUAWEI_SHARE_OF_NVIDIA / ex.EX_HUAWEI_SHARE_OF_CHINA,
    }
    nvidia_in_china = market.market_figure("bernstein-2026-nvidia-share") / 100
    out["nvidia_china_over_nvidia_percent"] = nvidia_in_china * out["ratio_percent"]
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
        "gamma_min_multiple",
        "mandate_multiple",
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

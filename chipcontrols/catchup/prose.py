"""Derived numbers chapter 4's prose and exercise statements cite, from the catch-up catchup.performance.

Everything here ships in every edition: the clock's headline figures, the record and the data
converted to the units the text uses, and the figures exercise statements hand to the student.
Solutions live in :mod:`solutions.catchup`, which the student edition
never imports.  Units: die area mm², defect density per cm², money USD, growth rates per year,
times in years, shares as fractions unless a key ends in ``_percent``.
"""

from __future__ import annotations

import math
from functools import lru_cache

from chipcontrols import catchup
from chipcontrols.catchup import (
    learning,
    market,
)
from chipcontrols.core import record
from chipcontrols.core.data import load_chips, load_table
from chipcontrols.eccn3a090 import chip_metric, classify_chips

__all__ = ["month_of", "parameter_sets", "prose_figures"]

#: The 910C packages two 910B-class dies (SemiAnalysis, disputed by Tom's Hardware).
DIES_PER_910C = 2
H100, ASCEND_910C, H20 = "nvidia-h100-sxm5", "huawei-ascend-910c", "nvidia-h20"
#: Cluster sizes the text reads off: Huawei's Atlas 950 SuperPoD and a 64k-chip job.
SUPERPOD_CHIPS = 8_192
LARGE_JOB_CHIPS = 65_536
#: Output growth rates the text tries in the cost race (per year).
RACE_GROWTHS = (1.3, 1.6)
#: Learning rates the text compares in the cost race.
LEARNING_RATES = (0.15, 0.2, 0.3)


def month_of(decimal_year: float) -> str:
    """A decimal year as the month it falls in, e.g. ``2029.59`` → ``"August 2029"``.

    Examples
    --------
    >>> month_of(2029.59), month_of(2027.0)
    ('August 2029', 'January 2027')
    """
    from datetime import date

    year = int(decimal_year)
    month = min(12, int((decimal_year - year) * 12) + 1)
    return f"{date(year, month, 1):%B} {year}"


def parameter_sets():
    """Every declaration of the chapter's model modules, in the chapter's order."""
    return [module.PARAMETERS for module in catchup.MODULES]


@lru_cache(maxsize=1)
def _chips():
    return classify_chips(load_chips())


def _chip(chip_id: str, column: str) -> float:
    return chip_metric(_chips(), chip_id, column)


def _yield_figures(out: dict) -> None:
    reported = {
        "late_2024": record.value("ascend_910c_yield_late_2024_percent") / 100,
        "early_2025": record.value("ascend_910c_yield_early_2025_percent") / 100,
        "target": record.value("ascend_910c_yield_target_percent") / 100,
        "b_2024": record.value("ascend_910b_yield_2024_percent") / 100,
    }
    out["gross_dies"] = catchup.yields.gross_dies()
    out["gross_dies_h100"] = catchup.yields.gross_dies(_chip(H100, "die_area_mm2"))
    out["wafer_area_mm2"] = (
        math.pi * (catchup.yields.PARAMETERS["wafer_diameter_mm"].default / 2) ** 2
    )
    out["area_ratio"] = (
        out["wafer_area_mm2"] / catchup.yields.PARAMETERS["chip_die_area_mm2"].default
    )
    out["edge_loss"] = out["area_ratio"] - out["gross_dies"]
    for key, value in reported.items():
        out[f"cost_at_{key}"] = catchup.yields.cost_at_yield(value)
        for model in catchup.yields.YIELD_MODEL_NAMES:
            slug = model.replace(" ", "_")
            out[f"defects_{key}_{slug}"] = catchup.yields.defects_from_yield(value, model)
    out["cost_cut_40_to_60_percent"] = 100 * (
        1 - out["cost_at_target"] / out["cost_at_early_2025"]
    )
    for model in catchup.yields.YIELD_MODEL_NAMES:
        out[f"yield_default_{model.replace(' ', '_')}_percent"] = 100 * catchup.yields.die_yield(
            model
        )
    tsmc = record.value("tsmc_7nm_defect_density_per_cm2")
    out["smic_over_tsmc_2024"] = out["defects_late_2024_Poisson"] / tsmc
    out["smic_over_tsmc_2025"] = out["defects_early_2025_Poisson"] / tsmc


def _validation_figures(out: dict) -> None:
    """The dies-per-wafer formula at the published examples' die sizes."""
    out["val_model_15mm"] = catchup.yields.gross_dies(15.0**2)
    out["val_model_10mm"] = catchup.yields.gross_dies(10.0**2)
    out["val_model_sandy"] = catchup.yields.gross_dies(record.value("sandy_bridge_die_area_mm2"))
    out["val_model_20mm"] = catchup.yields.gross_dies(20.0**2)
    out["val_textbook_large_side_cm"] = 1.5
    out["val_textbook_small_side_cm"] = 1.0
    out["val_maxfield_side_mm"] = 20.0
    out["val_maxfield_gap_percent"] = 100 * (
        record.value("maxfield_dies_20mm_square") / out["val_model_20mm"] - 1
    )


def _learning_figures(out: dict) -> None:
    curve = learning.fit()
    growth = catchup.cost.PARAMETERS["huawei_output_growth"].default
    out["exponent"] = curve.exponent
    out["decline_per_doubling_percent"] = 100 * curve.decline_per_doubling
    for multiple in (2, 4):
        out[f"yield_at_{multiple}x_percent"] = 100 * curve.yield_at(multiple)
        out[f"cost_at_{multiple}x"] = catchup.yields.cost_at_yield(0.4) * curve.cost_multiple_at(
            multiple
        )
    out["multiple_for_target"] = curve.multiple_for_yield(
        learning.PARAMETERS["yield_target"].default
    )
    out["years_for_target"] = learning.years_to_multiple(out["multiple_for_target"], growth)
    out["year_for_target"] = 2025 + 2 / 12 + out["years_for_target"]  # from February 2025
    for model in ("Murphy", "negative binomial"):
        out[f"exponent_{model.replace(' ', '_')}"] = learning.fit(model=model).exponent


def _race_figures(out: dict) -> None:
    default = catchup.cost.race()
    out["b"] = default.exponent
    out["gamma_min"] = default.gamma_min
    out["gamma_min_multiple"] = math.exp(default.gamma_min)
    out["gamma_default_multiple"] = math.exp(
        catchup.cost.PARAMETERS["huawei_output_growth"].default
    )
    for growth in RACE_GROWTHS:
        slug = f"{growth:.1f}".replace(".", "_")
        result = catchup.cost.race(huawei_output_growth=growth)
        out[f"race_growth_{slug}"] = growth
        out[f"t_c_at_{slug}"] = result.crossover_years
        out[f"year_c_at_{slug}"] = catchup.cost.BASE_YEAR + result.crossover_years
        out[f"sensitivity_at_{slug}"] = result.sensitivity
        out[f"multiple_at_{slug}"] = math.exp(growth)
        # What one more tenth of growth buys, exactly (not the derivative's estimate).
        out[f"tenth_buys_at_{slug}"] = (
            result.crossover_years
            - catchup.cost.race(huawei_output_growth=growth + 0.1).crossover_years
        )
    for lr in LEARNING_RATES:
        slug = f"{round(100 * lr):d}"
        bar = catchup.cost.race(learning_rate=lr).gamma_min
        out[f"gamma_min_lr_{slug}"] = bar
        out[f"gamma_min_multiple_lr_{slug}"] = math.exp(bar)
    out["mandate_growth"] = catchup.cost.mandate_growth()
    out["mandate_share_gain_per_year"] = (
        out["mandate_growth"] - catchup.cost.PARAMETERS["market_growth"].default
    )
    out["mandate_multiple"] = math.exp(out["mandate_growth"])
    out["mandate_share_gain_multiple"] = math.exp(out["mandate_share_gain_per_year"])
    out["market_growth_multiple"] = math.exp(catchup.cost.PARAMETERS["market_growth"].default)
    out["nvidia_cost_multiple"] = math.exp(-catchup.cost.PARAMETERS["nvidia_cost_decline"].default)
    out["mandate_shortfall"] = default.gamma_min - out["mandate_growth"]
    # Silicon only: two 910B-class dies per 910C at the 2025 yield, against one GH100 die at
    # TSMC's 5 nm price and defect density (Poisson), per H100-equivalent by TPP.
    h_910c = market.h100e_by_tpp(ASCEND_910C)
    ascend_silicon = DIES_PER_910C * catchup.yields.cost_at_yield(0.4) / h_910c
    h100_yield = catchup.yields.die_yield(
        "Poisson",
        chip_die_area_mm2=_chip(H100, "die_area_mm2"),
        defect_density=record.value("tsmc_5nm_defect_density_per_cm2"),
    )
    h100_silicon = catchup.yields.cost_per_good_die(
        "Poisson",
        chip_die_area_mm2=_chip(H100, "die_area_mm2"),
        defect_density=record.value("tsmc_5nm_defect_density_per_cm2"),
        wafer_cost_usd=record.value("cset_tsmc_5nm_wafer_cost_usd"),
    )
    out["h100e_910c"] = h_910c
    out["ascend_silicon_per_h100e"] = ascend_silicon
    out["h100_yield_percent"] = 100 * h100_yield
    out["h100_silicon"] = h100_silicon
    out["silicon_cost_ratio"] = ascend_silicon / h100_silicon


def _clock_figures(out: dict) -> None:
    default = catchup.performance.clock()
    out["t_star"] = default.crossover_years
    out["year_star"] = default.crossover_year
    out["advantage"] = default.advantage
    for years in (2.0, 2.5, 3.0):
        out[f"needed_{str(years).replace('.', '_')}"] = catchup.performance.required_advantage(
            years
        )
    for key in ("needed_2_0", "needed_2_5", "needed_3_0"):
        out[f"{key}_multiple"] = math.exp(out[key])
    gap_now, gap_2027 = (
        record.value(k) for k in ("cfr_best_chip_gap_2025", "cfr_best_chip_gap_2027")
    )
    out["cfr_gap_growth"] = catchup.performance.growth_between(gap_now, gap_2027, 2.0)
    out["nvidia_data_growth"] = catchup.chip_growth(H100, "nvidia-gb300")
    out["huawei_roadmap_growth"] = catchup.roadmap_growth()
    out["huawei_roadmap_multiple"] = math.exp(out["huawei_roadmap_growth"])
    out["nvidia_data_multiple"] = math.exp(out["nvidia_data_growth"])
    out["cfr_gap_multiple"] = math.exp(out["cfr_gap_growth"])
    out["nvidia_trend_multiple"] = math.exp(
        catchup.performance.PARAMETERS["nvidia_performance_growth"].default
    )
    versus_data = catchup.performance.clock(nvidia_performance_growth=out["nvidia_data_growth"])
    out["t_star_vs_data"] = versus_data.crossover_years
    out["year_star_vs_data"] = versus_data.crossover_year
    out["month_star"] = month_of(default.crossover_year)
    out["month_star_vs_data"] = month_of(versus_data.crossover_year)
    out["gap_in_two_years"] = float(catchup.performance.ratio_path([2.0])[0])
    out["cfr_nvidia_growth_needed"] = (
        catchup.performance.PARAMETERS["huawei_performance_growth"].default + out["cfr_gap_growth"]
    )
    out["cfr_nvidia_multiple_needed"] = math.exp(out["cfr_nvidia_growth_needed"])
    out["resolution_start"] = (
        catchup.performance.CLAIM_YEAR + catchup.performance.CLAIM_BAND_YEARS[0]
    )
    out["resolution_end"] = (
        catchup.performance.CLAIM_YEAR + catchup.performance.CLAIM_BAND_YEARS[1]
    )
    out["fp8_950dt"] = _chip("huawei-ascend-950dt", "dense_8bit_tops")
    out["fp8_970"] = _chip("huawei-ascend-970", "dense_8bit_tops")
    out["fp8_h100"] = _chip(H100, "dense_8bit_tops")
    out["fp8_gb300"] = _chip("nvidia-gb300", "dense_8bit_tops")
    out["gb300_over_950dt_fp8"] = out["fp8_gb300"] / out["fp8_950dt"]
    out["tpp_910c_over_950pr"] = _chip(ASCEND_910C, "tpp") / _chip("huawei-ascend-950pr", "tpp")


def _failure_figures(out: dict) -> None:
    h100, ascend = (catchup.reliability.cluster_reliability(chip) for chip in ("h100", "ascend"))
    out["failure_rate_per_million_hours"] = catchup.reliability.LLAMA3_FAILURE_RATE * 1e6
    out["mtbf_h100"] = h100.mtbf_hours
    out["mtbf_ascend"] = ascend.mtbf_hours
    out["interval_h100_minutes"] = 60 * h100.interval_hours
    out["interval_ascend_minutes"] = 60 * ascend.interval_hours
    out["waste_h100_percent"] = 100 * h100.waste
    out["waste_ascend_percent"] = 100 * ascend.waste
    out["exact_waste_h100_percent"] = 100 * h100.exact_waste
    out["exact_waste_ascend_percent"] = 100 * ascend.exact_waste
    for size in (SUPERPOD_CHIPS, LARGE_JOB_CHIPS):
        for chip in ("h100", "ascend"):
            out[f"waste_{chip}_{size}_percent"] = (
                100 * catchup.reliability.cluster_reliability(chip, cluster_size=size).exact_waste
            )
    out["superpod_chips"] = SUPERPOD_CHIPS
    out["large_job_chips"] = LARGE_JOB_CHIPS
    h = market.h100e_by_tpp(ASCEND_910C)
    size = catchup.reliability.PARAMETERS["cluster_size"].default
    out["chips_to_match"] = catchup.reliability.chips_to_match(size, h)
    out["chips_naive"] = size / h
    out["chips_extra_percent"] = 100 * (out["chips_to_match"] / out["chips_naive"] - 1)


def _evidence_figures(out: dict) -> None:
    table = catchup.evidence().set_index("evidence_id")
    out["pangu_npus"] = float(table.loc["huawei-2025-pangu-ultra", "accelerators"])
    # At least this many 910Cs, by the Shenzhen government's account (low confidence).
    out["v4_post_training_chips"] = float(
        table.loc["huawei-2026-v4-pro-post-training", "accelerators"]
    )


def _output_growth_figures(out: dict) -> None:
    """The output growth chapter 4 assumes beside the estimates chapter 2 uses.

    Chapter 4's race takes Huawei's reported plan to double 910C output (growth ln 2 a year);
    chapter 2 takes SemiAnalysis's path for SMIC's advanced capacity (``growth-semianalysis-path``
    of ``data/disputed_inputs.csv``), and SemiAnalysis expects Ascend output itself to fall in 2026.
    """
    disputed = load_table("disputed_inputs").set_index("dispute_id")
    capacity = load_table("capacity").set_index("estimate_id")
    out["growth_semianalysis_path"] = float(disputed.loc["growth-semianalysis-path", "value"])
    out["growth_semianalysis_path_multiple"] = math.exp(out["growth_semianalysis_path"])
    for year in (2025, 2026):
        out[f"semianalysis_output_{year}"] = float(
            capacity.loc[f"ascend-output-{year}-semianalysis", "value"]
        )
    out["growth_semianalysis_output"] = math.log(
        out["semianalysis_output_2026"] / out["semianalysis_output_2025"]
    )
    # Huawei's reported expectation for AI-chip revenue, 2025 to 2026 (FT via Reuters).
    revenue_2025 = market.market_figure("ft-2025-huawei-ai-chip-revenue")
    revenue_2026 = market.market_figure("ft-2026-huawei-ai-chip-revenue")
    out["huawei_revenue_growth_percent"] = 100 * (revenue_2026 / revenue_2025 - 1)


def _market_share_figures(out: dict) -> None:
    default = market.shares()
    out["compute_share_percent"] = 100 * default["compute"]
    with_910c = market.shares(domestic_h100e_per_card=market.h100e_by_tpp(ASCEND_910C))
    out["compute_share_910c_percent"] = 100 * with_910c["compute"]
    out["h100e_910b"] = market.PARAMETERS["domestic_h100e_per_card"].default
    out["h100e_h20"] = market.PARAMETERS["foreign_h100e_per_card"].default
    huawei_share_of_nvidia = record.value("cfr_huawei_share_of_nvidia_compute_2026_percent") / 100
    huawei_share_of_china = market.market_figure("bernstein-2026-huawei-share") / 100
    nvidia_share_of_china = market.market_figure("bernstein-2026-nvidia-share") / 100
    out["china_over_nvidia_percent"] = 100 * huawei_share_of_nvidia / huawei_share_of_china
    out["nvidia_china_over_nvidia_percent"] = (
        nvidia_share_of_china * out["china_over_nvidia_percent"]
    )


def _chen_figures(out: dict) -> None:
    """The figures of Chen's claims, read from the seed passage and the mandate table's labels."""
    import re

    from chipcontrols.reference.seed import passage

    out["chen_yield_percent"] = float(
        re.search(r"below (\d+)%", passage("chen-ascend-problems").english).group(1)
    )
    labels = dict(zip(("half", "all", "shanghai"), catchup.CHEN_CLAIMS))
    all_by = re.fullmatch(r"(\d+)% by (\d{4})", labels["all"])
    out["chen_all_percent"], out["chen_all_year"] = (float(v) for v in all_by.groups())
    out["chen_shanghai_percent"] = float(re.search(r"(\d+)%", labels["shanghai"]).group(1))
    out["race_table_gamma_one"] = 1.0
    out["race_table_gamma_high"] = 1.8


@lru_cache(maxsize=1)
def prose_figures() -> dict[str, float | str]:
    """Derived numbers the chapter's prose cites, glued as ``catchup_prose_<key>``."""
    out: dict[str, float | str] = {}
    _yield_figures(out)
    _validation_figures(out)
    _learning_figures(out)
    _race_figures(out)
    _clock_figures(out)
    _failure_figures(out)
    _market_share_figures(out)
    _evidence_figures(out)
    _output_growth_figures(out)
    _chen_figures(out)
    return out

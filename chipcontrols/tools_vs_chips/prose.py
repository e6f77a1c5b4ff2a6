"""Numbers chapter 2's prose cites, computed from the tools-vs-chips model and the data.

Everything here is reader-facing and ships in every edition: the model's worked numbers at
its defaults (glued as ``tools_vs_chips_model_<key>``), the published estimates
(``tools_vs_chips_capacity_<key>``), the validation comparisons
(``tools_vs_chips_validation_<key>``) and the tally of coded control events
(``tools_vs_chips_shift_<key>``); :mod:`widgets.tools_vs_chips.numbers` glues them.
Solutions live in :mod:`solutions.tools_vs_chips`, which the student edition never
imports.  Units follow the model: million accelerators, million HBM stacks and million H100e a
year, years; shares as fractions unless a key ends in ``_percent``.
"""

from __future__ import annotations

import math
from functools import lru_cache

from chipcontrols import ledger
from chipcontrols.core.data import load_chips
from chipcontrols.reference.allied_revenue import china_share
from chipcontrols.tools_vs_chips import dynamics, model
from chipcontrols.tools_vs_chips.evidence import (
    capacity_estimates,
    control_events,
    disputed_inputs,
    estimate,
    estimate_value,
    last_event,
    tally_by_side,
    toolmaker_shares,
)

__all__ = [
    "capacity_figures",
    "exercise_figures",
    "model_figures",
    "shift_figures",
    "validation_figures",
    "OUTPUT_ESTIMATES",
    "B300_CHIP",
    "H100_CHIP",
    "RACE_GROWTHS",
    "OTHER_SIDE",
    "SUCCESSOR",
    "other_side",
    "race_imports",
]

MILLION = 1e6
#: The Ascend output estimates the validation compares, in the order the text discusses them.
OUTPUT_ESTIMATES = (
    "ascend-output-2025-bis",
    "ascend-shipments-2025-mizuho",
    "ascend-output-2025-semianalysis",
    "ascend-shipments-2025-idc",
    "ascend-output-2026-semianalysis",
    "ascend-910c-output-2026-bloomberg",
)
#: Growth rates without tool controls the race exercise asks T* for (research memo, models.md
#: §4, exercise 1), per year.
RACE_GROWTHS = (0.4, 0.75, 0.9)
#: The disputed inputs on the other side from the defaults: one compute die per accelerator
#: (Tom's Hardware) and the original Ascend 910's HBM stacks (data/disputed_inputs.csv).
OTHER_SIDE = ("dies-one-toms-hardware", "hbm-four-ascend-910")
#: The bottleneck exercise's hypothetical single-die successor to the 910C: the research
#: memo's illustrative die area, a yield at Huawei's reported target's neighbourhood, one
#: compute die and six HBM stacks per accelerator (a scenario, not a product).
SUCCESSOR = {
    "ascend_die_area": 600.0,
    "ascend_yield": 0.5,
    "dies_per_package": 1.0,
    "hbm_per_package": 6.0,
}
#: The race exercise's imports: Beijing's January 2026 approvals, at one H100e per H200
#: (data/record.csv), million H100e a year.
APPROVALS_RECORD_KEY = "beijing_h200_approvals_jan_2026"
#: Chips whose dense 8-bit throughput converts The Substrate's B300-equivalents to H100e.
B300_CHIP, H100_CHIP = "nvidia-gb300", "nvidia-h100-sxm5"


def _plain(figures: dict) -> dict:
    """Numbers as Python floats (a numpy float would be glued as its repr), texts as they are."""
    return {
        key: value if isinstance(value, str) else float(value) for key, value in figures.items()
    }


def _key(estimate_id: str) -> str:
    return estimate_id.replace("-", "_")


@lru_cache(maxsize=1)
def b300_in_h100e() -> float:
    """H100-equivalents per B300-equivalent: dense 8-bit throughput ratio (data/chips.csv)."""
    chips = load_chips().set_index("chip_id")
    return float(chips.loc[B300_CHIP, "dense_8bit_tops"] / chips.loc[H100_CHIP, "dense_8bit_tops"])


def _per_unit_share() -> float:
    """Million accelerators the wafers make per unit of AI share, at the defaults."""
    return model.evaluate("wafer_limit") / model.PARAMETERS["ai_wafer_share"].default


def model_figures() -> dict[str, float | str]:
    """The model's worked numbers at its defaults and in the scenarios the text describes."""
    P = model.PARAMETERS
    out: dict[str, float | str] = {}
    table = model.static_table().set_index("quantity")["value"]
    for key, value in table.items():
        out[key] = float(value)
    out["binding"] = "HBM" if table["hbm_limit"] < table["wafer_limit"] else "the wafers"
    out["wafers_per_year_million"] = (
        model.MONTHS_PER_YEAR * P["wafer_starts"].default / model.THOUSANDS_PER_MILLION
    )
    out["wafer_diameter_mm"] = float(model.WAFER_DIAMETER_MM)
    out["months_per_year"] = float(model.MONTHS_PER_YEAR)
    out["threshold_multiple"] = table["hbm_at_which_wafers_bind"] / P["hbm_supply"].default
    out["output_at_threshold"] = model.evaluate(
        "output", hbm_supply=table["hbm_at_which_wafers_bind"]
    )
    out["wafer_headroom"] = table["wafer_limit"] / table["hbm_limit"]
    out["die_area_elasticity"] = model.evaluate("die_area_elasticity")
    areas = disputed_inputs("ascend_die_area").set_index("dispute_id")["value"]
    out["area_910"] = float(areas["area-910-die-shot"])
    out["gross_dies_910"] = model.evaluate("gross_dies", ascend_die_area=out["area_910"])
    out["one_die_threshold"] = model.evaluate("hbm_at_which_wafers_bind", dies_per_package=1.0)
    out["one_die_threshold_beyond_range"] = (
        "beyond" if out["one_die_threshold"] > P["hbm_supply"].maximum else "within"
    )
    race = dynamics.horizon()
    out["crossover_with"] = race.crossover_with
    out["crossover_without"] = race.crossover_without
    out["years_bought"] = race.years_bought
    out["horizon"] = race.horizon
    out["denied_by_chip_ban"] = race.denied_by_chip_ban
    out["denied_by_tool_controls"] = race.denied_by_tool_controls
    out["denied_ratio"] = race.denied_by_tool_controls / race.denied_by_chip_ban
    out["domestic_share_percent"] = 100 * model.evaluate("domestic_share")
    out["lambert_horizon"] = dynamics.horizon_lambert(growth_with_controls=0.0)
    out["lambert_numerical"] = dynamics.horizon_numerical(growth_with_controls=0.0)
    out["lambert_difference"] = abs(out["lambert_horizon"] - out["lambert_numerical"])
    # The record's deliveries instead of Nvidia's stock for China.
    delivered = dynamics.delivered_by_august_2026()
    out["imports_delivered"] = delivered
    out["domestic_share_delivered_percent"] = 100 * model.evaluate(
        "domestic_share", chip_imports=delivered
    )
    out["horizon_delivered"] = dynamics.horizon_numerical(chip_imports=delivered)
    out["output_over_delivered"] = model.evaluate("output") / delivered
    # The bottleneck scenarios of the text.
    doubled = 2 * P["hbm_supply"].default
    out["hbm_doubled"] = doubled
    out["output_hbm_doubled"] = model.evaluate("output", hbm_supply=doubled)
    out["crossover_hbm_doubled"] = model.evaluate(
        "crossover_with", domestic_output=out["output_hbm_doubled"]
    )
    out["horizon_hbm_doubled"] = dynamics.horizon_numerical(
        domestic_output=out["output_hbm_doubled"]
    )
    most = P["hbm_supply"].maximum
    shock = dynamics.servicing_ban_shock()
    out["shock_uptime_percent"] = 100 * shock.uptime
    out["shock_year"] = shock.ban_year
    out["shock_loss_default"] = shock.cumulative_lost
    plenty = dynamics.servicing_ban_shock(hbm_supply=most)
    out["hbm_max"] = most
    out["shock_loss_first_year_plenty"] = plenty.output_lost_after_ban
    out["shock_loss_plenty"] = plenty.cumulative_lost
    out["shock_binding_plenty"] = plenty.binding_after_ban
    out["horizon_default"] = P["horizon_years"].default
    out["race_years"] = 10.0
    world = disputed_inputs("growth_without_controls").set_index("dispute_id")["value"]
    out["world_growth"] = float(world["growth-ai2027-world"])
    # Growth as a reader thinks of it: the multiple a year, e^γ, of each log rate.
    out["growth_with_multiple"] = math.exp(P["growth_with_controls"].default)
    out["growth_without_multiple"] = math.exp(P["growth_without_controls"].default)
    out["world_growth_multiple"] = math.exp(out["world_growth"])
    return _plain(out)


def capacity_figures() -> dict[str, float]:
    """Every estimate of ``data/capacity.csv`` by id (hyphens as underscores), plus the same
    figure in thousands or millions where the text speaks of those."""
    out = {}
    for estimate_id, row in capacity_estimates().iterrows():
        out[_key(estimate_id)] = float(row.value)
        out[_key(estimate_id) + "_thousand"] = float(row.value) / 1e3
        out[_key(estimate_id) + "_million"] = float(row.value) / MILLION
    return _plain(out)


def validation_figures() -> dict[str, float | str]:
    """The validation box: what each Ascend estimate requires, and The Substrate's share.

    For each estimate of :data:`OUTPUT_ESTIMATES`: the HBM it needs (million stacks a year at
    the default stacks per accelerator) and the share of SMIC's advanced wafers it needs
    (percent, at the other defaults).
    """
    P = model.PARAMETERS
    out: dict[str, float | str] = {}
    per_share = _per_unit_share()
    values = []
    for estimate_id in OUTPUT_ESTIMATES:
        count = estimate_value(estimate_id) / MILLION
        values.append(count)
        out[f"{_key(estimate_id)}_hbm"] = count * P["hbm_per_package"].default
        out[f"{_key(estimate_id)}_wafer_share_percent"] = 100 * count / per_share
    out["lowest_thousand"] = 1e3 * min(values)
    out["highest_thousand"] = 1e3 * max(values)
    out["model_thousand"] = 1e3 * model.evaluate("accelerators")
    out["model_inside_spread"] = (
        "inside" if min(values) <= model.evaluate("accelerators") <= max(values) else "outside"
    )
    out["largest_wafer_share_percent"] = max(
        out[f"{_key(e)}_wafer_share_percent"] for e in OUTPUT_ESTIMATES
    )
    out["stockpile_million"] = estimate_value("hbm-reached-china-semianalysis") / MILLION
    out["die_bank_million"] = estimate_value("ascend-die-bank-semianalysis") / MILLION
    out["die_bank_packages_million"] = out["die_bank_million"] / P["dies_per_package"].default
    # BIS's figure as a wafer limit: at half the default yield, the AI share that gives it.
    half_yield = P["ascend_yield"].default / 2
    out["half_yield_percent"] = 100 * half_yield
    out["bis_share_at_half_yield_percent"] = (
        100
        * estimate_value("ascend-output-2025-bis")
        / (
            MILLION
            * model.evaluate("wafer_limit", ascend_yield=half_yield)
            / P["ai_wafer_share"].default
        )
    )
    # Bloomberg's die plan against the model's good dies.
    out["bloomberg_dies_million"] = estimate_value("ascend-dies-2026-bloomberg") / MILLION
    out["model_good_dies_million"] = model.evaluate("good_dies")
    out["bloomberg_hbm_multiple"] = (
        out["ascend_910c_output_2026_bloomberg_hbm"] / P["hbm_supply"].default
    )
    # Two published estimates that sit outside data/capacity.csv (data/record.csv): the FT's
    # report of Huawei's 2025 plan and a Morgan Stanley note on SMIC's wafers for Ascend.
    from chipcontrols.core import record

    plan = record.value("huawei_910c_plan_2025") + record.value("huawei_910b_plan_2025")
    out["ft_plan_2025_thousand"] = plan / 1e3
    out["ft_plan_over_bis"] = plan / estimate_value("ascend-output-2025-bis")
    ascend_wafers = record.value("smic_ascend_wafers_per_month_2025_morgan_stanley")
    capacity = estimate_value("smic-advanced-capacity-2025-semianalysis")
    ms_share = P["ai_wafer_share"].check(ascend_wafers / capacity)
    out["ms_share_of_capacity_percent"] = 100 * ms_share
    out["model_ai_wafer_share_percent"] = 100 * P["ai_wafer_share"].default
    out["ms_wafer_limit_thousand"] = 1e3 * model.evaluate("wafer_limit", ai_wafer_share=ms_share)
    # The Substrate: China's 2026 acquisitions in H100e and the domestic share.
    factor = b300_in_h100e()
    acquisitions = estimate_value("china-acquisitions-2026-substrate")
    domestic = estimate_value("domestic-share-2026-substrate")
    imported = estimate_value("import-share-2026-substrate")
    out["b300_in_h100e"] = factor
    out["substrate_domestic_h100e_million"] = acquisitions * domestic / 100 * factor / MILLION
    out["substrate_imports_h100e_million"] = acquisitions * imported / 100 * factor / MILLION
    out["model_output"] = model.evaluate("output")
    out["model_domestic_share_percent"] = 100 * model.evaluate("domestic_share")
    out["model_share_at_substrate_imports_percent"] = 100 * model.evaluate(
        "domestic_share", chip_imports=out["substrate_imports_h100e_million"]
    )
    out["model_over_substrate_domestic"] = (
        out["model_output"] / out["substrate_domestic_h100e_million"]
    )
    return _plain(out)


def shift_figures() -> dict[str, float | str]:
    """The tally of coded US control events that tests Yang's "shift" (counts of events).

    Counts are of coded events in ``data/control_events.csv``; for Congress they are steps on
    bills (introductions and committee votes), not bills.  "Last" dates come from
    :func:`~chipcontrols.tools_vs_chips.evidence.last_event`, the one definition the chapter,
    its solutions and its tests share.  Toolmakers' China shares are read from chapter 3's table
    (``data/allied_china_revenue.csv``), never restated.
    """
    events = control_events()
    tally = tally_by_side(events)
    recent = (2025, 2026)

    def count(**where) -> float:
        rows = tally
        for column, value in where.items():
            rows = (
                rows[rows[column] == value]
                if not isinstance(value, tuple)
                else rows[rows[column].isin(value)]
            )
        return float(rows["events"].sum())

    def entities(direction: str) -> float:
        chosen = events[
            (events["branch"] == "executive")
            & (events["instrument"] == "entities")
            & (events["direction"] == direction)
            & events["year"].isin(recent)
        ]
        return float(len(chosen))

    out: dict[str, float | str] = {"events": float(len(events))}
    out["executive_tool_tightenings"] = count(
        branch="executive", side="tools", direction="tightening"
    )
    for side in ("tools", "chips"):
        singular = side[:-1]
        for direction in ("tightening", "loosening"):
            out[f"executive_{singular}_{direction}s_since_2025"] = count(
                branch="executive", side=side, direction=direction, year=recent
            )
    out["executive_entity_tightenings_since_2025"] = entities("tightening")
    out["executive_entity_loosenings_since_2025"] = entities("loosening")
    out["congress_tool_bill_steps"] = count(branch="congress", side="tools")
    out["congress_chip_bill_steps"] = count(branch="congress", side="chips")
    out["last_executive_tool_tightening"] = (
        f"{last_event(events, branch='executive', side='tools', direction='tightening'):%-d %B %Y}"
    )
    out["last_executive_chip_loosening"] = (
        f"{last_event(events, branch='executive', side='chips', direction='loosening'):%-d %B %Y}"
    )
    out["entity_events"] = float((events["instrument"] == "entities").sum())
    # ASML's China share, total net sales (the book-wide basis), from chapter 3's table.
    out["asml_2025_percent"] = china_share("ASML", "2025", "calendar_year", "scmp2026asml")
    out["asml_2025_guided_percent"] = china_share(
        "ASML", "2025", "guidance", "globaltimes2024asml"
    )
    out["asml_2026_guided_percent"] = china_share("ASML", "2026", "guidance", "scmp2026asml")
    # A different basis, cited in June 2026: share of net system sales in the latest quarter.
    out["asml_2026q1_system_percent"] = china_share(
        "ASML", "2026Q1", "quarter", "techcrunch2026europe"
    )
    out["tel_apr_jun_2025_percent"] = china_share("Tokyo Electron", "FY2026Q1", "quarter")
    out["tel_apr_jun_2024_percent"] = china_share("Tokyo Electron", "FY2025Q1", "quarter")
    # The toolmakers' latest quarters: the lowest and highest China share among them.
    latest = toolmaker_shares(quarters=1)
    low = latest.loc[latest["china_share_percent"].idxmin()]
    high = latest.loc[latest["china_share_percent"].idxmax()]
    out["toolmakers_latest_low_percent"] = float(low["china_share_percent"])
    out["toolmakers_latest_low_holder"] = str(low["holder"])
    out["toolmakers_latest_high_percent"] = float(high["china_share_percent"])
    out["toolmakers_latest_high_holder"] = str(high["holder"])
    out["toolmakers_latest_from"] = f"{latest['period_end'].min():%B %Y}"
    out["toolmakers_latest_to"] = f"{latest['period_end'].max():%B %Y}"
    return _plain(out)


def other_side() -> dict[str, float]:
    """The model parameters on the other side of the package disputes, from the data."""
    table = disputed_inputs().set_index("dispute_id")
    return {
        table.loc[dispute, "parameter"]: float(table.loc[dispute, "value"])
        for dispute in OTHER_SIDE
    }


def exercise_figures() -> dict[str, float]:
    """Numbers the exercise statements give the student (not answers), ``tools_vs_chips_ex_``."""
    low, mid, high = (model.PARAMETERS["growth_without_controls"].check(g) for g in RACE_GROWTHS)
    side = other_side()
    successor = model.STATIC.check(SUCCESSOR)
    figures = {
        "race_growth_low": low,
        "race_growth_mid": mid,
        "race_growth_high": high,
        "race_imports": race_imports(),
        "race_growth_low_multiple": math.exp(low),
        "race_growth_mid_multiple": math.exp(mid),
        "race_growth_high_multiple": math.exp(high),
        "estimates_dies_per_package": side["dies_per_package"],
        "estimates_hbm_per_package": side["hbm_per_package"],
        **{f"successor_{name}": successor[name] for name in SUCCESSOR},
        "successor_yield_percent": 100 * successor["ascend_yield"],
    }
    return _plain(figures)


def race_imports() -> float:
    """Beijing's January 2026 H200 approvals as imports, million H100e a year (one H100e per
    H200 by arithmetic), checked against the declared range of ``chip_imports``."""
    from chipcontrols.core import record

    per_chip = ledger.PARAMETERS["h100e_per_chip"].default
    return model.PARAMETERS["chip_imports"].check(
        record.value(APPROVALS_RECORD_KEY) / MILLION * per_chip
    )


def estimate_label(estimate_id: str) -> str:
    """``"<estimator>, <year>"`` of one estimate, for tables."""
    chosen = estimate(estimate_id)
    return f"{chosen.estimator}, {chosen.year}"

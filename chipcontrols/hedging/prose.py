"""Numbers chapter 5's prose and exercise statements cite, computed from the model, record and data.

Everything here is reader-facing and ships in every edition; the solutions' numbers are in
:mod:`solutions.hedging`, which the student edition never imports.  Shares
are fractions of China's spending on new AI accelerators, money is in billion USD, volumes in
million chips (chapter 1's units) unless a key ends in ``_chips``.
"""

from __future__ import annotations

import math
from functools import lru_cache

from chipcontrols import hedging
from chipcontrols.catchup import mandates
from chipcontrols.catchup.market import market_figure
from chipcontrols.core import record
from chipcontrols.core.data import load_chips, load_table
from chipcontrols.eccn3a090 import chip_metric, classify_chips
from chipcontrols.ledger import PARAMETERS as _LEDGER_PARAMETERS

_LEDGER_CAP_SHARE = _LEDGER_PARAMETERS["cap_share"].default

__all__ = [
    "LATER_OPENING_WORLD",
    "exercise_figures",
    "exercise_scenarios",
    "later_opening_share",
    "prose_figures",
    "record_steps",
]

#: Chips compared per chip: the H200 and Huawei's best shipping part (dense FP16/BF16).
H200, ASCEND_910C = "nvidia-h200-sxm", "huawei-ascend-910c"
#: The calibrated world the "later opening" is measured from: January's share reproduced by
#: the value of buying domestic (the single-parameter calibration inside its range that
#: keeps the memo's advantage and cut-off risk).
LATER_OPENING_WORLD = "domestic_value"
#: The exercises' second cut-off probability (the leverage-paradox exercise doubles p).
DOUBLED_P = 2 * hedging.PARAMETERS["cutoff_probability"].default
#: The exit dates Chen's "two or three years" suggests, in years after January 2026.
CHEN_YEARS = (2.0, 3.0)
#: The leverage exercise's higher cut-off probability: the default feared half as much again.
PARADOX_P = 1.5 * hedging.PARAMETERS["cutoff_probability"].default
#: The pairing exercise's hypothetical cap: Washington halves its share of US-customer sales.
HALVED_CAP_SHARE = 0.5 * _LEDGER_CAP_SHARE
#: The exit exercise's levy: Washington doubles the record's levy.
DOUBLED_LEVY = 2 * hedging.PARAMETERS["levy"].default
#: January 2026's approved share (approvals ÷ orders, record figures).
JANUARY_SHARE = hedging.JANUARY_2026_APPROVED_SHARE


def later_opening_share() -> float:
    """The share Washington's May 2026 clearances allow: firms × chips per firm ÷ orders."""
    return (
        record.value("us_cleared_chinese_h200_buyers")
        * record.value("us_clearance_per_firm_h200")
        / record.value("chinese_h200_orders_2026")
    )


@lru_cache(maxsize=1)
def _per_chip_ratio() -> float:
    chips = classify_chips(load_chips())
    return chip_metric(chips, H200, "dense_fp16_tflops") / chip_metric(
        chips, ASCEND_910C, "dense_fp16_tflops"
    )


def record_steps() -> dict[str, float]:
    """Counts of the dependence record (``data/dependence.csv``) by status and side."""
    steps = load_table("dependence")
    found = steps[steps["status"] == "found"]
    return {
        "steps": float(len(steps)),
        "found": float(len(found)),
        "not_found": float(len(steps) - len(found)),
        "beijing": float((found["side"] == "Beijing").sum()),
        "washington": float((found["side"] == "Washington").sum()),
    }


def prose_figures() -> dict[str, float | str]:
    """Derived numbers the chapter's prose cites, glued as ``hedging_prose_<key>``."""
    v = record.value
    out: dict[str, float | str] = {}
    orders, approvals = v("chinese_h200_orders_2026"), v("beijing_h200_approvals_jan_2026")
    out["orders_million"] = orders / 1e6
    out["january_share"] = approvals / orders
    received = v("ft_h200_received_bytedance") + v("ft_h200_received_tencent")
    out["ft_received_total"] = received
    out["ft_share_of_orders_percent"] = 100 * received / orders
    out["ft_share_of_approvals_percent"] = 100 * received / approvals
    out["us_cleared_total_chips"] = v("us_cleared_chinese_h200_buyers") * v(
        "us_clearance_per_firm_h200"
    )
    out["later_share"] = later_opening_share()
    # Beijing's side at the memo's defaults
    default = hedging.best_reply()
    uncapped = hedging.best_reply(us_share_cap=1.0)
    out["s_star"] = default.interior
    out["s_default"] = default.import_share
    out["s_default_binding"] = default.binding_text
    out["us_cap_share"] = hedging.PARAMETERS["us_share_cap"].default
    out["p_bar"] = default.all_in_threshold
    out["s_star_doubled_p"] = hedging.best_reply(
        cutoff_probability=DOUBLED_P, us_share_cap=1.0
    ).interior
    out["doubled_p"] = DOUBLED_P
    out["payoff_interior"] = uncapped.payoff
    out["payoff_default"] = default.payoff
    statics = hedging.comparative_statics()
    out.update({f"ds_d_{name}": value for name, value in statics.items()})
    # How much one hundredth of cut-off probability lowers the interior share, in hundredths
    out["fear_slope"] = -statics["cutoff_probability"]
    # The cut-off probability above which Beijing's interior choice falls below Washington's cap
    out["cap_binds_below_p"] = hedging.calibrate(
        "cutoff_probability", observed_share=out["us_cap_share"]
    ).value
    # The levy convention: the memo's advantage is before the levy; Beijing faces a = a0 - χτ
    declared = hedging.PARAMETERS
    out["base_advantage"] = declared["base_advantage"].default
    out["advantage_now"] = declared["us_advantage"].default
    out["levy_bite"] = out["base_advantage"] - out["advantage_now"]
    no_levy = hedging.levy_outcome(levy=0.0, us_share_cap=1.0).reply
    out["s_star_no_levy"] = no_levy.interior
    # Calibration to January 2026
    for name, row in hedging.calibration_table().iterrows():
        out[f"cal_{name}"] = row.value
    out["cal_base_advantage"] = out["cal_us_advantage"] + out["levy_bite"]
    out["cal_domestic_value_ratio"] = (
        out["cal_domestic_value"] / declared["domestic_value"].default
    )
    out["cal_cutoff_loss_ratio"] = out["cal_cutoff_loss"] / declared["cutoff_loss"].default
    out["cutoff_probability_max"] = declared["cutoff_probability"].maximum
    # Figures chapter 4's tables hold (the mandate record, IDC's count of cards): read, not restated.
    grid = mandates().set_index("mandate_id").loc["national-2026-06-draft-grid"]
    out["grid_domestic_percent"] = float(grid["percent"])
    out["idc_nvidia_share_percent"] = market_figure("idc-2025-nvidia-share")
    out["idc_domestic_share_percent"] = market_figure("idc-2025-domestic-share")
    out["idc_cards_total"] = market_figure("idc-2025-total-units")
    out["grid_pairing_ratio"] = hedging.calibrate(
        "pairing_ratio", observed_share=1 - out["grid_domestic_percent"] / 100
    ).value
    out["per_chip_ratio"] = _per_chip_ratio()
    out["per_chip_after_levy"] = out["per_chip_ratio"] - out["levy_bite"]
    # The later opening, from the calibrated world
    world = {LATER_OPENING_WORLD: out[f"cal_{LATER_OPENING_WORLD}"]}
    later = out["later_share"]
    for name in ("cutoff_probability", "cutoff_loss"):
        out[f"later_{name}"] = hedging.calibrate(name, observed_share=later, **world).value
    out["later_pairing_ratio"] = hedging.calibrate("pairing_ratio", observed_share=later).value
    out["later_domestic_value"] = hedging.calibrate("domestic_value", observed_share=later).value
    # Compute shares and The Substrate
    a = hedging.PARAMETERS["us_advantage"].default
    out["compute_share_january"] = hedging.compute_share(out["january_share"], a)
    out["compute_share_default"] = hedging.compute_share(default.import_share, a)
    out["compute_share_uncapped"] = hedging.compute_share(uncapped.import_share, a)
    substrate = v("substrate_legal_import_share_2026_percent") / 100
    out["substrate_spending_share"] = substrate / (a * (1 - substrate) + substrate)
    # Leverage
    held, free = hedging.leverage(), hedging.leverage(us_share_cap=1.0)
    out["leverage_beijing"] = free.leverage
    out["expected_loss_beijing"] = free.expected_loss
    out["leverage_capped"] = held.leverage
    january = hedging.leverage(**world)
    out["leverage_january"] = january.leverage
    out["leverage_january_over_capped_percent"] = 100 * january.leverage / held.leverage
    doubled = hedging.leverage(cutoff_probability=DOUBLED_P, us_share_cap=1.0)
    out["leverage_doubled_p"] = doubled.leverage
    out["leverage_ratio_doubled_p"] = free.leverage / doubled.leverage
    # The levy
    levy = hedging.levy_outcome()
    out.update(
        {
            "tau_star": levy.revenue_maximising_levy,
            "prohibitive_levy": levy.prohibitive_levy,
            "peak_levy": levy.peak_levy,
            "levy_now": levy.levy,
            "levy_verdict": levy.levy_verdict,
            "advantage_after_levy": levy.advantage,
            "treasury_now": levy.treasury_revenue,
            "nvidia_now": levy.nvidia_revenue,
            "treasury_at_peak": hedging.levy_outcome(levy=levy.peak_levy).treasury_revenue,
            "treasury_at_tau_star": hedging.levy_outcome(
                levy=levy.revenue_maximising_levy
            ).treasury_revenue,
            "revenue_beijing_at_tau_star": float(
                hedging.revenue_curve([levy.revenue_maximising_levy])["revenue_beijing"].iloc[0]
            ),
        }
    )
    # The exit clock
    clock = hedging.exit_clock()
    out["exit_time"] = clock.exit_time
    out["exit_year"] = 2026 + clock.exit_time
    out["exit_advantage"] = clock.exit_advantage
    out["exit_advantage_before_levy"] = clock.exit_advantage + out["levy_bite"]
    out["exit_time_no_levy"] = hedging.exit_clock(levy=0.0).exit_time
    # Huawei's catch-up as a reader reads it: the gap's halving time and its multiple a year
    erosion = declared["advantage_erosion_rate"].default
    out["erosion_halving_years"] = math.log(2) / erosion
    out["erosion_multiple"] = math.exp(-erosion)
    out["erosion_halving_slowest"] = math.log(2) / declared["advantage_erosion_rate"].minimum
    out["erosion_halving_fastest"] = math.log(2) / declared["advantage_erosion_rate"].maximum
    # The link to chapter 1
    link_default, link_january = hedging.ledger_link(), hedging.ledger_link(**world)
    out["link_default_approvals"] = link_default.approvals
    out["link_default_binding"] = link_default.ledger_result.binding_text
    out["link_default_exports"] = link_default.ledger_result.volume
    out["link_default_ratio"] = link_default.ledger_result.ratio_with_exports
    out["link_january_approvals"] = link_january.approvals
    out["link_january_binding"] = link_january.ledger_result.binding_text
    out["link_january_ratio"] = link_january.ledger_result.ratio_with_exports
    out["link_january_treasury"] = link_january.ledger_result.treasury_revenue
    out.update({f"steps_{key}": value for key, value in record_steps().items()})
    return out


def exercise_scenarios() -> dict[str, dict[str, float]]:
    """Each exercise's scenario: the parameter values it sets, apart from the chapter's defaults.

    The exercises never reuse the worked example of the text, so no checked answer is printed
    above them: the calibration and the compute shares take Nvidia's side of the pass-through
    dispute (it reports absorbing the levy, so Beijing faces the advantage before it), the
    levy exercise the other extreme (the whole levy passed on, ``χ = a0``), the pairing
    exercise a hypothetical halving of Washington's cap, the exit exercise a doubled levy and
    the leverage exercise a cut-off feared half as much again.
    """
    declared = hedging.PARAMETERS
    a0 = declared["base_advantage"].default
    return {
        "calibrate": {"us_advantage": a0},
        "paradox": {"p_low": declared["cutoff_probability"].default, "p_high": PARADOX_P},
        "levy": {"pass_through": a0},
        "pairing": {"cap_share": HALVED_CAP_SHARE},
        "record": {"us_advantage": a0},
        "exit": {"levy": DOUBLED_LEVY},
    }


def exercise_figures() -> dict[str, float]:
    """Numbers the exercise statements give the student (not answers), ``hedging_ex_<key>``."""
    from chipcontrols import ledger

    scenario = exercise_scenarios()
    rule = ledger.PARAMETERS
    return {
        "doubled_p": DOUBLED_P,
        "chen_years_low": CHEN_YEARS[0],
        "chen_years_high": CHEN_YEARS[1],
        "substrate_percent": record.value("substrate_legal_import_share_2026_percent"),
        "january_share_percent": 100 * JANUARY_SHARE,
        "absorbed_advantage": scenario["calibrate"]["us_advantage"],
        "paradox_p_low": scenario["paradox"]["p_low"],
        "paradox_p_high": scenario["paradox"]["p_high"],
        "levy_pass_through": scenario["levy"]["pass_through"],
        "pairing_cap_percent": 100 * scenario["pairing"]["cap_share"],
        "pairing_cap_percent_now": 100 * rule["cap_share"].default,
        "pairing_us_volume": rule["us_volume"].default,
        "pairing_demand": rule["demand"].default,
        "exit_levy_percent": 100 * scenario["exit"]["levy"],
        "exit_levy": scenario["exit"]["levy"],
    }

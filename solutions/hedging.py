"""Every number chapter 5's exercise solutions and marking guides state, computed from the model.

The reader edition glues :func:`solution_figures` as ``hedging_sol_<key>`` in a cell tagged
``solution`` (the instructor guide too); the student edition drops that cell and
every solution, and never imports this module.  Numbers the prose and the exercise statements
cite are in :mod:`chipcontrols.hedging.prose`.  Shares are fractions of China's spending on new AI
accelerators; money in billion USD; leverage in units of V.
"""

from __future__ import annotations

import math

import sympy as sp

from chipcontrols import hedging as hedging, ledger

#: The memo exercise's marking guide (both memos together): criterion → points.
MEMO_RUBRIC = {
    "question": 2,
    "numbers": 4,
    "mechanism": 4,
    "other_side": 3,
    "uncertainty": 3,
    "recommendation": 4,
}
#: Deductions: a typed number not traceable to the model or the record; over one page each.
MEMO_DEDUCTIONS = {"untraceable_number": 2, "length": 2}
#: The source-evaluation exercise's marking guide.
RECORD_RUBRIC = {"definitions": 3, "confidence": 3, "computation": 2, "verdict": 2}
#: The Commerce memo's two worlds: a cut-off probability after an assurance and after a scare.
ASSURED_P, FEARED_P = 0.2, 0.8
#: The leverage-paradox proof's marking guide.
PARADOX_RUBRIC = {"derivative": 3, "sign": 2, "interpretation": 3, "when_raise_p": 2}
#: Years from January 2026 to the start of 2030 (the exit exercise's "beyond 2030").
YEARS_TO_2030 = 4.0


def _calibration() -> dict[str, float]:
    share = hedging.prose.JANUARY_SHARE
    scenario = hedging.prose.exercise_scenarios()["calibrate"]
    P = hedging.PARAMETERS
    V, b, p, Lc = (
        P[n].default
        for n in ("value_scale", "domestic_value", "cutoff_probability", "cutoff_loss")
    )
    a = scenario["us_advantage"]
    gain = V * (a - 1) - b
    solved = {
        n: hedging.calibrate(n, **scenario)
        for n in ("domestic_value", "cutoff_probability", "cutoff_loss")
    }
    return {
        "share": share,
        "a": a,
        "gain": gain,
        "two_p_l_s": 2 * p * Lc * share,
        "beta": solved["domestic_value"].value,
        "beta_ratio": solved["domestic_value"].value / b,
        "p": solved["cutoff_probability"].value,
        "p_max": P["cutoff_probability"].maximum,
        "l": solved["cutoff_loss"].value,
        "l_max": P["cutoff_loss"].maximum,
        "two_p_s": 2 * p * share,
        "two_l_s": 2 * Lc * share,
        "k": hedging.calibrate("pairing_ratio").value,
    }


def _paradox() -> dict[str, float]:
    scenario = hedging.prose.exercise_scenarios()["paradox"]
    low, high = scenario["p_low"], scenario["p_high"]
    at = {q: hedging.leverage(cutoff_probability=q, us_share_cap=1.0) for q in (low, high)}
    slope = sp.factor(sp.diff(hedging.LEVERAGE_INTERIOR, hedging.china.p))
    return {
        "p_low": low,
        "p_high": high,
        "s_low": hedging.best_reply(cutoff_probability=low, us_share_cap=1.0).interior,
        "s_high": hedging.best_reply(cutoff_probability=high, us_share_cap=1.0).interior,
        "leverage_low": at[low].leverage,
        "leverage_high": at[high].leverage,
        "ratio": at[low].leverage / at[high].leverage,
        "p_ratio": high / low,
        "loss_low": at[low].expected_loss,
        "loss_high": at[high].expected_loss,
        "slope_at_default": float(
            slope.subs(
                {
                    hedging.PARAMETERS.symbol(n): hedging.PARAMETERS[n].default
                    for n in hedging.CHINA_INPUTS
                }
            )
        ),
        "p_bar": hedging.best_reply().all_in_threshold,
    }


def _levy() -> dict[str, float | str]:
    scenario = hedging.prose.exercise_scenarios()["levy"]
    result = hedging.levy_outcome(**scenario)
    P = hedging.PARAMETERS
    capped_at = hedging.levy_outcome(levy=result.peak_levy, **scenario)
    return {
        "tau_star": result.revenue_maximising_levy,
        "verdict": result.levy_verdict,
        "levy": result.levy,
        "prohibitive": result.prohibitive_levy,
        "peak": result.peak_levy,
        "a0": P["base_advantage"].default,
        "kappa": scenario["pass_through"],
        "numerator": P["value_scale"].default * (P["base_advantage"].default - 1)
        - P["domestic_value"].default,
        "treasury_now": result.treasury_revenue,
        "treasury_peak": capped_at.treasury_revenue,
        "gain_percent": 100 * (capped_at.treasury_revenue / result.treasury_revenue - 1),
    }


def _pairing() -> dict[str, float | str]:
    P = ledger.PARAMETERS
    rule = hedging.prose.exercise_scenarios()["pairing"]["cap_share"]
    cap = rule * P["us_volume"].default / P["demand"].default
    switch = 1 / cap - 1
    grid_k = hedging.prose.prose_figures()["grid_pairing_ratio"]
    at_grid = hedging.best_reply(pairing_ratio=grid_k, us_share_cap=cap)
    return {
        "cap_share": rule,
        "us_volume": P["us_volume"].default,
        "demand": P["demand"].default,
        "cap": cap,
        "switch": switch,
        "grid_k": grid_k,
        "grid_bound": 1 / (1 + grid_k),
        "grid_binding": at_grid.binding_text,
        "grid_share": at_grid.import_share,
    }


def _record() -> dict[str, float]:
    prose = hedging.prose.prose_figures()
    a = hedging.prose.exercise_scenarios()["record"]["us_advantage"]
    substrate = hedging.prose.exercise_figures()["substrate_percent"] / 100
    return {
        "a": a,
        "compute_share": hedging.compute_share(hedging.prose.JANUARY_SHARE, a),
        "spending_share": substrate / (a * (1 - substrate) + substrate),
        "delivered_percent": prose["ft_share_of_orders_percent"],
        "idc_nvidia_share_percent": prose["idc_nvidia_share_percent"],
    }


def _exit() -> dict[str, float]:
    scenario = hedging.prose.exercise_scenarios()["exit"]
    clock = hedging.exit_clock(**scenario)
    P = hedging.PARAMETERS
    V, a0, beta = (P[n].default for n in ("value_scale", "base_advantage", "domestic_value"))
    bite = P["pass_through"].default * scenario["levy"]
    # V(a0(t) - 1) - Vχτ = β with a0(t) - 1 = (a0 - 1)e^(-λt): e^(-λt) = (β + Vχτ) / (V(a0 - 1))
    ln_ratio = math.log(V * (a0 - 1) / (beta + V * bite))
    rates = {years: ln_ratio / years for years in hedging.prose.CHEN_YEARS}
    low = rates[hedging.prose.CHEN_YEARS[0]]
    return {
        "t_exit": clock.exit_time,
        "ln_ratio": ln_ratio,
        "gap_before_levy": V * (a0 - 1),
        "beta_plus_bite": beta + V * bite,
        "exit_advantage": clock.exit_advantage,
        "rate_low_years": low,
        "halving_low_years": math.log(2) / low,
        "multiple_low_years": math.exp(-low),
        "rate_high_years": rates[hedging.prose.CHEN_YEARS[1]],
        "lambda": P["advantage_erosion_rate"].default,
        "halving_default": math.log(2) / P["advantage_erosion_rate"].default,
        "years_to_2030": YEARS_TO_2030,
        "rate_beyond_2030": ln_ratio / YEARS_TO_2030,
        "halving_beyond_2030": math.log(2) * YEARS_TO_2030 / ln_ratio,
    }


def _memo() -> dict[str, float]:
    out = {f"rubric_{k}": float(v) for k, v in MEMO_RUBRIC.items()}
    out.update({f"deduct_{k}": float(v) for k, v in MEMO_DEDUCTIONS.items()})
    out["rubric_total"] = float(sum(MEMO_RUBRIC.values()))
    out.update({f"record_rubric_{k}": float(v) for k, v in RECORD_RUBRIC.items()})
    out["record_rubric_total"] = float(sum(RECORD_RUBRIC.values()))
    out.update({f"paradox_rubric_{k}": float(v) for k, v in PARADOX_RUBRIC.items()})
    out["paradox_rubric_total"] = float(sum(PARADOX_RUBRIC.values()))
    # Beijing's memo: the rule that keeps dependence where the January share put it, and the
    # cost of that rule to Beijing's payoff at the defaults.
    grid_k = hedging.prose.prose_figures()["grid_pairing_ratio"]
    free = hedging.best_reply(us_share_cap=1.0)
    ruled = hedging.best_reply(pairing_ratio=grid_k, us_share_cap=1.0)
    out["beijing_payoff_free"] = free.payoff
    out["beijing_payoff_k4"] = ruled.payoff
    out["beijing_cost_k4_percent"] = 100 * (1 - ruled.payoff / free.payoff)
    # Washington's memo: an assurance that lowers p raises revenue and leverage once the
    # interior reply is below the cap.
    assured = hedging.levy_outcome(cutoff_probability=ASSURED_P, us_share_cap=1.0)
    feared = hedging.levy_outcome(cutoff_probability=FEARED_P, us_share_cap=1.0)
    out["us_treasury_assured"] = assured.treasury_revenue
    out["us_treasury_feared"] = feared.treasury_revenue
    out["us_payoff_assured"] = assured.us_payoff
    out["us_payoff_feared"] = feared.us_payoff
    out["p_assured"], out["p_feared"] = ASSURED_P, FEARED_P
    return out


def solution_figures() -> dict[str, float | str]:
    """Every number the chapter-5 solutions and rubrics state, keyed by exercise."""
    out: dict[str, float | str] = {}
    for prefix, figures in (
        ("cal", _calibration()),
        ("par", _paradox()),
        ("levy", _levy()),
        ("pair", _pairing()),
        ("rec", _record()),
        ("exit", _exit()),
        ("memo", _memo()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in figures.items()})
    return out

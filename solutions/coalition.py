"""Every number chapter 3's exercise solutions and marking guides state, computed from the model.

The reader edition glues :func:`solution_figures` as ``coalition_sol_<key>`` in a cell tagged
``solution`` (and the instructor guide glues it the same way); the student edition drops that
cell and never imports this module.  Numbers the prose and the exercise statements cite are in
:mod:`chipcontrols.coalition.prose`.  Shares are fractions unless a key ends in ``_percent``.
"""

from __future__ import annotations

from chipcontrols import coalition
from chipcontrols.coalition.checks import holder_data_answers
from chipcontrols.coalition.prose import EXERCISES, exercise_figures
from chipcontrols.reference.allied_revenue import china_share

#: The memo exercise's marking guide: criterion → points.
MEMO_RUBRIC = {
    "recommendation": 2,
    "belief_threshold": 3,
    "h200_effect": 2,
    "cascade": 3,
    "match_act": 3,
    "assurance": 2,
    "sources": 2,
}
#: The stag-hunt essay's marking guide: criterion → points.
STAGHUNT_RUBRIC = {"payoffs": 2, "weakest_link": 2, "switch": 2, "evidence": 2}


def _threshold_figures() -> dict[str, float]:
    """Tokyo Electron's belief thresholds at the exercise's S, pure and with β."""
    ex = exercise_figures()
    security, beta = ex["thr_security_value"], ex["thr_beta"]
    out: dict[str, float] = {"security_value": security, "beta": beta, "beta_s": beta * security}
    out["denominator_beta"] = security * (1 - 2 * beta)
    numbers = (1, 2)
    for number in numbers:
        share = ex[f"thr_tel_share_{number}"] / 100
        out[f"share_{number}"] = share
        out[f"q_{number}"] = coalition.belief_threshold(
            restraint_cost=share, security_value=security
        )
        out[f"q_{number}_beta"] = coalition.belief_threshold(
            restraint_cost=share, security_value=security, retained_share=beta
        )
        out[f"regime_{number}_beta_is_control"] = float(
            coalition.regime(share, security, beta) == coalition.CONTROL_DOMINANT
        )
    out["control_count_beta"] = sum(out[f"regime_{n}_beta_is_control"] for n in numbers)
    return out


def _seed_figures() -> dict[str, float | str]:
    scenario = EXERCISES["seed"]
    mean, width = scenario["uniform_mean"], scenario["uniform_width"]
    named = coalition.holders()
    found = coalition.smallest_unravelling_seed(named, bound=scenario["bound"])
    run = coalition.named_cascade(named, seed=found.names, bound=scenario["bound"])
    h200 = sum(h.weight for h in named if h.name in coalition.H200_SEED)
    out: dict[str, float | str] = {
        "uniform_tip": coalition.uniform_tipping_point(
            threshold_mean=mean, threshold_half_width=width
        ),
        "uniform_numerator": mean - width,
        "uniform_denominator": 1 - 2 * width,
        "normal_seed": coalition.tipping_seed(
            threshold_mean=scenario["mean"], threshold_spread=scenario["spread"]
        ),
        "named_seed": " and ".join(found.names),
        "named_weight": found.weight,
        "named_rounds": float(len(run.rounds) - 1),
        "h200_weight": h200,
        "gap": found.weight - h200,
        "unbound_weight": coalition.smallest_unravelling_seed(named).weight,
    }
    for i, _who in enumerate(run.rounds):
        out[f"named_round{i}_share"] = run.shares[i]
    return out


def _spread_figures() -> dict[str, float | str]:
    g = EXERCISES["spread"]
    out: dict[str, float | str] = {}
    for label in ("narrow", "wide"):
        sigma = g[label]
        result = coalition.cascade_outcome(
            threshold_mean=g["mean"], threshold_spread=sigma, seed_share=g["seed"]
        )
        out[f"{label}_outcome"] = result.outcome
        out[f"{label}_final"] = result.final_share
        out[f"{label}_response"] = float(
            coalition.response(g["seed"], threshold_mean=g["mean"], threshold_spread=sigma)
        )
        out[f"{label}_z"] = (g["seed"] - g["mean"]) / sigma
    out["critical"] = coalition.critical_spread(g["mean"])
    out["tangency"] = coalition.tangency_share(g["mean"])
    return out


def _memo_figures() -> dict[str, float | str]:
    ex = exercise_figures()
    g = EXERCISES["spread"]
    bound = coalition.cascade_outcome(
        threshold_mean=g["mean"],
        threshold_spread=g["wide"],
        seed_share=g["seed"],
        league_coverage=ex["memo_league"],
    )
    return {
        "asml_q": coalition.belief_threshold(
            restraint_cost=ex["memo_asml_share_2026_guided"] / 100,
            security_value=ex["memo_security_value"],
            retained_share=ex["memo_beta"],
        ),
        "security_value": ex["memo_security_value"],
        "beta": ex["memo_beta"],
        "league": ex["memo_league"],
        "league_final": bound.final_share,
        "league_outcome": bound.outcome,
    }


def _data_figures() -> dict[str, float]:
    figures = exercise_figures()
    answers = holder_data_answers()
    return {
        "asml_2023_system": china_share("ASML", "2023", "calendar_year", "trendforce2024asmlq4"),
        "asml_2023_total": china_share("ASML", "2023", "calendar_year", "asml2024form20f"),
        "asml_2023_gap": answers["asml_2023_gap_points"],
        "amat_total": answers["amat_fy2025_total_usd_bn"],
        "amat_china": figures["amat_fy2025_china_usd_million"] / 1e3,
        "amat_share_10k": figures["amat_fy2025_share_10k"],
        "amat_share_call": china_share(
            "Applied Materials", "FY2025", "fiscal_year", "fool2025amat"
        ),
        "tel_fy2025_mean": answers["tel_fy2025_mean_percent"],
        "tel_2024_house": china_share("Tokyo Electron", "2024", "calendar_year"),
    }


def _rubric_figures() -> dict[str, float]:
    out = {f"memo_rubric_{key}": float(points) for key, points in MEMO_RUBRIC.items()}
    out["memo_rubric_total"] = float(sum(MEMO_RUBRIC.values()))
    out.update({f"hunt_rubric_{key}": float(points) for key, points in STAGHUNT_RUBRIC.items()})
    out["hunt_rubric_total"] = float(sum(STAGHUNT_RUBRIC.values()))
    return out


def solution_figures() -> dict[str, float | str]:
    """Every number the six exercise solutions of chapter 3 and their marking guides state.

    Returns
    -------
    dict
        Flat mapping, glued as ``coalition_sol_<key>``.  Prefixes name the exercise: ``thr_`` (belief
        thresholds), ``seed_`` (tipping points and seeds), ``spr_`` (same average, opposite
        fate), ``data_`` (the holders' file), ``memo_`` (the memo's two numbers), and the rubrics' points (``memo_rubric_``,
        ``hunt_rubric_``).
    """
    out: dict[str, float | str] = {}
    for prefix, part in (
        ("thr", _threshold_figures()),
        ("seed", _seed_figures()),
        ("spr", _spread_figures()),
        ("data", _data_figures()),
        ("memo", _memo_figures()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in part.items()})
    out.update(_rubric_figures())
    return out

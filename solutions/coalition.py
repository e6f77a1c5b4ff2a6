"""Every number chapter 3's exercise solutions and marking guides state, computed from the model.

The reader edition glues :func:`solution_figures` as ``coalition_sol_<key>`` in a cell tagged
``solution`` (and the instructor guide glues it the same way); the student edition drops that
cell and never imports this module.  Numbers the prose and the exercise statements cite are in
:mod:`chipcontrols.coalition.prose`.  Shares are fractions unless a key ends in ``_percent``.
"""

from __future__ import annotations

from chipcontrols import coalition
from chipcontrols.coalition.prose import (
    ASML_SHARES,
    BOOK_SCENARIOS,
    UNIFORM_CASES,
    exercise_figures,
)
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
#: The β of the threshold exercise's last part (a DUV-like good with a partial substitute).
DUV_BETA = 0.2


def _threshold_figures() -> dict[str, float]:
    out: dict[str, float] = {"beta": DUV_BETA}
    for key, row in ASML_SHARES.items():
        share = china_share("ASML", *row) / 100
        out[f"share_{key}"] = share
        out[f"q_{key}"] = coalition.belief_threshold(restraint_cost=share)
        out[f"q_{key}_beta"] = coalition.belief_threshold(
            restraint_cost=share, retained_share=DUV_BETA
        )
        out[f"regime_{key}_beta_is_control"] = float(
            coalition.regime(share, 1.0, DUV_BETA) == coalition.CONTROL_DOMINANT
        )
    out["numerator_2025_beta"] = out["share_2025"] - DUV_BETA
    out["denominator_beta"] = 1 - 2 * DUV_BETA
    return out


def _seed_figures() -> dict[str, float | str]:
    mean, width = UNIFORM_CASES["first"]
    g = BOOK_SCENARIOS
    named = coalition.holders()
    found = coalition.smallest_unravelling_seed(named)
    run = coalition.named_cascade(named, seed=found.names)
    h200 = sum(h.weight for h in named if h.name in coalition.H200_SEED)
    out: dict[str, float | str] = {
        "uniform_tip": coalition.uniform_tipping_point(
            threshold_mean=mean, threshold_half_width=width
        ),
        "uniform_numerator": mean - width,
        "uniform_denominator": 1 - 2 * width,
        "normal_seed": coalition.tipping_seed(
            threshold_mean=g["mean"], threshold_spread=g["wide"]
        ),
        "named_seed": " and ".join(found.names),
        "named_weight": found.weight,
        "named_rounds": float(len(run.rounds) - 1),
        "h200_weight": h200,
        "gap": found.weight - h200,
        "match_none": float(
            coalition.smallest_unravelling_seed(named, bound=coalition.MATCH_ACT_BOUND) is None
        ),
    }
    for i, _who in enumerate(run.rounds):
        out[f"named_round{i}_share"] = run.shares[i]
    return out


def _spread_figures() -> dict[str, float | str]:
    g = BOOK_SCENARIOS
    out: dict[str, float | str] = {}
    for label, sigma in (("narrow", g["narrow"]), ("wide", g["wide"])):
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


def _data_figures() -> dict[str, float]:
    figures = exercise_figures()
    revenue = (
        figures["amat_fy2025_china_usd_million"] / 1e3 / (figures["amat_fy2025_share_10k"] / 100)
    )
    return {
        "asml_2024_system": china_share("ASML", "2024", "calendar_year", "scmp2026asml"),
        "asml_2024_total": china_share("ASML", "2024", "calendar_year", "volknews2025forges"),
        "amat_total": revenue,
        "amat_china": figures["amat_fy2025_china_usd_million"] / 1e3,
        "amat_share_10k": figures["amat_fy2025_share_10k"],
        "amat_share_call": china_share(
            "Applied Materials", "FY2025", "fiscal_year", "fool2025amat"
        ),
        "tel_fy2025_mean": sum(
            china_share("Tokyo Electron", f"FY2025Q{q}", "quarter") for q in (1, 2, 3, 4)
        )
        / 4,
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
        fate), ``data_`` (the holders' file), and the rubrics' points (``memo_rubric_``,
        ``hunt_rubric_``).
    """
    out: dict[str, float | str] = {}
    for prefix, part in (
        ("thr", _threshold_figures()),
        ("seed", _seed_figures()),
        ("spr", _spread_figures()),
        ("data", _data_figures()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in part.items()})
    out.update(_rubric_figures())
    return out

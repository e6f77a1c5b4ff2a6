"""Numbers chapter 3's prose and exercise statements cite, from the data, the record and the model.

Everything here is reader-facing and ships in every edition; the solutions' numbers are in
:mod:`solutions.coalition`, which the student edition never imports.  Shares
are fractions unless a key ends in ``_percent``; revenue in billion USD.
"""

from __future__ import annotations

import math
from functools import lru_cache

from chipcontrols import coalition
from chipcontrols.coalition import cascade, staghunt
from chipcontrols.core import record
from chipcontrols.core.data import load_table
from chipcontrols.reference.allied_revenue import china_share

__all__ = ["exercise_figures", "prose_figures", "ASML_SHARES", "BOOK_SCENARIOS", "EXERCISES"]

#: The ASML China shares the belief-threshold exercise and the text use: 2025 outcome, 2026
#: guidance, and the share reported in June 2026 (rows of data/allied_china_revenue.csv).
ASML_SHARES = {
    "2025": ("2025", "calendar_year", "scmp2026asml"),
    "2026_guided": ("2026", "guidance", "scmp2026asml"),
    "2026_reported": ("2026Q1", "quarter", "techcrunch2026europe"),
}
#: The book's own illustrative scenarios for the normal cascade (research memo, models.md §5):
#: a mean threshold, three spreads and two seeds.  They are not Granovetter's numbers; his
#: examples (a crowd of 100, mean threshold 25, no seed) are reproduced by
#: :func:`_granovetter_figures` from the record.
BOOK_SCENARIOS = {
    "mean": 0.3,
    "narrow": 0.08,
    "wide": 0.12,
    "wider": 0.16,
    "seed": 0.2,
    "small_seed": 0.05,
}
#: The book's two uniform cases (μ, w), from the research memo, not from Granovetter.
UNIFORM_CASES = {"first": (0.3, 0.25), "second": (0.35, 0.20)}


@lru_cache(maxsize=1)
def _table():
    return load_table("allied_china_revenue")


def _record_shares() -> dict[str, float]:
    """The holders' China shares the text cites (percent)."""
    out = {}
    rows = {
        "asml_2022_total": ("ASML", "2022", "calendar_year", None),
        "asml_2023_total": ("ASML", "2023", "calendar_year", "asml2024form20f"),
        "asml_2023_system": ("ASML", "2023", "calendar_year", "trendforce2024asmlq4"),
        "asml_2024q1": ("ASML", "2024Q1", "quarter", None),
        "asml_2024_system": ("ASML", "2024", "calendar_year", "scmp2026asml"),
        "asml_2024_total": ("ASML", "2024", "calendar_year", "volknews2025forges"),
        "asml_2025": ("ASML", "2025", "calendar_year", "scmp2026asml"),
        "asml_2025q4": ("ASML", "2025Q4", "quarter", None),
        "asml_2025_guided_first": ("ASML", "2025", "guidance", "globaltimes2024asml"),
        "asml_2025_guided_raised": ("ASML", "2025", "guidance", "caixin2026asml"),
        "asml_2026_guided": ("ASML", "2026", "guidance", None),
        "asml_2026_reported": ("ASML", "2026Q1", "quarter", None),
        "tel_peak": ("Tokyo Electron", "FY2025Q1", "quarter", None),
        "tel_apr_jun_2025": ("Tokyo Electron", "FY2026Q1", "quarter", None),
        "tel_jul_sep_2025": ("Tokyo Electron", "FY2026Q2", "quarter", None),
        "tel_oct_dec_2025": ("Tokyo Electron", "FY2026Q3", "quarter", None),
        "tel_2024_house": ("Tokyo Electron", "2024", "calendar_year", None),
        "amat_after_oct_2022": ("Applied Materials", "FY2023Q1", "quarter", None),
        "amat_peak": ("Applied Materials", "FY2024Q1", "quarter", None),
        "amat_2024_house": ("Applied Materials", "2024", "calendar_year", None),
        "amat_fy2025_call": ("Applied Materials", "FY2025", "fiscal_year", "fool2025amat"),
        "amat_fy2025_10k": ("Applied Materials", "FY2025", "fiscal_year", "secfilingsai2025amat"),
        "amat_oct_2025": ("Applied Materials", "FY2025Q4", "quarter", None),
        "lam_2024_house": ("Lam Research", "2024", "calendar_year", None),
        "lam_sep_2025": ("Lam Research", "2025Q3", "quarter", None),
        "lam_fy2025": ("Lam Research", "FY2025", "fiscal_year", "zacks2026lam"),
        "kla_2024_house": ("KLA", "2024", "calendar_year", None),
        "kla_dec_2025": ("KLA", "2025Q4", "quarter", "zacks2026kla"),
        "nvidia_fy2025": ("Nvidia", "FY2025", "fiscal_year", "reportify2025nvidia"),
        "skhynix_2023": ("SK hynix", "2023", "calendar_year", None),
        "skhynix_2024": ("SK hynix", "2024", "calendar_year", None),
    }
    for key, (holder, period, period_type, citation) in rows.items():
        out[f"{key}_percent"] = china_share(holder, period, period_type, citation)
    house = [
        out[k]
        for k in (
            "asml_2024_total_percent",
            "tel_2024_house_percent",
            "amat_2024_house_percent",
            "lam_2024_house_percent",
            "kla_2024_house_percent",
        )
    ]
    out["house_2024_low_percent"], out["house_2024_high_percent"] = min(house), max(house)
    table = _table()
    out["data_rows"] = float(len(table))
    out["data_holders"] = float(table.holder.nunique())
    out["data_share_rows"] = float(table.china_share_percent.notna().sum())
    return out


def _staghunt_figures() -> dict[str, float]:
    out = {}
    for key, row in ASML_SHARES.items():
        share = china_share("ASML", row[0], row[1], row[2]) / 100
        out[f"asml_share_{key}"] = share
        out[f"asml_q_star_{key}"] = coalition.belief_threshold(restraint_cost=share)
    share_2025 = out["asml_share_2025"]
    out["example_beta"] = 0.2
    out["asml_q_star_2025_beta"] = coalition.belief_threshold(
        restraint_cost=share_2025, retained_share=out["example_beta"]
    )
    out["asml_control_dominant_below"] = (
        out["example_beta"] * staghunt.PARAMETERS["security_value"].default
    )
    out["belief_default"] = staghunt.PARAMETERS["partner_belief"].default
    out["beta_half"] = 0.5
    return out


def _cascade_figures() -> dict[str, float | str]:
    g = BOOK_SCENARIOS
    out: dict[str, float | str] = {f"book_{k}": v for k, v in g.items()}
    narrow = coalition.cascade_outcome(
        threshold_mean=g["mean"], threshold_spread=g["narrow"], seed_share=g["seed"]
    )
    wide = coalition.cascade_outcome(
        threshold_mean=g["mean"], threshold_spread=g["wide"], seed_share=g["seed"]
    )
    wider = coalition.cascade_outcome(
        threshold_mean=g["mean"], threshold_spread=g["wider"], seed_share=g["small_seed"]
    )
    for label, result in (("narrow", narrow), ("wide", wide), ("wider", wider)):
        out[f"book_{label}_outcome"] = result.outcome
        out[f"book_{label}_final"] = result.final_share
        out[f"book_{label}_rounds"] = float(result.rounds)
    out["book_narrow_response_at_seed"] = float(
        coalition.response(g["seed"], threshold_mean=g["mean"], threshold_spread=g["narrow"])
    )
    out["book_wide_response_at_seed"] = float(
        coalition.response(g["seed"], threshold_mean=g["mean"], threshold_spread=g["wide"])
    )
    out["critical_spread"] = coalition.critical_spread(g["mean"])
    out["tangency_share"] = coalition.tangency_share(g["mean"])
    out["tipping_seed_narrow"] = coalition.tipping_seed(
        threshold_mean=g["mean"], threshold_spread=g["narrow"]
    )
    out["tipping_seed_wide"] = coalition.tipping_seed(
        threshold_mean=g["mean"], threshold_spread=g["wide"]
    )
    for label, (mean, width) in UNIFORM_CASES.items():
        out[f"uniform_{label}_mean"], out[f"uniform_{label}_width"] = mean, width
        out[f"uniform_{label}_tip"] = coalition.uniform_tipping_point(
            threshold_mean=mean, threshold_half_width=width
        )
    out.update(_granovetter_figures())
    out["browser_steps"] = float(cascade.BROWSER_STEPS)
    out["unravelled_percent"] = 100 * cascade.UNRAVELLED_FRACTION
    declared = cascade.PARAMETERS
    mean_max_tangent = max(row["threshold_mean"] for row in coalition.critical_spread_table())
    out["largest_mean_with_critical_spread"] = mean_max_tangent
    out["league_half"] = 0.5
    out["league_half_final"] = coalition.cascade_outcome(
        threshold_mean=g["mean"],
        threshold_spread=g["wide"],
        seed_share=g["seed"],
        league_coverage=0.5,
    ).final_share
    out["slider_seed_max"] = declared["seed_share"].maximum
    return out


def _granovetter_figures() -> dict[str, float | str]:
    """Granovetter's own two examples (1978), run through the chapter's model.

    Normal example: a crowd of N = 100 whose thresholds are normal with mean 25 and no seed; as
    the spread rises the final count jumps from a few to nearly all, at about 12.2 (record).  The
    model's rule with a continuous normal gives its critical spread on the mean-normalised scale
    (mean 25/N); times N it is on his scale.  Uniform example: thresholds 0, 1, ..., N − 1 (all
    join); raising the second person's threshold from 1 to 2 stops the cascade at one person.
    """
    people = record.value("granovetter1978_population")
    mean = record.value("granovetter1978_normal_mean_threshold") / people
    sigma_c = coalition.critical_spread(mean)
    out: dict[str, float | str] = {
        "gnv_mean_share": mean,
        "gnv_critical_spread_share": sigma_c,
        "gnv_critical_spread_people": sigma_c * people,
        "gnv_tangency_people": coalition.tangency_share(mean) * people,
        "gnv_published_gap_people": abs(
            sigma_c * people - record.value("granovetter1978_critical_spread")
        ),
    }
    below, above = math.floor(sigma_c * people), math.ceil(sigma_c * people)
    for label, spread in (("below", below), ("above", above)):
        result = coalition.cascade_outcome(
            threshold_mean=mean, threshold_spread=spread / people, seed_share=0.0
        )
        out[f"gnv_{label}_spread_people"] = float(spread)
        out[f"gnv_{label}_final_people"] = result.final_share * people
        out[f"gnv_{label}_outcome"] = result.outcome
    crowd = list(range(int(people)))
    out["gnv_uniform_final_people"] = coalition.discrete_cascade(crowd).final_share * people
    crowd[1] = 2
    out["gnv_uniform_changed_final_people"] = (
        coalition.discrete_cascade(crowd).final_share * people
    )
    return out


def _holder_figures() -> dict[str, float | str]:
    named = coalition.holders()
    out: dict[str, float | str] = {}
    for h in named:
        key = h.name.lower().replace(" ", "_")
        out[f"{key}_china_bn"] = h.china_usd_bn
        out[f"{key}_weight"] = h.weight
        out[f"{key}_share"] = h.china_share
        out[f"{key}_join"] = h.join_threshold
        out[f"{key}_defect"] = h.defect_threshold
    out["total_china_bn"] = sum(h.china_usd_bn for h in named)
    out["holder_count"] = float(len(named))
    seed_weight = sum(h.weight for h in named if h.name in coalition.H200_SEED)
    out["h200_seed_weight"] = seed_weight
    run = coalition.named_cascade(named, seed=coalition.H200_SEED)
    out["h200_followers"] = float(len(run.final) - len(coalition.H200_SEED))
    lowest = min(
        (h for h in named if h.name not in coalition.H200_SEED), key=lambda h: h.defect_threshold
    )
    out["lowest_threshold_holder"] = lowest.name
    out["lowest_threshold"] = lowest.defect_threshold
    found = coalition.smallest_unravelling_seed(named)
    out["lightest_seed_names"] = " and ".join(found.names)
    out["lightest_seed_weight"] = found.weight
    both = coalition.named_cascade(named, seed=found.names)
    out["lightest_seed_rounds"] = float(len(both.rounds) - 1)
    bound = coalition.smallest_unravelling_seed(named, bound=coalition.MATCH_ACT_BOUND)
    out["match_bound_seed"] = "none" if bound is None else " and ".join(bound.names)
    tools = [h for h in named if h.name in coalition.TOOL_COALITION]
    joined = coalition.named_cascade(tools, seed=coalition.TOOL_COALITION_SEED, mode="join")
    out["join_seed_weight"] = joined.shares[0]
    out["join_rounds"] = float(len(joined.rounds) - 1)
    out["join_final_count"] = float(len(joined.final))
    out["asml_2022_join"] = china_share("ASML", "2022", "calendar_year") / 100
    stakes = {s.holder: s for s in coalition.company_stakes()}
    out["company_count"] = float(len(stakes))
    return out


def prose_figures() -> dict[str, float | str]:
    """Every derived number chapter 3's text cites, glued as ``coalition_<key>``.

    Returns
    -------
    dict
        Prefixes: ``data_`` (the holders' China shares, percent), ``hunt_`` (belief
        thresholds), ``casc_`` (the book's flip scenarios ``casc_book_``, Granovetter's own examples
        ``casc_gnv_``, tipping points, the critical spread),
        ``hold_`` (the named holders: billion USD, weights, thresholds, seeds).
    """
    out: dict[str, float | str] = {}
    for prefix, part in (
        ("data", _record_shares()),
        ("hunt", _staghunt_figures()),
        ("casc", _cascade_figures()),
        ("hold", _holder_figures()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in part.items()})
    return out


# The exercises' scenarios and figures live in their own module; re-exported for the chapter.
from chipcontrols.coalition.exercises import EXERCISES, exercise_figures  # noqa: E402

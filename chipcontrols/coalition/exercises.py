"""The scenarios chapter 3's exercises give the student, and the numbers their statements cite.

The exercises use scenarios of their own, new beside the text's worked examples, so that no
checked answer is printed above the exercises (issue 22).  Everything here is reader-facing;
the answers are in :mod:`solutions.coalition`.  Re-exported by :mod:`chipcontrols.coalition.prose`.
"""

from __future__ import annotations

from chipcontrols.core.data import load_table
from chipcontrols.reference.allied_revenue import china_share

__all__ = ["EXERCISES", "exercise_figures"]

#: The exercises' own scenarios, new beside the text's worked examples so that no checked
#: answer is printed above the exercises.  Tokyo Electron's quarterly China shares are rows of
#: data/allied_china_revenue.csv (its fiscal 2026 quarters April–June and October–December
#: 2025); the security values, retained shares, means, spreads, seeds and the
#: league share are the book's illustrative choices, inside the declared ranges.
EXERCISES = {
    "threshold": {
        "holder": "Tokyo Electron",
        "quarters": ("FY2026Q1", "FY2026Q3"),
        "security_value": 1.5,
        "retained_share": 0.22,
    },
    "seed": {
        "uniform_mean": 0.38,
        "uniform_width": 0.22,
        "mean": 0.4,
        "spread": 0.14,
        "bound": ("Japan",),
    },
    "spread": {"mean": 0.33, "narrow": 0.10, "wide": 0.15, "seed": 0.21},
    "memo": {"security_value": 1.25, "retained_share": 0.1, "league_coverage": 0.1},
}


def exercise_figures() -> dict[str, float | str]:
    """Numbers the exercise statements give the student (not answers), ``coalition_ex_<key>``."""
    thr, seed, spr, memo = (EXERCISES[k] for k in ("threshold", "seed", "spread", "memo"))
    out: dict[str, float | str] = {
        "thr_security_value": thr["security_value"],
        "thr_beta": thr["retained_share"],
        "seed_uniform_mean": seed["uniform_mean"],
        "seed_uniform_width": seed["uniform_width"],
        "seed_mean": seed["mean"],
        "seed_spread": seed["spread"],
        "seed_bound": " and ".join(seed["bound"]),
        "spr_mean": spr["mean"],
        "spr_narrow": spr["narrow"],
        "spr_wide": spr["wide"],
        "spr_seed": spr["seed"],
        "memo_asml_share_2026_guided": china_share("ASML", "2026", "guidance"),
        "memo_security_value": memo["security_value"],
        "memo_beta": memo["retained_share"],
        "memo_league": memo["league_coverage"],
        "amat_fy2025_china_usd_million": _amat_fy2025_china(),
        "amat_fy2025_share_10k": china_share(
            "Applied Materials", "FY2025", "fiscal_year", "secfilingsai2025amat"
        ),
    }
    for number, quarter in enumerate(thr["quarters"], 1):
        out[f"thr_tel_share_{number}"] = china_share(thr["holder"], quarter, "quarter")
    return out


def _amat_fy2025_china() -> float:
    """Applied Materials' FY2025 China revenue (USD million) as the 10-K digest gives it."""
    table = load_table("allied_china_revenue")
    row = table[
        (table.holder == "Applied Materials")
        & (table.period == "FY2025")
        & (table.citation == "secfilingsai2025amat")
    ]
    return float(row.china_revenue.iloc[0])

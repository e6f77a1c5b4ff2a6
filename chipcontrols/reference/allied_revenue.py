"""Toolmakers', chipmakers' and memory makers' China share of revenue, from one sourced table.

``data/allied_china_revenue.csv`` holds every reported China share the book uses, one row per
holder, period, basis and source (chapter 3 builds its cascade weights from it).  Chapters read
a share here by naming its row, never by restating the number, so ASML's 2025 share, say, has
one definition whether chapter 2 or chapter 3 cites it.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from chipcontrols.core.data import load_table
from chipcontrols.core.parameters import strict_keywords

__all__ = ["china_share", "china_share_row"]


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    return load_table("allied_china_revenue")


@strict_keywords
def china_share_row(
    holder: str, period: str, period_type: str | None = None, citation: str | None = None
) -> pd.Series:
    """The one row giving ``holder``'s China share for ``period`` (and type and source, if named).

    Raises
    ------
    ValueError
        Unless exactly one row with a published share matches (the message says how many did).
    """
    table = _table()
    rows = table[(table.holder == holder) & (table.period == period)]
    if period_type is not None:
        rows = rows[rows.period_type == period_type]
    if citation is not None:
        rows = rows[rows.citation == citation]
    rows = rows[rows.china_share_percent.notna()]
    if len(rows) != 1:
        raise ValueError(
            f"{len(rows)} rows of data/allied_china_revenue.csv give {holder}'s China "
            f"share for {period} ({period_type}, {citation}); name the row exactly"
        )
    return rows.iloc[0]


@strict_keywords
def china_share(
    holder: str, period: str, period_type: str | None = None, citation: str | None = None
) -> float:
    """A holder's China share of revenue (percent) from one row of the table.

    Examples
    --------
    >>> china_share("ASML", "2025", "calendar_year", "scmp2026asml")
    33.0
    >>> china_share("Tokyo Electron", "FY2026Q1", "quarter")
    38.6
    """
    return float(china_share_row(holder, period, period_type, citation).china_share_percent)

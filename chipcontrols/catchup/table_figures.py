"""The chapter's tables as glued figures: market, mandates and roadmaps, one key per row.

Glued as ``catchup_market_<figure id>``, ``catchup_mandate_<id>_percent`` (and ``_year``) and
``catchup_roadmap_<id>_year`` (and ``_quarter``).
"""

from __future__ import annotations

import pandas as pd

from chipcontrols import catchup
from chipcontrols.core.data import load_table

__all__ = ["mandate_figures", "market_figures", "roadmap_figures"]


def market_figures() -> dict[str, float]:
    """Every value of ``data/domestic_market.csv``, glued as ``catchup_market_<figure id>``."""
    table = load_table("domestic_market")
    return {row.figure_id.replace("-", "_"): float(row.value) for row in table.itertuples()}


def mandate_figures() -> dict[str, float]:
    """Share and target year of each mandate, glued as ``catchup_mandate_<id>_percent`` etc."""
    out = {}
    for row in catchup.mandates().itertuples():
        slug = row.mandate_id.replace("-", "_")
        if pd.notna(row.percent):
            out[f"{slug}_percent"] = float(row.percent)
        if pd.notna(row.target_year):
            out[f"{slug}_year"] = float(row.target_year)
    return out


def roadmap_figures() -> dict[str, float]:
    """Planned year and quarter of each roadmap entry: ``catchup_roadmap_<id>_year`` etc."""
    out = {}
    for row in catchup.roadmap().itertuples():
        slug = row.entry_id.replace("-", "_")
        out[f"{slug}_year"] = float(row.planned_year)
        out[f"{slug}_quarter"] = float(row.planned_quarter)
    return out

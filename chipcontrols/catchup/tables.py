"""The catch-up clock (chapter 4): three clocks and the chapter's data.

"Nvidia's lead may be overtaken in two or three years" is checked on three clocks, each its
own module:

* the **cost clock**: dies per wafer, yield and cost per good die
  (:mod:`chipcontrols.catchup.yields`), a learning curve for defects fitted to reported
  yields (:mod:`chipcontrols.catchup.learning`) and Wright's-law race against Nvidia's
  falling cost per H100e, with mandates acting through output growth
  (:mod:`chipcontrols.catchup.cost`);
* the **performance clock**: the best-chip ratio and its crossover year
  (:mod:`chipcontrols.catchup.performance`);
* the **reliability clock**: failures, Young's checkpoint rule and the time a cluster wastes
  (:mod:`chipcontrols.catchup.reliability`);

plus units against compute against dollars (:mod:`chipcontrols.catchup.market`).  This module
reads the chapter's tables: the roadmaps, the market figures, the mandate record and the
evidence on training at scale, each validated against ``data/datapackage.json``.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

import pandas as pd

from chipcontrols.catchup import (
    cost,
    learning,
    market,
    performance,
    reliability,
    yields,
)
from chipcontrols.core.data import load_chips, load_table
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.eccn3a090 import chip_metric, classify_chips

__all__ = [
    "chip_growth",
    "evidence",
    "mandates",
    "planned_date",
    "roadmap",
    "roadmap_growth",
]

#: Every model module of the chapter by the name of its part of the clock, in the order the
#: chapter introduces them.
PARTS = {
    "yield": yields,
    "learning": learning,
    "cost": cost,
    "performance": performance,
    "reliability": reliability,
    "market": market,
}
#: The same modules in the same order.
MODULES = tuple(PARTS.values())


@strict_keywords
def planned_date(year: int, quarter: int) -> date:
    """The middle of a calendar quarter, the book's date for "launch in Qn of year".

    Examples
    --------
    >>> planned_date(2026, 1), planned_date(2027, 4)
    (datetime.date(2026, 2, 15), datetime.date(2027, 11, 15))
    """
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter = {quarter!r} is not 1, 2, 3 or 4")
    return date(int(year), 3 * quarter - 1, 15)


@lru_cache(maxsize=1)
def _roadmap() -> pd.DataFrame:
    table = load_table("domestic_roadmap")
    table["planned"] = [
        planned_date(y, q) for y, q in zip(table["planned_year"], table["planned_quarter"])
    ]
    table["planned_decimal_year"] = table["planned_year"] + (table["planned_quarter"] - 0.5) / 4
    return table


def roadmap() -> pd.DataFrame:
    """``data/domestic_roadmap.csv`` with ``planned`` (mid-quarter date) and a decimal year.

    The decimal year is the middle of the quarter, ``year + (quarter − 0.5)/4``.
    """
    return _roadmap().copy()


@lru_cache(maxsize=1)
def _classified() -> pd.DataFrame:
    return classify_chips(load_chips())


@strict_keywords
def chip_growth(
    first_chip: str, last_chip: str, column: str = "dense_8bit_tops", years: float | None = None
) -> float:
    """Exponential growth per year of one chip figure between two chips of ``data/chips.csv``.

    ``years`` defaults to the difference of the chips' launch years.

    Raises
    ------
    ValueError
        For an unknown chip, a figure the data leave blank, or no time between the chips.

    Examples
    --------
    >>> round(chip_growth("nvidia-h100-sxm5", "nvidia-gb300"), 3)     # 1,979 → 5,000 in 3 years
    0.309
    """
    table = _classified()
    first, last = (chip_metric(table, chip, column) for chip in (first_chip, last_chip))
    if years is None:
        launch = table.set_index("chip_id")["launch_year"]
        years = float(launch[last_chip] - launch[first_chip])
    span = require_number(
        "years",
        years,
        minimum=0.0,
        minimum_included=False,
        unit="years",
        label=f"{last_chip} must come after {first_chip}",
    )
    return math.log(last / first) / span


@strict_keywords
def roadmap_growth(
    vendor: str = "Huawei",
    column: str = "dense_8bit_tops",
    first: str = "huawei-ascend-950dt",
    last: str = "huawei-ascend-970",
) -> float:
    """Growth per year of a chip figure along a vendor's roadmap, timed by the planned quarters.

    Examples
    --------
    >>> round(roadmap_growth(), 4)                      # 1 → 4 PFLOP/s of FP8 in two years
    0.6931
    """
    table = _roadmap()
    rows = table[(table["vendor"] == vendor) & table["chip_id"].isin([first, last])]
    if set(rows["chip_id"]) != {first, last}:
        raise ValueError(
            f"the roadmap of {vendor!r} has no planned quarter for both {first!r} and {last!r}"
        )
    when = rows.set_index("chip_id")["planned_decimal_year"]
    return chip_growth(first, last, column, years=float(when[last] - when[first]))


def mandates() -> pd.DataFrame:
    """``data/domestic_mandates.csv``: the record of domestic-chip mandates and targets."""
    return load_table("domestic_mandates")


def evidence() -> pd.DataFrame:
    """``data/reliability_evidence.csv``: training runs on domestic chips and the baseline."""
    return load_table("reliability_evidence")


#: The three parts of Chen Tzu-ang's mandate claim, as ``domestic_mandates.csv`` names them.
CHEN_CLAIMS = ("more than half this year", "100% by 2027", "Shanghai 70%")


@strict_keywords
def mandate_record_for(claim: str) -> pd.DataFrame:
    """The rows of the mandate record that bear on one part of Chen's claim.

    Examples
    --------
    >>> sorted(mandate_record_for("100% by 2027")["issuer"])
    ['Beijing municipality', 'Chinese regulators (national or provincial: unclear)']
    """
    if claim not in CHEN_CLAIMS:
        raise ValueError(f"claim = {claim!r} is not one of {list(CHEN_CLAIMS)}")
    table = mandates()
    return table[table["chen_claim"] == claim].reset_index(drop=True)

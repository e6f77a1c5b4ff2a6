"""The published figures behind the tools-vs-chips model (chapter 2), read from ``data/``.

Three tables of the data package, each validated by :func:`chipcontrols.core.data.load_table`:

* ``capacity`` — estimates of SMIC's advanced-node capacity, HBM that reached China, Ascend
  output by source, and The Substrate's forecast of China's 2026 compute acquisitions;
* ``disputed_inputs`` — each source's value of an input the sources disagree on (dies per
  Ascend package, compute-die area, HBM stacks per package, capacity growth rates);
* ``control_events`` — the book's coding of US export-control events by instrument and
  direction.

Estimates are returned side by side, never averaged; a figure a source does not give is not
in the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from chipcontrols.core.data import field_labels, field_values, load_table
from chipcontrols.core.parameters import strict_keywords

__all__ = [
    "CapacityEstimate",
    "SIDES",
    "capacity_estimates",
    "control_events",
    "disputed_inputs",
    "estimate",
    "estimate_value",
    "estimates_of",
    "last_event",
    "tally_by_side",
    "TOOLMAKERS",
    "toolmaker_shares",
]


@dataclass(frozen=True)
class CapacityEstimate:
    """One published estimate of ``data/capacity.csv``.

    Attributes
    ----------
    estimate_id : str
        Slug, e.g. ``"ascend-output-2025-bis"``.
    quantity : str
        What is estimated (a value of the ``quantity`` field), e.g. ``"ascend_output"``.
    year : int
        Calendar year the figure refers to.
    value : float
        The figure, in ``unit``.
    unit : str
        ``"accelerators"``, ``"wafers per month"``, ``"stacks"``, ``"dies"``, ...
    qualifier : str
        ``"about"``, ``"at most"``, ``"more than"``, ``"up to"``, ``"target"`` or ``""``.
    estimator : str
        Who made it.
    description : str
        What it counts.
    citation : str
        Bibliography key.
    confidence : str
        ``high``, ``medium`` or ``low``.
    """

    estimate_id: str
    quantity: str
    year: int
    value: float
    unit: str
    qualifier: str
    estimator: str
    description: str
    citation: str
    confidence: str


@lru_cache(maxsize=1)
def capacity_estimates() -> pd.DataFrame:
    """``data/capacity.csv``, validated, indexed by ``estimate_id``."""
    table = load_table("capacity")
    table["qualifier"] = table["qualifier"].fillna("")
    return table.set_index("estimate_id")


@strict_keywords
def estimate(estimate_id: str) -> CapacityEstimate:
    """The estimate named ``estimate_id``.

    Raises
    ------
    ValueError
        For an id the table does not have (the message lists the valid ids).

    Examples
    --------
    >>> bis = estimate("ascend-output-2025-bis")
    >>> bis.value, bis.qualifier, bis.year
    (200000.0, 'at most', 2025)
    """
    table = capacity_estimates()
    if not isinstance(estimate_id, str) or estimate_id not in table.index:
        raise ValueError(
            f"estimate_id = {estimate_id!r} is not an estimate of data/capacity.csv; "
            f"valid ids: {sorted(table.index)}"
        )
    row = table.loc[estimate_id]
    return CapacityEstimate(
        estimate_id,
        row.quantity,
        int(row.year),
        float(row.value),
        row.unit,
        row.qualifier,
        row.estimator,
        row.description,
        row.citation,
        row.confidence,
    )


def estimate_value(estimate_id: str) -> float:
    """The value of one estimate (see :func:`estimate`)."""
    return estimate(estimate_id).value


@strict_keywords
def estimates_of(quantity: str) -> tuple[CapacityEstimate, ...]:
    """Every estimate of one quantity, by year then estimator.

    Raises
    ------
    ValueError
        For a quantity the data package does not declare (the message lists them).

    Examples
    --------
    >>> [e.estimator for e in estimates_of("smic_advanced_wafers_per_month")][:2]
    ['CSIS (Gregory Allen)', 'SemiAnalysis']
    """
    valid = field_values("capacity", "quantity")
    if quantity not in valid:
        raise ValueError(
            f"quantity = {quantity!r} is not a quantity of data/capacity.csv; valid: {list(valid)}"
        )
    table = capacity_estimates()
    chosen = table[table["quantity"] == quantity].sort_values(["year", "estimator"])
    return tuple(estimate(estimate_id) for estimate_id in chosen.index)


def quantity_labels() -> dict[str, str]:
    """Quantity → reader-facing label, from the data package."""
    return field_labels("capacity", "quantity")


@lru_cache(maxsize=1)
def _disputed() -> pd.DataFrame:
    table = load_table("disputed_inputs")
    table["derivation"] = table["derivation"].fillna("")
    return table


@strict_keywords
def disputed_inputs(parameter: str | None = None) -> pd.DataFrame:
    """Each source's value of a disputed input (all of them, or one parameter's).

    Parameters
    ----------
    parameter : str, optional
        A model parameter named in the ``parameter`` field, e.g. ``"dies_per_package"``.

    Raises
    ------
    ValueError
        For a parameter the table does not cover (the message lists those it does).

    Examples
    --------
    >>> sorted(disputed_inputs("dies_per_package")["value"].unique().tolist())
    [1.0, 2.0]
    """
    table = _disputed()
    if parameter is None:
        return table.copy()
    valid = field_values("disputed_inputs", "parameter")
    if parameter not in valid:
        raise ValueError(
            f"parameter = {parameter!r} has no published values in "
            f"data/disputed_inputs.csv; valid: {list(valid)}"
        )
    return table[table["parameter"] == parameter].reset_index(drop=True)


@lru_cache(maxsize=1)
def _events() -> pd.DataFrame:
    coded = load_table("control_events")
    timeline = load_table("timeline")[["event_id", "date", "actor", "event"]]
    unknown = sorted(set(coded["event_id"]) - set(timeline["event_id"]))
    if unknown:
        raise ValueError(f"data/control_events.csv: event_id {unknown} not in data/timeline.csv")
    joined = coded.merge(timeline, on="event_id", how="left")
    joined["date"] = pd.to_datetime(joined["date"].map(lambda d: str(d)[:10]))
    joined["year"] = joined["date"].dt.year
    return joined.sort_values("date").reset_index(drop=True)


def control_events() -> pd.DataFrame:
    """The coded US control events joined with their date, actor and text from the timeline.

    Returns
    -------
    pandas.DataFrame
        Columns ``event_id``, ``date`` (datetime), ``year``, ``actor``, ``event``, ``branch``,
        ``instrument``, ``direction``, ``note`` and the source columns, in date order.

    Examples
    --------
    >>> events = control_events()
    >>> set(events["instrument"]) <= {"chips", "tools", "chips_and_tools", "entities"}
    True
    """
    return _events().copy()


#: The two sides of the record Yang's claim is about, and the instruments each counts:
#: a rule on chips and tools at once counts on both sides; entity lists on neither.
SIDES = {"chips": ("chips", "chips_and_tools"), "tools": ("tools", "chips_and_tools")}


@strict_keywords
def tally_by_side(coding: pd.DataFrame) -> pd.DataFrame:
    """Count coded control events by year, branch, side (chips or tools) and direction.

    Parameters
    ----------
    coding : pandas.DataFrame
        One row per event with columns ``event_id``, ``instrument`` and ``direction`` (the
        book's coding, :func:`control_events`, or a student's); years and branches are taken
        from the book's events by ``event_id``.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``branch``, ``side``, ``direction`` and ``events`` (a count), one row
        per combination that occurs, sorted.  An event coded ``chips_and_tools`` counts on both
        sides; ``entities`` on neither.

    Raises
    ------
    ValueError
        If ``coding`` lacks a column, names an event the book does not code, or uses an
        instrument or direction the data package does not declare.

    Examples
    --------
    >>> tally = tally_by_side(control_events())
    >>> int(tally.query("year == 2022 and side == 'tools'")["events"].sum())
    1
    """
    from chipcontrols.core.data import require_table

    require_table(coding, "coding", ["event_id", "instrument", "direction"])
    events = _events().set_index("event_id")
    unknown = sorted(set(coding["event_id"]) - set(events.index))
    if unknown:
        raise ValueError(
            f"coding: event_id {unknown} are not coded control events; valid: "
            f"{sorted(events.index)}"
        )
    for column in ("instrument", "direction"):
        valid = field_values("control_events", column)
        bad = sorted(set(coding[column]) - set(valid))
        if bad:
            raise ValueError(f"coding: {column} {bad} is not one of {list(valid)}")
    rows = []
    for item in coding.itertuples():
        for side, instruments in SIDES.items():
            if item.instrument in instruments:
                event = events.loc[item.event_id]
                rows.append(
                    {
                        "year": int(event["year"]),
                        "branch": event["branch"],
                        "side": side,
                        "direction": item.direction,
                    }
                )
    if not rows:
        return pd.DataFrame(columns=["year", "branch", "side", "direction", "events"])
    return (
        pd.DataFrame(rows)
        .groupby(["year", "branch", "side", "direction"])
        .size()
        .rename("events")
        .reset_index()
        .sort_values(["year", "branch", "side", "direction"])
        .reset_index(drop=True)
    )


@strict_keywords
def last_event(coding: pd.DataFrame, *, branch: str, side: str, direction: str) -> pd.Timestamp:
    """Date of the latest coded event of one branch acting on one side in one direction.

    The one definition of "the last tool-side tightening" (or any other "last") the chapter,
    its solutions and its tests use: an event coded ``chips_and_tools`` counts on both sides,
    ``entities`` on neither (:data:`SIDES`).

    Parameters
    ----------
    coding : pandas.DataFrame
        Coded events with columns ``event_id``, ``instrument`` and ``direction`` (the book's,
        :func:`control_events`, or a student's); dates and branches come from the book's events.
    branch, side, direction : str
        E.g. ``"executive"``, ``"tools"``, ``"tightening"``.

    Raises
    ------
    ValueError
        For a branch, side or direction the data package does not declare, or when no event
        matches (the message names the combination).

    Examples
    --------
    >>> f"{last_event(control_events(), branch='executive', side='chips', direction='tightening'):%Y}"
    '2026'
    """
    from chipcontrols.core.data import require_table

    require_table(coding, "coding", ["event_id", "instrument", "direction"])
    for name, value, valid in (
        ("branch", branch, field_values("control_events", "branch")),
        ("side", side, tuple(SIDES)),
        ("direction", direction, field_values("control_events", "direction")),
    ):
        if value not in valid:
            raise ValueError(f"{name} = {value!r} is not one of {list(valid)}")
    events = _events().set_index("event_id")
    chosen = [
        events.loc[item.event_id, "date"]
        for item in coding.itertuples()
        if item.event_id in events.index
        and events.loc[item.event_id, "branch"] == branch
        and item.instrument in SIDES[side]
        and item.direction == direction
    ]
    if not chosen:
        raise ValueError(
            f"no coded event of branch = {branch!r} on side = {side!r} with "
            f"direction = {direction!r}"
        )
    return max(chosen)


#: The toolmakers whose China shares chapter 2 reports: holder name in
#: ``data/allied_china_revenue.csv`` (chapter 3's table, read here, never restated).
TOOLMAKERS = ("Applied Materials", "Lam Research", "KLA", "Tokyo Electron")
_CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}


@strict_keywords
def toolmaker_shares(quarters: int = 2) -> pd.DataFrame:
    """Each toolmaker's China share in the latest ``quarters`` quarters the record holds.

    Rows of ``data/allied_china_revenue.csv`` with a published share and ``period_type``
    ``"quarter"``, newest first per holder; where two sources give the same quarter, the more
    confident one is kept.  New rows in that table show up here without any other change.

    Raises
    ------
    ValueError
        Unless ``quarters`` is a whole number from 1 to 8.

    Examples
    --------
    >>> shares = toolmaker_shares(quarters=1)
    >>> sorted(shares["holder"]) == sorted(TOOLMAKERS)
    True
    """
    if not isinstance(quarters, int) or isinstance(quarters, bool) or not 1 <= quarters <= 8:
        raise ValueError(f"quarters = {quarters!r} must be a whole number from 1 to 8")
    table = load_table("allied_china_revenue")
    table = table[
        table["holder"].isin(TOOLMAKERS)
        & (table["period_type"] == "quarter")
        & table["china_share_percent"].notna()
    ].copy()
    table["period_end"] = pd.to_datetime(table["period_end"].map(lambda d: str(d)[:10]))
    table["rank"] = table["confidence"].map(_CONFIDENCE_ORDER)
    table = table.sort_values(["holder", "period_end", "rank"], ascending=[True, False, True])
    table = table.drop_duplicates(["holder", "period"], keep="first")
    chosen = table.groupby("holder", sort=False).head(quarters)
    columns = ["holder", "period", "period_end", "china_share_percent", "basis", "confidence"]
    columns += ["source_url", "source_title", "citation"]
    return chosen[columns].reset_index(drop=True)

"""Checks for ``ex-ch2-shift``: did the strategy shift? Code the record.

A coding of every US control event by instrument and direction, and the tally of
coded events by year, branch, side and direction.
"""

from __future__ import annotations

import pandas as pd

from chipcontrols.core.checking import CheckResult, exercise_check, is_unanswered, unanswered
from chipcontrols.core.data import field_values
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.tools_vs_chips.evidence import control_events, tally_by_side

#: Share of events on which a student's coding must agree with the book's.
CODING_AGREEMENT = 0.9


def _as_coding(coding) -> pd.DataFrame:
    if isinstance(coding, dict):
        rows = []
        for event_id, value in coding.items():
            if is_unanswered(value) or (
                isinstance(value, tuple) and any(is_unanswered(v) for v in value)
            ):
                rows.append({"event_id": event_id, "instrument": ..., "direction": ...})
                continue
            if not (isinstance(value, tuple) and len(value) == 2):
                raise ValueError(
                    f"coding[{event_id!r}] = {value!r} is not a pair (instrument, direction)"
                )
            rows.append({"event_id": event_id, "instrument": value[0], "direction": value[1]})
        return pd.DataFrame(rows, columns=["event_id", "instrument", "direction"])
    if isinstance(coding, pd.DataFrame):
        return coding
    raise ValueError(
        f"coding = {coding!r:.60} is not a dict of event_id -> (instrument, "
        "direction) or a table with those columns"
    )


@exercise_check
@strict_keywords
def check_event_coding(coding) -> CheckResult:
    """Check a coding of every US control event by instrument and direction.

    Parameters
    ----------
    coding : dict or pandas.DataFrame
        ``{event_id: (instrument, direction)}`` for every event of
        :func:`chipcontrols.tools_vs_chips.evidence.control_events`, or a table with columns
        ``event_id``, ``instrument`` and ``direction``.  Instruments: ``"chips"``,
        ``"tools"``, ``"chips_and_tools"``, ``"entities"``; directions ``"tightening"``,
        ``"loosening"``.

    Returns
    -------
    CheckResult
        Right when every event is coded with valid labels and at least
        :data:`CODING_AGREEMENT` of them agree with the book's coding; the message names the
        events where the two differ (not the book's codes), since coding is a judgement.
    """
    table = _as_coding(coding)
    blank = [
        row.event_id
        for row in table.itertuples()
        if is_unanswered(row.instrument) or is_unanswered(row.direction)
    ]
    if blank:
        return CheckResult(
            False,
            f"fill in the coding of {len(blank)} event(s), e.g. "
            f"{blank[0]}: replace each ... with an instrument and a "
            "direction, then run the cell again.",
        )
    book = control_events().set_index("event_id")
    missing = sorted(set(book.index) - set(table["event_id"]))
    if missing:
        return CheckResult(False, f"code every event: {len(missing)} missing, e.g. {missing[0]}.")
    tally_by_side(table)  # refuses unknown events and labels
    mine = table.set_index("event_id")
    differ = [
        event_id
        for event_id in book.index
        if (mine.loc[event_id, "instrument"], mine.loc[event_id, "direction"])
        != (book.loc[event_id, "instrument"], book.loc[event_id, "direction"])
    ]
    agree = len(book) - len(differ)
    listed = f" You differ from the book on: {', '.join(differ)}." if differ else ""
    if agree >= CODING_AGREEMENT * len(book):
        return CheckResult(
            True, f"your coding agrees with the book's on {agree} of {len(book)} events.{listed}"
        )
    return CheckResult(
        False,
        f"your coding agrees with the book's on {agree} of {len(book)} "
        f"events.{listed} Re-read those events: does each act on which "
        "chips China may import, on what it can build, or on lists of "
        "firms?",
    )


@exercise_check
@strict_keywords
def check_shift_table(table: pd.DataFrame, coding) -> CheckResult:
    """Check a student's tally of coded events by year, branch, side and direction.

    The tally is computed from the student's own ``coding`` (so any defensible coding can be
    tallied right): an event coded ``chips_and_tools`` counts on both sides, ``entities`` on
    neither.  ``table`` needs columns ``year``, ``branch``, ``side``, ``direction`` and
    ``events``; combinations with no events may be left out or given as 0.
    """
    from chipcontrols.core.data import require_table

    if is_unanswered(table):
        return unanswered(table=table)
    require_table(table, "table", ["year", "branch", "side", "direction", "events"])
    expected = tally_by_side(_as_coding(coding))
    key = ["year", "branch", "side", "direction"]
    given = table[table["events"] != 0].copy()
    given["year"] = given["year"].astype(int)
    merged = expected.merge(
        given[key + ["events"]], on=key, how="outer", suffixes=("_expected", "_given")
    ).fillna(0)
    wrong = merged[merged["events_expected"] != merged["events_given"]]
    if wrong.empty:
        return CheckResult(
            True,
            f"your tally matches your coding in all {len(expected)} "
            "year-branch-side-direction cells.",
        )
    first = wrong.iloc[0]
    return CheckResult(
        False,
        f"{len(wrong)} cell(s) do not match your coding, e.g. "
        f"{int(first.year)} {first.branch} {first.side} {first.direction}: "
        f"you have {int(first.events_given)}. Remember that "
        "chips_and_tools counts on both sides and entities on neither.",
    )


def valid_labels() -> dict[str, tuple[str, ...]]:
    """The instruments and directions a coding may use, from the data package."""
    return {
        column: field_values("control_events", column) for column in ("instrument", "direction")
    }

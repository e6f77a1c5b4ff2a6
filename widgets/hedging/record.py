"""Chapter 5's tables: the dependence record, the calibrations and the ledger side by side.

The dependence record is ``data/dependence.csv`` joined to the events of ``data/timeline.csv``
it reads; every row links to its source.  The other tables lay out what
:mod:`chipcontrols.hedging` computes.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from chipcontrols import hedging
from chipcontrols.core.data import load_table

#: How the table words a step's effect on a lever of the hedging.
_DIRECTIONS = {
    "raises": "raises",
    "lowers": "lowers",
    "sets": "sets",
    "observed": "measures",
    "none": "",
}


def _date(row) -> str:
    day = pd.Timestamp(row.date)
    return f"{day:%B %Y}" if row.date_precision == "month" else f"{day.day} {day:%B %Y}"


def _lever(row) -> str:
    if not isinstance(row.lever, str):
        return "—" if row.status == "found" else "not found"
    declared = hedging.PARAMETERS[row.lever]
    return (
        f"{_DIRECTIONS[row.direction]} {html.escape(declared.label.lower())} "
        f"(<code>{declared.name}</code>)"
    )


def dependence_table() -> HTML:
    """The dependence record, April 2025 to November 2026, one row per step, each sourced."""
    steps = load_table("dependence")
    events = load_table("timeline").set_index("event_id")["event"]
    rows = []
    for row in steps.itertuples():
        event = events[row.event_id] if isinstance(row.event_id, str) else ""
        happened = html.escape(event) if event else f"<em>{html.escape(row.reading)}</em>"
        reading = html.escape(row.reading) if event else ""
        source = f'<a href="{html.escape(row.source_url)}">{html.escape(row.source_title)}</a>'
        rows.append(
            f"<tr><td>{_date(row)}</td><td>{html.escape(row.side)}</td><td>{happened}"
            f"</td><td>{reading}</td><td>{_lever(row)}</td><td>{source} "
            f"({row.confidence})</td></tr>"
        )
    header = (
        "<tr><th>Date</th><th>Side</th><th>What happened</th><th>What it means for "
        "the import share</th><th>Model lever</th><th>Source (confidence)</th></tr>"
    )
    return HTML(
        f'<div class="h200-table"><table class="table"><thead>{header}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def calibration_view(observed_share: float | None = None, **values: float) -> HTML:
    """The single-parameter calibrations as a table (see :func:`hedging.calibration_table`)."""
    table = hedging.calibration_table(observed_share, **values)
    rows = []
    for _name, row in table.iterrows():
        inside = "yes" if row.inside_range else "<strong>no</strong>"
        rows.append(
            f'<tr><td>{html.escape(row.label)}</td><td class="num">{row.default:.2f}'
            f'</td><td class="num">{row.value:.2f}</td><td>{inside}, '
            f"{html.escape(row.valid_range)}</td></tr>"
        )
    header = (
        "<tr><th>Parameter solved for, the others at their defaults</th><th>Default</th>"
        "<th>Value reproducing the share</th><th>Inside the declared range?</th></tr>"
    )
    return HTML(
        f'<div class="h200-table"><table class="table"><thead>{header}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


#: Column headings of the side-by-side table, by column of :func:`hedging.ledger_side_by_side`.
SIDE_BY_SIDE_HEADINGS = {
    "beijing_share": "Beijing's share s",
    "set_by": "Set by",
    "approvals": "Approvals in the ledger (M chips)",
    "ledger_binding": "Ledger: binding limit",
    "exports": "Exports (M chips)",
    "treasury": "Treasury ($bn)",
    "ratio": "US:China ratio (×)",
}


def side_by_side_view(scenarios: dict[str, dict[str, float]]) -> HTML:
    """Beijing's choice and chapter 1's ledger, one row per named scenario."""
    table = hedging.ledger_side_by_side(scenarios).rename(columns=SIDE_BY_SIDE_HEADINGS)
    body = table.to_html(float_format=lambda x: f"{x:,.2f}", classes="table", border=0)
    return HTML(f'<div class="h200-table">{body}</div>')

"""Tables of chapter 4's record: roadmaps, the market, the mandates and the training evidence.

Each table is rendered from its validated data file, every row linked to its source; blanks
in the data are shown as "n/a" and never filled in.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from chipcontrols import catchup
from chipcontrols.core.data import load_table

NOT_PUBLISHED = "n/a"


def _cell(value: object, pattern: str = "{}") -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return NOT_PUBLISHED
    return html.escape(pattern.format(value))


def _source(row) -> str:
    return f'<a href="{html.escape(row.source_url)}">{html.escape(row.source_title)}</a>'


def _table(
    header: list[str], rows: list[list[str]], numeric: tuple[int, ...] = (), caption: str = ""
) -> HTML:
    """An HTML table in a wrapper that scrolls sideways on a phone and can be reached by keyboard."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    label = html.escape(caption or ", ".join(header[:3]))
    return HTML(
        f'<div class="h200-table" tabindex="0" role="region" aria-label="Table: {label}">'
        f'<table class="table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def roadmap_table() -> HTML:
    """The roadmap announcements: product, when announced, the planned quarter and status."""
    rows = [
        [
            _cell(r.product),
            _cell(r.vendor),
            _cell(str(r.announced)[:10]),
            f"Q{int(r.planned_quarter)} {int(r.planned_year)}",
            _cell(r.status_2026_11),
            _cell(r.note),
            _source(r),
        ]
        for r in catchup.roadmap().itertuples()
    ]
    return _table(
        [
            "Product",
            "Vendor",
            "Announced",
            "Planned for",
            "Status (searched to 8 Dec 2026)",
            "Note",
            "Source",
        ],
        rows,
        caption="domestic AI-chip roadmaps",
    )


def mandate_table() -> HTML:
    """The mandate record: each measure, its share, its target year and what it covers."""
    rows = [
        [
            _cell(str(r.date)[:7] if r.date_precision == "month" else str(r.date)[:10]),
            _cell(r.issuer),
            _cell(r.scope),
            _cell(r.measure),
            _cell(r.percent, "{:.0f}%"),
            _cell(r.target_year),
            "yes" if r.domestic_chips else "no",
            _cell(r.status),
            _source(r),
        ]
        for r in catchup.mandates().itertuples()
    ]
    return _table(
        [
            "Date",
            "Issuer",
            "Scope",
            "What the share counts",
            "Share",
            "By",
            "Domestic chips?",
            "Status",
            "Source",
        ],
        rows,
        numeric=(4, 5),
        caption="domestic-chip mandates and targets",
    )


def evidence_table() -> HTML:
    """Training runs on domestic chips, and the H100 baseline."""
    rows = [
        [
            _cell(str(r.date)[:7] if r.date_precision == "month" else str(r.date)[:10]),
            _cell(r.developer),
            _cell(r.model),
            _cell(r.hardware),
            _cell(r.accelerators, "{:,}"),
            _cell(r.outcome),
            _cell(r.note),
            _source(r),
        ]
        for r in catchup.evidence().itertuples()
    ]
    return _table(
        ["Date", "Developer", "Model", "Hardware", "Chips", "Outcome", "Note", "Source"],
        rows,
        numeric=(4,),
        caption="training runs on domestic chips",
    )


def market_table() -> HTML:
    """The market figures: who counted what, for which year, and whether it is a forecast."""
    table = load_table("domestic_market")
    rows = [
        [
            _cell(r.source_org),
            _cell(r.reported),
            _cell(catchup.market.period_label(r.figure_id, r.period)),
            _cell(r.subject),
            _cell(r.measure.replace("_", " ")),
            _cell(r.value, "{:,.10g}"),
            _cell(r.unit),
            _cell(r.kind),
            _source(r),
        ]
        for r in table.itertuples()
    ]
    return _table(
        ["Source", "Reported", "Period", "Subject", "Measure", "Value", "Unit", "Kind", "Link"],
        rows,
        numeric=(5,),
        caption="China's AI-chip market figures",
    )


def parameter_table() -> HTML:
    """Every parameter of the catch-up clock: what it is, its default, range and source."""
    rows, seen = [], set()
    for clock_name, module in catchup.PARTS.items():
        for parameter in module.PARAMETERS.values():
            if parameter.name in seen:  # declared once, shared by two parts of the clock
                continue
            seen.add(parameter.name)
            unit = f" {parameter.unit}" if parameter.unit else ""
            rows.append(
                [
                    html.escape(clock_name),
                    f"<code>{html.escape(parameter.name)}</code>",
                    html.escape(parameter.label),
                    html.escape(f"{parameter.default:,.4g}{unit}"),
                    html.escape(f"{parameter.minimum:,.4g} to {parameter.maximum:,.4g}"),
                    html.escape(parameter.source),
                ]
            )
    return _table(
        ["Part", "Name", "What it is", "Default", "Range", "Source or reason"],
        rows,
        numeric=(3,),
        caption="parameters of the catch-up clock",
    )

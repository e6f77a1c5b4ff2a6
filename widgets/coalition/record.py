"""Chart 3 of chapter 3: China's share of the toolmakers' sales over time, with control events.

Every point is a row of ``data/allied_china_revenue.csv`` (outcomes, not guidance, unless the
reader asks for guidance); every vertical rule is a dated event of ``data/timeline.csv``.  A
drop-down list shows one holder or all; a second one picks which events to mark.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chipcontrols.core.data import load_table
from widgets.core import palette
from widgets.core.display import Figure

#: The toolmakers the chart follows, with their colours.
TOOLMAKERS = palette.TOOLMAKER_COLOURS
#: Control events marked on the chart (timeline event ids) and the short label of each.
EVENTS = {
    "2022-10-07-bis-advanced-computing-rules": "US rules",
    "2023-01-us-japan-netherlands-tool-deal": "US–NL–JP deal",
    "2023-05-23-japan-adds-23-tool-items": "Japan's rule",
    "2023-06-30-netherlands-order-advanced-tools": "Dutch order",
    "2023-10-17-bis-updates-advanced-computing-rules": "US update",
    "2024-01-01-netherlands-revokes-duv-licences": "Dutch revocation disclosed",
    "2024-09-06-netherlands-extends-duv-licensing": "Dutch DUV licensing",
    "2024-12-02-bis-hbm-and-tool-controls": "US Dec 2024 rules",
    "2025-04-01-netherlands-metrology-licensing": "Dutch metrology",
    "2025-12-08-trump-announces-h200": "H200 decision",
    "2026-04-02-match-act-house": "MATCH Act",
    "2026-05-13-netherlands-objects-match-act": "Dutch objection",
}
#: Events labelled on the chart (the others are rules with a tooltip only, to keep it legible).
LABELLED = ("US rules", "US–NL–JP deal", "US Dec 2024 rules", "H200 decision", "MATCH Act")
ALL = "All toolmakers"
#: Event labels from this date on are drawn to the left of their line.
RIGHT_ALIGNED_FROM = "2025-06-01"
PERIOD_KINDS = {
    "quarter": "quarter",
    "half_year": "half-year",
    "calendar_year": "year",
    "fiscal_year": "year",
    "guidance": "guidance",
}


def record_table() -> pd.DataFrame:
    """The toolmakers' China shares as the chart plots them (blank shares left out)."""
    table = load_table("allied_china_revenue")
    table = table[table.holder.isin(TOOLMAKERS) & table.china_share_percent.notna()]
    return table.assign(
        date=pd.to_datetime(table.period_end).dt.strftime("%Y-%m-%d"),
        kind=table.period_type.map(PERIOD_KINDS),
        share=table.china_share_percent / 100,
    )[["holder", "period", "kind", "date", "share", "basis", "source_title", "confidence"]]


def event_table() -> pd.DataFrame:
    """The control events the chart marks, with their short labels."""
    events = load_table("timeline").set_index("event_id")
    missing = sorted(set(EVENTS) - set(events.index))
    if missing:
        raise ValueError(f"data/timeline.csv has no event {missing}")
    rows = events.loc[list(EVENTS)]
    return pd.DataFrame(
        {
            "date": pd.to_datetime(rows["date"]).dt.strftime("%Y-%m-%d").values,
            "label": list(EVENTS.values()),
            "labelled": [label in LABELLED for label in EVENTS.values()],
            "event": rows["event"].values,
        }
    ).assign(
        lane=lambda t: t.groupby("labelled").cumcount() % 3,
        leftward=lambda t: t["date"] >= RIGHT_ALIGNED_FROM,
    )


def allied_record_chart() -> Figure:
    """Chart 3: China's share of each toolmaker's sales, 2021–2026, with control events.

    Points are outcomes (quarter, half-year or year) or, when the check box asks for them,
    guidance; each point's tooltip gives the period, the basis (system sales or total
    revenue) and the source.  A drop-down list shows one toolmaker.
    """
    table, events = record_table(), event_table()
    holder = alt.param(
        name="toolmaker",
        value=ALL,
        bind=alt.binding_select(options=[ALL, *TOOLMAKERS], name="Show: "),
    )
    guidance = alt.param(
        name="show_guidance",
        value=False,
        bind=alt.binding_checkbox(name="Include guidance (forecasts) "),
    )
    x = alt.X(
        "date:T",
        title=None,
        axis=alt.Axis(format="%Y", labelAngle=0, tickCount=6),
        scale=alt.Scale(domain=["2021-01-01", "2026-12-31"]),
    )
    y = alt.Y(
        "share:Q",
        title="China's share of sales",
        axis=alt.Axis(format="%"),
        scale=alt.Scale(domain=[0, 0.55], nice=False),
    )
    colour = alt.Color(
        "holder:N",
        title="Toolmaker",
        sort=list(TOOLMAKERS),
        scale=alt.Scale(domain=list(TOOLMAKERS), range=list(TOOLMAKERS.values())),
    )
    base = alt.Chart(table).transform_filter(
        f"(toolmaker == '{ALL}' || datum.holder == toolmaker) && "
        "(show_guidance || datum.kind != 'guidance')"
    )
    lines = (
        base.transform_filter("datum.kind == 'quarter'")
        .mark_line(strokeWidth=1.5, opacity=0.7)
        .encode(x=x, y=y, color=colour, detail="holder:N")
    )
    points = base.mark_point(filled=True, size=55).encode(
        x=x,
        y=y,
        color=colour,
        shape=alt.Shape(
            "kind:N", title="Period", sort=["quarter", "half-year", "year", "guidance"]
        ),
        tooltip=[
            alt.Tooltip("holder:N", title="Toolmaker"),
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("share:Q", title="China's share", format=".1%"),
            alt.Tooltip("basis:N", title="Share of"),
            alt.Tooltip("source_title:N", title="Source"),
            alt.Tooltip("confidence:N", title="Confidence"),
        ],
    )
    rules = (
        alt.Chart(events)
        .mark_rule(color=palette.EVENT_RULE, strokeDash=[2, 3])
        .encode(
            x="date:T",
            tooltip=[
                alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
                alt.Tooltip("label:N", title="Event"),
                alt.Tooltip("event:N", title="What happened"),
            ],
        )
    )
    # Labels of events in the last year and a half read leftwards, so none runs off the plot.
    labels = [
        alt.Chart(events)
        .transform_filter(f"datum.labelled && {'!' if align == 'left' else ''}datum.leftward")
        .mark_text(
            align=align,
            dx=3 if align == "left" else -3,
            fontSize=10,
            color=palette.EVENT_LABEL_INK,
        )
        .encode(x="date:T", y=alt.Y("top:Q", scale=None), text="label:N")
        .transform_calculate(top="8 + 12 * datum.lane")
        for align in ("left", "right")
    ]
    chart = (
        alt.layer(rules, *labels, lines, points)
        .add_params(holder, guidance)
        .properties(width=palette.CHART_WIDTH, height=palette.TALL_PLOT_HEIGHT)
        .configure_legend(orient="bottom", columns=3)
    )
    latest = table[table.kind != "guidance"].sort_values("date").groupby("holder").tail(1)
    latest_text = "; ".join(
        f"{row.holder} {row.share:.0%} ({row.period})" for row in latest.itertuples()
    )
    description = (
        f"China's share of sales of {len(TOOLMAKERS)} toolmakers from 2021 to 2026, one colour "
        f"per company ({len(table)} reported figures; quarters joined by lines), with "
        f"{len(events)} control events as dotted vertical lines. Shares peaked in 2023–24, when "
        "Chinese fabs bought ahead of the rules, and have fallen since; the latest outcomes "
        f"are {latest_text}. A drop-down list shows one toolmaker and a check box adds "
        "guidance; hover for the basis and the source."
    )
    return Figure(chart, description)

"""Views of the record: the timeline of controls and responses, and the rule versions."""

from __future__ import annotations

import altair as alt
import pandas as pd

from chipcontrols.core.data import field_labels, field_values, load_chips, load_table
from chipcontrols.eccn3a090 import RULE_VERSIONS, Treatment, classify_under_every_version
from widgets.core import palette
from widgets.core.display import Figure

ALL_ACTORS = "All actors"


def timeline_chart(events: pd.DataFrame | None = None) -> Figure:
    """Chart (a): every event of ``data/timeline.csv`` on a time axis, one row per actor group.

    A drop-down list (computed in the browser) shows one actor group or all of them; each
    point's tooltip gives the event, its source and the confidence of the record.
    """
    events = load_table("timeline") if events is None else events
    actor_groups = field_values("timeline", "actor_group")
    category_names = field_labels("timeline", "category")
    unknown = set(events["actor_group"]) - set(actor_groups)
    if unknown:
        raise ValueError(f"timeline actor_group {sorted(unknown)} is not one of {actor_groups}")
    table = events.assign(
        date=pd.to_datetime(events["date"]).dt.strftime("%Y-%m-%d"),
        category_name=events["category"].map(category_names),
        # spread events of one row over five lanes so that close dates stay distinguishable
        lane=events.groupby("actor_group").cumcount() % 5,
    )[
        [
            "date",
            "date_precision",
            "actor",
            "actor_group",
            "category_name",
            "event",
            "source_title",
            "confidence",
            "lane",
        ]
    ]
    actor = alt.param(
        name="actor",
        value=ALL_ACTORS,
        bind=alt.binding_select(options=[ALL_ACTORS, *actor_groups], name="Show events of: "),
    )
    chart = (
        alt.Chart(table)
        .transform_filter(f"actor == '{ALL_ACTORS}' || datum.actor_group == actor")
        .mark_point(filled=True, size=80, opacity=0.85, stroke=palette.BACKGROUND, strokeWidth=0.6)
        .encode(
            x=alt.X(
                "date:T", title="Date", axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=9)
            ),
            y=alt.Y("actor_group:N", sort=list(actor_groups), title=None),
            yOffset=alt.YOffset("lane:O"),
            color=alt.Color(
                "category_name:N",
                title="Kind of event",
                sort=list(category_names.values()),
                scale=alt.Scale(scheme=palette.EVENT_KIND_SCHEME),
            ),
            shape=alt.Shape(
                "confidence:N", title="Confidence of the record", sort=["high", "medium", "low"]
            ),
            tooltip=[
                alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
                alt.Tooltip("date_precision:N", title="Date known to the"),
                alt.Tooltip("actor:N", title="Actor"),
                alt.Tooltip("event:N", title="Event"),
                alt.Tooltip("source_title:N", title="Source"),
                alt.Tooltip("confidence:N", title="Confidence"),
            ],
        )
        .add_params(actor)
        .properties(width=560, height=300)
        .configure_legend(orient="bottom", direction="horizontal", columns=3)
    )
    first, last = table["date"].min(), table["date"].max()
    counts = ", ".join(
        f"{group} {int((table['actor_group'] == group).sum())}" for group in actor_groups
    )
    description = (
        f"Timeline of {len(table)} dated events from {first} to {last}, one row per actor group "
        f"({counts}), coloured by kind of event and shaped by the confidence of the record. "
        "A drop-down list shows one actor group or all; hover over a point for the event and "
        "its source."
    )
    return Figure(chart, description)


#: Width (px) a grid column needs for the longest cell label, "3A090.a (case-by-case)".
FULL_LABEL_COLUMN = 120
#: A chart container narrower than this (px) is a phone's: smaller cell text, shorter chip names.
NARROW_CONTAINER = 560


def short_class(label: str) -> str:
    """Cell text for a class label, short enough for its cell; the tooltip gives the full label.

    Examples
    --------
    >>> short_class("3A090.a, case-by-case"), short_class("3A090.a, presumption of denial")
    ('3A090.a (case-by-case)', '3A090.a (denial)')
    >>> short_class("undetermined (throughput and interconnect unknown)")
    'undetermined'
    """
    if label.startswith("undetermined"):
        return "undetermined"
    head, _, tail = label.partition(", ")
    if tail.startswith("presumption"):
        tail = "denial"
    return f"{head} ({tail})" if tail else head


def rule_versions_chart(chips: pd.DataFrame | None = None) -> Figure:
    """Chart (d): each chip's class under every rule version, coloured by what it means for China.

    Chips are sorted by TPP (largest first; those without a published throughput last).
    """
    table = classify_under_every_version(load_chips() if chips is None else chips)
    caught_by = {
        rule.name: int(
            table.query("rule == @rule.name")["treatment"].map(lambda t: t.caught).sum()
        )
        for rule in RULE_VERSIONS
    }
    table["treatment"] = table["treatment"].map(lambda treatment: treatment.value)
    table["cell"] = table["eccn_class"].map(short_class)
    table["head"] = table["cell"].map(
        lambda cell: cell.split(" (")[0].replace("not controlled", "not ctrl.")
    )
    table["tpp_text"] = table["tpp"].map(lambda t: "n/a" if pd.isna(t) else f"{t:,.0f}")
    order = (
        table.drop_duplicates("chip_id")
        .sort_values("tpp", ascending=False, na_position="last")["chip"]
        .tolist()
    )
    versions = [rule.name for rule in RULE_VERSIONS]
    base = alt.Chart(table).encode(
        x=alt.X(
            "rule:N",
            sort=versions,
            title=None,
            axis=alt.Axis(
                orient="top",
                labelAngle=0,
                labelExpr=f"containerSize()[0] < {NARROW_CONTAINER} ? "
                "replace(replace(datum.label, 'October ', 'Oct '), 'January ', 'Jan ') "
                ": datum.label",
            ),
        ),
        y=alt.Y("chip:N", sort=order, title=None),
    )
    cells = base.mark_rect(stroke=palette.BACKGROUND, strokeWidth=1.5).encode(
        color=alt.Color(
            "treatment:N",
            title="What an exporter to China faces",
            scale=alt.Scale(
                domain=[t.value for t in Treatment],
                range=[palette.TREATMENT_COLOURS[t] for t in Treatment],
            ),
        ),
        tooltip=[
            alt.Tooltip("chip:N", title="Chip"),
            alt.Tooltip("vendor:N", title="Vendor"),
            alt.Tooltip("tpp_text:N", title="TPP"),
            alt.Tooltip("rule:N", title="Rule"),
            alt.Tooltip("eccn_class:N", title="Class"),
            alt.Tooltip("treatment:N", title="Meaning"),
        ],
    )
    # A column narrower than the full label (a phone) shows only the class's head, e.g. "3A090.a";
    # the colour and the tooltip carry the rest.
    text = (
        base.transform_calculate(
            shown=f"width >= {len(versions) * FULL_LABEL_COLUMN} ? datum.cell : datum.head",
        )
        .mark_text(fontSize={"expr": f"containerSize()[0] < {NARROW_CONTAINER} ? 9.5 : 10.5"})
        .encode(text="shown:N")
    )
    chart = (
        alt.layer(cells, text)
        .properties(width=len(versions) * 175, height=22 * len(order))
        .configure_legend(
            orient="bottom",
            direction="horizontal",
            columns={"expr": f"containerSize()[0] < {NARROW_CONTAINER} ? 1 : 2"},
            labelLimit={
                "expr": f"containerSize()[0] < {NARROW_CONTAINER} ? containerSize()[0] - 60 : 260"
            },
        )
        .configure_axisY(
            labelLimit={"expr": f"containerSize()[0] < {NARROW_CONTAINER} ? 110 : 160"}
        )
    )
    description = (
        f"Grid of {len(order)} chips (rows, by TPP) under the {', '.join(versions)} versions "
        "of the US 3A090 test (columns). Each cell names the chip's class and is coloured by "
        "what an exporter to China faces. Chips caught (license, grey zone or case-by-case): "
        + ", ".join(f"{name} {n}" for name, n in caught_by.items())
        + "."
    )
    footnote = (
        "Huawei and Cambricon chips are not US exports; for them the grid measures "
        "capability against the US lines, not legal status. 'Undetermined' marks chips "
        "whose class depends on a figure no source publishes."
    )
    return Figure(chart, description, footnote)

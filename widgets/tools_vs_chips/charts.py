"""Charts of the tools-vs-chips model for the static site (chapter 2).

Every number the browser computes comes from a closed form registered in
:mod:`chipcontrols.tools_vs_chips.model` (``tools_vs_chips.FORMS``); every slider comes from a parameter
declaration; the published values of the disputed inputs come from
``data/disputed_inputs.csv``.  Vega has no root finder and no Lambert W, so the horizon T*
is marked where the sampled curves cross (the first sampled step), while the lab and the
text give the exact root from Python.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from chipcontrols import tools_vs_chips
from chipcontrols.core.data import field_labels
from chipcontrols.core.figures import record_period
from chipcontrols.tools_vs_chips import dynamics
from chipcontrols.tools_vs_chips.evidence import control_events, disputed_inputs, last_event
from widgets.core import palette
from widgets.core.bars import expression_bars
from widgets.core.display import Figure
from widgets.core.readout import readout_strip
from widgets.core.sliders import altair_params

#: The bar axis reaches this multiple of the longer bar, so its label fits inside the plot.
LABEL_ROOM = 1.3
#: Readout text size (px); its lines are kept under about 36 characters to fit a phone.
READOUT_FONT = 12
#: Sliders of each chart, in display order.
BOTTLENECK_SLIDERS = (
    "wafer_starts",
    "ai_wafer_share",
    "ascend_die_area",
    "ascend_yield",
    "dies_per_package",
    "tool_uptime",
    "litho_passes",
    "hbm_supply",
    "hbm_per_package",
    "h100e_per_accelerator",
)
RACE_SLIDERS = (
    "chip_imports",
    "domestic_output",
    "growth_with_controls",
    "growth_without_controls",
)
DENIED_SLIDERS = RACE_SLIDERS + ("horizon_years",)
#: The disputed inputs each chart shows beside its sliders.
BOTTLENECK_DISPUTES = ("dies_per_package", "ascend_die_area", "hbm_per_package")
GROWTH_DISPUTES = ("growth_with_controls", "growth_without_controls")
#: The race is drawn over ten years, sampled every RACE_STEP years.
RACE_YEARS, RACE_STEP = 10.0, 0.05
#: Compute denied is sampled every DENIED_STEP years up to the largest declared horizon.
DENIED_STEP = 0.05


def _sliders(names) -> list[alt.Parameter]:
    return altair_params(tools_vs_chips.PARAMETERS[name] for name in names)


def _readout(
    text_expression: str, calculations: dict[str, str], height: int = palette.READOUT_HEIGHT
) -> alt.Chart:
    """A one-row text panel whose text the browser computes."""
    row = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(**calculations)
        .transform_calculate(readout=text_expression)
    )
    return readout_strip(
        row, width=palette.CHART_WIDTH, height=height, field="readout", font_size=READOUT_FONT
    )


def growth_readout() -> alt.Chart:
    """Two lines giving the two growth rates as multiples a year, as the sliders set them.

    A reader thinks of growth as "×1.33 a year"; the model's parameters are continuous rates
    γ, and the multiple a year is e^γ.
    """
    with_, without = (
        tools_vs_chips.growth_with_controls.name,
        tools_vs_chips.growth_without_controls.name,
    )
    return _readout(
        "'Growth ×' + format(exp(datum.gc), '.2f') + ' a year with tool controls,\\n×' + "
        "format(exp(datum.gf), '.2f') + ' without.'",
        {"gc": with_, "gf": without},
    )


def _sentence_case(label: str) -> str:
    """``"Compute-die area"`` → ``"compute-die area"``; an acronym (``"HBM ..."``) is kept."""
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def dispute_strip(parameter: str, width: int = palette.CHART_WIDTH) -> alt.LayerChart:
    """Each source's published value of one disputed input, and a rule at the slider's value.

    The rule moves with the slider of the same name; labels in the left half of the strip
    read rightwards and in the right half leftwards, so none runs off a narrow screen.
    """
    declared = tools_vs_chips.PARAMETERS[parameter]
    sources = disputed_inputs(parameter)[["value", "source_name", "stated_as", "confidence"]]
    sources = sources.assign(lane=range(len(sources)))
    scale = alt.Scale(domain=[declared.minimum, declared.maximum], nice=False)
    unit = f" ({declared.unit})" if declared.unit else ""
    x = alt.X("value:Q", title=f"{declared.label}{unit}", scale=scale)
    base = alt.Chart(sources)
    dots = base.mark_point(filled=True, size=70, color=palette.INK).encode(
        x=x,
        y=alt.Y("lane:O", axis=None),
        tooltip=[
            alt.Tooltip("source_name:N", title="Source"),
            alt.Tooltip("value:Q", title="Value", format=".3~f"),
            alt.Tooltip("stated_as:N", title="What the source says"),
            alt.Tooltip("confidence:N", title="Confidence"),
        ],
    )
    midpoint = (declared.minimum + declared.maximum) / 2
    labels = [
        base.transform_filter(f"datum.value {'<=' if align == 'left' else '>'} {midpoint}")
        .mark_text(align=align, dx=7 if align == "left" else -7, fontSize=10.5)
        .encode(x=x, y=alt.Y("lane:O", axis=None), text="source_name:N")
        for align in ("left", "right")
    ]
    current = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(value=parameter)
        .mark_rule(color=palette.BINDING, strokeWidth=2.5)
        .encode(
            x=alt.X("value:Q", scale=scale),
            tooltip=[alt.Tooltip("value:Q", title="Slider value", format=".3~f")],
        )
    )
    return alt.layer(current, dots, *labels).properties(
        width=width,
        height=18 * len(sources) + 8,
        title=alt.Title(
            f"Where the sources put it: {_sentence_case(declared.label)}",
            fontSize=11,
            anchor="start",
        ),
    )


def growth_strip(width: int = palette.CHART_WIDTH) -> alt.LayerChart:
    """Published growth rates on one axis, with rules at the two growth sliders' values.

    The controlled and uncontrolled rates share the axis, so the reader sees how far apart
    the two assumptions are, and that China's own reported plans under controls already
    reach the rate assumed for no controls.
    """
    declared = [tools_vs_chips.PARAMETERS[name] for name in GROWTH_DISPUTES]
    labels = {
        "growth_with_controls": "reported for China under controls",
        "growth_without_controls": "world AI chip production",
    }
    sources = disputed_inputs().query("parameter in @GROWTH_DISPUTES")
    sources = sources.assign(kind=sources["parameter"].map(labels), lane=range(len(sources)))[
        ["value", "source_name", "stated_as", "derivation", "kind", "lane"]
    ]
    sources = sources.assign(multiple=np.exp(sources["value"]))
    scale = alt.Scale(domain=[1, float(np.exp(max(p.maximum for p in declared)))], nice=False)
    x = alt.X("multiple:Q", title="Growth of capacity (× a year)", scale=scale)
    base = alt.Chart(sources)
    dots = base.mark_point(filled=True, size=70, color=palette.INK).encode(
        x=x,
        y=alt.Y("lane:O", axis=None),
        tooltip=[
            alt.Tooltip("source_name:N", title="Source"),
            alt.Tooltip("kind:N", title="What it measures"),
            alt.Tooltip("multiple:Q", title="× a year", format=".2f"),
            alt.Tooltip("value:Q", title="Log rate per year", format=".2f"),
            alt.Tooltip("stated_as:N", title="What the source says"),
            alt.Tooltip("derivation:N", title="Derivation"),
        ],
    )
    midpoint = (scale.domain[0] + scale.domain[1]) / 2
    texts = [
        base.transform_filter(f"datum.multiple {'<=' if align == 'left' else '>'} {midpoint}")
        .mark_text(align=align, dx=7 if align == "left" else -7, fontSize=10.5)
        .encode(x=x, y=alt.Y("lane:O", axis=None), text="source_name:N")
        for align in ("left", "right")
    ]
    sliders = alt.Chart(
        alt.Data(
            values=[
                {"which": "γ_c, with tool controls", "i": 0},
                {"which": "γ_f, without", "i": 1},
            ]
        )
    ).transform_calculate(value=f"exp([{declared[0].name}, {declared[1].name}][datum.i])")
    rules = sliders.mark_rule(strokeWidth=2.5).encode(
        x=alt.X("value:Q", scale=scale),
        color=alt.Color(
            "which:N",
            title="Slider",
            scale=alt.Scale(
                domain=["γ_c, with tool controls", "γ_f, without"],
                range=[palette.WITH_TOOL_CONTROLS, palette.WITHOUT_TOOL_CONTROLS],
            ),
        ),
        tooltip=[
            alt.Tooltip("which:N", title="Slider"),
            alt.Tooltip("value:Q", title="× a year", format=".2f"),
        ],
    )
    return alt.layer(rules, dots, *texts).properties(
        width=width,
        height=18 * len(sources) + 8,
        title=alt.Title(
            "Where the sources put growth, and the two sliders", fontSize=11, anchor="start"
        ),
    )


def bottleneck_chart() -> Figure:
    """Chart 1: the wafer limit against the HBM limit, with the binding one highlighted.

    The readout gives output in accelerators and H100-equivalents and the HBM supply at
    which the wafers would start to bind; strips show each source's value of the disputed
    inputs, with a red rule at the slider's value.
    """
    forms = tools_vs_chips.FORMS
    tolerance = 1e-12
    limits = {"Wafers": forms["wafer_limit"], "HBM": forms["hbm_limit"]}
    bars = expression_bars(
        "limit",
        limits,
        title="Good accelerators a year allowed by each input",
        height=palette.BAR_PAIR_HEIGHT,
        width=palette.CHART_WIDTH,
        x=alt.X(
            "value:Q",
            title="Million accelerators a year",
            scale=alt.Scale(
                domain={
                    "expr": f"[0, {LABEL_ROOM} * max({forms['wafer_limit'].vega()}, "
                    f"{forms['hbm_limit'].vega()})]"
                },
                nice=False,
            ),
        ),
        label="format(datum.value, '.2f') + ' M'",
        value_tooltip=alt.Tooltip("value:Q", title="Million accelerators", format=".3f"),
        colour=alt.Color(
            "binds:N",
            title="Limit",
            scale=alt.Scale(
                domain=["binding", "not binding"], range=[palette.BINDING, palette.NOT_BINDING]
            ),
        ),
        derived={
            "accelerators": forms["accelerators"].vega(),
            "binds": f"abs(datum.value - datum.accelerators) <= {tolerance!r} "
            "? 'binding' : 'not binding'",
        },
        extra_tooltips=(alt.Tooltip("binds:N", title="Status"),),
    )
    readout = _readout(
        "'Output: ' + format(datum.accelerators, '.2f') + ' million accelerators\\n= ' "
        "+ format(datum.output, '.2f') + ' million H100e a year;\\n' + "
        "(datum.wafer < datum.hbm ? 'the wafers bind' : 'HBM binds') + '. Wafers bind from\\n' "
        "+ format(datum.threshold, '.1f') + ' million HBM stacks a year.'",
        {
            "accelerators": forms["accelerators"].vega(),
            "output": forms["output"].vega(),
            "wafer": forms["wafer_limit"].vega(),
            "hbm": forms["hbm_limit"].vega(),
            "threshold": forms["hbm_at_which_wafers_bind"].vega(),
        },
        height=66,
    )
    strips = [dispute_strip(name) for name in BOTTLENECK_DISPUTES]
    chart = (
        alt.vconcat(readout, bars, *strips, spacing=16)
        .add_params(*_sliders(BOTTLENECK_SLIDERS))
        .resolve_scale(color="independent", x="independent")
        .configure_legend(orient="bottom", direction="horizontal", columns=2)
        .configure_view(stroke=None)
    )
    defaults = tools_vs_chips.static_table().set_index("quantity")["value"]
    binding = "HBM binds" if defaults["hbm_limit"] < defaults["wafer_limit"] else "the wafers bind"
    description = (
        "Which bottleneck binds. Two horizontal bars give the good Ascend accelerators a year "
        f"that SMIC's wafers allow and that the HBM supply allows; the shorter binds. At the "
        f"defaults the wafers allow {defaults['wafer_limit']:.2f} million and HBM "
        f"{defaults['hbm_limit']:.2f} million, so {binding} and output is "
        f"{defaults['output']:.2f} million H100e a year; wafers would bind from "
        f"{defaults['hbm_at_which_wafers_bind']:.1f} million HBM stacks a year. Below, each "
        "source's value of the disputed inputs (dies per accelerator, compute-die area, HBM "
        "stacks per accelerator) as dots, with a red rule at the slider's value. Look for the "
        "wafer sliders changing nothing while HBM binds."
    )
    return Figure(chart, description)


def race_chart() -> Figure:
    """Chart 2: imports against domestic output over ten years, with and without tool controls.

    Lines are the registered output paths on a log scale; vertical rules mark the crossover
    years t_x (closed forms) when they fall inside the ten years.
    """
    forms = tools_vs_chips.FORMS
    year = {"years_ahead": "datum.year"}
    sequence = alt.Data(
        sequence={"start": 0, "stop": RACE_YEARS + 1e-9, "step": RACE_STEP, "as": "year"}
    )
    series = {
        "Imports (a chip ban stops them)": tools_vs_chips.chip_imports.name,
        "Domestic, with tool controls": forms["path_with"].vega(year),
        "Domestic, without tool controls": forms["path_without"].vega(year),
    }
    colours = [palette.CHIP_IMPORTS, palette.WITH_TOOL_CONTROLS, palette.WITHOUT_TOOL_CONTROLS]
    lines = (
        alt.Chart(sequence)
        .transform_calculate(
            **{f"s{i}": expression for i, expression in enumerate(series.values())}
        )
        .transform_fold([f"s{i}" for i in range(len(series))], as_=["key", "value"])
        .transform_calculate(
            series=" : ".join(f"datum.key === 's{i}' ? {name!r}" for i, name in enumerate(series))
            + " : ''",
        )
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X(
                "year:Q",
                title="Years from now",
                scale=alt.Scale(domain=[0, RACE_YEARS], nice=False),
            ),
            y=alt.Y(
                "value:Q", title="Million H100e a year (log scale)", scale=alt.Scale(type="log")
            ),
            color=alt.Color(
                "series:N",
                title=None,
                sort=list(series),
                scale=alt.Scale(domain=list(series), range=colours),
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                sort=list(series),
                legend=None,
                scale=alt.Scale(domain=list(series), range=[[6, 4], [1, 0], [1, 0]]),
            ),
            tooltip=[
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("year:Q", title="Year", format=".2f"),
                alt.Tooltip("value:Q", title="Million H100e a year", format=".3f"),
            ],
        )
    )
    crossings = (
        alt.Chart(
            alt.Data(values=[{"case": "with tool controls", "i": 0}, {"case": "without", "i": 1}])
        )
        .transform_calculate(
            t=f"[{forms['crossover_with'].vega()}, {forms['crossover_without'].vega()}][datum.i]",
        )
        .transform_filter(f"isFinite(datum.t) && datum.t > 0 && datum.t <= {RACE_YEARS}")
    )
    rules = crossings.mark_rule(strokeWidth=1.5, strokeDash=[2, 2]).encode(
        x="t:Q",
        color=alt.Color(
            "case:N",
            legend=None,
            scale=alt.Scale(
                domain=["with tool controls", "without"],
                range=[palette.WITH_TOOL_CONTROLS, palette.WITHOUT_TOOL_CONTROLS],
            ),
        ),
        tooltip=[
            alt.Tooltip("case:N", title="Crossover"),
            alt.Tooltip("t:Q", title="t_x (years)", format=".2f"),
        ],
    )
    race = (
        alt.layer(lines, rules)
        .resolve_scale(color="independent")
        .properties(width=palette.CHART_WIDTH, height=palette.PLOT_HEIGHT)
    )
    readout = _readout(
        "datum.tw <= 0 ? 'Domestic output already exceeds\\nthese imports.' : "
        "'Domestic output replaces imports\\nafter ' + format(datum.tw, '.1f') + ' years with '"
        " + 'tool controls,\\n' + (datum.gf > 0 ? format(datum.tf, '.1f') + ' without: they buy ' "
        "+ format(datum.bought, '.1f') + ' years.' : 'never without growth.')",
        {
            "tw": forms["crossover_with"].vega(),
            "tf": forms["crossover_without"].vega(),
            "bought": forms["years_bought"].vega(),
            "gf": tools_vs_chips.growth_without_controls.name,
        },
        height=palette.THREE_LINE_READOUT_HEIGHT,
    )
    chart = (
        alt.vconcat(readout, growth_readout(), race, growth_strip(), spacing=16)
        .add_params(*_sliders(RACE_SLIDERS))
        .resolve_scale(x="independent", color="independent")
        .configure_legend(orient="bottom", direction="vertical", columns=1, labelLimit=320)
        .configure_view(stroke=None)
    )
    race_now = dynamics.horizon()
    description = (
        "The race over ten years, on a log scale: China's chip imports as a flat dashed line and "
        "domestic output growing with tool controls (blue) and without them (red). Dotted rules "
        "mark the year domestic output replaces imports: at the defaults after "
        f"{race_now.crossover_with:.1f} years with tool controls and {race_now.crossover_without:.1f} "
        f"without, so the controls buy {race_now.years_bought:.1f} years. Below, published growth "
        "rates as dots, with rules at the two growth sliders; China's own reported plans under "
        "controls already reach the rate assumed for no controls."
    )
    return Figure(chart, description)


def denied_chart() -> Figure:
    """Chart 3: cumulative compute denied over the horizon, by a chip ban and by tool controls.

    T* is marked at the first sampled step where tool controls' line passes the chip ban's;
    the exact root (sympy) is in the lab and the text.
    """
    forms = tools_vs_chips.FORMS
    largest = tools_vs_chips.PARAMETERS["horizon_years"].maximum
    at = {"horizon_years": "datum.horizon"}
    chip, tool = forms["denied_by_chip_ban"].vega(at), forms["denied_by_tool_controls"].vega(at)
    sampled = (
        alt.Chart(
            alt.Data(
                sequence={
                    "start": DENIED_STEP,
                    "stop": largest + 1e-9,
                    "step": DENIED_STEP,
                    "as": "horizon",
                }
            )
        )
        .transform_filter(f"datum.horizon <= {tools_vs_chips.horizon_years.name} + 1e-9")
        .transform_calculate(chip=chip, tool=tool)
    )
    names = {"chip": "Chip ban (imports stopped)", "tool": "Tool controls (slower capacity)"}
    y_top = f"[0, 3 * {forms['denied_by_chip_ban'].vega()}]"
    lines = (
        sampled.transform_fold(["chip", "tool"], as_=["key", "value"])
        .transform_calculate(
            control=f"datum.key === 'chip' ? {names['chip']!r} : {names['tool']!r}",
        )
        .mark_line(strokeWidth=2.5, clip=True)
        .encode(
            x=alt.X("horizon:Q", title="Horizon T (years)"),
            y=alt.Y(
                "value:Q",
                title="Compute denied, summed over the horizon (million H100e)",
                scale=alt.Scale(domain={"expr": y_top}, nice=False),
            ),
            color=alt.Color(
                "control:N",
                title=None,
                sort=list(names.values()),
                scale=alt.Scale(
                    domain=list(names.values()),
                    range=[palette.CHIP_IMPORTS, palette.WITH_TOOL_CONTROLS],
                ),
            ),
            tooltip=[
                alt.Tooltip("control:N", title="Control"),
                alt.Tooltip("horizon:Q", title="T (years)", format=".2f"),
                alt.Tooltip("value:Q", title="Million H100e", format=".2f"),
            ],
        )
    )
    first_cross = sampled.transform_calculate(
        cross="datum.tool >= datum.chip ? datum.horizon : 1e9"
    ).transform_aggregate(t_star="min(cross)")
    rule = (
        first_cross.transform_filter("datum.t_star < 1e9")
        .mark_rule(color=palette.BINDING, strokeWidth=2)
        .encode(
            x="t_star:Q",
            tooltip=[alt.Tooltip("t_star:Q", title="T* (sampled, years)", format=".2f")],
        )
    )
    crossing = (
        sampled.transform_filter("datum.tool >= datum.chip")
        .transform_window(rank="row_number()", sort=[alt.SortField("horizon")])
        .transform_filter("datum.rank === 1")
    )
    dot = crossing.mark_point(filled=True, size=70, color=palette.BINDING).encode(
        x="horizon:Q",
        y="chip:Q",
        tooltip=[
            alt.Tooltip("horizon:Q", title="T* (sampled, years)", format=".2f"),
            alt.Tooltip("chip:Q", title="Million H100e denied by either", format=".2f"),
        ],
    )
    label = crossing.mark_text(
        align="right", dx=-6, dy=-10, fontSize=12, fontWeight="bold", color=palette.BINDING
    ).encode(x="horizon:Q", y="chip:Q", text=alt.value("T*"))
    plot = alt.layer(lines, rule, dot, label).properties(
        width=palette.CHART_WIDTH, height=palette.PLOT_HEIGHT
    )
    readout = (
        first_cross.transform_calculate(
            readout="datum.t_star < 1e9 ? 'Tool controls deny more after\\nabout ' + "
            "format(datum.t_star, '.2f') + ' years (first sampled\\nstep; exact T* in the lab).'"
            " : 'Over this horizon a chip ban\\ndenies more.'",
        )
        .mark_text(
            align="left", baseline="top", fontSize=READOUT_FONT, fontWeight="bold", lineBreak="\n"
        )
        .encode(x=alt.value(0), y=alt.value(0), text="readout:N")
        .properties(width=palette.CHART_WIDTH, height=palette.THREE_LINE_READOUT_HEIGHT)
    )
    chart = (
        alt.vconcat(readout, growth_readout(), plot, spacing=16)
        .add_params(*_sliders(DENIED_SLIDERS))
        .configure_legend(orient="bottom", direction="vertical", columns=1, labelLimit=320)
        .configure_view(stroke=None)
    )
    race_now = dynamics.horizon()
    description = (
        "Compute denied, summed over the horizon: a chip ban's straight line (imports times "
        "years) against tool controls' curve (the gap between domestic output without and with "
        f"them). At the defaults the curve passes the line after {race_now.horizon:.2f} years "
        "(T*, red rule, marked at the first sampled step); over a horizon of "
        f"{tools_vs_chips.PARAMETERS['horizon_years'].default:g} years tool controls deny "
        f"{race_now.denied_by_tool_controls:.1f} million H100e against {race_now.denied_by_chip_ban:.1f} "
        "for a chip ban. The vertical axis stops at three times the chip ban's total. Move the "
        "growth sliders together and watch T* run away."
    )
    return Figure(chart, description)


def control_events_chart(events: pd.DataFrame | None = None) -> Figure:
    """Chart 4: US export-control events by year, instrument and direction (no sliders).

    Executive actions are filled circles, bills in Congress open squares; red is tightening,
    blue loosening.  The data are the book's coding in ``data/control_events.csv``.
    """
    events = control_events() if events is None else events
    period = record_period()
    instruments = field_labels("control_events", "instrument")
    branches = field_labels("control_events", "branch")
    table = events.assign(
        date=events["date"].dt.strftime("%Y-%m-%d"),
        instrument_name=events["instrument"].map(instruments),
        branch_name=events["branch"].map(branches),
        lane=events.groupby(["instrument"]).cumcount() % 3,
    )[["date", "instrument_name", "branch_name", "direction", "actor", "event", "note", "lane"]]
    encoding = dict(
        x=alt.X(
            "date:T",
            title="Date",
            axis=alt.Axis(format="%Y", tickCount="year"),
            scale=alt.Scale(domain=[period["start"], period["end"]]),
        ),
        y=alt.Y("instrument_name:N", title=None, sort=list(instruments.values())),
        yOffset=alt.YOffset("lane:O"),
        color=alt.Color(
            "direction:N",
            title="Direction",
            scale=alt.Scale(
                domain=["tightening", "loosening"], range=[palette.TIGHTENING, palette.LOOSENING]
            ),
        ),
        shape=alt.Shape(
            "branch_name:N",
            title="Who acted",
            sort=list(branches.values()),
            scale=alt.Scale(domain=list(branches.values()), range=["circle", "square"]),
        ),
        tooltip=[
            alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
            alt.Tooltip("actor:N", title="Actor"),
            alt.Tooltip("event:N", title="Event"),
            alt.Tooltip("instrument_name:N", title="Instrument"),
            alt.Tooltip("direction:N", title="Direction"),
            alt.Tooltip("note:N", title="Coding note"),
        ],
    )
    base = alt.Chart(table)
    executive = (
        base.transform_filter(f"datum.branch_name === {branches['executive']!r}")
        .mark_point(size=90, filled=True, opacity=0.9)
        .encode(**encoding)
    )
    congress = (
        base.transform_filter(f"datum.branch_name === {branches['congress']!r}")
        .mark_point(size=90, filled=False, strokeWidth=2, opacity=0.9)
        .encode(**encoding)
    )
    chart = (
        alt.layer(executive, congress)
        .properties(width=palette.CHART_WIDTH + 40, height=230)
        .configure_legend(orient="bottom", direction="vertical", columns=1, labelLimit=320)
    )
    counts = events.groupby(["branch", "instrument", "direction"]).size()
    tool_side = sum(
        int(counts.get(("executive", i, "tightening"), 0)) for i in ("tools", "chips_and_tools")
    )
    last_tool_tightening = last_event(
        events, branch="executive", side="tools", direction="tightening"
    )
    description = (
        f"Timeline of {len(table)} US export-control events from {table['date'].min()} to "
        f"{table['date'].max()} (the record runs to {period['end_text']}), one row per instrument (chips, tools, both, entity lists), red "
        "for tightening and blue for loosening; filled circles are executive actions, open "
        f"squares bills in Congress. Executive tool-side tightenings: {tool_side}, the last in "
        f"{last_tool_tightening:%B %Y}. "
        "Look for where the blue points fall and who moved on tools after 2024."
    )
    return Figure(chart, description)

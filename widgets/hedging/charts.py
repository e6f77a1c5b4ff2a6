"""Charts of the hedged-dependence model (chapter 5), computed in the reader's browser.

Four charts: Beijing's payoff against the import share with its best reply and the caps; the
leverage paradox; the levy's Laffer curve; the exit clock.  Every number the browser computes
comes from a closed form registered in :mod:`chipcontrols.hedging` (``hedging.FORMS``), every
slider from a parameter declaration, every default reference value from the hedging.
"""

from __future__ import annotations

import json

import altair as alt

from chipcontrols import hedging
from chipcontrols.core.limits import binding_text_vega
from widgets.core import palette
from widgets.core.display import Figure
from widgets.core.palette import CHART_WIDTH, PLOT_HEIGHT
from widgets.core.readout import readout_strip
from widgets.core.sliders import altair_params

#: Height of one line of a readout above a plot (px).
READOUT_LINE = 16
P = hedging.PARAMETERS
F = hedging.FORMS
#: Colours of the chapter's series: Beijing's own choice, Washington's cap, and the ink.
BEIJING_COLOUR, WASHINGTON_COLOUR, LOSS_COLOUR = (
    palette.CHINA,
    palette.TREASURY,
    palette.CHINA_LOSS,
)
#: Sliders of each chart, in display order.
PAYOFF_SLIDERS = (
    "cutoff_probability",
    "us_advantage",
    "domestic_value",
    "cutoff_loss",
    "pairing_ratio",
    "us_share_cap",
)
LEVERAGE_SLIDERS = (
    "cutoff_probability",
    "us_advantage",
    "domestic_value",
    "cutoff_loss",
    "us_share_cap",
    "pairing_ratio",
)
LAFFER_SLIDERS = (
    "levy",
    "base_advantage",
    "pass_through",
    "domestic_value",
    "cutoff_probability",
    "us_share_cap",
)
#: Parameters the Laffer chart holds at their defaults (no slider).
LAFFER_FIXED = ("value_scale", "china_ai_budget", "cutoff_loss", "pairing_ratio")
EXIT_SLIDERS = (
    "advantage_erosion_rate",
    "base_advantage",
    "domestic_value",
    "cutoff_probability",
    "cutoff_loss",
    "pairing_ratio",
    # Last: a high levy can end imports at once, and then the sliders above change nothing.
    "levy",
)
#: Parameters the exit chart holds at their defaults (no slider).
EXIT_FIXED = ("value_scale", "pass_through")


def _params(names, fixed=("value_scale",)) -> list[alt.Parameter]:
    """Sliders for ``names``; the parameters in ``fixed`` are signals at their defaults."""
    held = [alt.param(name=P[name].name, value=P[name].default) for name in fixed]
    return altair_params(P[name] for name in names) + held


def _sequence(name: str, step: float) -> alt.Data:
    declared = P[name]
    return alt.Data(
        sequence={
            "start": declared.minimum,
            "stop": declared.maximum + step / 2,
            "step": step,
            "as": name,
        }
    )


def _one_row() -> alt.Chart:
    return alt.Chart(alt.Data(values=[{}]))


def _readout(row: alt.Chart, lines: int = 2) -> alt.Chart:
    """The readout strip above a plot: ``row``'s field ``text``, ``lines`` lines high."""
    return readout_strip(row, width=CHART_WIDTH, height=READOUT_LINE * lines)


def _stacked(*panels: alt.TopLevelMixin, names, fixed=("value_scale",)) -> alt.VConcatChart:
    """``panels`` one above another, sharing the sliders ``names``."""
    return alt.vconcat(*panels, spacing=6).add_params(*_params(names, fixed=fixed))


def binding_names_vega(chosen: str, interior: str, pairing: str, cap: str) -> str:
    """Vega expression naming what sets the import share, as :class:`hedging.BestReply` does.

    The arguments are Vega expressions of the chosen share, the interior best reply, the
    pairing bound and Washington's cap; the text is ``BestReply.binding_text``, printed from the
    same rule (:func:`chipcontrols.core.limits.binding_text_vega`) with the same limits in the
    same order: the interior, Beijing's own bound (all in when k = 0), Washington's cap.
    """
    pairing_name = (
        f"({P['pairing_ratio'].name} === 0 ? {json.dumps(hedging.ALL_IN)} : "
        f"{json.dumps(hedging.PAIRING)})"
    )
    return binding_text_vega(
        chosen,
        [
            (json.dumps(hedging.INTERIOR), interior),
            (pairing_name, pairing),
            (json.dumps(hedging.US_CAP), cap),
        ],
        floor=json.dumps(hedging.NO_IMPORTS),
    )


def _folded(chart: alt.Chart, series: dict[str, str], value: str) -> alt.Chart:
    """Fold the registered forms ``series`` (label → form key) into ``series``/``value`` rows."""
    labels = (
        " : ".join(
            f"datum.key === {json.dumps(key)} ? {json.dumps(label)}"
            for label, key in series.items()
        )
        + " : ''"
    )
    return chart.transform_fold(list(series.values()), as_=["key", value]).transform_calculate(
        series=labels
    )


def _reply_row() -> alt.Chart:
    """One row with the best reply, the bounds, the chosen share and what binds."""
    return (
        _one_row()
        .transform_calculate(
            interior=F["best_reply"].vega(),
            pairing=F["pairing_bound"].vega(),
            cap=P["us_share_cap"].name,
            chosen=F["import_share"].vega(),
            beijing=F["beijing_share"].vega(),
            payoff_at=F["payoff_at_choice"].vega(),
        )
        .transform_calculate(
            binding=binding_names_vega(
                "datum.chosen", "datum.interior", "datum.pairing", "datum.cap"
            ),
        )
    )


def payoff_chart() -> Figure:
    """Chart 1: Beijing's payoff against the import share, s*, the caps and the choice."""
    share = P["import_share"]
    x = alt.X(
        f"{share.name}:Q",
        title="Share of China's new AI compute bought from the US (s)",
        scale=alt.Scale(domain=[0, 1], nice=False),
    )
    curve = alt.Chart(_sequence(share.name, 0.01)).transform_calculate(
        payoff=F["payoff"].vega({share.name: f"datum.{share.name}"})
    )
    line = curve.mark_line(color=palette.INK, strokeWidth=2.5).encode(
        x=x,
        y=alt.Y(
            "payoff:Q", title="Beijing's payoff U_C (units of V)", scale=alt.Scale(zero=False)
        ),
        tooltip=[
            alt.Tooltip(f"{share.name}:Q", title="Share s", format=".2f"),
            alt.Tooltip("payoff:Q", title="Payoff", format=".3f"),
        ],
    )
    row = _reply_row()
    upper = row.transform_calculate(upper="min(datum.pairing, datum.cap)", one="1")
    shaded = upper.mark_rect(color=palette.NOT_BINDING, opacity=0.18).encode(
        x="upper:Q", x2="one:Q"
    )
    pairing = row.mark_rule(color=BEIJING_COLOUR, strokeDash=[6, 4], strokeWidth=2).encode(
        x="pairing:Q",
        tooltip=[alt.Tooltip("pairing:Q", title="Pairing bound 1/(1+k)", format=".2f")],
    )
    cap = row.mark_rule(color=WASHINGTON_COLOUR, strokeDash=[2, 3], strokeWidth=2).encode(
        x="cap:Q", tooltip=[alt.Tooltip("cap:Q", title="Washington's cap", format=".2f")]
    )
    interior = (
        row.transform_filter("datum.interior >= 0 && datum.interior <= 1")
        .mark_rule(color=palette.INK, strokeWidth=1)
        .encode(
            x="interior:Q", tooltip=[alt.Tooltip("interior:Q", title="Interior s*", format=".3f")]
        )
    )
    choice = row.mark_point(filled=True, size=140, color=BEIJING_COLOUR, shape="diamond").encode(
        x=alt.X("chosen:Q"),
        y=alt.Y("payoff_at:Q"),
        tooltip=[
            alt.Tooltip("chosen:Q", title="Share bought", format=".3f"),
            alt.Tooltip("binding:N", title="Set by"),
        ],
    )
    readout = _readout(
        row.transform_calculate(
            text="'s = ' + format(datum.chosen, '.2f') + ', set by ' + datum.binding + "
            "'\\ninterior s* = ' + format(datum.interior, '.2f')"
        )
    )
    labels = [
        row.transform_filter(condition)
        .mark_text(align="left", dx=3, baseline="bottom", fontSize=11, color=colour)
        .encode(x=f"{field}:Q", y=alt.value(PLOT_HEIGHT - 2), text=alt.value(text))
        for field, text, colour, condition in (
            ("interior", "s*", palette.INK, "datum.interior >= 0 && datum.interior <= 0.97"),
            ("pairing", "1/(1+k)", BEIJING_COLOUR, "datum.pairing <= 0.9"),
            ("cap", "US cap", WASHINGTON_COLOUR, "datum.cap <= 0.9"),
        )
    ]
    plot = alt.layer(shaded, line, pairing, cap, interior, choice, *labels).properties(
        width=CHART_WIDTH, height=PLOT_HEIGHT
    )
    chart = _stacked(readout, plot, names=PAYOFF_SLIDERS)
    reply = hedging.best_reply()
    description = (
        "Line chart of Beijing's payoff (y) against the share s of its new AI compute bought from "
        "the US (x, 0 to 1). The thin black line is the interior best reply s*, the red dashed "
        "line Beijing's pairing bound 1/(1+k), the blue dotted line Washington's cap, and the "
        "diamond the share actually bought; the grey band is out of bounds. At the defaults s* is "
        f"{reply.interior:.2f} but {reply.binding_text} sets s = {reply.import_share:.2f}. Raise "
        "the cut-off probability and s* slides left smoothly: limited purchases, not an on-off "
        "switch."
    )
    return Figure(chart, description)


def leverage_chart() -> Figure:
    """Chart 2: the leverage paradox, leverage and expected loss against the cut-off probability."""
    prob = P["cutoff_probability"]
    field = {prob.name: f"datum.{prob.name}"}
    series = {
        "US leverage, Beijing's choice": "leverage_beijing",
        "China's expected loss, Beijing's choice": "expected_loss_beijing",
        "US leverage under Washington's cap": "leverage",
    }
    curve = _folded(
        alt.Chart(_sequence(prob.name, 0.005)).transform_calculate(
            **{key: F[key].vega(field) for key in series.values()}
        ),
        series,
        "value",
    )
    colour = alt.Color(
        "series:N",
        title=None,
        sort=list(series),
        scale=alt.Scale(
            domain=list(series), range=[BEIJING_COLOUR, LOSS_COLOUR, WASHINGTON_COLOUR]
        ),
        legend=alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=360),
    )
    x = alt.X(
        f"{prob.name}:Q",
        title="Perceived probability of a US cut-off (p_c)",
        scale=alt.Scale(domain=[prob.minimum, prob.maximum], nice=False),
    )
    lines = curve.mark_line(strokeWidth=2.5).encode(
        x=x,
        y=alt.Y("value:Q", title="Units of V"),
        color=colour,
        strokeDash=alt.StrokeDash(
            "series:N",
            sort=list(series),
            legend=None,
            scale=alt.Scale(domain=list(series), range=[[1, 0], [1, 0], [5, 4]]),
        ),
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip(f"{prob.name}:Q", title="p", format=".2f"),
            alt.Tooltip("value:Q", title="Value", format=".3f"),
        ],
    )
    row = _one_row().transform_calculate(
        p_bar=F["all_in_threshold"].vega(),
        now=prob.name,
        leverage_now=F["leverage_beijing"].vega(),
        loss_now=F["expected_loss_beijing"].vega(),
    )
    threshold = (
        row.transform_filter(f"datum.p_bar >= {prob.minimum} && datum.p_bar <= {prob.maximum}")
        .mark_rule(color=palette.INK, strokeDash=[4, 3])
        .encode(
            x="p_bar:Q",
            tooltip=[alt.Tooltip("p_bar:Q", title="All-in threshold p̄_c", format=".2f")],
        )
    )
    marker = row.mark_point(filled=True, size=110, color=BEIJING_COLOUR).encode(
        x="now:Q",
        y="leverage_now:Q",
        tooltip=[
            alt.Tooltip("now:Q", title="p", format=".2f"),
            alt.Tooltip("leverage_now:Q", title="Leverage", format=".3f"),
        ],
    )
    readout = _readout(
        row.transform_calculate(
            text="'At p_c = ' + format(datum.now, '.2f') + ': leverage ' + format(datum.leverage_now, "
            "'.2f') + ',\\nexpected loss ' + format(datum.loss_now, '.2f') + '; all in below p̄_c = '"
            " + format(datum.p_bar, '.2f')"
        )
    )
    plot = alt.layer(lines, threshold, marker).properties(width=CHART_WIDTH, height=PLOT_HEIGHT)
    chart = _stacked(readout, plot, names=LEVERAGE_SLIDERS)
    now = hedging.leverage()
    cap = P["us_share_cap"].default
    cap_binds_below = hedging.calibrate("cutoff_probability", observed_share=cap).value
    description = (
        "The leverage paradox. Line chart against the perceived probability of a US cut-off (x): "
        "US leverage (China's loss if cut off, L·s²) and China's expected loss (p·L·s²) at "
        "Beijing's own choice, and US leverage once Washington's cap applies (dashed). Above the "
        "all-in threshold p̄_c (dotted) both solid lines fall: a more credible threat buys less "
        f"dependence. At the defaults leverage is {now.leverage_beijing:.2f} at Beijing's choice "
        f"but only {now.leverage:.3f} under Washington's cap, which binds wherever Beijing "
        f"would buy more than {cap:.2f}: for every p below {cap_binds_below:.2f}."
    )
    return Figure(chart, description)


def laffer_chart() -> Figure:
    """Chart 3: the levy's Laffer curve, Treasury revenue against the levy, τ* marked."""
    levy = P["levy"]
    field = {levy.name: f"datum.{levy.name}"}
    series = {
        "Beijing's choice (no US cap)": "revenue_beijing",
        "With Washington's cap": "treasury",
    }
    curve = _folded(
        alt.Chart(_sequence(levy.name, 0.01)).transform_calculate(
            **{key: F[key].vega(field) for key in series.values()}
        ),
        series,
        "revenue",
    )
    x = alt.X(
        f"{levy.name}:Q",
        title="US levy on China-bound chips (τ)",
        scale=alt.Scale(domain=[levy.minimum, levy.maximum], nice=False),
    )
    lines = curve.mark_line(strokeWidth=2.5).encode(
        x=x,
        y=alt.Y("revenue:Q", title="Treasury revenue (billion USD a year)"),
        color=alt.Color(
            "series:N",
            title=None,
            sort=list(series),
            scale=alt.Scale(domain=list(series), range=[BEIJING_COLOUR, WASHINGTON_COLOUR]),
            legend=alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=360),
        ),
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip(f"{levy.name}:Q", title="Levy", format=".2f"),
            alt.Tooltip("revenue:Q", title="$ billion", format=".2f"),
        ],
    )
    row = _one_row().transform_calculate(
        tau_star=F["revenue_maximising_levy"].vega(),
        peak=F["peak_levy"].vega(),
        now=levy.name,
        revenue_now=F["treasury"].vega(),
    )
    inside = f"datum.{{0}} >= {levy.minimum} && datum.{{0}} <= {levy.maximum}"
    tau_star = (
        row.transform_filter(inside.format("tau_star"))
        .mark_rule(color=BEIJING_COLOUR, strokeDash=[6, 4], strokeWidth=2)
        .encode(x="tau_star:Q", tooltip=[alt.Tooltip("tau_star:Q", title="τ*", format=".3f")])
    )
    peak = (
        row.transform_filter(inside.format("peak"))
        .mark_rule(color=WASHINGTON_COLOUR, strokeDash=[2, 3], strokeWidth=2)
        .encode(
            x="peak:Q", tooltip=[alt.Tooltip("peak:Q", title="Peak with the cap", format=".3f")]
        )
    )
    now = row.mark_point(filled=True, size=110, color=palette.INK).encode(
        x="now:Q",
        y="revenue_now:Q",
        tooltip=[
            alt.Tooltip("now:Q", title="Levy now", format=".2f"),
            alt.Tooltip("revenue_now:Q", title="$ billion", format=".2f"),
        ],
    )
    readout = _readout(
        row.transform_calculate(
            verdict="abs(datum.now - datum.tau_star) <= 1e-9 ? 'at' : (datum.now < datum.tau_star ?"
            " 'below' : 'above')",
        ).transform_calculate(
            text="'τ* = ' + format(datum.tau_star, '.3f') + '; with the cap the peak is ' + "
            "format(datum.peak, '.2f') + '\\nThe levy ' + format(datum.now, '.2f') + ' is ' + "
            "datum.verdict + ' τ*'"
        )
    )
    plot = alt.layer(lines, tau_star, peak, now).properties(width=CHART_WIDTH, height=PLOT_HEIGHT)
    chart = _stacked(readout, plot, names=LAFFER_SLIDERS, fixed=LAFFER_FIXED)
    result = hedging.levy_outcome()
    description = (
        "The levy's Laffer curve. Treasury revenue (y, billion USD a year) against the US levy "
        "on China-bound chips (x, 0 to 1), once as Beijing would choose with no US cap (red) and "
        "once under Washington's cap (blue). The red dashed line is the revenue-maximising levy "
        f"τ* ({result.revenue_maximising_levy:.3f} at the defaults) and the blue dotted line the "
        f"peak under the cap ({result.peak_levy:.2f}): while a cap binds, a higher levy costs no "
        f"volume. The black dot is the levy now ({result.levy:.2f}), {result.levy_verdict} τ*."
    )
    return Figure(chart, description)


def exit_chart() -> Figure:
    """Chart 4: the exit clock, the advantage falling to the point where imports stop."""
    years = P["years_after_january_2026"]
    field = {years.name: f"datum.{years.name}"}
    data = alt.Chart(_sequence(years.name, 0.05)).transform_calculate(
        advantage=F["advantage_path"].vega(field), share=F["share_over_time"].vega(field)
    )
    x = alt.X(
        f"{years.name}:Q",
        title="Years after January 2026",
        scale=alt.Scale(domain=[years.minimum, years.maximum], nice=False),
    )
    row = _one_row().transform_calculate(
        exit_time=F["exit_time"].vega(), exit_advantage=F["exit_advantage"].vega()
    )
    on_axis = row.transform_filter(
        f"datum.exit_time >= {years.minimum} && datum.exit_time <= {years.maximum}"
    )
    exit_rule = on_axis.mark_rule(color=BEIJING_COLOUR, strokeWidth=2).encode(
        x="exit_time:Q", tooltip=[alt.Tooltip("exit_time:Q", title="Exit (years)", format=".2f")]
    )
    erosion = P["advantage_erosion_rate"].name
    readout = _readout(
        row.transform_calculate(
            text="(datum.exit_time < 0 ? 'Imports are already not worth buying' : "
            f"(datum.exit_time > {years.maximum} ? 'Exit after ' + format(datum.exit_time, "
            "'.1f') + ' years, beyond the axis' : 'Imports stop being worth buying after ' "
            "+ format(datum.exit_time, '.1f') + ' years')) + '\\nHuawei halves the gap in ' "
            f"+ format(log(2) / {erosion}, '.1f') + ' years (×' + format(exp(-{erosion}), "
            "'.2f') + ' a year)'"
        )
    )
    top = alt.layer(
        data.mark_line(color=palette.INK, strokeWidth=2.5).encode(
            x=x,
            y=alt.Y(
                "advantage:Q",
                title="US advantage after the levy a(t) (×)",
                scale=alt.Scale(zero=False),
            ),
            tooltip=[
                alt.Tooltip(f"{years.name}:Q", title="Years", format=".1f"),
                alt.Tooltip("advantage:Q", title="Advantage", format=".2f"),
            ],
        ),
        row.mark_rule(color=BEIJING_COLOUR, strokeDash=[6, 4]).encode(
            y="exit_advantage:Q",
            tooltip=[alt.Tooltip("exit_advantage:Q", title="Exit point 1 + β/V", format=".2f")],
        ),
        exit_rule,
    ).properties(width=CHART_WIDTH, height=200, title="1. Huawei closes the gap")
    bottom = alt.layer(
        data.mark_area(color=BEIJING_COLOUR, opacity=0.35, line={"color": BEIJING_COLOUR}).encode(
            x=x,
            y=alt.Y("share:Q", title="Beijing's choice s", scale=alt.Scale(domain=[0, 1])),
            tooltip=[
                alt.Tooltip(f"{years.name}:Q", title="Years", format=".1f"),
                alt.Tooltip("share:Q", title="Share", format=".2f"),
            ],
        ),
        exit_rule,
    ).properties(width=CHART_WIDTH, height=140, title="2. What Beijing would buy")
    chart = alt.vconcat(readout, top, bottom, spacing=18).add_params(
        *_params(EXIT_SLIDERS, fixed=EXIT_FIXED)
    )
    clock = hedging.exit_clock()
    description = (
        "The exit clock. Top: the US chip's advantage after the levy, a(t) = a0(t) − χτ, falls "
        "from a0 − χτ as Huawei closes the gap before the levy while the levy's bite χτ stays; "
        "the dashed line is the point 1 + β/V below which imports stop being worth buying, "
        f"reached after {clock.exit_time:.1f} years at the defaults (solid line). Bottom: the "
        "share Beijing would choose falls to zero at the same date. How fast Huawei closes the gap "
        "(the readout gives the time in which the gap halves) is chapter 4's question: move it, "
        "or the levy, and the window of US leverage opens or closes."
    )
    return Figure(chart, description)

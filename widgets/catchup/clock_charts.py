"""Charts of the catch-up clock's performance and reliability sides.

The performance clock draws the ratio of Nvidia's best chip to Huawei's over time, with the
crossover year and the claim's "two or three years" shaded; the reliability chart draws the
share of a training cluster's time lost to failures against its size.  Both are computed in
the browser from forms registered in :mod:`chipcontrols.catchup.performance` and
:mod:`chipcontrols.catchup.reliability`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from chipcontrols import catchup
from chipcontrols.catchup import prose
from chipcontrols.core import record
from widgets.core import palette
from widgets.core.display import Figure
from widgets.core.sliders import altair_param, altair_params

CLOCK_SLIDERS = ("performance_gap", "nvidia_performance_growth", "huawei_performance_growth")
FAILURE_SLIDERS = (
    "ascend_failure_multiple",
    "checkpoint_minutes",
    "gpu_failure_rate",
    "cluster_size",
)
START = catchup.performance.CLAIM_YEAR
SPAN = (
    catchup.performance.PARAMETERS["clock_years"].minimum,
    catchup.performance.PARAMETERS["clock_years"].maximum,
)
#: The ratio axis: from Huawei four times ahead to Nvidia fifty times ahead (log scale).
RATIO_WINDOW = (0.25, 50.0)


def _cfr_points() -> pd.DataFrame:
    now, later = (
        record.figure(key) for key in ("cfr_best_chip_gap_2025", "cfr_best_chip_gap_2027")
    )
    return pd.DataFrame(
        [
            {"year": START, "ratio": now.value, "label": f"CFR {now.value:g}×"},
            {
                "year": START + 2,
                "ratio": later.value,
                "label": f"CFR's roadmap reading {later.value:g}×",
            },
        ]
    )


def performance_chart() -> Figure:
    """Chart 2: Nvidia's best chip over Huawei's best, with the crossover and the claim's band."""
    field = {"clock_years": "datum.clock_years"}
    low, high = catchup.performance.CLAIM_BAND_YEARS
    scale_x = alt.Scale(domain=[START + SPAN[0], START + SPAN[1]], nice=False)
    scale_y = alt.Scale(type="log", domain=list(RATIO_WINDOW), nice=False)
    path = alt.Chart(
        alt.Data(
            sequence={"start": SPAN[0], "stop": SPAN[1] + 1e-9, "step": 0.1, "as": "clock_years"}
        )
    ).transform_calculate(
        year=f"{START} + datum.clock_years", ratio=catchup.performance.FORMS["ratio"].vega(field)
    )
    line = path.mark_line(color=palette.INK, strokeWidth=2.5, clip=True).encode(
        x=alt.X(
            "year:Q",
            title="Year (from the seed report, December 2025)",
            axis=alt.Axis(format="d"),
            scale=scale_x,
        ),
        y=alt.Y(
            "ratio:Q",
            title="Nvidia's best chip ÷ Huawei's best (log scale)",
            scale=scale_y,
            axis=alt.Axis(format="~g"),
        ),
        tooltip=[
            alt.Tooltip("year:Q", title="Year", format=".1f"),
            alt.Tooltip("ratio:Q", title="Ratio", format=".2f"),
        ],
    )
    band = (
        alt.Chart(
            alt.Data(
                values=[
                    {
                        "low": START + low,
                        "high": START + high,
                        "what": "The claim: overtaken in two or three years",
                    }
                ]
            )
        )
        .mark_rect(color=palette.NOT_BINDING, opacity=0.35)
        .encode(
            x=alt.X("low:Q", scale=scale_x),
            x2="high:Q",
            tooltip=[alt.Tooltip("what:N", title="Band")],
        )
    )
    band_label = (
        alt.Chart(alt.Data(values=[{"x": START + (low + high) / 2, "text": "2-3 years"}]))
        .mark_text(baseline="bottom", fontSize=11, dy=-4)
        .encode(x=alt.X("x:Q", scale=scale_x), y=alt.value({"expr": "height"}), text="text:N")
    )
    parity = (
        alt.Chart(alt.Data(values=[{"ratio": 1.0}]))
        .mark_rule(color=palette.BINDING, strokeDash=[6, 4])
        .encode(y=alt.Y("ratio:Q", scale=scale_y))
    )
    one = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            t_star=catchup.performance.FORMS["crossover"].vega(),
            needed=catchup.performance.FORMS["required_advantage"].vega({"claim_years": "2.5"}),
            advantage="huawei_performance_growth - nvidia_performance_growth",
        )
        .transform_calculate(
            year_star=f"{START} + datum.t_star",
            verdict="datum.advantage > 0 ? 'Level after ' + format(datum.t_star, '.1f') + "
            "' years (' + format(datum.year_star, '.1f') + ')' : "
            "'Never level: Huawei not faster'",
            need="'For 2.5 years Huawei must gain ×' + format(exp(datum.needed), '.2f') + "
            "' a year on Nvidia'",
            now="'Now: Huawei ×' + format(exp(huawei_performance_growth), '.2f') + "
            "' a year, Nvidia ×' + format(exp(nvidia_performance_growth), '.2f') + "
            "' a year: Huawei gains ×' + format(exp(datum.advantage), '.2f') + ' a year'",
        )
    )
    crossing = (
        one.transform_filter(f"datum.advantage > 0 && datum.t_star <= {SPAN[1]}")
        .mark_rule(color=palette.HUAWEI, strokeWidth=2, aria=False)
        .encode(
            x=alt.X("year_star:Q", scale=scale_x),
            tooltip=[alt.Tooltip("t_star:Q", title="t* (years)", format=".2f")],
        )
    )
    texts = [
        one.mark_text(
            align="left", baseline="top", fontSize=12, fontWeight="bold" if row == 0 else "normal"
        ).encode(x=alt.value(4), y=alt.value(4 + 17 * row), text=f"{name}:N")
        for row, name in enumerate(("verdict", "need", "now"))
    ]
    cfr = alt.Chart(_cfr_points())
    cfr_points = cfr.mark_point(shape="square", filled=True, size=70, color=palette.NVIDIA).encode(
        x=alt.X("year:Q", scale=scale_x),
        y=alt.Y("ratio:Q", scale=scale_y),
        tooltip=[
            alt.Tooltip("label:N", title="Published"),
            alt.Tooltip("ratio:Q", title="Ratio", format=".0f"),
        ],
    )
    cfr_labels = cfr.mark_text(align="left", dx=7, dy=-6, fontSize=10).encode(
        x=alt.X("year:Q", scale=scale_x), y=alt.Y("ratio:Q", scale=scale_y), text="label:N"
    )
    chart = (
        alt.layer(band, band_label, parity, line, crossing, cfr_points, cfr_labels, *texts)
        .add_params(*altair_params(catchup.performance.PARAMETERS[name] for name in CLOCK_SLIDERS))
        .properties(width=palette.CHART_WIDTH, height=palette.TALL_PLOT_HEIGHT)
    )
    default = catchup.performance.clock()
    description = (
        "Line chart of the ratio of Nvidia's best chip to Huawei's best (y, log scale) from "
        f"December 2025, starting at {catchup.performance.PARAMETERS['performance_gap'].default:g}× and "
        "moving at the difference of the two growth rates. A dashed line marks parity, a shaded "
        "band the claim's two or three years (December 2027 to December 2028) and a red line the "
        f"crossover year: at the defaults, {default.crossover_years:.1f} years, outside the band. "
        f"Squares mark CFR's {record.value('cfr_best_chip_gap_2025'):g}× now and its reading of "
        f"the roadmaps, {record.value('cfr_best_chip_gap_2027'):g}× by 2027. Sliders set the "
        "starting gap and each firm's growth."
    )
    return Figure(chart, description)


def _sizes() -> dict:
    declared = catchup.reliability.PARAMETERS["cluster_size"]
    return {
        "start": 8.0,
        "stop": 17.0 + 1e-9,
        "step": 0.1,
        "as": "log2_size",
        "minimum": declared.minimum,
        "maximum": declared.maximum,
    }


def reliability_chart() -> Figure:
    """Chart 4: share of a cluster's time wasted against its size, H100 and Ascend."""
    sizes = _sizes()
    field = {"cluster_size": "datum.cluster_size"}
    forms = {
        "H100": catchup.reliability.FORMS["h100_exact_waste"],
        "Ascend (k × the failures)": catchup.reliability.FORMS["ascend_exact_waste"],
    }
    first_order = {
        "H100": catchup.reliability.FORMS["h100_waste"],
        "Ascend (k × the failures)": catchup.reliability.FORMS["ascend_waste"],
    }
    names = list(forms)
    curves = alt.Chart(
        alt.Data(sequence={k: sizes[k] for k in ("start", "stop", "step", "as")})
    ).transform_calculate(cluster_size="pow(2, datum.log2_size)")
    exact = (
        curves.transform_calculate(**{name: form.vega(field) for name, form in forms.items()})
        .transform_fold(names, as_=["chip", "waste"])
        .transform_calculate(model="'exact'")
    )
    young = (
        curves.transform_calculate(
            **{name: form.vega(field) for name, form in first_order.items()}
        )
        .transform_fold(names, as_=["chip", "waste"])
        .transform_calculate(model="'Young, first order'")
        .transform_filter("datum.waste <= 1")
    )
    scale_x = alt.Scale(
        type="log", base=2, domain=[sizes["minimum"], sizes["maximum"]], nice=False
    )
    x = alt.X(
        "cluster_size:Q",
        title="Chips in one training job (log scale)",
        scale=scale_x,
        axis=alt.Axis(format=",.0f", values=[256, 1024, 4096, 16384, 65536]),
    )
    y = alt.Y(
        "waste:Q",
        title="Share of the cluster's time wasted",
        scale=alt.Scale(domainMin=0),
        axis=alt.Axis(format="%"),
    )
    colour = alt.Color(
        "chip:N",
        title="Chips",
        sort=names,
        scale=alt.Scale(domain=names, range=[palette.NVIDIA, palette.HUAWEI]),
    )
    tooltip = [
        alt.Tooltip("chip:N", title="Chips"),
        alt.Tooltip("model:N", title="Formula"),
        alt.Tooltip("cluster_size:Q", title="Chips in the job", format=",.0f"),
        alt.Tooltip("waste:Q", title="Time wasted", format=".1%"),
    ]
    exact_lines = exact.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=colour, tooltip=tooltip)
    young_lines = young.mark_line(strokeWidth=1.5, strokeDash=[5, 4]).encode(
        x=x, y=y, color=colour, tooltip=tooltip
    )
    llama = pd.DataFrame(
        [
            {
                "cluster_size": record.value("llama3_cluster_gpus"),
                "waste": 1 - record.value("llama3_effective_training_time_percent") / 100,
                "label": "Llama 3 run:\nover "
                f"{record.value('llama3_effective_training_time_percent'):g}% useful",
            }
        ]
    )
    llama_point = (
        alt.Chart(llama)
        .mark_point(shape="diamond", filled=True, size=90, color=palette.INK)
        .encode(
            x="cluster_size:Q",
            y="waste:Q",
            tooltip=[
                alt.Tooltip("label:N", title="Published"),
                alt.Tooltip("cluster_size:Q", title="GPUs", format=",.0f"),
            ],
        )
    )
    llama_label = (
        alt.Chart(llama)
        .mark_text(align="left", baseline="top", dx=8, dy=4, fontSize=10, lineBreak="\n")
        .encode(x="cluster_size:Q", y="waste:Q", text="label:N")
    )
    one = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            h100=catchup.reliability.FORMS["h100_exact_waste"].vega(),
            ascend=catchup.reliability.FORMS["ascend_exact_waste"].vega(),
        )
        .transform_calculate(
            first="'Time wasted at ' + format(cluster_size, ',.0f') + ' chips:'",
            text="'H100 ' + format(datum.h100, '.0%') + ', Ascend ' + format(datum.ascend, '.0%')",
        )
    )
    chosen = (
        one.mark_rule(color=palette.INK, strokeWidth=1)
        .encode(
            x=alt.X("cs:Q", scale=scale_x), tooltip=[alt.Tooltip("text:N", title="Your cluster")]
        )
        .transform_calculate(cs="cluster_size")
    )
    readout = [
        one.mark_text(
            align="left", baseline="top", fontSize=12, fontWeight="bold" if row == 0 else "normal"
        ).encode(x=alt.value(4), y=alt.value(4 + 16 * row), text=f"{name}:N")
        for row, name in enumerate(("first", "text"))
    ]
    chart = (
        alt.layer(exact_lines, young_lines, llama_point, llama_label, chosen, *readout)
        .add_params(
            *(altair_param(catchup.reliability.PARAMETERS[name]) for name in FAILURE_SLIDERS)
        )
        .properties(width=palette.CHART_WIDTH, height=palette.TALL_PLOT_HEIGHT)
        .configure_legend(orient="bottom", direction="horizontal")
    )
    # The same figures the chapter's text glues (catchup_prose_exact_waste_*): one computation.
    figures = prose.prose_figures()
    k = catchup.reliability.PARAMETERS["ascend_failure_multiple"].default
    description = (
        "Line chart of the share of a training cluster's time lost to failures (y) against "
        "the number of chips in the job (x, log scale), for H100s failing at the rate of Meta's "
        f"Llama 3 run and for Ascend chips failing φ times as often (φ = {k:g} by default). "
        "Solid lines are the exact waste at Young's checkpoint interval, dashed lines Young's "
        f"first-order formula. At {catchup.reliability.PARAMETERS['cluster_size'].default:,.0f} chips "
        f"with one-minute checkpoints the H100s waste {figures['exact_waste_h100_percent']:.0f}% "
        f"and the Ascend chips {figures['exact_waste_ascend_percent']:.0f}%; the gap widens with "
        "size. A diamond marks the Llama 3 "
        "run. Sliders set k, the checkpoint time, the failure rate and a cluster size to read off."
    )
    return Figure(chart, description)

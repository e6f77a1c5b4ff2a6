"""Charts of the catch-up clock's cost side: cost per good die and the Wright's-law race.

Every curve is computed in the reader's browser from a closed form registered in the model
(:mod:`chipcontrols.catchup.yields`, :mod:`chipcontrols.catchup.cost`); every slider comes
from a parameter declaration; reference values come from the record.  The performance and
reliability charts are in :mod:`widgets.catchup.clock_charts`.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from chipcontrols import catchup
from chipcontrols.core import record
from widgets.core import palette
from widgets.core.display import Figure
from widgets.core.sliders import altair_param, altair_params

#: The reported yields the cost chart marks, by what the record calls them.
REPORTED_YIELDS = {
    "ascend_910c_yield_late_2024_percent": "910C, late 2024",
    "ascend_910c_yield_early_2025_percent": "910C, early 2025",
    "ascend_910c_yield_target_percent": "Huawei's target",
}
COST_SLIDERS = ("chip_die_area_mm2", "wafer_cost_usd", "defect_clustering", "wafer_diameter_mm")
RACE_SLIDERS = (
    "huawei_output_growth",
    "learning_rate",
    "nvidia_cost_decline",
    "huawei_cost_ratio",
)
#: The years and output growths the race chart spans.
RACE_YEARS = (
    catchup.cost.PARAMETERS["race_years"].minimum,
    catchup.cost.PARAMETERS["race_years"].maximum,
)
GROWTHS = (
    catchup.cost.PARAMETERS["huawei_output_growth"].minimum,
    catchup.cost.PARAMETERS["huawei_output_growth"].maximum,
)
BASE_YEAR = catchup.cost.BASE_YEAR


def _reported_yields() -> pd.DataFrame:
    rows = []
    for key, what in REPORTED_YIELDS.items():
        figure = record.figure(key)
        rows.append(
            {
                "yield": figure.value / 100,
                "label": f"{what}: {figure.value:g}% yield",
                "source": figure.citation,
            }
        )
    return pd.DataFrame(rows)


def cost_chart() -> Figure:
    """Chart 1: cost per good die against defect density under the three yield models.

    Dashed lines mark the cost per good die at the reported yields; where a model's curve
    crosses one, it reads that yield as that defect density.
    """
    declared = catchup.yields.PARAMETERS["defect_density"]
    field = {"defect_density": "datum.defect_density"}
    names = list(catchup.yields.YIELD_MODEL_NAMES)
    curve = alt.Chart(
        alt.Data(
            sequence={
                "start": declared.minimum,
                "stop": declared.maximum + 1e-9,
                "step": declared.step,
                "as": "defect_density",
            }
        )
    )
    curve = curve.transform_calculate(
        **{name: catchup.yields.FORMS["cost"][name].vega(field) for name in names}
    ).transform_fold(names, as_=["model", "cost"])
    x = alt.X(
        "defect_density:Q",
        title="Defect density (killer defects per cm²)",
        scale=alt.Scale(domain=[declared.minimum, declared.maximum], nice=False),
    )
    y = alt.Y(
        "cost:Q", title="Cost per good die (US dollars, log scale)", scale=alt.Scale(type="log")
    )
    lines = curve.mark_line(strokeWidth=2.5).encode(
        x=x,
        y=y,
        color=alt.Color(
            "model:N",
            title="Yield model",
            sort=names,
            scale=alt.Scale(
                domain=names, range=[palette.YIELD_MODEL_COLOURS[name] for name in names]
            ),
        ),
        tooltip=[
            alt.Tooltip("model:N", title="Model"),
            alt.Tooltip("defect_density:Q", title="Defects per cm²", format=".3f"),
            alt.Tooltip("cost:Q", title="Cost per good die ($)", format=",.0f"),
        ],
    )
    marks = alt.Chart(_reported_yields()).transform_calculate(
        cost=catchup.yields.FORMS["cost_at_yield"].vega({"reported_yield": "datum.yield"}),
        text="datum.label + ': $' + format(datum.cost, ',.0f')",
    )
    rules = marks.mark_rule(color=palette.INK, strokeDash=[5, 4]).encode(
        y="cost:Q",
        tooltip=[
            alt.Tooltip("label:N", title="Reported"),
            alt.Tooltip("cost:Q", title="Cost per good die ($)", format=",.0f"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    labels = marks.mark_text(align="right", dy=-5, fontSize=11, color=palette.INK).encode(
        x=alt.value({"expr": "width"}), y="cost:Q", text="text:N"
    )
    summary = alt.Chart(alt.Data(values=[{}])).transform_calculate(
        dies=catchup.yields.FORMS["gross_dies"].vega(),
        first="format(datum.dies, '.0f') + ' gross dies per wafer'",
        second="'(' + format(chip_die_area_mm2, '.0f') + ' mm² die, ' + "
        "format(wafer_diameter_mm, '.0f') + ' mm wafer)'",
    )
    readout = [
        summary.mark_text(
            align="left", baseline="top", fontSize=12, fontWeight="bold" if row == 0 else "normal"
        ).encode(x=alt.value(4), y=alt.value(4 + 16 * row), text=f"{name}:N")
        for row, name in enumerate(("first", "second"))
    ]
    chart = (
        alt.layer(lines, rules, labels, *readout)
        .add_params(*(altair_param(catchup.yields.PARAMETERS[name]) for name in COST_SLIDERS))
        .properties(width=palette.CHART_WIDTH, height=330)
        .configure_legend(orient="bottom", direction="horizontal")
    )
    defaults = catchup.yields.PARAMETERS.defaults()
    reported = [record.value(key) for key in REPORTED_YIELDS]
    at_40 = catchup.yields.cost_at_yield(reported[1] / 100)
    description = (
        "Line chart of the cost of one good die (y, log scale) against the defect density "
        f"(x) under the Poisson, Murphy and negative-binomial yield models, for a "
        f"{defaults['chip_die_area_mm2']:g} mm² die ({catchup.yields.gross_dies():.0f} gross dies "
        f"per wafer) on a ${defaults['wafer_cost_usd']:,.0f} wafer. Dashed lines mark the cost "
        f"at the reported yields of about {reported[0]:g}% (late 2024) and {reported[1]:g}% "
        f"(early 2025) and Huawei's {reported[2]:g}% target (${at_40:,.0f} at "
        f"{reported[1]:g}%). Where a curve crosses a dashed line, that model reads "
        "the yield as that defect density. Sliders change the die, the wafer and the clustering."
    )
    return Figure(chart, description)


def _race_paths() -> alt.LayerChart:
    field = {"race_years": "datum.race_years"}
    forms = {
        "Huawei": catchup.cost.FORMS["huawei_cost"],
        "Nvidia": catchup.cost.FORMS["nvidia_cost"],
    }
    paths = (
        alt.Chart(
            alt.Data(
                sequence={
                    "start": RACE_YEARS[0],
                    "stop": RACE_YEARS[1] + 1e-9,
                    "step": 0.25,
                    "as": "race_years",
                }
            )
        )
        .transform_calculate(
            year=f"{BASE_YEAR} + datum.race_years",
            **{name: form.vega(field) for name, form in forms.items()},
        )
        .transform_fold(list(forms), as_=["vendor", "cost"])
    )
    x = alt.X(
        "year:Q",
        title="Year",
        axis=alt.Axis(format="d"),
        scale=alt.Scale(domain=[BASE_YEAR + RACE_YEARS[0], BASE_YEAR + RACE_YEARS[1]], nice=False),
    )
    lines = paths.mark_line(strokeWidth=2.5).encode(
        x=x,
        y=alt.Y(
            "cost:Q",
            title="Cost per H100e (Nvidia in 2025 = 1, log)",
            scale=alt.Scale(type="log"),
            axis=alt.Axis(format="~g", tickCount=5),
        ),
        color=alt.Color(
            "vendor:N",
            title="Vendor",
            sort=list(forms),
            scale=alt.Scale(domain=list(forms), range=[palette.HUAWEI, palette.NVIDIA]),
        ),
        tooltip=[
            alt.Tooltip("vendor:N", title="Vendor"),
            alt.Tooltip("year:Q", title="Year", format=".1f"),
            alt.Tooltip("cost:Q", title="Cost per H100e", format=".3f"),
        ],
    )
    crossing = (
        _race_summary()
        .transform_filter(f"datum.catches && datum.t_c <= {RACE_YEARS[1]}")
        .mark_rule(color=palette.INK, strokeWidth=2, aria=False)
        .encode(x="year_c:Q", tooltip=[alt.Tooltip("t_c:Q", title="t_c (years)", format=".1f")])
    )
    return alt.layer(lines, crossing).properties(
        width=palette.CHART_WIDTH, height=240, title="1. The two costs over time"
    )


def _race_summary() -> alt.Chart:
    """One row: b, γ_min, the crossover and the readout texts, computed in the browser."""
    return (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            gamma_min=catchup.cost.FORMS["gamma_min"].vega(),
            multiple=catchup.cost.FORMS["gamma_min_multiple"].vega(),
            t_c=catchup.cost.FORMS["crossover"].vega(),
        )
        .transform_calculate(
            catches="huawei_output_growth > datum.gamma_min",
            year_c=f"{BASE_YEAR} + datum.t_c",
            text="'Your output: ×' + format(exp(huawei_output_growth), '.2f') + "
            "' a year; the bar: ×' + format(datum.multiple, '.1f') + ' a year'",
            verdict="datum.catches ? (datum.t_c <= " + repr(RACE_YEARS[1]) + " ? 'Level after ' + "
            "format(datum.t_c, '.1f') + ' years, in ' + format(datum.year_c, '.0f') : "
            "'Level after ' + format(datum.t_c, '.0f') + ' years') : "
            "'Never level: γ is below γ_min'",
        )
    )


def _race_readout() -> alt.LayerChart:
    texts = [
        _race_summary()
        .mark_text(
            align="left", baseline="top", fontSize=13, fontWeight="bold" if row == 0 else "normal"
        )
        .encode(x=alt.value(0), y=alt.value(18 * row), text=f"{name}:N")
        for row, name in enumerate(("verdict", "text"))
    ]
    return alt.layer(*texts).properties(width=palette.CHART_WIDTH, height=palette.READOUT_HEIGHT)


def _race_threshold() -> alt.LayerChart:
    field = {"huawei_output_growth": "datum.gamma"}
    curve = (
        alt.Chart(
            alt.Data(
                sequence={
                    "start": GROWTHS[0],
                    "stop": GROWTHS[1] + 1e-9,
                    "step": 0.01,
                    "as": "gamma",
                }
            )
        )
        .transform_calculate(
            t_c=catchup.cost.FORMS["crossover"].vega(field),
            gamma_min=catchup.cost.FORMS["gamma_min"].vega(),
        )
        .transform_filter(f"datum.gamma > datum.gamma_min && datum.t_c <= {RACE_YEARS[1]}")
    )
    x = alt.X(
        "gamma:Q",
        title="Growth of Huawei's cumulative output, γ (per year)",
        scale=alt.Scale(domain=list(GROWTHS), nice=False),
    )
    line = curve.mark_line(color=palette.HUAWEI, strokeWidth=2.5, aria=False).encode(
        x=x,
        y=alt.Y(
            "t_c:Q",
            title="Years until level, t_c",
            scale=alt.Scale(domain=list(RACE_YEARS), nice=False),
        ),
        tooltip=[
            alt.Tooltip("gamma:Q", title="γ", format=".2f"),
            alt.Tooltip("t_c:Q", title="t_c (years)", format=".1f"),
        ],
    )
    band = (
        alt.Chart(alt.Data(values=[{"low": 2, "high": 3, "what": "Two or three years"}]))
        .mark_rect(color=palette.NOT_BINDING, opacity=0.35)
        .encode(y="low:Q", y2="high:Q", tooltip=[alt.Tooltip("what:N", title="Band")])
    )
    one = alt.Chart(alt.Data(values=[{}])).transform_calculate(
        gamma_min=catchup.cost.FORMS["gamma_min"].vega(), gamma="huawei_output_growth"
    )
    minimum = one.mark_rule(color=palette.BINDING, strokeDash=[6, 4], strokeWidth=2).encode(
        x="gamma_min:Q", tooltip=[alt.Tooltip("gamma_min:Q", title="γ_min", format=".2f")]
    )
    minimum_label = one.mark_text(
        align="left", dx=4, baseline="top", fontSize=11, color=palette.BINDING
    ).encode(x="gamma_min:Q", y=alt.value(4), text=alt.value("γ_min"))
    chosen = one.mark_rule(color=palette.INK, strokeWidth=1.5).encode(
        x="gamma:Q", tooltip=[alt.Tooltip("gamma:Q", title="Your γ", format=".2f")]
    )
    chosen_label = one.mark_text(
        align="right", dx=-4, baseline="bottom", fontSize=11, color=palette.INK
    ).encode(x="gamma:Q", y=alt.value({"expr": "height - 4"}), text=alt.value("your γ"))
    return alt.layer(band, line, minimum, minimum_label, chosen, chosen_label).properties(
        width=palette.CHART_WIDTH, height=200, title="2. Years until level, by output growth"
    )


def cost_race_chart() -> Figure:
    """Chart 3: the cost race, with the crossover year and the minimum output growth γ_min."""
    chart = (
        alt.vconcat(_race_readout(), _race_paths(), _race_threshold(), spacing=20)
        .add_params(*altair_params(catchup.cost.PARAMETERS[name] for name in RACE_SLIDERS))
        .resolve_scale(color="independent")
        .configure_legend(orient="bottom", direction="horizontal")
        .configure_view(stroke=None)
    )
    default = catchup.cost.race()
    description = (
        "Two panels. Top: cost per H100-equivalent of Huawei and of Nvidia from "
        f"{BASE_YEAR} (Nvidia's {BASE_YEAR} cost = 1, log scale), Huawei's falling by Wright's "
        "law as its output grows, Nvidia's at its own rate. Bottom: the years until the two "
        "are level against the growth of Huawei's output, with the bar, output growing about "
        f"×{math.exp(default.gamma_min):.1f} a year, dashed and the two-or-three-year band "
        "shaded. At the defaults (output ×"
        f"{math.exp(catchup.cost.PARAMETERS['huawei_output_growth'].default):.1f} a year) the gap "
        "never closes. Sliders set output growth, the learning rate, Nvidia's cost decline and "
        "Huawei's starting cost ratio."
    )
    return Figure(chart, description)

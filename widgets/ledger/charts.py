"""Charts of the H200 ledger for the static site: the ledger chart and the ratio curve.

Every number the browser computes comes from a closed form registered in
:mod:`chipcontrols.ledger.model` (``ledger.FORMS``); every slider comes from a parameter
declaration; every reference value comes from a declaration or the ledger.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from chipcontrols import ledger
from chipcontrols.core.limits import binding_text_vega, within_tolerance_vega
from chipcontrols.ledger.figures import h100_equivalence
from widgets.core import palette
from widgets.core.bars import expression_bars, vega_array
from widgets.core.display import Figure
from widgets.core.palette import CHART_WIDTH
from widgets.core.readout import readout_strip
from widgets.core.sliders import altair_param, slider_label

#: Sliders of the ledger chart, in display order (the H100e basis is a switch, not a slider).
LEDGER_SLIDERS = (
    "demand",
    "supply",
    "cap_share",
    "us_volume",
    "approvals",
    "price",
    "tariff_share",
    "china_compute",
    "us_compute",
    "displacement",
)
#: Sliders of the ratio curve.
RATIO_SLIDERS = ("us_compute", "china_compute", "displacement")
#: The declared limits whose default volumes the ratio curve marks, and how it names them.
REFERENCE_VOLUMES = {
    "approvals": "approved by Beijing",
    "supply": "Nvidia's stock",
    "demand": "ordered",
}


def basis_switch(bases: dict[str, float]) -> alt.Parameter:
    """Radio buttons setting ``h100e_per_chip`` to one of the bases."""
    declared = ledger.PARAMETERS["h100e_per_chip"]
    return alt.param(
        name=declared.name,
        value=bases["arithmetic"],
        bind=alt.binding_radio(
            options=list(bases.values()),
            labels=[f"{basis} ({value:.2f})" for basis, value in bases.items()],
            name=slider_label(declared) + ": ",
        ),
    )


def _params(names: tuple[str, ...], bases: dict[str, float]) -> list[alt.Parameter]:
    return [altair_param(ledger.PARAMETERS[name]) for name in names] + [basis_switch(bases)]


def binding_names_vega(limits: str, volume: str) -> str:
    """Vega expression naming every limit within the tie tolerance of the volume.

    ``limits`` is a Vega array of the limit values in :data:`chipcontrols.ledger.model.LIMITS` order;
    the text is :attr:`chipcontrols.ledger.model.LedgerResult.binding_text`, printed from the same
    rule (:func:`chipcontrols.core.limits.binding_text_vega`).
    """
    return binding_text_vega(
        volume, [(json.dumps(name), f"{limits}[{i}]") for i, name in enumerate(ledger.LIMITS)]
    )


def _limits_panel() -> alt.LayerChart:
    return expression_bars(
        "limit",
        ledger.FORMS["limits"],
        title="1. The four limits: exports are the shortest bar",
        height=130,
        width=CHART_WIDTH,
        x=alt.X(
            "value:Q",
            title="Million chips in the year",
            scale=alt.Scale(domain=[0, ledger.PARAMETERS["us_volume"].maximum]),
        ),
        label="format(datum.value, '.2f') + ' M'",
        value_tooltip=alt.Tooltip("value:Q", title="Million chips", format=".2f"),
        colour=alt.Color(
            "binds:N",
            title="Limit",
            scale=alt.Scale(
                domain=["binding", "not binding"], range=[palette.BINDING, palette.NOT_BINDING]
            ),
        ),
        derived={
            "volume": ledger.FORMS["volume"].vega(),
            "binds": within_tolerance_vega("datum.value", "datum.volume")
            + " ? 'binding' : 'not binding'",
        },
        extra_tooltips=(alt.Tooltip("binds:N", title="Status"),),
    )


def _readout_panel() -> alt.Chart:
    row = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            volume=ledger.FORMS["volume"].vega(),
            limits=vega_array(ledger.FORMS["limits"].values()),
        )
        .transform_calculate(
            binding=binding_names_vega("datum.limits", "datum.volume"),
        )
        .transform_calculate(
            readout="'Exports: ' + format(datum.volume, '.2f') + ' million chips;\\nbinding: '"
            " + datum.binding",
        )
    )
    return readout_strip(
        row, width=CHART_WIDTH, height=palette.READOUT_HEIGHT, field="readout", font_size=14
    )


def _revenue_panel() -> alt.LayerChart:
    forms = {
        "US Treasury (tariff)": ledger.FORMS["treasury_at_limit"],
        "Nvidia": ledger.FORMS["nvidia_at_limit"],
    }
    return expression_bars(
        "recipient",
        forms,
        title="2. Who receives the money",
        height=palette.BAR_PAIR_HEIGHT,
        width=CHART_WIDTH,
        x=alt.X("value:Q", title="Billion US dollars in the year"),
        label="'$' + format(datum.value, '.1f') + ' bn'",
        value_tooltip=alt.Tooltip("value:Q", title="$ billion", format=".2f"),
        colour=alt.Color(
            "recipient:N",
            legend=None,
            scale=alt.Scale(domain=list(forms), range=[palette.TREASURY, palette.NVIDIA]),
        ),
    )


def _ratio_panel() -> alt.LayerChart:
    forms = {
        "No exports": ledger.FORMS["ratio_without_exports"],
        "With these exports": ledger.FORMS["ratio_at_limit"],
    }
    return expression_bars(
        "case",
        forms,
        title="3. The US:China ratio of compute added",
        height=palette.BAR_PAIR_HEIGHT,
        width=CHART_WIDTH,
        x=alt.X("value:Q", title="US compute added ÷ China's compute added, in the year"),
        label="format(datum.value, '.1f') + '×'",
        value_tooltip=alt.Tooltip("value:Q", title="US:China ratio", format=".1f"),
        colour=alt.value(palette.INK),
    )


def ledger_chart() -> Figure:
    """Chart (b): the four limits with the binding one highlighted, the revenue split, the ratio.

    Every value is computed in the browser from the model's registered closed forms as the
    sliders move.
    """
    bases = h100_equivalence()
    result = ledger.ledger()
    chart = (
        alt.vconcat(
            _readout_panel(),
            _limits_panel(),
            _revenue_panel(),
            _ratio_panel(),
            spacing=22,
        )
        .add_params(*_params(LEDGER_SLIDERS, bases))
        .resolve_scale(color="independent")
        .configure_legend(orient="right")
        .configure_view(stroke=None)
    )
    description = (
        "The H200 ledger. Four horizontal bars give the year's limits on exports to China in "
        f"million chips ({', '.join(ledger.LIMITS)}); the shortest is highlighted as binding "
        f"(tied limits all are): at the defaults {result.binding_text}, {result.volume:.2f} "
        f"million. Below, the revenue split (US Treasury ${result.treasury_revenue:.1f} bn, "
        f"Nvidia ${result.nvidia_revenue:.1f} bn) and the US:China ratio of compute added "
        f"({result.ratio_without_exports:.1f}× without exports, {result.ratio_with_exports:.1f}× "
        "with them). Sliders and a switch recompute everything."
    )
    return Figure(chart, description)


def ratio_chart() -> Figure:
    """Chart (c): the US:China ratio against export volume, the target line and Q*."""
    bases = h100_equivalence()
    largest = ledger.EXPORT_VOLUME.maximum
    volume_field = {"volume": "datum.volume"}
    curve = alt.Chart(
        alt.Data(
            sequence={
                "start": ledger.EXPORT_VOLUME.minimum,
                "stop": largest + 1e-9,
                "step": 0.01,
                "as": "volume",
            }
        )
    ).transform_calculate(ratio=ledger.FORMS["ratio"].vega(volume_field))
    x = alt.X(
        "volume:Q",
        title="H200s exported to China in the year (million)",
        scale=alt.Scale(domain=[ledger.EXPORT_VOLUME.minimum, largest], nice=False),
    )
    y = alt.Y("ratio:Q", title="US:China ratio of compute added (×)")
    line = curve.mark_line(color=palette.INK, strokeWidth=2.5).encode(
        x=x,
        y=y,
        tooltip=[
            alt.Tooltip("volume:Q", title="Million chips", format=".2f"),
            alt.Tooltip("ratio:Q", title="Ratio", format=".1f"),
        ],
    )
    one_row = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            target=ledger.TARGET_RATIO.name,
            q_star=ledger.FORMS["volume_for_target"].vega(),
        )
        .transform_calculate(
            readout=f"datum.q_star < 0 ? 'Already below the target\\nwith no exports' : "
            f"datum.q_star > {largest} ? 'Q* = ' + format(datum.q_star, '.2f') + "
            f"' million:\\nbeyond the largest demand studied' : "
            "'Q* = ' + format(datum.q_star, '.2f') + ' million chips\\nbring the ratio to ' "
            "+ format(datum.target, '.1f') + '×'",
        )
    )
    target_line = one_row.mark_rule(color=palette.BINDING, strokeDash=[6, 4]).encode(
        y=alt.Y("target:Q"), tooltip=[alt.Tooltip("target:Q", title="Target ratio")]
    )
    q_star_line = (
        one_row.transform_filter(f"datum.q_star >= 0 && datum.q_star <= {largest}")
        .mark_rule(color=palette.BINDING, strokeWidth=2)
        .encode(
            x=alt.X("q_star:Q"),
            tooltip=[alt.Tooltip("q_star:Q", title="Q* (million)", format=".2f")],
        )
    )
    readout = one_row.mark_text(
        align="right", baseline="top", fontSize=13, fontWeight="bold", lineBreak="\n"
    ).encode(x=alt.value({"expr": "width"}), y=alt.value(6), text="readout:N")
    references = pd.DataFrame(
        [
            {"volume": ledger.PARAMETERS[name].default, "what": what}
            for name, what in REFERENCE_VOLUMES.items()
        ]
    )
    reference_points = alt.Chart(references).transform_calculate(
        ratio=ledger.FORMS["ratio"].vega(volume_field),
        label="datum.what + ' (' + format(datum.volume, '.1f') + ' M)'",
    )
    dots = reference_points.mark_point(filled=True, size=60, color=palette.INK).encode(
        x=alt.X("volume:Q"),
        y=alt.Y("ratio:Q"),
        tooltip=[
            alt.Tooltip("what:N", title="Volume"),
            alt.Tooltip("volume:Q", title="Million chips", format=".2f"),
            alt.Tooltip("ratio:Q", title="Ratio", format=".1f"),
        ],
    )
    # Labels of points in the left half read rightwards, in the right half leftwards, so that
    # none runs off the plot on a narrow screen.
    midpoint = (ledger.EXPORT_VOLUME.minimum + largest) / 2
    dot_labels = [
        reference_points.transform_filter(
            f"datum.volume {'<=' if align == 'left' else '>'} {midpoint}"
        )
        .mark_text(align=align, dx=6 if align == "left" else -6, dy=-8, fontSize=11)
        .encode(x=alt.X("volume:Q"), y=alt.Y("ratio:Q"), text="label:N")
        for align in ("left", "right")
    ]
    chart = (
        alt.layer(line, target_line, q_star_line, dots, *dot_labels, readout)
        .add_params(
            *_params(RATIO_SLIDERS, bases),
            altair_param(ledger.TARGET_RATIO),
        )
        .properties(width=CHART_WIDTH + 40, height=palette.TALL_PLOT_HEIGHT)
    )
    default = ledger.closed_form_results()
    description = (
        "Line chart of the US:China ratio of compute added (y) against H200 exports to China "
        f"(x, 0 to {largest:g} million). The ratio falls from {ledger.ratio_at(0.0):.1f}× with no "
        "exports. A dashed line marks the target ratio and a solid vertical line the closed-form "
        f"volume Q* that reaches it: {default.volume_for_target:.2f} million chips for a target "
        f"of {default.target_ratio:g}× at the defaults. Dots mark the volumes "
        + ", ".join(
            f"{what} ({ledger.PARAMETERS[name].default:g} M)"
            for name, what in REFERENCE_VOLUMES.items()
        )
        + ". Sliders and a switch recompute the curve."
    )
    return Figure(chart, description)

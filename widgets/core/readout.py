"""A chart's readout: a strip of bold text above the plot, computed in the browser.

The readout sits in a panel of its own (stacked above the plot with ``alt.vconcat``), never
inside the plot, so that on a narrow screen it cannot cover a curve.

Examples
--------
>>> import altair as alt
>>> row = alt.Chart(alt.Data(values=[{}])).transform_calculate(text="'a\\\\nb'")
>>> spec = readout_strip(row, width=300, height=36).to_dict()
>>> spec["mark"]["lineBreak"], spec["height"], spec["view"]
('\\n', 36, {'stroke': None})
"""

from __future__ import annotations

import altair as alt


def readout_strip(
    row: alt.Chart, *, width: int, height: int, field: str = "text", font_size: int = 12
) -> alt.Chart:
    """The text of ``row``'s ``field`` (lines split at ``\\n``), bold, top left of a borderless strip.

    Parameters
    ----------
    row : altair.Chart
        A one-row chart whose transforms compute ``field`` (a Vega expression of the sliders).
    width, height : int
        The strip's size (px); the height should hold the readout's lines.
    field : str
        The computed text field.
    font_size : int
        Font size (px).
    """
    return (
        row.mark_text(
            align="left", baseline="top", fontSize=font_size, fontWeight="bold", lineBreak="\n"
        )
        .encode(
            x=alt.value(0),
            y=alt.value(0),
            text=f"{field}:N",
        )
        .properties(width=width, height=height, view={"stroke": None})
    )

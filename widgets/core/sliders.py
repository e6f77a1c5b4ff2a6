"""Sliders generated from parameter declarations, for Altair (browser) and ipywidgets (kernel)."""

from __future__ import annotations

import altair as alt
import ipywidgets

from chipcontrols.core.parameters import Parameter


def slider_label(parameter: Parameter) -> str:
    """Label text with the unit, e.g. ``"Hypothetical chip: die area (mm²)"``."""
    return f"{parameter.label} ({parameter.unit})" if parameter.unit else parameter.label


def altair_param(parameter: Parameter) -> alt.Parameter:
    """A Vega-Lite parameter named after ``parameter`` and bound to a range slider."""
    return alt.param(
        name=parameter.name,
        value=parameter.default,
        bind=alt.binding_range(
            min=parameter.minimum,
            max=parameter.maximum,
            step=parameter.step,
            name=slider_label(parameter) + " ",
        ),
    )


def ipywidgets_slider(parameter: Parameter) -> ipywidgets.FloatSlider:
    """An ipywidgets slider with the declared default, range and step."""
    return ipywidgets.FloatSlider(
        value=parameter.default,
        min=parameter.minimum,
        max=parameter.maximum,
        step=parameter.step,
        description=slider_label(parameter),
        style={"description_width": "initial"},
        layout=ipywidgets.Layout(width="32em"),
        continuous_update=False,
    )

"""Sliders generated from parameter declarations, for Altair (browser) and ipywidgets (kernel).

A rate per year (a parameter with ``per_year``) is shown as the multiple a reader thinks in,
"× 1.82 a year", never as its log rate: in the browser the slider moves the multiple and a
derived signal of the parameter's own name holds the log rate every registered formula reads;
in a live kernel the slider keeps the log rate as its value (so the labs call the model as
before) and its description shows the multiple.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import altair as alt
import ipywidgets

from chipcontrols.core.parameters import Parameter

#: Step of a slider that moves a multiple a year.
MULTIPLE_STEP = 0.001
#: The suffix of the name of the signal a multiple's slider sets.
MULTIPLE_SUFFIX = "_per_year"


def slider_label(parameter: Parameter) -> str:
    """Label text with the unit, e.g. ``"Hypothetical chip: die area (mm²)"``.

    A rate per year is labelled as a multiple: ``"Growth of capacity (× a year)"``.
    """
    if parameter.per_year:
        return f"{parameter.label} (× a year)"
    return f"{parameter.label} ({parameter.unit})" if parameter.unit else parameter.label


def multiple_range(parameter: Parameter) -> tuple[float, float, float]:
    """Minimum, maximum and starting value of the slider of a rate per year, as multiples.

    Rounded to the slider's step, so the slider shows them as a reader would write them.

    Examples
    --------
    >>> p = Parameter("decline_example", "Cost", "per year", 0.36, 0.1, 0.6, 0.01, "test",
    ...               per_year="decline")
    >>> multiple_range(p)
    (0.549, 0.904, 0.698)
    """
    ends = sorted(parameter.multiple_per_year(v) for v in (parameter.minimum, parameter.maximum))
    low = math.ceil(ends[0] / MULTIPLE_STEP) * MULTIPLE_STEP
    high = math.floor(ends[1] / MULTIPLE_STEP) * MULTIPLE_STEP
    start = round(parameter.multiple_per_year(parameter.default) / MULTIPLE_STEP) * MULTIPLE_STEP
    return round(low, 3), round(high, 3), round(start, 3)


def altair_param(parameter: Parameter) -> alt.Parameter:
    """A Vega-Lite parameter named after ``parameter`` and bound to a range slider.

    Raises
    ------
    ValueError
        For a rate per year, which needs two parameters (:func:`altair_params`).
    """
    if parameter.per_year:
        raise ValueError(
            f"parameter {parameter.name} is a rate per year: use altair_params, which adds "
            "the slider of its multiple and the log rate derived from it"
        )
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


def log_rate_expression(parameter: Parameter) -> str:
    """The Vega expression of the log rate from the slider's multiple.

    At the slider's starting mark it is the declared default exactly (the slider's grid of
    :data:`MULTIPLE_STEP` cannot hold ``e^default``), so the chart opens on the numbers the
    text cites.

    Examples
    --------
    >>> p = Parameter("growth_example2", "Growth", "per year", 0.6, 0, 1.5, 0.01, "test",
    ...               per_year="growth")
    >>> log_rate_expression(p)
    'abs(growth_example2_per_year - 1.822) < 0.0005 ? 0.6 : log(growth_example2_per_year)'
    """
    multiple = parameter.name + MULTIPLE_SUFFIX
    rate = f"log({multiple})" if parameter.per_year == "growth" else f"-log({multiple})"
    start = multiple_range(parameter)[2]
    return f"abs({multiple} - {start}) < {MULTIPLE_STEP / 2:g} ? {parameter.default:g} : {rate}"


def altair_params(parameters: Iterable[Parameter]) -> list[alt.Parameter]:
    """The Vega-Lite parameters of ``parameters``: one slider each, a rate per year as a
    slider of its multiple plus the log rate, under the parameter's name, derived from it."""
    params = []
    for parameter in parameters:
        if not parameter.per_year:
            params.append(altair_param(parameter))
            continue
        low, high, start = multiple_range(parameter)
        params.append(
            alt.param(
                name=parameter.name + MULTIPLE_SUFFIX,
                value=start,
                bind=alt.binding_range(
                    min=low, max=high, step=MULTIPLE_STEP, name=slider_label(parameter) + " "
                ),
            )
        )
        params.append(alt.param(name=parameter.name, expr=log_rate_expression(parameter)))
    return params


def ipywidgets_slider(parameter: Parameter) -> ipywidgets.FloatSlider:
    """An ipywidgets slider with the declared default, range and step.

    For a rate per year the value stays the log rate; the readout is hidden and the
    description says the multiple, updated as the slider moves.
    """
    slider = ipywidgets.FloatSlider(
        value=parameter.default,
        min=parameter.minimum,
        max=parameter.maximum,
        step=parameter.step,
        description=slider_label(parameter),
        style={"description_width": "initial"},
        layout=ipywidgets.Layout(width="32em"),
        continuous_update=False,
    )
    if parameter.per_year:
        slider.readout = False

        def describe(change=None) -> None:
            multiple = parameter.multiple_per_year(slider.value)
            slider.description = f"{parameter.label}: ×{multiple:.2f} a year"

        describe()
        slider.observe(describe, names="value")
    return slider

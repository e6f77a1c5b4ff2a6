"""Horizontal bars whose lengths the browser computes from registered closed forms."""

from __future__ import annotations

import json

import altair as alt

from chipcontrols.core.closed_forms import ClosedForm


def vega_array(forms) -> str:
    """A Vega array literal of the closed forms' expressions."""
    return "[" + ", ".join(form.vega() for form in forms) + "]"


def vega_strings(texts) -> str:
    """A Vega array literal of strings."""
    return json.dumps(list(texts))


def expression_bars(
    category: str,
    forms: dict[str, ClosedForm],
    *,
    title: str,
    height: int,
    width: int | str,
    x: alt.X,
    label: str,
    value_tooltip: alt.Tooltip,
    colour=None,
    derived: dict[str, str] | None = None,
    extra_tooltips: tuple[alt.Tooltip, ...] = (),
) -> alt.LayerChart:
    """Horizontal bars, one per closed form, each value computed in the browser, with labels.

    Parameters
    ----------
    category : str
        Field naming each bar; its values are the keys of ``forms``, in order.
    label : str
        Vega expression of the text printed at the end of each bar.
    colour : alt.Color or alt.ColorValue, optional
        Bar colour encoding.
    derived : dict, optional
        Further fields computed from ``value`` before ``label`` (e.g. whether a limit binds).
    """
    names = list(forms)
    rows = [{category: name, "index": i} for i, name in enumerate(names)]
    base = (
        alt.Chart(alt.Data(values=rows))
        .transform_calculate(
            value=f"{vega_array(forms.values())}[datum.index]",
        )
        .transform_calculate(**(derived or {}), label=label)
    )
    y = alt.Y(f"{category}:N", sort=names, title=None)
    bars = base.mark_bar(height=22).encode(
        y=y,
        x=x,
        color=colour,
        tooltip=[
            alt.Tooltip(f"{category}:N", title=category.capitalize()),
            value_tooltip,
            *extra_tooltips,
        ],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(
        y=y, x="value:Q", text="label:N"
    )
    return alt.layer(bars, labels).properties(width=width, height=height, title=title)

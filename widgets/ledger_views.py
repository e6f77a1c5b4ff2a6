"""Views of the H200 ledger: the ledger chart, the ratio curve and the live lab.

Every number the browser computes comes from a sympy expression in
:mod:`chipcontrols.ledger`, printed to Vega; every slider comes from a parameter declaration.
"""

from __future__ import annotations

import html

import altair as alt
import ipywidgets
import pandas as pd
import sympy as sp
from IPython.display import HTML, display

from chipcontrols import ledger as model
from chipcontrols.data import load_chips
from chipcontrols.eccn3a090 import classify_chips
from chipcontrols.vega import to_vega
from widgets.display import RUN_LIVE_NOTE, Figure, StaticLabView, building_static_site
from widgets.sliders import altair_param, ipywidgets_slider, slider_label

WIDTH = 460
BINDING_COLOUR, OTHER_COLOUR = "#c0392b", "#9aa7b4"
TREASURY_COLOUR, NVIDIA_COLOUR = "#2c6e9b", "#76b041"
#: Sliders of the ledger chart, in display order (the H100e basis is a switch, not a slider).
LEDGER_SLIDERS = ("demand", "supply", "cap_share", "us_volume", "approvals", "price",
                  "tariff_share", "china_other", "us_added", "displacement")
#: Sliders of the ratio curve.
RATIO_SLIDERS = ("us_added", "china_other", "displacement")
#: Export volumes the lab's scenario table shows, million chips.
SCENARIO_VOLUMES = (0.0, 0.04, 0.4, 0.7, 1.0, 2.0)


def _vega(expression: sp.Basic, **extra: str) -> str:
    """Vega expression reading each parameter from the signal of the same name."""
    return to_vega(expression, {**model.PARAMETER_NAME_OF, **extra})


def _vega_array(expressions) -> str:
    """A Vega array literal of the expressions, indexed by each row's ``index``."""
    return "[" + ", ".join(_vega(e) for e in expressions) + "]"


def equivalence_bases() -> dict[str, float]:
    """H100-equivalents per H200 on each basis, computed from ``data/chips.csv`` and checked."""
    bases = model.h100_equivalence(classify_chips(load_chips()))
    declared = model.PARAMETERS["h100e_per_chip"]
    return {basis: declared.check(value) for basis, value in bases.items()}


def _basis_switch(bases: dict[str, float]) -> alt.Parameter:
    """Radio buttons setting ``h100e_per_chip`` to one of the bases."""
    return alt.param(
        name="h100e_per_chip",
        value=bases["arithmetic"],
        bind=alt.binding_radio(
            options=list(bases.values()),
            labels=[f"{basis} ({value:.2f})" for basis, value in bases.items()],
            name=slider_label(model.PARAMETERS["h100e_per_chip"]) + ": ",
        ),
    )


def _params(names: tuple[str, ...], bases: dict[str, float]) -> list[alt.Parameter]:
    return [altair_param(model.PARAMETERS[name]) for name in names] + [_basis_switch(bases)]


def _expression_bars(category: str, expressions: dict[str, sp.Basic], *, title: str, height: int,
                     x: alt.X, label: str, value_tooltip: alt.Tooltip, colour=None,
                     derived: dict[str, str] | None = None,
                     extra_tooltips: tuple[alt.Tooltip, ...] = ()) -> alt.LayerChart:
    """Horizontal bars, one per expression, each value computed in the browser, with labels.

    Parameters
    ----------
    category : str
        Field naming each bar; its values are the keys of ``expressions``, in order.
    label : str
        Vega expression of the text printed at the end of each bar.
    colour : alt.Color or alt.ColorValue, optional
        Bar colour encoding.
    derived : dict, optional
        Further fields computed from ``value`` before ``label`` (e.g. whether a limit binds).
    """
    names = list(expressions)
    rows = [{category: name, "index": i} for i, name in enumerate(names)]
    base = alt.Chart(alt.Data(values=rows)).transform_calculate(
        value=f"{_vega_array(expressions.values())}[datum.index]",
    ).transform_calculate(**(derived or {}), label=label)
    y = alt.Y(f"{category}:N", sort=names, title=None)
    bars = base.mark_bar(height=22).encode(
        y=y, x=x, color=colour,
        tooltip=[alt.Tooltip(f"{category}:N", title=category.capitalize()), value_tooltip,
                 *extra_tooltips],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(y=y, x="value:Q", text="label:N")
    return alt.layer(bars, labels).properties(width=WIDTH, height=height, title=title)


def _limits_panel() -> alt.LayerChart:
    return _expression_bars(
        "limit", model.LIMITS, title="1. The four limits: exports are the shortest bar",
        height=130,
        x=alt.X("value:Q", title="Million chips in the year",
                scale=alt.Scale(domain=[0, model.PARAMETERS["us_volume"].maximum])),
        label="format(datum.value, '.2f') + ' M'",
        value_tooltip=alt.Tooltip("value:Q", title="Million chips", format=".2f"),
        colour=alt.Color("binds:N", title="Constraint",
                         scale=alt.Scale(domain=["binding", "not binding"],
                                         range=[BINDING_COLOUR, OTHER_COLOUR])),
        derived={"volume": _vega(model.VOLUME),
                 "binds": "abs(datum.value - datum.volume) < 1e-9 ? 'binding' : 'not binding'"},
        extra_tooltips=(alt.Tooltip("binds:N", title="Status"),),
    )


def _readout_panel() -> alt.Chart:
    names = "[" + ", ".join(f'"{name}"' for name in model.LIMITS) + "]"
    return alt.Chart(alt.Data(values=[{}])).transform_calculate(
        volume=_vega(model.VOLUME), limits=_vega_array(model.LIMITS.values()),
    ).transform_calculate(
        binding=f"{names}[indexof(datum.limits, datum.volume)]",
    ).transform_calculate(
        readout="'Exports: ' + format(datum.volume, '.2f') + ' million chips; binding: '"
                " + datum.binding",
    ).mark_text(align="left", fontSize=14, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(8), text="readout:N",
    ).properties(width=WIDTH, height=16)


def _revenue_panel() -> alt.LayerChart:
    expressions = {
        "US Treasury (tariff)": model.TREASURY_REVENUE.subs(model.volume, model.VOLUME),
        "Nvidia": model.NVIDIA_REVENUE.subs(model.volume, model.VOLUME),
    }
    return _expression_bars(
        "recipient", expressions, title="2. Who receives the money", height=70,
        x=alt.X("value:Q", title="Billion US dollars in the year"),
        label="'$' + format(datum.value, '.1f') + ' bn'",
        value_tooltip=alt.Tooltip("value:Q", title="$ billion", format=".2f"),
        colour=alt.Color("recipient:N", legend=None,
                         scale=alt.Scale(domain=list(expressions),
                                         range=[TREASURY_COLOUR, NVIDIA_COLOUR])),
    )


def _ratio_panel() -> alt.LayerChart:
    expressions = {
        "No exports": model.RATIO.subs(model.volume, 0),
        "With these exports": model.RATIO.subs(model.volume, model.VOLUME),
    }
    return _expression_bars(
        "case", expressions, title="3. The US:China ratio of compute added", height=70,
        x=alt.X("value:Q", title="US compute added ÷ China's compute added, in the year"),
        label="format(datum.value, '.1f') + '×'",
        value_tooltip=alt.Tooltip("value:Q", title="US:China ratio", format=".1f"),
        colour=alt.value("#555"),
    )


def ledger_chart() -> Figure:
    """Chart (b): the four limits with the binding one highlighted, the revenue split, the ratio.

    Every value is computed in the browser from the model's sympy expressions as the sliders
    move.
    """
    bases = equivalence_bases()
    result = model.ledger()
    chart = alt.vconcat(
        _readout_panel(), _limits_panel(), _revenue_panel(), _ratio_panel(), spacing=22,
    ).add_params(*_params(LEDGER_SLIDERS, bases)).resolve_scale(
        color="independent").configure_legend(orient="right").configure_view(stroke=None)
    description = (
        "The H200 ledger. Four horizontal bars give the year's limits on exports to China in "
        "million chips (Chinese demand, Nvidia supply, the US cap, Beijing's approvals); the "
        f"shortest is highlighted as binding: at the defaults {result.binding}, "
        f"{result.volume:.2f} million. Below, the revenue split (US Treasury "
        f"${result.treasury_revenue:.1f} bn, Nvidia ${result.nvidia_revenue:.1f} bn) and the "
        f"US:China ratio of compute added ({result.ratio_without_exports:.1f}× without exports, "
        f"{result.ratio_with_exports:.1f}× with them). Sliders and a switch recompute everything."
    )
    return Figure(chart, description)


def ratio_chart() -> Figure:
    """Chart (c): the US:China ratio against export volume, the target line and Q*."""
    bases = equivalence_bases()
    largest = model.EXPORT_VOLUME.maximum
    q_star = _vega(model.VOLUME_FOR_TARGET_RATIO)
    curve = alt.Chart(alt.Data(sequence={"start": 0, "stop": largest + 1e-9, "step": 0.01,
                                         "as": "Q"})).transform_calculate(
        ratio=_vega(model.RATIO, Q="datum.Q"))
    x = alt.X("Q:Q", title="H200s exported to China in the year (million)",
              scale=alt.Scale(domain=[0, largest], nice=False))
    y = alt.Y("ratio:Q", title="US:China ratio of compute added (×)")
    line = curve.mark_line(color="#333", strokeWidth=2.5).encode(
        x=x, y=y, tooltip=[alt.Tooltip("Q:Q", title="Million chips", format=".2f"),
                           alt.Tooltip("ratio:Q", title="Ratio", format=".1f")])
    one_row = alt.Chart(alt.Data(values=[{}])).transform_calculate(
        target="target_ratio", q_star=q_star,
    ).transform_calculate(
        readout=f"datum.q_star < 0 ? 'Already below the target with no exports' : "
                f"datum.q_star > {largest} ? 'Q* = ' + format(datum.q_star, '.2f') + "
                f"' million: beyond the largest demand studied' : "
                "'Q* = ' + format(datum.q_star, '.2f') + ' million chips bring the ratio to ' "
                "+ format(datum.target, '.1f') + '×'",
    )
    target_line = one_row.mark_rule(color=BINDING_COLOUR, strokeDash=[6, 4]).encode(
        y=alt.Y("target:Q"), tooltip=[alt.Tooltip("target:Q", title="Target ratio")])
    q_star_line = one_row.transform_filter(
        f"datum.q_star >= 0 && datum.q_star <= {largest}"
    ).mark_rule(color=BINDING_COLOUR, strokeWidth=2).encode(
        x=alt.X("q_star:Q"), tooltip=[alt.Tooltip("q_star:Q", title="Q* (million)", format=".2f")])
    readout = one_row.mark_text(align="right", baseline="top", fontSize=13,
                                fontWeight="bold").encode(
        x=alt.value(WIDTH + 40), y=alt.value(6), text="readout:N")
    references = pd.DataFrame([
        {"Q": model.PARAMETERS[name].default, "what": what}
        for name, what in (("approvals", "approved by Beijing"), ("supply", "Nvidia's stock"),
                           ("demand", "ordered"))
    ])
    reference_points = alt.Chart(references).transform_calculate(
        ratio=_vega(model.RATIO, Q="datum.Q"),
        label="datum.what + ' (' + format(datum.Q, '.1f') + ' M)'",
    )
    dots = reference_points.mark_point(filled=True, size=60, color="#333").encode(
        x=alt.X("Q:Q"), y=alt.Y("ratio:Q"),
        tooltip=[alt.Tooltip("what:N", title="Volume"),
                 alt.Tooltip("Q:Q", title="Million chips", format=".2f"),
                 alt.Tooltip("ratio:Q", title="Ratio", format=".1f")])
    dot_labels = reference_points.mark_text(align="left", dx=6, dy=-8, fontSize=11).encode(
        x=alt.X("Q:Q"), y=alt.Y("ratio:Q"), text="label:N")
    chart = alt.layer(line, target_line, q_star_line, dots, dot_labels, readout).add_params(
        *_params(RATIO_SLIDERS, bases), altair_param(model.TARGET_RATIO),
    ).properties(width=WIDTH + 40, height=320)
    default = model.closed_form_results()
    description = (
        "Line chart of the US:China ratio of compute added (y) against H200 exports to China "
        f"(x, 0 to {largest:g} million). The ratio falls from {model.ratio_at(0.0):.1f}× with no "
        "exports. A dashed line marks the target ratio and a solid vertical line the closed-form "
        f"volume Q* that reaches it: {default.volume_for_target:.2f} million chips for a target "
        f"of {default.target_ratio:g}× at the defaults. Dots mark the volumes Beijing approved, "
        "Nvidia had in stock and Chinese firms ordered. Sliders and a switch recompute the curve."
    )
    return Figure(chart, description)


def scenario_table(volumes=SCENARIO_VOLUMES, **values: float) -> pd.DataFrame:
    """The lab's scenario table, with readable column names."""
    table = model.scenarios(list(volumes), **values)
    return table.rename(columns={
        "volume": "Exports (million H200)",
        "treasury_revenue": "US Treasury ($bn)",
        "nvidia_revenue": "Nvidia ($bn)",
        "china_compute_added": "China's compute added (million H100e)",
        "ratio": "US:China ratio (×)",
    })


def _closed_form_html(target_ratio: float, values: dict[str, float]) -> str:
    results = model.closed_form_results(target_ratio=target_ratio, **values)
    exported = model.ledger(**values)
    sigma = ("not defined with no exports" if exported.volume == 0
             else f"${results.break_even_valuation:.2f} bn per log-unit of China's compute")
    items = [
        f"Binding limit: <strong>{html.escape(exported.binding)}</strong>, "
        f"{exported.volume:.2f} million chips.",
        f"Q* for a target of {results.target_ratio:g}×: <strong>"
        f"{results.volume_for_target:.2f} million chips</strong>.",
        f"∂ρ/∂Q at the ledger's volume: {results.marginal_ratio:.1f} ratio points per million "
        "chips.",
        f"Break-even valuation σ* at that volume: {sigma}.",
    ]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ledger_lab_html(target_ratio: float = model.TARGET_RATIO.default, **values: float) -> str:
    """The lab's output as HTML: the closed-form results and the scenario table."""
    table = scenario_table(**values).to_html(index=False, float_format=lambda x: f"{x:,.2f}",
                                             classes="table", border=0)
    return (f'<div class="h200-lab-output">{_closed_form_html(target_ratio, values)}'
            f'<div class="h200-table">{table}</div></div>')


class _HtmlBlock:
    """Something :class:`StaticLabView` can show that is not a chart."""

    def __init__(self, body: str) -> None:
        self.body = body

    def to_static_html(self) -> str:
        return self.body


def ledger_lab():
    """Live lab: every ledger parameter as a slider, the target ratio, the H100e switch.

    Shows the sympy results (binding limit, Q*, ∂ρ/∂Q, σ*) and a scenario table over several
    volumes.  On the static site it returns the default state.
    """
    if building_static_site():
        return StaticLabView("H200 ledger lab", _HtmlBlock(ledger_lab_html()), RUN_LIVE_NOTE)
    return LedgerLab()


class LedgerLab(ipywidgets.VBox):
    """Sliders for the ledger; recomputes the results and scenario table on every change.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        One per declared parameter (including the target ratio), by parameter name.
    basis : ipywidgets.ToggleButtons
        Counts an H200 in H100-equivalents by arithmetic or by memory bandwidth.
    html : str
        The output currently shown.
    """

    def __init__(self) -> None:
        bases = equivalence_bases()
        self.sliders = {name: ipywidgets_slider(p) for name, p in model.PARAMETERS.items()
                        if name != "h100e_per_chip"}
        self.sliders["target_ratio"] = ipywidgets_slider(model.TARGET_RATIO)
        self.basis = ipywidgets.ToggleButtons(
            options=[(f"{basis} ({value:.2f})", value) for basis, value in bases.items()],
            description="H100e per H200", style={"description_width": "initial"})
        self.output = ipywidgets.Output()
        super().__init__([*self.sliders.values(), self.basis, self.output])
        for control in (*self.sliders.values(), self.basis):
            control.observe(self.redraw, names="value")
        self.redraw()

    def values(self) -> dict[str, float]:
        """Current parameter values, by name (without the target ratio)."""
        chosen = {name: s.value for name, s in self.sliders.items() if name != "target_ratio"}
        return {**chosen, "h100e_per_chip": self.basis.value}

    def redraw(self, _change=None) -> None:
        """Recompute from the model and show the result."""
        self.html = ledger_lab_html(self.sliders["target_ratio"].value, **self.values())
        with self.output:
            self.output.clear_output(wait=True)
            display(HTML(self.html))


def key_figures() -> dict[str, float | str]:
    """The ledger's headline figures at the declared defaults, for the chapter's text.

    Keys name what each value is; money in billion USD, volumes in million chips.
    """
    bases = equivalence_bases()
    h_bandwidth = bases["memory bandwidth"]
    result = model.ledger()
    cap_only = model.ledger(approvals=model.PARAMETERS["approvals"].maximum)
    nvidia_binds = model.ledger(approvals=model.PARAMETERS["approvals"].maximum, us_volume=1.4)
    return {
        "h_arithmetic": bases["arithmetic"],
        "h_bandwidth": h_bandwidth,
        "binding": result.binding,
        "volume": result.volume,
        "treasury": result.treasury_revenue,
        "nvidia": result.nvidia_revenue,
        "ratio_none": result.ratio_without_exports,
        "ratio_default": result.ratio_with_exports,
        "ratio_default_bandwidth": model.ledger(h100e_per_chip=h_bandwidth).ratio_with_exports,
        "cap_binding": cap_only.binding,
        "cap_volume": cap_only.volume,
        "supply_binding": nvidia_binds.binding,
        "supply_volume": nvidia_binds.volume,
        "ratio_2m": float(model.ratio_at(2.0)),
        "ratio_2m_bandwidth": float(model.ratio_at(2.0, h100e_per_chip=h_bandwidth)),
        "treasury_2m": float(model.scenarios([2.0])["treasury_revenue"].iloc[0]),
        "q_star": model.closed_form_results().volume_for_target,
        "q_star_full_displacement": model.closed_form_results(displacement=1.0).volume_for_target,
        "target": model.TARGET_RATIO.default,
        "sigma_star_supply": model.closed_form_results(
            approvals=model.PARAMETERS["approvals"].maximum, us_volume=1.4).break_even_valuation,
        "marginal_first_cost": -float(model.closed_form_results(approvals=0.0).marginal_ratio),
        "ratio_first_tenth": float(model.ratio_at(0.1)),
        "ratio_drop_last_tenth_of_2m": float(model.ratio_at(1.9) - model.ratio_at(2.0)),
        # the lowest ratio the declared ranges allow at the largest volume, with and without
        # displacement (the validation box's "what it takes to reach IFP's low end")
        "ratio_low_corner": float(model.ratio_at(
            model.EXPORT_VOLUME.maximum, us_added=model.PARAMETERS["us_added"].minimum,
            h100e_per_chip=h_bandwidth, displacement=1.0)),
        "ratio_low_no_displacement": float(model.ratio_at(
            model.EXPORT_VOLUME.maximum, us_added=model.PARAMETERS["us_added"].minimum,
            h100e_per_chip=h_bandwidth)),
    }


def glue_key_figures() -> None:
    """Glue :func:`key_figures` into the notebook so the text can cite them as ``ledger_<key>``."""
    from IPython.display import Markdown
    from myst_nb import glue

    for name, value in key_figures().items():
        glue(f"ledger_{name}", Markdown(value) if isinstance(value, str) else value, display=False)

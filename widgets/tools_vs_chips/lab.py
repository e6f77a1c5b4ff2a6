"""The live tools-vs-chips lab (ipywidgets) and its static stand-in for the website.

The lab computes what the browser cannot: the exact horizon T* (a numerical root, and the
Lambert W form when capacity does not grow under controls), a scenario table that chains the
wafers and HBM into the race, and a servicing-ban shock on the two-input path.
"""

from __future__ import annotations

import html
import math

import altair as alt
import pandas as pd

from chipcontrols import tools_vs_chips
from chipcontrols.tools_vs_chips import dynamics
from widgets.core import palette
from widgets.core.display import Figure
from widgets.core.lab import Lab, lab_or_static, sliders_for

#: Parameters with a slider in the lab (the domestic output today is computed, not set).
LAB_PARAMETERS = tuple(
    name for name in tools_vs_chips.PARAMETERS if name not in ("domestic_output", "years_ahead")
)
#: The uptime of installed tools once a servicing ban bites, where the lab's slider starts.
SHOCK_UPTIME = dynamics.SHOCK_UPTIME
#: Column headings of the scenario table.
SCENARIO_HEADINGS = {
    "scenario": "Scenario",
    "accelerators": "Accelerators (million/yr)",
    "binding": "Binding",
    "output": "Domestic output (million H100e/yr)",
    "imports": "Imports (million H100e/yr)",
    "domestic_share": "Domestic share",
    "crossover_with": "t_x with tool controls (yr)",
    "crossover_without": "t_x without (yr)",
    "years_bought": "Years bought",
    "horizon": "T* (yr)",
}


def chained(values: dict[str, float]) -> dict[str, float]:
    """The lab's values with the domestic output today computed from the wafers and HBM."""
    checked = tools_vs_chips.PARAMETERS.check(
        {k: v for k, v in values.items() if k != "domestic_output"}
    )
    output = tools_vs_chips.evaluate("output", **checked)
    declared = tools_vs_chips.PARAMETERS["domestic_output"]
    return {**checked, "domestic_output": declared.check(round(output, 9))}


def _binds(limit: str) -> str:
    return "the wafers bind" if limit == "wafers" else "HBM binds"


def _table_cell(column: str, value) -> str:
    if isinstance(value, str):
        return value
    if math.isinf(value):
        return "never"
    if column in ("crossover_with", "crossover_without", "years_bought") and value <= 0:
        return "already" if column != "years_bought" else "none"
    if column == "domestic_share":
        return f"{100 * value:.0f}%"
    return f"{value:,.2f}"


def _years(value: float) -> str:
    if math.isinf(value):
        return "never"
    return f"{value:.2f} years" if value > 0 else "already (domestic output exceeds imports)"


def results_html(**values: float) -> str:
    """The lab's results for one set of parameters, as an HTML list."""
    p = chained(values)
    wafer, hbm = (
        tools_vs_chips.evaluate("wafer_limit", **p),
        tools_vs_chips.evaluate("hbm_limit", **p),
    )
    race = dynamics.horizon(**p)
    lambert = (
        ""
        if race.lambert is None
        else f" The Lambert W form gives {race.lambert:.6f} years (γ_c = 0), the same root."
    )
    items = [
        f"Wafers allow {wafer:.3f} million accelerators a year, HBM {hbm:.3f} million: "
        f"<strong>{'the wafers bind' if wafer < hbm else 'HBM binds'}</strong>. Wafers bind "
        f"from {tools_vs_chips.evaluate('hbm_at_which_wafers_bind', **p):.2f} million HBM stacks a year.",
        f"Domestic output today D<sub>now</sub> = <strong>{p['domestic_output']:.3f} million "
        f"H100e a year</strong>, {100 * tools_vs_chips.evaluate('domestic_share', **p):.1f}% of China's "
        f"acquisitions with imports of {p['chip_imports']:.2f} million.",
        f"Capacity grows ×{math.exp(p['growth_with_controls']):.2f} a year with tool controls, "
        f"×{math.exp(p['growth_without_controls']):.2f} without; HBM ×"
        f"{math.exp(p['hbm_growth']):.2f} a year under controls.",
        f"Domestic output replaces imports: with tool controls {_years(race.crossover_with)}, "
        f"without {_years(race.crossover_without)}.",
        f"Tool controls deny more than a chip ban after <strong>T* = {_years(race.horizon)}"
        f"</strong> (numerical root of the horizon equation).{lambert}",
        f"Over a horizon of {p['horizon_years']:g} years a chip ban denies "
        f"{race.denied_by_chip_ban:.2f} million H100e, tool controls "
        f"{race.denied_by_tool_controls:.2f} million.",
    ]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def scenario_table(**values: float) -> pd.DataFrame:
    """The lab's scenario table (:func:`chipcontrols.tools_vs_chips.dynamics.scenarios`)."""
    base = {k: v for k, v in values.items() if k != "domestic_output"}
    return dynamics.scenarios(**base).rename(columns=SCENARIO_HEADINGS)


def shock_figure(uptime: float = SHOCK_UPTIME, **values: float) -> tuple[Figure, dynamics.Shock]:
    """Domestic output with and without a servicing ban (two-input path, tool controls on)."""
    p = chained({**values, "tool_uptime": 1.0})
    shock = dynamics.servicing_ban_shock(uptime=uptime, **p)
    long = shock.paths.melt("year", var_name="case", value_name="output")
    names = {"no_ban": "No servicing ban", "ban": f"Servicing ban from year {shock.ban_year:g}"}
    long["case"] = long["case"].map(names)
    lines = (
        alt.Chart(long)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("year:Q", title="Years from now"),
            y=alt.Y("output:Q", title="Domestic output (million H100e a year)"),
            color=alt.Color(
                "case:N",
                title=None,
                sort=list(names.values()),
                scale=alt.Scale(range=[palette.NO_SERVICING_BAN, palette.SERVICING_BAN]),
            ),
            strokeDash=alt.StrokeDash(
                "case:N",
                sort=list(names.values()),
                legend=None,
                scale=alt.Scale(range=[[1, 0], [6, 3]]),
            ),
            tooltip=[
                alt.Tooltip("case:N", title="Case"),
                alt.Tooltip("year:Q", title="Year", format=".1f"),
                alt.Tooltip("output:Q", title="Million H100e a year", format=".3f"),
            ],
        )
    )
    at_ban = long[long["year"] >= shock.ban_year]
    at_ban = at_ban[at_ban["year"] == at_ban["year"].min()]
    ban = alt.Chart(
        pd.DataFrame([{"year": shock.ban_year, "label": f"ban from year {shock.ban_year:g}"}])
    )
    rule = ban.mark_rule(strokeDash=[4, 3], color=palette.ANNOTATION_INK).encode(x="year:Q")
    label = ban.mark_text(align="left", dx=4, dy=8, baseline="top", fontSize=11).encode(
        x="year:Q", y=alt.value(0), text="label:N"
    )
    dots = (
        alt.Chart(at_ban)
        .mark_point(filled=True, size=50)
        .encode(
            x="year:Q",
            y="output:Q",
            color=alt.Color("case:N", sort=list(names.values())),
            tooltip=[
                alt.Tooltip("case:N", title="Case"),
                alt.Tooltip("output:Q", title="Million H100e a year", format=".3f"),
            ],
        )
    )
    chart = (
        alt.layer(lines, rule, label, dots)
        .properties(width=440, height=220)
        .configure_legend(orient="bottom", direction="vertical", columns=1)
    )
    description = (
        f"Domestic output over {p['horizon_years']:g} years under tool controls, with and "
        f"without a ban on servicing installed tools from year {shock.ban_year:g} (uptime "
        f"{shock.uptime:.0%} after it). Once the ban bites, {_binds(shock.binding_after_ban)}; "
        f"output lost in that year {shock.output_lost_after_ban:.3f} million H100e, summed over "
        f"the horizon {shock.cumulative_lost:.2f} million."
    )
    return Figure(chart, description), shock


def lab_html(uptime: float = SHOCK_UPTIME, **values: float) -> str:
    """The lab's output as HTML: results, the scenario table and the shock's summary.

    The results and the scenarios describe today, before any servicing ban (full uptime);
    ``uptime`` is the uptime once the ban of the shock bites.
    """
    values = {**values, "tool_uptime": 1.0}
    numbers = dynamics.scenarios(**{k: v for k, v in values.items() if k != "domestic_output"})
    shown = pd.DataFrame(
        {column: [_table_cell(column, v) for v in numbers[column]] for column in numbers.columns}
    ).rename(columns=SCENARIO_HEADINGS)
    table = shown.to_html(index=False, border=0, classes="table")
    _, shock = shock_figure(uptime, **values)
    shock_text = (
        f"<p><strong>Servicing-ban shock</strong> (uptime {shock.uptime:.0%} from year "
        f"{shock.ban_year:g}): after the ban {html.escape(_binds(shock.binding_after_ban))}; "
        f"output lost in the first year of the ban {shock.output_lost_after_ban:.3f} million "
        f"H100e, summed over the horizon {shock.cumulative_lost:.2f} million. "
        "A ban on servicing bites only where the wafers bind.</p>"
    )
    return (
        f'<div class="h200-lab-output">{results_html(**values)}'
        f'<div class="h200-table" tabindex="0" role="region" aria-label="Scenario table">'
        f"{table}</div>{shock_text}</div>"
    )


def tools_vs_chips_lab():
    """Live lab: every parameter as a slider; T*, the scenario table and the servicing-ban shock.

    On the static site it returns the default state.
    """
    return lab_or_static(
        "Tools-vs-chips lab", lambda: (lab_html(), shock_figure()[0]), ToolsVsChipsLab
    )


class ToolsVsChipsLab(Lab):
    """Sliders for the model; recomputes the results, the scenarios and the shock on change.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        One per parameter of :data:`LAB_PARAMETERS`, by name; ``tool_uptime`` is the uptime
        once the shock's servicing ban bites (it starts at :data:`SHOCK_UPTIME`); the results
        and scenarios describe today, at full uptime.
    html : str
        The output currently shown (without the shock's chart).
    """

    def __init__(self) -> None:
        self.sliders = sliders_for(tools_vs_chips.PARAMETERS[name] for name in LAB_PARAMETERS)
        uptime = self.sliders["tool_uptime"]
        uptime.value, uptime.description = SHOCK_UPTIME, "Uptime after a servicing ban"
        super().__init__(self.sliders)

    def render(self, tool_uptime: float, **values: float) -> tuple[str, Figure]:
        """The results, scenarios and shock summary as HTML, and the shock's chart."""
        figure, _ = shock_figure(tool_uptime, **values)
        return lab_html(uptime=tool_uptime, **values), figure

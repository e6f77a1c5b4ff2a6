"""The live calibration lab for chapter 5 (ipywidgets) and its static stand-in for the website.

The student sets an observed approval share and Beijing's parameters, chooses which parameter
to solve for, and sees (1) the value of every parameter that would reproduce the share on its
own, and (2) what else changes when the chosen one takes its calibrated value: the share and
what sets it, US leverage, China's expected loss, the all-in threshold and chapter 1's ledger.
All numbers come from :mod:`chipcontrols.hedging`.
"""

from __future__ import annotations

import html

import ipywidgets
from IPython.display import HTML, display

from chipcontrols import hedging as model
from widgets.core.display import RUN_LIVE_NOTE, HtmlBlock, StaticLabView, building_static_site
from widgets.core.sliders import ipywidgets_slider

#: Beijing's parameters the lab offers as sliders (V, the normaliser, stays at 1).
LAB_SLIDERS = tuple(name for name in model.CHINA_INPUTS if name != "value_scale")
#: What the lab solves for when it opens.
DEFAULT_UNKNOWN = "domestic_value"


def _number(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return html.escape(value)
    return f"{value:,.3f}"


def calibration_html(observed_share: float | None = None, **values: float) -> str:
    """The table of single-parameter calibrations, as HTML."""
    table = model.calibration_table(observed_share, **values)
    rows = []
    for name, row in table.iterrows():
        verdict = "inside" if row.inside_range else "<strong>outside</strong>"
        note = "" if row.binds else " (but Beijing would buy less anyway: the rule does not bind)"
        rows.append(
            f"<tr><td>{html.escape(row.label)} (<code>{name}</code>)</td>"
            f'<td class="num">{row.default:.3f}</td><td class="num">{row.value:.3f}</td>'
            f"<td>{verdict} {html.escape(row.valid_range)}{note}</td></tr>"
        )
    return (
        '<div class="h200-table"><table class="table"><thead><tr><th>Parameter solved for'
        "</th><th>Now</th><th>Value reproducing the share</th><th>Declared range</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def changes_html(parameter: str, observed_share: float | None = None, **values: float) -> str:
    """What changes when ``parameter`` takes its calibrated value, as HTML."""
    table = model.what_changes(parameter, observed_share, **values)
    result = model.calibrate(parameter, observed_share, **values)
    label = html.escape(model.PARAMETERS[parameter].label.lower())
    if result.inside_range:
        head = (
            f"<p>With {label} at <strong>{result.value:.3f}</strong>, Beijing's choice equals "
            f"the observed share {result.observed_share:.2f}. What else changes:</p>"
        )
    else:
        head = (
            f"<p>{label.capitalize()} would have to be <strong>{result.value:.3f}</strong>, "
            f"outside its declared range {html.escape(result.valid_range)}: this parameter "
            "alone cannot explain the share. Solve for another.</p>"
        )
    rows = "".join(
        f'<tr><td>{html.escape(row.what)}</td><td class="num">{_number(row.before)}'
        f'</td><td class="num">{_number(row.calibrated)}</td></tr>'
        for row in table.itertuples()
    )
    return (
        f'{head}<div class="h200-table"><table class="table"><thead><tr><th></th>'
        f"<th>Now</th><th>Calibrated</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def lab_html(
    parameter: str = DEFAULT_UNKNOWN, observed_share: float | None = None, **values: float
) -> str:
    """The lab's whole output as HTML."""
    return (
        f'<div class="h200-lab-output">{calibration_html(observed_share, **values)}'
        f"{changes_html(parameter, observed_share, **values)}</div>"
    )


def calibration_lab():
    """Live lab: calibrate (a, β, p, L or k) to an observed approval share; see what else changes.

    On the static site it returns the default state: January 2026's share, solved for β.
    """
    if building_static_site():
        return StaticLabView("Calibration lab", HtmlBlock(lab_html()), RUN_LIVE_NOTE)
    return CalibrationLab()


class CalibrationLab(ipywidgets.VBox):
    """Sliders for Beijing's parameters, the observed share and the unknown; redraws on change.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        Beijing's parameters and the observed share, by parameter name.
    unknown : ipywidgets.Dropdown
        The parameter solved for; its slider is disabled while it is the unknown.
    html : str
        The output currently shown.
    """

    def __init__(self) -> None:
        names = (*LAB_SLIDERS, "observed_share")
        self.sliders = {name: ipywidgets_slider(model.PARAMETERS[name]) for name in names}
        self.unknown = ipywidgets.Dropdown(
            options=[(model.PARAMETERS[name].label, name) for name in model.CALIBRATABLE],
            value=DEFAULT_UNKNOWN,
            description="Solve for",
            style={"description_width": "initial"},
        )
        self.output = ipywidgets.Output()
        super().__init__(
            [
                self.sliders["observed_share"],
                self.unknown,
                *(self.sliders[name] for name in LAB_SLIDERS),
                self.output,
            ]
        )
        for control in (*self.sliders.values(), self.unknown):
            control.observe(self.redraw, names="value")
        self.redraw()

    def values(self) -> dict[str, float]:
        """Beijing's parameters as the sliders set them, without the unknown."""
        return {
            name: self.sliders[name].value for name in LAB_SLIDERS if name != self.unknown.value
        }

    def redraw(self, _change=None) -> None:
        """Recompute from the model and show the result."""
        for name in LAB_SLIDERS:
            self.sliders[name].disabled = name == self.unknown.value
        self.html = lab_html(
            self.unknown.value, self.sliders["observed_share"].value, **self.values()
        )
        with self.output:
            self.output.clear_output(wait=True)
            display(HTML(self.html))

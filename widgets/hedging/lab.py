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

from chipcontrols import hedging
from widgets.core.lab import Lab, lab_or_static, sliders_for

#: Beijing's parameters the lab offers as sliders (V, the normaliser, stays at 1).
LAB_SLIDERS = tuple(name for name in hedging.CHINA_INPUTS if name != "value_scale")
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
    table = hedging.calibration_table(observed_share, **values)
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
    table = hedging.what_changes(parameter, observed_share, **values)
    result = hedging.calibrate(parameter, observed_share, **values)
    label = html.escape(hedging.PARAMETERS[parameter].label.lower())
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
    return lab_or_static("Calibration lab", lab_html, CalibrationLab)


class CalibrationLab(Lab):
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
        self.sliders = sliders_for(hedging.PARAMETERS[name] for name in LAB_SLIDERS)
        self.sliders |= sliders_for([hedging.PARAMETERS["observed_share"]])
        self.unknown = ipywidgets.Dropdown(
            options=[(hedging.PARAMETERS[name].label, name) for name in hedging.CALIBRATABLE],
            value=DEFAULT_UNKNOWN,
            description="Solve for",
            style={"description_width": "initial"},
        )
        super().__init__(
            {**self.sliders, "parameter": self.unknown},
            arrangement=[
                self.sliders["observed_share"],
                self.unknown,
                *(self.sliders[name] for name in LAB_SLIDERS),
            ],
        )

    def values(self) -> dict[str, object]:
        """The keywords of :func:`lab_html`: the unknown, the observed share and the rest."""
        chosen = super().values()
        parameter = chosen.pop("parameter")
        chosen.pop(parameter)
        return {"parameter": parameter, **chosen}

    def redraw(self, _change=None) -> None:
        """Disable the unknown's slider, then recompute and show the result."""
        for name in LAB_SLIDERS:
            self.sliders[name].disabled = name == self.unknown.value
        super().redraw(_change)

    def render(self, parameter: str, observed_share: float, **values: float) -> str:
        """The single-parameter calibrations and what changes when ``parameter`` is calibrated."""
        return lab_html(parameter, observed_share, **values)

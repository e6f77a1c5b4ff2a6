"""The live ledger lab (ipywidgets) and its static stand-in for the website."""

from __future__ import annotations

import html
import math

import ipywidgets
import pandas as pd

from chipcontrols import ledger
from chipcontrols.ledger.figures import h100_equivalence
from widgets.core.lab import Lab, lab_or_static, sliders_for

#: Column headings of the lab's scenario table, by column of :func:`chipcontrols.ledger.model.scenarios`.
SCENARIO_HEADINGS = {
    "volume": "Exports (million H200)",
    "treasury_revenue": "US Treasury ($bn)",
    "nvidia_revenue": "Nvidia ($bn)",
    "china_compute_added": "China's compute added (million H100e)",
    "ratio": "US:China ratio (×)",
}


def scenario_table(volumes=None, **values: float) -> pd.DataFrame:
    """The lab's scenario table (default volumes: :func:`chipcontrols.ledger.model.scenario_volumes`)."""
    return ledger.scenarios(volumes, **values).rename(columns=SCENARIO_HEADINGS)


def _closed_form_html(target_ratio: float, values: dict[str, float]) -> str:
    results = ledger.closed_form_results(target_ratio=target_ratio, **values)
    exported = ledger.ledger(**values)
    sigma = (
        "not defined with no exports"
        if exported.volume == 0
        else f"${results.break_even_valuation:.2f} bn per log-unit of China's compute "
        f"(${results.break_even_valuation * math.log(2):.2f} bn per doubling)"
    )
    items = [
        f"Binding limit: <strong>{html.escape(exported.binding_text)}</strong>, "
        f"{exported.volume:.2f} million chips.",
        f"Q* for a target of {results.target_ratio:g}×: <strong>"
        f"{results.volume_for_target:.2f} million chips</strong>.",
        f"∂ρ/∂Q at the ledger's volume: {results.marginal_ratio:.1f} ratio points per million "
        "chips.",
        f"Break-even valuation σ* at that volume: {sigma}.",
    ]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ledger_lab_html(target_ratio: float = ledger.TARGET_RATIO.default, **values: float) -> str:
    """The lab's output as HTML: the closed-form results and the scenario table."""
    table = scenario_table(**values).to_html(
        index=False, float_format=lambda x: f"{x:,.2f}", classes="table", border=0
    )
    return (
        f'<div class="h200-lab-output">{_closed_form_html(target_ratio, values)}'
        f'<div class="h200-table">{table}</div></div>'
    )


def ledger_lab():
    """Live lab: every ledger parameter as a slider, the target ratio, the H100e switch.

    Shows the sympy results (binding limit, Q*, ∂ρ/∂Q, σ*) and a scenario table over several
    volumes.  On the static site it returns the default state.
    """
    return lab_or_static("H200 ledger lab", ledger_lab_html, LedgerLab)


class LedgerLab(Lab):
    """Sliders for the ledger; recomputes the results and scenario table on every change.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        One per declared input (and the target ratio), by parameter name.
    basis : ipywidgets.ToggleButtons
        Counts an H200 in H100-equivalents by arithmetic or by memory bandwidth.
    html : str
        The output currently shown.
    """

    def __init__(self) -> None:
        declared = ledger.PARAMETERS["h100e_per_chip"]
        self.sliders = sliders_for(p for name, p in ledger.INPUTS.items() if name != declared.name)
        self.sliders |= sliders_for([ledger.TARGET_RATIO])
        self.basis = ipywidgets.ToggleButtons(
            options=[
                (f"{basis} ({value:.2f})", value) for basis, value in h100_equivalence().items()
            ],
            description=declared.label,
            style={"description_width": "initial"},
        )
        super().__init__({**self.sliders, declared.name: self.basis})

    def render(self, target_ratio: float, **values: float) -> str:
        """The closed-form results and the scenario table for the ledger's inputs."""
        return ledger_lab_html(target_ratio, **values)

"""The live ledger lab (ipywidgets) and its static stand-in for the website."""

from __future__ import annotations

import html

import ipywidgets
import pandas as pd
from IPython.display import HTML, display

from chipcontrols import ledger as model
from chipcontrols.ledger.figures import h100_equivalence
from widgets.core.display import RUN_LIVE_NOTE, HtmlBlock, StaticLabView, building_static_site
from widgets.core.sliders import ipywidgets_slider

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
    return model.scenarios(volumes, **values).rename(columns=SCENARIO_HEADINGS)


def _closed_form_html(target_ratio: float, values: dict[str, float]) -> str:
    results = model.closed_form_results(target_ratio=target_ratio, **values)
    exported = model.ledger(**values)
    sigma = (
        "not defined with no exports"
        if exported.volume == 0
        else f"${results.break_even_valuation:.2f} bn per log-unit of China's compute"
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


def ledger_lab_html(target_ratio: float = model.TARGET_RATIO.default, **values: float) -> str:
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
    if building_static_site():
        return StaticLabView("H200 ledger lab", HtmlBlock(ledger_lab_html()), RUN_LIVE_NOTE)
    return LedgerLab()


class LedgerLab(ipywidgets.VBox):
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
        bases = h100_equivalence()
        declared = model.PARAMETERS["h100e_per_chip"]
        self.sliders = {
            name: ipywidgets_slider(p) for name, p in model.INPUTS.items() if name != declared.name
        }
        self.sliders[model.TARGET_RATIO.name] = ipywidgets_slider(model.TARGET_RATIO)
        self.basis = ipywidgets.ToggleButtons(
            options=[(f"{basis} ({value:.2f})", value) for basis, value in bases.items()],
            description=declared.label,
            style={"description_width": "initial"},
        )
        self.output = ipywidgets.Output()
        super().__init__([*self.sliders.values(), self.basis, self.output])
        for control in (*self.sliders.values(), self.basis):
            control.observe(self.redraw, names="value")
        self.redraw()

    def values(self) -> dict[str, float]:
        """Current values of the ledger's inputs, by name (without the target ratio)."""
        chosen = {
            name: s.value for name, s in self.sliders.items() if name != model.TARGET_RATIO.name
        }
        return {**chosen, "h100e_per_chip": self.basis.value}

    def redraw(self, _change=None) -> None:
        """Recompute from the model and show the result."""
        self.html = ledger_lab_html(self.sliders[model.TARGET_RATIO.name].value, **self.values())
        with self.output:
            self.output.clear_output(wait=True)
            display(HTML(self.html))

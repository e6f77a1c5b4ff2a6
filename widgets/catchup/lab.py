"""The live yield-learning lab (ipywidgets) and its static stand-in for the website.

The lab fits the defect learning exponent to two reported yields
(:func:`chipcontrols.catchup.learning.fit`), projects yield and cost per good die along the
learning curve, and converts output multiples into years at a chosen output growth.  Every
number comes from the model; the sliders are generated from the declarations.
"""

from __future__ import annotations

import html
import math

import ipywidgets
import pandas as pd

from chipcontrols import catchup
from widgets.core.lab import Lab, lab_or_static, sliders_for

#: The cumulative-output multiples (beyond the later report) the scenario table shows.
SCENARIO_MULTIPLES = (1.0, 2.0, 4.0, 8.0, 16.0)
#: The lab's sliders: the two yields and the output between them, the die and the wafer,
#: the clustering of the negative-binomial model and the output growth that sets the years.
LEARNING_SLIDERS = ("yield_earlier", "yield_later", "output_multiple_observed", "yield_target")
COST_SLIDERS = ("chip_die_area_mm2", "wafer_cost_usd", "defect_clustering")
GROWTH_SLIDER = "huawei_output_growth"
HEADINGS = {
    "multiple": "Output (× early 2025)",
    "years": "Years",
    "yield": "Yield",
    "defect_density": "Defects per cm²",
    "cost_usd": "Good die ($)",
    "cost_multiple": "Cost (× early 2025)",
}


def _declared(name: str):
    for module in (catchup.learning, catchup.yields, catchup.cost):
        if name in module.PARAMETERS:
            return module.PARAMETERS[name]
    raise KeyError(name)


def defaults() -> dict[str, float]:
    """The lab's inputs at their declared defaults."""
    names = LEARNING_SLIDERS + COST_SLIDERS + (GROWTH_SLIDER,)
    return {name: float(_declared(name).default) for name in names}


def scenario_table(
    model: str = "Poisson", multiples=SCENARIO_MULTIPLES, **values: float
) -> pd.DataFrame:
    """Yield, defect density and cost per good die along the fitted learning curve.

    Parameters
    ----------
    model : str
        Yield model used to read the reported yields and to project.
    multiples : sequence of float
        Cumulative output, as multiples of its level at the later report (each ≥ 1).
    **values : float
        The lab's inputs (:func:`defaults` for the names); the rest take their defaults.

    Returns
    -------
    pandas.DataFrame
        One row per multiple, columns as in :data:`HEADINGS` (years is the time to reach the
        multiple at ``huawei_output_growth``; infinite when growth is zero).
    """
    chosen = {**defaults(), **values}
    curve = catchup.learning.fit(
        chosen["yield_earlier"],
        chosen["yield_later"],
        chosen["output_multiple_observed"],
        model,
        chosen["defect_clustering"],
    )
    die = {name: chosen[name] for name in COST_SLIDERS}
    growth = chosen[GROWTH_SLIDER]
    cost_now = catchup.yields.cost_at_yield(chosen["yield_later"], **die)
    rows = []
    for multiple in multiples:
        projected = curve.yield_at(multiple)
        rows.append(
            {
                "multiple": float(multiple),
                "years": (
                    catchup.learning.years_to_multiple(multiple, growth)
                    if growth > 0
                    else float("inf")
                ),
                "yield": projected,
                "defect_density": (
                    curve.defects_later
                    * multiple ** (-curve.exponent)
                    * catchup.yields.MM2_PER_CM2
                    / die["chip_die_area_mm2"]
                ),
                "cost_usd": cost_now * curve.cost_multiple_at(multiple),
                "cost_multiple": curve.cost_multiple_at(multiple),
            }
        )
    return pd.DataFrame(rows)


def lab_html(model: str = "Poisson", **values: float) -> str:
    """The lab's output as HTML: the fitted curve's figures and the scenario table."""
    chosen = {**defaults(), **values}
    curve = catchup.learning.fit(
        chosen["yield_earlier"],
        chosen["yield_later"],
        chosen["output_multiple_observed"],
        model,
        chosen["defect_clustering"],
    )
    target = chosen["yield_target"]
    if target > chosen["yield_later"]:
        multiple = curve.multiple_for_yield(target)
        growth = chosen[GROWTH_SLIDER]
        when = (
            f", {catchup.learning.years_to_multiple(multiple, growth):.1f} years with output "
            f"growing ×{math.exp(growth):.2f} a year"
            if growth > 0
            else ""
        )
        reach = (
            f"The {target:.0%} target is reached at <strong>{multiple:.2f}×</strong> the "
            f"early-2025 cumulative output{when}."
        )
    else:
        reach = f"The {target:.0%} target is already met by the later yield."
    items = [
        f"Yield model: <strong>{html.escape(model)}</strong>.",
        f"Learning exponent of the defect density: <strong>θ = {curve.exponent:.3f}</strong>; "
        f"each doubling of cumulative output removes {curve.decline_per_doubling:.0%} of the "
        "defects.",
        reach,
    ]
    table = scenario_table(model, **values).rename(columns=HEADINGS)
    formats = {
        HEADINGS["multiple"]: "{:.0f}×",
        HEADINGS["years"]: "{:.1f}",
        HEADINGS["yield"]: "{:.1%}",
        HEADINGS["defect_density"]: "{:.3f}",
        HEADINGS["cost_usd"]: "{:,.0f}",
        HEADINGS["cost_multiple"]: "{:.2f}×",
    }
    for column, pattern in formats.items():
        table[column] = table[column].map(pattern.format)
    body = table.to_html(index=False, classes="table", border=0)
    return (
        f'<div class="h200-lab-output"><ul>{"".join(f"<li>{i}</li>" for i in items)}</ul>'
        f'<div class="h200-table" tabindex="0" role="region" aria-label="Table: yield '
        f'and cost along the learning curve">{body}</div></div>'
    )


def learning_lab():
    """Live lab: fit the defect learning curve to two yields and project yield and cost.

    On the static site it returns the default state.
    """
    return lab_or_static("Yield-learning lab", lab_html, LearningLab)


class LearningLab(Lab):
    """Sliders and a yield-model choice; recomputes the fit and the scenario table on change.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        One per input, by parameter name.
    model : ipywidgets.ToggleButtons
        The yield model.
    html : str
        The output currently shown.
    """

    def __init__(self) -> None:
        names = LEARNING_SLIDERS + COST_SLIDERS + (GROWTH_SLIDER,)
        self.sliders = sliders_for(_declared(name) for name in names)
        self.model = ipywidgets.ToggleButtons(
            options=list(catchup.yields.YIELD_MODEL_NAMES),
            value="Poisson",
            description="Yield model",
        )
        super().__init__({"model": self.model, **self.sliders})

    def render(self, model: str, **values: float) -> str:
        """The fitted curve's figures and the scenario table under the chosen yield model."""
        return lab_html(model, **values)

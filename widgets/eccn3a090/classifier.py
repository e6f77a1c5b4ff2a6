"""Views of the ECCN 3A090 classifier: the chip map (static site) and the live lab."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from chipcontrols.core.data import load_chips
from chipcontrols.eccn3a090 import (
    CLASS_CODE_FORMS,
    DENSITY_FORM,
    DIE_AREA,
    HYPOTHETICAL_CHIP_PARAMETERS,
    OCTOBER_2023,
    TPP,
    RuleVersion,
    classify_chips,
    classify_hypothetical_chip,
    performance_density,
)
from widgets.core import palette
from widgets.core.bars import vega_strings
from widgets.core.display import Figure
from widgets.core.lab import Lab, lab_or_static, sliders_for
from widgets.core.sliders import altair_param

#: Axis windows: TPP spans the hypothetical-chip slider; density spans today's chips.
TPP_WINDOW = (TPP.minimum, TPP.maximum)
DENSITY_WINDOW = (0.5, 100.0)
#: Both axes are log scales fixed to the windows above, in every layer.
X_SCALE = alt.Scale(type="log", domain=list(TPP_WINDOW), nice=False)
Y_SCALE = alt.Scale(type="log", domain=list(DENSITY_WINDOW), nice=False)


def _region_layer(rule: RuleVersion) -> alt.Chart:
    labels = list(reversed(rule.labels))
    cells = pd.DataFrame(rule.regions(TPP_WINDOW, DENSITY_WINDOW))
    return (
        alt.Chart(cells)
        .mark_rect(opacity=0.85, clip=True)
        .encode(
            x=alt.X(
                "tpp_low:Q",
                scale=X_SCALE,
                title="Total processing performance, TPP (bit-TOPS, log scale)",
            ),
            x2="tpp_high:Q",
            y=alt.Y(
                "density_low:Q",
                scale=Y_SCALE,
                title="Performance density (TPP per mm², log scale)",
            ),
            y2="density_high:Q",
            color=alt.Color(
                "label:N",
                title=f"Class under the {rule.name} rule",
                scale=alt.Scale(domain=labels, range=palette.label_colours(rule, labels)),
            ),
            tooltip=[alt.Tooltip("label:N", title="Region")],
        )
    )


#: Columns of a classified chips table that the chip map shows.
CHIP_COLUMNS = ["chip", "vendor", "tpp", "density", "eccn_class", "confidence", "source_title"]


def short_chip_name(name: str) -> str:
    """Chip name without form factor and memory, for labels: ``"H100 SXM5 80GB"`` → ``"H100"``."""
    return re.split(r" SXM| \(| PCIe| HGX| \d+GB", name)[0]


def _chip_layers(placed: pd.DataFrame) -> list[alt.Chart]:
    base = alt.Chart(placed[CHIP_COLUMNS]).encode(
        x=alt.X("tpp:Q", scale=X_SCALE),
        y=alt.Y("density:Q", scale=Y_SCALE),
        tooltip=[
            alt.Tooltip("chip:N", title="Chip"),
            alt.Tooltip("vendor:N", title="Vendor"),
            alt.Tooltip("tpp:Q", title="TPP", format=",.0f"),
            alt.Tooltip("density:Q", title="Density (TPP/mm²)", format=".2f"),
            alt.Tooltip("eccn_class:N", title="Class"),
            alt.Tooltip("confidence:N", title="Data confidence"),
            alt.Tooltip("source_title:N", title="Source"),
        ],
    )
    points = base.mark_point(
        filled=True, size=70, stroke=palette.BACKGROUND, strokeWidth=0.8, clip=True
    ).encode(
        shape=alt.Shape("vendor:N", title="Vendor"),
        fill=alt.Fill("vendor:N", title="Vendor", scale=alt.Scale(scheme=palette.VENDOR_SCHEME)),
    )
    # Chips at the same point (H100, H800, H200) share one label.
    short_names = placed.assign(chip=placed["chip"].map(short_chip_name))
    shared = short_names.groupby(["tpp", "density"], as_index=False)["chip"].agg(
        lambda names: " / ".join(names)
    )
    labels = (
        alt.Chart(shared)
        .mark_text(
            align="left", dx=6, dy=-6, fontSize=10, color=palette.POINT_LABEL_INK, clip=True
        )
        .encode(
            x=alt.X("tpp:Q", scale=X_SCALE), y=alt.Y("density:Q", scale=Y_SCALE), text="chip:N"
        )
    )
    return [points, labels]


def _hypothetical_layers(rule: RuleVersion) -> tuple[list[alt.Parameter], list[alt.Chart]]:
    params = [altair_param(p) for p in HYPOTHETICAL_CHIP_PARAMETERS]
    class_code = CLASS_CODE_FORMS[rule.name].vega({"tpp": "datum.tpp", "density": "datum.density"})
    point = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            tpp=TPP.name,
            density=DENSITY_FORM.vega(),
        )
        .transform_calculate(
            eccn_class=f"{vega_strings(rule.labels)}[{class_code}]",
        )
        .transform_calculate(
            readout="'Hypothetical chip: TPP ' + format(datum.tpp, ',.0f') + ',\\ndensity ' "
            "+ format(datum.density, '.2f') + ' → ' + datum.eccn_class",
        )
    )
    marker = (
        point.mark_point(
            shape="diamond", size=220, filled=True, color=palette.HYPOTHETICAL_CHIP, clip=True
        )
        .encode(
            x=alt.X("tpp:Q", scale=X_SCALE),
            y=alt.Y("density:Q", scale=Y_SCALE),
            tooltip=[alt.Tooltip("readout:N", title="Hypothetical chip")],
        )
        .add_params(*params)
    )
    readout = point.mark_text(
        align="left", baseline="top", fontSize=13, fontWeight="bold", lineBreak="\n"
    ).encode(x=alt.value(8), y=alt.value(8), text="readout:N")
    return params, [marker, readout]


def classifier_chart(
    chips: pd.DataFrame | None = None, rule: RuleVersion = OCTOBER_2023, hypothetical: bool = True
) -> Figure:
    """The chip map: TPP against performance density, control regions shaded.

    Parameters
    ----------
    chips : pandas.DataFrame, optional
        The chips table; loaded from ``data/chips.csv`` if not given.
    rule : RuleVersion
        Rule version whose classes are shaded and applied.
    hypothetical : bool
        Add the hypothetical chip, with sliders computed in the browser.

    Returns
    -------
    Figure
        The chart with its description and a note naming chips that cannot be placed.
    """
    placed, not_placed = split_by_placement(load_chips() if chips is None else chips, rule)
    layers = [_region_layer(rule), *_chip_layers(placed)]
    if hypothetical:
        _, hypothetical_layers = _hypothetical_layers(rule)
        layers += hypothetical_layers
    chart = (
        alt.layer(*layers)
        .properties(width=palette.CHIP_MAP_WIDTH, height=palette.CHIP_MAP_HEIGHT)
        .resolve_scale(color="independent")
        .configure_legend(orient="bottom", direction="horizontal", columns=3)
    )
    description = (
        f"Scatter plot of {len(placed)} AI accelerators by total processing performance (x, log "
        f"scale) and performance density (y, log scale), over the regions that the {rule.name} "
        "version of ECCN 3A090 assigns to 3A090.a, 3A090.b and not controlled."
    )
    if hypothetical:
        description += (
            " A black diamond marks a hypothetical chip whose TPP and die area are set "
            "with the sliders; its class is computed in the browser."
        )
    footnote = _not_placed_note(not_placed)
    return Figure(chart, description, footnote)


def split_by_placement(
    chips: pd.DataFrame, rule: RuleVersion
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Classify the chips, then split them into those with a point on the map and the rest."""
    classified = classify_chips(chips, rule)
    has_point = classified["tpp"].notna() & classified["density"].notna()
    return classified[has_point], classified[~has_point]


def _not_placed_note(not_placed: pd.DataFrame) -> str:
    if not_placed.empty:
        return ""
    parts = []
    for row in not_placed.itertuples():
        if pd.isna(row.tpp):
            parts.append(f"{row.chip} (throughput not published)")
        else:
            parts.append(f"{row.chip} (TPP {row.tpp:,.0f}, die area unknown: {row.eccn_class})")
    return "Not plotted for lack of data: " + "; ".join(parts) + "."


def classifier_lab(chips: pd.DataFrame | None = None, rule: RuleVersion = OCTOBER_2023):
    """Live lab: sliders for a hypothetical chip, its class, and the chip map.

    On the static site this returns a :class:`~widgets.core.display.StaticLabView` showing
    the default state.
    """
    chips = load_chips() if chips is None else chips

    def default_state() -> Figure:
        placed, _ = split_by_placement(chips, rule)
        return classifier_lab_view(placed, TPP.default, DIE_AREA.default, rule)

    return lab_or_static("3A090 classifier lab", default_state, lambda: ClassifierLab(chips, rule))


class ClassifierLab(Lab):
    """Sliders for a hypothetical chip over the chip map; redraws from the model on change.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        The hypothetical chip's TPP and die area, by parameter name (also ``tpp_slider`` and
        ``area_slider``).
    figure : Figure
        The view currently shown (its ``description`` states the chip's class).
    """

    def __init__(self, chips: pd.DataFrame, rule: RuleVersion = OCTOBER_2023) -> None:
        self.rule = rule
        self.placed, _ = split_by_placement(chips, rule)  # once, not on every slider move
        self.sliders = sliders_for(HYPOTHETICAL_CHIP_PARAMETERS)
        self.tpp_slider, self.area_slider = self.sliders[TPP.name], self.sliders[DIE_AREA.name]
        super().__init__(self.sliders)

    @property
    def figure(self) -> Figure | None:
        """The chip map currently shown (None while the output is an error message)."""
        return next((part for part in self.shown if isinstance(part, Figure)), None)

    def render(self, tpp: float, die_area: float) -> Figure:
        """The chip map with the hypothetical chip at the sliders' TPP and die area (mm²)."""
        return classifier_lab_view(self.placed, tpp, die_area, self.rule)


def classifier_lab_view(
    placed: pd.DataFrame, tpp_value: float, die_area_mm2: float, rule: RuleVersion = OCTOBER_2023
) -> Figure:
    """The lab's output for one hypothetical chip: the chip map with the chip and its class.

    ``placed`` is the first part of :func:`split_by_placement` for the same rule.
    """
    label = classify_hypothetical_chip(tpp_value, die_area_mm2, rule)
    chip_density = performance_density(tpp_value, die_area_mm2)
    hypothetical = pd.DataFrame(
        [
            {
                "tpp": tpp_value,
                "density": chip_density,
                "readout": f"Hypothetical chip: TPP {tpp_value:,.0f},\ndensity "
                f"{chip_density:.2f} → {label}",
            }
        ]
    )
    marker = (
        alt.Chart(hypothetical)
        .mark_point(
            shape="diamond", size=220, filled=True, color=palette.HYPOTHETICAL_CHIP, clip=True
        )
        .encode(x=alt.X("tpp:Q", scale=X_SCALE), y=alt.Y("density:Q", scale=Y_SCALE))
    )
    readout = (
        alt.Chart(hypothetical)
        .mark_text(align="left", baseline="top", fontSize=13, fontWeight="bold", lineBreak="\n")
        .encode(x=alt.value(8), y=alt.value(8), text="readout:N")
    )
    chart = (
        alt.layer(_region_layer(rule), *_chip_layers(placed), marker, readout)
        .properties(width=palette.CHIP_MAP_WIDTH, height=palette.CHIP_MAP_HEIGHT)
        .resolve_scale(color="independent")
        .configure_legend(orient="bottom", direction="horizontal", columns=3)
    )
    description = (
        f"A hypothetical chip with TPP {tpp_value:,.0f} and die area "
        f"{die_area_mm2:,.0f} mm² has performance density {chip_density:.2f} and is "
        f"classed {label} under the {rule.name} rule."
    )
    return Figure(chart, description)

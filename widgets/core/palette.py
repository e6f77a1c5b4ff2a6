"""Colours and sizes of the book's charts, in one place.

Colours are named and keyed by what they mean (a treatment, a holder, a yield model, a firm),
never by hue, label text or position; two meanings may share a hue.  Sizes are design sizes
in px: the static site scales every drawn chart to the width of the text column.

Examples
--------
>>> CHART_WIDTH, PLOT_HEIGHT, READOUT_HEIGHT
(460, 260, 36)
>>> TOOLMAKER_COLOURS["Tokyo Electron"] == HOLDER_COLOURS["Japan"]
True
>>> list(YIELD_MODEL_COLOURS) == list(YIELD_MODEL_NAMES)
True
"""

from __future__ import annotations

from chipcontrols.catchup.yields import YIELD_MODEL_NAMES
from chipcontrols.coalition import CONTROL_DOMINANT, COORDINATION, HOLDER_GROUPS, SELL_DOMINANT
from chipcontrols.eccn3a090 import RuleVersion, Treatment

# --- Sizes (px) ------------------------------------------------------------------------------

#: Design width of a chart's plot.
CHART_WIDTH = 460
#: Height of a plot of lines over one horizontal axis.
PLOT_HEIGHT = 260
#: Height of a plot that carries more: labelled events, several series, marked reference points.
TALL_PLOT_HEIGHT = 320
#: Height of a panel of two bars (:func:`widgets.core.bars.expression_bars`).
BAR_PAIR_HEIGHT = 70
#: Height of a readout strip of one or two lines (:func:`widgets.core.readout.readout_strip`).
READOUT_HEIGHT = 36
#: Height of a readout strip of three lines.
THREE_LINE_READOUT_HEIGHT = 50
#: The 3A090 chip map: two log axes and their long titles need more room than a plot.
CHIP_MAP_WIDTH, CHIP_MAP_HEIGHT = 520, 380

# --- Colours shared by every chapter ---------------------------------------------------------

#: What an exporter to China faces: darker is stricter.
TREATMENT_COLOURS = {
    Treatment.DENIAL: "#b03a2e",
    Treatment.LICENSE: "#e8a39b",
    Treatment.CASE_BY_CASE: "#f0b27a",
    Treatment.GREY_ZONE: "#f6d58e",
    Treatment.NOT_CONTROLLED: "#e6eef5",
    Treatment.UNDETERMINED: "#d5d8dc",
}
#: A limit that binds, and one with room to spare.
BINDING, NOT_BINDING = "#c0392b", "#9aa7b4"
#: Who receives the money (Nvidia keeps its colour wherever it appears).
TREASURY, NVIDIA = "#2c6e9b", "#76b041"
#: China's side: Beijing's choices and Huawei's chips.
CHINA = "#b03a2e"
#: China's expected loss, beside Beijing's and Washington's lines.
CHINA_LOSS = "#7d5ba6"
#: Lines and marks with no category.
INK = "#333333"
#: Text beside the points of the chip map (:data:`INK`, in the short form its spec has always had).
POINT_LABEL_INK = "#333"
#: Annotations over a plot: labels of regions and contours, the rule where a shock starts.
ANNOTATION_INK = "#555555"
#: Guides: contour lines and the diagonal of a cobweb plot.
GUIDE = "#8a8a8a"
#: Dated events over a time axis: their rules and their labels.
EVENT_RULE, EVENT_LABEL_INK = "#999999", "#444444"
#: The page behind a chart: outlines that separate marks, the fill of a hollow marker.
BACKGROUND = "white"

# --- Colours of one chapter ------------------------------------------------------------------

#: The 3A090 chip map: chips by vendor (a Vega scheme), and the reader's hypothetical chip.
VENDOR_SCHEME, HYPOTHETICAL_CHIP = "dark2", "black"
#: The timeline of control events, by kind of event (a Vega scheme).
EVENT_KIND_SCHEME = "tableau10"
#: Chapter 2: chip imports, and domestic output with and without tool controls.
CHIP_IMPORTS, WITH_TOOL_CONTROLS, WITHOUT_TOOL_CONTROLS = INK, "#2c6e9b", "#c0392b"
#: Chapter 2's servicing-ban shock: output without the ban, and with it.
NO_SERVICING_BAN, SERVICING_BAN = WITH_TOOL_CONTROLS, WITHOUT_TOOL_CONTROLS
#: A control event that tightens the rules, and one that loosens them.
TIGHTENING, LOOSENING = "#b03a2e", "#2c6e9b"
#: Chapter 3: one colour per named holder (colour-blind-safe Tableau hues).
HOLDER_COLOURS = dict(
    zip(HOLDER_GROUPS, ("#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#b07aa1"), strict=True)
)
#: Chapter 3: the toolmakers of the allied record, each national champion in its holder's
#: colour, the other US toolmakers in hues of their own.
TOOLMAKER_COLOURS = {
    "ASML": HOLDER_COLOURS["Netherlands"],
    "Tokyo Electron": HOLDER_COLOURS["Japan"],
    "Applied Materials": HOLDER_COLOURS["US toolmakers"],
    "Lam Research": "#76b7b2",
    "KLA": "#9c755f",
}
#: Chapter 3: the regions of the stag-hunt map.
STAGHUNT_REGION_COLOURS = {
    CONTROL_DOMINANT: "#cfe8cf",
    COORDINATION: "#f4f1de",
    SELL_DOMINANT: "#f6cfcb",
}
#: Chapter 4: one colour per yield model.
YIELD_MODEL_COLOURS = dict(zip(YIELD_MODEL_NAMES, ("#1f5f8b", "#d98324", "#5a9e4b"), strict=True))
#: Chapter 4: Huawei's lines in the catch-up race.
HUAWEI = CHINA


def label_colours(rule: RuleVersion, labels: list[str] | tuple[str, ...]) -> list[str]:
    """The colour of each class label of ``rule``, through the treatment the label stands for."""
    return [TREATMENT_COLOURS[rule.treatment_of(label)] for label in labels]

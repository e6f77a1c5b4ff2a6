"""Colours of the book's charts, keyed by what they mean (never by label text or position)."""

from __future__ import annotations

from chipcontrols.eccn3a090 import RuleVersion, Treatment

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
#: Who receives the money.
TREASURY, NVIDIA = "#2c6e9b", "#76b041"
#: Lines and marks with no category.
INK = "#333333"


def label_colours(rule: RuleVersion, labels: list[str] | tuple[str, ...]) -> list[str]:
    """The colour of each class label of ``rule``, through the treatment the label stands for."""
    return [TREATMENT_COLOURS[rule.treatment_of(label)] for label in labels]

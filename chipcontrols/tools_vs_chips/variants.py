"""Per-student variants for the chapter-2 assignment, derived from the student id.

Each student gets a fab-and-memory scenario (for the HBM at which the wafers bind) and a race
(imports, domestic output and two growth rates, for the crossover year and T*), drawn with
:func:`chipcontrols.core.variants.between` from the SHA-256 digest of the id, so the
notebook and the autograder agree on any machine.  Values lie inside the declared ranges of
the parameters they set and are rounded to the slider steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from chipcontrols import tools_vs_chips
from chipcontrols.core.variants import between

__all__ = ["Chapter2Variant", "chapter2_variant"]

#: The model's name, which salts every draw with the label of what it is for.
MODEL = "tools_vs_chips"
#: The ranges variants are drawn from: realistic parts of the declared ranges (low, high, step).
FAB_RANGES = {
    "wafer_starts": (30.0, 120.0, 1.0),
    "ai_wafer_share": (0.05, 0.3, 0.01),
    "ascend_die_area": (450.0, 800.0, 1.0),
    "ascend_yield": (0.2, 0.7, 0.01),
    "dies_per_package": (1.0, 2.0, 1.0),
    "hbm_per_package": (4.0, 10.0, 1.0),
}
RACE_RANGES = {
    "chip_imports": (0.3, 3.0, 0.01),
    "domestic_output": (0.05, 0.25, 0.005),
    "growth_with_controls": (0.05, 0.4, 0.01),
}
#: Growth without controls is at least this much faster than with them, so T* exists.
LEAST_GROWTH_GAP, MOST_GROWTH_GAP = 0.1, 0.8


def _between(student_id: str, label: str, low: float, high: float, step: float) -> float:
    value = between(student_id, MODEL, label, low, high, step)
    return (
        tools_vs_chips.PARAMETERS[label].check(value)
        if label in tools_vs_chips.PARAMETERS
        else value
    )


@dataclass(frozen=True)
class Chapter2Variant:
    """One student's scenarios for the chapter-2 assignment.

    Attributes
    ----------
    student_id : str
        The id (stripped of surrounding spaces).
    fab : dict
        Wafer-side and memory parameters of :mod:`chipcontrols.tools_vs_chips.model` (the others at
        their defaults).
    race : dict
        ``chip_imports`` and ``domestic_output`` (million H100e a year) and the two growth
        rates (per year); growth without controls is the faster.
    """

    student_id: str
    fab: dict
    race: dict

    def __str__(self) -> str:
        fab = ", ".join(f"{name} = {value:g}" for name, value in self.fab.items())
        race = ", ".join(f"{name} = {value:g}" for name, value in self.race.items())
        return (
            f"Your fab and memory (other parameters at their defaults): {fab}.\nYour race: {race}."
        )


def chapter2_variant(student_id: str) -> Chapter2Variant:
    """The chapter-2 variant of one student.

    Raises
    ------
    ValueError
        If ``student_id`` is not a non-empty string.

    Examples
    --------
    >>> v = chapter2_variant("s1234567")
    >>> v == chapter2_variant(" s1234567 "), v == chapter2_variant("s7654321")
    (True, False)
    >>> v.race["growth_without_controls"] > v.race["growth_with_controls"]
    True
    """
    fab = {name: _between(student_id, name, *bounds) for name, bounds in FAB_RANGES.items()}
    race = {name: _between(student_id, name, *bounds) for name, bounds in RACE_RANGES.items()}
    gap = _between(student_id, "growth-gap", LEAST_GROWTH_GAP, MOST_GROWTH_GAP, 0.01)
    race["growth_without_controls"] = tools_vs_chips.PARAMETERS["growth_without_controls"].check(
        round(race["growth_with_controls"] + gap, 10)
    )
    return Chapter2Variant(student_id.strip(), fab, race)

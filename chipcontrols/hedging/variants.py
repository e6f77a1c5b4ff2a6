"""Per-student variants for the chapter-5 assignment, derived from the student id.

Each student gets their own observed share, cut-off probability, levy world and erosion rate,
drawn inside the declared ranges of :mod:`chipcontrols.hedging` with
:func:`chipcontrols.core.variants.between` (SHA-256 of the id, so the student's notebook
and the autograder agree on every machine).  Values are rounded to a slider's step.
"""

from __future__ import annotations

from dataclasses import dataclass

from chipcontrols import hedging
from chipcontrols.core.variants import between

__all__ = ["Chapter5Variant", "chapter5_variant"]

#: The model's name, which salts every draw with the label of what it is for.
MODEL = "hedging"
#: Inside which part of each declared range a variant is drawn (so every answer is interior).
#: With the levy passed on (a = a0 − χτ at the declared levy), the calibrated β stays positive
#: (observed share at most 0.4) and the exit date stays in the future (a0 at least 1.7, χ at most 1).
RANGES = {
    "observed_share": (0.1, 0.4, 0.01),
    "cutoff_probability": (0.2, 0.6, 0.01),
    "base_advantage": (1.7, 2.5, 0.05),
    "pass_through": (0.4, 1.0, 0.05),
    "domestic_value": (0.1, 0.3, 0.01),
    "advantage_erosion_rate": (0.2, 0.9, 0.05),
    "us_share_cap": (0.15, 0.5, 0.05),
}


def _between(student_id: str, name: str) -> float:
    return hedging.PARAMETERS[name].check(between(student_id, MODEL, name, *RANGES[name]))


@dataclass(frozen=True)
class Chapter5Variant:
    """One student's numbers for the chapter-5 assignment (shares are fractions of spending)."""

    student_id: str
    values: dict

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def __str__(self) -> str:
        shown = ", ".join(f"{name} = {value:g}" for name, value in self.values.items())
        return f"Your numbers (other parameters at their defaults): {shown}."


def chapter5_variant(student_id: str) -> Chapter5Variant:
    """The chapter-5 variant of one student.

    Examples
    --------
    >>> v = chapter5_variant("s1234567")
    >>> v == chapter5_variant(" s1234567 "), v == chapter5_variant("s7654321")
    (True, False)
    >>> 0.1 <= v["observed_share"] <= 0.4
    True
    """
    values = {name: _between(student_id, name) for name in RANGES}  # refuses a bad id first
    return Chapter5Variant(student_id.strip(), values)

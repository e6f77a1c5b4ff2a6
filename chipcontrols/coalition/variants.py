"""Per-student variants for the chapter-3 assignment: a holder, uniform thresholds, a cascade.

Each student gets a holder (China share of revenue, security value, retained share), a uniform
threshold distribution with an interior tipping point, and a normal-threshold cascade, all
derived from the SHA-256 digest of the student id (:func:`chipcontrols.core.variants.between`),
so the notebook and the autograder agree on every machine.  Values lie inside the declared
ranges of the parameters they stand for, on the grid a scenario would state.
"""

from __future__ import annotations

from dataclasses import dataclass

from chipcontrols.coalition import cascade, staghunt
from chipcontrols.core.variants import between

__all__ = ["Chapter3Variant", "chapter3_variant"]

#: The model's name, which salts every draw with the label of what it is for.
MODEL = "coalition"


@dataclass(frozen=True)
class Chapter3Variant:
    """One student's chapter-3 assignment.

    Attributes
    ----------
    student_id : str
        The id the variant was derived from (stripped of surrounding spaces).
    holder : dict
        ``restraint_cost``, ``security_value``, ``retained_share`` of the stag hunt.
    uniform : dict
        ``threshold_mean`` and ``threshold_half_width`` of uniform thresholds (w < μ, w < 1/2,
        so the tipping point lies inside (0, 1)).
    normal : dict
        ``threshold_mean``, ``threshold_spread`` and ``seed_share`` of a normal-threshold cascade.
    """

    student_id: str
    holder: dict
    uniform: dict
    normal: dict

    def __str__(self) -> str:
        def show(values: dict) -> str:
            return ", ".join(f"{name} = {value:g}" for name, value in values.items())

        return (
            f"Your holder: {show(self.holder)}.\nYour uniform thresholds: {show(self.uniform)}."
            f"\nYour cascade (normal thresholds): {show(self.normal)}."
        )


def chapter3_variant(student_id: str) -> Chapter3Variant:
    """The chapter-3 variant of one student.

    Examples
    --------
    >>> v = chapter3_variant("s1234567")
    >>> v == chapter3_variant(" s1234567 "), v == chapter3_variant("s7654321")
    (True, False)
    >>> v.uniform["threshold_half_width"] < v.uniform["threshold_mean"]
    True
    """
    holder = {
        "restraint_cost": between(student_id, MODEL, "r", 0.10, 0.50, 0.01),
        "security_value": between(student_id, MODEL, "S", 0.6, 1.5, 0.1),
        "retained_share": between(student_id, MODEL, "beta", 0.0, 0.30, 0.05),
    }
    mean = between(student_id, MODEL, "mu", 0.25, 0.5, 0.01)
    uniform = {
        "threshold_mean": mean,
        "threshold_half_width": between(student_id, MODEL, "w", 0.05, round(mean - 0.05, 2), 0.01),
    }
    normal = {
        "threshold_mean": between(student_id, MODEL, "normal-mu", 0.2, 0.45, 0.01),
        "threshold_spread": between(student_id, MODEL, "sigma", 0.04, 0.2, 0.01),
        "seed_share": between(student_id, MODEL, "seed", 0.05, 0.4, 0.01),
    }
    for name, value in holder.items():
        staghunt.PARAMETERS[name].check(value)
    for values in (uniform, normal):
        for name, value in values.items():
            cascade.PARAMETERS[name].check(value)
    return Chapter3Variant(student_id.strip(), holder, uniform, normal)

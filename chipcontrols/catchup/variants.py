"""Per-student variants for the chapter-4 assignment: each student's own die, yields and cluster.

Derived from the student id with :func:`chipcontrols.core.variants.between` (a SHA-256
digest, so the student's notebook and the autograder agree on any machine).  Every value lies
inside the declared range of the parameter it stands for and is rounded as a report would give
it.  The later yield is always above the earlier one, so a learning curve can be fitted.
"""

from __future__ import annotations

from dataclasses import dataclass

from chipcontrols.catchup import (
    cost,
    learning,
    reliability,
    yields,
)
from chipcontrols.core.variants import between

__all__ = ["Chapter4Variant", "chapter4_variant"]

#: The model's name, which salts every draw with the label of what it is for.
MODEL = "catchup"


@dataclass(frozen=True)
class Chapter4Variant:
    """One student's chapter-4 inputs.

    Attributes
    ----------
    student_id : str
        The id the variant was derived from (stripped of surrounding spaces).
    die_area_mm2 : float
        A die's area, mm².
    yield_earlier, yield_later : float
        Two reported yields of that die (shares), the later one higher.
    output_multiple_observed : float
        Growth of cumulative output between the two reports (×).
    learning_rate : float
        A learning rate per doubling of cumulative output.
    cluster_size : float
        Chips in one training job.
    failure_multiple : float
        How many times as often the job's chips fail as an H100.
    """

    student_id: str
    die_area_mm2: float
    yield_earlier: float
    yield_later: float
    output_multiple_observed: float
    learning_rate: float
    cluster_size: float
    failure_multiple: float

    def __str__(self) -> str:
        return (
            f"Your die: {self.die_area_mm2:g} mm², with reported yields of "
            f"{self.yield_earlier:.0%} and later {self.yield_later:.0%}, cumulative output "
            f"growing {self.output_multiple_observed:g}x in between.\n"
            f"Your learning rate: {self.learning_rate:.2f}. Your cluster: "
            f"{self.cluster_size:,.0f} chips failing {self.failure_multiple:g}x as often "
            "as H100s."
        )


def chapter4_variant(student_id: str) -> Chapter4Variant:
    """The chapter-4 variant of one student.

    Examples
    --------
    >>> v = chapter4_variant("s1234567")
    >>> v == chapter4_variant("s1234567"), v == chapter4_variant("s7654321")
    (True, False)
    >>> v.yield_later > v.yield_earlier
    True
    """
    area = yields.PARAMETERS["chip_die_area_mm2"]
    earlier = between(student_id, MODEL, "yield-earlier", 0.10, 0.30, 0.01)
    later = between(student_id, MODEL, "yield-later", earlier + 0.10, earlier + 0.35, 0.01)
    variant = Chapter4Variant(
        student_id=student_id.strip(),
        die_area_mm2=between(student_id, MODEL, "die", 300.0, area.maximum, 1.0),
        yield_earlier=earlier,
        yield_later=later,
        output_multiple_observed=between(student_id, MODEL, "output", 1.5, 4.0, 0.5),
        learning_rate=between(student_id, MODEL, "learning-rate", 0.10, 0.35, 0.01),
        cluster_size=between(student_id, MODEL, "cluster", 1024.0, 131_072.0, 1024.0),
        failure_multiple=between(student_id, MODEL, "failures", 1.5, 6.0, 0.5),
    )
    # Every value inside its declared range (a ValueError names any that is not).
    learning.PARAMETERS.check(
        {
            "yield_earlier": variant.yield_earlier,
            "yield_later": variant.yield_later,
            "output_multiple_observed": variant.output_multiple_observed,
        }
    )
    cost.PARAMETERS["learning_rate"].check(variant.learning_rate)
    reliability.PARAMETERS.check(
        {"cluster_size": variant.cluster_size, "ascend_failure_multiple": variant.failure_multiple}
    )
    area.check(variant.die_area_mm2)
    return variant

"""Per-student variants for chapter 1: a chip near the 3A090 lines and a ledger scenario.

Drawn with :func:`chipcontrols.core.variants.between`, inside the declared ranges of the
parameters they stand for and rounded to the precision a datasheet or a scenario would state.
"""

from __future__ import annotations

from dataclasses import dataclass

from chipcontrols import ledger
from chipcontrols.core.variants import between
from chipcontrols.eccn3a090.metrics import DIE_AREA

__all__ = ["ChipVariant", "Chapter1Variant", "chapter1_variant"]

#: The model's name, which salts every draw with the label of what it is for.
MODEL = "ledger"
#: The ledger parameters a chapter-1 variant sets; the others keep their defaults.
SCENARIO_PARAMETERS = ("demand", "supply", "cap_share", "us_volume", "approvals")
#: Scenario values are rounded to this many million chips (or this share, for cap_share).
SCENARIO_STEP = 0.05


@dataclass(frozen=True)
class ChipVariant:
    """A hypothetical accelerator's datasheet: dense throughput and logic-die area.

    Attributes
    ----------
    dense_fp16_tflops : float
        Dense FP16/BF16 throughput, TFLOPS.
    dense_8bit_tops : float
        Dense 8-bit throughput, TOPS.
    die_area_mm2 : float
        Logic-die area, mm².
    """

    dense_fp16_tflops: float
    dense_8bit_tops: float
    die_area_mm2: float


@dataclass(frozen=True)
class Chapter1Variant:
    """One student's chip and ledger scenario for the chapter-1 assignment.

    Attributes
    ----------
    student_id : str
        The id the variant was derived from (stripped of surrounding spaces).
    chip : ChipVariant
        The student's chip, placed near the 3A090 lines so that the class is not obvious.
    scenario : dict
        Ledger parameters (million chips; ``cap_share`` a share), inside their declared ranges.
    """

    student_id: str
    chip: ChipVariant
    scenario: dict

    def __str__(self) -> str:
        chip = self.chip
        scenario = ", ".join(f"{name} = {value:g}" for name, value in self.scenario.items())
        return (
            f"Your chip: {chip.dense_fp16_tflops:g} TFLOPS dense FP16, "
            f"{chip.dense_8bit_tops:g} TOPS dense 8-bit, die {chip.die_area_mm2:g} mm².\n"
            f"Your scenario (other parameters at their defaults): {scenario}."
        )


def chapter1_variant(student_id: str) -> Chapter1Variant:
    """The chapter-1 variant of one student: a chip near the 3A090 lines and a scenario.

    The chip's 8-bit throughput is set so that its TPP falls between 1,200 and 6,000, which
    spans every 3A090 line; its FP16 figure is a different share of that, so TPP is not
    always the 16-bit product; its die area spans the declared range's realistic part.

    Examples
    --------
    >>> v = chapter1_variant("s1234567")
    >>> v == chapter1_variant("s1234567"), v == chapter1_variant("s7654321")
    (True, False)
    >>> 1200 <= 8 * v.chip.dense_8bit_tops <= 6000
    True
    """
    tpp_8bit = between(student_id, MODEL, "tpp", 1_200, 6_000, 40)
    fp16_share = between(student_id, MODEL, "fp16-share", 0.6, 1.2, 0.05)
    chip = ChipVariant(
        dense_fp16_tflops=round(tpp_8bit * fp16_share / 16),
        dense_8bit_tops=tpp_8bit / 8,
        die_area_mm2=between(student_id, MODEL, "die", max(DIE_AREA.minimum, 300), 1_000, 10),
    )
    scenario = {}
    for name in SCENARIO_PARAMETERS:
        declared = ledger.model.PARAMETERS[name]
        scenario[name] = between(
            student_id,
            MODEL,
            name,
            declared.minimum + SCENARIO_STEP,
            declared.maximum,
            SCENARIO_STEP,
        )
    return Chapter1Variant(student_id.strip(), chip, scenario)

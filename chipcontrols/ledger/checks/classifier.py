"""Checks for the classifier: TPP and ECCN 3A090 class (exercise ex-ch1-tpp and the assignment).

:func:`check_tpp` checks a chip of ``data/chips.csv`` against
:func:`chipcontrols.eccn3a090.classify_chips`; :func:`check_hypothetical_chip` checks a chip given
by its datasheet (the chapter's exercise "Classify a chip from its datasheet" and the
assignment's per-student chip) against the rule engine.  The assignment's function checks are in
:mod:`~chipcontrols.ledger.checks.functions`.
"""

from __future__ import annotations

import math
from functools import lru_cache

from chipcontrols import eccn3a090 as eccn3a090
from chipcontrols.core.checking import (
    CheckResult,
    choose,
    exercise_check,
    unanswered,
)
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.eccn3a090 import OCTOBER_2023, classify_chips, classify_hypothetical_chip
from chipcontrols.ledger.checks.common import TPP_RELATIVE_TOLERANCE, _close

__all__ = ["check_hypothetical_chip", "check_tpp"]


# --- Exercise: TPP and class from a datasheet ---------------------------------------------


@lru_cache(maxsize=1)
def _classified_chips() -> dict[str, tuple[float, float, str]]:
    """Chip id -> (TPP, density, class) for every chip whose class is determined."""
    table = classify_chips(load_chips())
    return {
        row.chip_id: (float(row.tpp), float(row.density), row.eccn_class)
        for row in table.itertuples()
        if row.eccn_class in OCTOBER_2023.labels
    }


def _thresholds_text(symbol, unit: str = "") -> str:
    values = [f"{value:,g}" for value in reversed(OCTOBER_2023.thresholds_of(symbol))]
    listed = ", ".join(values[:-1]) + f" and {values[-1]}" if len(values) > 1 else values[0]
    return listed + unit


def _tpp_hint(tpp_value: float, expected: float) -> str:
    """A diagnosis of a wrong TPP that never says on which side the right value lies."""
    ratio = tpp_value / expected
    if any(_close(ratio, factor) for factor in (2.0, 4.0)):
        return (
            "is your throughput figure the sparse one? Datasheets headline 2:4 sparsity; "
            "the rule uses dense throughput."
        )
    if any(_close(ratio, 1 / bits) for bits in (4.0, 8.0, 16.0)):
        return "did you leave out the bit length of the operation?"
    if any(_close(ratio, factor) for factor in (0.5, 2 / 3, 1.5)):
        return (
            "did you use the right product for the right precision? Compare the 16-, 8- "
            "and 4-bit figures, each with its own bit length."
        )
    return (
        "reread how the chapter's 3A090 section defines TPP: which throughput figure, "
        "and weighted by what?"
    )


@exercise_check
@strict_keywords
def check_tpp(
    chip_id: str, tpp: float, eccn_class: str, density: float | None = None
) -> CheckResult:
    """Check a chip's total processing performance (TPP) and ECCN 3A090 class.

    Parameters
    ----------
    chip_id : str
        The chip's ``chip_id`` in ``data/chips.csv``, e.g. ``"nvidia-a100-sxm4-80gb"``.
    tpp : float
        The student's TPP in bit-TOPS (dense tera-operations per second x bit length).
    eccn_class : str
        The student's class under the October 2023 rule: ``"3A090.a"``, ``"3A090.b"`` or
        ``"not controlled"`` (case-insensitive).
    density : float, optional
        The student's performance density, TPP per mm² of die area; checked when given.

    Returns
    -------
    CheckResult
        Right when TPP (and density, if given) are within :data:`TPP_RELATIVE_TOLERANCE` of
        the book's values and the class matches.

    Raises
    ------
    ValueError
        For an unknown chip (the message lists the valid ids), a class label the rule does not
        have, a TPP or density that is not a positive number, or a density for a chip whose die
        area is unknown.

    Examples
    --------
    >>> check_tpp("nvidia-h100-sxm5", tpp=15_832, eccn_class="3A090.a")
    Right: nvidia-h100-sxm5 has TPP 15,832 and is 3A090.a under the October 2023 rule.
    >>> check_tpp("nvidia-h100-sxm5", tpp=31_664, eccn_class="3A090.a")
    Not yet: your TPP 31,664 is off by more than 1%: is your throughput figure the sparse one? Datasheets headline 2:4 sparsity; the rule uses dense throughput.
    """
    blank = unanswered(
        tpp=tpp, eccn_class=eccn_class, **({"density": density} if density is ... else {})
    )
    if blank is not None:
        return blank
    chips = _classified_chips()
    if chip_id not in chips:
        raise ValueError(
            f"chip_id = {chip_id!r} is not a chip this check knows; valid ids: {sorted(chips)}"
        )
    expected_tpp, expected_density, expected_class = chips[chip_id]
    tpp_value = require_number("tpp", tpp, minimum=0, minimum_included=False, unit="bit-TOPS")
    label = choose("eccn_class", eccn_class, OCTOBER_2023.labels)
    tolerance = f"{TPP_RELATIVE_TOLERANCE:.0%}"
    problems = []
    if not _close(tpp_value, expected_tpp):
        problems.append(
            f"your TPP {tpp_value:,.0f} is off by more than {tolerance}: "
            + _tpp_hint(tpp_value, expected_tpp)
        )
    if density is not None:
        if math.isnan(expected_density):
            raise ValueError(
                f"the die area of {chip_id} is not published, so its density cannot "
                "be checked; leave density out"
            )
        density_value = require_number(
            "density", density, minimum=0, minimum_included=False, unit="TPP per mm²"
        )
        if not _close(density_value, expected_density):
            problems.append(
                f"your density {density_value:.2f} is off by more than {tolerance}: "
                "which area does performance density use, and in which unit?"
            )
    if label != expected_class:
        problems.append(
            f"'{label}' is not the class: compare TPP with "
            f"{_thresholds_text(eccn3a090.tpp)} and the density with "
            f"{_thresholds_text(eccn3a090.density)}; the strongest class whose "
            "condition the chip meets wins."
        )
    if problems:
        return CheckResult(False, " Also, ".join(problems))
    return CheckResult(
        True,
        f"{chip_id} has TPP {expected_tpp:,.0f} and is {expected_class} "
        f"under the {OCTOBER_2023.name} rule.",
    )


# --- A chip given by its datasheet (the exercise's chips X and Y, the assignment's chip) ------


@exercise_check
@strict_keywords
def check_hypothetical_chip(
    tpp: float,
    eccn_class: str,
    *,
    dense_fp16_tflops: float,
    dense_8bit_tops: float,
    die_area_mm2: float,
    density: float | None = None,
) -> CheckResult:
    """Check TPP, class and (if given) density of a chip given by its datasheet.

    Used for the chapter's datasheet exercise (chips that are not in ``data/chips.csv``) and
    the assignment's per-student chip.

    Parameters
    ----------
    tpp : float
        The student's TPP, bit-TOPS.
    eccn_class : str
        The student's class under the October 2023 rule (case-insensitive).
    dense_fp16_tflops, dense_8bit_tops, die_area_mm2 : float
        The datasheet: dense 16-bit TFLOPS, dense 8-bit TOPS, logic-die area in mm².
    density : float, optional
        The student's performance density, TPP per mm²; checked when given.

    Examples
    --------
    >>> check_hypothetical_chip(4_000, "3A090.b", dense_fp16_tflops=200, dense_8bit_tops=500,
    ...                         die_area_mm2=800)
    Right: TPP 4,000, density 5.00 per mm²: 3A090.b under the October 2023 rule.
    >>> check_hypothetical_chip("4,000", "3A090.b", dense_fp16_tflops=200, dense_8bit_tops=500,
    ...                         die_area_mm2=800).correct
    False
    """
    blank = unanswered(
        tpp=tpp, eccn_class=eccn_class, **({"density": density} if density is ... else {})
    )
    if blank is not None:
        return blank
    expected_tpp = eccn3a090.total_processing_performance(dense_fp16_tflops, dense_8bit_tops)
    expected_class = classify_hypothetical_chip(expected_tpp, die_area_mm2)
    expected_density = expected_tpp / die_area_mm2
    given = require_number("tpp", tpp, minimum=0, minimum_included=False, unit="bit-TOPS")
    label = choose("eccn_class", eccn_class, OCTOBER_2023.labels)
    problems = []
    if not _close(given, expected_tpp):
        problems.append(
            f"your TPP {given:,.0f} is off by more than {TPP_RELATIVE_TOLERANCE:.0%}: "
            + _tpp_hint(given, expected_tpp)
        )
    if density is not None:
        density_value = require_number(
            "density", density, minimum=0, minimum_included=False, unit="TPP per mm²"
        )
        if not _close(density_value, expected_density):
            problems.append(
                f"your density {density_value:.2f} is off by more than "
                f"{TPP_RELATIVE_TOLERANCE:.0%}: which area does performance density use, "
                "and in which unit?"
            )
    if label != expected_class:
        problems.append(
            f"'{label}' is not the class: the rule looks at performance density as well as "
            "TPP; compare both with its lines (the strongest class whose condition the chip "
            "meets wins)."
        )
    if problems:
        return CheckResult(False, " Also, ".join(problems))
    return CheckResult(
        True,
        f"TPP {expected_tpp:,.0f}, density {expected_density:.2f} "
        f"per mm²: {expected_class} under the {OCTOBER_2023.name} rule.",
    )

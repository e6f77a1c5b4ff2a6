"""Checks for the classifier: TPP and ECCN 3A090 class (exercise ex-ch1-tpp and the assignment).

:func:`check_tpp` checks the chapter's exercise "Classify a chip from its datasheet" against
:func:`chipcontrols.eccn3a090.classify_chips` applied to ``data/chips.csv``; the assignment's
:func:`check_tpp_function`, :func:`check_classify_function` and :func:`check_hypothetical_chip`
check the student's own functions and chip against the rule engine.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from chipcontrols import eccn3a090 as eccn3a090
from chipcontrols.core.checking import CheckResult, choose, is_unanswered, unanswered
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.eccn3a090 import OCTOBER_2023, classify_chips, classify_hypothetical_chip
from chipcontrols.eccn3a090.metrics import is_known
from chipcontrols.ledger.checks.common import TPP_RELATIVE_TOLERANCE, _close

__all__ = [
    "FUNCTION_SAMPLES",
    "check_classify_function",
    "check_hypothetical_chip",
    "check_tpp",
    "check_tpp_function",
]


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
    ratio = tpp_value / expected
    if any(_close(ratio, factor) for factor in (2.0, 4.0)):
        return (
            "is your throughput figure the sparse one? Datasheets headline 2:4 sparsity; "
            "the rule uses dense throughput."
        )
    if any(_close(ratio, 1 / bits) for bits in (4.0, 8.0, 16.0)):
        return "TPP multiplies the dense throughput by the bit length of the operation."
    if any(_close(ratio, factor) for factor in (0.5, 2 / 3, 1.5)):
        return (
            "take the largest product over the 16-, 8- and 4-bit figures, each multiplied "
            "by its own bit length."
        )
    return (
        "TPP = dense tera-operations per second x bit length, the largest over the "
        "chip's 16-, 8- and 4-bit figures."
    )


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
                "divide TPP by the logic-die area in mm² (memory stacks excluded)."
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


# --- Assignment checks: the student's own functions and chip ----------------------------------

#: How many hypothetical chips the function checks try.
FUNCTION_SAMPLES = 200


def _sample_chips(seed: int, count: int = FUNCTION_SAMPLES):
    """Hypothetical (FP16 TFLOPS, 8-bit TOPS, die mm²) triples spanning every 3A090 line."""
    generator = np.random.default_rng(seed)
    for _ in range(count):
        tpp_value = float(generator.uniform(800, 8_000))
        fp16_share = float(generator.uniform(0.5, 1.3))
        yield (
            round(tpp_value * fp16_share / 16, 1),
            round(tpp_value / 8, 1),
            float(generator.integers(eccn3a090.DIE_AREA.minimum, 1_200)),
        )


def check_tpp_function(tpp_function, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``tpp(dense_fp16_tflops, dense_8bit_tops)`` against the classifier.

    The function is compared with :func:`chipcontrols.eccn3a090.total_processing_performance`
    on :data:`FUNCTION_SAMPLES` hypothetical chips (``seed`` chooses them) and on every chip
    of ``data/chips.csv`` that has both figures.

    Examples
    --------
    >>> check_tpp_function(lambda dense_fp16_tflops, dense_8bit_tops: 16 * dense_fp16_tflops)
    Not yet: for dense_fp16_tflops=86.2, dense_8bit_tops=310.6 your tpp gives 1,379 but that is not the chip's TPP. TPP is the largest of throughput x bit length over the precisions.
    """
    blank = unanswered(tpp=tpp_function)
    if blank is not None:
        return blank
    chips = load_chips()
    published = [
        (row.dense_fp16_tflops, row.dense_8bit_tops)
        for row in chips.itertuples()
        if is_known(row.dense_fp16_tflops) and is_known(row.dense_8bit_tops)
    ]
    cases = [(fp16, int8) for fp16, int8, _ in _sample_chips(seed)] + published
    for fp16, int8 in cases:
        returned = tpp_function(dense_fp16_tflops=fp16, dense_8bit_tops=int8)
        if is_unanswered(returned):
            return CheckResult(False, "fill in tpp: its body still returns ...")
        expected = eccn3a090.total_processing_performance(fp16, int8)
        if not _close(require_number("tpp(...)", returned), expected):
            return CheckResult(
                False,
                f"for dense_fp16_tflops={fp16:g}, dense_8bit_tops={int8:g} "
                f"your tpp gives {float(returned):,.0f} but that is not the "
                "chip's TPP. TPP is the largest of throughput x bit length "
                "over the precisions.",
            )
    return CheckResult(True, f"your tpp agrees with the classifier on {len(cases)} chips.")


def check_classify_function(classify_function, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``classify(tpp, die_area_mm2)`` against the October 2023 rule.

    Compared with :func:`chipcontrols.eccn3a090.classify_hypothetical_chip` on
    :data:`FUNCTION_SAMPLES` hypothetical chips (``seed`` chooses them) plus chips placed
    exactly on each line of the rule, where a ``>`` written for ``>=`` shows.

    Examples
    --------
    >>> check_classify_function(lambda tpp, die_area_mm2: "3A090.a" if tpp >= 4800 else "not controlled")
    Not yet: for tpp=1,600, die_area_mm2=270.27 your classify says 'not controlled'; under the October 2023 rule the chip is in another class. Check the 3A090.a conditions and whether each line counts as reached (>=).
    """
    blank = unanswered(classify=classify_function)
    if blank is not None:
        return blank
    on_lines = [
        (value, area)
        for value in OCTOBER_2023.thresholds_of(eccn3a090.tpp)
        for area in (value / d for d in OCTOBER_2023.thresholds_of(eccn3a090.density))
    ]
    on_lines += [(value, 600.0) for value in OCTOBER_2023.thresholds_of(eccn3a090.tpp)]
    samples = [
        (eccn3a090.total_processing_performance(fp16, int8), area)
        for fp16, int8, area in _sample_chips(seed)
    ]
    for tpp_value, area in sorted(set(on_lines)) + samples:
        expected = classify_hypothetical_chip(tpp_value, area)
        returned = classify_function(tpp=tpp_value, die_area_mm2=area)
        if is_unanswered(returned):
            return CheckResult(False, "fill in classify: its body still returns ...")
        label = choose("classify(...)", returned, OCTOBER_2023.labels)
        if label != expected:
            hint = (
                "Check the 3A090.b boxes (TPP with density in a band)."
                if "b" in expected or "b" in label
                else "Check the 3A090.a conditions and whether each line counts as reached (>=)."
            )
            return CheckResult(
                False,
                f"for tpp={tpp_value:,.0f}, die_area_mm2={area:g} your "
                f"classify says {label!r}; under the {OCTOBER_2023.name} rule "
                f"the chip is in another class. {hint}",
            )
    return CheckResult(
        True,
        "your classify agrees with the rule on every line and on "
        f"{FUNCTION_SAMPLES} chips between them.",
    )


def check_hypothetical_chip(
    tpp: float,
    eccn_class: str,
    *,
    dense_fp16_tflops: float,
    dense_8bit_tops: float,
    die_area_mm2: float,
) -> CheckResult:
    """Check TPP and class of a chip given by its datasheet (e.g. a per-student variant).

    Examples
    --------
    >>> check_hypothetical_chip(4_000, "3A090.b", dense_fp16_tflops=200, dense_8bit_tops=500,
    ...                         die_area_mm2=800)
    Right: TPP 4,000, density 5.00 per mm²: 3A090.b under the October 2023 rule.
    """
    blank = unanswered(tpp=tpp, eccn_class=eccn_class)
    if blank is not None:
        return blank
    expected_tpp = eccn3a090.total_processing_performance(dense_fp16_tflops, dense_8bit_tops)
    expected_class = classify_hypothetical_chip(expected_tpp, die_area_mm2)
    given = require_number("tpp", tpp, minimum=0, minimum_included=False, unit="bit-TOPS")
    label = choose("eccn_class", eccn_class, OCTOBER_2023.labels)
    if not _close(given, expected_tpp):
        return CheckResult(
            False,
            f"your TPP {given:,.0f} is off by more than "
            f"{TPP_RELATIVE_TOLERANCE:.0%}: " + _tpp_hint(given, expected_tpp),
        )
    if label != expected_class:
        return CheckResult(
            False,
            f"TPP is right, but '{label}' is not the class: compute the "
            "density (TPP / die area) and compare both with the rule's lines.",
        )
    return CheckResult(
        True,
        f"TPP {expected_tpp:,.0f}, density {expected_tpp / die_area_mm2:.2f} "
        f"per mm²: {expected_class} under the {OCTOBER_2023.name} rule.",
    )

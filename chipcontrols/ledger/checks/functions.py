"""Checks of a student's own functions for the classifier (the chapter-1 assignment).

:func:`check_tpp_function` and :func:`check_classify_function` compare the student's ``tpp`` and
``classify`` with the rule engine (:mod:`chipcontrols.eccn3a090`) on many hypothetical chips;
a function that raises gets a hint naming the error and the inputs, never a traceback.
"""

from __future__ import annotations

import numpy as np

from chipcontrols import eccn3a090 as eccn3a090
from chipcontrols.core.checking import (
    CheckResult,
    choose,
    exercise_check,
    is_unanswered,
    unanswered,
)
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import require_number
from chipcontrols.eccn3a090 import OCTOBER_2023, classify_hypothetical_chip
from chipcontrols.eccn3a090.metrics import is_known
from chipcontrols.ledger.checks.common import _close

__all__ = ["FUNCTION_SAMPLES", "check_classify_function", "check_tpp_function"]


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


def _raised(name: str, error: Exception, **inputs: float) -> CheckResult:
    """A "Not yet" for a student's function that raised: what it raised and at which inputs."""
    shown = ", ".join(f"{key}={value:g}" for key, value in inputs.items())
    return CheckResult(
        False,
        f"your function {name} raised {type(error).__name__} ({error}) at {shown}; "
        "it must return a value for every chip the question describes.",
    )


@exercise_check
def check_tpp_function(tpp_function, seed: int = 2025_12_08) -> CheckResult:
    """Check a student's ``tpp(dense_fp16_tflops, dense_8bit_tops)`` against the classifier.

    The function is compared with :func:`chipcontrols.eccn3a090.total_processing_performance`
    on :data:`FUNCTION_SAMPLES` hypothetical chips (``seed`` chooses them) and on every chip
    of ``data/chips.csv`` that has both figures.

    Examples
    --------
    >>> check_tpp_function(lambda dense_fp16_tflops, dense_8bit_tops: 16 * dense_fp16_tflops)
    Not yet: for dense_fp16_tflops=86.2, dense_8bit_tops=310.6 your tpp gives 1,379 but that is not the chip's TPP. Reread how the chapter defines TPP for a chip with several precisions.
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
        try:
            returned = tpp_function(dense_fp16_tflops=fp16, dense_8bit_tops=int8)
        except Exception as error:  # noqa: BLE001 - the student's function, reported as a hint
            return _raised("tpp", error, dense_fp16_tflops=fp16, dense_8bit_tops=int8)
        if is_unanswered(returned):
            return CheckResult(False, "fill in tpp: its body still returns ...")
        expected = eccn3a090.total_processing_performance(fp16, int8)
        if not _close(require_number("tpp(...)", returned), expected):
            return CheckResult(
                False,
                f"for dense_fp16_tflops={fp16:g}, dense_8bit_tops={int8:g} "
                f"your tpp gives {float(returned):,.0f} but that is not the "
                "chip's TPP. Reread how the chapter defines TPP for a chip with "
                "several precisions.",
            )
    return CheckResult(True, f"your tpp agrees with the classifier on {len(cases)} chips.")


@exercise_check
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
        try:
            returned = classify_function(tpp=tpp_value, die_area_mm2=area)
        except Exception as error:  # noqa: BLE001 - the student's function, reported as a hint
            return _raised("classify", error, tpp=tpp_value, die_area_mm2=area)
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

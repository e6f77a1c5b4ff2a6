"""The seven kinds of bad value every public function is tried with, shared by the model tiers.

``tests/core/test_bad_input.py`` holds the table for the machinery and chapter 1; each model's
folder has its own table of :class:`Case` rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

KINDS = ("wrong type", "nan", "+inf", "-inf", "negative", "out of range", "unknown keyword")
BAD_VALUES = {
    "wrong type": "12",
    "nan": math.nan,
    "+inf": math.inf,
    "-inf": -math.inf,
    "negative": -1.0,
}


@dataclass(frozen=True)
class Case:
    """One public function, called with one parameter set to the bad value."""

    function: str
    parameter: str
    call: Callable[[object], object]
    out_of_range: object
    unknown_keyword: Callable[[], object]
    not_applicable: tuple[tuple[str, str], ...] = ()


def _refused(call: Callable[[], object]) -> Callable[[], object]:
    """``call``, with an exercise check's "Not yet" for a bad value raised as its ValueError.

    A check meets a student's bad value with a hint, not a traceback
    (:func:`chipcontrols.core.checking.exercise_check`); its message is the refusal's, which
    must name the parameter and the valid values as a raised error does.
    """
    from chipcontrols.core.checking import CheckResult

    def run():
        result = call()
        if isinstance(result, CheckResult) and not result.correct:
            raise ValueError(result.message)
        return result

    return run


def expected_failure(case: Case, kind: str):
    if kind == "unknown keyword":
        return _refused(case.unknown_keyword)
    value = case.out_of_range if kind == "out of range" else BAD_VALUES[kind]
    return _refused(lambda: case.call(value))


def applicable(case: Case) -> list[str]:
    skipped = {kind for kind, _ in case.not_applicable}
    kinds = [kind for kind in KINDS if kind not in skipped]
    if isinstance(case.out_of_range, str) and case.out_of_range.startswith(("none", "no upper")):
        kinds.remove("out of range")  # unbounded above: the lower bound is the "negative" row
    return kinds

"""Tolerance, sample count and number helpers shared by the chapter-4 checks (no exercise).

Used by :mod:`~chipcontrols.catchup.checks.dies`, :mod:`~chipcontrols.catchup.checks.clocks`
and :mod:`~chipcontrols.catchup.checks.compute`.
"""

from __future__ import annotations

from functools import partial

from chipcontrols.core.checking import close_enough
from chipcontrols.core.parameters import require_number

__all__ = ["FUNCTION_SAMPLES", "MULTIPLE_HINT", "RELATIVE_TOLERANCE"]


#: Relative tolerance on a student's figures (the data round; hand calculators too).
RELATIVE_TOLERANCE = 0.01
#: The hint for a multiple per year given where a check wants the log rate.
MULTIPLE_HINT = (
    "that looks like the multiple per year; the clock works with the log rate, ln(multiple)."
)
#: How many parameter sets a function check tries.
FUNCTION_SAMPLES = 40


#: A number within :data:`RELATIVE_TOLERANCE` (unless ``relative`` says otherwise) and 1e-12 for
#: rounding of the model's; an infinite answer (a gap that never closes) only by itself.
_near = partial(close_enough, relative=RELATIVE_TOLERANCE, absolute=1e-12)


def _number(name: str, value: object, unit: str = "", **bounds) -> float:
    return require_number(name, value, unit=unit, **bounds)

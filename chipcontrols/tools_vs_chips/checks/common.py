"""What every chapter-2 check shares: the tolerances on a student's numbers.

It checks no exercise itself; the modules of :mod:`chipcontrols.tools_vs_chips.checks`
use it.
"""

from __future__ import annotations

from chipcontrols.core.checking import close_enough

#: Relative tolerance on a student's numbers (the model's inputs are rounded figures).
ANSWER_RELATIVE_TOLERANCE = 0.01
#: T* and crossover years may also be off by this many years (a reading off a chart).
YEARS_TOLERANCE = 0.01


def _near(value: float, expected: float, absolute: float = 0.0) -> bool:
    """Within :data:`ANSWER_RELATIVE_TOLERANCE`, plus ``absolute`` and 1e-12 for rounding."""
    return close_enough(
        value, expected, relative=ANSWER_RELATIVE_TOLERANCE, absolute=absolute + 1e-12
    )

"""What every chapter-5 check shares: the answer tolerance and the number helpers.

It checks no exercise itself; every module of :mod:`chipcontrols.hedging.checks` uses it.
"""

from __future__ import annotations

from functools import partial

from chipcontrols.core.checking import close_enough
from chipcontrols.core.parameters import require_number

#: Relative tolerance on a student's number (the exercises round to two or three digits).
ANSWER_RELATIVE_TOLERANCE = 0.01


#: A number within :data:`ANSWER_RELATIVE_TOLERANCE` (and 1e-9 for rounding) of the model's.
_near = partial(close_enough, relative=ANSWER_RELATIVE_TOLERANCE, absolute=1e-9)


def _number(name: str, value: object) -> float:
    return require_number(name, value)

"""What every chapter-5 check shares: the answer tolerance, the number helpers and the hints.

It checks no exercise itself; every module of :mod:`chipcontrols.hedging.checks` uses it.
A hint names the section to reread and a specific mistake where one is recognised (the
chapter's defaults used instead of the scenario, a share for a percentage); it never says in
which direction the right answer lies and never states the formula.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from chipcontrols.core.checking import close_enough
from chipcontrols.core.parameters import require_number

#: Relative tolerance on a student's number (the exercises round to two or three digits).
ANSWER_RELATIVE_TOLERANCE = 0.01


#: A number within :data:`ANSWER_RELATIVE_TOLERANCE` (and 1e-9 for rounding) of the model's.
_near = partial(close_enough, relative=ANSWER_RELATIVE_TOLERANCE, absolute=1e-9)


def _number(name: str, value: object) -> float:
    return require_number(name, value)


def _mistake(given: float, expected: float, known: dict[str, Callable[[], float]]) -> str:
    """A diagnosis of a recognised wrong answer (no direction), or ``""``.

    ``known`` maps a diagnosis to the number that mistake produces, computed only when needed;
    a mistake whose number is the right answer itself is never reported.
    """
    if not 0 < abs(given) < float("inf"):
        return ""
    for diagnosis, wrong in known.items():
        try:
            value = wrong()
        except (ValueError, ZeroDivisionError, OverflowError):
            continue
        if not _near(value, expected) and _near(given, value):
            return f" {diagnosis}"
    if _near(given, 100 * expected) and expected != 0:
        return " That looks like a percentage: give a share between 0 and 1."
    return ""


#: The diagnosis of an answer computed at the chapter's defaults instead of the scenario's values.
DEFAULTS_USED = (
    "That is the answer at the chapter's defaults: use the values the exercise's scenario sets."
)

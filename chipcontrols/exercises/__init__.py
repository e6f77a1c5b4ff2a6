"""Answer checks for the exercises, one module per chapter (``ch1``, ``ch2``, ...).

Each check returns a :class:`CheckResult`, which prints as ``Right: ...`` or ``Not yet: ...``.
A "Not yet" message gives a hint and the student's own numbers, never the expected answer.
Bad input (an unknown chip, an unknown limit, a value outside a parameter's declared range)
raises ``ValueError`` naming what is wrong and what is valid; nothing is clamped.  The
expected answers are never stored: they come from the book's models and data.
"""

from __future__ import annotations

from chipcontrols.exercises import ch1, ch2, ch3, ch4, ch5
from chipcontrols.exercises.checking import CheckResult, choose

__all__ = ["CheckResult", "ch1", "ch2", "ch3", "ch4", "ch5", "choose"]

"""Tolerances and comparisons shared by the chapter-1 checks (no exercise of its own).

:data:`TPP_RELATIVE_TOLERANCE` is used by :mod:`~chipcontrols.ledger.checks.classifier`;
:data:`ANSWER_RELATIVE_TOLERANCE` by :mod:`~chipcontrols.ledger.checks.binding` and
:mod:`~chipcontrols.ledger.checks.ratio`.
"""

from __future__ import annotations

from functools import partial

from chipcontrols.core.checking import close_enough

__all__ = ["ANSWER_RELATIVE_TOLERANCE", "TPP_RELATIVE_TOLERANCE"]


#: Relative tolerance on a student's TPP and density (datasheets round their figures).
TPP_RELATIVE_TOLERANCE = 0.01
#: Relative tolerance on a student's ledger figures (volumes, valuations, US sales).
ANSWER_RELATIVE_TOLERANCE = 0.01


#: A TPP or density within :data:`TPP_RELATIVE_TOLERANCE` of the book's.
_close = partial(close_enough, relative=TPP_RELATIVE_TOLERANCE)
#: A ledger figure within :data:`ANSWER_RELATIVE_TOLERANCE` (and 1e-9 for rounding) of the book's.
_near = partial(close_enough, relative=ANSWER_RELATIVE_TOLERANCE, absolute=1e-9)

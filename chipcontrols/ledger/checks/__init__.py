"""Checks for the chapter-1 exercises: the classifier, the binding limit, IFP's range.

The expected answers come from the book's models: :func:`check_tpp` from
:func:`chipcontrols.eccn3a090.classify_chips` applied to ``data/chips.csv``;
:func:`check_binding` and :func:`check_january_2026` from :func:`chipcontrols.ledger.model.ledger`;
:func:`check_ifp_reproduction` from the ledger's ratio (:func:`chipcontrols.ledger.model.ratio_at`)
against the range IFP published, a record figure with its citation (``data/record.csv``).

One module per part of the model the exercises use: :mod:`~chipcontrols.ledger.checks.classifier`
(TPP and class; the assignment's functions and chip), :mod:`~chipcontrols.ledger.checks.binding`
(the binding limit, January 2026, the legacy-product cap) and
:mod:`~chipcontrols.ledger.checks.ratio` (IFP's range, the ratio as a function, the break-even
valuation); tolerances are in :mod:`~chipcontrols.ledger.checks.common`.  Every check is
re-exported here, so ``from chipcontrols.ledger.checks import check_binding`` works.
"""

from chipcontrols.ledger.checks.binding import (
    LIMIT_NAMES,
    check_binding,
    check_cap_switch,
    check_january_2026,
)
from chipcontrols.ledger.checks.classifier import check_hypothetical_chip, check_tpp
from chipcontrols.ledger.checks.common import ANSWER_RELATIVE_TOLERANCE, TPP_RELATIVE_TOLERANCE
from chipcontrols.ledger.checks.functions import (
    FUNCTION_SAMPLES as FUNCTION_SAMPLES,
    check_classify_function,
    check_tpp_function,
)
from chipcontrols.ledger.checks.ratio import (
    RATIO_FUNCTION_SAMPLES as RATIO_FUNCTION_SAMPLES,
    check_break_even,
    check_ifp_reproduction,
    check_ratio_function,
    ifp_range,
)

__all__ = [
    "ANSWER_RELATIVE_TOLERANCE",
    "check_classify_function",
    "check_hypothetical_chip",
    "check_tpp_function",
    "LIMIT_NAMES",
    "TPP_RELATIVE_TOLERANCE",
    "check_binding",
    "check_break_even",
    "check_cap_switch",
    "check_ifp_reproduction",
    "check_january_2026",
    "check_ratio_function",
    "check_tpp",
    "ifp_range",
]

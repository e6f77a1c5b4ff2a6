"""Checks for the chapter-5 exercises: calibration, the leverage paradox, the levy, the caps, the exit clock.

Every expected answer comes from :mod:`chipcontrols.hedging` (its registered closed forms), the
record or the ledger's declarations; none is stored here.  A "Not yet" gives a hint and the
student's own number, never the expected one.  Every check first reports ``...`` placeholders
with :func:`~chipcontrols.core.checking.unanswered`.

One module per exercise, re-exported here so chapters and assignments keep reading
``from chipcontrols.hedging.checks import check_levy``:

* :mod:`~chipcontrols.hedging.checks.calibration` — calibrate the model to January's approvals
  (``ex-ch5-calibrate``; assignment question 2).
* :mod:`~chipcontrols.hedging.checks.leverage` — the leverage paradox (``ex-ch5-paradox``).
* :mod:`~chipcontrols.hedging.checks.levy` — the revenue-maximising levy (``ex-ch5-levy``;
  assignment question 3).
* :mod:`~chipcontrols.hedging.checks.pairing` — Beijing's pairing rule against Washington's cap
  (``ex-ch5-pairing``; assignment question 5).
* :mod:`~chipcontrols.hedging.checks.shares` — compute and spending shares (``ex-ch5-record``).
* :mod:`~chipcontrols.hedging.checks.exit_clock` — the exit clock (``ex-ch5-exit``; assignment
  question 4).
* :mod:`~chipcontrols.hedging.checks.reply_function` — the best reply as a function (assignment
  question 1).
* :mod:`~chipcontrols.hedging.checks.common` — the tolerance and number helpers they share.
"""

# Names not in __all__ (imported "as" themselves) stay importable from here, as before the split.
from chipcontrols.hedging.checks.calibration import check_calibration, january_share
from chipcontrols.hedging.checks.common import (
    ANSWER_RELATIVE_TOLERANCE,
    _near as _near,
    _number as _number,
)
from chipcontrols.hedging.checks.exit_clock import check_erosion_for_exit, check_exit_time
from chipcontrols.hedging.checks.leverage import check_leverage, check_leverage_ratio
from chipcontrols.hedging.checks.levy import VERDICTS, check_levy, check_peak_levy
from chipcontrols.hedging.checks.pairing import (
    BOUND_NAMES,
    check_bound,
    check_pairing_switch,
    check_us_cap_share,
)
from chipcontrols.hedging.checks.reply_function import (
    _REPLY_ARGUMENTS as _REPLY_ARGUMENTS,
    FUNCTION_SAMPLES as FUNCTION_SAMPLES,
    check_best_reply_function,
)
from chipcontrols.hedging.checks.shares import check_compute_share, check_spending_share

__all__ = [
    "ANSWER_RELATIVE_TOLERANCE",
    "BOUND_NAMES",
    "VERDICTS",
    "check_best_reply_function",
    "check_bound",
    "check_calibration",
    "check_compute_share",
    "check_erosion_for_exit",
    "check_exit_time",
    "check_leverage",
    "check_leverage_ratio",
    "check_levy",
    "check_pairing_switch",
    "check_peak_levy",
    "check_spending_share",
    "check_us_cap_share",
    "january_share",
]

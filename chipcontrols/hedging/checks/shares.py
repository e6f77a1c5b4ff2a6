"""Checks for ``ex-ch5-record``: compute shares against spending shares.

The share of China's new compute that a share of spending on US chips buys, and back.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.hedging.checks.common import DEFAULTS_USED, _mistake, _near, _number

_HINT = (
    " Count compute in units of what a yuan of domestic chips buys: how much does a yuan "
    'of US chips buy? (section "The Substrate\'s contrary forecast")'
)


def _advantage(us_advantage: float | None) -> float:
    declared = hedging.PARAMETERS["us_advantage"]
    return declared.check(declared.default if us_advantage is None else us_advantage)


@exercise_check
@strict_keywords
def check_compute_share(
    compute_share: float, import_share: float, us_advantage: float | None = None
) -> CheckResult:
    """Check the share of China's new compute from US chips when it spends ``import_share`` on them.

    Examples
    --------
    >>> check_compute_share(0.286, 0.2)
    Right: spending 0.20 on chips 1.6 times as effective buys 0.286 of the compute.
    >>> check_compute_share(0.25, 0.2)
    Not yet: your compute share 0.25 is not the share of compute that this spending buys. Count compute in units of what a yuan of domestic chips buys: how much does a yuan of US chips buy? (section "The Substrate's contrary forecast")
    """
    blank = unanswered(compute_share=compute_share, import_share=import_share)
    if blank is not None:
        return blank
    a = _advantage(us_advantage)
    spent = require_number("import_share", import_share, minimum=0, maximum=1)
    expected = hedging.compute_share(spent, a)
    given = _number("compute_share", compute_share)
    if _near(given, expected):
        return CheckResult(
            True,
            f"spending {spent:.2f} on chips {a:g} times as effective "
            f"buys {expected:.3f} of the compute.",
        )
    mistake = _mistake(
        given,
        expected,
        {
            "That is the share of spending itself; the question asks for the share of "
            "compute it buys.": lambda: spent,
            DEFAULTS_USED: lambda: hedging.compute_share(spent, _advantage(None)),
        },
    )
    return CheckResult(
        False,
        f"your compute share {given:g} is not the share of compute that this spending buys."
        + _HINT
        + mistake,
    )


@exercise_check
@strict_keywords
def check_spending_share(
    import_share: float, compute_share: float, us_advantage: float | None = None
) -> CheckResult:
    """Check the spending share that buys a given share of compute from US chips (inverse).

    Examples
    --------
    >>> check_spending_share(0.6, 0.6)
    Not yet: your spending share 0.6 does not buy 0.6 of the compute. Count compute in units of what a yuan of domestic chips buys: how much does a yuan of US chips buy? (section "The Substrate's contrary forecast") That is the compute share itself; the question asks for the share of spending that buys it.
    """
    blank = unanswered(import_share=import_share, compute_share=compute_share)
    if blank is not None:
        return blank
    a = _advantage(us_advantage)
    target = require_number("compute_share", compute_share, minimum=0, maximum=1)
    expected = target / (a * (1 - target) + target)
    given = _number("import_share", import_share)
    if _near(given, expected):
        return CheckResult(
            True, f"spending {expected:.3f} on US chips buys {target:.2f} of the compute."
        )
    mistake = _mistake(
        given,
        expected,
        {
            "That is the compute share itself; the question asks for the share of spending "
            "that buys it.": lambda: target,
            DEFAULTS_USED: lambda: target / (_advantage(None) * (1 - target) + target),
        },
    )
    return CheckResult(
        False,
        f"your spending share {given:g} does not buy {target:g} of the compute." + _HINT + mistake,
    )

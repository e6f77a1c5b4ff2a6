"""Checks for ``ex-ch5-record``: compute shares against spending shares.

The share of China's new compute that a share of spending on US chips buys, and back.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.hedging.checks.common import _near, _number


@strict_keywords
def check_compute_share(
    compute_share: float, import_share: float, us_advantage: float | None = None
) -> CheckResult:
    """Check the share of China's new compute from US chips when it spends ``import_share`` on them.

    Examples
    --------
    >>> check_compute_share(0.286, 0.2)
    Right: spending 0.20 on chips 1.6 times as effective buys 0.286 of the compute.
    """
    blank = unanswered(compute_share=compute_share, import_share=import_share)
    if blank is not None:
        return blank
    declared = hedging.PARAMETERS["us_advantage"]
    a = declared.check(declared.default if us_advantage is None else us_advantage)
    expected = hedging.compute_share(import_share, a)
    given = _number("compute_share", compute_share)
    if _near(given, expected):
        return CheckResult(
            True,
            f"spending {import_share:.2f} on chips {a:g} times as effective "
            f"buys {expected:.3f} of the compute.",
        )
    return CheckResult(
        False,
        f"your compute share {given:g} is off: US chips give a·s units of "
        "compute, domestic ones 1 − s; take the US part of the total.",
    )


@strict_keywords
def check_spending_share(
    import_share: float, compute_share: float, us_advantage: float | None = None
) -> CheckResult:
    """Check the spending share that buys a given share of compute from US chips (inverse).

    Examples
    --------
    >>> check_spending_share(0.6, 0.6)
    Not yet: spending 0.6 buys 0.706 of the compute, more than 0.6. US chips are more effective per yuan, so less spending buys the same compute share.
    """
    blank = unanswered(import_share=import_share, compute_share=compute_share)
    if blank is not None:
        return blank
    declared = hedging.PARAMETERS["us_advantage"]
    a = declared.check(declared.default if us_advantage is None else us_advantage)
    target = require_number("compute_share", compute_share, minimum=0, maximum=1)
    given = hedging.PARAMETERS["import_share"].check(import_share)
    bought = hedging.compute_share(given, a)
    if _near(bought, target):
        return CheckResult(
            True, f"spending {given:.3f} on US chips buys {target:.2f} of the compute."
        )
    side = "more" if bought > target else "less"
    return CheckResult(
        False,
        f"spending {given:g} buys {bought:.3f} of the compute, {side} than "
        f"{target:g}. US chips are more effective per yuan, so less "
        "spending buys the same compute share.",
    )

"""Checks for ``ex-ch5-paradox``: US leverage L·s² and the leverage paradox.

Leverage at Beijing's own choice, and how it falls as the cut-off probability rises.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, unanswered
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.hedging.checks.common import _near, _number


def check_leverage(leverage: float, **values: float) -> CheckResult:
    """Check US leverage L·s² at Beijing's own choice (before Washington's cap), units of V.

    Examples
    --------
    >>> check_leverage(0.25)
    Right: leverage L·s² = 0.2500 at Beijing's choice s = 0.500.
    >>> check_leverage(0.75)
    Not yet: your leverage 0.75 is not L·s² at Beijing's choice. Find s first (the interior best reply, clipped to [0, 1/(1 + k)]), then square it.
    """
    blank = unanswered(leverage=leverage, **values)
    if blank is not None:
        return blank
    expected = hedging.leverage(**values).leverage_beijing
    given = _number("leverage", leverage)
    if _near(given, expected):
        share = hedging.best_reply(**values).beijing_share
        return CheckResult(
            True, f"leverage L·s² = {expected:.4f} at Beijing's choice s = {share:.3f}."
        )
    return CheckResult(
        False,
        f"your leverage {given:g} is not L·s² at Beijing's choice. Find s "
        "first (the interior best reply, clipped to [0, 1/(1 + k)]), then "
        "square it.",
    )


@strict_keywords
def check_leverage_ratio(ratio: float, p_low: float, p_high: float) -> CheckResult:
    """Check leverage at ``p_low`` divided by leverage at ``p_high`` (both interior, defaults).

    Examples
    --------
    >>> check_leverage_ratio(4.0, 0.4, 0.8)
    Right: leverage falls by a factor of 4.00 from p = 0.4 to p = 0.8: it is proportional to 1/p².
    """
    blank = unanswered(ratio=ratio)
    if blank is not None:
        return blank
    low, high = (hedging.leverage(cutoff_probability=q, us_share_cap=1.0) for q in (p_low, p_high))
    expected = low.leverage_beijing / high.leverage_beijing
    given = _number("ratio", ratio)
    interior = all(
        hedging.best_reply(cutoff_probability=q).beijing_binding == (hedging.INTERIOR,)
        for q in (p_low, p_high)
    )
    if _near(given, expected):
        note = " it is proportional to 1/p²." if interior else " (one of the p is all in)."
        return CheckResult(
            True,
            f"leverage falls by a factor of {expected:.2f} from p = "
            f"{p_low:g} to p = {p_high:g}:{note}",
        )
    return CheckResult(
        False,
        f"your ratio {given:g} is off. Write L·s*² with s* = "
        "(V(a − 1) − β)/(2pL): how does it depend on p?",
    )

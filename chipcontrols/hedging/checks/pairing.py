"""Checks for ``ex-ch5-pairing`` (and assignment 5, question 5): the pairing rule and the cap.

Washington's cap as a share of China's orders, the pairing ratio at which Beijing's rule
starts to bind, and which bound sets the import share.
"""

from __future__ import annotations

from chipcontrols import hedging, ledger
from chipcontrols.core.checking import CheckResult, choose, unanswered
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.hedging.checks.common import _near, _number

#: What can set the import share, as :func:`chipcontrols.hedging.best_reply` names it.
BOUND_NAMES = (
    hedging.INTERIOR,
    hedging.PAIRING,
    hedging.US_CAP,
    hedging.ALL_IN,
    hedging.NO_IMPORTS,
)


def check_us_cap_share(share: float) -> CheckResult:
    """Check Washington's cap (50% of US-customer volume) as a share of China's orders.

    Uses chapter 1's declared defaults for the cap, US-customer volume and Chinese demand.

    Examples
    --------
    >>> check_us_cap_share(0.5)
    Not yet: 0.5 is the cap as a share of US sales. As a share of China's orders, multiply it by US-customer volume and divide by Chinese demand (chapter 1's ledger defaults).
    """
    blank = unanswered(share=share)
    if blank is not None:
        return blank
    P = ledger.PARAMETERS
    expected = P["cap_share"].default * P["us_volume"].default / P["demand"].default
    given = _number("share", share)
    if _near(given, expected):
        return CheckResult(
            True,
            f"the cap is {expected:.2f} of China's orders: "
            f"{P['cap_share'].default:g} × {P['us_volume'].default:g} M ÷ "
            f"{P['demand'].default:g} M.",
        )
    if _near(given, P["cap_share"].default):
        return CheckResult(
            False,
            f"{given:g} is the cap as a share of US sales. As a share of "
            "China's orders, multiply it by US-customer volume and divide "
            "by Chinese demand (chapter 1's ledger defaults).",
        )
    return CheckResult(
        False,
        f"your share {given:g} is off: cap_share × us_volume ÷ demand, with chapter 1's defaults.",
    )


@strict_keywords
def check_pairing_switch(pairing_ratio: float, us_share_cap: float | None = None) -> CheckResult:
    """Check the pairing ratio k above which Beijing's rule, not Washington's cap, binds.

    Examples
    --------
    >>> check_pairing_switch(3)
    Right: at k = 3 the pairing bound 1/(1 + k) equals Washington's cap 0.25; above it Beijing's rule binds.
    """
    blank = unanswered(pairing_ratio=pairing_ratio)
    if blank is not None:
        return blank
    declared = hedging.PARAMETERS["us_share_cap"]
    cap = declared.check(declared.default if us_share_cap is None else us_share_cap)
    expected = 1 / cap - 1
    given = _number("pairing_ratio", pairing_ratio)
    if _near(given, expected):
        return CheckResult(
            True,
            f"at k = {expected:g} the pairing bound 1/(1 + k) equals "
            f"Washington's cap {cap:g}; above it Beijing's rule binds.",
        )
    side = "still looser than" if given < expected else "already tighter than"
    return CheckResult(
        False,
        f"at k = {given:g} the pairing bound is {side} the cap. Set "
        "1/(1 + k) equal to the cap and solve for k.",
    )


def check_bound(answer: str, **values: float) -> CheckResult:
    """Check which bound sets the import share in a scenario (names as :data:`BOUND_NAMES`).

    Examples
    --------
    >>> check_bound("Washington's cap")
    Right: Washington's cap sets the share at 0.25 in this scenario.
    >>> check_bound("Beijing's pairing rule", pairing_ratio=2)
    Not yet: Beijing's pairing rule allows 0.33, but something else is tighter. Compare s*, 1/(1 + k) and Washington's cap, and take the smallest (but not below 0).
    """
    blank = unanswered(answer=answer, **values)
    if blank is not None:
        return blank
    name = choose("answer", answer, BOUND_NAMES)
    reply = hedging.best_reply(**values)
    if name in reply.binding:
        others = [n for n in reply.binding if n != name]
        tie = f" It ties with {' and '.join(others)}." if others else ""
        return CheckResult(
            True, f"{name} sets the share at {reply.import_share:.2f} in this scenario.{tie}"
        )
    allows = {hedging.INTERIOR: reply.interior, **reply.bounds}.get(name)
    shown = f" allows {allows:.2f}," if allows is not None else " is not what binds:"
    return CheckResult(
        False,
        f"{name}{shown} but something else is tighter. Compare s*, "
        "1/(1 + k) and Washington's cap, and take the smallest (but not "
        "below 0).",
    )

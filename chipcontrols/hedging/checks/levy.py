"""Checks for ``ex-ch5-levy`` (and assignment 5, question 3): the revenue-maximising levy.

τ* on its own, whether the current levy is below, at or above it, and the peak once the
caps can bind.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, choose, unanswered
from chipcontrols.hedging.checks.common import _near, _number

#: How a levy compares with the revenue-maximising one.
VERDICTS = ("below", "at", "above")


def check_levy(tau_star: float, verdict: str, **values: float) -> CheckResult:
    """Check the revenue-maximising levy τ* and whether the current levy is below, at or above it.

    Examples
    --------
    >>> check_levy(0.375, "below")
    Right: τ* = 0.375, and the levy 0.25 is below it.
    >>> check_levy(0.75, "below")
    Not yet: your τ* = 0.75 is not where τ·R·s*(τ) peaks (that looks like the prohibitive levy, where s* reaches zero; the peak is halfway). Write s* with a = a0 − κτ and set the derivative of τ·s* to zero.
    """
    blank = unanswered(tau_star=tau_star, verdict=verdict, **values)
    if blank is not None:
        return blank
    answer = choose("verdict", verdict, VERDICTS)
    result = hedging.levy_outcome(**values)
    given = _number("tau_star", tau_star)
    if not _near(given, result.revenue_maximising_levy):
        hint = (
            " (that looks like the prohibitive levy, where s* reaches zero; the peak is halfway)"
            if _near(given, result.prohibitive_levy)
            else ""
        )
        return CheckResult(
            False,
            f"your τ* = {given:g} is not where τ·R·s*(τ) peaks{hint}. "
            "Write s* with a = a0 − κτ and set the derivative of τ·s* "
            "to zero.",
        )
    if answer != result.levy_verdict:
        return CheckResult(
            False, f"τ* is right, but compare it with the levy τ = {result.levy:g} again."
        )
    return CheckResult(
        True,
        f"τ* = {result.revenue_maximising_levy:.3f}, and the levy {result.levy:g} is {answer} it.",
    )


def check_peak_levy(peak: float, **values: float) -> CheckResult:
    """Check the revenue-maximising levy once Washington's cap (and Beijing's bound) can bind.

    Examples
    --------
    >>> check_peak_levy(0.5)
    Right: with the caps, revenue peaks at τ = 0.500 (τ* alone: 0.375).
    """
    blank = unanswered(peak=peak, **values)
    if blank is not None:
        return blank
    result = hedging.levy_outcome(**values)
    given = _number("peak", peak)
    if _near(given, result.peak_levy):
        return CheckResult(
            True,
            f"with the caps, revenue peaks at τ = {result.peak_levy:.3f} "
            f"(τ* alone: {result.revenue_maximising_levy:.3f}).",
        )
    return CheckResult(
        False,
        f"your peak {given:g} is off. While the cap binds, a higher levy "
        "does not lower the volume: find the levy at which China's desired "
        "share falls to the cap, and compare it with τ*.",
    )

"""Checks for ``ex-ch5-levy`` (and assignment 5, question 3): the revenue-maximising levy.

τ* on its own, whether the current levy is below, at or above it, and the peak once the
caps can bind.
"""

from __future__ import annotations

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, choose, exercise_check, unanswered
from chipcontrols.hedging.checks.common import DEFAULTS_USED, _mistake, _near, _number

#: How a levy compares with the revenue-maximising one.
VERDICTS = ("below", "at", "above")


@exercise_check
def check_levy(tau_star: float, verdict: str, **values: float) -> CheckResult:
    """Check the revenue-maximising levy τ* and whether the current levy is below, at or above it.

    Examples
    --------
    >>> check_levy(0.375, "below")
    Right: τ* = 0.375, and the levy 0.25 is below it.
    >>> check_levy(0.75, "below")
    Not yet: your τ* = 0.75 is not the levy at which Treasury revenue peaks in this scenario. Write revenue as the levy times the base it is levied on, with Beijing's reply at the advantage after the levy, and find where its slope is zero (section "The levy's Laffer curve"). That is the prohibitive levy, at which China stops buying, not the one at which revenue peaks.
    """
    blank = unanswered(tau_star=tau_star, verdict=verdict, **values)
    if blank is not None:
        return blank
    answer = choose("verdict", verdict, VERDICTS)
    result = hedging.levy_outcome(**values)
    given = _number("tau_star", tau_star)
    if not _near(given, result.revenue_maximising_levy):
        mistake = _mistake(
            given,
            result.revenue_maximising_levy,
            {
                "That is the prohibitive levy, at which China stops buying, not the one at "
                "which revenue peaks.": lambda: result.prohibitive_levy,
                DEFAULTS_USED: lambda: hedging.levy_outcome().revenue_maximising_levy,
                "That is where revenue peaks once the cap can bind; τ* is the peak of the "
                "curve without the caps.": lambda: result.peak_levy,
            },
        )
        return CheckResult(
            False,
            f"your τ* = {given:g} is not the levy at which Treasury revenue peaks in this "
            "scenario. Write revenue as the levy times the base it is levied on, with "
            "Beijing's reply at the advantage after the levy, and find where its slope is "
            'zero (section "The levy\'s Laffer curve").' + mistake,
        )
    if answer != result.levy_verdict:
        return CheckResult(
            False, f"τ* is right, but compare it with the levy τ = {result.levy:g} again."
        )
    return CheckResult(
        True,
        f"τ* = {result.revenue_maximising_levy:.3f}, and the levy {result.levy:g} is {answer} it.",
    )


@exercise_check
def check_peak_levy(peak: float, **values: float) -> CheckResult:
    """Check the revenue-maximising levy once Washington's cap (and Beijing's bound) can bind.

    Examples
    --------
    >>> check_peak_levy(0.5)
    Right: with the caps, revenue peaks at τ = 0.500 (τ* alone: 0.375).
    >>> check_peak_levy(0.45)
    Not yet: your peak 0.45 is not where revenue peaks once the caps can bind. While a cap binds, what does a change in the levy do to the volume China buys, and where does that stop? (section "The levy's Laffer curve")
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
    mistake = _mistake(
        given,
        result.peak_levy,
        {
            "That is τ*, the peak without the caps.": lambda: result.revenue_maximising_levy,
            DEFAULTS_USED: lambda: hedging.levy_outcome().peak_levy,
        },
    )
    return CheckResult(
        False,
        f"your peak {given:g} is not where revenue peaks once the caps can bind. While a cap "
        "binds, what does a change in the levy do to the volume China buys, and where does that "
        'stop? (section "The levy\'s Laffer curve")' + mistake,
    )

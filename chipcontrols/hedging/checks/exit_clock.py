"""Checks for ``ex-ch5-exit`` (and assignment 5, question 4): the exit clock.

The exit date t_exit, and the erosion rate λ that brings it to a given year.
"""

from __future__ import annotations

import math

from chipcontrols import hedging
from chipcontrols.core.checking import CheckResult, exercise_check, unanswered
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.hedging.checks.common import DEFAULTS_USED, _mistake, _near, _number


@exercise_check
def check_exit_time(years: float, **values: float) -> CheckResult:
    """Check the exit date t_exit (years after January 2026).

    Examples
    --------
    >>> check_exit_time(1.386)
    Right: imports stop being worth buying after 1.39 years, when a falls to 1.20.
    >>> check_exit_time(2.0)
    Not yet: your 2 years is not this scenario's exit date. At which advantage do imports stop being worth buying, and how long does Huawei take to wear the gap before the levy down to it? (section "The exit clock")
    """
    blank = unanswered(years=years, **values)
    if blank is not None:
        return blank
    clock = hedging.exit_clock(**values)
    given = _number("years", years)
    if _near(given, clock.exit_time):
        return CheckResult(
            True,
            f"imports stop being worth buying after {clock.exit_time:.2f} "
            f"years, when a falls to {clock.exit_advantage:.2f}.",
        )
    mistake = _mistake(
        given,
        clock.exit_time,
        {
            DEFAULTS_USED: lambda: hedging.exit_clock().exit_time,
            "That is the exit date with the whole gap eroding: the levy's bite stays while "
            "Huawei wears down the gap before the levy.": lambda: (
                hedging.exit_clock(**{**values, "levy": 0.0}).exit_time
            ),
            "That is a number of months: give years.": lambda: 12 * clock.exit_time,
        },
    )
    return CheckResult(
        False,
        f"your {given:g} years is not this scenario's exit date. At which advantage do "
        "imports stop being worth buying, and how long does Huawei take to wear the gap "
        'before the levy down to it? (section "The exit clock")' + mistake,
    )


@exercise_check
@strict_keywords
def check_erosion_for_exit(
    rate: float,
    years: float,
    base_advantage: float | None = None,
    domestic_value: float | None = None,
    levy: float | None = None,
    pass_through: float | None = None,
) -> CheckResult:
    """Check the erosion rate λ that brings the exit date to ``years`` (V = 1).

    Examples
    --------
    >>> check_erosion_for_exit(0.5, 2.0)
    Not yet: at λ = 0.5 a year the exit does not come after 2 years. Solve the exit condition for the erosion rate instead of the time (section "The exit clock").
    """
    blank = unanswered(rate=rate, years=years)
    if blank is not None:
        return blank
    P = hedging.PARAMETERS
    fixed = {
        "base_advantage": base_advantage,
        "domestic_value": domestic_value,
        "levy": levy,
        "pass_through": pass_through,
    }
    fixed = {k: P[k].check(P[k].default if v is None else v) for k, v in fixed.items()}
    given = _number("rate", rate)
    target = require_number("years", years, minimum=0, minimum_included=False)
    # The rate that puts the exit at ``target``: the exit date scales as 1/λ.
    at_one = hedging.exit_clock(advantage_erosion_rate=1.0, **fixed).exit_time
    expected = at_one / target
    if _near(given, expected):
        return CheckResult(
            True,
            f"at λ = {expected:.3f} a year the exit comes after {target:g} years: the gap "
            f"before the levy shrinks to ×{math.exp(-expected):.2f} of itself each year and "
            f"halves every {math.log(2) / expected:.1f} years.",
        )
    mistake = _mistake(
        given,
        expected,
        {
            DEFAULTS_USED: lambda: (
                hedging.exit_clock(advantage_erosion_rate=1.0).exit_time / target
            ),
            "That is the multiple by which the gap shrinks each year, not the log rate λ.": (
                lambda: math.exp(-expected)
            ),
            "That is the gap's halving time, not the log rate λ.": lambda: math.log(2) / expected,
        },
    )
    return CheckResult(
        False,
        f"at λ = {given:g} a year the exit does not come after {target:g} years. Solve the "
        'exit condition for the erosion rate instead of the time (section "The exit clock").'
        + mistake,
    )
